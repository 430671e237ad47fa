#!/usr/bin/python3
"""The measurements of scripts/bench-ensemble (run that script, not this one).

Usage: bench_ensemble.py STEELPATH_BINARY SOURCE_DIR [--repeat N] [--quick]

Every figure comes from a real `steelpath run` of a whole ensemble:
members/s and unit-years/s are the run's own figures (root attributes
run_members_per_second and run_unit_years_per_second: members simulated,
compressed and appended to the journal, divided by the simulation phase's
wall time); "end to end" is the whole command (loading, simulation, writing
the file, statistics) timed here; peak memory is the largest resident set of
the whole command as /usr/bin/time -v reports it.
"""
import argparse
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

import h5py

# The demo ensemble has 12 lever settings (4 carbon prices x 3 packages);
# --samples N gives 12 x N members.
DEMO_SETTINGS = 12

# The world fleet (2,378 units, 578 companies) with 2 lever settings and 2
# uncertainties, all assumptions for timing only: 2 x N members.
GLOBAL_SCENARIO = """\
extends: {root}/scenarios/global-baseline.yaml
name: bench-global-ensemble
levers:
  finance.discount_rate: [0.06, 0.10]
uncertainties:
  commodities.scrap.price: {{distribution: triangular, low: 0.8, mode: 1.0, high: 1.2, scale: true}}
  commodities.hydrogen.price: {{distribution: triangular, low: 0.7, mode: 1.0, high: 1.5, scale: true}}
"""
GLOBAL_SETTINGS = 2


