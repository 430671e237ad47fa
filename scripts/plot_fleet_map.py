#!/usr/bin/python3
"""Map of the fleet: every unit of the fleet CSV at its longitude and latitude
(plain axes, no coastlines), marker area by capacity.

A single-run file: the top panel colours each unit by its route in the last
year (the fleet CSV's route with the run's decisions applied in order:
switches change it, closures remove the unit, shown as grey crosses); the
bottom panel colours each unit by the year of its first route switch (grey:
never switched). Units built during the run have no coordinates and are not
drawn. An ensemble file has no decision log: the map shows the fleet at the
start (run --member K for one member's decisions).

The fleet CSV is the file's `fleet_file` attribute (relative to the current
folder, else to the scenario's folder or the results file's folders), or
--fleet PATH. A fleet without latitude/longitude (the fictional demo fleet)
cannot be mapped: the script says so and exits 1.

Usage: plot_fleet_map.py RESULTS.h5 OUT.png|OUT.svg [--region R] [--fleet CSV]
   e.g. build/bin/steelpath run scenarios/global-baseline.yaml -o results/global-baseline.h5
        scripts/plot_fleet_map.py results/global-baseline.h5 docs/img/fleet-map.png
"""
import argparse
import os
import sys

import h5py
import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 (after choosing the backend)
from matplotlib.lines import Line2D  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import steelpath_read as sr  # noqa: E402


def marker_area(capacity):
    """Marker area, points^2, for a capacity in Mt/yr."""
    return 3.0 + 9.0 * np.asarray(capacity, dtype=float)


def final_routes(fleet, decisions):
    """(route in the last year or None when closed, year of the first switch
    or NaN) per fleet unit, and the number of decisions by units not in the
    fleet (built during the run)."""
    route = dict(zip(fleet["unit_id"], fleet["technology"]))
    first_switch = {}
    unknown = set()
    for row in decisions.sort_index().itertuples():
        uid = row.unit_id
        if uid not in route:
            unknown.add(uid)
            continue
        if row.action == "switch":
            route[uid] = row.to_technology
            first_switch.setdefault(uid, row.decision_year)
        elif row.action == "close":
            route[uid] = None
    return ([route[u] for u in fleet["unit_id"]], [first_switch.get(u, np.nan) for u in fleet["unit_id"]],
            len(unknown))


def style_axes(ax, lon, lat):
    pad = 6.0
    x0, x1 = max(-180.0, lon.min() - pad), min(180.0, lon.max() + pad)
    y0, y1 = max(-90.0, lat.min() - pad), min(90.0, lat.max() + pad)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")  # plate carree: one degree the same length both ways
    step = 30 if x1 - x0 > 90 else 10
    ax.set_xticks(np.arange(np.ceil(x0 / step) * step, x1 + 1e-9, step))
    ax.set_yticks(np.arange(np.ceil(y0 / step) * step, y1 + 1e-9, step))
    ax.xaxis.set_major_formatter(lambda v, _: f"{abs(v):g}°{'E' if v > 0 else 'W' if v < 0 else ''}")
    ax.yaxis.set_major_formatter(lambda v, _: f"{abs(v):g}°{'N' if v > 0 else 'S' if v < 0 else ''}")
    ax.grid(alpha=0.3, linewidth=0.5)
    ax.set_facecolor("#f4f7fa")


