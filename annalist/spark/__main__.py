"""spark-submit entry point: `spark-submit -m annalist.spark INPUT OUTPUT [PARTITIONS]` (or run with python -m)."""

from __future__ import annotations

import json
import sys

from annalist.spark import run_spark


def main(argv: list[str]) -> None:
    if len(argv) not in (2, 3):
        sys.exit("usage: annalist.spark INPUT OUTPUT [PARTITIONS]")
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("annalist").getOrCreate()  # the cluster's own settings
    counts = run_spark(argv[0], argv[1], partitions=int(argv[2]) if len(argv) == 3 else None, spark=spark)
    print(json.dumps(counts))


if __name__ == "__main__":
    main(sys.argv[1:])
