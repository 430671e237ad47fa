#!/usr/bin/env python3
"""The hostile and careless inputs of issue 16 through the real program:
each gives exit code 2 and a message naming file, line and key, leaves no
results file, and ends at once in little memory (a crash was exit 139, a
hang ran without end). A scenario that is valid but almost surely wrong
(no demand at all) runs with a warning.

Each command runs with a timeout (a hang fails the test instead of holding
CI), and its own peak memory (wait4's ru_maxrss) is checked against 100 MB.

Usage: test_hostile_inputs.py STEELPATH_BINARY SOURCE_DIR [unittest names]
"""
import os
import subprocess
import sys
import tempfile
import time
import unittest

BIN = ""
SOURCE = ""
TIMEOUT_S = 30        # a hang guard, not a timing: each of these ends in well under a second
MAX_RSS_KB = 100 * 1024


def steelpath(*args):
    """Runs the program; returns (exit code, stderr). Fails on a hang or on more than 100 MB."""
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([BIN, *args], stdout=subprocess.DEVNULL, stderr=err)
        # wait4 gives this command's own peak memory (ru_maxrss, kB).
        deadline = time.monotonic() + TIMEOUT_S
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                raise AssertionError(f"steelpath {' '.join(args)[:80]}: still running after {TIMEOUT_S} s")
            time.sleep(0.01)
        proc.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
        assert usage.ru_maxrss < MAX_RSS_KB, f"steelpath {' '.join(args)[:80]}: peak memory {usage.ru_maxrss} kB"
        err.seek(0)
        return proc.returncode, err.read().decode("utf-8", errors="replace")


