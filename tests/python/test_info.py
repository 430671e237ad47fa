#!/usr/bin/python3
"""`steelpath info` on a single-run and an ensemble file: the text names the
design and members, `--json` parses, and its numbers equal the file's own
(metrics recomputed from the arrays for a single run; the statistics group
for an ensemble). Bad paths exit 1 with a message.

Usage: test_info.py STEELPATH_BINARY SOURCE_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import h5py
import numpy as np

BIN, SRC = sys.argv[1], sys.argv[2]


def run(*args, ok=True):
    p = subprocess.run([BIN, *map(str, args)], capture_output=True, text=True)
    if ok and p.returncode != 0:
        raise AssertionError(f"{args}: exit {p.returncode}\n{p.stderr}")
    return p


def present_values(f, rate):
    """Each member's discounted system cost and direct CO2, from its arrays:
    year y weighs (1 + rate)^-(y - first year)."""
    years = f["year"][()]
    w = (1.0 + rate) ** -(years - years[0]).astype(float)
    cost = f["investment"][()].sum(axis=2) + f["operating_cost"][()].sum(axis=2)  # [member, year]
    return cost @ w, f["emissions"][()] @ w


def check_doc_recipe(path):
    """Runs the Python block of docs/output.md that re-discounts a finished
    file, at the file's own rate, and compares it with the stored metric."""
    with open(os.path.join(SRC, "docs/output.md"), encoding="utf-8") as f:
        doc = f.read()
    block = [b for b in doc.split("```python\n")[1:] if "levelized_2pct" in b]
    assert len(block) == 1, "docs/output.md: the re-discounting recipe is missing"
    code = block[0].split("```")[0]
    assert "1.02 **" in code and '"results/demo-ensemble.h5"' in code
    with h5py.File(path, "r") as f:
        rate, stored = float(f.attrs["metrics_discount_rate"]), f["abatement_cost_levelized"][()]
    scope = {}
    exec(code.replace("1.02 **", f"{1.0 + rate!r} **").replace('"results/demo-ensemble.h5"', repr(path)), scope)
    np.testing.assert_allclose(scope["levelized_2pct"], stored, rtol=1e-9, equal_nan=True)
    assert np.isfinite(stored).any()


def check_broken_files(tmp, single, ens):
    """Files with a missing or damaged array, and a directory: info and
    compare exit 1 naming the file and the variable (issue 16), never 0 from
    the scalars that survive."""
    # A directory is a directory, not a missing file.
    for args in (("info", tmp), ("compare", tmp, single), ("compare", single, tmp)):
        bad = run(*args, ok=False)
        assert bad.returncode == 1 and f"{tmp}: is a directory, not a results file" in bad.stderr, (args, bad.stderr)
    # A dataset deleted: info names it before reading anything; compare too.
    for name in ("region", "production", "decisions/lcos_chosen"):
        broken = os.path.join(tmp, "broken.h5")
        shutil.copy(single, broken)
        with h5py.File(broken, "r+") as f:
            del f[name]
        for args in (("info", broken), ("compare", broken, single), ("compare", single, broken)):
            bad = run(*args, ok=False)
            assert bad.returncode == 1 and f"{broken}: no variable {name} (the file is incomplete" in bad.stderr, (
                args, bad.stderr)
    # An ensemble member's compressed chunk overwritten: every variable is
    # there and the metrics still read, but compare reads the arrays too.
    damaged = os.path.join(tmp, "damaged.h5")
    shutil.copy(ens, damaged)
    with h5py.File(damaged, "r") as f:
        info = f["production"].id.get_chunk_info_by_coord((3, 0, 0, 0))
    with open(damaged, "r+b") as out:
        out.seek(info.byte_offset)
        out.write(b"\xff" * info.size)
    assert run("info", damaged).returncode == 0  # info reads the metrics and statistics only
    for args in (("compare", damaged, "--setting-b", 2), ("compare", single, damaged)):
        bad = run(*args, ok=False)
        assert bad.returncode == 1 and f"{damaged}: cannot read variable production (index" in bad.stderr, (
            args, bad.stderr)
    assert run("compare", ens, "--setting-b", 2).returncode == 0
    # Metrics of fewer members than the design, and a member whose sample
    # points outside it (found by tests/fuzz/fuzz_results.cpp): compare read
    # past the metrics' end and printed what lay there, exit 0.
    short = os.path.join(tmp, "short.h5")
    shutil.copy(ens, short)
    with h5py.File(short, "r+") as f:
        for name in [k for k, v in f.items() if isinstance(v, h5py.Dataset) and v.attrs.get("steelpath_role") in ("metric", b"metric")]:
            attrs = {k: v for k, v in f[name].attrs.items() if k != "DIMENSION_LIST"}
            data = f[name][:1]
            del f[name]
            f.create_dataset(name, data=data).attrs.update(attrs)
    bad = run("compare", short, "--setting-b", 2, ok=False)
    assert bad.returncode == 1 and f"{short}: the metrics have 1 rows, the design" in bad.stderr, bad.stderr
    outside = os.path.join(tmp, "outside.h5")
    shutil.copy(ens, outside)
    with h5py.File(outside, "r+") as f:
        f["member_sample"][0] = 2**31 - 1
    for args in (("info", outside), ("compare", outside, "--setting-b", 2)):
        bad = run(*args, ok=False)
        assert bad.returncode == 1 and f"{outside}: member 0 has a lever setting, sample or replicate outside" in bad.stderr, (
            args, bad.stderr)


