#!/usr/bin/python3
"""Company finance of a single-run results file: the distribution (quartiles)
of company EBITDA margins and net debt / EBITDA in 2025, 2035 and 2050, the
sector's EBITDA margin and EBITDA per tonne, and the share of companies with
negative cash in 2050 (docs/model.md, "Company finance").

Usage: scripts/finance_check.py RESULTS.h5 [--years 2025 2035 2050]

Companies without revenue in a year are left out of that year's
distributions; net debt / EBITDA is shown only for companies with EBITDA > 0
(the count with EBITDA <= 0 is printed beside it).
"""
import argparse
import sys

import h5py
import numpy as np


def quartiles(v):
    if v.size == 0:
        return "-"
    q = np.percentile(v, [25, 50, 75])
    return f"{q[0]:8.3f} {q[1]:8.3f} {q[2]:8.3f}"


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results")
    ap.add_argument("--years", type=int, nargs="+", default=[2025, 2035, 2050])
    a = ap.parse_args(argv)
    with h5py.File(a.results, "r") as f:
        need = ["company_revenue", "company_costs", "company_cash", "company_debt", "company_production"]
        missing = [n for n in need if n not in f]
        if missing:
            print(f"{a.results}: not a single-run file with company finance (missing {', '.join(missing)})",
                  file=sys.stderr)
            return 2
        years = list(f["year"][()])
        rev, cost = f["company_revenue"][()], f["company_costs"][()]
        cash, debt, prod = f["company_cash"][()], f["company_debt"][()], f["company_production"][()]
    print(f"{a.results}: {rev.shape[1]} companies")
    print("year  sector EBITDA margin  EBITDA USD/t | company EBITDA margin q25 q50 q75 | "
          "net debt/EBITDA q25 q50 q75 (EBITDA<=0)")
    for y in a.years:
        if y not in years:
            print(f"{y}: not in the results", file=sys.stderr)
            return 2
        i = years.index(y)
        ebitda = rev[i] - cost[i]
        selling = rev[i] > 0
        margin = ebitda[selling] / rev[i][selling]
        positive = selling & (ebitda > 0)
        leverage = (debt[i][positive] - cash[i][positive]) / ebitda[positive]
        sector = ebitda.sum() / rev[i].sum() if rev[i].sum() > 0 else float("nan")
        per_t = ebitda.sum() / prod[i].sum() if prod[i].sum() > 0 else float("nan")
        print(f"{y}  {sector:20.3f}  {per_t:12.1f} | {quartiles(margin)} | {quartiles(leverage)} "
              f"({int((selling & (ebitda <= 0)).sum())})")
    last = years.index(2050) if 2050 in years else len(years) - 1
    share = float((cash[last] < 0).mean())
    print(f"companies with negative cash in {years[last]}: {share:.3f} "
          f"({int((cash[last] < 0).sum())} of {cash.shape[1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
