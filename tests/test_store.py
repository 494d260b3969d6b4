"""The archive: add / duplicate / copy, one transaction per article, migrations,
FTS search with escaped user text, entity merging, queries and export.

Every fixture text below was written for these tests.
"""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from storyline.errors import ArchiveError
from storyline.model import Article
from storyline.store import Archive, entity_key, fts_query
from storyline.store import dedup, migrations
from storyline.store.db import connect

REPO = Path(__file__).resolve().parent.parent

# --- fixture texts (written for these tests) -----------------------------------

HARBOUR = (
    "The port authority of Lisbon said on Tuesday that a new container terminal would open "
    "in the spring, doubling the number of ships the harbour can handle each week. "
    "Officials expect the terminal to employ about four hundred people once it runs at full "
    "capacity, most of them hired from the surrounding districts. "
    "The project was delayed twice by disputes over dredging permits and by a shortage of "
    "steel during the pandemic, the authority said in a statement. "
    "Shipping companies have welcomed the expansion, saying congestion at the old quay had "
    "forced vessels to wait at anchor for days. "
    "Environmental groups warned that the dredging could damage sea grass beds near the mouth "
    "of the river and asked for an independent review of the work. "
    "The authority said it had commissioned such a review and would publish it before the "
    "opening ceremony."
)
# The same wire story as carried by another site: new first line, a cut, a tag line.
HARBOUR_COPY = (
    "LISBON (Wire) - " + HARBOUR.replace("most of them hired from the surrounding districts",
                                          "mostly local hires")
    + " Reporting by a staff correspondent; editing by the desk."
)
ORCHARD = (
    "Apple growers in the valley reported their smallest harvest in a decade after a late "
    "frost destroyed blossoms across hundreds of hectares in April. "
    "Several farms said they would apply for emergency support from the regional government, "
    "which has promised a package of grants and cheap loans before the winter. "
    "Cider makers expect prices to rise sharply and some have begun importing fruit from "
    "neighbouring countries to keep their presses running. "
    "Agronomists advise planting later-flowering varieties and installing wind machines that "
    "mix warmer air into the orchards on cold nights."
)
ZEL_1 = ("Ukrainian President Volodymyr Zelenskiy met the Polish prime minister in Warsaw on "
         "Monday. \u201cWe need more air defence,\u201d Zelenskiy said after the meeting. The two "
         "leaders will meet again in Kyiv next month, officials said.")
ZEL_2 = ("Volodymyr Zelensky addressed the parliament in Ottawa on Friday, thanking Canada for "
         "its support. \u201cYour help saves lives every day,\u201d Zelensky told lawmakers. "
         "Justin Trudeau, the prime minister, promised further aid.")
ZEL_3 = ("In a video address late on Sunday, Zelenskyy urged allies to speed up deliveries. "
         "He said the situation in the east remained difficult.")


def art(text: str, **kw) -> Article:
    a = Article(text=text)
    for k, v in kw.items():
        setattr(a, k, v)
    return a


def ent(eid, name, label="PERSON", start=None, aliases=(), roles=(), text=""):
    if start is None:
        start = max(text.find(name), 0)
    return {"id": eid, "label": label, "name": name, "start": start, "end": start + len(name),
            "mentions": [{"start": start, "end": start + len(name), "text": name}],
            "roles": list(roles), "aliases": list(aliases)}


