"""The web view: pages and their JSON twins, paging, errors, downloads, feeds, calendar,
read-only opening, and a hostile page that must render inert.

The archive is built by tests/webarchive.py from pages written for these tests.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
from fastapi.testclient import TestClient  # noqa: E402

from storyline.errors import ArchiveError  # noqa: E402
from storyline.store import Archive  # noqa: E402
from storyline.web.app import create_app  # noqa: E402
from webarchive import HOSTILE, build_archive  # noqa: E402


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "web.db"
    ids = build_archive(path)
    client = TestClient(create_app(path), raise_server_exceptions=False)
    return client, ids, path


class _TagParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.script_text = ""
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text += data


def _tags(html: str) -> list[tuple[str, dict]]:
    """Every element as the browser's parser sees it: (tag, attributes)."""
    parser = _TagParser()
    parser.feed(html)
    assert parser.script_text.strip() == "", "inline script"
    return parser.tags


def _url(template: str, ids: dict) -> str:
    return template.format(**ids)


PAGES = ["/", "/search?q=talks", "/search?q=talks&person=Ilse+Bakker&language=en",
         "/articles/{port}", "/articles/{hostile}", "/stories", "/stories/{port_story}",
         "/entities/Ilse%20Bakker", "/quotes?speaker=Bakker", "/events?upcoming=true",
         "/events?where=Ghent&kind=vote"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_with_a_csp_that_forbids_inline_script(site, page):
    client, ids, _ = site
    r = client.get(_url(page, ids))
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    tags = _tags(r.text)
    # every <script> element loads a file from this server; no element has a handler
    assert [a for t, a in tags if t == "script"] == [{"src": "/static/app.js", "defer": None}]
    assert not [(t, a) for t, a in tags if any(k.startswith("on") for k in a)]


@pytest.mark.parametrize("page", ["/articles/{hostile}", "/search?q=harbour", "/quotes",
                                  "/events", "/stories/{hostile}", "/entities/Evil%20Quoter",
                                  "/"])
def test_hostile_page_renders_inert(site, page):
    client, ids, _ = site
    html = client.get(_url(page, ids)).text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert not [t for t, _a in _tags(html) if t in ("img", "iframe", "object", "embed")]
    assert 'href="javascript:' not in html.lower()
    assert "\x1b" not in html and "\u202e" not in html and "\x07" not in html
    assert "&lt;script&gt;alert(" in html   # shown as text, escaped


def test_hostile_urls_are_never_links(site):
    client, ids, _ = site
    html = client.get(f"/articles/{ids['hostile']}").text
    assert '<span class="nolink">javascript:alert(document.cookie)</span>' in html
    hrefs = [a.get("href") or "" for t, a in _tags(html) if t == "a"]
    assert hrefs and all(h.startswith(("/", "?", "http://", "https://")) for h in hrefs), hrefs
    # the only non-http resource is the empty inline icon (it stops a /favicon.ico request)
    assert {a["href"] for t, a in _tags(html) if t == "link"} == {"data:,", "/static/app.css"}


@pytest.mark.parametrize("api, call", [
    ("/api/search?q=talks", lambda a: a.search("talks")),
    ("/api/quotes?speaker=Bakker", lambda a: a.quotes(speaker="Bakker", limit=20)),
    ("/api/events?where=Ghent", lambda a: a.events(where="Ghent", limit=20)),
])
def test_api_lists_carry_the_cli_json_with_a_total(site, api, call):
    client, _ids, path = site
    body = client.get(api).json()
    with Archive(path, readonly=True) as archive:
        expected = json.loads(json.dumps(call(archive), default=str))
    assert body["items"] == expected
    assert body["total"] == len(expected) and body["offset"] == 0


@pytest.mark.parametrize("api, call", [
    ("/api/articles/{port}", lambda a, ids: a.get(ids["port"])),
    ("/api/entities/Ilse%20Bakker", lambda a, ids: a.entity("Ilse Bakker")),
    ("/api/stories/{port_story}", lambda a, ids: a.story(ids["port_story"])),
])
def test_api_items_are_the_cli_json(site, api, call):
    client, ids, path = site
    with Archive(path, readonly=True) as archive:
        expected = json.loads(json.dumps(call(archive, ids), default=str))
    assert client.get(_url(api, ids)).json() == expected


def test_search_pages_with_offset_and_total(site):
    client, _ids, _ = site
    first = client.get("/api/search?q=port&limit=1").json()
    assert first["total"] == 2 and len(first["items"]) == 1 and first["next_offset"] == 1
    second = client.get("/api/search?q=port&limit=1&offset=1").json()
    assert second["next_offset"] is None
    assert {first["items"][0]["id"], second["items"][0]["id"]} == \
        {i["id"] for i in client.get("/api/search?q=port").json()["items"]}


@pytest.mark.parametrize("query, expect", [
    ("talks&outlet=Wire+Weekly", {"copy"}),
    ("talks&person=Ilse+Bakker", {"port", "copy"}),
    ("talks&place=NL", {"port", "copy"}),
    ("talks&place=Ghent", set()),
    ("tram&since=2026-11-18&until=2026-11-18", {"tram"}),
    ("tram&language=fr", set()),
])
def test_search_facets_filter_the_hits(site, query, expect):
    client, ids, _ = site
    got = {i["id"] for i in client.get(f"/api/search?q={query}").json()["items"]}
    assert got == {ids[k] for k in expect}


def test_snippet_marks_only_matched_words_and_escapes_the_rest(site):
    client, _ids, _ = site
    html = client.get("/search?q=safe").text
    snippet = re.search(r'<p class="snippet">(.*?)</p>', html, re.S).group(1)
    assert "<mark>safe</mark>" in snippet
    assert "&lt;script&gt;" in snippet and "<script>" not in snippet
    assert client.get("/api/search?q=safe").json()["items"][0]["snippet"].count("[safe]") == 1


@pytest.mark.parametrize("api, parameter", [
    ("/api/search?q=x&limit=0", "limit"),
    ("/api/search?q=x&limit=100000000", "limit"),
    ("/api/quotes?offset=-1", "offset"),
    ("/api/quotes?offset=99999999999999999999999", "offset"),
    ("/api/search?q=x&since=yesterday", "since"),
    ("/api/events?as_of=2026-13-45", "as_of"),
    ("/api/events?upcoming=maybe", "upcoming"),
    ("/api/quotes?format=xml", "format"),
])
def test_bad_parameters_are_400_naming_the_parameter(site, api, parameter):
    client, _ids, _ = site
    r = client.get(api)
    assert r.status_code == 400
    assert r.json()["parameter"] == parameter and r.json()["status"] == 400


@pytest.mark.parametrize("api", ["/api/articles/ffffffffffff", "/api/stories/nope-nope",
                                 "/api/entities/Nobody%20Atall", "/articles/ffffffffffff"])
def test_unknown_ids_are_404(site, api):
    client, _ids, _ = site
    r = client.get(api)
    assert r.status_code == 404
    if api.startswith("/api/"):
        assert r.json()["status"] == 404 and "E301" in r.json()["detail"]


@pytest.mark.parametrize("query", ['"unbalanced', "NOT AND OR", "a:b*", "(((", "x" * 900,
                                   "\x00\x1b[31m", "NEAR(a b)"])
def test_fts_syntax_in_a_query_is_searched_as_words(site, query):
    client, _ids, _ = site
    assert client.get("/api/search", params={"q": query}).status_code == 200
    assert client.get("/search", params={"q": query}).status_code == 200


def test_short_id_prefix_is_a_400_not_a_500(site):
    client, _ids, _ = site
    assert client.get("/api/articles/ab").status_code == 400


@pytest.mark.parametrize("fmt, ctype", [("csv", "text/csv"), ("jsonl", "application/x-ndjson")])
@pytest.mark.parametrize("api", ["/api/search?q=talks", "/api/quotes", "/api/events",
                                 "/api/stories"])
def test_any_list_downloads_as_csv_and_jsonl(site, api, fmt, ctype):
    client, _ids, _ = site
    r = client.get(f"{api}{'&' if '?' in api else '?'}format={fmt}")
    assert r.status_code == 200 and r.headers["content-type"].startswith(ctype)
    assert "attachment" in r.headers["content-disposition"]
    total = client.get(api).json()["total"]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(r.text)))
    else:
        rows = [json.loads(line) for line in r.text.splitlines()]
    assert len(rows) == min(total, 20) and total > 0


