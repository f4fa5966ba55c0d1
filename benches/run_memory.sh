#!/usr/bin/env bash
# Time and peak memory of `newsmine run` (the whole job: extraction plus the
# aggregated dataset) as the input grows, written as the `run-memory` section
# of BENCHMARKS.md. Usage: benches/run_memory.sh [MB ...] (default 250 1000 2000)
# Inputs are text-dump JSONL built by benches/gen_corpus.py --text-only, then
# the evaluation's real web pages when they are present.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${*:-250 1000 2000}
work=${BENCH_DIR:-/tmp/newsmine-bench-run}
cargo build --release -q
# Other work on the machine slows every figure: the section says how busy it was.
load=$(cut -d" " -f1-3 /proc/loadavg)
bin=target/release/newsmine
rows=()
# One row: `run` on $2, labelled $1.
measure() {
  local label=$1 input=$2 mb
  mb=$(( $(stat -c %s "$input") / 1000000 ))
  rm -rf "$work/out"
  /usr/bin/time -f "%e %M" "$bin" run "$input" --input-format jsonl --out "$work/out" -q 2>"$work/time.txt"
  read -r secs kb < <(tail -1 "$work/time.txt")
  mentions=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['mentions']) for l in open(sys.argv[1])))" "$work/out/partnerships.jsonl")
  out_mb=$(du -sm "$work/out" | cut -f1)
  rows+=("| $label | $mb | $secs | $(python3 -c "print(f'{$mb/$secs:.1f}')") | $((kb / 1024)) | $mentions | $out_mb |")
  rm -rf "$work/out"
}
for mb in $sizes; do
  input=$work/$mb/text.jsonl
  [ -f "$input" ] || python3 benches/gen_corpus.py "$work/$mb" --mb "$mb" --text-only
  measure "generated text dumps" "$input"
done
# Real web pages: bodies of up to megabytes, of every size, which is what
# tests the allocator. The evaluation's pages stay outside the repository:
# read in place, written to $work, repeated to reach 2 GB.
pages=../shared/eval/boilerplate/wcxb_dev_html.jsonl.gz
if [ -f "$pages" ]; then
  for times in 1 4 14; do
    input=$work/pages-x$times.jsonl
    [ -f "$input" ] || python3 -c '
import gzip, json, sys
with gzip.open(sys.argv[1], "rt") as f:
    lines = [json.dumps({"id": r["id"], "url": r.get("url"), "html": r["html"]}) + "\n"
             for r in map(json.loads, f)]
with open(sys.argv[2], "w") as out:
    for _ in range(int(sys.argv[3])):
        out.writelines(lines)
' "$pages" "$input" "$times"
    measure "real web pages (WCXB dev) x$times" "$input"
    rm -f "$input"
  done
fi
{
  echo "## \`run\` as the input grows"
  echo
  echo "Measured by \`benches/run_memory.sh $sizes\` on $(date -u +%Y-%m-%d): \`newsmine run\` on generated text-dump JSONL and on real web pages"
  echo "(extraction, articles.jsonl, and the aggregated partnerships and organizations). Peak memory is peak RSS."
  echo "Load average when it started: $load."
  echo
  echo "| input | MB | seconds | MB/s | peak MB | partnership mentions | output MB |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | python3 benches/section.py run-memory
cat BENCHMARKS.md
