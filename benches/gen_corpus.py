#!/usr/bin/env python3
"""Builds benchmark inputs of realistic shape from the team corpus (corpus/),
so nobody has to download data: JSONL dumps of scraped-text pages and of raw
HTML pages, repeated with fresh ids and shuffled paragraph order until they
reach the requested size, plain and gzipped.

    python3 benches/gen_corpus.py OUT_DIR --mb 200

writes OUT_DIR/text.jsonl, OUT_DIR/html.jsonl and their .gz copies
(`--text-only`: OUT_DIR/text.jsonl alone, no copies).
"""
import argparse
import gzip
import json
import os
import random
import shutil


def corpus_pages(root):
    texts, htmls = [], []
    for name in sorted(os.listdir(root)):
        path = os.path.join(root, name)
        if name.endswith(".txt"):
            texts.append(open(path, encoding="utf-8").read())
        elif name.endswith(".html"):
            htmls.append(open(path, encoding="utf-8").read())
    return texts, htmls


def vary(page, rng):
    """Swaps two inner lines so repeated pages are not byte-identical."""
    lines = page.split("\n")
    if len(lines) > 6:
        i, j = rng.randrange(2, len(lines) - 2), rng.randrange(2, len(lines) - 2)
        lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def write(path, pages, field, target_bytes, rng, gzipped=True):
    written, n = 0, 0
    with open(path, "w", encoding="utf-8") as f:
        while written < target_bytes:
            page = vary(pages[n % len(pages)], rng)
            line = json.dumps({"id": f"bench-{n}", "date": "2024-06-01", field: page}, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    if not gzipped:
        return n
    with open(path, "rb") as src, gzip.open(path + ".gz", "wb", compresslevel=6) as dst:
        shutil.copyfileobj(src, dst)
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=200)
    ap.add_argument("--text-only", action="store_true")
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "corpus"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    texts, htmls = corpus_pages(a.corpus)
    rng = random.Random(7)
    target = int(a.mb * 1e6)
    if a.text_only:
        nt = write(os.path.join(a.out, "text.jsonl"), texts, "text", target, rng, gzipped=False)
        print(f"{a.out}: text.jsonl {nt} records, {a.mb:g} MB")
        return
    nt = write(os.path.join(a.out, "text.jsonl"), texts, "text", target, rng)
    nh = write(os.path.join(a.out, "html.jsonl"), htmls, "html", target, rng)
    print(f"{a.out}: text.jsonl {nt} records, html.jsonl {nh} records, {a.mb:g} MB each (+ .gz)")


if __name__ == "__main__":
    main()
