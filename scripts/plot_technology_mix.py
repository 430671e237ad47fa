#!/usr/bin/python3
"""Technology mix: crude steel production by route over time, stacked areas.

A single-run file: its production summed over regions. An ensemble file: the
mean over the finished members of one lever setting (--setting N, default 0),
or one panel per setting (--all, at most 12).

Usage: plot_technology_mix.py RESULTS.h5 OUT.png|OUT.svg [--setting N | --all] [--region R] [--share]
   e.g. build/bin/steelpath run scenarios/global-baseline.yaml -o results/global-baseline.h5
        scripts/plot_technology_mix.py results/global-baseline.h5 docs/img/technology-mix.png
"""
import argparse
import math
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 (after choosing the backend)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import steelpath_read as sr  # noqa: E402

MAX_PANELS = 12


def draw(ax, df, names, colours, share):
    if share:
        total = df.sum(axis=1).where(lambda t: t > 0)
        df = df.div(total, axis=0).fillna(0.0) * 100.0
    ax.stackplot(df.index.values, df.T.values, colors=[colours[t] for t in df.columns],
                 labels=[names.get(t, t) for t in df.columns], linewidth=0.3, edgecolor="white")
    ax.set_xlim(df.index.values[0], df.index.values[-1])
    ax.set_ylim(0, 100 if share else None)
    ax.grid(alpha=0.3, linewidth=0.5)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("results")
    p.add_argument("out", help="image file (.png, .svg, .pdf)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--setting", type=int, default=0, help="lever setting of an ensemble (default 0)")
    g.add_argument("--all", action="store_true", help="one panel per lever setting of an ensemble")
    p.add_argument("--region", default=None, help="one region id (default: all regions)")
    p.add_argument("--share", action="store_true", help="shares of production (%%) instead of Mt")
    args = p.parse_args(argv)

    attrs = sr.root_attributes(args.results)
    ensemble = sr.is_ensemble(args.results)
    names = sr.technology_names(args.results)
    if ensemble:
        title, labels = sr.short_labels(args.results)
        n = len(labels)
        settings = list(range(n)) if args.all else [args.setting]
        if args.all and n > MAX_PANELS:
            raise SystemExit(f"{args.results}: {n} lever settings; --all draws at most {MAX_PANELS} "
                             "(use --setting N for one)")
        if not 0 <= args.setting < n:
            raise SystemExit(f"{args.results}: no lever setting {args.setting} (0..{n - 1})")
        frames = [sr.technology_production(args.results, s, args.region) for s in settings]
        done = sr.open_statistics(args.results)["members_done"].values
    else:
        if args.all or args.setting:
            print("note: a single-run file; --setting/--all ignored", file=sys.stderr)
        settings = [None]
        frames = [sr.technology_production(args.results, None, args.region)]
    # Routes that never produce in any panel are left out of the legend.
    used = [t for t in frames[0].columns if any((f[t] > 0).any() for f in frames)]
    frames = [f[used] for f in frames]
    colours = sr.route_colours(list(frames[0].columns))

    cols = min(len(frames), 4)
    rows = math.ceil(len(frames) / cols)
    legend_width = 2.5  # inches
    fig, axes = plt.subplots(rows, cols, figsize=(max(3.4 * cols, 5.0) + legend_width, 2.9 * rows + 0.9),
                             sharex=True, sharey=True, squeeze=False)
    for k, (ax, df) in enumerate(zip(axes.flat, frames)):
        draw(ax, df, names, colours, args.share)
        if ensemble:
            s = settings[k]
            ax.set_title(f"{labels[s]} (mean of {done[s]} members)" if len(frames) > 1 else
                         f"{title}: {labels[s]}\nmean of {done[s]} finished members", fontsize=8)
    for ax in axes.flat[len(frames):]:
        ax.set_visible(False)
    for ax in axes[:, 0]:
        ax.set_ylabel("share of production, %" if args.share else "crude steel, Mt/yr")
    for ax in axes[-1, :]:
        ax.set_xlabel("year")
    handles, texts = axes.flat[0].get_legend_handles_labels()
    right = 1 - legend_width / fig.get_figwidth()
    fig.legend(handles[::-1], texts[::-1], loc="center left", bbox_to_anchor=(right, 0.5), fontsize=8, frameon=False)
    where = f", region {args.region}" if args.region else ""
    head = f"{attrs.get('title', 'steelpath results')}{where}: production by route"
    if ensemble and len(frames) > 1:
        head += f"\nmean over each lever setting's finished members ({title})"
    fig.suptitle(head, fontsize=10)
    fig.tight_layout(rect=(0, 0, right, 1))
    fig.savefig(args.out, dpi=100)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sr.script_main(main)
