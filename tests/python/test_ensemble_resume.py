#!/usr/bin/env python3
"""Interrupted ensembles resume: after SIGKILL (also with a torn last journal
record) or SIGINT, the same command finishes the run and the file is
bit-identical to an uninterrupted run. Journals of another run, or files that
are no journal, are refused and left alone.

Usage: test_ensemble_resume.py STEELPATH_BINARY SOURCE_DIR [tests...]
"""
import glob
import os
import re
import shutil
import signal
import tempfile
import time

import h5py

import ensemble_support as es

# 12 settings x 120 samples = 1,440 members: about a second on one thread, so
# there is time to interrupt it after the first ~25 records (~8 kB each).
OPTS = ("--samples", 120, "--threads", 1)
MEMBERS = 1440
KILL_AT_BYTES = 200_000
_reference = {}


def reference():
    """The uninterrupted run, made once per process."""
    if "path" not in _reference:
        _reference["dir"] = tempfile.mkdtemp(prefix="steelpath-ensemble-ref-")
        path = os.path.join(_reference["dir"], "reference.h5")
        p = es.steelpath("run", es.scenario("demo-ensemble.yaml"), *OPTS, "-q", "-o", path)
        if p.returncode != 0:
            raise AssertionError(f"reference run failed:\n{p.stderr}")
        _reference["path"] = path
    return _reference["path"]


def tearDownModule():
    if "dir" in _reference:
        shutil.rmtree(_reference["dir"], ignore_errors=True)


def journal(out, part=0, parts=1):
    return os.path.join(out + ".parts", f"part-{part:05d}-of-{parts:05d}.journal")


