#!/usr/bin/python3
"""Pinned reference results of the shipped scenarios (tests/references/).

Every scenario in scenarios/*.yaml and scenarios/levers/*.yaml has a CSV of
its yearly series in tests/references/ (NAME.csv, levers/NAME.csv), written
with full precision (Python's repr() of each double). A test per scenario
(tests/python/check_references.py) runs it again and compares; a reviewer
sees every change of results in the diff of these files.

    references.py write STEELPATH [NAME...]   rewrite the references (all, or the named scenarios)
    references.py names                       the scenarios that need a reference

NAME is a scenario's path below scenarios/ without .yaml: `global-baseline`,
`levers/ban`. `scripts/update-references` builds the program and writes them all.

What is pinned (SERIES and STATISTICS below): for a single run,
emissions_by_region (direct CO2, Mt), production_by_route (Mt),
capacity_by_route (Mt/yr), steel_price and allowance_price by region (USD/t,
USD/t CO2), investment and operating_cost (million USD, all regions),
capex_factor by route (the learning factor), every metric, and the decisions
taken each year by action. For an ensemble: every member's metrics; each
member's yearly series too (those marked per member) when there is one member
per lever setting (levers only); and the statistics group's yearly means
(emissions, production, steel price, investment), metric means and pooled
abatement costs per setting. A value equal to its series' default (0; 1 for
capex_factor) is left out and read back as the default, which keeps the
files small.
"""
import csv
import glob
import os
import subprocess
import sys
import tempfile
from collections import Counter

import h5py
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOLDER = os.path.join(ROOT, "tests", "references")

# Ensembles run smaller than shipped, to keep CI short (a world member costs a
# few ms, loading the world fleet about half a second): the uncertainty
# ensembles with 2 samples per lever setting (their uncertainties are still
# sampled and applied, and the statistics are over 2 members). Lever-only
# ensembles (china-alliance-fund, global-carbon-price) run whole: one member
# per setting. Every run on one thread: the file is the same at any thread
# count (tests/python/test_ensemble_determinism.py), and CTest runs tests side by side.
OPTIONS = {
    "demo-ensemble": ["--samples", "2"],
    "global-uncertainty": ["--samples", "2"],
}
COMMON_OPTIONS = ["--threads", "1", "-q"]

HEADER = ["part", "series", "key", "year", "value"]


def names():
    """Every shipped scenario, as NAME (a path below scenarios/ without .yaml)."""
    found = glob.glob(os.path.join(ROOT, "scenarios", "*.yaml")) + \
        glob.glob(os.path.join(ROOT, "scenarios", "levers", "*.yaml"))
    return sorted(os.path.relpath(p, os.path.join(ROOT, "scenarios"))[:-len(".yaml")] for p in found)


def reference_path(name):
    return os.path.join(FOLDER, name + ".csv")


def command(binary, name, out):
    return [binary, "run", os.path.join(ROOT, "scenarios", name + ".yaml"), *OPTIONS.get(name, []),
            *COMMON_OPTIONS, "-o", out]


def run(binary, name, folder):
    """Runs scenario NAME into folder; the results file's path."""
    out = os.path.join(folder, name.replace("/", "-") + ".h5")
    p = subprocess.run(command(binary, name, out), capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"steelpath run {name}: exit code {p.returncode}\n{p.stdout}{p.stderr}")
    return out


def _texts(a):
    return [v.decode("utf-8") if isinstance(v, bytes) else str(v) for v in np.ravel(a)]


# (series, variable, axis summed over after `year` (None: none), key coordinate,
# default, also per ensemble member). Variables are [year, ...] in a single-run
# file, [member, year, ...] in an ensemble.
SERIES = [
    ("emissions_by_region", "emissions_direct", 2, "region", 0.0, True),
    ("production_by_route", "production", 1, "technology", 0.0, True),
    ("capacity_by_route", "capacity", 1, "technology", 0.0, False),
    ("steel_price", "steel_price", None, "region", 0.0, True),
    ("allowance_price", "allowance_price", None, "region", 0.0, True),
    ("investment", "investment", 1, None, 0.0, True),
    ("operating_cost", "operating_cost", 1, None, 0.0, False),
    ("capex_factor", "capex_factor", None, "technology", 1.0, False),
]
DEFAULTS = {s[0]: s[4] for s in SERIES}
# What a row's key is, by series (for messages): a region, a route or an action.
KEY_KINDS = {**{s[0]: {"technology": "route"}.get(s[3], s[3]) for s in SERIES if s[3]}, "decisions": "action"}
# statistics/NAME [lever_setting, year]: the yearly means pinned for every setting.
STATISTICS = ["emissions_mean", "production_mean", "steel_price_mean", "investment_mean"]


