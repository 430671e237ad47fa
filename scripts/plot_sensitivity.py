#!/usr/bin/python3
"""Sensitivity of a per-member metric (default cumulative_emissions) to the
sampled uncertainties, within one lever setting of an ensemble file.

Any sampling: a tornado chart of the Spearman rank correlation between each
sampled parameter and the metric over the setting's finished members, with
an approximate 95 % interval (Fisher z, standard error 1.03/sqrt(n-3)).
A `saltelli` file (the `sampling` attribute): first-order (S1) and
total-order (ST) Sobol indices instead, with the estimators of
docs/ensembles.md (Saltelli 2010, Jansen 1999; those of SALib) and 95 %
bootstrap intervals over the base samples; replicates are averaged per
sample row first. --spearman draws the rank correlations for a saltelli file too.

Usage: plot_sensitivity.py RESULTS.h5 OUT.png|OUT.svg [--metric NAME] [--setting N | --all] [--spearman]
   e.g. build/bin/steelpath run scenarios/global-uncertainty.yaml -o results/global-uncertainty.h5
        scripts/plot_sensitivity.py results/global-uncertainty.h5 docs/img/sensitivity.png
"""
import argparse
import math
import os
import sys
import textwrap

import matplotlib
import numpy as np
from scipy import stats

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 (after choosing the backend)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import steelpath_read as sr  # noqa: E402

MAX_PANELS = 12


def spearman(x, y):
    """(rho, low, high) with a 95 % interval from Fisher's z (Fieller et al.
    1957: standard error 1.03/sqrt(n-3) for a rank correlation); NaN when a
    column is constant or there are fewer than 4 points."""
    ok = np.isfinite(x) & np.isfinite(y)
    x, y = x[ok], y[ok]
    n = len(x)
    if n < 4 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return np.nan, np.nan, np.nan
    rho = stats.spearmanr(x, y).correlation
    z, se = np.arctanh(np.clip(rho, -0.999999, 0.999999)), 1.03 / math.sqrt(n - 3)
    return rho, np.tanh(z - 1.96 * se), np.tanh(z + 1.96 * se)


def sobol_indices(y):
    """First- and total-order indices from y [N base samples, D + 2] (rows A,
    AB_1..AB_D, B): the estimators of docs/ensembles.md (SALib's first_order
    and total_order). Standardise y first, as SALib's analyze does: the
    first-order estimator's noise grows with the output's mean."""
    D = y.shape[1] - 2
    A, AB, B = y[:, 0], y[:, 1:D + 1], y[:, D + 1]
    var = np.var(np.concatenate([A, B]))
    if not var > 0:
        return np.full(D, np.nan), np.full(D, np.nan)
    S1 = np.mean(B[:, None] * (AB - A[:, None]), axis=0) / var
    ST = 0.5 * np.mean((A[:, None] - AB) ** 2, axis=0) / var
    return S1, ST