def size_legend(ax):
    handles = [plt.scatter([], [], s=marker_area(c), color="lightgray", edgecolors="gray", linewidths=0.5)
               for c in (1, 5, 10)]
    return ax.legend(handles, ["1 Mt/yr", "5 Mt/yr", "10 Mt/yr"], title="capacity", loc="lower left",
                     fontsize=7, title_fontsize=7, framealpha=0.8)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("results")
    p.add_argument("out", help="image file (.png, .svg, .pdf)")
    p.add_argument("--region", default=None, help="only the units of this region id")
    p.add_argument("--fleet", default=None, help="the fleet CSV (default: the file's fleet_file attribute)")
    args = p.parse_args(argv)

    try:
        csv = sr.fleet_path(args.results, args.fleet)
    except FileNotFoundError as e:
        raise SystemExit(f"plot_fleet_map.py: {e}")
    if not sr.fleet_matches(args.results, csv):
        print(f"warning: {csv} is not the fleet the run read (its SHA-256 differs from fleet_sha256)",
              file=sys.stderr)
    fleet = sr.read_fleet(csv)
    missing = [c for c in ("latitude", "longitude") if c not in fleet.columns]
    if missing:
        raise SystemExit(f"plot_fleet_map.py: the fleet {csv} has no {' or '.join(missing)} column, so it cannot be "
                         "mapped (the demo fleet is fictional and has no coordinates; map a run on "
                         "scenarios/data/gem_fleet_2025.csv, e.g. scenarios/global-baseline.yaml)")
    ensemble = sr.is_ensemble(args.results)
    attrs = sr.root_attributes(args.results)
    with h5py.File(args.results, "r") as f:
        years = f["year"][()]
    names = sr.technology_names(args.results)
    if ensemble:
        fleet["final"] = fleet["technology"]
        fleet["first_switch"] = np.nan
        new_units = 0
    else:
        fleet["final"], fleet["first_switch"], new_units = final_routes(fleet, sr.open_decisions(args.results))
    if args.region:
        if args.region not in set(fleet["region"]):
            raise SystemExit(f"plot_fleet_map.py: no unit in region {args.region!r} "
                             f"(regions: {', '.join(sorted(set(fleet['region'])))})")
        fleet = fleet[fleet["region"] == args.region]
    located = fleet["latitude"].notna() & fleet["longitude"].notna()
    unlocated = int((~located).sum())
    fleet = fleet[located]
    if fleet.empty:
        raise SystemExit(f"plot_fleet_map.py: no unit of {csv} has coordinates")
    lon, lat = fleet["longitude"].to_numpy(float), fleet["latitude"].to_numpy(float)

    panels = 1 if ensemble else 2
    # Panel size from the map's extent (one degree the same length both ways): at most 9 x 5.5 inches.
    span = (min(lon.max() + 6, 180) - max(lon.min() - 6, -180)) / (min(lat.max() + 6, 90) - max(lat.min() - 6, -90))
    map_h = min(9.0 / span, 5.5)
    map_w = map_h * span
    fig, axes = plt.subplots(panels, 1, figsize=(max(map_w + 1.6, 7.0), panels * (map_h + 1.0) + 0.6), squeeze=False)
    ax = axes[0][0]
    routes = [t for t in names if t in set(fleet["final"].dropna()) | set(fleet["technology"])]
    colours = sr.route_colours(list(names))
    # Units at one site (same coordinates) and route are drawn as one marker: their capacities add up.
    alive = fleet[fleet["final"].notna()]
    sites = alive.groupby(["longitude", "latitude", "final"], as_index=False)["capacity_mtpa"].sum()
    sites = sites.sort_values("capacity_mtpa", ascending=False)  # small markers on top
    ax.scatter(sites["longitude"], sites["latitude"], s=marker_area(sites["capacity_mtpa"]),
               c=[colours[t] for t in sites["final"]], alpha=0.75, edgecolors="white", linewidths=0.3)
    closed = fleet[fleet["final"].isna()]
    if len(closed):
        ax.scatter(closed["longitude"], closed["latitude"], s=marker_area(closed["capacity_mtpa"]) * 0.5,
                   marker="x", color="gray", alpha=0.6, linewidths=0.6)
    style_axes(ax, lon, lat)
    handles = [Line2D([], [], marker="o", linestyle="", color=colours[t], label=names[t], markersize=6)
               for t in routes if (alive["final"] == t).any()]
    if len(closed):
        handles.append(Line2D([], [], marker="x", linestyle="", color="gray", label="closed", markersize=6))
    leg = size_legend(ax)
    ax.add_artist(leg)
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.09), ncol=min(len(handles), 4),
              fontsize=8, frameon=False)
    cap = fleet["capacity_mtpa"].sum()
    if ensemble:
        ax.set_title(f"route at the start ({years[0]}), {len(fleet)} units, {cap:,.0f} Mt/yr "
                     "(an ensemble file has no decision log)", fontsize=9)
    else:
        ax.set_title(f"route in {years[-1]} after the run's decisions: {len(alive)} units open, "
                     f"{len(closed)} closed", fontsize=9)
        ax2 = axes[1][0]
        switched = fleet[fleet["first_switch"].notna()].sort_values("first_switch", ascending=False)
        never = fleet[fleet["first_switch"].isna()]
        ax2.scatter(never["longitude"], never["latitude"], s=marker_area(never["capacity_mtpa"]) * 0.5,
                    color="#c8c8c8", alpha=0.6, linewidths=0)
        sc = ax2.scatter(switched["longitude"], switched["latitude"], s=marker_area(switched["capacity_mtpa"]),
                         c=switched["first_switch"], cmap="plasma", vmin=years[0], vmax=years[-1], alpha=0.85,
                         edgecolors="white", linewidths=0.3)
        style_axes(ax2, lon, lat)
        ax2.add_artist(size_legend(ax2))
        # Below the panel, as the route legend is below the first, so both maps keep the same size.
        bar = fig.colorbar(sc, cax=ax2.inset_axes([0.25, -0.17, 0.5, 0.035]), orientation="horizontal")
        bar.set_label("year of the first route switch", fontsize=8)
        ax2.set_title(f"year of each unit's first route switch: {len(switched)} units switched, "
                      f"{len(never)} never (grey)", fontsize=9)
    notes = []
    if new_units:
        notes.append(f"{new_units} units built during the run are not drawn (no coordinates)")
    if unlocated:
        notes.append(f"{unlocated} units without coordinates left out")
    where = f", region {args.region}" if args.region else ""
    fig.suptitle(f"{attrs.get('title', '')}{where}: the fleet ({os.path.basename(csv)}), "
                 f"marker area by capacity\n" + ("; ".join(notes) if notes else "") + "", fontsize=10)
    fig.tight_layout()
    fig.savefig(args.out, dpi=90)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sr.script_main(main)