class Hostile(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.demo = os.path.join(SOURCE, "scenarios", "demo.yaml")

    def tearDown(self):
        self.dir.cleanup()

    def write(self, name, data):
        path = os.path.join(self.dir.name, name)
        with open(path, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    def refused(self, scenario, *needles, extra=()):
        """validate and run both exit 2 with every needle in stderr; run leaves no file."""
        out = os.path.join(self.dir.name, "out.h5")
        for cmd in (["validate", scenario, *extra], ["run", scenario, "-q", "-o", out, *extra]):
            code, stderr = steelpath(*cmd)
            self.assertEqual(code, 2, f"{cmd[0]}: {stderr[-2000:]}")
            for n in needles:
                self.assertIn(n, stderr, cmd[0])
            self.assertFalse(os.path.exists(out), "a results file was left")
            self.assertFalse(os.path.exists(out + ".partial"), "a partial file was left")
        return stderr

    def test_cyclic_alias(self):
        path = self.write("cyclic.yaml", "a: &A [*A]\n")  # exit 139 before
        self.refused(path, path + ":1:8: error: a[0]: the alias *A is inside the value &A")

    def test_cyclic_alias_in_set(self):
        self.refused(self.demo, "--set: error: policies.carbon_price: cannot read the value",
                     "the alias *a is inside", extra=["--set", "policies.carbon_price=&a [*a]"])

    def test_lone_comma(self):
        path = self.write("comma.yaml", ",")  # no end, 1 GB after 5 s before
        self.refused(path, path + ":1:1: error: unexpected ','")
        path = self.write("comma-line.yaml", "[years]\n, commodities\n")
        self.refused(path, path + ":2:1: error: unexpected ','")

    def test_lone_comma_in_set(self):
        self.refused(self.demo, "--set: error: policies.carbon_price: cannot read the value",
                     "unexpected ','", extra=["--set", "policies.carbon_price=,"])

    def test_alias_amplification(self):
        def amplified(scalar):
            return ("s: &s " + "y" * scalar + "\nl: &l [" + ", ".join(["*s"] * 300) + "]\nm: ["
                    + ", ".join(["*l"] * 334) + "]\n")
        path = self.write("amplified.yaml", amplified(100_000))  # about 10 GB once expanded
        self.refused(path, path + ":1:4: error: s: a value of 100000 bytes: expected at most 64 KiB")
        path = self.write("amplified-60k.yaml", amplified(60_000))
        self.refused(path, path + ":2:", "l[278]: more than 16 MiB of text once aliases are expanded")
        bomb = "l0: &l0 [" + ", ".join(["x"] * 10) + "]\n" + "".join(
            f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]\n" for i in range(1, 10))
        path = self.write("bomb.yaml", bomb)
        self.refused(path, path + ":", "more than 100000 values and keys once aliases are expanded")

    def test_deep_nesting(self):
        path = self.write("deep.yaml", "a: " + "[" * 100_000 + "]" * 100_000 + "\n")
        self.refused(path, path + ":1:67: error: a", "nesting 65 levels deep")

    def test_file_too_large(self):
        path = self.write("big.yaml", "")
        os.truncate(path, 16 * 2**20 + 1)  # sparse: nothing is read
        self.refused(path, path + ": error: larger than 16 MiB")

    def test_fleet_limits_and_nul(self):
        header = "unit_id,plant,company,region,technology,capacity_mtpa,start_year,last_reline_year\n"
        self.write("nul.csv", header + "u\x001,p,northport,north,bf_bof,6,2000,2015\n")
        path = self.write("nul.yaml", f"extends: {self.demo}\nfleet: nul.csv\n")
        self.refused(path, "nul.csv:2:1: error: unit_id: expected text without control characters, "
                           "found byte 0x00 in 'u?1'")
        rows = "".join(f"u{i},p,northport,north,bf_bof,0.001,2000,2015\n" for i in range(100_001))
        self.write("many.csv", header + rows)
        path = self.write("many.yaml", f"extends: {self.demo}\nfleet: many.csv\n")
        self.refused(path, "many.csv:100002: error: more than 100000 data rows")

    def test_offtake_without_company(self):
        path = self.write("offtake.yaml", f"extends: {self.demo}\nofftakes:\n  deal:\n    buyer: B\n"
                                          "    volume: 1\n    premium: 10\n    max_intensity: 0.5\n"
                                          "    start: 2026\n")
        self.refused(path, path + ":4:5: error: offtakes.deal.company: missing key 'company'")

    def test_samples_refused_by_run_and_validate_alike(self):
        scenario = os.path.join(SOURCE, "scenarios", "demo-ensemble.yaml")
        bad = ["--set", "ensemble.samples=0o777"]
        self.refused(scenario, "--set: error: ensemble.samples: expected a whole number, found '0o777'", extra=bad)
        out = os.path.join(self.dir.name, "ens.h5")
        code, stderr = steelpath("run", scenario, "-q", "-o", out, "--samples", "2", *bad)  # exit 0 before
        self.assertEqual(code, 2, stderr)
        self.assertIn("found '0o777'", stderr)
        self.assertFalse(os.path.exists(out))

    def test_set_hint_never_names_the_refused_path(self):
        path = self.write("dotted.yaml", f"extends: {self.demo}\ncompanies:\n  x.y: {{name: X}}\n")
        stderr = self.refused(path, "the id 'x.y' contains a '.'", extra=["--set", "companies.x.y.hurdle_rate=0.1"])
        self.assertNotIn("nearest valid paths: companies.x.y", stderr)
        self.assertNotIn(", companies.x.y", stderr)


class Warned(unittest.TestCase):
    def test_zero_demand_is_a_warning(self):
        with tempfile.TemporaryDirectory() as d:
            demo = os.path.join(SOURCE, "scenarios", "demo.yaml")
            path = os.path.join(d, "zero.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(f"extends: {demo}\nregions:\n  north: {{demand: 0}}\n  south: {{demand: 0}}\n")
            warning = path + ":3:19: warning: regions.north.demand: demand (after demand_reduction) is zero"
            code, stderr = steelpath("validate", path)
            self.assertEqual(code, 0, stderr)
            self.assertIn(warning, stderr)
            code, stderr = steelpath("run", path, "-q", "-o", os.path.join(d, "zero.h5"))
            self.assertEqual(code, 0, stderr)
            self.assertIn(warning, stderr)
            code, stderr = steelpath("validate", demo)  # a real demand: no warning
            self.assertEqual(code, 0, stderr)
            self.assertNotIn("warning", stderr)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    BIN, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    unittest.main(argv=[sys.argv[0], "-v", *sys.argv[3:]])
