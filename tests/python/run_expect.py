#!/usr/bin/env python3
"""Runs a command and passes only when it exits 0 AND its output (stdout and
stderr together) matches a regular expression. CTest's
PASS_REGULAR_EXPRESSION alone ignores the exit code.

Usage: run_expect.py REGEX COMMAND [ARGS...]
"""
import re
import subprocess
import sys


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    pattern, command = argv[0], argv[1:]
    p = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sys.stdout.write(p.stdout)
    failed = False
    if p.returncode != 0:
        print(f"FAILED: {command[0]} exited with {p.returncode}")
        failed = True
    if not re.search(pattern, p.stdout):
        print(f"FAILED: the output does not match {pattern!r}")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