def _yearly(values, part, f, years, member=False):
    """Rows of the yearly series of one run (of an ensemble member: those
    pinned per member); values(variable) is its array without the member
    dimension."""
    rows = []
    for series, variable, summed, key, _default, per_member in SERIES:
        if member and not per_member:
            continue
        a = values(variable)
        if summed is not None:
            a = a.sum(axis=summed)
        keys = _texts(f[key][()]) if key else ["all"]
        a = a.reshape(len(years), len(keys))
        for k, kname in enumerate(keys):
            rows += [(part, series, kname, str(y), float(a[i, k])) for i, y in enumerate(years)]
    return rows


def _metrics(f):
    return [n for n, d in f.items() if isinstance(d, h5py.Dataset) and _texts([d.attrs.get("steelpath_role", "")])[0]
            == "metric"]


def extract(path):
    """{(part, series, key, year): value} of a results file (year and key are
    text; "" for none). part is "" for a single run, "member K" for an
    ensemble member, "setting K" for the statistics of lever setting K."""
    rows = []
    with h5py.File(path, "r") as f:
        years = [int(y) for y in f["year"][()]]
        if "member_setting" not in f:
            rows += _yearly(lambda v: f[v][()], "", f, years)
            rows += [("", name, "", "", float(f[name][()])) for name in _metrics(f)]
            if len(f["decisions/action"]):
                taken = Counter(zip(_texts(f["decisions/action"][()]), f["decisions/decision_year"][()].tolist()))
                for a in sorted({a for a, _ in taken}):
                    rows += [("", "decisions", a, str(y), float(taken[a, y])) for y in years]
        else:
            metrics = _metrics(f)
            # One member per setting (levers only): each member's yearly series;
            # with uncertainties, the members' metrics and the statistics' means.
            series = f["member"].shape[0] == f["lever_setting"].shape[0]
            for m in range(f["member"].shape[0]):
                part = f"member {m}"
                if series:
                    rows += _yearly(lambda v: f[v][m], part, f, years, member=True)
                rows += [(part, name, "", "", float(f[name][m])) for name in metrics]
            st = f["statistics"]
            metric_names = _texts(st["metric"][()])
            for s in range(st["lever_setting"].shape[0]):
                part = f"setting {s}"
                for name in STATISTICS:
                    rows += [(part, "statistics/" + name, "all", str(y), float(st[name][s, i]))
                             for i, y in enumerate(years)]
                rows += [(part, "statistics/metric_mean", mname, "", float(st["metric_mean"][s, k]))
                         for k, mname in enumerate(metric_names)]
                for name in ("abatement_cost_pooled", "abatement_cost_levelized_pooled"):
                    rows.append((part, "statistics/" + name, "", "", float(st[name][s])))
    return {r[:4]: r[4] for r in rows}


def default(series):
    return DEFAULTS.get(series, 0.0)


def write(name, values):
    """Writes NAME's reference: one row per value that is not its series' default."""
    path = reference_path(name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        f.write(f"# Reference results of scenarios/{name}.yaml, written by scripts/update-references.\n"
                f"# Run: steelpath run scenarios/{name}.yaml {' '.join(OPTIONS.get(name, []) + COMMON_OPTIONS)}\n"
                "# Values: repr() of the doubles; a value left out is its series' default (0; 1 for capex_factor).\n"
                "# The series: scripts/references.py; the test and its tolerance: tests/python/check_references.py\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        for (part, series, key, year), v in values.items():
            if v == default(series):
                continue
            w.writerow([part, series, key, year, repr(v)])
    return path


def read(name):
    """{(part, series, key, year): value} of NAME's stored reference."""
    with open(reference_path(name), encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    r = csv.reader(lines)
    if next(r) != HEADER:
        raise ValueError(f"{reference_path(name)}: the header is not {','.join(HEADER)}")
    return {tuple(row[:4]): float(row[4]) for row in r}


def main(argv):
    if argv[:1] == ["names"]:
        print("\n".join(names()))
        return 0
    if len(argv) >= 2 and argv[0] == "write":
        binary, todo = os.path.abspath(argv[1]), argv[2:] or names()
        with tempfile.TemporaryDirectory(prefix="steelpath-references-") as d:
            for name in todo:
                path = write(name, extract(run(binary, name, d)))
                print(f"wrote {os.path.relpath(path, ROOT)}")
        if not argv[2:]:  # all written: a reference of a scenario that is gone goes too
            stale = set(glob.glob(os.path.join(FOLDER, "**", "*.csv"), recursive=True)) - \
                {reference_path(n) for n in names()}
            for path in sorted(stale):
                os.remove(path)
                print(f"removed {os.path.relpath(path, ROOT)} (no such scenario)")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
