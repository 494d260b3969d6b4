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


def _empty_archive(tmp_path) -> str:
    from storyline.store import Archive

    db = str(tmp_path / "a.db")
    Archive(db).close()
    return db


def test_show_unknown_id_is_a_clean_error(runner, tmp_path):
    db = _empty_archive(tmp_path)
    result = runner.invoke(main, ["show", "deadbeef", "--db", db])
    assert result.exit_code == 1
    assert "deadbeef" in result.stderr and "Traceback" not in result.output


def test_export_parquet_needs_output(runner, tmp_path):
    result = runner.invoke(main, ["export", "--format", "parquet", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2


def test_show_too_short_prefix_says_so(runner, tmp_path):
    result = runner.invoke(main, ["show", "2", "--db", _empty_archive(tmp_path)])
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


@pytest.mark.parametrize("command", [["stats"], ["search", "talks"], ["quotes"], ["events"],
                                     ["show", "abcd1234"], ["entity", "Psaki"],
                                     ["export", "--format", "jsonl"]])
def test_read_commands_never_create_an_archive(runner, tmp_path, command):
    db = tmp_path / "typo.db"
    result = runner.invoke(main, [*command, "--db", str(db)])
    assert result.exit_code == 1
    assert "no archive" in result.stderr and "Traceback" not in result.output
    assert not db.exists()


@pytest.mark.parametrize("args", [
    ["extract", "-", "--published", "2021-13-45"],
    ["extract", "-", "--published", "notadate"],
    ["search", "talks", "--since", "yesterday"],
    ["quotes", "--until", "garbage"],
    ["search", "talks", "--limit", "0"],
    ["extract", "-", "--max-bytes", "0"],
    ["search", "   "],
])
def test_bad_option_values_are_usage_errors(runner, tmp_path, args):
    result = runner.invoke(main, [*args, "--db", _empty_archive(tmp_path)]
                           if args[0] != "extract" else args, input=BODY)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_export_to_a_missing_folder_is_one_line(runner, tmp_path):
    out = tmp_path / "nowhere" / "x.jsonl"
    result = runner.invoke(main, ["export", "-o", str(out), "--db", _empty_archive(tmp_path)])
    assert result.exit_code == 1
    assert [ln for ln in result.stderr.splitlines() if ln.strip()] == [
        f"{out}: [E303] the folder {out.parent} does not exist"]


def test_ingest_does_not_fetch_an_archived_url_again(runner, tmp_path):
    """The URL is checked against the archive before any request: this one would fail."""
    import socket

    from storyline.model import Article
    from storyline.store import Archive

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/story"
    db = str(tmp_path / "a.db")
    with Archive(db) as archive:
        archive.add(Article(text=BODY * 3, url=url))
    result = runner.invoke(main, ["ingest", url, "--db", db, "--quiet", "--retries", "0",
                                  "--timeout", "1"])
    assert result.exit_code == 0, result.output
    assert "E110" not in result.output
