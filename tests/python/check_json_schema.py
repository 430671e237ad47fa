#!/usr/bin/env python3
"""The JSON Schema for editors agrees with the validator: every shipped
scenario is valid under it, and typical mistakes are flagged by it.

Usage: check_json_schema.py SCHEMA.json SCENARIOS_DIR STEELPATH

The mistakes are made in the demo as resolved by `steelpath validate --print`
(a complete scenario, checked by the strict half of the schema).
"""
import copy
import glob
import json
import os
import subprocess
import sys

import jsonschema
import yaml


def load(path):
    with open(path, encoding="utf-8") as f:
        # YAML keys such as 2025 are integers; JSON keys are text.
        return json.loads(json.dumps(yaml.safe_load(f)))


def main(schema_path, scenarios, binary):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    failures = []
    files = sorted(glob.glob(os.path.join(scenarios, "*.yaml")) + glob.glob(os.path.join(scenarios, "levers", "*.yaml")))
    assert files, f"no scenarios in {scenarios}"
    for path in files:
        errors = list(validator.iter_errors(load(path)))
        if errors:
            failures.append(f"{path}: {errors[0].message}")

    resolved = subprocess.run([binary, "validate", os.path.join(scenarios, "demo.yaml"), "--print"],
                              capture_output=True, text=True, check=True).stdout
    demo = json.loads(json.dumps(yaml.safe_load(resolved)))
    if not validator.is_valid(demo):
        failures.append("the schema refuses the resolved demo: " + next(validator.iter_errors(demo)).message)
    mistakes = {
        "typo in a key": lambda d: d["policies"].__setitem__("carbon_prise", d["policies"].pop("carbon_price")),
        "negative capex": lambda d: d["technologies"]["bf_bof"].__setitem__("capex_reline", -5),
        "text for a number": lambda d: d["technologies"]["bf_bof"].__setitem__("capex_reline", "lots"),
        "missing section": lambda d: d.pop("regions"),
        "share above 1": lambda d: d["finance"].__setitem__("expected_utilisation", 1.5),
        "bad series key": lambda d: d["policies"].__setitem__("carbon_price", {"soon": 10}),
        "unknown distribution": lambda d: d.__setitem__(
            "uncertainties", {"finance.discount_rate": {"distribution": "uniformm"}}),
    }
    for name, mutate in mistakes.items():
        d = copy.deepcopy(demo)
        mutate(d)
        if validator.is_valid(d):
            failures.append(f"the schema accepts a mistake: {name}")
    with_unit = copy.deepcopy(demo)
    with_unit["technologies"]["bf_bof"]["capex_reline"] = "188 EUR/(t/yr)"
    if not validator.is_valid(with_unit):
        failures.append("the schema refuses a number written with a unit")
    # A file that extends another may state only what differs.
    partial = {"extends": "demo.yaml", "policies": {"carbon_price": {"2025": 20, "2050": 200}}}
    if not validator.is_valid(partial):
        failures.append("the schema refuses a valid three-line extending file")
    if validator.is_valid({"extends": "demo.yaml", "policies": {"carbon_prise": 1}}):
        failures.append("the schema accepts a typo in an extending file")

    for f in failures:
        print("FAILED:", f, file=sys.stderr)
    if not failures:
        print(f"ok: {len(files)} shipped scenarios valid, {len(mistakes) + 1} mistakes flagged")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3]))
