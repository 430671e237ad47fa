#!/usr/bin/env python3
"""The first simulated year of a results file against published statistics:
prints the table in docs/validation.md and, with --check, fails when a
figure is outside its stated tolerance.

Usage: /usr/bin/python3 scripts/validate_start.py RESULTS.h5 [--check]

Published figures (../shared/data/FACTS.md gathers them; cite the originals):
  world crude steel 2024 1,882.6 Mt; China 1,005.1 Mt (worldsteel, Jan 2025);
  route mix, world: BF-BOF 70-71 %, scrap-EAF 22-24 %, DRI about 5 % (IEA
  Breakthrough Agenda Report 2023); direct CO2 about 2.6 Gt (IEA Iron and
  Steel Technology Roadmap 2020); average intensity 1.91 t CO2/t on
  worldsteel's boundary, which includes electricity and upstream
  (worldsteel sustainability indicators 2023).
"""
import sys

import h5py
import numpy as np


def first_year(path):
    with h5py.File(path, "r") as f:
        techs = [t.decode() if isinstance(t, bytes) else t for t in f["technology"][:]]
        regions = [r.decode() if isinstance(r, bytes) else r for r in f["region"][:]]
        prod = f["production"][0]  # region x technology
        direct = float(f["emissions"][0])
        indirect = float(f["emissions_indirect"][0].sum())
        year = int(f["year"][0])
    total = float(prod.sum())
    by_route = dict(zip(techs, prod.sum(axis=0)))
    bf = sum(v for k, v in by_route.items() if k.startswith("bf_bof"))
    dri = sum(v for k, v in by_route.items() if "dri" in k)
    scrap = by_route.get("scrap_eaf", 0.0)
    china = float(prod[regions.index("CHN")].sum()) if "CHN" in regions else float("nan")
    china_bf = (sum(float(prod[regions.index("CHN")][i]) for i, k in enumerate(techs) if k.startswith("bf_bof"))
                / china if "CHN" in regions else float("nan"))
    return year, total, china, bf / total, scrap / total, dri / total, direct, indirect, china_bf


def main(path, check):
    year, total, china, bf, scrap, dri, direct, indirect, china_bf = first_year(path)
    rows = [
        # quantity, published, source, model, difference, ok, tolerance
        ("world crude steel", "1,882.6 Mt (2024)", "worldsteel", f"{total:,.1f} Mt", f"{total - 1882.6:+.1f} Mt",
         abs(total / 1882.6 - 1) <= 0.01, "1 % (demand is calibrated to it)"),
        ("China crude steel", "1,005.1 Mt (2024)", "worldsteel", f"{china:,.1f} Mt", f"{china - 1005.1:+.1f} Mt",
         abs(china / 1005.1 - 1) <= 0.01, "1 % (calibrated)"),
        ("BF-BOF share", "70–71 %", "IEA Breakthrough Agenda 2023", f"{100 * bf:.1f} %", f"{100 * bf - 70.5:+.1f} points",
         abs(100 * bf - 70.5) <= 5, "5 points"),
        ("scrap-EAF share", "22–24 %", "IEA Breakthrough Agenda 2023", f"{100 * scrap:.1f} %",
         f"{100 * scrap - 23:+.1f} points", abs(100 * scrap - 23) <= 5, "5 points"),
        ("DRI-EAF share", "about 5 %", "IEA Breakthrough Agenda 2023", f"{100 * dri:.1f} %", f"{100 * dri - 5:+.1f} points",
         abs(100 * dri - 5) <= 2, "2 points"),
        ("China BF-BOF share", "about 90 % (BOF above 90 %)", "worldsteel, World Steel in Figures (verify the year)",
         f"{100 * china_bf:.1f} %", f"{100 * china_bf - 90:+.1f} points", abs(100 * china_bf - 90) <= 6,
         "6 points"),
        ("direct CO2", "about 2.6 Gt", "IEA Iron and Steel Technology Roadmap 2020", f"{direct / 1000:.2f} Gt",
         f"{100 * (direct / 2600 - 1):+.0f} %", 2600 <= direct <= 1.91 * 1882.6,
         "between IEA's direct 2.6 Gt and worldsteel's 1.91 t/t x 1,882.6 Mt = 3.6 Gt (boundaries below)"),
        ("direct intensity", "1.91 t CO2/t (wider boundary)", "worldsteel 2023", f"{direct / total:.2f} t/t",
         f"{direct / total - 1.91:+.2f} t/t", direct / total <= 1.91 * 1.05, "at most 1.91 + 5 % (a wider boundary)"),
    ]
    print(f"First simulated year: {year} (compared with 2024 statistics). Indirect CO2 (grid electricity): "
          f"{indirect / 1000:.2f} Gt.\n")
    print("| quantity | published | source | model | difference | tolerance | within |")
    print("|---|---|---|---|---|---|---|")
    for q, pub, src, model, diff, ok, tol in rows:
        print(f"| {q} | {pub} | {src} | {model} | {diff} | {tol} | {'yes' if ok else 'NO'} |")
    if check and not all(r[5] for r in rows):
        print("FAILED: a first-year figure is outside its tolerance", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], "--check" in sys.argv[2:]))
