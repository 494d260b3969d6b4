"""The Spark job: local[2] over WARCs the tests write; the same articles as `extract`."""
from __future__ import annotations

import json
import socket

import pytest
from click.testing import CliRunner

from storyline.cli import main
from storyline.errors import InputError
from storyline.spark import schema
from storyline.spark.inputs import Split, expand_inputs, plan_splits, record_offsets
from storyline.spark.job import process_split


def read_table(out, table):
    import pyarrow.dataset as ds

    part = "hive" if table in schema.PARTITIONED else None
    return ds.dataset(out / table, format="parquet", partitioning=part).to_table().to_pylist()


def extracted(paths) -> dict[str, dict]:
    result = CliRunner().invoke(main, ["extract", *map(str, paths), "--format", "jsonl"])
    return {d["source"]: d for d in map(json.loads, result.stdout.splitlines())}


def test_the_job_gives_the_same_articles_as_extract(spark_output, news_warcs):
    out, counts = spark_output
    from_spark = {json.loads(r["article_json"])["source"]: json.loads(r["article_json"])
                  for r in read_table(out, "articles")}
    from_extract = extracted([news_warcs["good"], news_warcs["truncated"]])
    assert len(from_extract) == 10 and counts["articles"] == 10
    assert from_spark == from_extract
    assert sum(len(a["quotes"]) for a in from_spark.values()) >= 8  # enriched, not extract-only


def test_failed_records_are_error_rows_not_a_failed_job(spark_output, news_warcs):
    out, counts = spark_output
    errors = read_table(out, "errors")
    assert counts["errors"] == len(errors) == 2
    by_code = {e["code"]: e for e in errors}
    assert by_code["E200"]["source"] == f"{news_warcs['good']}#record-17"   # the empty page (after warcinfo, 7 pairs, its request)
    assert by_code["E100"]["input"] == str(news_warcs["truncated"])
    assert "truncated" in by_code["E100"]["message"]


def test_tables_are_partitioned_by_publication_date(spark_output):
    out, _ = spark_output
    for table in schema.PARTITIONED:
        parts = {p.name for p in (out / table).iterdir() if p.is_dir()}
        assert parts <= {"published_date=2026-11-02", "published_date=2026-11-03",
                         "published_date=unknown"}
    rows = read_table(out, "articles")
    assert {(r["published_date"], (r["published"] or "")[:10]) for r in rows} == {
        ("2026-11-02", "2026-11-02"), ("2026-11-03", "2026-11-03"), ("unknown", "")}


@pytest.mark.parametrize("table", schema.ENRICHMENT_TABLES)
def test_enrichment_rows_give_back_every_field_of_the_article_lists(spark_output, table):
    out, _ = spark_output
    articles = [json.loads(r["article_json"]) for r in read_table(out, "articles")]
    rows = read_table(out, table)
    kinds = dict(schema.TABLES[table])
    assert sum(len(a[table]) for a in articles) == len(rows)
    by_item: dict[tuple, list[dict]] = {}
    for row in rows:
        item = {k: (json.loads(v) if kinds[k] == schema.JSON and v is not None else v)
                for k, v in row.items() if k not in ("article_id", "published_date", "index",
                                                     "extra")}
        item.update(json.loads(row["extra"]) if row["extra"] else {})
        by_item.setdefault((row["article_id"], row["index"]), []).append(item)
    for article in articles:  # an article met twice (two WARCs) has its rows twice
        for index, original in enumerate(article[table]):
            back = by_item[(article["id"], index)].pop()
            assert {k: back.get(k) for k in original} == original
            assert all(v is None for k, v in back.items() if k not in original)
    assert not any(by_item.values())


@pytest.mark.parametrize("values,column,expected", [
    ({"start": 3}, "start", 3),
    ({"start": "3"}, "start", None),                    # a misfit keeps its value in extra
    ({"lat": 51}, "lat", 51.0),
    ({"entity_ids": ["e1", 2]}, "entity_ids", None),
    ({"mentions": [{"start": 0}]}, "mentions", '[{"start": 0}]'),
])
def test_values_fit_their_column_or_go_to_extra(values, column, expected):
    names = [n for n, _ in schema.TABLES["places"]]
    row = dict(zip(names, schema.to_row("places", values)))
    assert row[column] == expected
    extra = json.loads(row["extra"]) if row["extra"] else {}
    assert (column in extra) == (expected is None)


def test_a_new_field_of_a_component_lands_in_extra():
    names = [n for n, _ in schema.TABLES["times"]]
    row = dict(zip(names, schema.to_row("times", {"text": "Monday", "confidence": 0.9})))
    assert row["text"] == "Monday" and json.loads(row["extra"]) == {"confidence": 0.9}


@pytest.mark.parametrize("per_split", [1, 3, 100])
@pytest.mark.parametrize("compressed", [True, False])
def test_splits_hold_whole_records_and_cover_the_file_once(news_warcs, per_split, compressed,
                                                           tmp_path):
    import gzip

    path = news_warcs["good"]
    if not compressed:
        path = tmp_path / "news.warc"
        path.write_bytes(gzip.decompress(news_warcs["good"].read_bytes()))
    offsets = record_offsets(str(path))
    splits = plan_splits([str(path)], per_split)
    assert [s.first_record for s in splits] == list(range(1, len(offsets) + 1, per_split))
    assert splits[0].start == 0
    for a, b in zip(splits, splits[1:]):
        assert a.start + a.length == b.start
    last = splits[-1]
    assert last.start + last.length == path.stat().st_size
    pages = [r for s in splits for r in process_split(s, enrich=False)]
    assert len(pages) == 9 and sum(kind == "article" for kind, _ in pages) == 8


def test_an_uncuttable_warc_is_one_split(news_warcs):
    path = str(news_warcs["truncated"])
    assert plan_splits([path], 2) == [Split(path)]


def test_a_warc_paths_list_gets_its_prefix_and_bad_inputs_are_refused(tmp_path, news_warcs):
    listing = tmp_path / "warc.paths"
    listing.write_text("crawl-data/CC-NEWS/2026/11/a.warc.gz\nhttps://x.test/b.warc.gz\n")
    assert expand_inputs([str(listing)], prefix="https://data.commoncrawl.org/") == [
        "https://data.commoncrawl.org/crawl-data/CC-NEWS/2026/11/a.warc.gz",
        "https://x.test/b.warc.gz"]
    assert expand_inputs([str(news_warcs["good"].parent)]) == sorted(
        str(p) for p in news_warcs["good"].parent.glob("*.warc.gz"))
    for bad in (str(tmp_path / "missing.warc.gz"), str(tmp_path / "*.nothing")):
        with pytest.raises(InputError):
            expand_inputs([bad])


@pytest.mark.parametrize("path", ["http://127.0.0.1:{port}/a.warc.gz", "/no/such/file.warc.gz"])
def test_an_unreadable_input_is_one_error_row(path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    results = list(process_split(Split(path.format(port=port)), enrich=False))
    assert len(results) == 1 and results[0][0] == "error"
    names = [n for n, _ in schema.TABLES["errors"]]
    assert dict(zip(names, results[0][1]))["code"] == "E100"
