"""Shared helpers of the ensemble tests (tests/python/test_ensemble*.py).

Every test script is called as
    SCRIPT STEELPATH_BINARY SOURCE_DIR [unittest names...]
and writes its outputs to a temporary folder that it removes.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import h5py
import numpy as np

BIN = ""
ROOT = ""

# Root attributes that legitimately differ between two runs of the same design.
VOLATILE_ATTRS = {"started_utc", "finished_utc", "command_line"}


def scenario(name):
    """A shipped scenario (scenarios/NAME) or a test scenario (tests/data/NAME)."""
    for folder in ("scenarios", os.path.join("tests", "data")):
        path = os.path.join(ROOT, folder, name)
        if os.path.exists(path):
            return path
    raise FileNotFoundError(name)


# The one line the ThreadSanitizer build's OpenMP tool (LLVM's Archer) prints
# at start under scripts/test --tsan: the runtime's, not the program's output
# (why TSan runs without the option it asks for: tests/tsan.supp).
ARCHER_NOTE = ("Warning: please export TSAN_OPTIONS='ignore_noninstrumented_modules=1' to avoid false "
               "positive reports from the OpenMP runtime!\n")


def steelpath(*args, timeout=300, env=None, launcher=()):
    """Runs the program to its end; stdout and stderr (without ARCHER_NOTE) as text."""
    cmd = [*launcher, BIN, *[str(a) for a in args]]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    p.stderr = p.stderr.replace(ARCHER_NOTE, "", 1)
    return p


def start(*args, stderr=subprocess.PIPE):
    """Starts the program without waiting (for signals)."""
    return subprocess.Popen([BIN, *[str(a) for a in args]], stdout=subprocess.DEVNULL, stderr=stderr, text=True)


def text(v):
    return v.decode("utf-8") if isinstance(v, bytes) else v


def datasets(path):
    """{name: numpy array} of every dataset in the file (strings decoded)."""
    out = {}
    with h5py.File(path, "r") as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                a = obj[()]
                if obj.dtype.kind == "O":
                    a = np.array([text(x) for x in np.ravel(a)], dtype=object).reshape(np.shape(a))
                out[name] = a
        f.visititems(visit)
    return out


def root_attrs(path):
    with h5py.File(path, "r") as f:
        return {k: f.attrs[k] for k in f.attrs}


def identical_arrays(a, b):
    """Bit for bit: same dtype, shape and bytes (NaNs must have the same bits)."""
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    if a.dtype.kind == "O":
        return list(np.ravel(a)) == list(np.ravel(b))
    return np.ascontiguousarray(a).tobytes() == np.ascontiguousarray(b).tobytes()


class EnsembleTest(unittest.TestCase):
    """A test case with a temporary folder and file comparisons."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="steelpath-ensemble-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.dir, name)

    def run_ok(self, *args, **kw):
        p = steelpath(*args, **kw)
        self.assertEqual(p.returncode, 0, f"steelpath {' '.join(map(str, args))}\n{p.stderr}")
        return p

    def assert_same_datasets(self, a_path, b_path, attrs=True):
        """Every dataset of the two files is bit-identical, and so are the root
        attributes other than run_* and the times and command line."""
        a, b = datasets(a_path), datasets(b_path)
        self.assertEqual(sorted(a), sorted(b), "the files hold different datasets")
        differ = [n for n in sorted(a) if not identical_arrays(a[n], b[n])]
        self.assertEqual(differ, [], f"datasets that differ between {a_path} and {b_path}")
        if attrs:
            ra, rb = root_attrs(a_path), root_attrs(b_path)
            keep = lambda d: {k for k in d if not k.startswith("run_") and k not in VOLATILE_ATTRS}  # noqa: E731
            self.assertEqual(keep(ra), keep(rb))
            for k in keep(ra):
                self.assertTrue(np.array_equal(np.asarray(ra[k]), np.asarray(rb[k])), f"root attribute {k} differs")


def main():
    global BIN, ROOT
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    BIN, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    unittest.main(module="__main__", argv=[sys.argv[0], "-v", *sys.argv[3:]])
