#!/usr/bin/env python3
"""Builds the word lists of src/text/lexicon.rs and src/extract/partnerships/lexicon.rs
from the train splits.

    python3 tools/build_partnership_lexicons.py ../shared/eval

Reads orgs/conll03_train.jsonl.gz (Reuters, with PER/LOC/MISC/ORG spans),
partnerships/core_train.jsonl (Wikipedia company passages) and, for how words are
written only, quotes/polnear_train.jsonl (US political news); writes, one word per line:

  data/partnerships/common_words.txt  words written in lower case far more often than
                                      capitalized inside a sentence ("private", "neither"):
                                      capitalized, they open a sentence, not a name
  data/partnerships/first_names.txt   first tokens of person names that never start an
                                      organization name ("Eric Rice" is a person)
  data/partnerships/lower_case_words.txt  further words written so, counted over all three
                                      splits (ten times the text): a one-word name guessed
                                      at a sentence's opening that is one of them ("Examples
                                      include ...") is no name
  data/partnerships/base_verbs.txt    verbs in their base form: words after "to" in at least
                                      one of seven lower-case uses, never in an organization's
                                      name; one opening a sentence before a lower-case word
                                      gives an instruction ("Build apps with ...")
  data/partnerships/places.txt        single-word places and nationalities that are never
                                      (part of) an organization name

Only words go into the lists, never sentences.
"""
import collections
import gzip
import json
import os
import re
import sys

EVAL = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "partnerships")
WORD = re.compile(r"[A-Za-z][a-z]+")
SENT_END = {".", "!", "?", '"', "``", "''", ":", ";", "-", "(", "--"}

lower = collections.Counter()
cap_mid = collections.Counter()
first_names = collections.Counter()
places = collections.Counter()
in_org = collections.Counter()
after_to = collections.Counter()


def count_words(text):
    for line in text.split("\n"):
        prev = None
        for tok in line.split():
            if WORD.fullmatch(tok):
                if tok.islower():
                    lower[tok] += 1
                    if prev == "to":
                        after_to[tok] += 1
                elif tok[0].isupper() and tok[1:].islower() and prev is not None and prev not in SENT_END:
                    cap_mid[tok.lower()] += 1
            prev = tok


with gzip.open(os.path.join(EVAL, "orgs", "conll03_train.jsonl.gz"), "rt", encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        count_words(d["text"])
        for o in d["orgs"]:
            for w in o["text"].split():
                in_org[w.lower()] += 1
        for o in d["other"]:
            words = o["text"].split()
            if o["label"] == "PER" and len(words) >= 2 and WORD.fullmatch(words[0]):
                first_names[words[0].lower()] += 1
            if o["label"] in ("LOC", "MISC") and len(words) == 1 and WORD.fullmatch(words[0]):
                places[words[0].lower()] += 1

with open(os.path.join(EVAL, "partnerships", "core_train.jsonl"), encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        text = re.sub(r"([.,;:!?()\"])", r" \1 ", d["text"])
        count_words(text)
        for r in d["relations"]:
            for key in ("a", "b", "a_mention", "b_mention"):
                for w in (r.get(key) or "").split():
                    in_org[w.lower()] += 1

common = sorted(w for w, n in lower.items() if n >= 3 and n >= 2 * cap_mid[w] + in_org[w])
# PolNeAR only widens the lower-case list: its words are not all in the
# other lists' domains, so the first one stays as it was.
with open(os.path.join(EVAL, "quotes", "polnear_train.jsonl"), encoding="utf-8") as f:
    for line in f:
        count_words(re.sub(r"([.,;:!?()\"])", r" \1 ", json.loads(line)["text"]))
lower_case = sorted(w for w, n in lower.items()
                    if n >= 3 and n >= 2 * cap_mid[w] + in_org[w] and w not in common)

base_verbs = sorted(w for w, n in after_to.items()
                    if n >= 3 and 7 * n >= lower[w] and in_org[w] == 0 and not w.endswith("ly"))

names = sorted(w for w, n in first_names.items()
               if n >= 2 and in_org[w] == 0 and lower[w] < n and w not in common)
place = sorted(w for w, n in places.items()
               if n >= 2 and in_org[w] <= n and lower[w] < n and w not in common)

os.makedirs(OUT, exist_ok=True)
for name, words in (("common_words", common), ("lower_case_words", lower_case),
                    ("base_verbs", base_verbs), ("first_names", names), ("places", place)):
    with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8") as f:
        f.write("".join(w + "\n" for w in words))
    print(name, len(words))
