#!/usr/bin/env python3
"""Output that survives the world: two runs writing one output at once both
succeed (the later rename wins, neither destroys the other's file), and a
full disk gives a message naming the file and the cause, exit 1, no file
and no temporary file, and a rerun with space completes the same file.

Usage: test_output_safety.py STEELPATH_BINARY SOURCE_DIR [unittest names...]
The disk-full tests mount a small tmpfs: they run as root only (skipped
otherwise, or where mounting is not allowed).
"""
import glob
import os
import subprocess

import ensemble_support as es


def leftovers(folder):
    return glob.glob(os.path.join(folder, "**", "*.partial"), recursive=True)


class ConcurrentSingleRuns(es.EnsembleTest):
    def test_two_runs_on_one_output_both_succeed(self):
        reference = self.path("reference.h5")
        self.run_ok("run", es.scenario("demo.yaml"), "-o", reference)
        out = self.path("same.h5")
        for _ in range(4):
            a = es.start("run", es.scenario("demo.yaml"), "-o", out)
            b = es.start("run", es.scenario("demo.yaml"), "-o", out)
            _, err_a = a.communicate(timeout=120)
            _, err_b = b.communicate(timeout=120)
            self.assertEqual(a.returncode, 0, err_a)
            self.assertEqual(b.returncode, 0, err_b)
            self.assertTrue(os.path.isfile(out))
            self.assertEqual(leftovers(self.dir), [], "a temporary file was left")
            self.assert_same_datasets(reference, out)


class DiskFull(es.EnsembleTest):
    def setUp(self):
        super().setUp()
        if os.geteuid() != 0:
            self.skipTest("mounting a tmpfs needs root")
        self.disk = self.path("disk")
        os.makedirs(self.disk)
        p = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=20k", "tmpfs", self.disk], capture_output=True)
        if p.returncode != 0:
            self.skipTest("cannot mount a tmpfs here: " + p.stderr.decode(errors="replace"))

    def tearDown(self):
        subprocess.run(["umount", self.disk], capture_output=True)
        super().tearDown()

    def resize(self, size):
        subprocess.run(["mount", "-o", f"remount,size={size}", self.disk], check=True)

    def assert_full_disk_failure(self, p, out):
        self.assertEqual(p.returncode, 1, p.stderr)  # not 139: no crash at exit
        self.assertIn("No space left on device", p.stderr)
        self.assertIn(self.disk, p.stderr)  # names the file
        self.assertFalse(os.path.exists(out), "a results file was left")
        self.assertEqual(leftovers(self.dir), [], "a temporary file was left")

    def test_single_run(self):
        out = os.path.join(self.disk, "demo.h5")
        self.assert_full_disk_failure(es.steelpath("run", es.scenario("demo.yaml"), "-o", out), out)
        self.resize("20m")
        self.run_ok("run", es.scenario("demo.yaml"), "-o", out)
        reference = self.path("reference.h5")
        self.run_ok("run", es.scenario("demo.yaml"), "-o", reference)
        self.assert_same_datasets(reference, out)

    def test_ensemble_fails_then_the_rerun_completes(self):
        out = os.path.join(self.disk, "ensemble.h5")
        args = ("run", es.scenario("demo-ensemble.yaml"), "--samples", 20, "--threads", 2, "-q", "-o")
        # Sizes at which the journal, or the file while members are copied
        # into it, or its statistics, run out of space first.
        for size in ("1m", "4200k", "4800k"):
            self.resize(size)
            self.assert_full_disk_failure(es.steelpath(*args, out), out)
        self.resize("20m")
        self.run_ok(*args, out)
        reference = self.path("reference.h5")
        self.run_ok(*args, reference)
        self.assert_same_datasets(reference, out, attrs=False)


if __name__ == "__main__":
    es.main()
