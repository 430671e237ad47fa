#!/usr/bin/env python3
"""An innovation fund's effect, channel by channel (scripts/fund-channels).

For each fund size (a multiple of the base budget) the scenario runs with
the whole mix of channels and with each channel alone at its share of the
mix; a run with no fund is the reference. A channel's effect is its run's
cumulative direct emissions minus the reference's; the interaction is the
whole mix's effect minus the sum of the channels' alone.
"""
import argparse
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np

NEAR_ZERO = ("h2_dri_eaf", "bf_bof_ccus", "sr_ccus", "electrolysis")


def run(binary, scenario, sets, path):
    cmd = [binary, "run", scenario, "-q", "-o", path]
    for s in sets:
        cmd += ["--set", s]
    subprocess.run(cmd, check=True)
    return summary(path)


def summary(path):
    with h5py.File(path, "r") as f:
        years = [int(y) for y in f["year"][:]]
        techs = [t.decode() for t in f["technology"][:]]
        prod = f["production"][:]  # year, region, technology
        e = f["emissions"][:]
        e = e.sum(axis=tuple(range(1, e.ndim))) if e.ndim > 1 else e
        out = {"cum": e.sum() / 1000.0, "grants": f["fund_grants"][:].sum() / 1000.0,
               "grant_cap": f["fund_grant_capacity"][:].sum(), "spent": f["fund_spent"][:].sum() / 1000.0}
        i50 = years.index(2050) if 2050 in years else len(years) - 1
        i40 = years.index(2040) if 2040 in years else len(years) - 1
        for t in NEAR_ZERO:
            if t not in techs:
                continue
            k = techs.index(t)
            by_year = prod[:, :, k].sum(axis=1)
            on = np.nonzero(by_year > 0.5)[0]
            out[t] = (years[on[0]] if on.size else None, by_year[i50])
            out["trl_" + t] = f["readiness"][i40, k]
        h = f["hydrogen_cost"][:]
        out["h2_2035"] = float(h[years.index(2035)].mean()) if 2035 in years else float("nan")
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p.add_argument("--scenario", default=os.path.join(root, "scenarios", "china-baseline.yaml"))
    p.add_argument("--budget", type=float, default=35.0, help="base budget, million CNY/yr")
    p.add_argument("--sizes", default="1,10,100,1000", help="multiples of the base budget")
    p.add_argument("--route", default="h2_dri_eaf", help="the route whose R&D the fund pays")
    p.add_argument("--mix", default="0.3,0.2,0.5",
                   help="shares of route R&D, electrolyser R&D, demonstration (china-alliance-fund's)")
    a = p.parse_args()
    binary = os.environ.get("STEELPATH_BIN", os.path.join(root, "build", "bin", "steelpath"))
    rd, h2, demo = (float(x) for x in a.mix.split(","))
    channels = {"all": (rd, h2, demo), "route R&D": (rd, 0, 0), "electrolyser R&D": (0, h2, 0),
                "demonstration": (0, 0, demo)}
    with tempfile.TemporaryDirectory() as tmp:
        def fund(size, shares):
            r, h, d = shares
            return [f"policies.fund.budget={a.budget * size:g} million CNY/yr",
                    f"policies.fund.allocation.{a.route}={r:g}", f"policies.fund.hydrogen={h:g}",
                    f"policies.fund.demonstration={d:g}"]
        ref = run(binary, a.scenario, fund(0, (0, 0, 0)), os.path.join(tmp, "none.h5"))
        rows = [("none", "-", ref)]
        for size in (float(s) for s in a.sizes.split(",")):
            for name, shares in channels.items():
                res = run(binary, a.scenario, fund(size, shares), os.path.join(tmp, f"{size}-{name}.h5"))
                rows.append((f"{size:g}x", name, res))
    routes = [t for t in NEAR_ZERO if t in ref]
    head = ["fund", "channel", "cumulative CO2 (Gt)", "vs no fund (Mt)", "spent (bn USD)",
            "grants (bn USD)", "co-financed (Mt/yr)"]
    head += [f"{t}: first year, 2050 Mt" for t in routes]
    head += [f"TRL 2040 {routes[0]}", "H2 2035 (USD/kg)"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    effects = {}
    for size, name, r in rows:
        d = (r["cum"] - ref["cum"]) * 1000.0
        effects[(size, name)] = d
        cells = [size, name, f"{r['cum']:.3f}", f"{d:+.0f}", f"{r['spent']:.2f}", f"{r['grants']:.2f}",
                 f"{r['grant_cap']:.1f}"]
        cells += [f"{r[t][0] or 'never'}, {r[t][1]:.1f}" for t in routes]
        cells += [f"{r['trl_' + routes[0]]:.2f}", f"{r['h2_2035']:.3f}"]
        print("| " + " | ".join(cells) + " |")
    print()
    for size in sorted({s for s, _ in effects if s != "none"}, key=lambda s: float(s[:-1])):
        alone = sum(effects[(size, c)] for c in channels if c != "all")
        print(f"- {size}: all channels {effects[(size, 'all')]:+.0f} Mt; channels alone sum to {alone:+.0f} Mt; "
              f"interaction {effects[(size, 'all')] - alone:+.0f} Mt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
