"""The PySpark job: WARC files in, Parquet tables out (``storyline spark``).

Driver: expand the inputs, cut local WARCs into splits of whole records
(:mod:`storyline.spark.inputs`), parallelise the splits. Executors, in
``mapPartitions``: stream each split's records with warcio through the same
reader as ``storyline extract`` (``storyline.ingest.warc.iter_warc``), extract
and enrich each page with ``process_page`` (the spaCy model is loaded once per
Python worker, which Spark reuses across tasks), and emit one result per page:
the article's rows, or an error row. The results are persisted once and written
as Parquet tables (articles, entities, quotes, times, places, events, partitioned
by ``published_date``; errors). A bad record, file or model is an ``errors`` row,
never a failed job.

Run it with ``storyline spark`` or with spark-submit::

    spark-submit --master yarn storyline/spark/job.py warc.paths \\
        --prefix https://data.commoncrawl.org --out s3a://bucket/storyline/
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from typing import Iterator

if __package__ in (None, ""):  # run as a file by spark-submit: make the package importable
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(
        __file__)))))

from storyline.errors import StorylineError  # noqa: E402
from storyline.rules import ingest as ingest_rules  # noqa: E402
from storyline.rules import spark as rules  # noqa: E402
from storyline.spark import schema  # noqa: E402
from storyline.spark.inputs import Split, expand_inputs, open_split, plan_splits  # noqa: E402


def _renumber(origin: str, first_record: int) -> str:
    """``path#record-3`` of a split starting at record 101 -> ``path#record-103``."""
    head, sep, number = origin.rpartition("#record-")
    if not sep or not number.isdigit() or first_record == 1:
        return origin
    return f"{head}#record-{int(number) + first_record - 1}"


def process_split(split: Split, *, enrich: bool = True,
                  max_bytes: int = ingest_rules.DEFAULT_MAX_BYTES) -> Iterator[tuple]:
    """Results of one split: ``("article", article_dict_json)`` or ``("error", row)``."""
    from storyline.ingest.warc import iter_warc
    from storyline.process import process_page

    try:
        fh = open_split(split)
    except StorylineError as exc:
        yield "error", schema.error_row(split.path, exc.source, exc.code, exc.message)
        return
    with fh:
        for item in iter_warc(fh, split.path, max_bytes=max_bytes):
            if isinstance(item, StorylineError):
                item.source = _renumber(item.source or split.path, split.first_record)
                yield "error", schema.error_row(split.path, item.source, item.code, item.message)
                continue
            item.origin = _renumber(item.origin, split.first_record)
            try:
                article = process_page(item, enrich_text=enrich)
            except StorylineError as exc:
                yield "error", schema.error_row(split.path, item.origin, exc.code, exc.message)
                continue
            except Exception as exc:  # noqa: BLE001 - one bad page never fails the job
                yield "error", schema.error_row(split.path, item.origin, StorylineError.code,
                                                f"unexpected {type(exc).__name__}: {exc}")
                continue
            yield "article", json.dumps(article.to_dict(), ensure_ascii=False)


def process_partition(splits, enrich: bool, max_bytes: int) -> Iterator[tuple]:
    """mapPartitions body: one :func:`page_row` per page of every split of the partition."""
    for data in splits:
        for kind, payload in process_split(Split(**data), enrich=enrich, max_bytes=max_bytes):
            yield page_row(kind, payload)


def page_row(kind: str, payload) -> tuple:
    """One page as a row of :func:`page_schema`: its article row and every enrichment
    table's rows, or its error row."""
    if kind == "error":
        return (kind, None, *[[] for _ in schema.ENRICHMENT_TABLES], payload)
    rows = schema.article_rows(json.loads(payload))
    return (kind, rows["articles"][0],
            *[rows[t] for t in schema.ENRICHMENT_TABLES], None)


def page_schema():
    """One row per page: kind, the articles row, the enrichment rows, the
    error row. Cached once on the JVM side, then cut into the tables without Python."""
    from pyspark.sql import types as T

    fields = [T.StructField("kind", T.StringType()), T.StructField("articles", schema.spark_schema("articles"))]
    fields += [T.StructField(t, T.ArrayType(schema.spark_schema(t))) for t in
               schema.ENRICHMENT_TABLES]
    fields.append(T.StructField("errors", schema.spark_schema("errors")))
    return T.StructType(fields)


def _output_path(out: str, table: str) -> str:
    return os.path.join(out, table) if "://" not in out else out.rstrip("/") + "/" + table


def run_job(spark, inputs: list[str], out: str, *, prefix: str | None = None,
            enrich: bool = True, max_bytes: int = ingest_rules.DEFAULT_MAX_BYTES,
            split_records: int | None = None) -> dict:
    """Run the job; returns counts (inputs, splits, articles, errors)."""
    from functools import partial

    from pyspark.sql import functions as F

    paths = expand_inputs(inputs, prefix)
    sc = spark.sparkContext
    splits = plan_splits(paths, split_records, cores=sc.defaultParallelism)
    pages = sc.parallelize([asdict(s) for s in splits], numSlices=len(splits)).mapPartitions(
        partial(process_partition, enrich=enrich, max_bytes=max_bytes))
    frame = spark.createDataFrame(pages, page_schema()).cache()
    try:
        kinds = {r["kind"]: r["count"] for r in frame.groupBy("kind").count().collect()}
        for table in schema.TABLES:
            if table == "articles" or table == "errors":
                rows = frame.where(F.col("kind") == table[:-1]).select(f"{table}.*")
            else:
                rows = frame.select(F.explode(table).alias("row")).select("row.*")
            writer = rows.write.mode("overwrite")
            if table in schema.PARTITIONED:
                writer = writer.partitionBy("published_date")
            writer.parquet(_output_path(out, table))
    finally:
        frame.unpersist()
    return {"inputs": len(paths), "splits": len(splits), "articles": kinds.get("article", 0),
            "errors": kinds.get("error", 0)}


def build_session(master: str | None = None, app_name: str = "storyline"):
    """A SparkSession with the job's settings; ``master`` None leaves it to spark-submit."""
    from pyspark.sql import SparkSession

    if master and master.startswith("local"):  # workers run this very Python
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    for key, value in rules.SPARK_CONF.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="storyline.spark.job",
                                description="WARC files in, Storyline Parquet tables out.")
    p.add_argument("inputs", nargs="+", help="WARC files, directories, globs, URLs, warc.paths")
    p.add_argument("--out", required=True, help="Output directory (local, hdfs://, s3a://)")
    p.add_argument("--master", default=None, help="Spark master (default: spark-submit's)")
    p.add_argument("--prefix", default=None,
                   help="Prefix of the paths in a warc.paths list, e.g. https://data.commoncrawl.org")
    p.add_argument("--no-enrich", action="store_true", help="Extract only")
    p.add_argument("--max-bytes", type=int, default=ingest_rules.DEFAULT_MAX_BYTES)
    p.add_argument("--split-records", type=int, default=None,
                   help="Records per task for local WARCs (default: from the core count)")
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``spark-submit storyline/spark/job.py``; prints the counts as JSON."""
    args = parser().parse_args(argv)
    spark = build_session(args.master)
    try:
        counts = run_job(spark, args.inputs, args.out, prefix=args.prefix,
                         enrich=not args.no_enrich, max_bytes=args.max_bytes,
                         split_records=args.split_records)
    except StorylineError as exc:
        print(exc.line(), file=sys.stderr)
        return 1
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
