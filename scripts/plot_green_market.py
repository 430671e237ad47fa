#!/usr/bin/python3
"""The green-steel market of an ensemble that varies a procurement mandate.

Reads an ensemble file whose one lever axis is the mandate's share
(scenarios/global-green-market.yaml: policies.procurement.share.2030) and
draws, per setting, (left) the green premium that cleared in each region
with a green market, (middle) near-zero steel sold and the mandate's
shortfall summed over the regions, and (right) near-zero output by route,
world, so that a reader sees what buyers pay, what is made and what is not.

Usage: plot_green_market.py RESULTS.h5 OUT.png
   e.g. build/bin/steelpath run scenarios/global-green-market.yaml -o results/global-green-market.h5
        scripts/plot_green_market.py results/global-green-market.h5 docs/img/green-market.png
"""
import sys

import h5py
import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 (after choosing the backend)

NEAR_ZERO = {"h2_dri_eaf": "H2-DRI-EAF", "sr_ccus": "SR + CCUS", "bf_bof_ccus": "BF-BOF + CCUS",
             "electrolysis": "ore electrolysis"}
STYLES = ("-", "--", ":")


def read(path):
    with h5py.File(path, "r") as f:
        out = {k: f[k][:] for k in ("year", "green_premium", "green_volume", "green_shortfall", "production",
                                    "lever_value")}
        out["region"] = [x.decode() for x in f["region"][:]]
        out["technology"] = [x.decode() for x in f["technology"][:]]
        out["lever"] = [x.decode() for x in f["lever"][:]]
    if len(out["lever"]) != 1:
        sys.exit(f"{path}: expected one lever axis (the mandate's share)")
    return out


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    d = read(argv[1])
    years = d["year"]
    shares = d["lever_value"][:, 0]
    markets = [i for i, _ in enumerate(d["region"]) if np.nanmax(d["green_premium"][:, :, i]) > 0]
    fig, axes = plt.subplots(1, 3, figsize=(13.5, 4.2), constrained_layout=True)
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for m, share in enumerate(shares):
        label = f"mandate {share:.0%} by 2030" if share > 0 else "EU buyers only"
        ls = STYLES[m % len(STYLES)]
        # premiums: every region at the middle setting, the EU's at the others
        for c, i in enumerate(markets):
            if m == len(shares) // 2 or d["region"][i] == "EU":
                axes[0].plot(years, d["green_premium"][m, :, i], ls, color=colours[c % len(colours)],
                             label=f"{d['region'][i]}, {label}")
        axes[1].plot(years, d["green_volume"][m].sum(axis=1), ls, color=colours[0], label=f"sold, {label}")
        axes[1].plot(years, d["green_shortfall"][m].sum(axis=1), ls, color=colours[3], label=f"short, {label}")
        for c, t in enumerate(NEAR_ZERO):
            if t in d["technology"]:
                q = d["production"][m, :, :, d["technology"].index(t)].sum(axis=1)
                if q.max() > 0.05:
                    axes[2].plot(years, q, ls, color=colours[c + 4], label=f"{NEAR_ZERO[t]}, {label}")
    axes[0].set_title("green premium, USD/t (none made: the buyers' bid)", fontsize=10)
    axes[1].set_title("near-zero steel sold and mandate shortfall, Mt/yr", fontsize=10)
    axes[2].set_title("near-zero output by route, world, Mt/yr", fontsize=10)
    for ax in axes:
        ax.set_xlim(years[0], years[-1])
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7, loc="upper left", frameon=False)
    fig.suptitle("A market for near-zero steel: EU buyers (McKinsey 2024) and a procurement mandate in the EU, "
                 "USA, Japan and Korea", fontsize=11)
    fig.savefig(argv[2], dpi=110)


if __name__ == "__main__":
    main(sys.argv)