def zel_articles() -> list[Article]:
    a1 = art(ZEL_1, title="Zelenskiy in Warsaw", outlet="Daily A", url="https://a.example/z1",
             published="2024-03-04")
    q1 = ZEL_1.index("\u201cWe")
    a1.entities = [ent("e1", "Volodymyr Zelenskiy", text=ZEL_1, aliases=["Zelenskiy"],
                       roles=[{"role": "President", "org": "Ukraine", "start": 11, "end": 20}]),
                   ent("e2", "Warsaw", "GPE", text=ZEL_1)]
    a1.quotes = [{"kind": "direct", "text": "We need more air defence,", "start": q1 + 1,
                  "end": q1 + 26, "cue": "said", "cue_start": 0, "cue_end": 0,
                  "speaker": "Zelenskiy", "speaker_id": "e1", "speaker_start": 0,
                  "speaker_end": 0}]
    a1.times = [{"id": "t1", "text": "Monday", "start": ZEL_1.index("Monday"),
                 "end": ZEL_1.index("Monday") + 6, "type": "DATE", "value": "2024-03-04",
                 "mod": None}]
    a1.places = [{"name": "Warsaw", "start": ZEL_1.index("Warsaw"),
                  "end": ZEL_1.index("Warsaw") + 6, "entity_id": "e2", "country_code": "PL",
                  "lat": 52.23, "lon": 21.01, "kind": "city", "geonameid": 756135}]
    a1.events = [
        {"kind": "meeting", "start": 0, "end": 10, "trigger": "met", "when": "2024-03-04",
         "when_text": "Monday", "where": "Warsaw", "country_code": "PL",
         "participants": ["Volodymyr Zelenskiy"], "status": "past"},
        {"kind": "meeting", "start": 0, "end": 10, "trigger": "meet", "when": "2024-04",
         "when_text": "next month", "where": "Kyiv", "country_code": "UA",
         "participants": ["Volodymyr Zelenskiy"], "status": "scheduled"}]
    a2 = art(ZEL_2, title="Zelensky in Ottawa", outlet="Daily B", url="https://b.example/z2",
             published="2024-05-10")
    q2 = ZEL_2.index("\u201cYour")
    a2.entities = [ent("e1", "Volodymyr Zelensky", text=ZEL_2, aliases=["Zelensky"]),
                   ent("e2", "Justin Trudeau", text=ZEL_2,
                       roles=[{"role": "prime minister", "org": None, "start": 0, "end": 0}]),
                   ent("e3", "Ottawa", "GPE", text=ZEL_2)]
    a2.quotes = [{"kind": "direct", "text": "Your help saves lives every day,",
                  "start": q2 + 1, "end": q2 + 33, "cue": "told", "cue_start": 0, "cue_end": 0,
                  "speaker": "Zelensky", "speaker_id": "e1", "speaker_start": 0,
                  "speaker_end": 0}]
    a3 = art(ZEL_3, title="Video address", outlet="Daily A", url="https://a.example/z3",
             published="2024-06-02")
    a3.entities = [ent("e1", "Zelenskyy", text=ZEL_3)]
    a3.quotes = [{"kind": "indirect", "text": "the situation in the east remained difficult",
                  "start": ZEL_3.index("the situation"), "end": len(ZEL_3) - 1, "cue": "said",
                  "cue_start": 0, "cue_end": 0, "speaker": "He", "speaker_id": "e1",
                  "speaker_start": 0, "speaker_end": 2}]
    return [a1, a2, a3]


@pytest.fixture
def archive(tmp_path):
    a = Archive(tmp_path / "test.db")
    yield a
    a.close()


@pytest.fixture
def filled(archive):
    archive.add(art(HARBOUR, title="Lisbon harbour terminal to open", outlet="Port News",
                    url="https://portnews.example/lisbon", published="2023-02-14",
                    authors=["Ana Silva"]))
    archive.add(art(HARBOUR_COPY, title="Lisbon terminal", outlet="Wire Daily",
                    url="https://wiredaily.example/x/1", published="2023-02-15"))
    archive.add(art(ORCHARD, title="Frost ruins apple harvest", outlet="Farm Weekly",
                    url="https://farm.example/frost", published="2023-05-02"))
    for a in zel_articles():
        archive.add(a)
    return archive


# --- keys ------------------------------------------------------------------------

@pytest.mark.parametrize("a, b, same", [
    ("https://www.example.com/news/a/?utm_source=x#top", "http://example.com/news/a", True),
    ("https://example.com/a?id=2&fbclid=zz", "https://example.com/a?id=2", True),
    ("https://EXAMPLE.com:443/a", "https://example.com/a", True),
    ("https://example.com/a?id=2", "https://example.com/a?id=3", False),
    ("https://example.com/a", "https://example.com/b", False),
    ("https://example.com/a", "https://example.org/a", False),
])
def test_url_key(a, b, same):
    assert (dedup.url_key(a) == dedup.url_key(b)) is same


