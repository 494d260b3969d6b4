"""Scraped control characters never reach a terminal or a spreadsheet raw: show, search,
quotes, extract --format text, error lines and CSV escape them; JSON escapes them all."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner
from rich.console import Console

from storyline import render
from storyline.cli import main
from storyline.errors import InputError
from storyline.escaping import for_csv, for_terminal, json_text

#: What a terminal would act on: C0 but tab/newline, DEL, C1.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CLEAR = "\x1b[2J"                          # clears the screen
LINK = "\x1b]8;;http://evil.example\x07"   # a hidden hyperlink
CSI8 = "\x9b31m"                           # 8-bit CSI
HOSTILE = f"Ferry{CLEAR} vote{LINK} [blink]now[/blink]\r{CSI8}over"
BODY = ("The council voted on Tuesday to close the old bridge for repairs, the mayor said. "
        f"Residents objected loudly{CLEAR} at the meeting.{LINK}\n\n"
        "Work starts in May and lasts six weeks, the council said in a statement.")


def _no_raw_controls(text: str) -> None:
    found = RAW_CONTROL.findall(text)
    assert not found, f"raw control characters reach the output: {found!r}"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    lines = [{"url": "http://news.example/ferry", "title": HOSTILE, "text": BODY,
              "published": "2024-05-01"},
             {"url": "http://news.example/formula", "title": '=HYPERLINK("http://evil","x")',
              "text": "Council budget approved " + BODY, "published": "2024-05-02"}]
    source = folder / "hostile.jsonl"
    source.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    db = folder / "news.db"
    result = CliRunner().invoke(main, ["ingest", str(source), "--db", str(db), "--no-enrich",
                                       "--quiet"])
    assert result.exit_code == 0, result.output
    return db, source


@pytest.mark.parametrize("args", [
    ["show", "http://news.example/ferry"],
    ["show", "http://news.example/ferry", "--format", "md"],
    ["search", "council"],
    ["stats"],
])
def test_archive_views_escape_control_characters(archive, args):
    db, _ = archive
    result = CliRunner().invoke(main, [*args, "--db", str(db)])
    assert result.exit_code == 0, result.output
    _no_raw_controls(result.output)
    if args[0] in ("show", "search"):
        assert "\\x1b[2J" in result.output  # shown, not swallowed


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_extract_text_output_escapes_control_characters(archive, fmt):
    _, source = archive
    result = CliRunner().invoke(main, ["extract", str(source), "--no-enrich", "--format", fmt])
    assert result.exit_code == 0, result.output
    _no_raw_controls(result.output)
    assert "Ferry\\x1b[2J vote" in result.output


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_output_escapes_every_control_character(archive, fmt):
    _, source = archive
    result = CliRunner().invoke(main, ["extract", str(source), "--no-enrich", "--format", fmt])
    _no_raw_controls(result.output)
    first, _ = json.JSONDecoder().raw_decode(result.output)
    assert first["title"].startswith("Ferry\x1b[2J")  # the data itself is kept intact


def test_csv_export_escapes_controls_and_formulas(archive):
    db, _ = archive
    result = CliRunner().invoke(main, ["export", "--format", "csv", "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    titles = {row["url"]: row["title"] for row in rows}
    assert titles["http://news.example/formula"].startswith("'=HYPERLINK")
    assert titles["http://news.example/ferry"].startswith("Ferry\\x1b[2J vote")
    for row in rows:
        for value in row.values():
            _no_raw_controls(value)
        json.loads(row["entities"])


def test_jsonl_export_keeps_data_but_escapes_controls(archive):
    db, _ = archive
    result = CliRunner().invoke(main, ["export", "--format", "jsonl", "--db", str(db)])
    _no_raw_controls(result.stdout)
    titles = [json.loads(line)["title"] for line in result.stdout.splitlines()]
    assert any(t and "\x1b[2J" in t for t in titles)


def _printed(table) -> str:
    buf = io.StringIO()
    Console(file=buf, force_terminal=False, width=200).print(table)
    return buf.getvalue()


@pytest.mark.parametrize("view", ["quotes", "events", "search", "entity", "stats"])
def test_every_table_and_view_escapes_cells(view):
    row = {"published": "2024-05-01", "speaker": HOSTILE, "kind": "direct", "text": HOSTILE,
           "when": HOSTILE, "where": HOSTILE, "participants": [HOSTILE], "status": "past",
           "id": "abc", "outlet": HOSTILE, "title": HOSTILE, "snippet": HOSTILE}
    if view == "quotes":
        out = _printed(render.quotes_table([row]))
    elif view == "events":
        out = _printed(render.events_table([row]))
    elif view == "search":
        out = _printed(render.search_table(HOSTILE, [row]))
    elif view == "stats":
        out = _printed(render.stats_table({"outlets": [{"name": HOSTILE, "n": 1}], HOSTILE: 2}))
    else:
        out = render.render_entity({"name": HOSTILE, "aliases": [HOSTILE], "articles": [row],
                                    "quotes": [row], "roles": [{"role": HOSTILE, "org": "x"}]})
    _no_raw_controls(out)
    assert "[blink]now[/blink]" in out  # rich markup shown as text, not applied


def test_error_lines_escape_control_characters():
    error = InputError(f"bad title {CLEAR}\nsecond line", source=f"feed.xml#{LINK}")
    line = error.line()
    _no_raw_controls(line)
    assert "\n" not in line and "\\x1b[2J" in line


@pytest.mark.parametrize("text, expected", [
    ("plain text", "plain text"), ("tab\tand\nnewline", "tab\tand\nnewline"),
    ("esc\x1b[0m", "esc\\x1b[0m"), ("cr\rover", "cr\\x0dover"), ("c1\x85", "c1\\x85"),
    ("nul\x00", "nul\\x00"), ("del\x7f", "del\\x7f"), ("Zürich – “ok”", "Zürich – “ok”"),
])
def test_for_terminal(text, expected):
    assert for_terminal(text) == expected


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+44 20", "'+44 20"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
    ("Ferry", "Ferry"), ("a=b", "a=b"), ("\x1b=", "\\x1b="), (42, 42), (None, None),
])
def test_for_csv(value, expected):
    assert for_csv(value) == expected


def test_json_text_stays_the_same_json_value():
    value = {"t": "a\x1b\x7f\x85\u2028z", "n": 1}
    text = json_text(json.dumps(value, ensure_ascii=False))
    _no_raw_controls(text)
    assert json.loads(text) == value
