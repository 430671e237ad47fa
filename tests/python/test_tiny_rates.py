#!/usr/bin/python3
"""A hurdle or discount rate at the edge of zero (issue 16): 1 + 1e-16 is 1 in
double, where the textbook capital recovery factor divided by zero and every
levelized cost in decisions/lcos_* was +inf, with exit 0. Now each such rate
runs, writes only finite costs (NaN only where there is no option), and
decides as a zero rate does, at costs within 1e-9 of it.

Usage: test_tiny_rates.py STEELPATH_BINARY SOURCE_DIR
"""
import os
import subprocess
import sys
import tempfile

import h5py
import numpy as np

BIN, SRC = sys.argv[1], sys.argv[2]


def run_demo(out, rate):
    args = [BIN, "run", os.path.join(SRC, "scenarios/demo.yaml"), "-q", "-o", out]
    for path in ("finance.discount_rate", "companies.riverside.hurdle_rate"):
        args += ["--set", f"{path}={rate!r}"]
    p = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, (rate, p.returncode, p.stderr)
    with h5py.File(out, "r") as f:
        d = f["decisions"]
        return {k: d[k][()] for k in ("action", "to_technology", "lcos_chosen", "lcos_reline", "lcos_options")}


def main():
    with tempfile.TemporaryDirectory(prefix="steelpath-rates-") as tmp:
        zero = run_demo(os.path.join(tmp, "zero.h5"), 0.0)
        assert len(zero["action"]) > 0
        for rate in (1e-300, 1e-17, 1e-16, 2.2e-16, 1e-12):
            got = run_demo(os.path.join(tmp, "tiny.h5"), rate)
            for k in ("lcos_chosen", "lcos_reline", "lcos_options"):
                assert not np.isinf(got[k]).any(), (rate, k)
                np.testing.assert_allclose(got[k], zero[k], rtol=1e-9, equal_nan=True, err_msg=f"{rate} {k}")
            assert (got["action"] == zero["action"]).all() and (got["to_technology"] == zero["to_technology"]).all()
    print("ok")


if __name__ == "__main__":
    main()