@pytest.mark.parametrize("a, b, same", [
    ("Volodymyr Zelenskiy", "Volodymyr Zelensky", True),
    ("Zelenskyy", "Zelenskiy", True),
    ("Zelenski", "Zelensky", True),
    ("Dmitry Peskov", "Dmitriy Peskov", True),
    ("Alexey Navalny", "Aleksei Navalny", True),
    ("José Martínez", "Jose Martinez", True),
    ("Mr. Sean O'Brien", "Sean OBrien", True),
    ("the White House", "White House", True),
    ("Vladimir Putin", "Joe Biden", False),
    ("Li Wei", "Lin Wei", False),
    ("Ana Silva", "Ana Silvan", False),
    ("North Korea", "South Korea", False),
])
def test_entity_key_variants(a, b, same):
    assert (entity_key(a) == entity_key(b)) is same


def test_shingles_and_similarity_rules():
    assert len(dedup.shingles("one two three")) == 1  # shorter than a shingle: one shingle
    assert dedup.shingles("") == set()
    s1, s2, s3 = (dedup.signature(t) for t in (HARBOUR, HARBOUR_COPY, ORCHARD))
    assert dedup.jaccard(s1, s2) >= 0.5
    assert dedup.jaccard(s1, s3) < 0.2


# --- add / duplicate / copy ---------------------------------------------------------

def test_add_then_duplicate_by_text_and_by_url(archive):
    first = archive.add(art(HARBOUR, url="https://portnews.example/lisbon"))
    assert first.status == "added" and first.story_id == first.id
    # same text, another URL (spacing and case differ): exact duplicate
    again = archive.add(art(HARBOUR.upper().replace(" ", "  "), url="https://other.example/z"))
    assert (again.status, again.id) == ("duplicate", first.id)
    # same URL (tracking tag added), edited text: exact duplicate by URL
    edited = archive.add(art(ORCHARD, url="https://www.portnews.example/lisbon/?utm_medium=rss"))
    assert (edited.status, edited.id) == ("duplicate", first.id)
    assert len(archive) == 1
    assert archive.stats()["duplicates_skipped"] == 2
    assert archive.has(art(HARBOUR)) and not archive.has(art(ORCHARD))


@pytest.mark.parametrize("text, status", [
    (HARBOUR_COPY, "copy"),   # syndicated copy with a new dateline and an edit
    (ORCHARD, "added"),       # unrelated story
    (HARBOUR.split(". ")[0] + ". " + ORCHARD, "added"),  # shares one sentence only
])
def test_near_duplicates_are_linked_not_merged(archive, text, status):
    first = archive.add(art(HARBOUR, outlet="Port News", url="https://portnews.example/l"))
    res = archive.add(art(text, outlet="Wire Daily", url="https://wiredaily.example/l"))
    assert res.status == status
    assert len(archive) == 2
    if status == "copy":
        assert res.copy_of == first.id and res.story_id == first.id and res.similarity >= 0.5
        story = archive.story(res.id)
        assert [a["outlet"] for a in story["articles"]] == ["Port News", "Wire Daily"]
        assert archive.get(first.id)["copies"][0]["id"] == res.id
    else:
        # not a copy; the unrelated story starts its own story (a text sharing a sentence may
        # join the first one's story by topic: that is story assignment, not duplication)
        assert res.copy_of is None and res.similarity is None
        if text is ORCHARD:
            assert res.story_id == res.id and archive.story(res.id)["n_articles"] == 1


def test_empty_article_is_refused(archive):
    with pytest.raises(ArchiveError, match="no text"):
        archive.add(art("   "))


def test_add_is_one_transaction(archive, monkeypatch):
    a = zel_articles()[0]

    def boom(pk, article):
        archive.conn.execute("INSERT INTO quotes(article_pk, kind, text) VALUES (?, 'x', 'y')",
                             (pk,))
        raise RuntimeError("power cut")
    monkeypatch.setattr(archive, "_insert_enrichment", boom)
    with pytest.raises(RuntimeError):
        archive.add(a)
    counts = {t: archive.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("articles", "stories", "article_urls", "lsh_bands", "quotes")}
    assert counts == dict.fromkeys(counts, 0)
    assert archive.search("Warsaw") == []
    monkeypatch.undo()
    assert archive.add(a).status == "added"  # and the archive still works


