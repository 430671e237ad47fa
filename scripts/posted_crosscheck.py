#!/usr/bin/env python3
"""Cross-check of the technology figures steelpath uses (MPP ST-STSM 2022)
against the POSTED database (CC BY 4.0), normalised to the model's units:
per tonne of output, USD at the 2020 price level. Prints a Markdown table
for docs/data.md.

Usage: /usr/bin/python3 scripts/posted_crosscheck.py RAW_DIR

Normalisation (shown, never guessed): a value is divided by its reference
value (POSTED states values per `reference_value` units of the reference);
currencies go to USD at the year's average exchange rate, then to 2020 with
the US consumer price index:
  EUR->USD (ECB reference rate, annual average): 2010 1.3257, 2013 1.3281, 2020 1.1422
  US CPI-U (BLS, annual average): 2010 218.056, 2013 232.957, 2020 258.811, 2023 304.702
Hydrogen: 0.08988 kg per normal cubic metre.
"""
import os
import sys

import pandas as pd

CPI = {2010: 218.056, 2013: 232.957, 2020: 258.811, 2023: 304.702}
EURUSD = {2010: 1.3257, 2013: 1.3281, 2020: 1.1422}
H2_KG_PER_NM3 = 0.08988


def to_usd2020(unit):
    """Factor from a POSTED currency unit (EUR_2013, mnUSD_2010, MEUR_2020, ...) to USD_2020."""
    scale = 1e6 if unit.startswith(("mn", "M")) else 1.0
    cur, year = unit.replace("mn", "").lstrip("M").split("_")
    year = int(year)
    fx = EURUSD[year] if cur == "EUR" else 1.0
    return scale * fx * CPI[2020] / CPI[year]


def norm(row):
    return row["value"] / (row["reference_value"] if pd.notna(row["reference_value"]) else 1.0)


def main(raw):
    out = []
    bf = pd.read_csv(os.path.join(raw, "Integrated Blast Furnace and Basic Oxygen Furnace.csv"))
    bf = bf[bf["component"] == "#"]

    def bf_row(capture, variable):
        return bf[(bf["carbon_capture"] == capture) & (bf["variable"] == variable)].iloc[0]

    for capture, label in (("No Capture", "BF-BOF"), ("End-of-pipe", "BF-BOF + CCS (end of pipe)")):
        capex = bf_row(capture, "CAPEX")
        # mnUSD_2010 per 4 Mt/yr -> USD per (t/yr): x1e6 / 1e6 t
        v = capex["value"] * to_usd2020(capex["unit"]) / (capex["reference_value"] * 1e6)
        out.append((label, "capex, USD(2020) per t/yr", f"{v:.0f} (per t hot-rolled coil, incl. rolling)", "IEA-GHG-2013"))
        co2 = bf_row(capture, "GHG Emissions|CO2")
        out.append((label, "direct CO2, t/t", f"{co2['value'] / 1000:.2f} (per t hot-rolled coil)", "IEA-GHG-2013"))
    cap = bf_row("End-of-pipe", "Output|Captured CO2")["value"] / 1000
    emitted = bf_row("End-of-pipe", "GHG Emissions|CO2")["value"] / 1000
    out.append(("BF-BOF + CCS (end of pipe)", "capture rate", f"{cap / (cap + emitted):.2f}", "IEA-GHG-2013"))

    dri = pd.read_csv(os.path.join(raw, "Direct Reduction of Iron.csv"))
    dri = dri[dri["component"] == "#"]
    for _, r in dri[dri["variable"] == "CAPEX"].iterrows():
        per_t = 1e6 if str(r["reference_unit"]).startswith("Mt") else 1.0
        v = r["value"] * to_usd2020(r["unit"]) / (r["reference_value"] * per_t)
        out.append(("DRI shaft furnace", "capex, USD(2020) per t/yr DRI", f"{v:.0f}", r["source"]))
    for _, r in dri[(dri["variable"] == "Input|Hydrogen") & (dri["mode"] == "H2")].iterrows():
        v = norm(r)
        if r["unit"] == "cubic_meter_H2_norm":
            v *= H2_KG_PER_NM3
        elif r["unit"] == "t_H2":
            v *= 1000
        out.append(("H2-DRI", "hydrogen, kg per t DRI", f"{v:.1f}", r["source"]))
    for _, r in dri[(dri["variable"] == "Input|Natural Gas") & (dri["mode"] == "NG")].iterrows():
        if str(r["unit"]).startswith("GJ"):
            out.append(("NG-DRI", "natural gas, GJ per t DRI", f"{norm(r):.1f} ({r['unit'].split('_')[-1]})", r["source"]))

    eaf = pd.read_csv(os.path.join(raw, "Electric Arc Furnace.csv"))
    eaf = eaf[eaf["component"] == "#"]
    for _, r in eaf[eaf["variable"] == "CAPEX"].iterrows():
        per_t = 1e6 if str(r["reference_unit"]).startswith("Mt") else 1.0
        v = r["value"] * to_usd2020(r["unit"]) / (r["reference_value"] * per_t)
        out.append(("EAF", "capex, USD(2020) per t/yr liquid steel", f"{v:.0f}", r["source"]))
    for _, r in eaf[(eaf["variable"] == "Input|Electricity") & (eaf["mode"] == "Secondary")].iterrows():
        out.append(("Scrap-EAF", "electricity, MWh per t", f"{norm(r):.2f}", r["source"]))
    for _, r in eaf[(eaf["variable"] == "Input|Steel Scrap") & (eaf["mode"] == "Secondary")].iterrows():
        out.append(("Scrap-EAF", "scrap, t per t", f"{norm(r):.2f}", r["source"]))

    print("| route | quantity | POSTED, normalised | POSTED source |")
    print("|---|---|---|---|")
    for route, q, v, src in out:
        print(f"| {route} | {q} | {v} | {src} |")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
