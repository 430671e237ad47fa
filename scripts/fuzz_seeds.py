#!/usr/bin/env python3
"""Writes the seed corpus and dictionaries of the fuzz harnesses (tests/fuzz)
from the shipped files and from small files the program writes; called by
scripts/fuzz, nothing is committed.

Usage: fuzz_seeds.py STEELPATH_BINARY OUT_DIR

OUT_DIR/NAME/ gets the seeds of harness NAME, OUT_DIR/NAME.dict its
libFuzzer dictionary (when it has one):
  scenario   every shipped scenario (scenarios/, scenarios/levers/, tests/data/),
             its `extends:` and `fleet:` paths rewritten for a file standing in
             scenarios/ (where fuzz_scenario.cpp puts its input); dictionary:
             the format's keys (scenarios/steelpath.schema.json) and YAML tokens
  fleet_csv  scenarios/data/demo_fleet.csv, the first rows of the GEM fleets
  set        one PATH=VALUE per parameter path of scenarios/demo-ensemble.yaml
             (`validate --list-paths`), typical values, two assignments at once
  journal    the journal of one part of a small ensemble (`run --part`), with
             the harness's mode byte (0, and 1: CRCs recomputed), and cut short
  results    a single run's file and a small ensemble's file
"""
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCENARIOS = os.path.join(ROOT, "scenarios")


def write(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def quoted(token):
    """A libFuzzer dictionary entry: the token's bytes in quotes; backslash, quote and other bytes escaped."""
    out = []
    for b in token.encode():
        if chr(b) in '"\\':
            out.append("\\" + chr(b))
        elif 32 <= b < 127:
            out.append(chr(b))
        else:
            out.append("\\x%02x" % b)
    return '"' + "".join(out) + '"'


def dictionary(path, tokens):
    with open(path, "w", encoding="ascii") as f:
        for t in sorted(set(tokens)):
            f.write(quoted(t) + "\n")


def scenario_seeds(out):
    files = []
    for folder in (SCENARIOS, os.path.join(SCENARIOS, "levers"), os.path.join(ROOT, "tests", "data")):
        files += [os.path.join(folder, f) for f in sorted(os.listdir(folder)) if f.endswith(".yaml")]
    files.append(os.path.join(SCENARIOS, "base", "routes.yaml"))

    def rewrite(match, origin):
        target = os.path.normpath(os.path.join(os.path.dirname(origin), match.group(2)))
        return match.group(1) + os.path.relpath(target, SCENARIOS)

    for f in files:
        text = open(f, encoding="utf-8").read()
        text = re.sub(r"(?m)^((?:extends|fleet):\s*)(\S+\.(?:yaml|csv))", lambda m: rewrite(m, f), text)
        write(out, os.path.relpath(f, ROOT).replace("/", "_"), text)
    schema = json.load(open(os.path.join(SCENARIOS, "steelpath.schema.json"), encoding="utf-8"))
    keys = set()

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "properties" and isinstance(v, dict):
                    keys.update(v)
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(schema)
    yaml_tokens = ["&a ", "*a", "<<: ", "---\n", "...\n", "- ", ": ", "? ", "!!str ", "!!int ", "!!map ", "|\n",
                   ">\n", "{", "}", "[", "]", ", ", "# ", "\"", "'", "~", "null", "true", "1e308", "-1", ".nan",
                   ".inf", "0x10", "0o17", "%", "USD/t", "CNY/t CO2", "Mt/yr", "2025", "2060"]
    return [k + ": " for k in keys] + yaml_tokens


def fleet_seeds(out):
    data = os.path.join(SCENARIOS, "data")
    write(out, "demo_fleet.csv", open(os.path.join(data, "demo_fleet.csv"), "rb").read())
    for name in ("gem_fleet_2025.csv", "gem_fleet_2025_china.csv"):
        lines = open(os.path.join(data, name), "rb").read().splitlines(keepends=True)
        comments = [ln for ln in lines if ln.startswith(b"#")]
        rows = [ln for ln in lines if not ln.startswith(b"#")]
        write(out, name.replace(".csv", "_head.csv"), b"".join(comments + rows[:30]))
        write(out, name.replace(".csv", "_rows.csv"), b"".join(rows[:1] + rows[200:212]))


def set_seeds(out, steelpath):
    listed = subprocess.run([steelpath, "validate", os.path.join(SCENARIOS, "demo-ensemble.yaml"), "--list-paths"],
                            check=True, capture_output=True, text=True).stdout.split()
    for i, path in enumerate(listed):
        write(out, "path-%04d" % i, path + "=1")
    for i, text in enumerate(["policies.carbon_price={2025: 10, 2050: 100}",
                              "policies.carbon_price.2035=95 CNY/t CO2", "finance.discount_rate=5 %",
                              "ensemble.samples=4", "ensemble.sampling=sobol", "ensemble.replicates=2", "seed=7",
                              "policies.carbon_price=[1, 2]", "regions.north.demand=1.5e2 Mt/yr",
                              "ensemble.samples=2\0seed=3\0finance.discount_rate=0.07"]):
        write(out, "value-%02d" % i, text)
    return [p + "=" for p in listed] + ["=", ".", "{", "}", "[", "]", ": ", ", ", "%", "&a ", "*a", "\0"]


def run(steelpath, *args):
    subprocess.run([steelpath, "run", *args, "-q"], check=True, stdout=subprocess.DEVNULL)


def journal_seeds(out, steelpath, tmp):
    target = os.path.join(tmp, "part.h5")
    run(steelpath, os.path.join(SCENARIOS, "demo-ensemble.yaml"), "--samples", "1", "--part", "0/6", "-o", target)
    parts = target + ".parts"
    journal = open(os.path.join(parts, sorted(os.listdir(parts))[0]), "rb").read()
    for mode in (0, 1):
        write(out, "journal-%d" % mode, bytes([mode]) + journal)
        write(out, "torn-%d" % mode, bytes([mode]) + journal[:-7])
    header = 24 + 4 + 4 + int.from_bytes(journal[28:32], "little") + 4
    write(out, "header-only", b"\0" + journal[:header])
    return []


def results_seeds(out, steelpath, tmp):
    single = os.path.join(tmp, "single.h5")
    run(steelpath, os.path.join(SCENARIOS, "demo.yaml"), "-o", single)
    ensemble = os.path.join(tmp, "ensemble.h5")
    run(steelpath, os.path.join(SCENARIOS, "demo-ensemble.yaml"), "--samples", "1", "-o", ensemble)
    for path in (single, ensemble):
        write(out, os.path.basename(path), open(path, "rb").read())
    return []


def main(steelpath, out):
    steelpath = os.path.abspath(steelpath)
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in (("scenario", lambda d: scenario_seeds(d)), ("fleet_csv", lambda d: fleet_seeds(d)),
                           ("set", lambda d: set_seeds(d, steelpath)),
                           ("journal", lambda d: journal_seeds(d, steelpath, tmp)),
                           ("results", lambda d: results_seeds(d, steelpath, tmp))):
            folder = os.path.join(out, name)
            os.makedirs(folder, exist_ok=True)
            tokens = make(folder)
            if tokens:
                dictionary(os.path.join(out, name + ".dict"), tokens)
            print("seeds: %-9s %3d files" % (name, len(os.listdir(folder))))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
