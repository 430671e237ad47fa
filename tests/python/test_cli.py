#!/usr/bin/env python3
"""Command-line behaviour of steelpath: help texts, exit codes, and messages
for missing or malformed scenarios (exit code 2, no results file left).

Usage: test_cli.py STEELPATH_BINARY SCENARIOS_DIR
"""
import glob
import os
import subprocess
import sys
import tempfile
import unittest

BIN = ""
SCENARIOS = ""


def run(*args, cwd=None):
    return subprocess.run([BIN, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


class Help(unittest.TestCase):
    def test_help(self):
        p = run("--help")
        self.assertEqual(p.returncode, 0)
        self.assertIn("run", p.stdout)
        self.assertIn("validate", p.stdout)
        self.assertIn("Exit codes", p.stdout)

    def test_run_help(self):
        p = run("run", "--help")
        self.assertEqual(p.returncode, 0)
        self.assertIn("--output", p.stdout)
        self.assertIn("Scenario YAML file", p.stdout)

    def test_version(self):
        p = run("--version")
        self.assertEqual(p.returncode, 0)
        self.assertIn("steelpath 0.2.0", p.stdout)

    def test_no_subcommand_is_a_usage_error(self):
        self.assertEqual(run().returncode, 2)
        self.assertEqual(run("fly").returncode, 2)


class BadInput(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.out = os.path.join(self.dir.name, "out.h5")

    def tearDown(self):
        self.dir.cleanup()

    def write(self, name, text):
        path = os.path.join(self.dir.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def assert_refused(self, scenario, *needles):
        p = run("run", scenario, "-o", self.out)
        self.assertEqual(p.returncode, 2, p.stderr)
        for n in needles:
            self.assertIn(n, p.stderr)
        self.assertFalse(os.path.exists(self.out), "a results file was left")
        self.assertEqual(glob.glob(self.out + "*.partial"), [], "a partial file was left")

    def test_missing_file(self):
        missing = os.path.join(self.dir.name, "nope.yaml")
        self.assert_refused(missing, missing, "cannot open")

    def test_malformed_yaml(self):
        path = self.write("bad.yaml", "years: {first: 2025\nname: [x\n")
        self.assert_refused(path, path + ":", "YAML syntax")

    def test_typo_is_named_with_suggestion(self):
        with open(os.path.join(SCENARIOS, "demo.yaml"), encoding="utf-8") as f:
            text = f.read().replace("carbon_price:", "carbon_prise:")
        path = self.write("typo.yaml", text)
        for folder in ("data", "base"):
            os.symlink(os.path.join(SCENARIOS, folder), os.path.join(self.dir.name, folder))
        self.assert_refused(path, "policies.carbon_prise", "did you mean carbon_price?")

    def test_validate_reports_ok_and_errors(self):
        p = run("validate", os.path.join(SCENARIOS, "demo.yaml"))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("ok", p.stdout)
        p = run("validate", self.write("empty.yaml", ""))
        self.assertEqual(p.returncode, 2)
        self.assertIn("empty scenario file", p.stderr)


class GoodRun(unittest.TestCase):
    def test_seed_changes_agents_draws_and_repeats(self):
        import h5py
        scenario = os.path.join(SCENARIOS, "levers", "heterogeneity.yaml")
        with tempfile.TemporaryDirectory() as d:
            runs = {}
            for name, seed in (("a", 1), ("b", 1), ("c", 2)):
                out = os.path.join(d, name + ".h5")
                p = run("run", scenario, "-o", out, "--quiet", "--set", f"seed={seed}")
                self.assertEqual(p.returncode, 0, p.stderr)
                with h5py.File(out, "r") as f:
                    runs[name] = f["emissions"][:].tobytes()
            self.assertEqual(runs["a"], runs["b"])      # same seed: bit-identical
            self.assertNotEqual(runs["a"], runs["c"])   # another seed: other draws


    def test_run_prints_summary_and_writes_file(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "demo.h5")
            p = run("run", os.path.join(SCENARIOS, "demo.yaml"), "-o", out)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("results: " + out, p.stdout)
            self.assertIn("direct CO2 emissions: 2025", p.stdout)
            self.assertIn("technology mix", p.stdout)
            self.assertTrue(os.path.exists(out))

    def test_default_output_goes_to_results_folder(self):
        with tempfile.TemporaryDirectory() as d:
            p = run("run", os.path.join(SCENARIOS, "demo.yaml"), "--quiet", cwd=d)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(p.stdout, "")
            self.assertTrue(os.path.exists(os.path.join(d, "results", "demo.h5")))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    BIN, SCENARIOS = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    unittest.main(argv=[sys.argv[0], "-v"])
