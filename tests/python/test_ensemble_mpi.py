#!/usr/bin/env python3
"""MPI ensembles (build with -DSTEELPATH_MPI=ON): two ranks write the same
file as one process, bit for bit; each rank keeps its own journal.

Usage: test_ensemble_mpi.py STEELPATH_BINARY SOURCE_DIR [tests...]
The launcher is $STEELPATH_MPIEXEC (default: mpirun).
"""
import os
import re

import h5py

import ensemble_support as es

DEMO = "demo-ensemble.yaml"


def launcher(ranks):
    mpiexec = os.environ.get("STEELPATH_MPIEXEC") or "mpirun"
    return (mpiexec, "-np", str(ranks), "--oversubscribe")


def mpi_env():
    env = dict(os.environ)
    if os.geteuid() == 0:  # OpenMPI refuses root without both
        env.setdefault("OMPI_ALLOW_RUN_AS_ROOT", "1")
        env.setdefault("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
    return env


class TwoRanks(es.EnsembleTest):
    def mpirun(self, *args):
        p = es.steelpath(*args, launcher=launcher(2), env=mpi_env())
        return p

    def test_two_ranks_equal_one_process(self):
        one, two = self.path("one.h5"), self.path("two.h5")
        p1 = self.run_ok("run", es.scenario(DEMO), "--threads", 1, "-o", one)
        self.assertIn("1 thread(s) x 1 rank(s)", p1.stderr)
        p2 = self.mpirun("run", es.scenario(DEMO), "--threads", 1, "-o", two)
        self.assertEqual(p2.returncode, 0, p2.stderr)
        self.assertIn("this run: 384 to simulate; 1 thread(s) x 2 rank(s)", p2.stderr)
        # Each rank reports its own half (members dealt out cyclically).
        self.assertRegex(p2.stderr, r"rank 0: 192/192 members")
        self.assertRegex(p2.stderr, r"rank 1: 192/192 members")
        self.assertEqual(p2.stdout.count("results:"), 1, "more than one rank wrote the summary")
        self.assertFalse(os.path.exists(two + ".parts"))
        self.assert_same_datasets(one, two)
        with h5py.File(one, "r") as f, h5py.File(two, "r") as g:
            self.assertEqual(int(f.attrs["run_ranks"]), 1)
            self.assertEqual(int(g.attrs["run_ranks"]), 2)
            self.assertEqual(int(g.attrs["members_done"]), 384)

    def test_parts_on_two_ranks_keep_one_journal_per_rank(self):
        one, out = self.path("one.h5"), self.path("parts.h5")
        opts = ("--samples", 8, "--threads", 1)  # 96 members
        self.run_ok("run", es.scenario(DEMO), *opts, "-q", "-o", one)
        for part in (0, 1):
            p = self.mpirun("run", es.scenario(DEMO), *opts, "--part", f"{part}/2", "-o", out)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn(f"part {part} of 2 done", p.stderr)
            self.assertRegex(p.stderr, rf"this run: 48 to simulate in part {part} of 2; 1 thread\(s\) x 2 rank\(s\)")
        # Part I on rank R is worker I * 2 + R: four journals of 24 members each.
        journals = sorted(os.listdir(out + ".parts"))
        self.assertEqual(journals, [f"part-{w:05d}-of-00004.journal" for w in range(4)])
        self.assertFalse(os.path.exists(out))
        p = self.run_ok("merge", es.scenario(DEMO), "--samples", 8, "-o", out)
        self.assertTrue(re.search(r"results: ", p.stdout), p.stdout)
        self.assert_same_datasets(one, out)


if __name__ == "__main__":
    es.main()
