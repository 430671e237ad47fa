#!/usr/bin/env python3
"""Ensembles are deterministic: the same seed gives bit-identical files
whatever the number of threads; members share their uncertainty samples
across lever settings (common random numbers); every member is reproduced
exactly by `run --member K`.

Usage: test_ensemble_determinism.py STEELPATH_BINARY SOURCE_DIR [tests...]
"""
import h5py
import numpy as np

import ensemble_support as es

DEMO = "demo-ensemble.yaml"


class Threads(es.EnsembleTest):
    def test_one_and_two_threads_write_identical_files(self):
        one, two = self.path("one.h5"), self.path("two.h5")
        self.run_ok("run", es.scenario(DEMO), "--threads", 1, "-q", "-o", one)
        p = self.run_ok("run", es.scenario(DEMO), "--threads", 2, "-o", two)
        self.assertIn("2 thread(s) x 1 rank(s)", p.stderr)
        self.assert_same_datasets(one, two)
        with h5py.File(one, "r") as f, h5py.File(two, "r") as g:
            # 4 carbon prices x 3 packages = 12 settings, x 32 samples.
            self.assertEqual(int(f.attrs["members"]), 384)
            self.assertEqual(int(f.attrs["members_done"]), 384)
            self.assertEqual(int(f.attrs["members_failed"]), 0)
            self.assertTrue(np.all(f["member_status"][()] == 1))
            self.assertEqual(int(f.attrs["run_threads"]), 1)
            self.assertEqual(int(g.attrs["run_threads"]), 2)
            # Nothing is trivially equal: the members do differ.
            self.assertGreater(len(np.unique(f["cumulative_emissions"][()])), 100)

    def test_another_seed_draws_other_samples(self):
        a, b = self.path("a.h5"), self.path("b.h5")
        self.run_ok("run", es.scenario(DEMO), "--samples", 4, "--seed", 1, "-q", "-o", a)
        self.run_ok("run", es.scenario(DEMO), "--samples", 4, "--seed", 2, "-q", "-o", b)
        with h5py.File(a, "r") as f, h5py.File(b, "r") as g:
            self.assertFalse(np.array_equal(f["sample_value"][()], g["sample_value"][()]))
            self.assertFalse(np.array_equal(f["production"][()], g["production"][()]))


class CommonRandomNumbers(es.EnsembleTest):
    # 12 settings x 4 samples x 2 replicates = 96 members; heterogeneity 30
    # USD/t makes the agents' choices random, so replicates differ.
    OPTS = ("--samples", 4, "--replicates", 2, "--set", "behaviour.heterogeneity=30")

    def setUp(self):
        super().setUp()
        self.file = self.path("crn.h5")
        self.run_ok("run", es.scenario(DEMO), *self.OPTS, "-q", "-o", self.file)
        self.base = self.path("base.h5")
        self.run_ok("run", es.scenario(DEMO), "--base", "-q", "-o", self.base)

    def test_member_index_is_setting_sample_replicate(self):
        with h5py.File(self.file, "r") as f:
            m = f["member"][()]
            self.assertEqual(m.tolist(), list(range(96)))
            # member = (setting * rows + sample) * replicates + replicate
            self.assertEqual(f["member_setting"][()].tolist(), (m // 8).tolist())
            self.assertEqual(f["member_sample"][()].tolist(), ((m // 2) % 4).tolist())
            self.assertEqual(f["member_replicate"][()].tolist(), (m % 2).tolist())

    def test_the_same_sample_row_is_applied_in_every_setting(self):
        with h5py.File(self.file, "r") as f, h5py.File(self.base, "r") as b:
            params = [es.text(p) for p in f["parameter"][()]]
            regions = [es.text(r) for r in f["region"][()]]
            k, north, south = params.index("regions.north.demand"), regions.index("north"), regions.index("south")
            self.assertEqual(int(f["parameter_scale"][k]), 1)
            values = f["sample_value"][()]
            sample = f["member_sample"][()]
            demand = f["demand"][()]  # [member][year][region]
            base = b["demand"][()]  # [year][region]
            # Demand is exogenous and only regions.north.demand moves it: each
            # member's north demand is the base path times its sample's factor,
            # south's is the base path, whatever the lever setting.
            for m in range(len(sample)):
                np.testing.assert_allclose(demand[m, :, north], base[:, north] * values[sample[m], k], rtol=1e-12,
                                           err_msg=f"member {m}")
                np.testing.assert_array_equal(demand[m, :, south], base[:, south])
            # Members of the same sample (any setting, any replicate) share it bit for bit.
            for s in range(4):
                rows = demand[sample == s]
                self.assertEqual(len(rows), 24)
                self.assertTrue(all(np.array_equal(r, rows[0]) for r in rows), f"sample {s}")
            # ... and different samples differ (4 distinct LHS strata).
            self.assertEqual(len(np.unique(values[:, k])), 4)

    def test_replicates_draw_other_choices(self):
        with h5py.File(self.file, "r") as f:
            prod = f["production"][()]
            pairs = [(m, m + 1) for m in range(0, 96, 2)]  # replicate 0 and 1 of one setting and sample
            differ = sum(not np.array_equal(prod[a], prod[b]) for a, b in pairs)
            self.assertGreater(differ, 0, "replicates 0 and 1 give the same production everywhere")


class MemberByMember(es.EnsembleTest):
    OPTS = ("--samples", 4, "--replicates", 2, "--set", "behaviour.heterogeneity=30")

    def test_run_member_reproduces_the_ensemble_member(self):
        ens = self.path("ens.h5")
        self.run_ok("run", es.scenario(DEMO), *self.OPTS, "-q", "-o", ens)
        with h5py.File(ens, "r") as f:
            fields = {n: f[n][()] for n in ("production", "capacity", "emissions", "steel_price", "investment")}
        # One member per setting, walking over samples and replicates.
        for setting in range(12):
            k = (setting * 4 + setting % 4) * 2 + setting % 2
            single = self.path(f"member-{k}.h5")
            p = self.run_ok("run", es.scenario(DEMO), *self.OPTS, "--member", k, "-q", "-o", single)
            with h5py.File(single, "r") as g:
                self.assertNotIn("member", g, "--member wrote an ensemble file")
                for name, data in fields.items():
                    self.assertTrue(es.identical_arrays(g[name][()], data[k]), f"member {k}: {name} differs\n{p.stderr}")


if __name__ == "__main__":
    es.main()
