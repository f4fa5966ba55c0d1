"""Checks that the Spark job wrote the same records as a plain newsmine run.

    python compare.py PLAIN.jsonl SPARK_OUT_DIR

Records are compared field by field after a JSON round trip, keyed by id.
`source` is left out: through a pipe every partition is standard input, so
the file is `-` and line numbers count from the partition's start.
"""

import json
import math
import sys

import pyarrow.parquet as pq


def normalize(value):
    """Parquet has no "absent": missing fields read back as null, floats as float32."""
    if isinstance(value, dict):
        return {k: normalize(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [normalize(v) for v in value]
    if isinstance(value, float):
        return round(value, 5) if math.isfinite(value) else value
    return value


def main():
    plain_path, spark_dir = sys.argv[1], sys.argv[2]
    plain = {}
    with open(plain_path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            record.pop("source", None)
            plain[record["id"]] = normalize(record)
    spark = {}
    for row in pq.read_table(f"{spark_dir}/articles").to_pylist():
        row.pop("source", None)
        spark[row["id"]] = normalize(row)
    if plain.keys() != spark.keys():
        sys.exit(f"different ids: plain only {plain.keys() - spark.keys()}, spark only {spark.keys() - plain.keys()}")
    different = [i for i in plain if plain[i] != spark[i]]
    for i in different[:3]:
        for key in plain[i]:
            if plain[i].get(key) != spark[i].get(key):
                print(f"{i}: {key}: plain {plain[i].get(key)!r:.200} spark {spark[i].get(key)!r:.200}")
    if different:
        sys.exit(f"{len(different)} of {len(plain)} records differ")
    print(f"same {len(plain)} records in the Spark output and the plain run")


if __name__ == "__main__":
    main()
