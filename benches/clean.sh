#!/usr/bin/env bash
# The clean stage alone, for speed work on it: wall and CPU seconds (median
# of 3) of `newsmine clean` on text-dump and HTML JSONL, instructions per
# input byte on a 2 MB slice (callgrind: stable on a busy machine), and, given
# a second binary, whether both write the same bytes.
# Usage: benches/clean.sh [MB per input, default 40] [BASELINE_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-40}
base=${2:-}
work=${BENCH_DIR:-/tmp/newsmine-clean-bench}
bin=target/release/newsmine
cargo build --release -q
mkdir -p "$work"
[ -f "$work/text.jsonl" ] && [ "$(stat -c %s "$work/text.jsonl")" -ge $((mb * 1000000)) ] \
  || python3 benches/gen_corpus.py "$work" --mb "$mb"
# The first records up to 2 MB: the slice callgrind runs on.
[ -f "$work/slice.jsonl" ] || python3 - "$work" <<'EOF'
import sys
work = sys.argv[1]
n = 0
with open(f"{work}/text.jsonl", "rb") as src, open(f"{work}/slice.jsonl", "wb") as out:
    for line in src:
        out.write(line)
        n += len(line)
        if n >= 2_000_000:
            break
EOF

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for input in text html; do
  file="$work/$input.jsonl"
  size=$(stat -c %s "$file")
  read -r wall cpu < <(for _ in 1 2 3; do
    /usr/bin/time -f "%e %U" "$bin" clean --input-format jsonl "$file" -o /dev/null -q 2>&1 | tail -1
  done | sort -n | sed -n 2p)
  python3 -c "print(f'clean {\"$input\":4}: {$size/1e6/$wall:6.1f} MB/s wall ({$wall} s), {$size/1e6/$cpu:6.1f} MB per CPU second')"
  if [ -n "$base" ]; then
    "$bin" clean --input-format jsonl "$file" -o "$work/$input.new.out" -q
    "$base" clean --input-format jsonl "$file" -o "$work/$input.base.out" -q
    cmp -s "$work/$input.new.out" "$work/$input.base.out" && echo "  same bytes as $base" \
      || echo "  OUTPUT DIFFERS from $base"
  fi
done
if command -v valgrind >/dev/null; then
  slice="$work/slice.jsonl"
  for b in "$bin" ${base:+"$base"}; do
    ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$b" clean --input-format jsonl \
      "$slice" -o /dev/null -q --threads 1 2>&1 | sed -n 's/.*refs: *//p' | tr -d ,)
    python3 -c "print(f'$b: {$ir/1e6:.1f}M instructions on the 2 MB slice, {$ir/$(stat -c %s "$slice"):.0f} per byte')"
  done
fi
