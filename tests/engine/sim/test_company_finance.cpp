// Company balance sheets (sim/company_finance.hpp): a two-year, one-company
// example worked by hand.
#include "sim/company_finance.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace steelpath;

TEST_CASE("opening balances follow the documented rule", "[sim][finance]") {
  // One unit of 2 Mt/yr, relining capex 100 USD/(t/yr), equity share 0.2:
  // cash 0.2 x 100 x 2 = 40 million USD.
  CHECK(opening_cash(0.2, 100.0, 2.0) == Approx(40.0));
  // Its last investment 100 USD/(t/yr), 10 of 20 campaign years left:
  // debt 0.8 x 100 x 2 x 10 / 20 = 80 million USD.
  CHECK(opening_debt(0.2, 100.0, 2.0, 10, 20) == Approx(80.0));
  CHECK(opening_debt(0.2, 100.0, 2.0, 0, 20) == 0.0);            // campaign over: repaid
  CHECK(opening_debt(0.2, 100.0, 2.0, 30, 20) == Approx(160.0)); // at most the whole loan
}

TEST_CASE("two years of one company's books, by hand", "[sim][finance]") {
  const double rate = 0.05, e = 0.2;
  std::vector<double> payments(3, 0.0);
  // Opening debt 80 repaid over its 10 years left from year 0:
  // annuity 80 x 0.05 / (1 - 1.05^-10) = 80 x 0.1295046 = 10.36036.
  add_loan(payments, 0, 80.0, rate, 10);
  CHECK(payments[0] == Approx(10.36036));
  CHECK(payments[2] == Approx(10.36036));
  Books b{40.0, 80.0};
  // Year 0: interest 0.05 x 80 = 4; repayment 10.36036 - 4 = 6.36036.
  const DebtService s0 = service_debt(b.debt, payments[0], rate);
  CHECK(s0.interest == Approx(4.0));
  CHECK(s0.repayment == Approx(6.36036));
  // EBITDA 50 and a relining of 100 net: 20 from cash, 80 borrowed.
  // cash 40 + 50 - 4 - 6.36036 - 20 = 59.63964; debt 80 - 6.36036 + 80 = 153.63964.
  b = close_year(b, 50.0, s0, 100.0, e);
  CHECK(b.cash == Approx(59.63964));
  CHECK(b.debt == Approx(153.63964));
  // The new loan's annuity over 20 years, 80 x 0.0802426 = 6.41941, is due from year 1.
  add_loan(payments, 1, 80.0, rate, 20);
  CHECK(payments[1] == Approx(10.36036 + 6.41941));
  // Year 1: interest 0.05 x 153.63964 = 7.68198; repayment 16.77977 - 7.68198 = 9.09779.
  const DebtService s1 = service_debt(b.debt, payments[1], rate);
  CHECK(s1.interest == Approx(7.68198));
  CHECK(s1.repayment == Approx(9.09779));
  // EBITDA 50, no investment: cash 59.63964 + 50 - 7.68198 - 9.09779 = 92.85987;
  // debt 153.63964 - 9.09779 = 144.54185.
  b = close_year(b, 50.0, s1, 0.0, e);
  CHECK(b.cash == Approx(92.85987));
  CHECK(b.debt == Approx(144.54185));
  // Lenders allow net debt up to 3 x EBITDA: 150 - (144.54185 - 92.85987) = 98.31802 more.
  CHECK(borrowing_headroom(b.debt, b.cash, 50.0, 3.0) == Approx(98.31802));
  CHECK(borrowing_headroom(b.debt, b.cash, -5.0, 3.0) == 0.0);      // no EBITDA: no new debt
  CHECK(std::isinf(borrowing_headroom(b.debt, b.cash, 50.0, 0.0))); // no limit
}

TEST_CASE("debt service never repays more than the debt", "[sim][finance]") {
  const DebtService s = service_debt(5.0, 100.0, 0.05);
  CHECK(s.interest == Approx(0.25));
  CHECK(s.repayment == Approx(5.0));
  const DebtService none = service_debt(0.0, 0.0, 0.05);
  CHECK(none.interest == 0.0);
  CHECK(none.repayment == 0.0);
}

TEST_CASE("an annuity is due for its tenor, inside the schedule", "[sim][finance]") {
  std::vector<double> payments(5, 1.0);
  // 2 million USD a year for 3 years from year 3: years 3 and 4 are inside.
  add_annuity(payments, 3, 2.0, 3);
  CHECK(payments == std::vector<double>{1.0, 1.0, 1.0, 3.0, 3.0});
  add_annuity(payments, 0, 5.0, 0); // no tenor: nothing due
  add_annuity(payments, 0, 5.0, -2);
  CHECK(payments == std::vector<double>{1.0, 1.0, 1.0, 3.0, 3.0});
  // add_loan is the annuity of amount x CRF: 80 at 5 % over 10 years.
  std::vector<double> loan(2, 0.0), annuity(2, 0.0);
  add_loan(loan, 0, 80.0, 0.05, 10);
  add_annuity(annuity, 0, 80.0 * 0.05 / (1.0 - std::pow(1.05, -10)), 10);
  CHECK(loan[1] == Approx(annuity[1]).epsilon(1e-14));
  CHECK(loan[0] == Approx(10.36036));
}

TEST_CASE("tax on profit after depreciation and interest, losses carried forward, dividends from cash",
          "[sim][finance]") {
  // Profit 100 - 30 - 10 = 60; 20 of losses brought forward leave 40 taxable:
  // tax 0.25 x 40 = 10, profit after tax 60 - 10 = 50, dividends 0.4 x 50 = 20.
  Earnings e = earnings(100.0, 30.0, 10.0, 20.0, 0.25, 0.4, 1000.0);
  CHECK(e.taxable == 40.0);
  CHECK(e.tax == 10.0);
  CHECK(e.losses == 0.0);
  CHECK(e.net_income == 50.0);
  CHECK(e.dividends == 20.0);
  // A loss year: 10 - 30 - 5 = -25 adds to the 20 brought forward; no tax, no dividends.
  e = earnings(10.0, 30.0, 5.0, 20.0, 0.25, 0.4, 1000.0);
  CHECK(e.tax == 0.0);
  CHECK(e.losses == 45.0);
  CHECK(e.net_income == -25.0);
  CHECK(e.dividends == 0.0);
  // Losses larger than the profit: 10 of profit uses 10 of 25 brought forward.
  e = earnings(10.0, 0.0, 0.0, 25.0, 0.25, 0.4, 1000.0);
  CHECK(e.taxable == 0.0);
  CHECK(e.losses == 15.0);
  // Dividends only from the cash left after tax: profit 100, tax 25, 0.4 x 75 = 30
  // asked, 40 - 25 = 15 there.
  e = earnings(100.0, 0.0, 0.0, 0.0, 0.25, 0.4, 40.0);
  CHECK(e.tax == 25.0);
  CHECK(e.dividends == 15.0);
  // No cash at all: no dividends, tax still due.
  e = earnings(100.0, 0.0, 0.0, 0.0, 0.25, 0.4, -5.0);
  CHECK(e.dividends == 0.0);
  CHECK(e.tax == 25.0);
}
