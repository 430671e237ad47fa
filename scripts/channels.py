#!/usr/bin/env python3
"""A lever's effect, channel by channel (scripts/channels; docs/validation.md,
"What each lever does, channel by channel").

A spec, scripts/channels.d/LEVER.yaml, names a scenario, the `--set`
overrides of the reference run (the lever off) and the lever's channels,
each a list of overrides that switch that channel on on top of the
reference. For each size (a multiple of the spec's `value`, written `{value}`
in an override) every subset of the n channels runs (2^n runs), and each
channel's Shapley value (its marginal effect averaged over the n! orders in
which the channels can be switched on) is computed for cumulative direct CO2,
investment (before subsidies) and public spending. The Shapley values add up
to the whole lever's effect; "alone" (the channel on the reference) and "all
but this one" (the whole lever minus the lever without this channel) show
the interactions. Each run's near-zero routes are reported too.

Spec keys: `title`, `description` (printed above the tables), `scenario`
(in scenarios/), `scenario_patch` (YAML merged on top of it, for sections
`--set` cannot create), `reference`, `value`, `sizes` (default [1]),
`check_sizes` (what --check runs; the doc's rows must include them),
`routes` (default: the near-zero routes) and `channels`.
"""
import argparse
import concurrent.futures
import glob
import itertools
import math
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import doc_sections  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPECS = os.path.join(ROOT, "scripts", "channels.d")
DOC = os.path.join(ROOT, "docs", "validation.md")
NEW_SECTIONS = "<!-- scripts/channels: new specs' sections go above this line -->"
NEAR_ZERO = ("h2_dri_eaf", "bf_bof_ccus", "sr_ccus", "electrolysis")
# Public spending (million USD a year; docs/output.md): + paid, - received back.
PUBLIC = (("fund_spent", 1), ("subsidies_paid", 1), ("hydrogen_credit", 1), ("hydrogen_subsidy", 1),
          ("ccfd_paid", 1), ("ccfd_clawback", -1))
MEASURES = (("co2", "CO2 (Mt)", 1), ("investment", "investment (bn USD)", 2), ("public", "public spending (bn USD)", 2))


def section_name(lever):
    return f"scripts/channels {lever}"


