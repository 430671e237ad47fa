#!/usr/bin/env python3
"""The committed fleet CSV (scenarios/data/gem_fleet_2025.csv) holds GEM's
March 2025 capacity, and scripts/build_fleet.py rebuilds it byte for byte
from the raw files when they are present (../shared/data/raw).

Usage: check_fleet_data.py REPO_ROOT [RAW_DIR]
Without RAW_DIR: the totals only. With it: the totals and the rebuild; exit 77
(CTest: skipped, and says so) when the folder is absent.
"""
import filecmp
import os
import subprocess
import sys
import tempfile

import pandas as pd


def main(root, raw):
    data = os.path.join(root, "scenarios", "data")
    fleet = pd.read_csv(os.path.join(data, "gem_fleet_2025.csv"), comment="#")
    op = fleet[fleet["status"] == "operating"]
    # GEM's own operating totals (SOURCES.md, operating + operating-pre-retirement, Mt/yr):
    # crude steel 2,199 of which BOF 1,461, EAF 699, OHF 5, other/unspecified 34; China 1,056.
    checks = {
        "world crude steel (less GEM's 34 Mt of unspecified route)": (op["capacity_mtpa"].sum(), 2199 - 34, 0.01),
        "China crude steel": (op.loc[op["region"] == "CHN", "capacity_mtpa"].sum(), 1056, 0.01),
        "BF-BOF (BOF + open hearth)": (op.loc[op["technology"] == "bf_bof", "capacity_mtpa"].sum(), 1461 + 5, 0.01),
        "EAF (DRI-fed + scrap)": (op.loc[op["technology"].isin(["ng_dri_eaf", "coal_dri_eaf", "scrap_eaf"]),
                                   "capacity_mtpa"].sum(), 699, 0.01),
    }
    failures = []
    for name, (got, want, tol) in checks.items():
        ok = abs(got - want) <= tol * want
        print(f"{'ok' if ok else 'FAILED'}: {name}: {got:.1f} Mt/yr vs GEM {want} (tolerance {tol:.0%})")
        if not ok:
            failures.append(name)
    assert fleet["unit_id"].is_unique, "unit ids repeat"
    assert set(fleet["region"]) <= {"CHN", "IND", "JPN", "KOR", "EU", "USA", "RUS", "ROW"}
    dated = fleet["last_reline_year"].notna()
    assert (fleet.loc[dated, "last_reline_year"] >= fleet.loc[dated, "start_year"]).all()
    assert (fleet["reline_imputed"] == (~dated).astype(int)).all(), "reline_imputed != empty relining year"
    assert (fleet["capacity_mtpa"] > 0).all()
    china = pd.read_csv(os.path.join(data, "gem_fleet_2025_china.csv"), comment="#")
    assert china.equals(fleet[fleet["region"] == "CHN"].reset_index(drop=True)), "China file != China rows"
    if failures:
        return 1
    if not raw:
        return 0  # totals only
    if not os.path.isdir(raw):
        print(f"skipped: the rebuild check needs the raw GEM files ({raw})")
        return 77
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(["/usr/bin/python3", os.path.join(root, "scripts", "build_fleet.py"), raw, out], check=True,
                       stdout=subprocess.DEVNULL)
        for name in ("gem_fleet_2025.csv", "gem_fleet_2025_china.csv", "gem_companies_2025.csv"):
            if not filecmp.cmp(os.path.join(out, name), os.path.join(data, name), shallow=False):
                print(f"FAILED: scripts/build_fleet.py does not reproduce scenarios/data/{name}", file=sys.stderr)
                return 1
    print("ok: scripts/build_fleet.py reproduces the committed fleet files byte for byte")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
