"""Generated sections of the docs: text between `<!-- BEGIN name -->` and
`<!-- END name -->` that a command prints. One helper to read, check and
replace them, used by scripts/update-schema and by the tests that keep the
docs current."""
import sys


def _markers(name):
    return f"<!-- BEGIN {name} -->\n", f"<!-- END {name} -->"


def read(doc_path, name):
    """The section's text, or None when the doc lacks its markers."""
    begin, end = _markers(name)
    with open(doc_path, encoding="utf-8") as f:
        doc = f.read()
    if begin not in doc or end not in doc:
        return None
    return doc.split(begin, 1)[1].split(end, 1)[0]


def check(doc_path, name, generated, how_to_fix):
    """0 when the section equals `generated`; 1 with a message otherwise."""
    section = read(doc_path, name)
    if section is None:
        print(f"FAILED: {doc_path} lacks the markers of '{name}'", file=sys.stderr)
        return 1
    if section != generated:
        print(f"FAILED: the '{name}' section of {doc_path} is stale; {how_to_fix}", file=sys.stderr)
        return 1
    return 0


def replace(doc_path, name, generated):
    """Writes `generated` between the section's markers."""
    begin, end = _markers(name)
    with open(doc_path, encoding="utf-8") as f:
        doc = f.read()
    head, rest = doc.split(begin, 1)
    with open(doc_path, "w", encoding="utf-8") as f:
        f.write(head + begin + generated + end + rest.split(end, 1)[1])
