#!/usr/bin/env python3
"""Runs trafilatura (default settings, text output) over a JSONL of pages
with an `html` field, on every core, and writes {"id", "text"} lines.

    trafilatura_run.py PAGES.jsonl PRED.jsonl [PROCESSES]
"""
import json
import multiprocessing
import os
import sys

import trafilatura


def extract(line):
    page = json.loads(line)
    text = trafilatura.extract(page["html"]) or ""
    return json.dumps({"id": page["id"], "text": text}, ensure_ascii=False)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    processes = int(sys.argv[3]) if len(sys.argv) > 3 else os.cpu_count()
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
        with multiprocessing.Pool(processes) as pool:
            for line in pool.imap(extract, f, chunksize=4):
                out.write(line + "\n")


if __name__ == "__main__":
    main()
