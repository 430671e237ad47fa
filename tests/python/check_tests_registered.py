#!/usr/bin/env python3
"""Every test method of tests/python/test_*.py and tests/e2e/test_*.py runs under CTest: some
registered test calls its script with no unittest names (all of it), with its
class, or with Class.method. A method that no registration names never runs
(two resume tests once sat unregistered).

Usage: check_tests_registered.py CTEST BUILD_DIR

Reads the registered commands from `ctest --show-only=json-v1`. Every script
takes two positional arguments (the program or a folder, then the source
folder) before the unittest names.
"""
import ast
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# The folders whose test_*.py scripts are checked.
FOLDERS = [HERE, os.path.join(os.path.dirname(HERE), "e2e")]
# Registered only in some builds: the reason is the exemption.
ONLY_IN_SOME_BUILDS = {"test_ensemble_mpi.py": "registered only with -DSTEELPATH_MPI=ON"}


def test_methods(path):
    """{class name: [test method names]} of a test script."""
    tree = ast.parse(open(path, encoding="utf-8").read(), path)
    out = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            names = [f.name for f in node.body if isinstance(f, ast.FunctionDef) and f.name.startswith("test")]
            if names:
                out[node.name] = names
    return out


def registrations(ctest, build_dir):
    """{script path: [list of unittest names per registered test]}."""
    shown = subprocess.run([ctest, "--show-only=json-v1"], cwd=build_dir, capture_output=True, text=True,
                           check=True).stdout
    out = {}
    for test in json.loads(shown)["tests"]:
        command = test.get("command") or []
        for i, arg in enumerate(command):
            if os.path.dirname(os.path.abspath(arg)) in FOLDERS and os.path.basename(arg).startswith("test_"):
                out.setdefault(os.path.abspath(arg), []).append(command[i + 3:])
                break
    return out


def main(ctest, build_dir):
    registered = registrations(ctest, build_dir)
    missing = []
    for path in sorted(p for folder in FOLDERS for p in glob.glob(os.path.join(folder, "test_*.py"))):
        script = os.path.basename(path)
        if script in ONLY_IN_SOME_BUILDS and path not in registered:
            print(f"skipped: {script} ({ONLY_IN_SOME_BUILDS[script]})")
            continue
        runs = registered.get(path, [])
        if any(not names for names in runs):
            continue  # some registration runs the whole script
        named = {n for names in runs for n in names}
        for cls, methods in test_methods(path).items():
            if cls in named:
                continue
            missing += [f"{script}: {cls}.{m}" for m in methods if f"{cls}.{m}" not in named]
    for m in missing:
        print(f"FAILED: not registered in tests/CMakeLists.txt, never runs: {m}", file=sys.stderr)
    if missing:
        return 1
    print(f"ok: every test method of {len(registered)} scripts is registered")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
