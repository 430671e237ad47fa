"""Compares two steelpath results files dataset by dataset and attribute by
attribute, bit for bit (NaN equals NaN at the same place), ignoring only the
provenance that names when, where and by which build a file was written.
Used by scripts/compare-builds; exit 0 when identical, 1 otherwise.

    compare_results.py A.h5 B.h5
"""
import sys

import h5py
import numpy as np

# Root attributes that differ between any two runs or builds by design.
PROVENANCE = {
    "git_commit", "host", "working_directory", "command_line", "started_utc", "finished_utc",
    "ensemble_identity", "run_wall_seconds", "run_members_per_second", "run_unit_years_per_second",
    "run_peak_rss_mib", "run_threads", "run_ranks",
}


def _same_value(a, b):
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        if a.shape != b.shape or a.dtype.kind != b.dtype.kind:
            return False
        if a.dtype.kind == "f":
            return a.tobytes() == b.tobytes() or bool(np.array_equal(a, b, equal_nan=True))
        return bool(np.array_equal(a, b))
    if isinstance(a, float) and isinstance(b, float) and np.isnan(a) and np.isnan(b):
        return True
    return a == b


def compare(path_a, path_b):
    problems = []
    with h5py.File(path_a, "r") as fa, h5py.File(path_b, "r") as fb:
        items_a, items_b = {}, {}
        fa.visititems(lambda n, o: items_a.__setitem__(n, o))
        fb.visititems(lambda n, o: items_b.__setitem__(n, o))
        for name in sorted(set(items_a) ^ set(items_b)):
            problems.append(f"{name}: only in {'A' if name in items_a else 'B'}")
        for name in ["/"] + sorted(set(items_a) & set(items_b)):
            oa, ob = (fa, fb) if name == "/" else (items_a[name], items_b[name])
            ignore = PROVENANCE if name == "/" else set()
            skip = ignore | {"DIMENSION_LIST", "REFERENCE_LIST"}
            ka, kb = set(oa.attrs) - skip, set(ob.attrs) - skip
            for k in sorted(ka ^ kb):
                problems.append(f"{name}: attribute {k} only in {'A' if k in ka else 'B'}")
            for k in sorted(ka & kb):
                if not _same_value(oa.attrs[k], ob.attrs[k]):
                    problems.append(f"{name}: attribute {k}: {oa.attrs[k]!r} != {ob.attrs[k]!r}")
            if isinstance(oa, h5py.Dataset) and isinstance(ob, h5py.Dataset):
                a, b = oa[()], ob[()]
                if not _same_value(np.asarray(a), np.asarray(b)):
                    detail = ""
                    if np.asarray(a).shape == np.asarray(b).shape and np.asarray(a).dtype.kind == "f":
                        d = np.abs(np.asarray(a, float) - np.asarray(b, float))
                        d = d[np.isfinite(d)]
                        detail = f" (max abs difference {d.max() if d.size else float('nan'):.3g})"
                    problems.append(f"{name}: values differ{detail}")
    return problems


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    problems = compare(argv[1], argv[2])
    for p in problems:
        print(f"  {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
