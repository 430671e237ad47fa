#!/usr/bin/env python3
"""Builds steelpath's fleet CSV from the Global Energy Monitor Global Iron
and Steel Tracker (March 2025, CC BY 4.0) unit-level file.

Usage: /usr/bin/python3 scripts/build_fleet.py RAW_DIR OUT_DIR
  RAW_DIR  folder with 'Iron & Steel-map-file-2025-03-18.csv' (../shared/data/raw)
  OUT_DIR  where gem_fleet_2025.csv, gem_fleet_2025_china.csv and
           gem_companies_2025.csv are written

Deterministic: the same input gives byte-identical output (a test checks the
committed files). docs/data.md explains every rule; in short:

- A model unit is a crude-steel unit with one route. Blast furnaces become
  bf_bof units whose steel capacity is the BF's iron capacity scaled so that
  the plant's BF-BOF total equals its BOF steel capacity; open hearths become
  bf_bof too. DRI units become ng_dri_eaf units whose steel capacity is the
  plant's EAF capacity shared in proportion to DRI iron, up to the DRI iron
  available; the rest of a plant's EAF capacity becomes scrap_eaf units.
  Ironmaking-only plants (no BOF, EAF or OHF) make no crude steel: left out.
- Kept statuses: operating and operating_pre-retirement (operating), and the
  pipeline: construction (start 2027 unless the plant's start year is later)
  and announced (start 2029 likewise). Mothballed, retired and cancelled
  units are left out. Units whose capacity is unknown (">0") are left out.
- Start year: the plant's; unknown (GEM writes "unknown") -> 2000, flagged.
- Last relining: a BF's most recent relining year when GEM has it (clamped
  to the start year); otherwise left empty and flagged reline_imputed: the
  engine imputes it per run from the dated units (engine/sim/fleet_timing.hpp,
  docs/model.md "Fleet timing"), so the fleet_timing.draw uncertainty can
  redraw it. The start year is the earliest possible build year.
"""
import csv
import os
import re
import sys

import pandas as pd

UNITS = "Iron & Steel-map-file-2025-03-18.csv"
EU27 = {"Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czech Republic", "Denmark", "Estonia", "Finland",
        "France", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia", "Lithuania", "Luxembourg", "Malta",
        "Netherlands", "Poland", "Portugal", "Romania", "Slovakia", "Slovenia", "Spain", "Sweden"}
REGIONS = {"China": "CHN", "India": "IND", "Japan": "JPN", "South Korea": "KOR", "United States": "USA",
           "Russia": "RUS"}
KEEP = {"operating": "operating", "operating_pre-retirement": "operating", "construction": "construction",
        "announced": "announced"}
PIPELINE_START = {"construction": 2027, "announced": 2029}  # assumptions, docs/data.md
# GEM does not give a DRI unit's reductant. In India 79 % of DRI capacity is
# coal-based (rotary kilns; Elango 2020, KTH, citing the Joint Plant Committee),
# so India's DRI units become coal_dri_eaf (assumption: its few large gas-based
# modules are counted as coal too); elsewhere they are gas-based.
COAL_DRI_COUNTRIES = {"India"}


def region_of(country):
    if country in REGIONS:
        return REGIONS[country]
    return "EU" if country in EU27 else "ROW"


def slug(text):
    s = re.sub(r"[^a-z0-9]+", "_", str(text).lower()).strip("_")
    return s[:48] or "unknown"


def company_of(row):
    parent = str(row["parent"]) if pd.notna(row["parent"]) else ""
    first = parent.split(";")[0].strip()
    first = re.sub(r"\s*\[[0-9.]+%\]$", "", first)
    if not first or first.lower().startswith("natural person"):
        first = str(row["owner"]) if pd.notna(row["owner"]) else "unknown"
    return slug(first), first


def start_year(text):
    m = re.match(r"^(\d{4})", str(text))
    return int(m.group(1)) if m else None


def relining_year(text):
    m = re.match(r"^(\d{4})", str(text)) if pd.notna(text) else None
    return int(m.group(1)) if m else None


