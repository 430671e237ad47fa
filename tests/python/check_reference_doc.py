#!/usr/bin/env python3
"""docs/scenarios.md's key table is what `steelpath schema --markdown` prints.

Usage: check_reference_doc.py STEELPATH docs/scenarios.md
"""
import subprocess
import sys

BEGIN = "<!-- BEGIN steelpath schema --markdown -->\n"
END = "<!-- END steelpath schema --markdown -->"


def main(binary, doc_path):
    generated = subprocess.run([binary, "schema", "--markdown"], capture_output=True, text=True, check=True).stdout
    with open(doc_path, encoding="utf-8") as f:
        doc = f.read()
    if BEGIN not in doc or END not in doc:
        print(f"FAILED: {doc_path} lacks the generated section markers", file=sys.stderr)
        return 1
    section = doc.split(BEGIN, 1)[1].split(END, 1)[0]
    if section != generated:
        print(f"FAILED: the key table in {doc_path} is stale; run scripts/update-schema", file=sys.stderr)
        return 1
    print(f"ok: {doc_path} lists the {generated.count(chr(10)) - 2} keys of the format")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