def saltelli_matrix(m, metric, setting, D):
    """The setting's metric as [base sample, D + 2], replicates averaged; base
    samples with a failed member dropped."""
    sel = m[m["setting"] == setting]
    ok = sel["status"] == 1
    y = sel[metric].where(ok).groupby(sel["sample"]).mean()
    y[(~ok).groupby(sel["sample"]).any().to_numpy()] = np.nan  # a row with a failed replicate is dropped
    rows = int(y.index.max()) + 1
    if rows % (D + 2):
        raise ValueError(f"{rows} sample rows are not a multiple of parameters + 2 = {D + 2}: not a Saltelli design")
    full = np.full(rows, np.nan)
    full[y.index.to_numpy()] = y.to_numpy()
    Y = full.reshape(rows // (D + 2), D + 2)
    return Y[np.isfinite(Y).all(axis=1)]


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("results")
    p.add_argument("out", help="image file (.png, .svg, .pdf)")
    p.add_argument("--metric", default="cumulative_emissions",
                   help="a per-member metric (default cumulative_emissions)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--setting", type=int, default=0, help="lever setting (default 0)")
    g.add_argument("--all", action="store_true", help="one panel per lever setting (at most 12)")
    p.add_argument("--spearman", action="store_true", help="rank correlations even for a saltelli file")
    p.add_argument("--bootstrap", type=int, default=500, help="bootstrap resamples for the Sobol intervals (500)")
    args = p.parse_args(argv)

    sr.require_metric(args.results, args.metric, "sensitivity (with uncertainties)")
    attrs = sr.root_attributes(args.results)
    m = sr.members(args.results)
    with sr.open_results(args.results) as ds:
        params = [str(v) for v in ds["parameter"].values]
        units = str(ds[args.metric].attrs.get("units", ""))
    if not params:
        raise SystemExit(f"{args.results}: no sampled uncertainties (parameter is empty); nothing to rank")
    title, labels = sr.short_labels(args.results)
    n = len(labels)
    if args.all and n > MAX_PANELS:
        raise SystemExit(f"{args.results}: {n} lever settings; --all draws at most {MAX_PANELS}")
    if not 0 <= args.setting < n:
        raise SystemExit(f"{args.results}: no lever setting {args.setting} (0..{n - 1})")
    settings = list(range(n)) if args.all else [args.setting]
    sobol = attrs.get("sampling") == "saltelli" and not args.spearman
    D = len(params)

    results = []
    for s in settings:
        if sobol:
            Y = saltelli_matrix(m, args.metric, s, D)
            if len(Y) and np.std(Y) > 0:
                Y = (Y - Y.mean()) / Y.std()  # as SALib does before estimating
            S1, ST = sobol_indices(Y)
            rng = np.random.default_rng(12345)  # fixed: the same file gives the same image
            boot = [sobol_indices(Y[rng.integers(0, len(Y), len(Y))]) for _ in range(args.bootstrap if len(Y) else 0)]
            lo1, hi1 = (np.nanpercentile([b[0] for b in boot], q, axis=0) for q in (2.5, 97.5)) if boot else (S1, S1)
            loT, hiT = (np.nanpercentile([b[1] for b in boot], q, axis=0) for q in (2.5, 97.5)) if boot else (ST, ST)
            results.append({"n": len(Y), "S1": (S1, lo1, hi1), "ST": (ST, loT, hiT)})
        else:
            sel = m[(m["setting"] == s) & (m["status"] == 1)]
            y = sel[args.metric].to_numpy(float)
            r = np.array([spearman(sel[q].to_numpy(float), y) for q in params])
            results.append({"n": int(np.isfinite(y).sum()), "rho": (r[:, 0], r[:, 1], r[:, 2])})

    # One parameter order for every panel: by the largest |effect| over the panels.
    key = "ST" if sobol else "rho"
    effect = np.abs(np.array([r[key][0] for r in results]))
    strength = np.max(np.where(np.isfinite(effect), effect, -1.0), axis=0)
    order = np.argsort(strength)  # barh draws bottom-up: the strongest on top

    cols = min(len(settings), 2 if sobol else 4)
    rows = math.ceil(len(settings) / cols)
    label_w = 0.075 * max(len(q) for q in params)
    fig, axes = plt.subplots(rows, cols, figsize=(label_w + 3.6 * cols, 0.42 * D * rows + 1.3 * rows + 0.5),
                             sharey=True, sharex=True, squeeze=False)
    ypos = np.arange(D)
    for ax, s, r in zip(axes.flat, settings, results):
        if sobol:
            for k, (name, colour, off) in enumerate((("S1", "#4c78a8", 0.2), ("ST", "#f58518", -0.2))):
                v, lo, hi = (a[order] for a in r[name])
                order_name = "first" if k == 0 else "total"
                ax.barh(ypos + off, v, height=0.38, color=colour, label=f"{name} ({order_name} order)")
                ax.errorbar(v, ypos + off, xerr=[np.clip(v - lo, 0, None), np.clip(hi - v, 0, None)], fmt="none",
                            ecolor="black", elinewidth=0.7, capsize=2)
            ax.axvline(0, color="black", linewidth=0.6)
        else:
            v, lo, hi = (a[order] for a in r["rho"])
            colours = np.where(v >= 0, "#e45756", "#4c78a8")
            ax.barh(ypos, np.nan_to_num(v), height=0.6, color=colours)
            err = [np.clip(np.nan_to_num(v - lo), 0, None), np.clip(np.nan_to_num(hi - v), 0, None)]
            ax.errorbar(np.nan_to_num(v), ypos, xerr=err, fmt="none", ecolor="black", elinewidth=0.7, capsize=2)
            for y0, val in zip(ypos, v):
                text = "n/a" if not np.isfinite(val) else f"{val:+.2f}"
                ax.annotate(text, (1.0, y0), xycoords=("axes fraction", "data"), xytext=(-3, 0),
                            textcoords="offset points", ha="right", va="center", fontsize=7,
                            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none",
                                  "alpha": 0.8})
            ax.axvline(0, color="black", linewidth=0.8)
            ax.set_xlim(-1.05, 1.05)
        ax.set_title(f"{labels[s]} ({r['n']} {'base samples' if sobol else 'members'})" if labels[s] else
                     f"{r['n']} {'base samples' if sobol else 'members'}", fontsize=8)
        ax.grid(axis="x", alpha=0.3)
    for ax in axes.flat[len(settings):]:
        ax.set_visible(False)
    if sobol:
        # The indices' range, at least [0, 1]; intervals of a small design reach further and are
        # clipped at the frame.
        v = np.array([r[k][0] for r in results for k in ("S1", "ST")])
        v = v[np.isfinite(v)]
        low, high = (min(v.min(), 0.0), max(v.max(), 1.0)) if v.size else (0.0, 1.0)
        axes[0][0].set_xlim(max(low, -0.5) - 0.05, min(high, 1.5) + 0.05)
    for ax in axes[:, 0]:
        ax.set_yticks(ypos)
        ax.set_yticklabels([params[i] for i in order], fontsize=8)
    for ax in axes[-1, :]:
        ax.set_xlabel("Sobol index (share of variance)" if sobol else "Spearman rank correlation")
    if sobol:
        axes[0][0].legend(fontsize=7, loc="lower right")
    what = (f"Sobol indices of {args.metric} ({units}), 95 % bootstrap intervals" if sobol else
            f"rank correlation of {args.metric} ({units}) with each sampled input, 95 % intervals")
    setting_text = f"lever settings ({title})" if len(settings) > 1 else \
        f"lever setting {settings[0]}" + (f": {title} = {labels[settings[0]]}" if title else "")
    head = textwrap.fill(f"{attrs.get('title', '')}: {what}", int(fig.get_figwidth() * 13))
    fig.suptitle(f"{head}\n{setting_text}; {attrs.get('sampling', '')} sampling", fontsize=9)
    fig.tight_layout()
    fig.savefig(args.out, dpi=100)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sr.script_main(main)
