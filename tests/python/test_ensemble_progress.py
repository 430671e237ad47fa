#!/usr/bin/env python3
"""Progress on stderr when it is not a terminal: a line every
--progress-interval seconds and a final "took" line; -q prints nothing.

Usage: test_ensemble_progress.py STEELPATH_BINARY SOURCE_DIR [tests...]
"""
import re

import ensemble_support as es

DEMO = "demo-ensemble.yaml"
LINE = re.compile(r"^(\d+)/(\d+) members \((\d+) %\), (\d+) failed, ([\d.]+) members/s, (ETA|took) ")


class Progress(es.EnsembleTest):
    def test_lines_at_the_interval_then_took(self):
        # 12 x 100 = 1,200 members on one thread: about a second, so about 20
        # lines at 0.05 s; at least 3 leaves room for a fast machine.
        p = self.run_ok("run", es.scenario(DEMO), "--samples", 100, "--threads", 1, "--progress-interval", 0.05,
                        "-o", self.path("p.h5"))
        self.assertNotIn("\r", p.stderr, "a redrawn line on a pipe")
        lines = [LINE.match(line) for line in p.stderr.splitlines()]
        lines = [m for m in lines if m]
        eta = [m for m in lines if m.group(6) == "ETA"]
        self.assertGreaterEqual(len(eta), 3, p.stderr)
        done = [int(m.group(1)) for m in lines]
        self.assertEqual(done, sorted(done), "progress went backwards")
        for m in lines:
            self.assertEqual(int(m.group(2)), 1200)
            self.assertEqual(m.group(3), "%.0f" % (100.0 * int(m.group(1)) / 1200))
            self.assertEqual(int(m.group(4)), 0)
            self.assertGreater(float(m.group(5)), 0)
        self.assertEqual(lines[-1].group(6), "took")
        self.assertEqual(lines[-1].group(1), "1200")
        self.assertEqual(lines[-1].group(3), "100")
        self.assertRegex(p.stderr, r"simulated 1200 members in ")

    def test_quiet_prints_nothing(self):
        p = self.run_ok("run", es.scenario(DEMO), "--samples", 100, "-q", "--progress-interval", 0.01,
                        "-o", self.path("q.h5"))
        self.assertEqual(p.stderr, "")
        self.assertEqual(p.stdout, "")


if __name__ == "__main__":
    es.main()
