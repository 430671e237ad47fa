#!/usr/bin/python3
"""Fan chart of an ensemble's direct CO2 emissions: for each lever setting the
median path with its 25-75 % and 5-95 % bands (the `statistics` group of an
ensemble results file), one panel per policy package.

Usage: plot_ensemble_fan.py RESULTS.h5 OUT.png
   e.g. build/bin/steelpath run scenarios/demo-ensemble.yaml -o results/demo-ensemble.h5
        scripts/plot_ensemble_fan.py results/demo-ensemble.h5 docs/img/ensemble-fan.png
"""
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 (after choosing the backend)


def text(values):
    return [v.decode("utf-8") if isinstance(v, bytes) else str(v) for v in values]


def main(path, out):
    with h5py.File(path, "r") as f:
        if "statistics" not in f:
            raise SystemExit(f"{path}: not an ensemble results file (no statistics group)")
        years = f["year"][()]
        labels = text(f["lever_setting_label"][()])
        packages = text(f["lever_setting_package"][()])
        q = list(f["statistics/quantile"][()])
        em = f["statistics/emissions_quantiles"][()]  # [setting][quantile][year], Mt CO2
        done = f["statistics/members_done"][()]
        title = f.attrs["title"]
        title = title.decode() if isinstance(title, bytes) else str(title)
        members, sampling = int(f.attrs["members"]), f.attrs["sampling"]
        sampling = sampling.decode() if isinstance(sampling, bytes) else str(sampling)

    lo, q25, med, q75, hi = (q.index(p) for p in (0.05, 0.25, 0.5, 0.75, 0.95))
    groups = list(dict.fromkeys(packages))  # panels in the file's order
    fig, axes = plt.subplots(1, len(groups), figsize=(max(6.4, 4.2 * len(groups)), 4.0), sharey=True, squeeze=False)
    colours = plt.get_cmap("viridis")
    for ax, group in zip(axes[0], groups):
        idx = [i for i, p in enumerate(packages) if p == group]
        # "a=30, b=2, package=x" -> legend title "a, b" and entries "30, 2"
        parts = [[p.split("=", 1) for p in labels[i].split(", ") if not p.startswith("package=")] for i in idx]
        paths = [[kv[0] for kv in row] for row in parts]
        same = all(len(kv) == 2 for row in parts for kv in row) and all(p == paths[0] for p in paths)
        for k, i in enumerate(idx):
            c = colours(k / max(len(idx) - 1, 1) * 0.85)
            short = ", ".join(kv[-1] for kv in parts[k]) if same else ", ".join("=".join(kv) for kv in parts[k])
            ax.fill_between(years, em[i, lo], em[i, hi], color=c, alpha=0.12, linewidth=0)
            ax.fill_between(years, em[i, q25], em[i, q75], color=c, alpha=0.25, linewidth=0)
            ax.plot(years, em[i, med], color=c, linewidth=1.6, label=f"{short or 'base'} ({done[i]} members)")
        ax.set_title(f"package: {group}" if group else "all members", fontsize=10)
        ax.set_xlabel("year")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7, loc="upper right", title=", ".join(paths[0]) if same and paths[0] else None,
                  title_fontsize=7)
    axes[0][0].set_ylabel("direct CO2, Mt/yr")
    axes[0][0].set_ylim(bottom=0)
    fig.suptitle(f"{title}: {members} members (sampling: {sampling})\nmedian, 25-75 % and 5-95 % bands",
                 fontsize=10)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
