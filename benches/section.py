#!/usr/bin/env python3
"""Replaces one section of BENCHMARKS.md with stdin, keeping the others.

    ... | python3 benches/section.py NAME

Each benchmark script owns one section. `main` is the top of the file (the
table of benches/e2e.sh); every other section starts with a marker line
`<!-- section: NAME -->` and runs to the next marker.
"""
import os
import re
import sys

PATH = "BENCHMARKS.md"
MARKER = re.compile(r"^<!-- section: (\S+) -->\n", re.M)


def main():
    name, body = sys.argv[1], sys.stdin.read().rstrip("\n") + "\n"
    text = open(PATH, encoding="utf-8").read() if os.path.exists(PATH) else ""
    pieces = MARKER.split(text)
    head, sections = pieces[0], dict(zip(pieces[1::2], pieces[2::2]))
    if name == "main":
        head = body
    else:
        sections[name] = body
    out = head.rstrip("\n") + "\n"
    for key, value in sections.items():
        out += f"\n<!-- section: {key} -->\n{value.strip(chr(10))}\n"
    open(PATH, "w", encoding="utf-8").write(out)


if __name__ == "__main__":
    main()