def main():
    tmp = tempfile.mkdtemp(prefix="steelpath-info-")
    try:
        single = os.path.join(tmp, "demo.h5")
        run("run", os.path.join(SRC, "scenarios/demo.yaml"), "-q", "-o", single)
        text = run("info", single).stdout
        assert "single-run results, schema 10" in text and "present values at 3.50 % a year" in text, text
        d = json.loads(run("info", single, "--json").stdout)
        with h5py.File(single, "r") as f:
            e = f["emissions"][()]
            years = f["year"][()]
        m = d["metrics"]
        assert abs(m["cumulative_emissions"] - e.sum()) < 1e-9 * e.sum(), (m, e.sum())
        assert abs(m["cumulative_emissions_2050"] - e[years <= 2050].sum()) < 1e-9 * e.sum()
        assert m["peak_emissions"] == e.max() and m["peak_year"] == years[int(np.argmax(e))]
        nz = years[np.nonzero(e <= 0.1 * e[0])[0]]
        assert (m["near_zero_year"] is None and len(nz) == 0) or m["near_zero_year"] == nz[0], (m, nz)
        assert d["kind"] == "single run" and d["first_year"] == 2025 and d["seed"] == "1"
        assert d["metrics_discount_rate"] == 0.035
        # At a zero rate the present values are the plain sums.
        flat = os.path.join(tmp, "flat.h5")
        run("run", os.path.join(SRC, "scenarios/demo.yaml"), "-q", "-o", flat, "--set", "metrics.discount_rate=0")
        fm = json.loads(run("info", flat, "--json").stdout)["metrics"]
        assert np.isclose(fm["system_cost_discounted"], fm["system_cost"], rtol=1e-12), fm
        assert np.isclose(fm["cumulative_emissions_discounted"], fm["cumulative_emissions"], rtol=1e-12), fm
        assert fm["system_cost"] == m["system_cost"] and m["system_cost_discounted"] < 0.7 * m["system_cost"]

        ens = os.path.join(tmp, "ens.h5")
        run("run", os.path.join(SRC, "tests/data/ensemble-failing.yaml"), "-q", "-o", ens)
        text = run("info", ens).stdout
        d = json.loads(run("info", ens, "--json").stdout)
        with h5py.File(ens, "r") as f:
            status = f["member_status"][()]
            labels = [s.decode() for s in f["lever_setting_label"][()]]
            mq = f["statistics/metric_quantiles"][()]
            names = [s.decode() for s in f["statistics/metric"][()]]
            cum = f["cumulative_emissions"][()]
        assert d["kind"] == "ensemble" and d["members_done"] == int((status == 1).sum())
        assert d["members_failed"] == int((status == 2).sum()) > 0
        assert len(d["failures"]) == d["members_failed"] and "market.max_utilisation" in d["failures"][0]["reason"]
        assert f"{d['members_failed']} failed" in text and "market.max_utilisation" in text
        for s, label in enumerate(labels):
            got = d["lever_settings"][s]
            assert got["label"] == label
            want = mq[s, names.index("cumulative_emissions")]
            assert np.allclose(got["metric_quantiles"]["cumulative_emissions"], want, rtol=1e-9)
            done = cum[(status == 1)]
            assert np.isclose(want[2], np.quantile(done, 0.5), rtol=1e-12)  # one setting in this file

        # compare: two settings of one ensemble are paired by sample.
        dem = os.path.join(tmp, "dem.h5")
        run("run", os.path.join(SRC, "scenarios/demo-ensemble.yaml"), "--samples", 6, "-q", "-o", dem)
        c = json.loads(run("compare", dem, "--setting-a", 0, "--setting-b", 2, "--json").stdout)
        with h5py.File(dem, "r") as f:
            cum, st, sm = f["cumulative_emissions"][()], f["member_setting"][()], f["member_sample"][()]
            cost = f["system_cost"][()]
            # system_cost = capex + operating costs over the horizon, from the member's arrays.
            np.testing.assert_allclose(cost, f["investment"][()].sum(axis=(1, 2)) + f["operating_cost"][()].sum(axis=(1, 2)),
                                       rtol=1e-12)
        a = cum[st == 0][np.argsort(sm[st == 0])]
        b = cum[st == 2][np.argsort(sm[st == 2])]
        assert c["paired"] is True
        got = c["metrics"]["cumulative_emissions"]
        assert np.isclose(got["a"][0], np.median(a), rtol=1e-12) and np.isclose(got["b"][0], np.median(b), rtol=1e-12)
        assert np.allclose(got["b_minus_a"], [np.median(b - a), *np.quantile(b - a, [0.05, 0.95])], rtol=1e-12)
        ca = cost[st == 0][np.argsort(sm[st == 0])]
        cb = cost[st == 2][np.argsort(sm[st == 2])]
        abates = (a - b) > 0
        ratio = (cb - ca)[abates] / (a - b)[abates]
        assert abates.any()
        assert np.allclose(c["abatement_cost"], [np.median(ratio), *np.quantile(ratio, [0.05, 0.95])], rtol=1e-12), (
            c["abatement_cost"], ratio)
        # Levelized: the same pairs with present values at the file's 3.5 %.
        with h5py.File(dem, "r") as f:
            assert float(f.attrs["metrics_discount_rate"]) == 0.035
            cost_pv, emitted_pv = present_values(f, 0.035)
            np.testing.assert_allclose(f["system_cost_discounted"][()], cost_pv, rtol=1e-12)
            np.testing.assert_allclose(f["cumulative_emissions_discounted"][()], emitted_pv, rtol=1e-12)
            stored_levelized = f["abatement_cost_levelized"][()][st == 2][np.argsort(sm[st == 2])]
        pa = emitted_pv[st == 0][np.argsort(sm[st == 0])]
        pb = emitted_pv[st == 2][np.argsort(sm[st == 2])]
        qa = cost_pv[st == 0][np.argsort(sm[st == 0])]
        qb = cost_pv[st == 2][np.argsort(sm[st == 2])]
        abates_pv = (pa - pb) > 0
        levelized = (qb - qa)[abates_pv] / (pa - pb)[abates_pv]
        assert np.allclose(c["abatement_cost_levelized"], [np.median(levelized), *np.quantile(levelized, [0.05, 0.95])],
                           rtol=1e-12), (c["abatement_cost_levelized"], levelized)
        np.testing.assert_allclose(stored_levelized[abates_pv], levelized, rtol=1e-12)
        assert np.isnan(stored_levelized[~abates_pv]).all()
        # The file's own paired metrics (reference: setting 0 by default) are the same pairs.
        with h5py.File(dem, "r") as f:
            assert int(f.attrs["reference_lever_setting"]) == 0
            avoided, abatement = f["emissions_avoided"][()], f["abatement_cost"][()]
            assert f["abatement_cost"].attrs["steelpath_role"] == b"metric" or \
                f["abatement_cost"].attrs["steelpath_role"] == "metric"
            stat_names = [x.decode() for x in f["statistics/metric"][()]]
            stat_q = f["statistics/metric_quantiles"][()]
        np.testing.assert_allclose(avoided[st == 2][np.argsort(sm[st == 2])], a - b, rtol=1e-12)
        stored = abatement[st == 2][np.argsort(sm[st == 2])]
        np.testing.assert_allclose(stored[abates], ratio, rtol=1e-12)
        assert np.isnan(stored[~abates]).all() and np.isnan(abatement[st == 0]).all()
        assert np.all(avoided[st == 0] == 0.0)
        np.testing.assert_allclose(stat_q[2, stat_names.index("abatement_cost")],
                                   np.quantile(ratio, [0.05, 0.25, 0.5, 0.75, 0.95]), rtol=1e-12)
        # docs/output.md's recipe for another rate, run at the file's own rate,
        # gives the stored levelized costs (with a non-first reference below).
        check_doc_recipe(dem)
        # Another reference, by label; an unknown label is refused with the list.
        with h5py.File(dem, "r") as f:
            label2 = f["lever_setting_label"][2].decode()
        dem2 = os.path.join(tmp, "dem2.h5")
        run("run", os.path.join(SRC, "scenarios/demo-ensemble.yaml"), "--samples", 6, "-q", "-o", dem2,
            "--set", f"ensemble.reference={label2}")
        with h5py.File(dem2, "r") as f:
            assert int(f.attrs["reference_lever_setting"]) == 2
            np.testing.assert_allclose(f["emissions_avoided"][()][st == 0][np.argsort(sm[st == 0])], b - a, rtol=1e-12)
        bad = run("run", os.path.join(SRC, "scenarios/demo-ensemble.yaml"), "--samples", 2, "-q", "-o",
                  os.path.join(tmp, "bad.h5"), "--set", "ensemble.reference=carbon 99", ok=False)
        assert bad.returncode == 2 and "ensemble.reference" in bad.stderr and label2 in bad.stderr, bad.stderr
        check_doc_recipe(dem2)
        # Replicates, a reference that is not the first setting, failed members:
        # every member's pair found by brute force, and the pooled cost.
        scen = os.path.join(tmp, "pairs.yaml")
        with open(scen, "w") as out:
            out.write(f"extends: {os.path.join(SRC, 'tests/data/ensemble-failing.yaml')}\n"
                      "levers: {policies.carbon_price.2035: [30, 90, 150]}\n"
                      "ensemble: {samples: 6, replicates: 2, reference: policies.carbon_price.2035=90}\n"
                      "metrics: {discount_rate: 5 %}\n")
        pairs = os.path.join(tmp, "pairs.h5")
        run("run", scen, "-q", "-o", pairs)
        with h5py.File(pairs, "r") as f:
            st_, sm_, rp_ = f["member_setting"][()], f["member_sample"][()], f["member_replicate"][()]
            ok_, cum_, cost_ = f["member_status"][()] == 1, f["cumulative_emissions"][()], f["system_cost"][()]
            got_avoided, got_cost = f["emissions_avoided"][()], f["abatement_cost"][()]
            pooled = f["statistics/abatement_cost_pooled"][()]
            pooled_levelized = f["statistics/abatement_cost_levelized_pooled"][()]
            got_levelized = f["abatement_cost_levelized"][()]
            assert int(f.attrs["reference_lever_setting"]) == 1 and float(f.attrs["metrics_discount_rate"]) == 0.05
            cost_pv_, emitted_pv_ = present_values(f, 0.05)
        assert rp_.max() == 1 and (~ok_).any() and ok_.any()
        extra, tonnes, extra_pv, tonnes_pv = np.zeros(3), np.zeros(3), np.zeros(3), np.zeros(3)
        for m in range(len(st_)):
            r = np.nonzero((st_ == 1) & (sm_ == sm_[m]) & (rp_ == rp_[m]))[0]
            assert len(r) == 1
            r = r[0]
            if not (ok_[m] and ok_[r]):
                assert np.isnan(got_avoided[m]) and np.isnan(got_cost[m]) and np.isnan(got_levelized[m]), m
                continue
            avoided = cum_[r] - cum_[m]
            assert got_avoided[m] == avoided, m
            want = (cost_[m] - cost_[r]) / avoided if avoided > 0 else np.nan
            np.testing.assert_allclose(got_cost[m], want, rtol=1e-12, equal_nan=True)
            extra[st_[m]] += cost_[m] - cost_[r]
            tonnes[st_[m]] += avoided
            avoided_pv = emitted_pv_[r] - emitted_pv_[m]
            want = (cost_pv_[m] - cost_pv_[r]) / avoided_pv if avoided_pv > 0 else np.nan
            np.testing.assert_allclose(got_levelized[m], want, rtol=1e-9, atol=1e-9, equal_nan=True)
            extra_pv[st_[m]] += cost_pv_[m] - cost_pv_[r]
            tonnes_pv[st_[m]] += avoided_pv
        want = np.where(tonnes > 0, extra / np.where(tonnes > 0, tonnes, 1), np.nan)
        np.testing.assert_allclose(pooled, want, rtol=1e-9, equal_nan=True)
        assert np.isnan(pooled[1])  # the reference against itself
        want = np.where(tonnes_pv > 0, extra_pv / np.where(tonnes_pv > 0, tonnes_pv, 1), np.nan)
        np.testing.assert_allclose(pooled_levelized, want, rtol=1e-9, equal_nan=True)
        assert np.isnan(pooled_levelized[1]) and np.isfinite(pooled_levelized[2])  # 150 abates against 90
        check_doc_recipe(pairs)  # replicates, failed members, reference 1, 5 %
        # Two settings with one label cannot be a reference; nor can a scenario without levers have one.
        with open(scen, "w") as out:
            out.write(f"extends: {os.path.join(SRC, 'tests/data/ensemble-failing.yaml')}\n"
                      "levers: {policies.carbon_price.2035: [30, 30]}\n"
                      "ensemble: {reference: policies.carbon_price.2035=30}\n")
        bad = run("run", scen, "-q", "-o", os.path.join(tmp, "dup.h5"), ok=False)
        assert bad.returncode == 2 and "2 lever settings are labelled" in bad.stderr, bad.stderr
        bad = run("run", os.path.join(SRC, "scenarios/demo.yaml"), "-q", "-o", os.path.join(tmp, "none.h5"),
                  "--set", "ensemble.reference=base", ok=False)
        assert bad.returncode == 2 and "no levers or uncertainties" in bad.stderr, bad.stderr
        text = run("compare", dem, "--setting-b", 2).stdout
        assert "paired member by member" in text and "cumulative_emissions" in text
        c = json.loads(run("compare", single, dem, "--json").stdout)  # a single run against a setting
        assert c["paired"] is False and c["discount_rate"] == [0.035, 0.035]
        med = {k: c["metrics"][k + "_discounted"] for k in ("system_cost", "cumulative_emissions")}
        avoided_pv = med["cumulative_emissions"]["a"][0] - med["cumulative_emissions"]["b"][0]
        want = (med["system_cost"]["b"][0] - med["system_cost"]["a"][0]) / avoided_pv if avoided_pv > 0 else None
        assert (want is None and c["abatement_cost_levelized"][0] is None) or \
            np.isclose(c["abatement_cost_levelized"][0], want, rtol=1e-12), (c["abatement_cost_levelized"], want)
        assert np.isclose(c["metrics"]["cumulative_emissions"]["a"][0], e.sum(), rtol=1e-12)
        # Present values at two rates do not compare: no levelized cost, no
        # differences of the discounted rows, and the text says why.
        c2 = json.loads(run("compare", flat, dem, "--json").stdout)
        assert c2["discount_rate"] == [0.0, 0.035] and c2["abatement_cost_levelized"] == [None, None, None], c2
        assert c2["metrics"]["system_cost_discounted"]["b_minus_a"][0] is None
        assert c2["metrics"]["system_cost"]["b_minus_a"][0] is not None
        assert "the files discount at different rates" in run("compare", flat, dem).stdout
        # One rate written two ways ("0.7 %" is 0.006999999999999999 in binary) is one rate.
        r1, r2 = os.path.join(tmp, "r1.h5"), os.path.join(tmp, "r2.h5")
        run("run", os.path.join(SRC, "scenarios/demo.yaml"), "-q", "-o", r1, "--set", "metrics.discount_rate=0.7 %")
        run("run", os.path.join(SRC, "scenarios/demo.yaml"), "-q", "-o", r2, "--set", "metrics.discount_rate=0.007")
        c3 = json.loads(run("compare", r1, r2, "--json").stdout)
        assert c3["metrics"]["system_cost_discounted"]["b_minus_a"][0] is not None, c3
        assert "different rates" not in run("compare", r1, r2).stdout
        bad = run("compare", dem, "--setting-b", 99, ok=False)
        assert bad.returncode == 2 and "lever setting 99 does not exist" in bad.stderr, bad.stderr

        # A file of another schema version is named and refused, by info and compare.
        old = os.path.join(tmp, "old.h5")
        shutil.copy(single, old)
        with h5py.File(old, "r+") as f:
            f.attrs["schema_version"] = np.int64(3)
        for args in (("info", old), ("compare", old, single)):
            bad = run(*args, ok=False)
            assert bad.returncode == 1 and f"{old}: results schema 3" in bad.stderr, bad.stderr
        bad = run("info", os.path.join(tmp, "missing.h5"), ok=False)
        assert bad.returncode == 1 and "no such file" in bad.stderr, bad.stderr
        bad = run("info", os.path.join(SRC, "scenarios/demo.yaml"), ok=False)
        assert bad.returncode == 1 and "HDF5" in bad.stderr, bad.stderr
        check_broken_files(tmp, single, dem)
        print("ok")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
