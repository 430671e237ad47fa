#!/usr/bin/python3
"""Lever comparison: the distribution of a per-member metric (default
cumulative_emissions) across the finished members of each lever setting of
an ensemble file, as boxes (median, quartiles, whiskers to the 5 and 95 %
quantiles, members as dots) or violins.

With --reference K it plots, instead, each member's difference from the
member of setting K with the same sample and replicate (the same sampled
world: common random numbers), the levers' own effect without the spread of
the uncertainties.

Usage: plot_lever_comparison.py RESULTS.h5 OUT.png|OUT.svg [--metric NAME] [--kind box|violin] [--reference K]
   e.g. build/bin/steelpath run scenarios/global-uncertainty.yaml -o results/global-uncertainty.h5
        scripts/plot_lever_comparison.py results/global-uncertainty.h5 docs/img/lever-comparison.png
"""
import argparse
import os
import sys
import textwrap

import h5py
import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 (after choosing the backend)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import steelpath_read as sr  # noqa: E402


def metric_attrs(path, name):
    with h5py.File(path, "r") as f:
        a = f[name].attrs
        return sr._text(a.get("units", "")), sr._text(a.get("long_name", name))


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("results")
    p.add_argument("out", help="image file (.png, .svg, .pdf)")
    p.add_argument("--metric", default="cumulative_emissions",
                   help="a per-member metric (default cumulative_emissions)")
    p.add_argument("--kind", choices=("box", "violin"), default="box")
    p.add_argument("--reference", type=int, default=None, metavar="K",
                   help="plot differences from lever setting K, member by member (same sample and replicate)")
    args = p.parse_args(argv)

    sr.require_metric(args.results, args.metric, "the lever comparison")
    m = sr.members(args.results)
    title, labels = sr.short_labels(args.results)
    n = len(labels)
    units, long_name = metric_attrs(args.results, args.metric)
    y = m[args.metric].where(m["status"] == 1)
    ylabel = f"{args.metric}, {units}" if units and units != "1" else args.metric
    if args.reference is not None:
        if not 0 <= args.reference < n:
            raise SystemExit(f"{args.results}: no lever setting {args.reference} (0..{n - 1})")
        key = ["sample", "replicate"]
        r = m[m["setting"] == args.reference].set_index(key)
        ref = r[args.metric].where(r["status"] == 1)
        y = y - ref.reindex(m.set_index(key).index).to_numpy()
        ylabel = f"difference from setting {args.reference} ({labels[args.reference]}), {units}"

    data, never = [], []
    for s in range(n):
        sel = (m["setting"] == s).to_numpy()
        done = sel & (m["status"] == 1).to_numpy()
        v = y[sel].to_numpy()
        data.append(v[np.isfinite(v)])
        never.append(int(done.sum() - np.isfinite(v).sum()))

    width = min(max(6.0, 0.75 * n + 2.0), 16.0)
    fig, ax = plt.subplots(figsize=(width, 4.6))
    pos = np.arange(1, n + 1)
    # A distribution (two members or more) is a box or a violin; a setting with
    # one member (an ensemble of levers without uncertainties) is a marker.
    filled = [k for k in range(n) if len(data[k]) > 1]
    single = [k for k in range(n) if len(data[k]) == 1]
    # One colour per policy package when the levers have packages, else a ramp over the settings.
    packages = list(m.drop_duplicates("setting").sort_values("setting")["package"])
    groups = list(dict.fromkeys(packages))
    if any(packages):
        colour = [plt.get_cmap("tab10")(groups.index(packages[k]) % 10) for k in range(n)]
    else:
        colour = [plt.get_cmap("viridis")(k / max(n - 1, 1) * 0.85) for k in range(n)]
    if filled and args.kind == "violin":
        parts = ax.violinplot([data[k] for k in filled], positions=pos[filled], showmedians=True,
                              quantiles=[[0.05, 0.25, 0.75, 0.95]] * len(filled), widths=0.8)
        for key in ("cmedians", "cquantiles", "cmins", "cmaxes", "cbars"):
            if key in parts:
                parts[key].set_color("black")
                parts[key].set_linewidth(0.8)
        for k, body in zip(filled, parts["bodies"]):
            body.set_facecolor(colour[k])
            body.set_alpha(0.45)
    elif filled:
        bp = ax.boxplot([data[k] for k in filled], positions=pos[filled], whis=(5, 95), widths=0.55,
                        patch_artist=True, showfliers=False, medianprops={"color": "black"})
        for k, box in zip(filled, bp["boxes"]):
            box.set_facecolor(colour[k])
            box.set_alpha(0.5)
        rng = np.random.default_rng(0)  # fixed jitter: the same file gives the same image
        for k in filled:
            ax.scatter(pos[k] + rng.uniform(-0.18, 0.18, len(data[k])), data[k], s=4, color="black", alpha=0.35,
                       linewidths=0, zorder=3)
    if single:
        ax.scatter(pos[single], [data[k][0] for k in single], s=45, marker="D", c=[colour[k] for k in single],
                   edgecolors="black", linewidths=0.8, zorder=3)
    bottom = ax.get_ylim()[0]
    for k in range(n):
        note = f"n={len(data[k])}" + (f"\nNaN: {never[k]}" if never[k] else "")
        ax.annotate(note, (pos[k], 0), xycoords=("data", "axes fraction"), xytext=(0, 3),
                    textcoords="offset points", ha="center", va="bottom", fontsize=6, color="dimgray")
    ax.set_ylim(bottom=bottom - 0.08 * (ax.get_ylim()[1] - bottom))
    if args.reference is not None:
        ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xticks(pos)
    ax.set_xlim(0.4, n + 0.6)  # every setting gets its slot, also one without values (the reference)
    rotate = max(len(t) for t in labels) * n > 90
    ax.set_xticklabels(labels, rotation=30 if rotate else 0, ha="right" if rotate else "center", fontsize=8)
    ax.set_xlabel(title or "lever setting")
    ax.set_ylabel(ylabel)
    ax.grid(axis="y", alpha=0.3)
    attrs = sr.root_attributes(args.results)
    what = "box: quartiles and median, whiskers 5-95 %" if args.kind == "box" else \
        "violin: density, median, 5/25/75/95 %"
    if not filled:
        what = "one member per setting: its value"
    elif single:
        what += "; one member: a diamond"
    sampling = attrs.get("sampling", "")
    sampling = "no uncertainties" if sampling in ("", "none") else f"{sampling} sampling"
    head = textwrap.fill(f"{attrs.get('title', '')}: {long_name}", int(11 * width))  # about 11 characters an inch
    ax.set_title(f"{head}\n{what}\n{sampling}, {attrs.get('members', len(m))} members",
                 fontsize=9)
    fig.tight_layout()
    fig.savefig(args.out, dpi=100)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sr.script_main(main)
