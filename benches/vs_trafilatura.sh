#!/usr/bin/env bash
# newsmine `clean` side by side with trafilatura on the same HTML pages: wall
# time (both on every core; median of 3) and F1 by the eval's scorer (the
# Zyte-benchmark metric), written as the `trafilatura` section of
# BENCHMARKS.md. trafilatura is installed in a throwaway virtualenv.
# Usage: benches/vs_trafilatura.sh [PAGES.jsonl[.gz] [SCORER]]
# Pages: JSONL with id, html and the gold `body`; by default WCXB dev from
# ../shared/eval (evaluation data, never copied into the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-../shared/eval/boilerplate/wcxb_dev_html.jsonl.gz}
scorer=${2:-$(dirname "$pages")/score.py}
work=${BENCH_DIR:-/tmp/newsmine-vs-trafilatura}
mkdir -p "$work"
if ! "$work/venv/bin/python" -c "import trafilatura" 2>/dev/null; then
  python3 -m venv "$work/venv"
  # jusText, which trafilatura imports, needs lxml's HTML cleaner, now its own package.
  "$work/venv/bin/pip" install -q 'trafilatura>=2,<3' lxml_html_clean
fi
version=$("$work/venv/bin/python" -c "import trafilatura; print(trafilatura.__version__)")
cargo build --release -q
# Other work on the machine slows every figure: the section says how busy it was.
load=$(cut -d" " -f1-3 /proc/loadavg)
case "$pages" in
  *.gz) gzip -dc "$pages" >"$work/pages.jsonl" ;;
  *) cp "$pages" "$work/pages.jsonl" ;;
esac
size=$(stat -c %s "$work/pages.jsonl")
count=$(wc -l <"$work/pages.jsonl")

median() { # wall seconds of "$@", median of 3
  for _ in 1 2 3; do
    /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1
  done | sort -n | sed -n 2p
}
f1() { python3 "$scorer" "$pages" "$1" | python3 -c "import json,sys; print(f\"{json.load(sys.stdin)['zyte_f1']:.3f}\")"; }

ours=$(median target/release/newsmine clean --input-format jsonl "$work/pages.jsonl" -o "$work/newsmine.jsonl" -q)
theirs=$(median "$work/venv/bin/python" benches/trafilatura_run.py "$work/pages.jsonl" "$work/trafilatura.jsonl")
mbps() { python3 -c "print(f'{$size/1e6/$1:.1f}')"; }
{
  echo "## \`newsmine clean\` and trafilatura on the same pages"
  echo
  echo "Measured by \`benches/vs_trafilatura.sh\` on $(date -u +%Y-%m-%d): $count HTML pages ($(python3 -c "print(f'{$size/1e6:.0f}')") MB,"
  echo "$(basename "$pages")), $(nproc) cores for both (trafilatura $version, default settings, one process per core)."
  echo "F1 is the Zyte-benchmark F1 of the eval's scorer; time is wall time, median of 3 runs."
  echo "Load average when it started: $load."
  echo
  echo "| tool | F1 | seconds | MB/s |"
  echo "|---|---|---|---|"
  echo "| newsmine clean | $(f1 "$work/newsmine.jsonl") | $ours | $(mbps "$ours") |"
  echo "| trafilatura $version | $(f1 "$work/trafilatura.jsonl") | $theirs | $(mbps "$theirs") |"
  echo
  echo "newsmine is $(python3 -c "print(f'{$theirs/$ours:.1f}')")x faster."
} | python3 benches/section.py trafilatura
cat BENCHMARKS.md
