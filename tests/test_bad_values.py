"""One bad value never aborts a batch or loses an article: the bad field is repaired or
dropped (with a note in provenance), the article is kept.

The pages here are written for these tests; the property-based test mutates them (and the
project's examples) at random.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline import extract_page
from storyline.cli import main
from storyline.errors import StorylineError
from storyline.model import Article
from storyline.process import analyse
from storyline.store import Archive
from storyline.values import NOTE_BAD_URL, NOTE_SURROGATES, clean_value, url_or_none

BAD_URL = "http://[::1"

PAGE = """<html><head><title>Harbour board approves new ferry link</title>
<link rel="canonical" href="{canonical}">
<meta property="og:url" content="{og}">
<meta property="og:image" content="{image}">
<meta property="article:published_time" content="{published}">
</head><body><article><h1>Harbour board approves new ferry link</h1>
<p>The harbour board of Eastport voted on Tuesday to approve a ferry link to the islands,
its chair, Ada Brennan, told reporters after the meeting.</p>
<p>"We have waited long enough," Brennan said. The service will start in March and a second
boat will follow next year, the board said in a statement.</p>
</article></body></html>"""


def _page(canonical="https://eastport.example/ferry", og="https://eastport.example/ferry",
          image="/img/ferry.jpg", published="2026-11-20"):
    return PAGE.format(canonical=canonical, og=og, image=image, published=published)


@pytest.fixture
def runner():
    return CliRunner()


# ------------------------------------------------------------------ lone surrogates

def test_surrogate_in_a_json_line_is_repaired_and_every_line_archived(runner, tmp_path):
    src = tmp_path / "items.jsonl"
    src.write_text('{"url": "https://a.example/1", "title": "Bad \\udc80 title", '
                   '"text": "The mayor said x \\udc80 on Monday that the bridge will reopen."}\n'
                   '{"url": "https://a.example/2", "text": "The second line is read too."}\n')
    db = tmp_path / "news.db"
    result = runner.invoke(main, ["ingest", str(src), "--db", str(db), "--no-enrich", "-q"])
    assert result.exit_code == 0, result.output
    with Archive(db) as archive:
        first = archive.get("https://a.example/1")
        assert archive.get("https://a.example/2") is not None
    assert "\ufffd" in first["text"] and "\ufffd" in first["title"]
    assert first["provenance"]["repairs"] == NOTE_SURROGATES


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text", "md"])
def test_surrogate_never_reaches_the_output(runner, tmp_path, fmt):
    src = tmp_path / "items.jsonl"
    src.write_text('{"url": "https://a.example/1", '
                   '"text": "Text with \\ud800 in it, said the mayor."}\n')
    result = runner.invoke(main, ["extract", str(src), "--no-enrich", "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "\ufffd" in result.output
    result.output.encode("utf-8")  # strict: a lone surrogate would raise here


def test_archive_add_repairs_an_article_built_by_hand(tmp_path):
    art = Article(text="Hand-made \udc80 article text about the harbour.", title="T \ud83d",
                  url="https://a.example/hand")
    with Archive(tmp_path / "a.db") as archive:
        assert archive.add(art).status == "added"
        assert archive.get("https://a.example/hand")["title"] == "T \ufffd"


@pytest.mark.parametrize("value, changed", [
    ("plain", False), ("a \udc80 b", True), (["ok", {"k": "\ud800"}], True), ({"k": ["ok"]}, False),
    ("emoji \U0001F600 is fine", False),
])
def test_clean_value_repairs_only_lone_surrogates(value, changed):
    new, was_changed = clean_value(value)
    assert was_changed is changed
    json.dumps(new, ensure_ascii=False).encode("utf-8")


# ------------------------------------------------------------------ malformed URLs

@pytest.mark.parametrize("field", ["canonical", "og", "image"])
def test_malformed_url_in_the_page_is_dropped_and_the_article_kept(field):
    art = extract_page(_page(**{field: BAD_URL}), url="https://eastport.example/ferry?x=1")
    assert "ferry link" in art.text
    assert BAD_URL not in json.dumps(art.to_dict())


def test_malformed_url_of_the_page_itself_is_dropped_with_a_note():
    art = extract_page(_page(canonical=BAD_URL, og=BAD_URL), url=BAD_URL)
    assert art.url is None and art.canonical_url is None
    assert art.provenance["url"] == NOTE_BAD_URL
    assert "ferry link" in art.text


def test_malformed_url_in_a_json_line_and_a_feed_keeps_the_article(runner, tmp_path):
    (tmp_path / "items.jsonl").write_text(json.dumps(
        {"url": BAD_URL, "text": "A story whose URL is broken, the editor said."}) + "\n")
    (tmp_path / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Eastport</title>'
        f'<link>{BAD_URL}</link><item><title>Ferry</title><link>{BAD_URL}</link>'
        "<description>The ferry link was approved on Tuesday by the harbour board of "
        "Eastport, its chair said.</description></item></channel></rss>")
    db = tmp_path / "news.db"
    result = runner.invoke(main, ["ingest", str(tmp_path / "items.jsonl"),
                                  str(tmp_path / "feed.rss"), "--db", str(db), "--no-enrich",
                                  "-q"])
    assert result.exit_code == 0, result.output
    with Archive(db) as archive:
        assert archive.stats()["articles"] == 2


@pytest.mark.parametrize("value, ok", [
    ("https://a.example/x", True), ("http://[::1]/x", True), ("/relative/path", True),
    (BAD_URL, False), ("https://[bad", False), ("", False), (None, False),
])
def test_url_or_none(value, ok):
    assert (url_or_none(value) is not None) is ok


# ------------------------------------------------------------------ dates at the ends of time

@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "9999-12-31T23:59:59+00:00",
                                       "0001-01-01T00:00:00"])
def test_extreme_publication_dates_drop_a_time_not_the_article(published):
    art = extract_page(_page(published=published), url="https://eastport.example/ferry")
    analyse(art)
    assert art.published.startswith(published[:10])
    assert art.quotes  # the rest of the enrichment is there
    for t in art.times:
        assert art.text[t["start"]:t["end"]] == t["text"]


def test_published_option_at_the_end_of_time_on_a_bundled_example(runner):
    example = Path(__file__).resolve().parent.parent / "examples" / "ghent-tram-vote.txt"
    result = runner.invoke(main, ["extract", str(example), "--published", "9999-12-31",
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["published"] == "9999-12-31"


# ------------------------------------------------------------------ the command line

def _archive_with_one_article(runner, tmp_path) -> Path:
    db = tmp_path / "news.db"
    src = tmp_path / "a.jsonl"
    src.write_text('{"url": "https://a.example/1", "text": "One story about the harbour."}\n')
    assert runner.invoke(main, ["ingest", str(src), "--db", str(db), "--no-enrich",
                                "-q"]).exit_code == 0
    return db


@pytest.mark.parametrize("target", ["news.db", "./news.db"])
def test_export_onto_the_archive_itself_is_refused(runner, tmp_path, monkeypatch, target):
    db = _archive_with_one_article(runner, tmp_path)
    monkeypatch.chdir(tmp_path)
    size = db.stat().st_size
    result = runner.invoke(main, ["export", "-o", target, "--db", str(db)])
    assert result.exit_code == 1
    assert "[E303]" in result.output and "archive itself" in result.output
    assert db.stat().st_size == size
    assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_export_to_another_file_still_works(runner, tmp_path):
    db = _archive_with_one_article(runner, tmp_path)
    out = tmp_path / "out.jsonl"
    assert runner.invoke(main, ["export", "-o", str(out), "--db", str(db)]).exit_code == 0
    assert len(out.read_text().splitlines()) == 1


@pytest.mark.parametrize("args", [
    ["show", BAD_URL], ["show", "https://[bad/x"],
    ["search", "harbour", "--limit", "1e21"], ["search", "harbour", "--limit", str(10**21)],
    ["quotes", "--limit", str(10**21)], ["events", "--limit", str(10**21)],
])
def test_bad_arguments_are_one_clean_line(runner, tmp_path, args):
    db = _archive_with_one_article(runner, tmp_path)
    result = runner.invoke(main, args + ["--db", str(db)])
    assert result.exit_code in (1, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


def test_a_huge_but_valid_limit_works(runner, tmp_path):
    db = _archive_with_one_article(runner, tmp_path)
    result = runner.invoke(main, ["search", "harbour", "--limit", str(2**63 - 1), "--db", str(db),
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)) == 1


# ------------------------------------------------------------------ property-based

SEEDS = [_page(), _page(canonical=BAD_URL),
         *(p.read_text(encoding="utf-8", errors="replace")
           for p in sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.html")))]
#: Characters and fragments that broke the pipeline before (surrogates, URL brackets,
#: extreme years), mixed in with random text.
NASTY = ["\udc80", "\ud800", "http://[::1", "[", "9999-12-31", "0001-01-01", "<", "&#0;",
         "\x00", "on Tuesday", "next year", "in March", "\u202e", "<!--", "<script>"]


@st.composite
def mutated_pages(draw):
    page = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 6))):
        pos = draw(st.integers(0, len(page)))
        piece = draw(st.one_of(st.sampled_from(NASTY), st.text(max_size=12)))
        if draw(st.booleans()):
            page = page[:pos] + piece + page[pos:]
        else:
            page = page[:pos] + piece + page[pos + draw(st.integers(0, 40)):]
    return page


# derandomize: CI runs the same cases every time (a new random case each run would make main
# flaky); benchmarks/fuzz_pages.py explores new ones for minutes at a time.
@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(page=mutated_pages(), url=st.sampled_from([None, "https://a.example/x", BAD_URL]),
       published=st.sampled_from([None, "2026-11-20", "0001-01-01", "9999-12-31"]))
def test_mutated_pages_never_raise_anything_but_a_storyline_error(tmp_path_factory, page, url,
                                                                  published):
    try:
        art = extract_page(page, url=url, published=published)
    except StorylineError:
        return
    json.dumps(art.to_dict(), ensure_ascii=False).encode("utf-8")
    with Archive(tmp_path_factory.mktemp("db") / "a.db") as archive:
        archive.add(art)