# --- migrations ------------------------------------------------------------------

def test_migrations_recorded_and_old_archive_upgraded(tmp_path):
    path = tmp_path / "old.db"
    conn = connect(path)
    assert migrations.migrate(conn, upto="0001_articles_stories_lsh") == [
        "0001_articles_stories_lsh"]
    conn.close()
    with Archive(path) as a:
        names = [r[0] for r in a.conn.execute("SELECT name FROM migrations ORDER BY rowid")]
        assert names == [n for n, _ in migrations.MIGRATIONS]
        assert all(r[0] for r in a.conn.execute("SELECT applied_at FROM migrations"))
        assert a.add(art(HARBOUR)).status == "added"
        assert a.search("dredging")
        assert a.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert a.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with Archive(path) as a:  # re-opening applies nothing
        assert migrations.migrate(a.conn) == []


def test_archive_from_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.db"
    Archive(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO migrations VALUES ('9999_future', 'now')")
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveError, match="newer Storyline"):
        Archive(path)


def test_default_path_from_env(monkeypatch):
    monkeypatch.setenv("STORYLINE_DB", "/tmp/somewhere/x.db")
    assert Archive.default_path() == Path("/tmp/somewhere/x.db")
    monkeypatch.delenv("STORYLINE_DB")
    assert Archive.default_path() == Path("storyline.db")


# --- get / search ------------------------------------------------------------------

def test_get_by_id_prefix_url(filled):
    hit = filled.search("frost apple")[0]
    full = filled.get(hit["id"])
    assert full["text"] == ORCHARD and full["schema_version"] == "1"
    assert full["copies"] == []
    assert filled.get(hit["id"][:8])["id"] == hit["id"]
    assert filled.get("https://farm.example/frost/")["id"] == hit["id"]
    assert filled.get("0000000000000000") is None
    with pytest.raises(ArchiveError, match="too short"):
        filled.get("ab")
    assert filled.get("") is None


def test_ambiguous_prefix_raises(archive):
    ids = []
    i = 0
    while True:  # make two articles whose ids share the first 4 hex digits
        a = art(f"Article number {i} about nothing in particular.")
        if any(x[:4] == a.id[:4] for x in ids):
            prefix = a.id[:4]
            archive.add(a)
            for t in range(i):
                b = art(f"Article number {t} about nothing in particular.")
                if b.id[:4] == prefix:
                    archive.add(b)
                    break
            break
        ids.append(a.id)
        i += 1
    with pytest.raises(ArchiveError, match="several articles"):
        archive.get(prefix)


@pytest.mark.parametrize("query", [
    'harbour "terminal', 'harbour AND', 'OR harbour', 'NOT', '*', 'harb*', 'title:harbour',
    '"', '""', '(harbour', 'harbour)', "harbour's", 'near(a b)', '^harbour', '-harbour',
    'a + b', "\u201charbour\u201d", "'; DROP TABLE articles; --", "\x00",
])
def test_search_escapes_user_text(filled, query):
    hits = filled.search(query)  # must not raise
    assert isinstance(hits, list)
    assert len(filled) == 6


@pytest.mark.parametrize("query, expect_titles", [
    ("dredging", {"Lisbon harbour terminal to open", "Lisbon terminal"}),
    ('"container terminal"', {"Lisbon harbour terminal to open", "Lisbon terminal"}),
    ('"terminal container"', set()),       # a phrase keeps its word order
    ("Ana Silva", {"Lisbon harbour terminal to open"}),  # authors are searched
    ("Farm Weekly", {"Frost ruins apple harvest"}),       # outlet is searched
    ("frost harbour", set()),               # every word must occur
    ("submarine", set()),
    ("", set()),
])
def test_search_results(filled, query, expect_titles):
    assert {h["title"] for h in filled.search(query)} == expect_titles


