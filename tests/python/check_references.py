#!/usr/bin/env python3
"""A shipped scenario still gives its pinned results: runs scenarios/NAME.yaml
as scripts/references.py does and compares every value with
tests/references/NAME.csv (OpenMC-style regression results).

Usage: check_references.py STEELPATH NAME     (NAME: e.g. global-baseline, levers/ban)

On a difference it names the series, its region, route or action, the year,
the stored and the new value. If the change of results is intended,
scripts/update-references rewrites the references, and the diff shows it.
"""
import math
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import references  # noqa: E402

# The tolerance. A run of the same build is bit-identical (the model reads no
# clock and keys every random draw by seed, entity and year), so with the
# build that wrote the references any difference at all is a change of
# results. The tolerance only absorbs another compiler, other optimisation
# flags or another libm, whose different rounding in the last bits a 36-year
# simulation can carry to around 1e-12 relative; a model edit moves results
# by far more. A value passes when |new - stored| <= ABSOLUTE + RELATIVE |stored|,
# in the series' own unit (ABSOLUTE: 1e-9 Mt, USD/t, million USD, ...: for
# values that should be 0).
RELATIVE = 1e-9
ABSOLUTE = 1e-9
SHOW = 25  # differences printed; the count of the rest follows


def same(a, b):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= ABSOLUTE + RELATIVE * abs(a)


def describe(part, series, key, year):
    """"steel_price, region CHN, year 2043 (member 2)"."""
    out = [series]
    if key and key != "all":
        out.append(f"{references.KEY_KINDS.get(series, 'metric' if series.endswith('metric_mean') else 'key')} {key}")
    if year:
        out.append(f"year {year}")
    return ", ".join(out) + (f" ({part})" if part else "")


def differences(stored, new):
    """One line per value beyond the tolerance, in the reference's order (a
    value missing on one side is its series' default: 0, or 1 for capex_factor)."""
    out = []
    for k in list(stored) + [k for k in new if k not in stored]:
        d = references.default(k[1])
        a, b = stored.get(k, d), new.get(k, d)
        if not same(a, b):
            rel = f", relative {abs(b - a) / abs(a):.3g}" if a and math.isfinite(a) and math.isfinite(b) else ""
            out.append(f"{describe(*k)}: stored {a!r}, new {b!r} (difference {b - a:.6g}{rel})")
    return out


def main(binary, name):
    ref = os.path.relpath(references.reference_path(name), references.ROOT)
    if not os.path.isfile(references.reference_path(name)):
        print(f"FAILED: no reference {ref} for scenarios/{name}.yaml: run scripts/update-references",
              file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="steelpath-references-") as d:
        new = references.extract(references.run(binary, name, d))
    stored = references.read(name)
    diff = differences(stored, new)
    if diff:
        print(f"FAILED: scenarios/{name}.yaml: {len(diff)} values differ from {ref} beyond "
              f"|new - stored| <= {ABSOLUTE:g} + {RELATIVE:g} |stored|:", file=sys.stderr)
        for line in diff[:SHOW]:
            print("  " + line, file=sys.stderr)
        if len(diff) > SHOW:
            print(f"  ... and {len(diff) - SHOW} more", file=sys.stderr)
        print("If the change of results is intended, run scripts/update-references and commit the diff.",
              file=sys.stderr)
        return 1
    print(f"ok: scenarios/{name}.yaml gives the {len(stored)} values of {ref} "
          f"within {ABSOLUTE:g} + {RELATIVE:g} |stored|")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(os.path.abspath(sys.argv[1]), sys.argv[2]))
