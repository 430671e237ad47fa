#!/usr/bin/env python3
"""An innovation fund's effect, channel by channel (scripts/fund-channels).

For each fund size (a multiple of the base budget) the scenario runs with
the whole mix of channels and with each channel alone at its share of the
mix; a run with no fund is the reference. A channel's effect is its run's
cumulative direct emissions (and investment, before grants and subsidies)
minus the reference's; the interaction is the whole mix's effect minus the
sum of the channels' alone.
"""
import argparse
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import doc_sections  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = os.path.join(ROOT, "docs", "validation.md")
SECTION = "scripts/fund-channels"  # docs/validation.md's generated table

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
        out = {"cum": e.sum() / 1000.0, "grants": f["fund_grants"][:].sum() / 1000.0, "years": len(years),
               "research": f["fund_research"][:].sum() / 1000.0,
               "investment": f["investment"][:].sum() / 1000.0,
               "h2_research": f["fund_hydrogen_research"][:].sum() / 1000.0,
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
    p.add_argument("--check", action="store_true",
                   help="fail unless the channels' spending adds up and docs/validation.md has this table")
    p.add_argument("--update-doc", action="store_true", help="write the table into docs/validation.md")
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
    text, failures = table(rows, ref, channels, (rd, h2, demo), a.budget * usd_per_cny(a.scenario))
    print(text, end="")
    if a.update_doc:
        doc_sections.replace(DOC, SECTION, text)
        print(f"updated the fund-channels table in {os.path.relpath(DOC)}", file=sys.stderr)
    if a.check:
        for f in failures:
            print("FAILED:", f, file=sys.stderr)
        stale = doc_sections.check(DOC, SECTION, text, "run scripts/fund-channels --update-doc and make the "
                                   "reading below the table true")
        return 1 if failures or stale else 0
    return 0


def usd_per_cny(scenario):
    """The scenario's CNY rate (its own `currencies`, else the scenario it extends)."""
    import yaml
    while scenario:
        with open(scenario, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        rate = (doc.get("currencies") or {}).get("CNY")
        if rate is not None:
            return float(rate)
        parent = doc.get("extends")
        scenario = os.path.join(os.path.dirname(scenario), parent) if parent else None
    sys.exit("the scenario (and those it extends) sets no CNY rate under currencies")


def table(rows, ref, channels, mix, base_musd):
    """The Markdown table and the spending checks: each R&D channel spends
    its share of the budget every year; grants never exceed the pot."""
    rd, h2, demo = mix
    routes = [t for t in NEAR_ZERO if t in ref]
    head = ["fund", "channel", "cumulative CO2 (Gt)", "vs no fund (Mt)", "investment vs no fund (bn USD)",
            "spent (bn USD)",
            "grants (bn USD)", "co-financed (Mt/yr)"]
    head += [f"{t}: first year, 2050 Mt" for t in routes]
    head += [f"TRL 2040 {routes[0]}", "H2 2035 (USD/kg)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    effects, failures = {}, []
    for size, name, r in rows:
        d = (r["cum"] - ref["cum"]) * 1000.0
        effects[(size, name)] = d
        cells = [size, name, f"{r['cum']:.3f}", f"{d:+.0f}", f"{r['investment'] - ref['investment']:+.1f}",
                 f"{r['spent']:.2f}", f"{r['grants']:.2f}",
                 f"{r['grant_cap']:.1f}"]
        cells += [f"{r[t][0] or 'never'}, {r[t][1]:.1f}" for t in routes]
        cells += [f"{r['trl_' + routes[0]]:.2f}", f"{r['h2_2035']:.3f}"]
        lines.append("| " + " | ".join(cells) + " |")
        if size == "none":
            continue
        budget = float(size[:-1]) * base_musd * r["years"] / 1000.0  # bn USD over the horizon
        shares = channels[name]
        for what, share, key in (("route R&D", shares[0], "research"), ("electrolyser R&D", shares[1], "h2_research")):
            if abs(r[key] - share * budget) > 1e-9 * max(1.0, budget):
                failures.append(f"{size} {name}: {what} spent {r[key]:.6f} bn USD, expected {share * budget:.6f}")
        if r["grants"] > shares[2] * budget * (1 + 1e-12):
            failures.append(f"{size} {name}: grants {r['grants']:.6f} bn USD exceed the pot {shares[2] * budget:.6f}")
        if abs(r["spent"] - (r["research"] + r["h2_research"] + r["grants"])) > 1e-9 * max(1.0, r["spent"]):
            failures.append(f"{size} {name}: fund_spent is not R&D + electrolyser R&D + grants")
    lines.append("")
    for size in sorted({s for s, _ in effects if s != "none"}, key=lambda s: float(s[:-1])):
        alone = sum(effects[(size, c)] for c in channels if c != "all")
        lines.append(f"- {size}: all channels {effects[(size, 'all')]:+.0f} Mt; channels alone sum to "
                     f"{alone:+.0f} Mt; interaction {effects[(size, 'all')] - alone:+.0f} Mt")
    return "\n".join(lines) + "\n", failures


if __name__ == "__main__":
    sys.exit(main())
