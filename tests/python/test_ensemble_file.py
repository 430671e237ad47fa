#!/usr/bin/env python3
"""The ensemble file: xarray opens it (and its statistics group) with named
dimensions, every variable has units and long_name, the design table is the
scenario's, and the statistics are what numpy computes from the members
(finished members only).

Usage: test_ensemble_file.py STEELPATH_BINARY SOURCE_DIR [tests...]
"""
import h5py
import numpy as np
import xarray as xr

import ensemble_support as es


class DemoEnsembleFile(es.EnsembleTest):
    SCENARIO = "demo-ensemble.yaml"
    SOME_NEAR_ZERO = True

    def setUp(self):
        super().setUp()
        self.file = self.path("ensemble.h5")
        self.run_ok("run", es.scenario(self.SCENARIO), "-q", "-o", self.file)

    def test_xarray_sees_named_dimensions(self):
        with xr.open_dataset(self.file, engine="h5netcdf") as ds:
            self.assertEqual(ds["production"].dims, ("member", "year", "region", "technology"))
            self.assertEqual(ds["emissions"].dims, ("member", "year"))
            self.assertEqual(ds["demand"].dims, ("member", "year", "region"))
            self.assertEqual(ds["sample_value"].dims, ("sample", "parameter"))
            self.assertEqual(ds["sample_unit"].dims, ("sample", "parameter"))
            self.assertEqual(ds["lever_value"].dims, ("lever_setting", "lever"))
            self.assertEqual(ds["member_setting"].dims, ("member",))
            self.assertEqual(ds["cumulative_emissions"].dims, ("member",))
            self.assertFalse([d for d in ds.dims if str(d).startswith("phony_dim")])
            self.assertEqual(ds["year"].values.tolist(), list(range(2025, 2061)))
            self.assertEqual(ds.sizes["member"], 384)
            self.assertEqual(ds.sizes["lever_setting"], 12)
            self.assertEqual(ds.sizes["sample"], 32)
            self.assertEqual(ds["member"].values.tolist(), list(range(384)))
            self.assertEqual(list(ds["parameter"].values),
                             ["commodities.hydrogen.price", "commodities.natural_gas.price", "commodities.scrap.price",
                              "regions.north.demand"])
            self.assertEqual(list(ds["lever"].values), ["policies.carbon_price.2035"])
            self.assertEqual(ds["lever_value"].values[:, 0].tolist(), [30, 60, 100, 150] * 3)
            self.assertEqual(list(ds["lever_setting_package"].values),
                             ["current_policy"] * 4 + ["cheap_capital"] * 4 + ["china_ets_2025"] * 4)
            self.assertEqual(ds.attrs["sampling"], "latin_hypercube")
            self.assertEqual(int(ds.attrs["samples"]), 32)
            # Selecting by label works: the 2060 emissions of member 0.
            self.assertEqual(float(ds["emissions"].sel(member=0, year=2060)), float(ds["emissions"].values[0, -1]))
            # LHS: each column of sample_unit has one point in each of the 32 strata.
            u = ds["sample_unit"].values
            self.assertTrue(np.all((u > 0) & (u < 1)))
            for k in range(u.shape[1]):
                self.assertEqual(sorted(np.floor(u[:, k] * 32).astype(int).tolist()), list(range(32)))
        with xr.open_dataset(self.file, engine="h5netcdf", group="statistics") as st:
            self.assertEqual(st["emissions_quantiles"].dims, ("lever_setting", "quantile", "year"))
            self.assertEqual(st["emissions_mean"].dims, ("lever_setting", "year"))
            self.assertEqual(st["members_done"].dims, ("lever_setting",))
            self.assertEqual(st["quantile"].values.tolist(), [0.05, 0.25, 0.5, 0.75, 0.95])

    def test_every_variable_has_units_and_long_name(self):
        missing = []
        with h5py.File(self.file, "r") as f:
            def visit(name, obj):
                if isinstance(obj, h5py.Dataset):
                    for a in ("units", "long_name"):
                        if a not in obj.attrs or not es.text(obj.attrs[a]):
                            missing.append(f"{name}: {a}")
            f.visititems(visit)
            self.assertIn("statistics/emissions_mean", f)
        self.assertEqual(missing, [])

    def test_statistics_are_numpy_over_finished_members(self):
        check_statistics(self, self.file, some_near_zero=self.SOME_NEAR_ZERO)


class FailingEnsembleFile(DemoEnsembleFile):
    """The same checks where half the members failed: statistics skip them."""
    SCENARIO = "ensemble-failing.yaml"
    SOME_NEAR_ZERO = True  # some of its finished members again since readiness rises with built capacity (issue 18, fund channels); False with only the first-of-a-kind premiums

    def test_xarray_sees_named_dimensions(self):
        with xr.open_dataset(self.file, engine="h5netcdf") as ds:
            self.assertEqual(ds["production"].dims, ("member", "year", "region", "technology"))
            self.assertEqual(ds["failure_reason"].dims, ("failure",))
            self.assertEqual(ds.sizes["failure"], 10)
            self.assertEqual(ds["lever_setting_label"].values.tolist(), ["base"])


