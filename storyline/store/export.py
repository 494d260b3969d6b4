"""Export the archive as JSON Lines, CSV or Parquet, streaming (constant memory).

- ``jsonl``: one full article per line (``Article.to_dict()`` + ``story_id``).
- ``csv`` and ``parquet``: one row per article with the flat columns in
  :data:`FLAT_COLUMNS`; lists (authors) are joined with ``"; "`` and the
  enrichment arrays are kept as JSON text in ``entities``/``quotes``/... columns.

CSV is read by people and spreadsheets: its text cells go through
:func:`storyline.escaping.for_csv` (control characters shown as ``\\xNN``, a cell
starting with ``= + - @`` prefixed with an apostrophe so it is never a formula). JSON
text (lines, JSON columns) escapes every control character (``\\u001b``).
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import IO

from storyline.errors import ArchiveError
from storyline.facts import FACT_NAMES
from storyline.escaping import for_csv, json_text
from storyline.store.fact_json import RawJSON

FORMATS = ("jsonl", "csv", "parquet")
FLAT_COLUMNS = ("id", "story_id", "title", "subtitle", "published", "language", "outlet", "wire",
                "authors", "url", "canonical_url", "word_count", "text")
JSON_COLUMNS = FACT_NAMES
_BATCH = 500


def _dumps(value) -> str:
    """``json.dumps(value, ensure_ascii=False)``; a :class:`RawJSON` is its text."""
    return value.text if type(value) is RawJSON else json.dumps(value, ensure_ascii=False)


def _line(d: dict) -> str:
    """``json.dumps(d, ensure_ascii=False)`` of an article whose fact lists may be
    :class:`RawJSON` (``Archive.iter_articles(raw_facts=True)``)."""
    parts: list[str] = []
    plain: dict = {}  # the keys since the last RawJSON, dumped together
    for k, v in d.items():
        if type(v) is RawJSON:
            if plain:
                parts.append(json.dumps(plain, ensure_ascii=False)[1:-1])
                plain = {}
            parts.append(f"{json.dumps(k, ensure_ascii=False)}: {v.text}")
        else:
            plain[k] = v
    if plain:
        parts.append(json.dumps(plain, ensure_ascii=False)[1:-1])
    return "{" + ", ".join(parts) + "}"


def _flat(d: dict) -> dict:
    row = {k: d.get(k) for k in FLAT_COLUMNS}
    row["authors"] = "; ".join(d.get("authors") or [])
    for k in JSON_COLUMNS:
        row[k] = json_text(_dumps(d.get(k) or []))
    return row


def export(archive, fmt: str, out: str | Path | IO) -> int:
    """Write every article to ``out`` (a path, or an open file: text for jsonl/csv,
    binary for parquet) in ``fmt``; returns the number of articles written."""
    fmt = (fmt or "").lower().lstrip(".")
    if fmt not in FORMATS:
        raise ArchiveError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return _parquet(archive, out)
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return export(archive, fmt, fh)
    n = 0
    if fmt == "jsonl":
        for d in archive.iter_articles(raw_facts=True):
            out.write(json_text(_line(d)) + "\n")
            n += 1
        return n
    writer = csv.DictWriter(out, fieldnames=list(FLAT_COLUMNS) + list(JSON_COLUMNS))
    writer.writeheader()
    for d in archive.iter_articles(raw_facts=True):
        writer.writerow({k: for_csv(v) for k, v in _flat(d).items()})
        n += 1
    return n


def _parquet(archive, out) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields = [pa.field(k, pa.int64() if k == "word_count" else pa.string())
              for k in list(FLAT_COLUMNS) + list(JSON_COLUMNS)]
    schema = pa.schema(fields)
    sink = str(out) if isinstance(out, (str, Path)) else out
    if isinstance(sink, io.TextIOBase):
        raise ArchiveError("parquet needs a path or a binary file, not a text file")
    n = 0
    with pq.ParquetWriter(sink, schema) as writer:
        batch: list[dict] = []
        for d in archive.iter_articles(raw_facts=True):
            batch.append(_flat(d))
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n
