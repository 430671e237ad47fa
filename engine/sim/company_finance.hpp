// A company's balance sheet: cash and debt, opening balances, how an
// investment is financed (equity from cash, the rest a loan repaid as an
// annuity), debt service, and the lenders' limit on new borrowing (net debt /
// EBITDA) (docs/model.md, "Company finance"). Pure arithmetic: no state
// beyond the numbers passed in, no I/O.
//
// Money in million USD; capex in USD per (t/yr); capacity in Mt/yr; rates in 1/yr.
#pragma once

#include <cstddef>
#include <span>

namespace steelpath {

/// A company's opening cash: the equity share of one relining of each of
/// its units (Steel-IQ's opening renovation balance, `_seed_opening_balances`),
/// summed by the caller: equity_share x capex_reline x capacity, million USD.
[[nodiscard]] double opening_cash(double equity_share, double capex_reline, double capacity);

/// A unit's opening debt: the borrowed part of its last investment, repaid
/// linearly over its campaign (Steel-IQ's outstanding_debt, tied to the
/// unit's own campaign): (1 - equity_share) x capex x capacity x years_left /
/// campaign_years, million USD (0 when no years are left).
[[nodiscard]] double opening_debt(double equity_share, double capex, double capacity, int years_left,
                                  int campaign_years);

/// This year's debt service on a company's debt.
struct DebtService {
  double interest = 0.0;  ///< cost of debt x debt at the start of the year, million USD
  double repayment = 0.0; ///< principal repaid, million USD
};

/// Interest and principal this year on `debt` (start of year, million USD)
/// with `payment` the sum of its loans' annuities due this year: interest =
/// rate x debt, repayment = payment - interest, within [0, debt]. Because
/// every loan is an annuity at the same rate, the sums over loans are exact.
[[nodiscard]] DebtService service_debt(double debt, double payment, double rate);

/// Adds a loan of `amount` (million USD) to the schedule of annuity payments
/// `payments` (one entry per year index): its annuity amount x CRF(rate,
/// tenor) is due in years first .. first+tenor-1 (those inside the schedule).
/// A loan taken in year y is first paid in y+1; opening debt from year 0.
void add_loan(std::span<double> payments, std::size_t first, double amount, double rate, int tenor);

/// Adds `annuity` (million USD a year) to `payments` in years first ..
/// first+tenor-1 (those inside the schedule): add_loan with its annuity
/// worked out by the caller (amount x CRF, the CRF computed once for many loans).
void add_annuity(std::span<double> payments, std::size_t first, double annuity, int tenor);

/// A company's cash and debt, million USD.
struct Books {
  double cash = 0.0; ///< million USD (negative: an overdraft)
  double debt = 0.0; ///< loans outstanding, million USD
};

/// The books at the end of a year: cash + EBITDA - interest - repayment -
/// equity_share x net capex; debt - repayment + (1 - equity_share) x net capex
/// (net capex: investment less subsidies, million USD).
[[nodiscard]] Books close_year(Books start, double ebitda, const DebtService& service, double net_capex,
                               double equity_share);

/// A company's profit and what leaves the company from it in a year, million USD.
struct Earnings {
  double taxable = 0.0;    ///< profit less the losses brought forward (never below 0)
  double tax = 0.0;        ///< tax_rate x taxable
  double losses = 0.0;     ///< losses to carry into next year (>= 0)
  double net_income = 0.0; ///< profit - tax (negative in a loss year)
  double dividends = 0.0;  ///< payout x net income, at most the cash left after tax (>= 0)
};

/// Tax and dividends on a year's profit = EBITDA - depreciation - interest:
/// losses of earlier years (`losses_brought`) offset profit before it is
/// taxed, and a loss adds to them; dividends are payout x profit after tax,
/// paid only from `cash_after` (the year's closing cash before tax and
/// dividends) less the tax, never below 0.
[[nodiscard]] Earnings earnings(double ebitda, double depreciation, double interest, double losses_brought,
                                double tax_rate, double payout, double cash_after);

/// How much more a company may borrow (million USD) under a limit on net debt
/// / EBITDA: limit x EBITDA - net debt, at least 0; infinite without a limit
/// (limit 0). Net debt = debt - cash; a company with no EBITDA may not borrow.
[[nodiscard]] double borrowing_headroom(double debt, double cash, double ebitda, double limit);

} // namespace steelpath
