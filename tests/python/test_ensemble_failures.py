#!/usr/bin/env python3
"""Failed members are recorded, not fatal: tests/data/ensemble-failing.yaml
samples market.max_utilisation in [0.8, 1.2] although the format allows at
most 1; exactly the members whose sample is above 1 fail, with NaN results
and their reason, statistics skip them, and --retry-failed reruns exactly
them (they fail again, the file stays the same).

Usage: test_ensemble_failures.py STEELPATH_BINARY SOURCE_DIR [tests...]
"""
import os
import re
import shutil

import h5py
import numpy as np

import ensemble_support as es

SCENARIO = "ensemble-failing.yaml"


class Failures(es.EnsembleTest):
    def setUp(self):
        super().setUp()
        self.out = self.path("failing.h5")
        self.first = self.run_ok("run", es.scenario(SCENARIO), "--threads", 2, "-o", self.out)

    def test_members_above_the_bound_fail_with_their_reason(self):
        with h5py.File(self.out, "r") as f:
            self.assertEqual([es.text(p) for p in f["parameter"][()]], ["market.max_utilisation"])
            self.assertEqual(int(f["parameter_scale"][0]), 0)  # the sample replaces the value
            value = f["sample_value"][()][:, 0]
            self.assertEqual(value.shape, (20,))
            self.assertTrue(np.all((value > 0.8) & (value < 1.2)))
            member_value = value[f["member_sample"][()]]
            bad = member_value > 1.0
            # A uniform LHS over [0.8, 1.2] in 20 strata: half the strata lie above 1.
            self.assertEqual(int(bad.sum()), 10)
            status = f["member_status"][()]
            self.assertEqual(status.tolist(), np.where(bad, 2, 1).tolist())
            self.assertEqual(f["failure"][()].tolist(), np.flatnonzero(bad).tolist())
            self.assertEqual(int(f.attrs["members_failed"]), 10)
            self.assertEqual(int(f.attrs["members_done"]), 10)
            reasons = [es.text(r) for r in f["failure_reason"][()]]
            self.assertEqual(len(reasons), 10)
            for m, reason in zip(f["failure"][()], reasons):
                self.assertIn("market.max_utilisation", reason)
                found = re.search(r"found ([0-9.eE+-]+)", reason)
                self.assertIsNotNone(found, reason)
                self.assertAlmostEqual(float(found.group(1)), member_value[m], places=12)
            # Failed members' results are NaN; finished members' are numbers.
            prod = f["production"][()]
            self.assertTrue(np.all(np.isnan(prod[bad])))
            self.assertTrue(np.all(np.isfinite(prod[~bad])))
            self.assertTrue(np.all(np.isnan(f["emissions"][()][bad])))
            cum = f["cumulative_emissions"][()]
            self.assertTrue(np.all(np.isnan(cum[bad])))
            self.assertTrue(np.all(np.isfinite(cum[~bad])))
            # Statistics count and average the finished members only.
            stats = f["statistics"]
            self.assertEqual(stats["members_done"][()].tolist(), [10])
            np.testing.assert_allclose(stats["emissions_mean"][0], f["emissions"][()][~bad].mean(axis=0), rtol=1e-12)
            self.assertTrue(np.all(np.isfinite(stats["emissions_quantiles"][()])))
        self.assertRegex(self.first.stderr, r"20/20 members \(100 %\), 10 failed")

    def test_retry_failed_reruns_exactly_the_failures(self):
        before = self.path("before.h5")
        shutil.copyfile(self.out, before)
        p = self.run_ok("run", es.scenario(SCENARIO), "--retry-failed", "--threads", 2, "-o", self.out)
        m = re.search(r"this run: (\d+) to simulate", p.stderr)
        self.assertIsNotNone(m, p.stderr)
        self.assertEqual(int(m.group(1)), 10)
        self.assertRegex(p.stderr, r"10/10 members \(100 %\), 10 failed")
        self.assert_same_datasets(before, self.out)
        self.assertFalse(os.path.exists(self.out + ".parts"), "the journals were not removed")
        # Without --retry-failed the complete file is left alone.
        p = self.run_ok("run", es.scenario(SCENARIO), "-o", self.out)
        self.assertIn("nothing to do", p.stderr)


if __name__ == "__main__":
    es.main()
