#!/usr/bin/env bash
# End-to-end throughput, scaling, memory and start-up of the release binary,
# written to the top of BENCHMARKS.md (the sections other scripts write are
# kept). Usage: benches/e2e.sh [MB per input, default 200]
# Each timing is the median of 3 runs; peak memory from /usr/bin/time -v.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-200}
work=${BENCH_DIR:-/tmp/newsmine-bench}
cargo build --release -q
# Other work on the machine slows every figure: the section says how busy it was.
load=$(cut -d" " -f1-3 /proc/loadavg)
bin=target/release/newsmine
[ -f "$work/text.jsonl" ] && [ "$(stat -c %s "$work/text.jsonl")" -ge $((mb * 1000000)) ] \
  || python3 benches/gen_corpus.py "$work" --mb "$mb"

# median wall seconds of 3 runs of "$@"
median() {
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1
  done | sort -n | sed -n 2p
}
mbps() { python3 -c "import sys; print(f'{$1/1e6/$2:.1f}')"; }
row() { # label, input, args... (MB/s counts uncompressed bytes)
  local label=$1 input=$2; shift 2
  local size; size=$(stat -c %s "${input%.gz}")
  read -r secs kb < <(median "$bin" "$@" "$input" -o /dev/null -q)
  echo "| $label | $(mbps "$size" "$secs") | $secs | $((kb / 1024)) |"
}

# from_eval SRC FIELD DST: the evaluation records' id, url and FIELD, once.
from_eval() {
  [ -f "$3" ] || python3 -c '
import gzip, json, sys
with gzip.open(sys.argv[1], "rt") as f, open(sys.argv[3], "w") as out:
    for line in f:
        r = json.loads(line)
        out.write(json.dumps({"id": r["id"], "url": r.get("url"), sys.argv[2]: r[sys.argv[2]]}) + "\n")
' "$1" "$2" "$3"
}

{
  echo "# Benchmarks"
  echo
  echo "Measured by \`benches/e2e.sh $mb\` on $(date -u +%Y-%m-%d): $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB,"
  echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'). Inputs built by \`benches/gen_corpus.py\` from the team corpus"
  echo "($mb MB of JSONL each). Figures are uncompressed input MB per second of wall time, median of 3 runs; memory is peak RSS."
  echo "Load average when it started: $load."
  echo
  echo "| workload | MB/s | seconds | peak MB |"
  echo "|---|---|---|---|"
  row "clean, text dumps" "$work/text.jsonl" clean --input-format jsonl
  row "clean, HTML" "$work/html.jsonl" clean --input-format jsonl
  row "extract (all stages), text dumps" "$work/text.jsonl" extract --input-format jsonl
  row "extract (all stages), HTML" "$work/html.jsonl" extract --input-format jsonl
  # Real pages carry far more markup per word of text than the generated
  # ones: the evaluation's web pages, when present, show both sides. The
  # generated inputs also repeat a few hundred distinct sentences, so any
  # per-sentence memo looks better there than on real text: the same pages
  # as plain-text dumps give the real-text rows.
  # (They stay outside the repository: read in place, written to $work.)
  pages=../shared/eval/boilerplate/wcxb_dev_html.jsonl.gz
  dumps=../shared/eval/boilerplate/wcxb_dev_text.jsonl.gz
  if [ -f "$pages" ] && [ -f "$dumps" ]; then
    from_eval "$pages" html "$work/pages.jsonl"
    from_eval "$dumps" text "$work/dumps.jsonl"
    row "extract (all stages), real web pages (the 710 WCXB dev pages)" "$work/pages.jsonl" extract --input-format jsonl
    row "clean, real text dumps (the same pages as text)" "$work/dumps.jsonl" clean --input-format jsonl
    row "extract (all stages), real text dumps" "$work/dumps.jsonl" extract --input-format jsonl
    row "extract --only orgs (no clean), real text dumps" "$work/dumps.jsonl" extract --input-format jsonl --only orgs --no-clean
  fi
  row "extract, text dumps, gzip" "$work/text.jsonl.gz" extract --input-format jsonl
  row "extract --only orgs (no clean)" "$work/text.jsonl" extract --input-format jsonl --only orgs --no-clean
  row "extract --only dates (no clean)" "$work/text.jsonl" extract --input-format jsonl --only dates --no-clean
  row "extract --only quotes (no clean)" "$work/text.jsonl" extract --input-format jsonl --only quotes --no-clean
  row "extract, text dumps, 1 thread" "$work/text.jsonl" extract --input-format jsonl --threads 1
  echo
  # 1- and 2-thread runs alternate, so that a change in the machine's load
  # falls on both sides of a pair rather than on one row.
  ratio=$(for _ in 1 2 3; do
    one=$(/usr/bin/time -f "%e" "$bin" extract --input-format jsonl --threads 1 "$work/text.jsonl" -o /dev/null -q 2>&1 | tail -1)
    two=$(/usr/bin/time -f "%e" "$bin" extract --input-format jsonl --threads 2 "$work/text.jsonl" -o /dev/null -q 2>&1 | tail -1)
    python3 -c "print(f'{$one/$two:.2f}')"
  done | sort -n | sed -n 2p)
  echo "Scaling from 1 to 2 threads (extract, text dumps): ${ratio}x, the median of 3 alternating 1- and 2-thread runs."
  echo
  # The article reaches every stage (an organization, a date, a quote and a
  # partnership trigger), so every lazily built model and regex set is paid.
  article='Acme Corp. signed a partnership agreement with Globex Inc. on Tuesday. \"We are glad to work together,\" said Jane Roe, its chief executive.'
  start=$( { /usr/bin/time -f "%e" sh -c "for i in 1 2 3 4 5 6 7 8 9 10; do echo \"$article\" | $bin extract >/dev/null; done" ; } 2>&1 | tail -1)
  echo "Start-up (models, gazetteers and regex sets of every stage loaded, one short article with an organization, a date, a quote and a partnership): $(python3 -c "print(f'{$start/10*1000:.0f}')") ms per process."
  # The short article triggers only some of the lazily built rules and
  # patterns (52M instructions against 111M for a 2 KB corpus article):
  # a real article's process costs more.
  real=corpus/01-siemens-ibm-talks.txt
  start=$( { /usr/bin/time -f "%e" sh -c "for i in 1 2 3 4 5 6 7 8 9 10; do $bin extract <$real >/dev/null; done" ; } 2>&1 | tail -1)
  echo "Start-up with a real article (\`$real\`, 2 KB): $(python3 -c "print(f'{$start/10*1000:.0f}')") ms per process."
} | python3 benches/section.py main
cat BENCHMARKS.md