class CompanySeries(es.EnsembleTest):
    """ensemble.company_series: true adds the [year][company] series, member
    first, and changes nothing else."""

    def test_company_series_are_added_and_nothing_else_changes(self):
        with_cs, without = self.path("cs.h5"), self.path("plain.h5")
        self.run_ok("run", es.scenario("ensemble-company-series.yaml"), "-q", "-o", with_cs)
        self.run_ok("run", es.scenario("demo-ensemble.yaml"), "--samples", 4, "-q", "-o", without)
        a, b = es.datasets(with_cs), es.datasets(without)
        company = {"company_production", "company_emissions", "company_revenue", "internal_carbon_price",
                   "company_costs", "company_investment", "company_subsidies", "company_cash",
                   "company_ebitda", "company_debt", "company_interest", "company_tax", "company_dividends"}
        self.assertEqual(set(a) - set(b), company)
        self.assertEqual(set(b) - set(a), set())
        self.assertEqual([n for n in b if not es.identical_arrays(a[n], b[n])], [])
        with xr.open_dataset(with_cs, engine="h5netcdf") as ds:
            for n in company:
                self.assertEqual(ds[n].dims, ("member", "year", "company"), n)
            self.assertEqual(int(ds.attrs["company_series"]), 1)
            # The companies own every unit: their production adds up to the total.
            np.testing.assert_allclose(ds["company_production"].sum("company"),
                                       ds["production"].sum(("region", "technology")), rtol=1e-12)
        # Member 45 (setting 11, sample 1) one by one: the same company series.
        single = self.path("m45.h5")
        self.run_ok("run", es.scenario("ensemble-company-series.yaml"), "--member", 45, "-q", "-o", single)
        with h5py.File(single, "r") as g:
            for n in company:
                self.assertTrue(es.identical_arrays(g[n][()], a[n][45]), n)


def check_statistics(test, path, some_near_zero):
    with h5py.File(path, "r") as f:
        setting, status = f["member_setting"][()], f["member_status"][()]
        years = f["year"][()]
        e, cum, nzy = f["emissions"][()], f["cumulative_emissions"][()], f["near_zero_year"][()]
        prod_rt = f["production"][()].sum(axis=3)  # [member][year][region]
        prod = prod_rt.sum(axis=2)
        inv = f["investment"][()].sum(axis=2)
        price = f["steel_price"][()]
        with np.errstate(invalid="ignore"):  # production-weighted over regions that produced
            priced = np.where((prod_rt > 0) & np.isfinite(price), prod_rt, 0.0)
            avg_price = np.nansum(priced * np.nan_to_num(price), axis=2) / priced.sum(axis=2)
        st = f["statistics"]
        q = st["quantile"][()]
        n_settings = len(f["lever_setting"])
        test.assertEqual(st["members_done"][()].tolist(),
                         [int(np.sum((setting == s) & (status == 1))) for s in range(n_settings)])
        done_all = status == 1
        # Per member: cumulative emissions are the sum over the years (Mt/yr x 1 yr);
        # near_zero_year is the first year at most 10 % of the first year's.
        np.testing.assert_allclose(cum[done_all], e[done_all].sum(axis=1), rtol=1e-12)
        for m in np.flatnonzero(done_all):
            low = np.flatnonzero(e[m] <= 0.1 * e[m, 0])
            if len(low):
                test.assertEqual(nzy[m], years[low[0]], f"member {m}")
            else:
                test.assertTrue(np.isnan(nzy[m]), f"member {m}")
        # The demo's 12 settings: some members reach near zero (2059), others never.
        test.assertEqual(bool(np.any(np.isfinite(nzy[done_all]))), some_near_zero)
        for s in range(n_settings):
            done = (setting == s) & (status == 1)
            test.assertGreater(done.sum(), 0)
            np.testing.assert_allclose(st["emissions_mean"][s], e[done].mean(axis=0), rtol=1e-12)
            np.testing.assert_allclose(st["production_mean"][s], prod[done].mean(axis=0), rtol=1e-12)
            np.testing.assert_allclose(st["emissions_quantiles"][s], np.quantile(e[done], q, axis=0), rtol=1e-12)
            np.testing.assert_allclose(st["cumulative_emissions_quantiles"][s], np.quantile(cum[done], q), rtol=1e-12)
            np.testing.assert_allclose(st["production_quantiles"][s], np.quantile(prod[done], q, axis=0), rtol=1e-12)
            np.testing.assert_allclose(st["investment_mean"][s], inv[done].mean(axis=0), rtol=1e-12)
            np.testing.assert_allclose(st["investment_quantiles"][s], np.quantile(inv[done], q, axis=0), rtol=1e-12)
            np.testing.assert_allclose(st["steel_price_mean"][s], np.nanmean(avg_price[done], axis=0), rtol=1e-12)
            np.testing.assert_allclose(st["steel_price_quantiles"][s], np.nanquantile(avg_price[done], q, axis=0),
                                       rtol=1e-12)
            share = np.array([np.mean(nzy[done] <= y) for y in years])
            np.testing.assert_allclose(st["near_zero_share"][s], share, rtol=1e-12, atol=0)


if __name__ == "__main__":
    es.main()
