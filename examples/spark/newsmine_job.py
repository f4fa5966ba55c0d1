"""Runs newsmine over a JSONL article dump with Spark and writes Parquet.

Each partition of the input is streamed through `newsmine extract` with
RDD.pipe (the same contract as Hadoop Streaming: JSON lines in, JSON lines
out, one output line per input line, in order). Articles and error records
are split into two Parquet folders.

    spark-submit newsmine_job.py --newsmine /path/to/newsmine \
        INPUT.jsonl[,...] OUT_DIR

On a cluster, ship the binary with `--files /path/to/newsmine` and pass
`--newsmine ./newsmine`; newsmine is one static-ish Linux binary with its
models built in, so nothing else needs installing on the workers.
"""

import argparse
import json
import shlex

from pyspark.sql import SparkSession


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", help="JSONL files or globs, comma-separated")
    parser.add_argument("out", help="output folder (articles/ and errors/ in Parquet)")
    parser.add_argument("--newsmine", default="newsmine", help="path to the newsmine binary")
    parser.add_argument("--partitions", type=int, default=0, help="0 keeps Spark's split")
    args = parser.parse_args()

    spark = SparkSession.builder.appName("newsmine").getOrCreate()
    lines = spark.sparkContext.textFile(args.inputs)
    if args.partitions:
        lines = lines.repartition(args.partitions)
    # Blank lines would become error records; they carry no article.
    lines = lines.filter(lambda line: line.strip())
    command = [args.newsmine, "extract", "--input-format", "jsonl", "--quiet", "--threads", "1"]
    records = lines.pipe(shlex.join(command))

    def is_error(line):
        return "error" in json.loads(line)

    articles = records.filter(lambda line: not is_error(line))
    errors = records.filter(is_error)
    spark.read.json(articles).write.mode("overwrite").parquet(f"{args.out}/articles")
    if not errors.isEmpty():
        spark.read.json(errors).write.mode("overwrite").parquet(f"{args.out}/errors")
    spark.stop()


if __name__ == "__main__":
    main()
