#!/usr/bin/env python3
"""Plots the shipped world fleet's timing: capacity reaching its first
campaign end and its end of life in each year 2025-2060, known and imputed
relining years apart -> docs/img/fleet-timing.png.

Usage: /usr/bin/python3 scripts/plot_fleet_timing.py [FLEET_CSV] [OUT_PNG]

It mirrors the engine's rule (engine/sim/fleet_timing.cpp, docs/model.md
"Fleet timing") on the CSV, with numpy's generator in place of the engine's
counter-based stream: the same distributions, not the same draws. Imputed
capacity is the mean over ten draws. Campaigns and lifetime are the shipped
defaults (BF-BOF 17 years, Vogl et al. 2021; others 20, MPP 2022; lifetime
40, MPP 2022); campaign jitter 0.
"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

FIRST, LAST, LIFETIME, MIN_DATED, DRAWS = 2025, 2060, 40, 20, 10
CAMPAIGN = {"bf_bof": 17}  # others 20


def campaign(route):
    return CAMPAIGN.get(route, 20)


def distributions(fleet):
    """Sorted years since relining of the dated units, within the campaign, by (route, region) and route."""
    dated = fleet[fleet["last_reline_year"].notna()].copy()
    dated["u"] = (FIRST - dated["last_reline_year"]).clip(lower=0)
    dated = dated[dated["u"] <= dated["technology"].map(campaign)]
    own = {k: np.sort(g["u"].to_numpy()) for k, g in dated.groupby(["technology", "region"])}
    world = {k: np.sort(g["u"].to_numpy()) for k, g in dated.groupby("technology")}
    return own, world


def timing(fleet, rng):
    """Each unit's first decision year and end-of-life year (the engine's rule, one draw)."""
    own, world = distributions(fleet)
    decision, end = [], []
    for row in fleet.itertuples():
        n = campaign(row.technology)
        reline = row.last_reline_year
        if pd.isna(reline):
            ages = own.get((row.technology, row.region))
            if ages is None or len(ages) < MIN_DATED:
                ages = world.get(row.technology)
            u = rng.random()
            years = ages[min(len(ages) - 1, int(u * len(ages)))] if ages is not None else 1 + min(n - 1, int(u * n))
            reline = max(row.start_year, FIRST - years)
        t = int(reline) + n
        build = row.start_year if row.start_year + LIFETIME > t else t - LIFETIME
        decision.append(max(FIRST, t))
        end.append(max(FIRST, build + LIFETIME))
    return np.array(decision), np.array(end)


def per_year(years, capacity, mask):
    grid = np.arange(FIRST, LAST + 1)
    return np.array([capacity[mask & (years == y)].sum() for y in grid])


def main(fleet_csv="scenarios/data/gem_fleet_2025.csv", out="docs/img/fleet-timing.png"):
    fleet = pd.read_csv(fleet_csv, comment="#")
    cap = fleet["capacity_mtpa"].to_numpy()
    known = fleet["last_reline_year"].notna().to_numpy()
    rng = np.random.default_rng(17)
    grid = np.arange(FIRST, LAST + 1)
    series = {key: np.zeros(len(grid)) for key in ("dk", "di", "ek", "ei")}
    for _ in range(DRAWS):
        d, e = timing(fleet, rng)
        series["dk"] += per_year(d, cap, known) / DRAWS
        series["di"] += per_year(d, cap, ~known) / DRAWS
        series["ek"] += per_year(e, cap, known) / DRAWS
        series["ei"] += per_year(e, cap, ~known) / DRAWS
    old = per_year(np.maximum(FIRST, fleet["start_year"].to_numpy() + LIFETIME), cap, np.ones(len(fleet), bool))

    fig, axes = plt.subplots(2, 1, figsize=(9, 7), sharex=True)
    for ax, (k, i), title in ((axes[0], ("dk", "di"), "first campaign end (relining decision)"),
                              (axes[1], ("ek", "ei"), "end of life (rebuild-or-close decision)")):
        ax.bar(grid, series[k], color="#1f4e79", label="known relining year (GEM)")
        ax.bar(grid, series[i], bottom=series[k], color="#9dc3e6", label="imputed (mean of 10 draws)")
        ax.set_ylabel("Mt/yr of capacity")
        ax.set_title(f"World fleet (operating and pipeline, {cap.sum():,.0f} Mt/yr): capacity reaching its {title}",
                     fontsize=10)
    axes[1].step(grid, old, where="mid", color="#c00000", linestyle="--",
                 label=f"before issue 17: plant start + 40 ({old[0]:,.0f} Mt/yr in {FIRST})")
    axes[1].set_ylim(0, 1.15 * max((series["ek"] + series["ei"]).max(), old[1:].max()))
    axes[1].annotate(f"{old[0]:,.0f} Mt/yr", (FIRST, axes[1].get_ylim()[1] * 0.95), color="#c00000", fontsize=8,
                     ha="left", va="top")
    for ax in axes:
        ax.legend(fontsize=8, loc="upper right")
    axes[1].set_xlabel("year")
    fig.text(0.01, 0.005, "Source: GEM Global Iron and Steel Tracker (2025, CC BY 4.0); rule of "
             "engine/sim/fleet_timing.cpp, mirrored by scripts/plot_fleet_timing.py", fontsize=7)
    fig.tight_layout(rect=(0, 0.02, 1, 1))
    fig.savefig(out, dpi=110)
    print(f"wrote {out}: 2025 end of life {series['ek'][0] + series['ei'][0]:.0f} Mt/yr "
          f"(before: {old[0]:.0f}); mean 2025-2060 {(series['ek'] + series['ei']).mean():.0f} Mt/yr")


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
