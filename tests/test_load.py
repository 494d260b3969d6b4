"""storyline load: the Spark job's Parquet output into an archive, as an ingest would."""
from __future__ import annotations

import json

from click.testing import CliRunner

from storyline.cli import main
from storyline.store import Archive


def archive_rows(db):
    with Archive(db) as archive:
        assert archive.integrity_ok()
        return sorted(tuple(r) for r in archive.conn.execute(
            "SELECT id, story_id, url, source FROM articles"))


def test_load_gives_the_archive_an_ingest_of_the_same_warcs_gives(spark_output, news_warcs,
                                                                   tmp_path):
    out, job = spark_output
    ingested, loaded = tmp_path / "ingest.db", tmp_path / "load.db"
    CliRunner().invoke(main, ["ingest", str(news_warcs["good"]), str(news_warcs["truncated"]),
                              "--db", str(ingested), "--quiet"])
    result = CliRunner().invoke(main, ["load", str(out), "--db", str(loaded)])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    rows = archive_rows(loaded)
    assert rows == archive_rows(ingested)
    assert counts["added"] + counts["copy"] == len(rows) and counts["duplicate"] == job["articles"] - len(rows)
    assert counts["duplicate"] == 2  # the cut WARC's two pages are also in the whole one
    assert counts["copy"] >= 1 and counts["job_errors"] == 2  # near-copies joined one story
    with Archive(loaded) as archive:
        hit = archive.search("union leader", limit=50)
    assert len(hit) == len(rows)


def test_loading_twice_adds_nothing(spark_output, tmp_path):
    out, _ = spark_output
    db = tmp_path / "a.db"
    first = json.loads(CliRunner().invoke(main, ["load", str(out), "--db", str(db)]).stdout)
    again = json.loads(CliRunner().invoke(main, ["load", str(out), "--db", str(db)]).stdout)
    assert again["added"] == again["copy"] == 0
    assert again["duplicate"] == first["added"] + first["copy"] + first["duplicate"]


def test_a_folder_that_is_not_job_output_is_one_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["load", str(tmp_path), "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 1
    assert "[E100] no articles table here" in result.stderr