def cpu_name():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine_busy_seconds():
    """CPU seconds all processes have used since boot (/proc/stat), or None."""
    try:
        with open("/proc/stat", encoding="utf-8") as f:
            ticks = [int(x) for x in f.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    busy = sum(ticks) - ticks[3] - ticks[4]  # all but idle and iowait
    return busy / os.sysconf("SC_CLK_TCK")


def children_cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


# Runs during which other processes used more than this share of the
# machine are flagged: their figures are not the program's alone.
OTHER_LOAD_LIMIT = 0.10
disturbed = []


def run(binary, args, timed=False):
    """Runs steelpath; returns (seconds, peak RSS in MiB or None)."""
    cmd = [binary, *[str(a) for a in args], "-q"]
    if timed:
        cmd = ["/usr/bin/time", "-v", *cmd]
    busy0, cpu0 = machine_busy_seconds(), children_cpu_seconds()
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    busy1, cpu1 = machine_busy_seconds(), children_cpu_seconds()
    if busy0 is not None and busy1 is not None:
        other = (busy1 - busy0) - (cpu1 - cpu0)
        if other > OTHER_LOAD_LIMIT * seconds * (os.cpu_count() or 1):
            disturbed.append(f"{' '.join(str(a) for a in args)}: other processes used {other:.1f} CPU s "
                             f"of {seconds * (os.cpu_count() or 1):.1f}")
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        raise SystemExit(f"bench-ensemble: {' '.join(cmd)} exited with {p.returncode}")
    rss = None
    if timed:
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
        if not m:
            raise SystemExit("bench-ensemble: /usr/bin/time -v printed no maximum resident set size")
        rss = int(m.group(1)) / 1024.0
    return seconds, rss


def file_figures(path):
    with h5py.File(path, "r") as f:
        a = f.attrs
        return {
            "members": int(a["members"]),
            "members_per_second": float(a["run_members_per_second"]),
            "unit_years_per_second": float(a["run_unit_years_per_second"]),
            "sim_seconds": float(a["run_wall_seconds"]),
            "rss_attr": float(a["run_peak_rss_mib"]),
            "threads": int(a["run_threads"]),
            "failed": int(a["members_failed"]),
            "bytes": os.path.getsize(path),
        }


def throughput(binary, scenario, samples, threads, out, repeat):
    """The median run (by members/s) of `repeat` runs, with its end-to-end seconds."""
    runs = []
    for _ in range(repeat):
        if os.path.exists(out):
            os.remove(out)
        seconds, _ = run(binary, ["run", scenario, "--samples", samples, "--threads", threads, "-o", out])
        fig = file_figures(out)
        fig["end_to_end"] = seconds
        runs.append(fig)
    runs.sort(key=lambda r: r["members_per_second"])
    return runs[len(runs) // 2]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("binary")
    ap.add_argument("root")
    ap.add_argument("--repeat", type=int, default=1, help="runs per throughput figure (median reported)")
    ap.add_argument("--quick", action="store_true", help="smaller runs, to check the script")
    o = ap.parse_args()
    demo = os.path.join(o.root, "scenarios", "demo-ensemble.yaml")
    demo_samples = 42 if o.quick else 417  # x 12 = 504 or 5,004 members
    global_samples = 5 if o.quick else 100  # x 2 = 10 or 200 members
    small, large = (84, 250) if o.quick else (84, 834)  # x 12 = 1,008 and 10,008 (or 3,000) members

    with tempfile.TemporaryDirectory(prefix="steelpath-bench-") as tmp:
        world = os.path.join(tmp, "global-ensemble.yaml")
        with open(world, "w", encoding="utf-8") as f:
            f.write(GLOBAL_SCENARIO.format(root=o.root))

        rows = []
        for name, scenario, samples, settings in (
            ("demo-ensemble", demo, demo_samples, DEMO_SETTINGS),
            ("global-baseline + 2 levers x 2 uncertainties", world, global_samples, GLOBAL_SETTINGS),
        ):
            for threads in (1, 2):
                print(f"... {name}: {samples * settings} members, {threads} thread(s)", file=sys.stderr)
                r = throughput(o.binary, scenario, samples, threads, os.path.join(tmp, "t.h5"), o.repeat)
                rows.append((name, threads, r))

        mem = []
        for samples in (small, large):
            out = os.path.join(tmp, f"m{samples}.h5")
            print(f"... memory: demo-ensemble, {samples * DEMO_SETTINGS} members, 2 threads", file=sys.stderr)
            seconds, rss = run(o.binary, ["run", demo, "--samples", samples, "--threads", 2, "-o", out], timed=True)
            fig = file_figures(out)
            fig["end_to_end"], fig["rss"] = seconds, rss
            mem.append(fig)
            os.remove(out)

    print(f"\nsteelpath ensembles on {os.cpu_count()} cores ({cpu_name()}), "
          f"{time.strftime('%Y-%m-%d')}; median of {o.repeat} run(s)\n")
    print("| scenario | members | threads | members/s | M unit-years/s | simulation s | end to end s | file MB |")
    print("|---|---|---|---|---|---|---|---|")
    for name, threads, r in rows:
        print(f"| {name} | {r['members']:,} | {threads} | {r['members_per_second']:,.0f} | "
              f"{r['unit_years_per_second'] / 1e6:.2f} | {r['sim_seconds']:.2f} | {r['end_to_end']:.2f} | "
              f"{r['bytes'] / 1e6:.1f} |")
    print("\n| demo-ensemble, 2 threads | members | peak RSS (whole command) MiB | run_peak_rss_mib | "
          "end to end s | file MB | bytes per member |")
    print("|---|---|---|---|---|---|---|")
    for r in mem:
        print(f"| --samples {r['members'] // DEMO_SETTINGS} | {r['members']:,} | {r['rss']:.1f} | "
              f"{r['rss_attr']:.1f} | {r['end_to_end']:.2f} | {r['bytes'] / 1e6:.1f} | "
              f"{r['bytes'] / r['members']:,.0f} |")
    limit = 2 * mem[0]["rss"] + 20
    bounded = mem[1]["rss"] <= limit
    print(f"\nmemory bounded: {'yes' if bounded else 'NO'} ({mem[1]['rss']:.1f} MiB at {mem[1]['members']:,} "
          f"members; limit 2 x {mem[0]['rss']:.1f} + 20 = {limit:.1f} MiB)")
    if disturbed:
        print(f"\nwarning: the machine was busy with other work during {len(disturbed)} run(s); "
              "rerun on a quiet machine for figures to publish:")
        for d in disturbed:
            print(f"  {d}")
    failed = sum(r["failed"] for _, _, r in rows) + sum(r["failed"] for r in mem)
    if failed:
        print(f"note: {failed} members failed in these runs", file=sys.stderr)
    return 0 if bounded else 1


if __name__ == "__main__":
    sys.exit(main())