def test_search_ranks_title_hits_first_and_marks_snippet(filled):
    hits = filled.search("frost")
    assert hits[0]["title"] == "Frost ruins apple harvest"
    assert "[frost]" in hits[0]["snippet"].lower()
    assert set(hits[0]) >= {"id", "title", "outlet", "published", "url", "rank", "snippet"}


@pytest.mark.parametrize("kw, expect", [
    ({"since": "2023-02-15"}, {"Wire Daily"}),
    ({"until": "2023-02-14"}, {"Port News"}),
    ({"until": "2023-02"}, {"Port News", "Wire Daily"}),
    ({"since": "2024-01-01"}, set()),
    ({"outlet": "port news"}, {"Port News"}),
    ({"outlet": "Farm Weekly"}, set()),
])
def test_search_filters(filled, kw, expect):
    assert {h["outlet"] for h in filled.search("terminal", **kw)} == expect


@pytest.mark.parametrize("column, new, old", [
    ("title", "Hailstorm", "ruins"),
    ("outlet", "Orchard Gazette", "weekly"),
    ("text", "Completely different words now.", "agronomists"),
])
def test_fts_kept_current_by_triggers(filled, column, new, old):
    pk = filled.conn.execute("SELECT pk FROM articles WHERE outlet = 'Farm Weekly'").fetchone()[0]
    filled.conn.execute(f"UPDATE articles SET {column} = ? WHERE pk = ?", (new, pk))
    assert [h["id"] for h in filled.search(new)] == [_id_of(filled, pk)]
    assert filled.search(old) == []
    filled.conn.execute("DELETE FROM articles WHERE pk = ?", (pk,))
    assert filled.search(new) == []


def _id_of(archive, pk):
    return archive.conn.execute("SELECT id FROM articles WHERE pk = ?", (pk,)).fetchone()[0]


def test_fts_query_shape():
    assert fts_query('a "b c" d*') == '"b c" "a" "d"'
    assert fts_query('say "hi') == '"say" "hi"'
    assert fts_query("  *  ") == ""


# --- entities, quotes, events ------------------------------------------------------

def test_entity_merges_transliterations(filled):
    ent_rows = filled.conn.execute(
        "SELECT COUNT(*) FROM entities WHERE kind_group = 'person' AND key LIKE '%zelenski%'"
    ).fetchone()[0]
    assert ent_rows == 1
    for name in ("Zelenskyy", "Volodymyr Zelensky", "zelenskiy", "ZELENSKI"):
        e = filled.entity(name)
        assert e is not None and e["kind"] == "PERSON"
        assert e["n_articles"] == 3
    e = filled.entity("Zelensky")
    assert {"Volodymyr Zelenskiy", "Volodymyr Zelensky", "Zelenskyy"} <= set(e["aliases"])
    assert {"role": "President", "org": "Ukraine", "articles": 1} in e["roles"]
    co = {c["name"]: c["articles"] for c in e["co_occurring"]}
    assert co == {"Warsaw": 1, "Justin Trudeau": 1, "Ottawa": 1}
    assert {q["text"] for q in e["quotes"]} == {
        "We need more air defence,", "Your help saves lives every day,",
        "the situation in the east remained difficult"}


@pytest.mark.parametrize("name", ["Vladimir Putin", "Lisbon", "", "Zelenskaya"])
def test_entity_unknown(filled, name):
    assert filled.entity(name) is None


def test_same_name_different_kind_not_merged(archive):
    a = art("Ford said the plant would close. Ford shares fell.", url="https://x.example/1")
    a.entities = [ent("e1", "Ford", "PERSON", start=0), ent("e2", "Ford", "ORG", start=33)]
    archive.add(a)
    assert archive.conn.execute("SELECT COUNT(*) FROM entities").fetchone()[0] == 2


@pytest.mark.parametrize("kw, expect", [
    ({}, 3),
    ({"speaker": "Zelenskyy"}, 3),
    ({"speaker": "Volodymyr Zelenskiy"}, 3),
    ({"speaker": "Trudeau"}, 0),
    ({"speaker": "Nobody Known"}, 0),
    ({"since": "2024-05-01"}, 2),
    ({"until": "2024-03"}, 1),
    ({"limit": 1}, 1),
])
def test_quotes_filters(filled, kw, expect):
    rows = filled.quotes(**kw)
    assert len(rows) == expect
    for r in rows:
        assert {"text", "speaker", "article_id", "outlet", "published"} <= set(r)


