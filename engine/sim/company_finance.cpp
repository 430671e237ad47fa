#include "sim/company_finance.hpp"

#include "sim/levelized_cost.hpp"

#include <algorithm>
#include <limits>

namespace steelpath {

double opening_cash(double equity_share, double capex_reline, double capacity) {
  return equity_share * capex_reline * capacity;
}

double opening_debt(double equity_share, double capex, double capacity, int years_left, int campaign_years) {
  if (years_left <= 0 || campaign_years <= 0) return 0.0;
  const double share = std::min(1.0, static_cast<double>(years_left) / campaign_years);
  return (1.0 - equity_share) * capex * capacity * share;
}

DebtService service_debt(double debt, double payment, double rate) {
  DebtService d;
  d.interest = rate * std::max(debt, 0.0);
  d.repayment = std::clamp(payment - d.interest, 0.0, std::max(debt, 0.0));
  return d;
}

void add_loan(std::span<double> payments, std::size_t first, double amount, double rate, int tenor) {
  if (amount <= 0.0 || tenor <= 0) return;
  add_annuity(payments, first, amount * capital_recovery_factor(rate, tenor), tenor);
}

void add_annuity(std::span<double> payments, std::size_t first, double annuity, int tenor) {
  if (tenor <= 0) return;
  for (std::size_t t = first; t < payments.size() && t < first + static_cast<std::size_t>(tenor); ++t)
    payments[t] += annuity;
}

Books close_year(Books start, double ebitda, const DebtService& service, double net_capex,
                 double equity_share) {
  Books b;
  b.cash = start.cash + ebitda - service.interest - service.repayment - equity_share * net_capex;
  b.debt = start.debt - service.repayment + (1.0 - equity_share) * net_capex;
  return b;
}

Earnings earnings(double ebitda, double depreciation, double interest, double losses_brought, double tax_rate,
                  double payout, double cash_after) {
  Earnings e;
  const double profit = ebitda - depreciation - interest;
  e.taxable = std::max(0.0, profit - losses_brought);
  e.losses = std::max(0.0, losses_brought - std::max(profit, 0.0)) + std::max(0.0, -profit);
  e.tax = tax_rate * e.taxable;
  e.net_income = profit - e.tax;
  e.dividends = std::clamp(payout * e.net_income, 0.0, std::max(0.0, cash_after - e.tax));
  return e;
}

double borrowing_headroom(double debt, double cash, double ebitda, double limit) {
  if (limit <= 0.0) return std::numeric_limits<double>::infinity();
  return std::max(0.0, limit * std::max(ebitda, 0.0) - (debt - cash));
}

} // namespace steelpath
