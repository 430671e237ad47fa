"""Table of lever effects on the demo scenario (see scripts/lever-effects).

    lever_effects.py FOLDER                 prints the table (FOLDER: demo.h5 and one NAME.h5 per lever)
    lever_effects.py FOLDER --check         fails unless each lever moves emissions as docs/model.md says
                                            and the table in docs/model.md is the one printed
    lever_effects.py FOLDER --update-doc    writes the table into docs/model.md (between its markers)
"""
import glob
import os
import sys

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import doc_sections  # noqa: E402

DOC = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "docs", "model.md")
SECTION = "scripts/lever-effects"  # docs/model.md's generated section: <!-- BEGIN scripts/lever-effects -->

# Levers that must lower cumulative emissions on the demo, and levers that
# must not raise them (on the demo, hydrogen DRI stays dearer than gas DRI,
# so support aimed at it may change nothing: docs/model.md says why). Finance
# limits delay investment and heterogeneity spreads choices: reported only.
# So is the 2026 BF ban: it forces conversions before smelting reduction
# with CCUS is available (2030), locking in gas DRI (docs/model.md).
MUST_LOWER = {"carbon-price", "ets", "standard", "material-efficiency", "targets"}
MUST_NOT_RAISE = {"subsidies", "fund", "offtake"}


def summary(path):
    with h5py.File(path, "r") as f:
        e = f["emissions"][:]
        dec = f["decisions/action"][:].astype(str) if len(f["decisions/action"]) else np.array([])
        return {
            "cumulative": float(e.sum()),
            "e2060": float(e[-1]),
            "switches": int((dec == "switch").sum()),
            "closures": int((dec == "close").sum()),
            "allowance_2040": float(f["allowance_price"][:].max()),
            "fund": float(f["fund_spent"][:].sum()),
            "subsidies": float(f["subsidies_paid"][:].sum()),
            "offtake": float(f["offtake_volume"][:].sum()),
            "green": float(f["green_volume"][:].sum()),
            "additional": float(f["green_additional_capacity"][:].sum()),
        }


def table(folder):
    """(the Markdown table, the levers that move emissions the wrong way)."""
    base = summary(os.path.join(folder, "demo.h5"))
    lines = ["| lever (scenarios/levers/) | cumulative direct CO2 2025-2060, Mt | vs demo | 2060, Mt CO2 | switches | closures | other |",
             "|---|---|---|---|---|---|---|",
             f"| demo (none) | {base['cumulative']:.1f} | | {base['e2060']:.1f} | {base['switches']} | {base['closures']} | |"]
    failures = []
    for path in sorted(glob.glob(os.path.join(folder, "*.h5"))):
        name = os.path.basename(path)[:-3]
        if name == "demo":
            continue
        s = summary(path)
        delta = s["cumulative"] - base["cumulative"]
        other = []
        if s["allowance_2040"]:
            other.append(f"highest allowance price: {s['allowance_2040']:.0f} USD/t")
        if s["fund"]:
            other.append(f"fund spent: {s['fund']:.0f} million USD")
        if s["subsidies"]:
            other.append(f"subsidies paid: {s['subsidies']:.0f} million USD")
        if s["offtake"]:
            other.append(f"offtake delivered: {s['offtake']:.1f} Mt")
        if s["green"]:
            other.append(f"near-zero steel sold: {s['green']:.1f} Mt, additional capacity {s['additional']:.1f} Mt/yr")
        lines.append(f"| {name} | {s['cumulative']:.1f} | {delta:+.1f} ({100 * delta / base['cumulative']:+.1f} %) | "
                     f"{s['e2060']:.1f} | {s['switches']} | {s['closures']} | {'; '.join(other)} |")
        if name in MUST_LOWER and not delta < 0:
            failures.append(f"{name}: cumulative emissions {s['cumulative']:.1f} not below the demo's {base['cumulative']:.1f}")
        if name in MUST_NOT_RAISE and delta > 1e-9:
            failures.append(f"{name}: cumulative emissions {s['cumulative']:.1f} above the demo's {base['cumulative']:.1f}")
    return "\n".join(lines) + "\n", failures


def main(folder, options):
    text, failures = table(folder)
    print(text, end="")
    if "--update-doc" in options:
        doc_sections.replace(DOC, SECTION, text)
        print(f"updated the lever table in {os.path.relpath(DOC)}", file=sys.stderr)
    if "--check" in options:
        for f in failures:
            print("FAILED:", f, file=sys.stderr)
        stale = doc_sections.check(DOC, SECTION, text, "run scripts/lever-effects --update-doc (or "
                                   "scripts/update-references) and make the reading below the table true")
        return 1 if failures or stale else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
