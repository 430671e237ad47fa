#!/usr/bin/env python3
"""docs/output.md must list exactly the variables a results file holds, with
the same dimensions and units.

The tables under a heading that contains "Ensemble" (down to the next heading
of the same or a higher level) describe the ensemble file; the other tables
describe the single-run file.

Usage: check_schema_doc.py docs/output.md RESULTS.h5
       check_schema_doc.py --ensemble docs/output.md ENSEMBLE.h5
"""
import re
import sys

import h5py

ROW = re.compile(r"^\|\s*(/|[a-z_0-9]+)\s*\|\s*([a-z_0-9]+)\s*\|\s*([a-z_, ]+)\s*\|\s*([^|]+?)\s*\|")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
ENSEMBLE_HEADING = re.compile(r"\bEnsemble\b")


def text(v):
    return v.decode("utf-8") if isinstance(v, bytes) else str(v)


def documented(doc_path, ensemble):
    """{group/name: (dims, units)} of the table rows of the single-run part of
    the document (ensemble False) or of its Ensemble section (ensemble True)."""
    rows = {}
    ensemble_level = None  # the level of the Ensemble heading we are under
    in_code = False
    with open(doc_path, encoding="utf-8") as f:
        for line in f:
            if line.lstrip().startswith("```"):
                in_code = not in_code
                continue
            h = None if in_code else HEADING.match(line)
            if h:
                level = len(h.group(1))
                if ensemble_level is not None and level <= ensemble_level:
                    ensemble_level = None
                if ensemble_level is None and ENSEMBLE_HEADING.search(h.group(2)):
                    ensemble_level = level
                continue
            if (ensemble_level is not None) != ensemble:
                continue
            m = ROW.match(line)
            if m and m.group(1) != "group":
                group = "" if m.group(1) == "/" else m.group(1)
                name = f"{group}/{m.group(2)}" if group else m.group(2)
                dims = tuple(d.strip() for d in m.group(3).split(","))
                if dims == ("scalar",):
                    dims = ()
                rows[name] = (dims, m.group(4))
    return rows


def in_file(h5_path):
    found = {}
    with h5py.File(h5_path, "r") as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                dims = tuple(text(d.label) or (text(d[0].name).rsplit("/", 1)[-1] if len(d) else "")
                             for d in obj.dims)
                if obj.attrs.get("CLASS") is not None and text(obj.attrs["CLASS"]) == "DIMENSION_SCALE":
                    dims = (name.rsplit("/", 1)[-1],)
                found[name] = (dims, text(obj.attrs["units"]) if "units" in obj.attrs else "(no units attribute)")
        f.visititems(visit)
    return found


def main(doc_path, h5_path, ensemble=False):
    doc, got = documented(doc_path, ensemble), in_file(h5_path)
    where = f'the "Ensemble" section of {doc_path}' if ensemble else doc_path
    if not doc:
        print(f"FAILED: no variable table in {where}", file=sys.stderr)
        return 1
    problems = [f"in the file but not in {where}: {n}" for n in sorted(set(got) - set(doc))]
    problems += [f"in {where} but not in the file: {n}" for n in sorted(set(doc) - set(got))]
    for n in sorted(set(doc) & set(got)):
        if doc[n] != got[n]:
            problems.append(f"{n}: documented {doc[n]}, file has {got[n]}")
    for p in problems:
        print("FAILED:", p, file=sys.stderr)
    if not problems:
        print(f"ok: {len(doc)} variables documented and written alike ({'ensemble' if ensemble else 'single-run'} file)")
    return 1 if problems else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    ensemble = bool(args) and args[0] == "--ensemble"
    if ensemble:
        args = args[1:]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(args[0], args[1], ensemble))
