#!/usr/bin/env python3
"""The first simulated year of the world fleet stays within the tolerances of
docs/validation.md, and the table there is what scripts/validate_start.py prints.

Usage: check_validation_doc.py REPO_ROOT STEELPATH
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import doc_sections  # noqa: E402


def main(root, binary):
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "global.h5")
        subprocess.run([binary, "run", os.path.join(root, "scenarios", "global-baseline.yaml"), "-o", out,
                        "--quiet"], check=True)
        script = os.path.join(root, "scripts", "validate_start.py")
        check = subprocess.run(["/usr/bin/python3", script, out, "--check"], capture_output=True, text=True)
        if check.returncode != 0:
            print(check.stdout + check.stderr, file=sys.stderr)
            return 1
        table = check.stdout
    if doc_sections.check(os.path.join(root, "docs", "validation.md"), "scripts/validate_start.py", table,
                          "paste the output of scripts/validate_start.py"):
        return 1
    print("ok: first year within tolerances; docs/validation.md is current")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
