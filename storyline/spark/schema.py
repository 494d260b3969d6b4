"""The Parquet tables of the Spark job: their columns, and article dicts cut into rows.

Column names are the article JSON's field names (``Article.to_dict()``, see
docs/schema.md). Every enrichment table has ``article_id``, ``published_date``
(the partition column: the ISO date of ``published``, or ``unknown``) and
``index`` (the item's place in its article's list), then the item's fields.
Nested values (mentions, roles, ...) are JSON text; a field the table does not
declare, or a value that does not fit its column's type, goes to ``extra`` (a
JSON object), so no enrichment detail is lost when a component adds a field.
``articles.article_json`` holds the whole article: ``storyline load`` reads it back.

Example::

    rows = table_rows("quotes", article.to_dict())   # tuples in QUOTES column order
    spark_schema("quotes")                            # the StructType of those tuples
"""
from __future__ import annotations

import json
from typing import Any

from storyline.extract.core import parse_iso
from storyline.rules import spark as rules

S, L, D = "string", "long", "double"
ARR, MAP, JSON = "array<string>", "map<string,string>", "json"

_KEYS = [("article_id", S), ("published_date", S), ("index", L)]

#: table -> [(column, type)], in order. ``json`` columns hold JSON text.
TABLES: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("id", S), ("published_date", S), ("schema_version", S), ("title", S), ("subtitle", S),
        ("published", S), ("language", S), ("outlet", S), ("wire", S), ("copyright", S),
        ("authors", ARR), ("images", JSON), ("url", S), ("canonical_url", S), ("source", S),
        ("word_count", L), ("reading_time_min", L), ("reading_wpm", L), ("text", S),
        ("provenance", MAP), ("article_json", S)],
    "entities": _KEYS + [
        ("id", S), ("label", S), ("name", S), ("start", L), ("end", L), ("mentions", JSON),
        ("roles", JSON), ("aliases", ARR), ("extra", JSON)],
    "quotes": _KEYS + [
        ("group", L), ("kind", S), ("text", S), ("start", L), ("end", L), ("cue", S),
        ("cue_start", L), ("cue_end", L), ("speaker", S), ("speaker_id", S),
        ("speaker_start", L), ("speaker_end", L), ("extra", JSON)],
    "times": _KEYS + [
        ("id", S), ("text", S), ("start", L), ("end", L), ("type", S), ("value", S), ("mod", S),
        ("anchor", S), ("extra", JSON)],
    "places": _KEYS + [
        ("name", S), ("text", S), ("start", L), ("end", L), ("mentions", JSON), ("entity_id", S),
        ("entity_ids", ARR), ("country_code", S), ("admin1", S), ("lat", D), ("lon", D),
        ("kind", S), ("geonameid", L), ("population", L), ("score", D), ("how", S),
        ("extra", JSON)],
    "events": _KEYS + [
        ("kind", S), ("start", L), ("end", L), ("trigger", S), ("trigger_start", L),
        ("trigger_end", L), ("when", S), ("when_text", S), ("time_id", S), ("when_how", S),
        ("where", S), ("country_code", S), ("place_geonameid", L), ("participants", JSON),
        ("participant_ids", JSON), ("status", S), ("mentions", JSON), ("how", S),
        ("extra", JSON)],
    "errors": [("input", S), ("source", S), ("code", S), ("message", S)],
}
ENRICHMENT_TABLES = ("entities", "quotes", "times", "places", "events")
#: Tables written partitioned by ``published_date`` (errors have no date).
PARTITIONED = ("articles",) + ENRICHMENT_TABLES


class _Misfit(Exception):
    pass


def published_date(published: str | None) -> str:
    """The partition value: ``2021-12-07`` from any ISO date-time, else ``unknown``."""
    parsed = parse_iso(published) if published else None
    return parsed.isoformat()[:10] if parsed else rules.UNKNOWN_DATE


def _coerce(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == JSON:
        return json.dumps(value, ensure_ascii=False)
    if kind == S:
        if isinstance(value, (dict, list)):
            raise _Misfit
        return str(value)
    if kind == L:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Misfit
        return value
    if kind == D:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _Misfit
        return float(value)
    if kind == ARR:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _Misfit
        return value
    if kind == MAP:
        if not isinstance(value, dict):
            raise _Misfit
        return {str(k): None if v is None else str(v) for k, v in value.items()}
    raise ValueError(f"unknown column type {kind}")


def to_row(table: str, values: dict) -> tuple:
    """``values`` as a tuple in the table's column order; misfits and unknown keys -> extra."""
    columns = TABLES[table]
    declared = {name for name, _ in columns}
    extra = {k: v for k, v in values.items() if k not in declared}
    row = []
    for name, kind in columns:
        if name == "extra":
            continue
        try:
            row.append(_coerce(values.get(name), kind))
        except _Misfit:
            row.append(None)
            extra[name] = values.get(name)
    if "extra" in declared:
        row.insert([n for n, _ in columns].index("extra"),
                   json.dumps(extra, ensure_ascii=False) if extra else None)
    return tuple(row)


def article_rows(article: dict) -> dict[str, list[tuple]]:
    """Rows of every table for one article dict (``Article.to_dict()``)."""
    date = published_date(article.get("published"))
    top = {k: v for k, v in article.items() if k not in ENRICHMENT_TABLES}
    out = {"articles": [to_row("articles", {**top, "published_date": date,
                                            "article_json": json.dumps(article,
                                                                       ensure_ascii=False)})]}
    for table in ENRICHMENT_TABLES:
        out[table] = [to_row(table, {**item, "article_id": article["id"],
                                     "published_date": date, "index": i})
                      for i, item in enumerate(article.get(table) or [])]
    return out


def error_row(input_path: str, source: str | None, code: str, message: str) -> tuple:
    return to_row("errors", {"input": input_path, "source": source, "code": code,
                             "message": message})


def spark_schema(table: str):
    """The pyspark StructType of a table (pyspark imported here only)."""
    from pyspark.sql import types as T

    simple = {S: T.StringType(), L: T.LongType(), D: T.DoubleType(), JSON: T.StringType(),
              ARR: T.ArrayType(T.StringType()), MAP: T.MapType(T.StringType(), T.StringType())}
    return T.StructType([T.StructField(name, simple[kind], True) for name, kind in TABLES[table]])
