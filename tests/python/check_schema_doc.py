#!/usr/bin/env python3
"""docs/output.md must list exactly the variables a results file holds, with
the same dimensions and units.

Usage: check_schema_doc.py docs/output.md RESULTS.h5
"""
import re
import sys

import h5py


def text(v):
    return v.decode("utf-8") if isinstance(v, bytes) else str(v)


def documented(doc_path):
    rows = {}
    row = re.compile(r"^\|\s*(/|[a-z_0-9]+)\s*\|\s*([a-z_0-9]+)\s*\|\s*([a-z_, ]+)\s*\|\s*([^|]+?)\s*\|")
    with open(doc_path, encoding="utf-8") as f:
        for line in f:
            m = row.match(line)
            if m and m.group(1) != "group":
                group = "" if m.group(1) == "/" else m.group(1)
                name = f"{group}/{m.group(2)}" if group else m.group(2)
                dims = tuple(d.strip() for d in m.group(3).split(","))
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
                found[name] = (dims, text(obj.attrs["units"]))
        f.visititems(visit)
    return found


def main(doc_path, h5_path):
    doc, got = documented(doc_path), in_file(h5_path)
    problems = [f"in the file but not in {doc_path}: {n}" for n in sorted(set(got) - set(doc))]
    problems += [f"in {doc_path} but not in the file: {n}" for n in sorted(set(doc) - set(got))]
    for n in sorted(set(doc) & set(got)):
        if doc[n] != got[n]:
            problems.append(f"{n}: documented {doc[n]}, file has {got[n]}")
    for p in problems:
        print("FAILED:", p, file=sys.stderr)
    if not problems:
        print(f"ok: {len(doc)} variables documented and written alike")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
