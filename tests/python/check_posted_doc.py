#!/usr/bin/env python3
"""docs/data.md's POSTED cross-check table is what scripts/posted_crosscheck.py prints.

Usage: check_posted_doc.py REPO_ROOT RAW_DIR   (exit 77, reported as skipped, without RAW_DIR)
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import doc_sections  # noqa: E402


def main(root, raw):
    if not os.path.isdir(raw):
        print(f"skipped: the POSTED raw files are not beside the repository ({raw})")
        return 77
    table = subprocess.run(["/usr/bin/python3", os.path.join(root, "scripts", "posted_crosscheck.py"), raw],
                           capture_output=True, text=True, check=True).stdout
    if doc_sections.check(os.path.join(root, "docs", "data.md"), "scripts/posted_crosscheck.py", table,
                          "paste the output of scripts/posted_crosscheck.py"):
        return 1
    print(f"ok: {table.count(chr(10)) - 2} POSTED figures documented as computed")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