def test_quotes_of_copies_counted_once(archive):
    a1, _, _ = zel_articles()
    archive.add(a1)
    copy = art("WARSAW (Wire) - " + ZEL_1 + " More later.", url="https://c.example/z")
    shift = len("WARSAW (Wire) - ")
    copy.quotes = [dict(q, start=q["start"] + shift, end=q["end"] + shift) for q in a1.quotes]
    assert archive.add(copy).status == "copy"
    assert archive.conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0] == 2
    assert len(archive.quotes()) == 1


@pytest.mark.parametrize("kw, expect", [
    ({}, ["2024-04", "2024-03-04"]),
    ({"upcoming": True}, []),                  # scheduled, but its month is over: not upcoming
    ({"where": "warsaw"}, ["2024-03-04"]),
    ({"where": "UA"}, ["2024-04"]),
    ({"where": "Ottawa"}, []),
])
def test_events(filled, kw, expect):
    assert [e["when"] for e in filled.events(**kw)] == expect


def test_upcoming_event_by_date(archive):
    a = art("The summit will take place in Geneva on 9 January.", url="https://x.example/e")
    a.events = [{"kind": "summit", "start": 4, "end": 10, "trigger": "summit",
                 "when": "2999-01-09", "when_text": "9 January", "where": "Geneva",
                 "country_code": "CH", "participants": [], "status": "past"},
                {"kind": "summit", "start": 4, "end": 10, "trigger": "summit",
                 "when": "1999-01-09", "when_text": "9 January", "where": "Geneva",
                 "country_code": "CH", "participants": [], "status": "past"}]
    archive.add(a)
    assert [e["when"] for e in archive.events(upcoming=True)] == ["2999-01-09"]


# --- stats / export ------------------------------------------------------------------

