#!/usr/bin/python3
"""The results scripts: scripts/steelpath_read.py returns the numbers the C++
side wrote (members, per-setting means, production by route, the EMA
Workbench export), and every plotting script draws a non-blank image headless
from a single-run file of the real fleet and from small ensembles.

Usage: test_results_scripts.py STEELPATH_BINARY SOURCE_DIR [unittest names...]

The inputs are made when first needed in a temporary folder (removed at the end):
  single.h5    scenarios/global-baseline.yaml (the GEM fleet, with a decision log), run from
               SOURCE_DIR with relative paths, so its fleet_file attribute is relative
  world.h5     scenarios/global-uncertainty.yaml --samples 8: 4 settings x 8 samples
  demo.h5      scenarios/demo-ensemble.yaml --samples 4: 12 settings (3 packages) x 4 samples
  failing.h5   tests/data/ensemble-failing.yaml with a carbon-price lever and a company target:
               failed members, target_met
  saltelli.h5  scenarios/demo-ensemble.yaml --sampling saltelli --samples 8: 12 x 8 x 6 members
  levers.h5    scenarios/china-alliance-fund.yaml: levers and no uncertainties, 4 settings x 1 member
               (an empty sample_value [1 x 0] that once broke the reader)
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import h5py
import numpy as np
import pandas as pd

BIN = ROOT = TMP = ""


def text(v):
    return v.decode("utf-8") if isinstance(v, bytes) else str(v)


def steelpath(*args, cwd=None):
    r = subprocess.run([BIN, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120)
    if r.returncode != 0:
        raise RuntimeError(f"steelpath {' '.join(map(str, args))}: exit {r.returncode}\n{r.stderr}")


class Inputs(dict):
    """The input files by name, each made when first asked for (one CTest test
    runs only the tests of one script)."""

    def __missing__(self, key):
        path = os.path.join(TMP, key + ".h5")
        if key == "single":
            # Relative paths from the source folder: fleet_file is "scenarios/data/gem_fleet_2025.csv".
            steelpath("run", "scenarios/global-baseline.yaml", "-q", "-o", path, cwd=ROOT)
        elif key == "world":
            steelpath("run", os.path.join(ROOT, "scenarios/global-uncertainty.yaml"), "-q", "--samples", 8, "-o", path)
        elif key == "demo":
            steelpath("run", os.path.join(ROOT, "scenarios/demo-ensemble.yaml"), "-q", "--samples", 4, "-o", path)
        elif key == "failing":
            scenario = os.path.join(TMP, "failing.yaml")
            with open(scenario, "w") as f:
                f.write(f"extends: {os.path.join(ROOT, 'tests/data/ensemble-failing.yaml')}\n"
                        "levers:\n  policies.carbon_price.2035: [30, 100]\nensemble:\n  samples: 6\n"
                        "companies:\n  northport: {target: {neutrality_year: 2050, peak_year: 2030}}\n")
            steelpath("run", scenario, "-q", "-o", path)
        elif key == "levers":
            steelpath("run", os.path.join(ROOT, "scenarios/china-alliance-fund.yaml"), "-q", "-o", path)
        elif key == "saltelli":
            steelpath("run", os.path.join(ROOT, "scenarios/demo-ensemble.yaml"), "-q", "--sampling", "saltelli",
                      "--samples", 8, "-o", path)
        else:
            raise KeyError(key)
        self[key] = path
        return path


FILES = Inputs()


def setUpModule():
    global TMP
    TMP = tempfile.mkdtemp(prefix="steelpath-results-")


def tearDownModule():
    shutil.rmtree(TMP, ignore_errors=True)


def arrays(path, *names):
    with h5py.File(path, "r") as f:
        return [f[n][()] for n in names]


def file_metrics(path):
    """Per-member metrics found independently of the reader: 1-D float
    datasets as long as `member`, not named member*."""
    with h5py.File(path, "r") as f:
        n = f["member"].shape[0]
        return [k for k, d in f.items() if isinstance(d, h5py.Dataset) and d.ndim == 1 and d.shape[0] == n
                and d.dtype.kind == "f" and not k.startswith("member")]


class Reader(unittest.TestCase):
    def test_open_results_and_statistics(self):
        with sr.open_results(FILES["world"]) as ds:
            self.assertEqual(ds["production"].dims, ("member", "year", "region", "technology"))
            years = ds["year"].values
        st = sr.open_statistics(FILES["world"])
        self.assertEqual(st["emissions_quantiles"].dims, ("lever_setting", "quantile", "year"))
        self.assertEqual(st["year"].values.tolist(), years.tolist())
        self.assertEqual(list(st["label"].values), [f"policies.carbon_price.2040={v}" for v in (0, 50, 135, 205)])
        self.assertIsNone(sr.open_statistics(FILES["single"]))
        self.assertTrue(sr.is_ensemble(FILES["world"]))
        self.assertFalse(sr.is_ensemble(FILES["single"]))

    def test_members_table_is_the_design_and_the_metrics(self):
        for key in ("world", "demo", "failing", "levers"):
            path = FILES[key]
            m = sr.members(path)
            setting, sample, status, lever_value, sample_value, params, levers = arrays(
                path, "member_setting", "member_sample", "member_status", "lever_value", "sample_value",
                "parameter", "lever")
            self.assertEqual(len(m), len(setting))
            self.assertEqual(m["member"].tolist(), list(range(len(setting))))
            self.assertEqual(m["setting"].tolist(), setting.tolist())
            self.assertEqual(m["status"].tolist(), status.tolist())
            for j, p in enumerate(params):
                np.testing.assert_array_equal(m[text(p)].to_numpy(), sample_value[sample, j])
            for j, lever in enumerate(levers):
                np.testing.assert_array_equal(m[text(lever)].to_numpy(), lever_value[setting, j])
            self.assertEqual(sr.metric_names(path), file_metrics(path))
            self.assertIn("cumulative_emissions", sr.metric_names(path))
            # Per-setting mean over finished members: the reader's table against the file's arrays.
            (cum,) = arrays(path, "cumulative_emissions")
            means = m[m["status"] == 1].groupby("setting")["cumulative_emissions"].mean()
            for s in np.unique(setting):
                want = cum[(setting == s) & (status == 1)].mean()
                np.testing.assert_allclose(means[s], want, rtol=1e-12)
        m = sr.members(FILES["demo"])
        self.assertEqual(m["package"].tolist()[:4], ["current_policy"] * 4)
        self.assertEqual(m["setting_label"][3], "policies.carbon_price.2035=30, package=current_policy")
        self.assertEqual(m["setting_label"][4], "policies.carbon_price.2035=60, package=current_policy")
        failing = sr.members(FILES["failing"])
        self.assertTrue(((failing["status"] == 2) & failing["cumulative_emissions"].isna()).any())
        self.assertTrue((failing["status"] == 1).any())
        with h5py.File(FILES["failing"], "r") as f:
            if "target_met" in f:  # per-target columns
                for j, t in enumerate(f["target"][()]):
                    np.testing.assert_array_equal(failing[f"target_met: {text(t)}"], f["target_met"][:, j])

    def test_members_agree_with_the_statistics_group(self):
        """Whatever per-setting statistics the file has of the metrics and
        targets, the reader's table gives the same means (finished members)."""
        for key in ("world", "demo", "failing", "levers"):
            path = FILES[key]
            m = sr.members(path)
            done = m[m["status"] == 1].groupby("setting")
            st = sr.open_statistics(path)
            self.assertEqual(st["members_done"].values.tolist(), done.size().tolist())
            if "metric_mean" in st:
                for name in st["metric"].values:
                    np.testing.assert_allclose(st["metric_mean"].sel(metric=name).values, done[name].mean(),
                                               rtol=1e-12, err_msg=f"{key}: {name}")
                    # metric_count: the members where the metric is defined (pandas' count skips NaN).
                    np.testing.assert_array_equal(st["metric_count"].sel(metric=name).values,
                                                  done[name].count().values, err_msg=f"{key}: {name}")
            if "target_met_share" in st:
                for t in st["target"].values:
                    np.testing.assert_allclose(st["target_met_share"].sel(target=t).values,
                                               done[f"target_met: {t}"].mean(), rtol=1e-12)
            q = st["cumulative_emissions_quantiles"]
            for s, values in done["cumulative_emissions"]:
                np.testing.assert_allclose(q.sel(lever_setting=s).values, np.quantile(values, q["quantile"].values),
                                           rtol=1e-12)

    def test_levers_without_uncertainties(self):
        """One member per setting, sample 0, no sampled columns; the fund
        budget in the documented unit (million USD/yr: 35 million CNY x 0.1389)."""
        path = FILES["levers"]
        m = sr.members(path)
        self.assertEqual(m["setting"].tolist(), [0, 1, 2, 3])
        self.assertEqual(m["sample"].tolist(), [0] * 4)
        np.testing.assert_allclose(m["policies.fund.budget"], [4.8615, 48.615, 486.15, 4861.5], rtol=1e-12)
        self.assertEqual(list(m.columns[:8]), ["member", "setting", "setting_label", "package",
                                               "policies.fund.budget", "sample", "replicate", "status"])
        experiments, outcomes = sr.ema_workbench(path)
        self.assertEqual(list(experiments.columns), ["policies.fund.budget", "scenario", "policy", "model"])
        self.assertEqual(outcomes["emissions"].shape, (4, 36))
        self.assertEqual(sr.short_labels(path), ("policies.fund.budget", ["4.8615", "48.615", "486.15", "4861.5"]))
        r = run(SCRIPTS + "/steelpath_read.py", "members", path)
        self.assertIn("policies.fund.budget=4861.5", r.stdout)

    def test_members_refuses_a_single_run_file(self):
        with self.assertRaisesRegex(ValueError, "single-run file"):
            sr.members(FILES["single"])

    def test_technology_production_of_a_single_run(self):
        df = sr.technology_production(FILES["single"])
        prod, years, techs = arrays(FILES["single"], "production", "year", "technology")
        self.assertEqual(df.index.tolist(), years.tolist())
        self.assertEqual(df.columns.tolist(), [text(t) for t in techs])
        np.testing.assert_allclose(df.to_numpy(), prod.sum(axis=1), rtol=1e-12)
        np.testing.assert_allclose(df.sum(axis=1).to_numpy(), prod.sum(axis=(1, 2)), rtol=1e-12)
        china = sr.technology_production(FILES["single"], region="CHN")
        regions = [text(r) for r in arrays(FILES["single"], "region")[0]]
        np.testing.assert_allclose(china.to_numpy(), prod[:, regions.index("CHN"), :], rtol=1e-12)

    def test_ensemble_technology_production_is_the_statistics_mean(self):
        for key in ("world", "demo", "failing", "levers"):
            path = FILES[key]
            (mean,) = arrays(path, "statistics/production_mean")
            prod, setting, status = arrays(path, "production", "member_setting", "member_status")
            with h5py.File(path, "r") as f:
                by_route = f["statistics/production_technology_mean"][()] if \
                    "production_technology_mean" in f["statistics"] else None
            for s in range(mean.shape[0]):
                df = sr.technology_production(path, s)
                np.testing.assert_allclose(df.sum(axis=1).to_numpy(), mean[s], rtol=1e-12)
                if by_route is not None:  # [setting, year, technology]
                    np.testing.assert_allclose(df.to_numpy(), by_route[s], rtol=1e-12)
                done = (setting == s) & (status == 1)
                np.testing.assert_allclose(df.to_numpy(), prod[done].sum(axis=2).mean(axis=0), rtol=1e-12)

    def test_ema_workbench_export(self):
        path = FILES["failing"]
        experiments, outcomes = sr.ema_workbench(path)
        setting, status, emissions, cum = arrays(path, "member_setting", "member_status", "emissions",
                                                 "cumulative_emissions")
        done = np.flatnonzero(status == 1)
        self.assertTrue(0 < len(done) < len(status))
        self.assertEqual(len(experiments), len(done))
        self.assertEqual(experiments.index.tolist(), done.tolist())
        self.assertEqual(list(experiments.columns),
                         ["policies.carbon_price.2035", "market.max_utilisation", "scenario", "policy", "model"])
        self.assertTrue(np.all(experiments["market.max_utilisation"] <= 1.0))  # those above 1 failed
        np.testing.assert_array_equal(outcomes["emissions"], emissions[done])
        np.testing.assert_array_equal(outcomes["cumulative_emissions"], cum[done])
        self.assertEqual(set(outcomes), {"emissions", "TIME", *file_metrics(path)})
        _, met = sr.ema_workbench(path, outcomes=["target_met"])
        (target_met,) = arrays(path, "target_met")
        np.testing.assert_array_equal(met["target_met"], target_met[done])
        self.assertNotIn("TIME", met)
        self.assertEqual(outcomes["TIME"].shape, emissions[done].shape)
        # With packages: a `package` column; production is summed to [members, years].
        experiments, outcomes = sr.ema_workbench(FILES["demo"], outcomes=["production", "cumulative_emissions"])
        self.assertEqual(list(experiments.columns)[:2], ["policies.carbon_price.2035", "package"])
        self.assertEqual(experiments["policy"].iloc[0], "policies.carbon_price.2035=30, package=current_policy")
        (prod,) = arrays(FILES["demo"], "production")
        np.testing.assert_allclose(outcomes["production"], prod.sum(axis=(2, 3)), rtol=1e-12)

    def test_command_line(self):
        out = os.path.join(TMP, "ema")
        run(SCRIPTS + "/steelpath_read.py", "ema", FILES["world"], out)
        experiments = pd.read_csv(os.path.join(out, "experiments.csv"), index_col="member")
        outcomes = np.load(os.path.join(out, "outcomes.npz"))
        want_x, want_y = sr.ema_workbench(FILES["world"])
        self.assertEqual(len(experiments), 32)
        np.testing.assert_allclose(experiments["commodities.scrap.price"], want_x["commodities.scrap.price"],
                                   rtol=1e-15)
        np.testing.assert_array_equal(outcomes["cumulative_emissions"], want_y["cumulative_emissions"])
        csv = os.path.join(TMP, "members.csv")
        run(SCRIPTS + "/steelpath_read.py", "members", FILES["demo"], "--csv", csv)
        table = pd.read_csv(csv)
        self.assertEqual(len(table), 48)
        self.assertEqual(table["setting_label"][0], "policies.carbon_price.2035=30, package=current_policy")
        r = run(SCRIPTS + "/steelpath_read.py", "members", FILES["single"], check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn("single-run file", r.stderr)


class FleetRoutes(unittest.TestCase):
    def test_decisions_are_applied_in_order(self):
        import plot_fleet_map
        fleet = pd.DataFrame({"unit_id": ["a", "b", "c", "d"], "technology": ["bf_bof"] * 3 + ["scrap_eaf"]})
        decisions = pd.DataFrame({
            "decision_year": [2030, 2031, 2035, 2040, 2045, 2050],
            "unit_id": ["a", "b", "new-X-2035-0", "a", "b", "c"],
            "action": ["switch", "reline", "build", "close", "switch", "switch"],
            "to_technology": ["h2_dri_eaf", "bf_bof", "scrap_eaf", "", "sr", "ng_dri_eaf"]},
            index=[0, 1, 2, 3, 4, 5]).iloc[::-1]  # given out of order: applied by decision index
        final, first, new = plot_fleet_map.final_routes(fleet, decisions)
        self.assertEqual(final, [None, "sr", "ng_dri_eaf", "scrap_eaf"])
        self.assertEqual(first[:3], [2030, 2045, 2050])
        self.assertTrue(np.isnan(first[3]))
        self.assertEqual(new, 1)


def run(script, *args, check=True, cwd=None):
    env = dict(os.environ)
    env.pop("DISPLAY", None)  # headless
    r = subprocess.run([sys.executable, script, *map(str, args)], capture_output=True, text=True, env=env,
                       cwd=cwd, timeout=120)
    if check and r.returncode != 0:
        raise AssertionError(f"{script} {' '.join(map(str, args))}: exit {r.returncode}\n{r.stdout}\n{r.stderr}")
    return r


class Plots(unittest.TestCase):
    def draw(self, script, results, *options, suffix=".png", cwd=None):
        out = os.path.join(TMP, f"{script}-{len(os.listdir(TMP))}{suffix}")
        r = run(os.path.join(SCRIPTS, script), results, out, *options, cwd=cwd)
        self.assertIn(f"wrote {out}", r.stdout)
        self.assertGreater(os.path.getsize(out), 5000)
        if suffix == ".png":
            import matplotlib.image as im
            a = im.imread(out)
            self.assertGreater(a.shape[0], 250)
            self.assertGreater(a.shape[1], 400)
            self.assertGreater(a[..., :3].std(), 0.05, "a blank image")
        else:
            with open(out) as f:
                self.assertIn("<svg", f.read(2000))
        return out

    def test_technology_mix(self):
        self.draw("plot_technology_mix.py", FILES["single"])
        self.draw("plot_technology_mix.py", FILES["single"], "--region", "CHN", "--share", suffix=".svg")
        self.draw("plot_technology_mix.py", FILES["world"], "--setting", "3")
        self.draw("plot_technology_mix.py", FILES["demo"], "--all")
        self.draw("plot_technology_mix.py", FILES["levers"], "--setting", "3")

    def test_lever_comparison(self):
        self.draw("plot_lever_comparison.py", FILES["world"])
        self.draw("plot_lever_comparison.py", FILES["demo"], "--kind", "violin", "--metric", "near_zero_year")
        self.draw("plot_lever_comparison.py", FILES["failing"], "--reference", "0")
        # Levers without uncertainties: one member per setting, drawn as a marker.
        self.draw("plot_lever_comparison.py", FILES["levers"])
        self.draw("plot_lever_comparison.py", FILES["levers"], "--kind", "violin", "--reference", "1")
        r = run(os.path.join(SCRIPTS, "plot_lever_comparison.py"), FILES["world"], os.path.join(TMP, "x.png"),
                "--metric", "no_such_metric", check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("cumulative_emissions", r.stderr)  # names the metrics there are

    def test_fleet_map(self):
        # fleet_file is relative to the source folder, where the run started.
        self.draw("plot_fleet_map.py", FILES["single"], cwd=ROOT)
        self.draw("plot_fleet_map.py", FILES["world"])  # an ensemble: the start; fleet_file is absolute
        self.draw("plot_fleet_map.py", FILES["levers"])  # the China fleet, levers only
        # From elsewhere: found through the file's working_directory attribute.
        self.draw("plot_fleet_map.py", FILES["single"], cwd=TMP)
        # A fleet that cannot be found: a clear message naming --fleet.
        lost = os.path.join(TMP, "lost.h5")
        shutil.copy(FILES["single"], lost)
        with h5py.File(lost, "a") as f:
            del f.attrs["working_directory"]
            f.attrs["fleet_file"] = "no/such/fleet.csv"
        r = run(os.path.join(SCRIPTS, "plot_fleet_map.py"), lost, os.path.join(TMP, "x.png"), cwd=TMP, check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn("--fleet", r.stderr)
        self.draw("plot_fleet_map.py", FILES["single"], "--region", "EU", "--fleet",
                  os.path.join(ROOT, "scenarios/data/gem_fleet_2025.csv"), cwd=TMP)
        # The demo fleet has no coordinates.
        r = run(os.path.join(SCRIPTS, "plot_fleet_map.py"), FILES["demo"], os.path.join(TMP, "x.png"), check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn("no latitude or longitude", r.stderr)

    def test_sensitivity(self):
        self.draw("plot_sensitivity.py", FILES["world"])
        self.draw("plot_sensitivity.py", FILES["demo"], "--all", "--metric", "cumulative_emissions")
        self.draw("plot_sensitivity.py", FILES["saltelli"])  # Sobol indices
        self.draw("plot_sensitivity.py", FILES["saltelli"], "--spearman", "--setting", "5")
        r = run(os.path.join(SCRIPTS, "plot_sensitivity.py"), FILES["levers"], os.path.join(TMP, "x.png"),
                check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn("no sampled uncertainties", r.stderr)

    def test_fan_chart(self):
        self.draw("plot_ensemble_fan.py", FILES["world"])
        self.draw("plot_ensemble_fan.py", FILES["demo"])
        self.draw("plot_ensemble_fan.py", FILES["levers"])


class SensitivityNumbers(unittest.TestCase):
    def test_sobol_indices_follow_the_design_layout(self):
        import plot_sensitivity as ps
        path = FILES["saltelli"]
        m = sr.members(path)
        with h5py.File(path, "r") as f:
            D, N = f["parameter"].shape[0], int(f.attrs["samples"])
            y = f["cumulative_emissions"][()][f["member_setting"][()] == 3]
        Y = ps.saltelli_matrix(m, "cumulative_emissions", 3, D)
        self.assertEqual(Y.shape, (N, D + 2))
        np.testing.assert_array_equal(Y, y.reshape(N, D + 2))  # docs/ensembles.md's layout
        y = (y - y.mean()) / y.std()
        y = y.reshape(N, D + 2)
        A, AB, B = y[:, 0], y[:, 1:D + 1], y[:, D + 1]
        var = np.var(np.concatenate([A, B]))
        S1, ST = ps.sobol_indices((Y - Y.mean()) / Y.std())
        np.testing.assert_allclose(S1, np.mean(B[:, None] * (AB - A[:, None]), axis=0) / var, rtol=1e-12)
        np.testing.assert_allclose(ST, 0.5 * np.mean((A[:, None] - AB) ** 2, axis=0) / var, rtol=1e-12)

    def test_spearman(self):
        import plot_sensitivity as ps
        from scipy import stats
        m = sr.members(FILES["world"])
        sel = m[(m["setting"] == 1) & (m["status"] == 1)]
        rho, lo, hi = ps.spearman(sel["commodities.scrap.price"].to_numpy(), sel["cumulative_emissions"].to_numpy())
        self.assertAlmostEqual(rho, stats.spearmanr(sel["commodities.scrap.price"], sel["cumulative_emissions"])[0],
                               places=12)
        self.assertTrue(lo < rho < hi)
        self.assertTrue(np.isnan(ps.spearman(np.ones(8), np.arange(8.0))[0]))  # a constant input


if __name__ == "__main__":
    BIN, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    SCRIPTS = os.path.join(ROOT, "scripts")
    sys.path.insert(0, SCRIPTS)
    import steelpath_read as sr  # noqa: E402
    unittest.main(argv=[sys.argv[0], *sys.argv[3:]], verbosity=2)