def test_csv_defuses_spreadsheet_formulas(site):
    from storyline.web.formats import to_csv

    rows = list(csv.reader(io.StringIO(to_csv([{"a": "=HYPERLINK(\"x\")", "b": "plain",
                                                 "c": ["-1"]}]))))
    assert rows[1] == ["'=HYPERLINK(\"x\")", "plain", '["-1"]']


def test_atom_feed_of_a_search_is_well_formed_and_escaped(site):
    client, ids, _ = site
    r = client.get("/search.atom?q=harbour")
    assert r.headers["content-type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.fromstring(r.content)
    entries = feed.findall("a:entry", ns)
    assert entries and HOSTILE in entries[0].find("a:title", ns).text
    links = [e.get("href") for e in feed.iter("{http://www.w3.org/2005/Atom}link")]
    assert not any(h.lower().startswith("javascript:") for h in links)
    assert "\x1b" not in r.text


def test_calendar_has_all_day_dates_utc_times_and_article_links(site):
    from icalendar import Calendar

    client, ids, _ = site
    r = client.get("/events.ics")
    assert r.headers["content-type"].startswith("text/calendar")
    cal = Calendar.from_ical(r.content)
    events = {str(e["summary"]).split(":")[0]: e for e in cal.walk("VEVENT")}
    talks, works = events["talks"], events["works"]
    assert str(talks.decoded("dtstart")) == "2026-12-01"           # all-day: a date
    assert not hasattr(talks.decoded("dtstart"), "hour")
    start = works.decoded("dtstart")
    assert start.utcoffset().total_seconds() == 0 and start.hour == 14   # timed: UTC
    assert str(talks["url"]).endswith(f"/articles/{ids['port']}")
    assert "\x1b" not in r.text and "\u202e" not in r.text


def test_calendar_filters_like_the_events_page(site):
    client, _ids, _ = site
    from icalendar import Calendar

    cal = Calendar.from_ical(client.get("/events.ics?where=Ghent").content)
    assert {str(e["location"]) for e in cal.walk("VEVENT")} == {"Ghent"}


def test_readonly_archive_never_writes(site, tmp_path):
    _client, _ids, path = site
    from webarchive import tram_article

    with Archive(path, readonly=True) as archive:
        n = len(archive)
        with pytest.raises((ArchiveError, sqlite3.DatabaseError)):
            archive.add(tram_article())
        assert len(archive) == n


def test_readonly_refuses_an_archive_whose_schema_is_not_current(tmp_path):
    from storyline.store.db import connect
    from storyline.store.migrations import MIGRATIONS, migrate

    old = tmp_path / "old.db"
    conn = connect(old)
    migrate(conn, upto=MIGRATIONS[0][0])
    conn.close()
    with pytest.raises(ArchiveError, match="older than this Storyline"):
        Archive(old, readonly=True)
    with pytest.raises(ArchiveError, match="no archive here"):
        Archive(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


def test_serve_listens_on_localhost_by_default():
    from storyline.web.cli import serve

    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"


def test_article_facts_sit_at_their_characters(site):
    client, ids, path = site
    html = client.get(f"/articles/{ids['port']}").text
    spans = dict(re.findall(r'<span class="fact[^"]*" data-facts="([^"]+)"[^>]*>([^<]*)</span>',
                            html))
    assert "Ilse Bakker" in spans.values() and "1 December" in spans.values()
    # clicking "1 December" shows the resolved value
    fid = next(k for k, v in spans.items() if v == "1 December")
    detail = re.search(rf'<div class="fact-detail" id="{fid}" hidden>(.*?)</div>', html, re.S)
    assert "2026-12-01" in detail.group(1)


def test_more_on_this_topic_lists_the_other_outlet(site):
    client, ids, _ = site
    html = client.get(f"/articles/{ids['port']}").text
    related = html.split("More on this topic", 1)[1]
    assert f"/articles/{ids['copy']}" in related


@pytest.mark.parametrize("query, kinds", [
    ("kind=vote", {"vote"}),
    ("where=NL", {"talks"}),
    ("since=2026-11-25&until=2026-11-30", {"works", "reopen"}),
    ("since=2026-12-01", {"talks"}),
    ("upcoming=true&as_of=2026-11-26", {"talks", "reopen"}),
    ("upcoming=true&as_of=2026-11-26&until=2026-11-30", {"reopen"}),
    ("kind=parade", set()),
])
def test_events_filter_by_kind_place_and_dates_with_a_total(site, query, kinds):
    client, _ids, _ = site
    body = client.get(f"/api/events?{query}").json()
    assert {e["kind"] for e in body["items"]} == kinds and body["total"] == len(body["items"])


def test_quotes_page_through_with_totals(site):
    client, _ids, _ = site
    whole = client.get("/api/quotes").json()
    assert whole["total"] == 3
    pages = [client.get(f"/api/quotes?limit=2&offset={o}").json() for o in (0, 2)]
    assert [len(p["items"]) for p in pages] == [2, 1] and pages[0]["next_offset"] == 2
    assert [q["text"] for p in pages for q in p["items"]] == [q["text"] for q in whole["items"]]


def test_serve_refuses_a_missing_archive_in_one_line(tmp_path):
    from click.testing import CliRunner

    from storyline.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no archive here" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "none.db").exists()


def test_pages_render_the_planned_story_keys_when_the_archive_gives_them(site, monkeypatch):
    """Stories with timeline, people, places, quotes; related articles; roles over time:
    rendered when present (issue 6 adds them), as in the tests above when absent."""
    client, ids, _ = site
    plain_story, plain_entity = Archive.story, Archive.entity
    source = {"article_id": ids["copy"], "outlet": "Wire Weekly", "published": "2026-11-20"}

    def story(self, key, **_kw):
        d = plain_story(self, key)
        if d is None:
            return None
        return {**d, "label": f"Talks <b>{d['title']}</b>", "last_seen": "2026-11-21",
                "entities": {"people": [{"name": "Ilse Bakker", "articles": [ids["port"]]}],
                             "organisations": [{"name": "FNV Havens", "articles": 2}],
                             "places": [{"name": "The Hague", "country_code": "NL",
                                         "lat": 52.08, "lon": 4.3, "articles": 2}]},
                "quotes": self.quotes(speaker="Bakker"),
                "timeline": [{"date": "2026-12-01", "kind": "event", "text": "talks",
                              "sentence": "talks in The Hague on 1 December",
                              "where": "The Hague", "status": "scheduled",
                              "sources": [source]}]}

    def entity(self, name):
        d = plain_entity(self, name)
        return d and {**d, "roles_over_time": [
            {"role": "spokesperson", "org": "FNV Havens", "former": False,
             "first": "2026-11-20", "last": "2026-11-21", "articles": [ids["port"]]}],
            "stories": [{"id": ids["port_story"], "label": "Port talks", "articles": 2}]}

    monkeypatch.setattr(Archive, "story", story, raising=True)
    monkeypatch.setattr(Archive, "entity", entity, raising=True)
    monkeypatch.setattr(Archive, "related", lambda self, aid, limit=10: {
        "same_story": [], "other": [{"id": ids["tram"], "title": "Ghent tram", "outlet": "F",
                                     "published": "2026-11-18", "story_id": ids["tram_story"],
                                     "score": 0.4, "reasons": ["same place: NL"]}]},
        raising=False)
    html = client.get(f"/stories/{ids['port_story']}").text
    assert "Talks &lt;b&gt;" in html and "<circle" in html          # escaped label; the map
    timeline = html.split('id="timeline"', 1)[1].split("</section>", 1)[0]
    assert "2026-12-01" in timeline and f"/articles/{ids['copy']}" in timeline
    assert "/entities/FNV%20Havens" in html and "(52.08, 4.3)" in html
    page = client.get("/entities/Ilse%20Bakker").text
    assert "2026-11-20" in page and f"/stories/{ids['port_story']}" in page
    related = client.get(f"/articles/{ids['port']}").text.split("More on this topic", 1)[1]
    assert f"/articles/{ids['tram']}" in related and "same place: NL" in related


def test_story_timeline_counts_from_the_day_given(site):
    client, ids, _ = site
    story_id = client.get("/api/stories").json()["items"][0]["id"]
    before = client.get(f"/api/stories/{story_id}", params={"as_of": "2026-11-20"}).json()
    after = client.get(f"/api/stories/{story_id}", params={"as_of": "2027-01-01"}).json()
    dated = [e for e in before["timeline"] if e["date"].startswith("2026-12")]
    assert dated and {e["status"] for e in dated} == {"scheduled"}
    assert {e["status"] for e in after["timeline"]} == {"past"}
    page = client.get(f"/stories/{story_id}", params={"as_of": "2026-11-20"})
    assert page.status_code == 200 and "scheduled" in page.text
    bad = client.get(f"/api/stories/{story_id}", params={"as_of": "tomorrow"})
    assert bad.status_code == 400 and "as_of" in bad.text
