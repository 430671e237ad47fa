// Ensemble statistics checked on constructed numbers with known answers.
#include "output/member_metrics.hpp"
#include "output/member_statistics.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace steelpath;

TEST_CASE("quantiles interpolate linearly between order statistics (numpy's default)", "[output][stats]") {
  const std::vector<double> x = {1, 2, 3, 4, 10};
  // numpy.quantile([1, 2, 3, 4, 10], [0.05, 0.25, 0.5, 0.75, 0.95]) = [1.2, 2, 3, 4, 8.8]
  CHECK(quantile_sorted(x, 0.05) == Approx(1.2));
  CHECK(quantile_sorted(x, 0.25) == 2.0);
  CHECK(quantile_sorted(x, 0.5) == 3.0);
  CHECK(quantile_sorted(x, 0.75) == 4.0);
  CHECK(quantile_sorted(x, 0.95) == Approx(8.8));
  CHECK(quantile_sorted(std::vector<double>{7.0}, 0.95) == 7.0);
  CHECK(std::isnan(quantile_sorted(std::vector<double>{}, 0.5)));
}

namespace {

// A constructed member's series, owned here, and the view compute_metrics() takes.
struct Member {
  int first_year = 0;
  std::size_t years = 0, regions = 0, technologies = 0;
  std::vector<double> emissions, production, investment, operating, price, unmet, stranded, subsidies, fund;
  [[nodiscard]] MetricInputs inputs(double discount_rate = 0.0) const {
    MetricInputs in;
    in.first_year = first_year;
    in.years = years;
    in.regions = regions;
    in.technologies = technologies;
    in.emissions = emissions;
    in.production = production;
    in.investment = investment;
    in.operating_cost = operating;
    in.steel_price = price;
    in.unmet_demand = unmet;
    in.stranded = stranded;
    in.subsidies_paid = subsidies;
    in.fund_spent = fund;
    in.discount_rate = discount_rate;
    return in;
  }
};

} // namespace

TEST_CASE("metrics of a constructed member have the values worked out by hand", "[output][stats][metrics]") {
  // 2048..2053, 1 region, 2 routes. Emissions 100, 120, 120, 60, 9, 30.
  const std::vector<double> emissions = {100, 120, 120, 60, 9, 30};
  std::vector<double> production(6 * 2, 0.0), investment(6, 10.0), price(6), unmet(6, 0.0);
  for (std::size_t y = 0; y < 6; ++y) {
    production[y * 2] = 3.0;     // route 0
    production[y * 2 + 1] = 1.0; // route 1: 4 Mt a year in all
    price[y] = 400.0 + 10.0 * static_cast<double>(y);
  }
  price[5] = std::nan("");               // a year whose price is NaN must not count...
  production[10] = production[11] = 0.0; // ...nor its (zero) production
  unmet[5] = 2.5;
  const Member member{2048,
                      6,
                      1,
                      2,
                      emissions,
                      production,
                      investment,
                      std::vector<double>(6, 20.0),
                      price,
                      unmet,
                      {0, 1, 0, 0, 2, 0},
                      {5, 5, 0, 0, 0, 0},
                      {1, 1, 1, 1, 1, 1}};
  MetricInputs in = member.inputs();
  const auto m = compute_metrics(in);
  REQUIRE(m.size() == metric_specs().size());
  auto at = [&](std::string_view name) {
    for (std::size_t j = 0; j < m.size(); ++j)
      if (metric_specs()[j].name == name) return m[j];
    FAIL("no metric " << name);
    return 0.0;
  };
  CHECK(at("cumulative_emissions") == 439.0);      // 100 + 120 + 120 + 60 + 9 + 30
  CHECK(at("cumulative_emissions_2050") == 340.0); // 2048..2050
  CHECK(at("peak_emissions") == 120.0);
  CHECK(at("peak_year") == 2049.0);      // the first of the tie
  CHECK(at("near_zero_year") == 2052.0); // 9 <= 10 % of 100; the rebound to 30 does not undo it
  CHECK(at("total_investment") == 60.0);
  CHECK(at("system_cost") == 180.0); // 60 capex + 6 x 20 operating
  // (4 x (400 + 410 + 420 + 430 + 440)) / (5 x 4) = 420
  CHECK(at("average_steel_price") == Approx(420.0).epsilon(1e-15));
  CHECK(at("stranded_capacity_total") == 3.0);
  CHECK(at("subsidies_paid_total") == 10.0);
  CHECK(at("fund_spent_total") == 6.0);
  CHECK(at("unmet_demand_total") == 2.5);
  // Undiscounted by default: the present values are the plain sums.
  CHECK(at("system_cost_discounted") == 180.0);
  CHECK(at("cumulative_emissions_discounted") == 439.0);
  // At 100 % a year, year y weighs 2^-y (exact in binary): 30 a year of
  // costs is 30 x (1 + 1/2 + ... + 1/32) = 59.0625; the tonnes are
  // 100 + 60 + 30 + 7.5 + 0.5625 + 0.9375 = 199.
  in.discount_rate = 1.0;
  const auto pv = compute_metrics(in);
  CHECK(pv[metric_index("system_cost_discounted")] == 59.0625);
  CHECK(pv[metric_index("cumulative_emissions_discounted")] == 199.0);
  CHECK(pv[metric_index("system_cost")] == 180.0); // the plain sums do not move
  CHECK(pv[metric_index("cumulative_emissions")] == 439.0);
  in.discount_rate = 0.0;
  // Never at or below 10 % of the first year: no near-zero year.
  const std::vector<double> slow = {100, 90, 80, 70, 60, 50};
  in.emissions = slow;
  CHECK(std::isnan(compute_metrics(in)[4]));
  CHECK(metric_specs()[4].name == "near_zero_year");
}

