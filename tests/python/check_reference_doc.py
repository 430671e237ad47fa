#!/usr/bin/env python3
"""docs/scenarios.md's key table is what `steelpath schema --markdown` prints.

Usage: check_reference_doc.py STEELPATH docs/scenarios.md
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import doc_sections  # noqa: E402


def main(binary, doc_path):
    generated = subprocess.run([binary, "schema", "--markdown"], capture_output=True, text=True, check=True).stdout
    if doc_sections.check(doc_path, "steelpath schema --markdown", generated, "run scripts/update-schema"):
        return 1
    print(f"ok: {doc_path} lists the {generated.count(chr(10)) - 2} keys of the format")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