def load_spec(lever):
    """The spec's dict, checked for the keys the script needs."""
    with open(os.path.join(SPECS, lever + ".yaml"), encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    for key in ("scenario", "channels"):
        if key not in spec:
            sys.exit(f"scripts/channels.d/{lever}.yaml: '{key}' is required")
    if not 1 <= len(spec["channels"]) <= 4:
        sys.exit(f"scripts/channels.d/{lever}.yaml: 1 to 4 channels (2^n runs per size)")
    spec.setdefault("reference", [])
    spec.setdefault("sizes", [1])
    spec.setdefault("value", 1)
    return spec


def scenario_file(spec, tmp, lever):
    """The scenario to run: the spec's, or with `scenario_patch` a temporary
    one that extends it (for sections `--set` cannot create)."""
    base = os.path.join(ROOT, "scenarios", spec["scenario"])
    if not spec.get("scenario_patch"):
        return base
    path = os.path.join(tmp, lever + "-scenario.yaml")
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(dict(extends=base, name=f"{lever}-channels", **spec["scenario_patch"]), f)
    return path


def overrides(spec, on, size):
    """The reference's overrides, then those of each channel in `on`."""
    sets = list(spec["reference"])
    for name in spec["channels"]:
        if name in on:
            sets += spec["channels"][name]
    value = f"{float(spec['value']) * size:g}"
    return [s.replace("{value}", value) for s in sets]


def run(binary, scenario, sets, path):
    """One single run (levers of the scenario not applied: --base) and its summary."""
    cmd = [binary, "run", scenario, "-q", "--base", "-o", path]
    for s in sets:
        cmd += ["--set", s]
    if subprocess.run(cmd, env=dict(os.environ, OMP_NUM_THREADS="1")).returncode != 0:
        sys.exit("failed: " + " ".join(cmd))
    return summary(path)


def summary(path):
    """Cumulative CO2 (Mt), investment and public spending (bn USD), and each
    route's first year of output (> 0.5 Mt) and 2050 output (Mt)."""
    with h5py.File(path, "r") as f:
        years = [int(y) for y in f["year"][:]]
        techs = [t.decode() for t in f["technology"][:]]
        prod = f["production"][:].sum(axis=1)  # year, technology
        out = {"co2": float(f["emissions"][:].sum()), "investment": float(f["investment"][:].sum()) / 1e3,
               "public": sum(sign * float(f[v][:].sum()) for v, sign in PUBLIC if v in f) / 1e3,
               "scenario": f.attrs.get("scenario_sha256")}
        i50 = years.index(2050) if 2050 in years else len(years) - 1
        for k, t in enumerate(techs):
            on = np.nonzero(prod[:, k] > 0.5)[0]
            out["route " + t] = (years[on[0]] if on.size else None, float(prod[i50, k]))
    return out


def run_all(binary, spec, lever, sizes, jobs):
    """Every subset of channels at every size: {(size, frozenset): summary};
    runs with the same overrides are run once."""
    names = list(spec["channels"])
    subsets = [frozenset(c) for r in range(len(names) + 1) for c in itertools.combinations(names, r)]
    wanted = {(size, on): tuple(overrides(spec, on, size)) for size in sizes for on in subsets}
    unique = sorted(set(wanted.values()))
    with tempfile.TemporaryDirectory() as tmp:
        scenario = scenario_file(spec, tmp, lever)
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = {sets: pool.submit(run, binary, scenario, sets, os.path.join(tmp, f"{i}.h5"))
                       for i, sets in enumerate(unique)}
            done = {sets: fut.result() for sets, fut in futures.items()}
    return {key: done[sets] for key, sets in wanted.items()}


def shapley(v, names):
    """Each channel's Shapley value of the set function v (frozenset -> number)."""
    n = len(names)
    phi = {}
    for i in names:
        others = [c for c in names if c != i]
        phi[i] = sum(math.factorial(r) * math.factorial(n - r - 1) / math.factorial(n)
                     * (v[frozenset(s) | {i}] - v[frozenset(s)])
                     for r in range(n) for s in itertools.combinations(others, r))
    return phi


def fmt(x, digits):
    return f"{round(x, digits) + 0.0:+.{digits}f}"


def tables(spec, results, sizes):
    """The Markdown text of one spec and the failures of its checks."""
    names = list(spec["channels"])
    every, none = frozenset(names), frozenset()
    failures, lines = [], []
    if spec.get("description"):
        lines += [" ".join(spec["description"].split()), ""]
    head = ["size", "channel"] + [f"{label}: {w}" if w == "Shapley" else w for _, label, _ in MEASURES
                                  for w in ("Shapley", "alone", "all but this")]
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for size in sizes:
        label = f"{size:g}x"
        phis = {}
        for key, _, digits in MEASURES:
            v = {on: results[(size, on)][key] for on in {k for s, k in results if s == size}}
            phis[key] = (shapley(v, names), v, digits)
            whole = v[every] - v[none]
            total = sum(phis[key][0].values())
            if abs(total - whole) > 1e-9 * max(1.0, abs(whole)):
                failures.append(f"{label} {key}: the Shapley values sum to {total!r}, the whole lever gives {whole!r}")
        for name in names:
            cells = [label, name]
            for key, _, _ in MEASURES:
                phi, v, d = phis[key]
                cells += [fmt(phi[name], d), fmt(v[frozenset([name])] - v[none], d),
                          fmt(v[every] - v[every - {name}], d)]
            lines.append("| " + " | ".join(cells) + " |")
        cells = [label, "**whole lever**"]
        for key, _, _ in MEASURES:
            _, v, d = phis[key]
            cells += [fmt(v[every] - v[none], d), "", ""]
        lines.append("| " + " | ".join(cells) + " |")
        for name in names:  # a channel must switch something on
            if results[(size, frozenset([name]))]["scenario"] == results[(size, none)]["scenario"]:
                failures.append(f"{label} {name}: its overrides leave the reference scenario unchanged")
    lines += ["", *runs_table(spec, results, sizes)]
    return "\n".join(lines) + "\n", failures


def runs_table(spec, results, sizes):
    """Per run: the channels on, the totals and the near-zero routes (or the
    spec's `routes`)."""
    names = list(spec["channels"])
    ref = results[(sizes[0], frozenset())]
    routes = [t for t in spec.get("routes", NEAR_ZERO) if "route " + t in ref]
    head = ["size", "channels on", "CO2 (Gt)", "investment (bn USD)", "public spending (bn USD)"]
    head += [f"{t}: first year, 2050 Mt" for t in routes]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    keys = [("-", frozenset())] + [(s, frozenset(c)) for s in sizes for r in range(1, len(names) + 1)
                                   for c in itertools.combinations(names, r)]
    for size, on in keys:
        r = results[(sizes[0] if size == "-" else size, on)]
        cells = ["-" if size == "-" else f"{size:g}x", " + ".join(n for n in names if n in on) or "none (reference)",
                 f"{r['co2'] / 1e3:.3f}", f"{r['investment']:.1f}", f"{r['public']:.2f}"]
        cells += ["{}, {:.1f}".format(r["route " + t][0] or "never", r["route " + t][1]) for t in routes]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def write_section(lever, spec, text):
    """Writes the spec's section into docs/validation.md, adding its heading
    and markers above NEW_SECTIONS the first time."""
    name = section_name(lever)
    if doc_sections.read(DOC, name) is None:
        with open(DOC, encoding="utf-8") as f:
            doc = f.read()
        if NEW_SECTIONS not in doc:
            sys.exit(f"{DOC} lacks the line '{NEW_SECTIONS}'")
        block = f"#### {spec.get('title', lever)}\n\n<!-- BEGIN {name} -->\n<!-- END {name} -->\n\n"
        with open(DOC, "w", encoding="utf-8") as f:
            f.write(doc.replace(NEW_SECTIONS, block + NEW_SECTIONS))
    doc_sections.replace(DOC, name, text)


def stale(lever, text, partial):
    """1 unless the doc's section is `text` (with `partial`, holds its lines)."""
    fix = f"run scripts/channels {lever} --update-doc and make the reading around the table true"
    section = doc_sections.read(DOC, section_name(lever))
    if not partial or section is None:
        return doc_sections.check(DOC, section_name(lever), text, fix)
    missing = [line for line in text.splitlines() if line not in section.splitlines()]
    for line in missing[:5]:
        print(f"FAILED: docs/validation.md's '{section_name(lever)}' lacks: {line}", file=sys.stderr)
    if missing:
        print(f"FAILED: the section is stale; {fix}", file=sys.stderr)
    return 1 if missing else 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("levers", nargs="*", help="specs in scripts/channels.d (default: all)")
    p.add_argument("--sizes", help="sizes to run, e.g. 1,10 (default: the spec's)")
    p.add_argument("--jobs", type=int, default=1, help="runs at a time (default 1)")
    p.add_argument("--check", action="store_true",
                   help="fail unless the Shapley values add up and docs/validation.md holds the rows; runs the "
                        "spec's check_sizes (its sizes when none)")
    p.add_argument("--update-doc", action="store_true", help="write the tables into docs/validation.md")
    a = p.parse_args()
    binary = os.environ.get("STEELPATH_BIN", os.path.join(ROOT, "build", "bin", "steelpath"))
    levers = a.levers or sorted(os.path.basename(f)[:-5] for f in glob.glob(os.path.join(SPECS, "*.yaml")))
    failed = 0
    for lever in levers:
        spec = load_spec(lever)
        sizes = spec["sizes"]
        if a.sizes:
            sizes = a.sizes.split(",")
        elif a.check and not a.update_doc:
            sizes = spec.get("check_sizes", sizes)
        sizes = [float(s) for s in sizes]
        text, failures = tables(spec, run_all(binary, spec, lever, sizes, a.jobs), sizes)
        print(f"## {spec.get('title', lever)} (scripts/channels.d/{lever}.yaml)\n\n{text}")
        if a.update_doc:
            write_section(lever, spec, text)
            print(f"updated '{section_name(lever)}' in {os.path.relpath(DOC)}", file=sys.stderr)
        if a.check:
            for f in failures:
                print(f"FAILED: {lever}: {f}", file=sys.stderr)
            partial = [float(s) for s in spec["sizes"]] != sizes
            failed |= bool(failures) | stale(lever, text, partial)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