class Interrupted(es.EnsembleTest):
    def command(self, out, *extra):
        opts = OPTS if "--threads" not in extra else OPTS[:2]  # extra may choose the threads
        return ("run", es.scenario("demo-ensemble.yaml"), *opts, *extra, "-o", out)

    def interrupt(self, out, sig, *extra):
        """Starts the run, waits until its journal holds KILL_AT_BYTES, sends
        the signal; returns (exit code, stderr)."""
        proc = es.start(*self.command(out, *extra))
        deadline = time.monotonic() + 120
        try:
            while True:
                if os.path.exists(journal(out)) and os.path.getsize(journal(out)) > KILL_AT_BYTES:
                    break
                if proc.poll() is not None:
                    self.fail(f"the run ended (exit code {proc.returncode}) before it could be interrupted:\n"
                              f"{proc.stderr.read()}")
                if time.monotonic() > deadline:
                    self.fail("the journal did not grow")
                time.sleep(0.002)
            proc.send_signal(sig)
            _, err = proc.communicate(timeout=120)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        return proc.returncode, err

    def assert_left_unfinished(self, out):
        self.assertFalse(os.path.exists(out), "a results file appeared after the interruption")
        self.assertEqual(glob.glob(out + "*.partial"), [], "a partial file was left beside the output")
        self.assertTrue(os.path.isfile(journal(out)), "the journal is gone")
        self.assertGreater(os.path.getsize(journal(out)), KILL_AT_BYTES)

    def resume(self, out, *extra):
        p = self.run_ok(*self.command(out, *extra))
        m = re.search(r"this run: (\d+) to simulate, (\d+) already done \(resumed\)", p.stderr)
        self.assertIsNotNone(m, f"no 'already done (resumed)' in:\n{p.stderr}")
        todo, done = int(m.group(1)), int(m.group(2))
        self.assertGreater(done, 0)
        self.assertEqual(todo + done, MEMBERS)
        self.assertTrue(os.path.isfile(out))
        self.assertFalse(os.path.exists(out + ".parts"), "the journals were not removed")
        self.assertEqual(glob.glob(out + "*.partial"), [])
        return p, done

    def test_sigkill_then_resume_gives_the_uninterrupted_file(self):
        out = self.path("killed.h5")
        rc, _ = self.interrupt(out, signal.SIGKILL)
        self.assertEqual(rc, -signal.SIGKILL)
        self.assert_left_unfinished(out)
        _, done = self.resume(out)
        self.assertGreaterEqual(done, KILL_AT_BYTES // 20_000)  # records are well under 20 kB
        self.assert_same_datasets(reference(), out)

    def test_killed_at_two_threads_resumed_at_one(self):
        out = self.path("layouts.h5")
        rc, _ = self.interrupt(out, signal.SIGKILL, "--threads", "2")
        self.assertEqual(rc, -signal.SIGKILL)
        self.assert_left_unfinished(out)
        self.resume(out, "--threads", "1")
        self.assert_same_datasets(reference(), out)

    def test_an_empty_journal_left_by_a_killed_start_is_skipped(self):
        # A writer killed while creating its journal leaves an empty file (or
        # the start of a header): it holds no member and must not block resume.
        out = self.path("empty-journal.h5")
        os.makedirs(out + ".parts")
        open(journal(out, 3, 4), "wb").close()
        with open(journal(out, 1, 4), "wb") as f:
            f.write(b"STEELPATH-JOUR")  # the start of a header
        self.run_ok(*self.command(out, "-q"))
        self.assertFalse(os.path.exists(out + ".parts"))
        self.assert_same_datasets(reference(), out)

    def test_torn_last_record_is_dropped_and_rerun(self):
        out = self.path("torn.h5")
        self.interrupt(out, signal.SIGKILL)
        self.assert_left_unfinished(out)
        # A write cut short: the last record loses its last 300 bytes.
        size = os.path.getsize(journal(out))
        os.truncate(journal(out), size - 300)
        p, _ = self.resume(out)
        self.assertRegex(p.stderr, r"note: .*part-00000-of-00001\.journal: dropped an incomplete record \(\d+ bytes\)")
        self.assert_same_datasets(reference(), out)

    def test_sigint_exits_130_and_the_rerun_finishes(self):
        out = self.path("sigint.h5")
        rc, err = self.interrupt(out, signal.SIGINT)
        self.assertEqual(rc, 130, err)
        self.assertIn("interrupted", err)
        self.assertRegex(err, rf"interrupted: \d+ of {MEMBERS} members still to run")
        self.assert_left_unfinished(out)
        p, _ = self.resume(out)
        self.assertNotIn("dropped an incomplete record", p.stderr)  # SIGINT stops between members
        self.assert_same_datasets(reference(), out)

    def test_sigterm_exits_130(self):
        out = self.path("sigterm.h5")
        rc, err = self.interrupt(out, signal.SIGTERM)
        self.assertEqual(rc, 130, err)
        self.assert_left_unfinished(out)

    def test_journal_of_another_run_is_refused_and_left_alone(self):
        out = self.path("seed.h5")
        rc, err = self.interrupt(out, signal.SIGINT, "--seed", 1)
        self.assertEqual(rc, 130, err)
        with open(journal(out), "rb") as f:
            before = f.read()
        p = es.steelpath(*self.command(out, "--seed", 2))
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIn("belongs to another run", p.stderr)
        self.assertIn("--fresh", p.stderr)
        self.assertFalse(os.path.exists(out))
        with open(journal(out), "rb") as f:
            self.assertEqual(f.read(), before, "the refused journal was changed")
        # --fresh discards it and runs the whole design of seed 2.
        p = self.run_ok(*self.command(out, "--seed", 2, "--fresh"))
        self.assertIn(f"this run: {MEMBERS} to simulate;", p.stderr)
        self.assertNotIn("already done", p.stderr)
        with h5py.File(out, "r") as f:
            self.assertEqual(int(f.attrs["seed"]), 2)
            self.assertEqual(int(f.attrs["members_done"]), MEMBERS)
        self.assertFalse(os.path.exists(out + ".parts"))


class InterruptedWrite(es.EnsembleTest):
    """A signal while the file is being written (here `merge`, which only
    writes) abandons it like a signal during the simulation: exit 130, no
    file and no temporary file, every member kept; the rerun writes it."""

    def test_sigint_during_the_final_write(self):
        out = self.path("merged.h5")
        args = ("demo-ensemble.yaml", "--samples", 600)  # 7,200 members: the write takes a while
        for part in ("0/2", "1/2"):
            self.run_ok("run", es.scenario(args[0]), *args[1:], "--part", part, "-q", "-o", out)
        partial = os.path.join(out + ".parts", os.path.basename(out) + ".partial")
        proc = es.start("merge", es.scenario(args[0]), *args[1:], "-q", "-o", out)
        deadline = time.monotonic() + 120
        while not os.path.exists(partial):  # the writer has begun
            if proc.poll() is not None:
                self.fail(f"merge ended (exit code {proc.returncode}) before it wrote:\n{proc.stderr.read()}")
            self.assertLess(time.monotonic(), deadline, "merge never began writing")
            time.sleep(0.001)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
        self.assertEqual(proc.returncode, 130, err)
        self.assertIn(f"interrupted while writing {out}", err)
        self.assertFalse(os.path.exists(out), "a results file was written")
        self.assertFalse(os.path.exists(partial), "the temporary file was left")
        self.assertTrue(os.path.isfile(journal(out, 0, 2)) and os.path.isfile(journal(out, 1, 2)))
        self.run_ok("merge", es.scenario(args[0]), *args[1:], "-q", "-o", out)
        with h5py.File(out, "r") as f:
            self.assertEqual(int(f.attrs["members_done"]), 7200)


class NotAJournal(es.EnsembleTest):
    def test_garbage_file_named_journal_is_refused(self):
        out = self.path("garbage.h5")
        os.makedirs(out + ".parts")
        garbage = journal(out, 1)
        with open(garbage, "wb") as f:
            f.write(b"this is not a journal\n" * 100)
        p = es.steelpath("run", es.scenario("demo-ensemble.yaml"), "-q", "-o", out)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIn("not a steelpath journal", p.stderr)
        self.assertIn("part-00001-of-00001.journal", p.stderr)
        self.assertFalse(os.path.exists(out))
        self.assertEqual(os.path.getsize(garbage), 2200)


class Complete(es.EnsembleTest):
    def test_complete_file_is_left_alone(self):
        out = self.path("done.h5")
        self.run_ok("run", es.scenario("demo-ensemble.yaml"), "-q", "-o", out)
        with open(out, "rb") as f:
            before = f.read()
        p = self.run_ok("run", es.scenario("demo-ensemble.yaml"), "-o", out)
        self.assertRegex(p.stderr, r"is complete \(384 members\); nothing to do")
        self.assertNotIn("to simulate", p.stderr)
        with open(out, "rb") as f:
            self.assertEqual(f.read(), before, "a complete file was rewritten")
        self.assertFalse(os.path.exists(out + ".parts"))


if __name__ == "__main__":
    es.main()
