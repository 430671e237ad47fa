// Merit-order dispatch of one regional market, worked by hand.
#include "sim/dispatch.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace steelpath;

namespace {
struct Run {
  std::vector<double> production;
  DispatchOutcome outcome;
};
Run run(const std::vector<SupplyBlock>& blocks, double demand, double scrap) {
  Run r;
  r.production.assign(blocks.size(), -1.0);
  std::vector<std::size_t> order(blocks.size());
  r.outcome = dispatch(blocks, demand, scrap, r.production, order);
  return r;
}
// A: 10 Mt at 300 USD/t; B: 5 Mt at 200; C (scrap, 1.1 t/t): 8 Mt at 400.
const std::vector<SupplyBlock> kBlocks = {{10.0, 300.0, 0.0}, {5.0, 200.0, 0.0}, {8.0, 400.0, 1.1}};
} // namespace

TEST_CASE("cheapest blocks serve demand first", "[sim][dispatch]") {
  // Demand 12: B gives 5 (cost 200), A gives the other 7 (cost 300); C idle.
  const Run r = run(kBlocks, 12.0, 20.0);
  CHECK(r.production[1] == Approx(5.0));
  CHECK(r.production[0] == Approx(7.0));
  CHECK(r.production[2] == 0.0);
  CHECK(r.outcome.produced == Approx(12.0));
  CHECK(r.outcome.unmet == 0.0);
  CHECK(r.outcome.price == 300.0); // A is the marginal block
  CHECK(r.outcome.scrap_used == 0.0);
}

TEST_CASE("the marginal block sets the price and scrap use follows", "[sim][dispatch]") {
  // Demand 20: B 5 + A 10 = 15, C the remaining 5 -> price 400; scrap 5 x 1.1 = 5.5 Mt.
  const Run r = run(kBlocks, 20.0, 20.0);
  CHECK(r.production[2] == Approx(5.0));
  CHECK(r.outcome.price == 400.0);
  CHECK(r.outcome.scrap_used == Approx(5.5));
  CHECK(r.outcome.unmet == 0.0);
}

TEST_CASE("scrap supply limits scrap routes and unmet demand is recorded", "[sim][dispatch]") {
  // Demand 20 but only 2.2 Mt scrap: C can make 2.2 / 1.1 = 2 Mt; 3 Mt unmet.
  const Run r = run(kBlocks, 20.0, 2.2);
  CHECK(r.production[2] == Approx(2.0));
  CHECK(r.outcome.produced == Approx(17.0));
  CHECK(r.outcome.unmet == Approx(3.0));
  CHECK(r.outcome.produced + r.outcome.unmet == Approx(20.0));
}

TEST_CASE("demand above capacity leaves unmet demand", "[sim][dispatch]") {
  // Total capacity 23 Mt < 30 Mt demand: 7 Mt unmet, price of the dearest block.
  const Run r = run(kBlocks, 30.0, 100.0);
  CHECK(r.outcome.produced == Approx(23.0));
  CHECK(r.outcome.unmet == Approx(7.0));
  CHECK(r.outcome.price == 400.0);
}

TEST_CASE("equal costs are served in block order", "[sim][dispatch]") {
  const std::vector<SupplyBlock> tie = {{4.0, 100.0, 0.0}, {4.0, 100.0, 0.0}, {4.0, 50.0, 0.0}};
  // Block 2 first (cheapest), then block 0 before block 1.
  const Run r = run(tie, 6.0, 0.0);
  CHECK(r.production[2] == 4.0);
  CHECK(r.production[0] == 2.0);
  CHECK(r.production[1] == 0.0);
}

TEST_CASE("no demand or no capacity: nothing produced and no price", "[sim][dispatch]") {
  const Run r = run(kBlocks, 0.0, 10.0);
  for (double q : r.production)
    CHECK(q == 0.0);
  CHECK(std::isnan(r.outcome.price));
  CHECK(r.outcome.unmet == 0.0);
  const std::vector<SupplyBlock> none = {{0.0, 300.0, 0.0}};
  const Run n = run(none, 5.0, 0.0);
  CHECK(n.outcome.unmet == 5.0);
  CHECK(std::isnan(n.outcome.price));
}

TEST_CASE("must-take output runs first; the merit order sets the price", "[sim][dispatch]") {
  // Offtake contracts take 4 Mt of A (300 USD/t); demand 6: A 4, then B 2 at 200.
  std::vector<SupplyBlock> blocks = kBlocks;
  blocks[0].must_take = 4.0;
  const Run r = run(blocks, 6.0, 20.0);
  CHECK(r.production[0] == Approx(4.0));
  CHECK(r.production[1] == Approx(2.0));
  CHECK(r.outcome.price == 200.0); // B is the marginal block of the merit order
  // Demand 3, below what the contracts take: A makes 3 and its cost is the price.
  const Run small = run(blocks, 3.0, 20.0);
  CHECK(small.production[0] == Approx(3.0));
  CHECK(small.production[1] == 0.0);
  CHECK(small.outcome.price == 300.0);
  // Demand 12: A's contracted 4, B 5, then A's other 3: A's cost is the price.
  const Run big = run(blocks, 12.0, 20.0);
  CHECK(big.production[0] == Approx(7.0));
  CHECK(big.production[1] == Approx(5.0));
  CHECK(big.outcome.price == 300.0);
}

TEST_CASE("a green premium lowers a block's offer, and a marginal block's offer is the price",
          "[sim][dispatch]") {
  // A earns 150 USD/t above the price: offered at 150, before B (200).
  std::vector<SupplyBlock> blocks = kBlocks;
  blocks[0].premium = 150.0;
  const Run r = run(blocks, 12.0, 20.0);
  CHECK(r.production[0] == Approx(10.0));
  CHECK(r.production[1] == Approx(2.0));
  CHECK(r.outcome.price == 200.0);
  const Run marginal = run(blocks, 8.0, 20.0); // A alone: its offer is the price
  CHECK(marginal.production[0] == Approx(8.0));
  CHECK(marginal.outcome.price == 150.0);
}
