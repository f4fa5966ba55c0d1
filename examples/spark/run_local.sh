#!/usr/bin/env bash
# Runs the Spark example in Spark local mode, in a throwaway virtualenv, on
# the team corpus, and checks it writes the same records as a plain run.
# Needs Python 3.9+ and Java 17 (PySpark 4); downloads pyspark from PyPI.
#   examples/spark/run_local.sh [WORK_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
newsmine="$root/target/release/newsmine"

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pyspark pyarrow

# One JSONL dump from the corpus: text dumps, HTML pages and JSONL briefs.
python3 - "$root/corpus" "$work/articles.jsonl" <<'PY'
import json, pathlib, sys
corpus, out = pathlib.Path(sys.argv[1]), open(sys.argv[2], "w", encoding="utf-8")
for path in sorted(corpus.iterdir()):
    if path.suffix == ".jsonl":
        out.writelines(line for line in path.open(encoding="utf-8") if line.strip())
    elif path.suffix in (".txt", ".html"):
        field = "text" if path.suffix == ".txt" else "html"
        out.write(json.dumps({"id": path.stem, field: path.read_text(encoding="utf-8")}) + "\n")
PY

"$newsmine" extract --quiet "$work/articles.jsonl" > "$work/plain.jsonl"
"$work/venv/bin/python" "$here/newsmine_job.py" --newsmine "$newsmine" --partitions 4 \
    "$work/articles.jsonl" "$work/spark-out"
"$work/venv/bin/python" "$here/compare.py" "$work/plain.jsonl" "$work/spark-out"
