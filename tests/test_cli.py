"""The command line: documented, thin, clean errors, right exit codes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline import clidoc
from storyline.cli import main

REPO = Path(__file__).resolve().parent.parent
BODY = "The council voted on Tuesday to close the bridge, the mayor said."


@pytest.fixture
def runner():
    return CliRunner()


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_cli_docs_are_current():
    assert (REPO / "docs" / "cli.md").read_text(encoding="utf-8") == clidoc.render(), \
        "docs/cli.md is stale: run `python -m storyline.clidoc > docs/cli.md`"


def test_readme_names_every_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in main.commands:
        assert f"storyline {command}" in readme


def test_extract_body_from_stdin_as_json(runner):
    result = runner.invoke(main, ["extract", "-", "--input-format", "body", "--no-enrich",
                                  "--published", "2021-12-31"], input=BODY)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["text"] == BODY
    assert data["published"] == "2021-12-31"


def test_extract_missing_file_is_one_line_and_exit_1(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(tmp_path / "nope.html"), "--no-enrich"])
    assert result.exit_code == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "nope.html" in lines[0]
    assert "Traceback" not in result.output


def test_extract_batch_goes_on_past_a_bad_input(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    result = runner.invoke(main, ["extract", str(empty), str(good), "--input-format", "body",
                                  "--no-enrich", "--format", "jsonl"])
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 1 and out[0]["text"] == BODY
    assert "empty.html" in result.stderr


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_extract_readable_formats(runner, fmt):
    result = runner.invoke(main, ["extract", "-", "--input-format", "body", "--no-enrich",
                                  "--format", fmt], input=BODY)
    assert result.exit_code == 0
    assert "council voted" in result.stdout


def test_show_unknown_id_is_a_clean_error(runner, tmp_path):
    db = str(tmp_path / "a.db")
    result = runner.invoke(main, ["show", "deadbeef", "--db", db])
    assert result.exit_code == 1
    assert "deadbeef" in result.stderr and "Traceback" not in result.output


def test_export_parquet_needs_output(runner, tmp_path):
    result = runner.invoke(main, ["export", "--format", "parquet", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2


def test_show_too_short_prefix_says_so(runner, tmp_path):
    result = runner.invoke(main, ["show", "2", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 1
    assert "too short" in result.stderr and "Traceback" not in result.output


def test_events_as_of_must_be_a_date(runner, tmp_path):
    result = runner.invoke(main, ["events", "--upcoming", "--as-of", "yesterday",
                                  "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2 and "--as-of" in result.output


def test_events_upcoming_as_of_an_old_crawl(runner, tmp_path):
    from storyline.model import Article
    from storyline.store import Archive

    art = Article(text="The council will vote on the plan on 9 January, officials said. " * 5,
                  published="2021-12-31", url="https://example.org/vote")
    art.events = [{"kind": "vote", "start": 0, "end": 20, "trigger": "vote",
                   "when": "2022-01-09", "where": None, "participants": [],
                   "status": "scheduled"}]
    db = str(tmp_path / "a.db")
    with Archive(db) as archive:
        archive.add(art)
    old = runner.invoke(main, ["events", "--upcoming", "--as-of", "2021-12-31", "--db", db,
                               "--format", "json"])
    assert [e["when"] for e in json.loads(old.stdout)] == ["2022-01-09"]
    later = runner.invoke(main, ["events", "--upcoming", "--as-of", "2022-02-01", "--db", db,
                                 "--format", "json"])
    assert json.loads(later.stdout) == []
