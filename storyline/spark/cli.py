"""``storyline spark`` (the PySpark job) and ``storyline load`` (its output into an archive)."""
from __future__ import annotations

import sys

import click

from storyline.cliutil import DEFAULT_MAX_BYTES, db_option, echo_json, err, open_archive
from storyline.rules import spark as rules


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, help="Output directory of the Parquet tables.")
@click.option("--master", default=rules.DEFAULT_MASTER, show_default=True,
              help="Spark master: local[N], yarn, k8s://..., spark://...")
@click.option("--prefix", default=None,
              help="Prefix of the relative paths of a warc.paths list, e.g. "
                   "https://data.commoncrawl.org or s3a://commoncrawl.")
@click.option("--no-enrich", is_flag=True, help="Skip entities, quotes, times, places and events.")
@click.option("--max-bytes", type=click.IntRange(min=1), envvar="STORYLINE_MAX_BYTES",
              default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse records larger than this.")
@click.option("--split-records", type=click.IntRange(min=1), default=None,
              help="WARC records per Spark task (default: 4 tasks per core, at most 500).")
def spark(inputs, out, master, prefix, no_enrich, max_bytes, split_records):
    """Extract and enrich WARC files with Spark into Parquet tables.

    INPUTS are WARC files, directories, globs, https:// or s3a:// URLs, or a
    CC-NEWS warc.paths list (with --prefix). Writes OUT/articles, entities,
    quotes, times, places, events (partitioned by published_date) and errors
    (records that failed: never a failed job). Prints the counts as JSON. The
    same job runs with spark-submit: see docs/scale.md.

    \b
    Example:
        storyline spark crawl.warc.gz --out out/ --master "local[2]"
        storyline spark warc.paths --prefix https://data.commoncrawl.org --out out/
        storyline load out/ --db news.db
    """
    try:
        import pyspark  # noqa: F401
    except ImportError:
        err("spark: [E100] pyspark is not installed; pip install 'storyline[spark]'")
        sys.exit(1)
    from storyline.spark.job import build_session, run_job

    session = build_session(master)
    try:
        counts = run_job(session, list(inputs), out, prefix=prefix, enrich=not no_enrich,
                         max_bytes=max_bytes, split_records=split_records)
    finally:
        session.stop()
    echo_json(counts)


@click.command()
@click.argument("out", type=click.Path(exists=True, file_okay=False))
@db_option
def load(out, db):
    """Bring the Parquet output of `storyline spark` into an archive.

    Stories are assigned as at ingest (date partitions oldest first, then input
    order); what is already archived is skipped, so an interrupted load resumes.

    \b
    Example:
        storyline load out/ --db news.db
    """
    from storyline.spark.load import count_errors, load_output

    failures: list[str] = []
    with open_archive(db, create=True) as archive:
        counts = load_output(out, archive, report=lambda line: (failures.append(line), err(line)))
    counts["job_errors"] = count_errors(out)
    echo_json(counts)
    sys.exit(1 if counts["failed"] else 0)


COMMANDS = [spark, load]