TEST_CASE("present values weigh each year's costs in every region, by hand", "[output][stats][metrics]") {
  // 3 years, 2 regions, 1 route; costs that differ by year and region, so a
  // weight taken per (year, region) cell or per region instead of per year
  // would give another sum. At 100 % a year the weights are 1, 1/2, 1/4.
  const std::vector<double> per_region(6, 0.0), per_year(3, 0.0);
  const Member member{2030,
                      3,
                      2,
                      1,
                      {100, 50, 20},
                      std::vector<double>(6, 1.0),
                      {10, 20, 40, 0, 0, 80}, // investment [year][region]
                      {1, 2, 3, 4, 5, 6},     // operating costs
                      std::vector<double>(6, 500.0),
                      per_region,
                      per_year,
                      per_year,
                      per_year};
  const auto m = compute_metrics(member.inputs(1.0));
  CHECK(m[metric_index("system_cost")] == 171.0);            // 33 + 47 + 91
  CHECK(m[metric_index("system_cost_discounted")] == 79.25); // 33 + 47/2 + 91/4
  CHECK(m[metric_index("cumulative_emissions")] == 170.0);
  CHECK(m[metric_index("cumulative_emissions_discounted")] == 130.0); // 100 + 25 + 5
  // The bases the paired metrics, pooled statistics and compare share.
  REQUIRE(abatement_bases().size() == 2);
  CHECK(metric_specs()[abatement_bases()[1].cost_index].name == "system_cost_discounted");
  CHECK(metric_specs()[abatement_bases()[1].emitted_index].name == "cumulative_emissions_discounted");
  CHECK(abatement_bases()[1].present_value);
  CHECK_FALSE(abatement_bases()[0].present_value);
}

TEST_CASE("paired metrics: emissions avoided and the cost per tonne, by hand", "[output][stats][metrics]") {
  // The member emits 300 Mt CO2 over the horizon at a system cost of 9,000
  // million USD; its reference pair emits 400 Mt at 7,000 million USD: it
  // avoids 100 Mt for 2,000 million USD more, 20 USD/t CO2.
  std::vector<double> member(metric_specs().size(), 0.0), reference(metric_specs().size(), 0.0);
  auto set = [](std::vector<double>& row, std::string_view name, double v) {
    for (std::size_t j = 0; j < row.size(); ++j)
      if (metric_specs()[j].name == name) row[j] = v;
  };
  set(member, "cumulative_emissions", 300.0);
  set(member, "system_cost", 9000.0);
  set(reference, "cumulative_emissions", 400.0);
  set(reference, "system_cost", 7000.0);
  // Present values: 1,500 million USD more for 60 discounted Mt avoided.
  set(member, "system_cost_discounted", 5500.0);
  set(member, "cumulative_emissions_discounted", 190.0);
  set(reference, "system_cost_discounted", 4000.0);
  set(reference, "cumulative_emissions_discounted", 250.0);
  REQUIRE(paired_metric_specs().size() == 3);
  CHECK(paired_metric_specs()[0].name == "emissions_avoided");
  CHECK(paired_metric_specs()[1].name == "abatement_cost");
  CHECK(paired_metric_specs()[2].name == "abatement_cost_levelized");
  auto p = paired_metrics(member, reference);
  CHECK(p[0] == 100.0);
  CHECK(p[1] == 20.0);
  CHECK(p[2] == 25.0);
  // Cheaper and cleaner: a negative cost of abatement (a saving per tonne).
  set(member, "system_cost", 6000.0);
  CHECK(paired_metrics(member, reference)[1] == -10.0);
  // Nothing avoided (the reference itself) or more emitted: no price of abatement.
  p = paired_metrics(reference, reference);
  CHECK(p[0] == 0.0);
  CHECK(std::isnan(p[1]));
  CHECK(std::isnan(p[2]));
  set(member, "cumulative_emissions", 450.0);
  p = paired_metrics(member, reference);
  CHECK(p[0] == -50.0);
  CHECK(std::isnan(p[1]));
}