def main(raw_dir, out_dir):
    if not os.path.isfile(os.path.join(raw_dir, UNITS)):
        print(f"error: {os.path.join(raw_dir, UNITS)} not found: give the folder with GEM's raw files "
              "(../shared/data/raw beside the repository)", file=sys.stderr)
        return 2
    u = pd.read_csv(os.path.join(raw_dir, UNITS), dtype=str, keep_default_na=False, na_values=[""])
    u = u[u["status"].isin(KEEP)].copy()
    u["cap"] = pd.to_numeric(u["current-capacity-(ttpa)"], errors="coerce") / 1000.0  # ttpa -> Mt/yr
    unknown_capacity = int(u["cap"].isna().sum())
    u = u[u["cap"].notna() & (u["cap"] > 0)]
    u["kind"] = u["tab-type"].map({"Blast_furnaces": "BF", "Basic_oxygen_furnaces": "BOF",
                                   "Electric_arc_furnaces": "EAF", "DRI_furnaces": "DRI",
                                   "Open_hearth_furnaces": "OHF"})
    rows, skipped_iron_only = [], 0
    for (plant_id, status), g in u.groupby(["gem-plant-id", "status"], sort=True):
        status_kind = KEEP[status]
        first = g.iloc[0]
        cap = {k: g.loc[g["kind"] == k, "cap"].sum() for k in ("BF", "BOF", "EAF", "DRI", "OHF")}
        if cap["BOF"] + cap["EAF"] + cap["OHF"] <= 0:
            skipped_iron_only += len(g)
            continue
        start = start_year(first["start-date"])
        if status_kind in PIPELINE_START:
            start = max(start or 0, PIPELINE_START[status_kind])
        company, company_name = company_of(first)
        common = {
            "plant_id": plant_id, "plant": first["plant-name-(english)"], "owner": first["owner"],
            "parent": first["parent"], "company": company, "company_name": company_name,
            "country": first["country/area"], "region": region_of(first["country/area"]), "status": status_kind,
            "latitude": str(first["lat"]).strip(), "longitude": str(first["lng"]).strip(),
        }

        def add(unit_id, route, capacity, reline):
            year0 = start if start is not None else 2000
            imputed = reline is None
            reline = "" if imputed else max(reline, year0)
            rows.append({**common, "unit_id": unit_id, "technology": route, "capacity_mtpa": round(capacity, 4),
                         "start_year": year0, "start_imputed": int(start is None),
                         "last_reline_year": reline, "reline_imputed": int(imputed)})

        # BF-BOF: BF iron scaled to the plant's BOF steel; no BF -> BOF units as they are.
        bfs = g[g["kind"] == "BF"]
        if cap["BOF"] > 0:
            if len(bfs) and cap["BF"] > 0:
                for _, b in bfs.sort_values("gem-unit-id").iterrows():
                    add(b["gem-unit-id"], "bf_bof", b["cap"] * cap["BOF"] / cap["BF"], relining_year(b["most-recent-relining"]))
            else:
                for _, b in g[g["kind"] == "BOF"].sort_values("gem-unit-id").iterrows():
                    add(b["gem-unit-id"], "bf_bof", b["cap"], None)
        for _, b in g[g["kind"] == "OHF"].sort_values("gem-unit-id").iterrows():
            add(b["gem-unit-id"], "bf_bof", b["cap"], None)
        # EAF capacity: DRI-fed up to the plant's DRI iron, the rest scrap-fed.
        if cap["EAF"] > 0:
            dri_steel = min(cap["EAF"], cap["DRI"])
            if dri_steel > 0:
                for _, d in g[g["kind"] == "DRI"].sort_values("gem-unit-id").iterrows():
                    route = "coal_dri_eaf" if first["country/area"] in COAL_DRI_COUNTRIES else "ng_dri_eaf"
                    add(d["gem-unit-id"], route, dri_steel * d["cap"] / cap["DRI"], None)
            scrap_share = (cap["EAF"] - dri_steel) / cap["EAF"]
            if scrap_share > 1e-9:
                for _, e in g[g["kind"] == "EAF"].sort_values("gem-unit-id").iterrows():
                    add(e["gem-unit-id"], "scrap_eaf", e["cap"] * scrap_share, None)

    fleet = pd.DataFrame(rows)
    # One unit id per row: GEM unit ids are unique, but a pipeline plant listed
    # under two statuses may repeat a unit; keep the first.
    fleet = fleet.drop_duplicates("unit_id", keep="first")
    cols = ["unit_id", "plant_id", "plant", "owner", "parent", "company", "country", "region", "technology",
            "capacity_mtpa", "start_year", "start_imputed", "last_reline_year", "reline_imputed", "status",
            "latitude", "longitude"]
    fleet = fleet.sort_values(["region", "country", "plant_id", "unit_id"])
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "gem_fleet_2025.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("# Global Energy Monitor, Global Iron and Steel Tracker, March 2025 release (map compilation file\n"
                "# of 2025-03-18, github.com/GlobalEnergyMonitor/maps), licensed under CC BY 4.0\n"
                "# (https://creativecommons.org/licenses/by/4.0/). Changes were made: converted to crude-steel\n"
                "# units by route by scripts/build_fleet.py (rules in docs/data.md). Capacity in Mt/yr.\n")
        fleet[cols].to_csv(f, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    # China on its own, for the China scenarios (same rows, same rules).
    with open(os.path.join(out_dir, "gem_fleet_2025_china.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("# China's units of gem_fleet_2025.csv. Global Energy Monitor, Global Iron and Steel Tracker,\n"
                "# March 2025 release, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Changes were\n"
                "# made: converted by scripts/build_fleet.py (rules in docs/data.md). Capacity in Mt/yr.\n")
        fleet.loc[fleet["region"] == "CHN", cols].to_csv(f, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    companies = (fleet.groupby(["company"], sort=True)
                 .agg(name=("company_name", "first"), units=("unit_id", "size"), capacity_mtpa=("capacity_mtpa", "sum"),
                      regions=("region", lambda r: ";".join(sorted(set(r)))))
                 .reset_index())
    companies["capacity_mtpa"] = companies["capacity_mtpa"].round(4)
    with open(os.path.join(out_dir, "gem_companies_2025.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("# Companies of gem_fleet_2025.csv (first listed parent, else owner). Same source and licence.\n")
        companies.to_csv(f, index=False, lineterminator="\n")
    op = fleet[fleet["status"] == "operating"]
    print(f"units: {len(fleet)} ({len(op)} operating, {len(fleet) - len(op)} pipeline); companies: {len(companies)}")
    print(f"operating crude steel capacity: {op['capacity_mtpa'].sum():.1f} Mt/yr world, "
          f"{op.loc[op['region'] == 'CHN', 'capacity_mtpa'].sum():.1f} Mt/yr China")
    print("by route (operating, Mt/yr): " + ", ".join(f"{k} {v:.1f}" for k, v in
                                                      op.groupby("technology")["capacity_mtpa"].sum().items()))
    print(f"left out: {unknown_capacity} units of unknown capacity, {skipped_iron_only} units at ironmaking-only plants")
    print(f"imputed: {int(fleet['reline_imputed'].sum())} relining years, {int(fleet['start_imputed'].sum())} start years")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
