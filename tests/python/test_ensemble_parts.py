#!/usr/bin/env python3
"""Job arrays: `run --part I/N` runs a share of the members and never writes
the file (exit code 0); `merge` refuses while a part is missing (exit code 3)
and, once all are done, writes the same file as a single run.

Usage: test_ensemble_parts.py STEELPATH_BINARY SOURCE_DIR [tests...]
"""
import os
import re

import h5py

import ensemble_support as es

DEMO = "demo-ensemble.yaml"
OPTS = ("--samples", 8)  # 12 settings x 8 samples = 96 members


class JobArray(es.EnsembleTest):
    def part(self, i, out):
        p = es.steelpath("run", es.scenario(DEMO), *OPTS, "--part", f"{i}/2", "-o", out)
        self.assertEqual(p.returncode, 0, p.stderr)  # a part that ran its members succeeded
        self.assertIn(f"part {i} of 2 done", p.stderr)
        self.assertFalse(os.path.exists(out), "a part wrote the results file")
        self.assertTrue(os.path.isfile(os.path.join(out + ".parts", f"part-{i:05d}-of-00002.journal")))
        return p

    def test_parts_then_merge_equal_a_single_run(self):
        single, out = self.path("single.h5"), self.path("parts.h5")
        self.run_ok("run", es.scenario(DEMO), *OPTS, "-q", "-o", single)

        p = self.part(0, out)
        self.assertRegex(p.stderr, r"this run: 48 to simulate in part 0 of 2")
        early = es.steelpath("merge", es.scenario(DEMO), *OPTS, "-o", out)
        self.assertEqual(early.returncode, 3, early.stderr)
        self.assertRegex(early.stderr, r"48 of 96 members still to run")
        self.assertFalse(os.path.exists(out))

        # Rerunning a finished part simulates nothing.
        again = self.part(0, out)
        self.assertIn("this run: 0 to simulate, 48 already done (resumed) in part 0 of 2", again.stderr)

        self.part(1, out)
        self.assertFalse(os.path.exists(out))
        merged = self.run_ok("merge", es.scenario(DEMO), *OPTS, "-o", out)
        self.assertIn("results:", merged.stdout)
        self.assertTrue(os.path.isfile(out))
        self.assertFalse(os.path.exists(out + ".parts"), "merge left the journals")
        self.assert_same_datasets(single, out)
        with h5py.File(out, "r") as f:
            self.assertEqual(int(f.attrs["members_done"]), 96)

    def test_merge_with_other_options_is_refused(self):
        out = self.path("parts.h5")
        self.part(0, out)
        self.part(1, out)
        p = es.steelpath("merge", es.scenario(DEMO), "--samples", 9, "-o", out)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIn("belongs to another run", p.stderr)
        self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    es.main()
