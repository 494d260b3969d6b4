"""``storyline load``: the Spark job's Parquet output into an archive.

Articles are read back from ``articles.article_json`` (the whole article, as
``storyline extract`` prints it) one date partition at a time, oldest first, and
within a day in input order (WARC path, then record number), then stored with
``Archive.add``: duplicates are skipped and stories assigned exactly as an
ingest of the same pages in that order would. Each article is one transaction,
so an interrupted load is resumed by running it again. Only pyarrow is needed,
not Spark.

Example::

    with Archive("news.db") as archive:
        counts = load_output("out/", archive)     # {"added": 12, "copy": 3, ...}
"""
from __future__ import annotations

import json
import os
from typing import Callable, Iterator

from storyline.errors import InputError, StorylineError
from storyline.model import Article
from storyline.rules import spark as rules


def _order(source: str | None) -> tuple[str, int]:
    head, sep, number = (source or "").rpartition("#record-")
    if sep and number.isdigit():
        return head, int(number)
    return source or "", 0


def iter_output(out: str) -> Iterator[dict]:
    """Article dicts of a job's output, by date partition, then input order."""
    import pyarrow.dataset as ds

    path = os.path.join(out, "articles")
    if not os.path.isdir(path):
        raise InputError("no articles table here; is it the --out of `storyline spark`?",
                         source=out)
    dataset = ds.dataset(path, format="parquet", partitioning="hive")
    dates = sorted({str(v) for v in dataset.to_table(columns=["published_date"])
                    .column("published_date").to_pylist()},
                   key=lambda d: (d == rules.UNKNOWN_DATE, d))
    for day in dates:
        table = dataset.to_table(columns=["source", "article_json"],
                                 filter=ds.field("published_date") == day)
        rows = sorted(zip(table.column("source").to_pylist(),
                          table.column("article_json").to_pylist()),
                      key=lambda r: _order(r[0]))
        for _, data in rows:
            yield json.loads(data)


def count_errors(out: str) -> int:
    """Rows of the job's errors table (0 if it has none)."""
    import pyarrow.dataset as ds

    path = os.path.join(out, "errors")
    if not os.path.isdir(path):
        return 0
    return ds.dataset(path, format="parquet").count_rows()


def load_output(out: str, archive, *, report: Callable[[str], None] = lambda line: None) -> dict:
    """Store every article of a job's output; returns counts like ``ingest``'s summary."""
    counts = {"added": 0, "duplicate": 0, "copy": 0, "failed": 0}
    for data in iter_output(out):
        article = Article.from_dict(data)
        if archive.has(article):
            counts["duplicate"] += 1
            continue
        try:
            counts[archive.add(article).status] += 1
        except StorylineError as exc:
            exc.source = exc.source or article.source
            counts["failed"] += 1
            report(exc.line())
    return counts
