#!/usr/bin/python3
"""Where an innovation fund matters: its effect on cumulative CO2 against two other levers.

Reads an ensemble file whose levers cross policies.fund.budget with two
other axes (scenarios/china-fund-crossed.yaml: hydrogen_supply.cost_factor
and policies.carbon_price) and draws, for each fund size above the smallest,
a heat map of the fund's effect (cumulative direct CO2 minus the smallest
fund's at the same hydrogen cost and carbon tax, Mt) over the other two
axes. The smallest fund setting is the reference (0 in the shipped file).

Usage: plot_fund_crossed.py RESULTS.h5 OUT.png
   e.g. build/bin/steelpath run scenarios/china-fund-crossed.yaml -o results/china-fund-crossed.h5
        scripts/plot_fund_crossed.py results/china-fund-crossed.h5 docs/img/fund-crossed.png
"""
import sys

import h5py
import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 (after choosing the backend)

FUND = "policies.fund.budget"
CNY_PER_USD = 1 / 0.1389  # the scenario's rate (china-baseline: PBoC 2024 average)


def effects(path):
    with h5py.File(path, "r") as f:
        levers = [x.decode() for x in f["lever"][:]]
        values = f["lever_value"][:]
        cum = f["cumulative_emissions"][:]
    if FUND not in levers or len(levers) != 3:
        sys.exit(f"{path}: expected three lever axes, one of them {FUND}")
    i = levers.index(FUND)
    a, b = [j for j in range(3) if j != i]
    funds, xs, ys = (sorted(set(values[:, j])) for j in (i, b, a))
    grid = np.full((len(funds), len(ys), len(xs)), np.nan)
    for m, v in enumerate(values):
        grid[funds.index(v[i]), ys.index(v[a]), xs.index(v[b])] = cum[m]
    return levers[a], levers[b], funds, xs, ys, grid - grid[0]


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    ylab, xlab, funds, xs, ys, delta = effects(argv[1])
    n = len(funds) - 1
    fig, axes = plt.subplots(1, n, figsize=(3.6 * n + 1.2, 3.6), sharey=True, constrained_layout=True)
    axes = np.atleast_1d(axes)
    lim = max(1.0, np.nanmax(np.abs(delta[1:])))
    for k, ax in enumerate(axes, start=1):
        im = ax.imshow(delta[k], cmap="RdBu_r", vmin=-lim, vmax=lim, origin="lower", aspect="auto")
        for (yi, xi), v in np.ndenumerate(delta[k]):
            ax.text(xi, yi, f"{v:+.0f}", ha="center", va="center", fontsize=9,
                    color="white" if abs(v) > 0.6 * lim else "black")
        ax.set_xticks(range(len(xs)), [f"{x:g}" for x in xs])
        ax.set_yticks(range(len(ys)), [f"{y:g}" for y in ys])
        cny = funds[k] * CNY_PER_USD
        ax.set_title(f"fund {cny:,.0f} million CNY/yr", fontsize=10)
        ax.set_xlabel("carbon tax on top of the ETS, USD/t CO2" if "carbon_price" in xlab else xlab)
    axes[0].set_ylabel("hydrogen cost, share of computed" if "cost_factor" in ylab else ylab)
    fig.colorbar(im, ax=axes, label="change in cumulative CO2 2025-2060, Mt\n(against no fund)", shrink=0.9)
    fig.suptitle("Where the alliance fund cuts China's emissions", fontsize=11)
    fig.savefig(argv[2], dpi=130)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
