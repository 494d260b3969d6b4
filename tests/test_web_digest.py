"""The digest (Markdown, mail HTML, JSON, /digest), watches, and `events --format ics`."""
from __future__ import annotations

import datetime as _dt
import json

import pytest
from click.testing import CliRunner

from storyline.cli import main
from storyline.digest import build, parse_since
from storyline.errors import InputError, NotFound
from storyline.store import Archive
from webarchive import build_archive

NOW = _dt.datetime(2026, 11, 21, 12, 0, tzinfo=_dt.timezone.utc)


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "digest.db"
    ids = build_archive(path)
    return path, ids


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


@pytest.mark.parametrize("text, expect", [
    ("12h", NOW - _dt.timedelta(hours=12)), ("30m", NOW - _dt.timedelta(minutes=30)),
    ("2d", NOW - _dt.timedelta(days=2)), ("1w", NOW - _dt.timedelta(weeks=1)),
    ("2026-11-20", _dt.datetime(2026, 11, 20, tzinfo=_dt.timezone.utc)),
])
def test_since_reads_spans_and_dates(text, expect):
    assert parse_since(text, NOW) == expect


@pytest.mark.parametrize("text", ["yesterday", "12", "5y", "", "999999w"])
def test_since_refuses_what_it_cannot_read(text):
    with pytest.raises(InputError):
        parse_since(text, NOW)


def test_digest_shows_stories_grown_by_new_outlets(db):
    path, ids = db
    with Archive(path) as archive:
        d = build(archive, since="1h")
    port = next(s for s in d["stories"] if s["id"] == ids["port_story"])
    assert port["new_outlets"] == ["Harbour Gazette", "Wire Weekly"] and port["n_outlets"] == 2
    assert d["new_articles"] == 4
    assert {q["speaker"] for q in d["quotes"]} >= {"Ilse Bakker", "Pieter Claes"}


def test_nothing_is_new_after_the_last_ingest(db):
    path, _ids = db
    with Archive(path) as archive:
        d = build(archive, since="2999-01-01")
    assert d["new_articles"] == 0 and d["stories"] == [] and d["quotes"] == []


def test_watch_add_list_remove_and_digest_section(db):
    path, ids = db
    assert run("watch", "add", "port", "talks", "--person", "Ilse Bakker", "--db", path)[0] == 0
    code, out = run("watch", "list", "--format", "json", "--db", path)
    assert json.loads(out)[0]["person"] == "Ilse Bakker"
    code, out = run("digest", "--since", "1h", "--format", "json", "--db", path)
    data = json.loads(out)
    (section,) = data["watches"]
    assert {h["id"] for h in section["articles"]} == {ids["port"], ids["copy"]}
    assert {q["speaker"] for q in data["quotes"]} == {"Ilse Bakker"}   # watched people only
    assert run("watch", "remove", "port", "--db", path)[0] == 0
    code, out = run("watch", "remove", "port", "--db", path)
    assert code == 1 and "E301" in out


def test_unknown_watch_is_named(db):
    path, _ids = db
    with Archive(path) as archive, pytest.raises(NotFound, match="nope"):
        build(archive, since="1h", watch_names=["nope"])


@pytest.mark.parametrize("query", ["", "  ", "***"])
def test_watch_without_words_is_refused(db, query):
    path, _ids = db
    code, out = run("watch", "add", "w", query, "--db", path)
    assert code == 1 and "no word" in out


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_digest_escapes_scraped_text(db, fmt):
    path, _ids = db
    code, out = run("digest", "--since", "1h", "--format", fmt, "--db", path)
    assert code == 0
    assert "<script>alert" not in out and "<img src=x" not in out and "\x1b" not in out
    assert "](<javascript" not in out and 'href="javascript' not in out


def test_mail_html_uses_inline_styles_only(db):
    path, _ids = db
    out = run("digest", "--since", "1h", "--format", "html", "--db", path)[1]
    assert 'style="' in out and "<link" not in out and "<script" not in out
    assert "<style" not in out and "class=" not in out


def test_events_format_ics_from_the_cli(db):
    from icalendar import Calendar

    path, _ids = db
    code, out = run("events", "--format", "ics", "--db", path)
    assert code == 0
    cal = Calendar.from_ical(out)
    urls = {str(e.get("url")) for e in cal.walk("VEVENT")}
    assert "https://gazette.example/port" in urls
    assert not any(u.startswith("javascript") for u in urls)


def test_digest_page_and_api(db):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from storyline.web.app import create_app

    path, ids = db
    client = TestClient(create_app(path))
    assert client.get("/api/digest?since=1h").json()["new_articles"] == 4
    html = client.get("/digest?since=1h").text
    assert f"/stories/{ids['port_story']}" in html and "<script>alert" not in html
    assert client.get("/api/digest?since=soon").json()["parameter"] == "since"