def test_stats(filled):
    s = filled.stats()
    assert (s["articles"], s["stories"], s["copies"]) == (6, 5, 1)
    assert s["outlets"] == 5
    assert (s["first_published"], s["last_published"]) == ("2023-02-14", "2024-06-02")
    assert s["quotes"] == 3 and s["events"] == 2 and s["places"] == 1 and s["times"] == 1
    assert s["entities"] == 4  # Zelenskiy (3 spellings, one row), Warsaw, Trudeau, Ottawa
    assert s["mentions"] == 6


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_to_path(filled, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    assert filled.export(fmt, out) == 6
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        assert {r["text"] for r in rows} >= {HARBOUR, ORCHARD}
        assert all("story_id" in r and "entities" in r for r in rows)
    elif fmt == "csv":
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
        assert len(rows) == 6 and rows[0]["authors"] == "Ana Silva"
    else:
        import pyarrow.parquet as pq
        table = pq.read_table(out)
        assert table.num_rows == 6 and "story_id" in table.column_names


def test_export_to_file_object_and_bad_format(filled):
    buf = io.StringIO()
    assert filled.export("jsonl", buf) == 6
    assert len(buf.getvalue().splitlines()) == 6
    with pytest.raises(ArchiveError, match="unknown export format"):
        filled.export("xml", io.StringIO())


def test_bad_path_is_a_clear_error(tmp_path):
    with pytest.raises(ArchiveError, match="does not exist"):
        Archive(tmp_path / "no" / "such" / "dir" / "x.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ArchiveError):
        Archive(junk)


# --- crash safety ----------------------------------------------------------------------

CHILD = textwrap.dedent("""
    import sys
    from storyline.model import Article
    from storyline.store import Archive
    a = Archive(sys.argv[1])
    for i in range(int(sys.argv[2])):
        words = " ".join(f"w{i}x{j}" for j in range(60))
        a.add(Article(text=f"Story {i}: {words}.", url=f"https://k.example/{i}"))
        if i == 20:
            print("ready", flush=True)
""")


def test_killed_writer_leaves_consistent_archive_and_resume_completes(tmp_path):
    db = tmp_path / "kill.db"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(db), "100000"],
                            stdout=subprocess.PIPE, env=env)
    assert proc.stdout.readline().strip() == b"ready"
    time.sleep(0.3)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Archive(db) as a:
        assert a.integrity_ok()
        n = len(a)
        assert 20 < n < 100000
        # every stored article has all its rows: urls, bands, FTS
        assert a.conn.execute("SELECT COUNT(*) FROM article_urls").fetchone()[0] == n
        assert a.conn.execute("SELECT COUNT(DISTINCT article_pk) FROM lsh_bands"
                              ).fetchone()[0] == n
        assert a.conn.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts "
                              "MATCH 'story'").fetchone()[0] == n
    target = n + 10
    subprocess.run([sys.executable, "-c", CHILD, str(db), str(target)], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    with Archive(db) as a:
        assert len(a) == target
        assert a.stats()["duplicates_skipped"] == n
        assert a.integrity_ok()


def test_duplicate_at_other_url_is_remembered_not_stored(archive):
    first = archive.add(art(HARBOUR, outlet="Port News", url="https://portnews.example/l"))
    assert not archive.has_url("https://mirror.example/l")
    dup = archive.add(art(HARBOUR, outlet="Mirror", url="https://mirror.example/l"))
    assert dup.status == "duplicate" and len(archive) == 1
    assert archive.has_url("https://mirror.example/l/?utm_source=feed")
    assert archive.get("https://mirror.example/l")["id"] == first.id
    story = archive.story(first.id)
    assert story["outlets"] == ["Mirror", "Port News"]
    assert [s["url"] for s in story["also_seen"]] == ["mirror.example/l"]
    # the same URL again adds no second sighting
    assert archive.add(art(HARBOUR, outlet="Mirror", url="https://mirror.example/l")
                       ).status == "duplicate"
    assert len(archive.story(first.id)["also_seen"]) == 1
    assert not archive.has_url(None) and not archive.has_url("https://nowhere.example/")


@pytest.mark.parametrize("first, second, merged", [
    ("Zelenskyy", "Volodymyr Zelensky", True),     # surname alone first, full name later
    ("Joe Biden", "Biden", True),                   # full name first, surname later
    ("Joe Biden", "Hunter Biden", False),           # same surname, different first name
    ("Biden", "Biden", True),
    ("Boris Johnson", "Johnson", True),
    ("Vladimir Putin", "Joe Biden", False),
])
def test_person_names_across_articles(archive, first, second, merged):
    for i, name in enumerate((first, second)):
        a = art(f"{name} spoke on day {i} about the weather and the harvest.",
                url=f"https://n.example/{i}")
        a.entities = [ent("e1", name, text=a.text)]
        archive.add(a)
    n = archive.conn.execute("SELECT COUNT(*) FROM entities").fetchone()[0]
    assert n == (1 if merged else 2)
    if merged:
        assert archive.entity(first)["n_articles"] == 2


def test_ambiguous_surname_makes_a_new_entity(archive):
    for i, name in enumerate(("Boris Johnson", "Dwayne Johnson", "Johnson")):
        a = art(f"{name} spoke on day {i} about the weather.", url=f"https://j.example/{i}")
        a.entities = [ent("e1", name, text=a.text)]
        archive.add(a)
    assert archive.conn.execute("SELECT COUNT(*) FROM entities").fetchone()[0] == 3


def test_readers_not_blocked_by_a_writer(tmp_path):
    path = tmp_path / "wal.db"
    writer, reader = Archive(path), Archive(path)
    writer.add(art(HARBOUR, url="https://portnews.example/l"))
    writer.conn.execute("BEGIN IMMEDIATE")  # a long write in progress
    writer.conn.execute("UPDATE articles SET title = 'uncommitted'")
    try:
        assert len(reader.search("dredging")) == 1     # WAL: readers go on
        assert reader.search("uncommitted") == []      # and see only committed data
    finally:
        writer.conn.execute("ROLLBACK")
        writer.close()
        reader.close()
