"""Each fact is stored once (its tables; no `articles.json` copy) and read back exactly:
`get()` after `add()` is the article's `to_dict()` (as JSON gives it back) plus `story_id`,
for the example pages and for facts with every odd value; an archive written the old way
converts to the same dicts; export reads facts a batch at a time, from the JSON text SQLite
writes (store/fact_json.py), each line and CSV cell byte for byte `json.dumps` of what `get()`
gives, and the dicts read that way are the ones `fact_tables.read` builds row by row."""
from __future__ import annotations

import copy
import csv
import json
import sqlite3

import pytest

from storyline.escaping import for_csv, json_text
from storyline.facts import FACT_NAMES
from storyline.ingest import iter_pages
from storyline.model import Article, Image
from storyline.process import process_page
from storyline.store import Archive
from storyline.store import entities as entity_keys
from storyline.store import fact_json, fact_rows, fact_tables, migrations
from storyline.store.db import connect

from conftest import EXAMPLES


def expected(article: Article, story_id: str) -> dict:
    """What `get()` gave before: to_dict() through JSON, plus story_id."""
    d = json.loads(json.dumps(article.to_dict(), ensure_ascii=False))
    d["story_id"] = story_id
    return d


def stored(archive: Archive, aid: str) -> dict:
    d = archive.get(aid)
    del d["copies"], d["also_seen"]
    return d


def assert_same(got: dict, want: dict) -> None:
    assert got == want
    assert list(got) == list(want)  # key order too, fact by fact
    for kind in ("entities", "quotes", "times", "places", "events"):
        if isinstance(want.get(kind), list):
            assert [list(f) if isinstance(f, dict) else f for f in got[kind]] == \
                [list(f) if isinstance(f, dict) else f for f in want[kind]]


@pytest.fixture(scope="module")
def example_articles() -> list[Article]:
    pages = [p for p in iter_pages([str(EXAMPLES)])]
    assert pages and not any(isinstance(p, Exception) for p in pages)
    return [process_page(p) for p in pages]


def test_every_example_page_reads_back_as_it_was_written(example_articles, tmp_path):
    with Archive(tmp_path / "ex.db") as archive:
        for article in copy.deepcopy(example_articles):
            res = archive.add(article)
            assert res.status in ("added", "copy")
            assert_same(stored(archive, res.id), expected(article, res.story_id))
        kinds = {k: sum(len(a.to_dict()[k]) for a in example_articles)
                 for k in ("entities", "quotes", "times", "places", "events")}
        assert all(kinds.values()), kinds  # the examples exercise every kind of fact


TEXT = "Ilse Bakker met Åsa Öberg in Zürich on Monday. \u201cWe agreed,\u201d Bakker said."


def _span(word: str) -> dict:
    s = TEXT.index(word)
    return {"start": s, "end": s + len(word)}


def _entity(eid, name, **kw):
    return {"id": eid, "label": "PERSON", "name": name, **_span(name.split()[-1]),
            "mentions": [{**_span(name.split()[-1]), "text": name.split()[-1]}],
            "roles": [], "aliases": [], **kw}


ODD_FACTS = {
    "usual keys, unicode and floats": dict(
        entities=[_entity("e1", "Ilse Bakker", gender="f",
                          roles=[{"role": "union leader", "org": "Havenbond", "start": 0,
                                  "end": 4}]),
                  _entity("e2", "Åsa Öberg", aliases=["Öberg"], gender=None)],
        places=[{"name": "Zürich", "text": "Zürich", **_span("Zürich"),
                 "mentions": [{**_span("Zürich"), "text": "Zürich"}], "entity_id": None,
                 "entity_ids": [], "country_code": "CH", "admin1": "ZH", "lat": 47.36667,
                 "lon": 8.55, "kind": "city", "geonameid": 2657896, "population": 341730,
                 "score": 1e-300, "how": "city; primary name"}]),
    "None everywhere and empty lists": dict(
        entities=[{"id": None, "label": None, "name": "Bakker", "start": None, "end": None,
                   "mentions": [], "roles": [], "aliases": []}],
        quotes=[{"group": None, "kind": None, "text": None, "start": None, "end": None,
                 "cue": None, "cue_start": None, "cue_end": None, "speaker": None,
                 "speaker_id": None, "speaker_start": None, "speaker_end": None}],
        times=[{"id": None, "text": None, "start": None, "end": None, "type": None,
                "value": None, "mod": None, "anchor": None}],
        events=[{"kind": None, "start": None, "end": None, "participants": None,
                 "mentions": [], "when": None}]),
    "values their columns cannot hold": dict(
        entities=[{"id": 7, "label": "ORG", "name": "  Havenbond ", "start": "0", "end": 4.0,
                   "mentions": [{"start": 0, "end": None, "text": "Ilse"}],
                   "roles": [{"role": "", "org": None, "start": 0, "end": 1}],
                   "aliases": "Haven"}],
        times=[{"id": "t1", "text": "Monday", **_span("Monday"), "type": "DATE",
                "value": 20240304, "mod": True, "anchor": 2 ** 70}],
        places=[{"name": "Zürich", "lat": 47, "lon": float("inf"), "geonameid": "2657896",
                 "score": 3}],
        events=[{"kind": "meeting", "start": 0, "end": 10, "participants": ("Ilse Bakker",),
                 "when": 2024}]),
    "keys missing, reordered or unknown": dict(
        entities=[{"name": "Ilse Bakker", "id": "e1"},
                  {"label": "PERSON", "id": "e2", "name": "Åsa Öberg", "start": 16,
                   "end": 25, "roles": [], "aliases": [], "mentions": [], "note": {"x": [1]}}],
        quotes=[{"text": "We agreed,", "kind": "direct", "speaker": "Bakker",
                 "confidence": 0.75, "extra": None}],
        times=[{"value": "2024-03-04"}],
        places=[{}],
        events=[{"how": "x", "kind": "call", 3: "non-string key"}]),
    "duplicate ids, nameless entities, odd list items": dict(
        entities=[_entity("e1", "Ilse Bakker"), _entity("e1", "Åsa Öberg"),
                  {"id": "e3", "name": "", "label": "ORG", "start": 0, "end": 1,
                   "mentions": [{"start": 0, "end": 1, "text": "I"}], "roles": [],
                   "aliases": []},
                  {"id": "e4", "name": None, "mentions": [], "roles": [], "aliases": []}],
        quotes=[{"kind": "direct", "text": "We agreed,", "speaker_id": "e1"}, 12, None]),
    "facts that are not lists": dict(entities=None, quotes=(), times={"a": 1}),
}


def _odd_article(facts: dict, **kw) -> Article:
    a = Article(text=TEXT, title="Bakker meets Öberg", outlet="Test Herald",
                published="2024-03-04", language="en", url="https://h.example/1",
                authors=["Ana Silva", "Bo Li"], images=[Image("c\u00e9", None, None)],
                provenance={"title": "meta:og:title", "published": "option"})
    for k, v in {**facts, **kw}.items():
        setattr(a, k, v)
    return a


@pytest.mark.parametrize("facts", list(ODD_FACTS.values()), ids=list(ODD_FACTS))
def test_facts_with_odd_values_read_back_exactly(facts, tmp_path):
    article = _odd_article(copy.deepcopy(facts))
    with Archive(tmp_path / "odd.db") as archive:
        res = archive.add(article)
        assert_same(stored(archive, res.id), expected(article, res.story_id))


@pytest.mark.parametrize("meta", [
    dict(authors=[], images=[], provenance={}, copyright=None, page_type=None, source=None),
    dict(authors=None, title=None, subtitle="", copyright="© 2024", page_type="article",
         source="feed.xml#3", wire="Reuters", canonical_url="https://h.example/c"),
    dict(authors=["A; B", ""], provenance={"title": "x", "2": "y"}),
])
def test_article_fields_read_back_exactly(meta, tmp_path):
    article = _odd_article(ODD_FACTS["usual keys, unicode and floats"], **meta)
    with Archive(tmp_path / "meta.db") as archive:
        res = archive.add(article)
        assert_same(stored(archive, res.id), expected(article, res.story_id))


def test_a_usual_article_stores_no_value_twice(tmp_path):
    article = _odd_article(ODD_FACTS["usual keys, unicode and floats"])
    with Archive(tmp_path / "once.db") as archive:
        archive.add(article)
        cols = [r[1] for r in archive.conn.execute("PRAGMA table_info(articles)")]
        assert "json" not in cols
        meta = json.loads(archive.conn.execute("SELECT meta FROM articles").fetchone()[0])
        assert list(meta) == ["images", "provenance"]
        extras = [json.loads(r[0]) for r in archive.conn.execute(
            "SELECT extra FROM article_entities WHERE extra IS NOT NULL")]
        assert extras == [{"gender": "f"}, {"gender": None}]  # keys without a column only
        for table in ("places", "quotes", "times", "events"):
            assert not archive.conn.execute(
                f"SELECT 1 FROM {table} WHERE extra IS NOT NULL").fetchall()


@pytest.mark.parametrize("layout", [fact_rows.ENTITIES, fact_rows.QUOTES, fact_rows.TIMES,
                                    fact_rows.PLACES, fact_rows.EVENTS, fact_rows.MENTIONS])
@pytest.mark.parametrize("change", ["none", "drop first", "swap", "bad type", "new key"])
def test_pack_keeps_extra_for_what_columns_do_not_hold(layout, change):
    value = {"int": 1, "real": 1.5, "list": ["x"], "json": {"x": 1}, "text": "v"}
    held = {k: [] for k in layout.held}
    d = {k: held[k] if k in held else value[layout.columns[layout.index[k]].kind]
         for k in layout.order if k in held or k in layout.index}
    if change == "drop first":
        d.pop(layout.order[0])
    elif change == "swap":
        keys = list(d)
        keys[0], keys[-1] = keys[-1], keys[0]
        d = {k: d[k] for k in keys}
    elif change == "bad type":
        d[layout.columns[0].key] = {"not": "text"}
    elif change == "new key":
        d["new"] = 1
    values, extra = fact_rows.pack(layout, d, held=list(held))
    assert (extra is None) == (change == "none")
    got = fact_rows.unpack(layout, fact_rows.as_read(layout, values), extra, held)
    assert got == d and list(got) == list(d)


# ------------------------------------------------------------------ reading in batches

def test_export_reads_facts_a_batch_at_a_time(example_articles, tmp_path):
    with Archive(tmp_path / "batch.db") as archive:
        for i in range(4):  # 4 x the examples, each text made unique
            for article in copy.deepcopy(example_articles):
                article.text += f" Copy {i}."
                archive.add(article)
        n = len(archive)
        want = [archive.get(aid) for (aid,) in archive.conn.execute(
            "SELECT id FROM articles ORDER BY pk")]
        statements: list[str] = []
        archive.conn.set_trace_callback(statements.append)
        got = list(archive.iter_articles(batch=10))
        archive.conn.set_trace_callback(None)
        for g, w in zip(got, want):
            del w["copies"], w["also_seen"]
        assert got == want and len(got) == n
        batches = -(-n // 10) + 1
        assert len(statements) <= 9 * batches < n * 8


@pytest.mark.parametrize("table", ["article_entities", "mentions", "roles", "quotes", "times",
                                   "places", "events"])
def test_facts_of_a_batch_are_found_through_an_index(tmp_path, table):
    with Archive(tmp_path / "plan.db") as archive:
        plan = " ".join(r[-1] for r in archive.conn.execute(
            f"EXPLAIN QUERY PLAN SELECT * FROM {table} WHERE article_pk IN (1, 2, 3)"))
    assert "USING" in plan and "INDEX" in plan, plan


# ------------------------------------------------------------------ the migration

_NAMES = [name for name, _ in migrations.MIGRATIONS]
PREVIOUS = _NAMES[_NAMES.index("0010_facts_stored_once") - 1]  # the schema just before


def _old_add(conn: sqlite3.Connection, pk: int, article: Article) -> None:
    """Write an article the way Storyline did before 0010 (json column beside the tables)."""
    d = article.to_dict()
    conn.execute("INSERT INTO stories(id, first_seen) VALUES (?, 'now')", (f"s{pk}",))
    conn.execute(
        "INSERT INTO articles(pk, id, story_id, url, canonical_url, title, subtitle, authors, "
        "outlet, wire, published, language, word_count, text, json, added_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'now')",
        (pk, d["id"], f"s{pk}", d["url"], d["canonical_url"], d["title"], d["subtitle"],
         "; ".join(d["authors"]), d["outlet"], d["wire"], d["published"], d["language"],
         d["word_count"], d["text"],
         json.dumps({k: v for k, v in d.items() if k != "text"}, ensure_ascii=False)))
    local: dict = {}
    for ent in article.entities:
        name = (ent.get("name") or "").strip()
        if not name:
            continue
        epk = entity_keys.resolve(conn, name, ent.get("label") or "", ent.get("aliases") or [])
        lid = str(ent.get("id") or f"_{len(local)}")
        local[lid] = epk
        conn.execute('INSERT OR REPLACE INTO article_entities(article_pk, local_id, entity_pk, '
                     'name, start, "end") VALUES (?,?,?,?,?,?)',
                     (pk, lid, epk, name, ent.get("start"), ent.get("end")))
        for m in ent.get("mentions") or ([{"start": ent.get("start"), "end": ent.get("end"),
                                            "text": name}] if ent.get("start") is not None
                                          else []):
            conn.execute('INSERT INTO mentions(article_pk, entity_pk, start, "end", text) '
                         'VALUES (?,?,?,?,?)', (pk, epk, m["start"], m["end"], m.get("text")))
        for r in ent.get("roles") or []:
            conn.execute('INSERT INTO roles(article_pk, entity_pk, role, org, start, "end") '
                         'VALUES (?,?,?,?,?,?)',
                         (pk, epk, r["role"], r.get("org"), r.get("start"), r.get("end")))
    for q in article.quotes:
        conn.execute('INSERT INTO quotes(article_pk, kind, text, start, "end", speaker, '
                     'speaker_entity_pk) VALUES (?,?,?,?,?,?,?)',
                     (pk, q.get("kind") or "direct", q.get("text") or "", q.get("start"),
                      q.get("end"), q.get("speaker"), local.get(str(q.get("speaker_id")))))
    for t in article.times:
        conn.execute('INSERT INTO times(article_pk, local_id, text, start, "end", type, value) '
                     'VALUES (?,?,?,?,?,?,?)', (pk, t.get("id"), t.get("text"), t.get("start"),
                                                t.get("end"), t.get("type"), t.get("value")))
    for p in article.places:
        conn.execute('INSERT INTO places(article_pk, name, start, "end", country_code, lat, '
                     'lon) VALUES (?,?,?,?,?,?,?)', (pk, p.get("name"), p.get("start"),
                                                     p.get("end"), p.get("country_code"),
                                                     p.get("lat"), p.get("lon")))
    for e in article.events:
        conn.execute('INSERT INTO events(article_pk, kind, start, "end", trigger, when_value, '
                     'where_name, participants, status) VALUES (?,?,?,?,?,?,?,?,?)',
                     (pk, e.get("kind"), e.get("start"), e.get("end"), e.get("trigger"),
                      e.get("when"), e.get("where"), json.dumps(e.get("participants") or []),
                      e.get("status")))


def test_an_archive_written_the_old_way_converts_to_the_same_dicts(example_articles,
                                                                    tmp_path):
    articles = copy.deepcopy(example_articles)
    articles.append(_odd_article(ODD_FACTS["keys missing, reordered or unknown"]))
    conn = connect(tmp_path / "old.db")
    migrations.migrate(conn, upto=PREVIOUS)
    for pk, article in enumerate(articles, start=1):
        _old_add(conn, pk, article)
    want = {}
    for pk, aid, sid, raw, text in conn.execute(
            "SELECT pk, id, story_id, json, text FROM articles"):
        d = json.loads(raw)
        d["text"] = text
        d = {k: d[k] for k in Article().to_dict() if k in d}
        d["story_id"] = sid
        want[aid] = d
    counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("entities", "mentions", "roles", "quotes", "times", "places", "events")}
    conn.close()
    with Archive(tmp_path / "old.db") as archive:
        assert "0010_facts_stored_once" in archive.stats()["migrations"]
        for aid, d in want.items():
            assert_same(stored(archive, aid), d)
        assert {t: archive.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in counts} == counts
        assert archive.integrity_ok()
        assert "json" not in [r[1] for r in archive.conn.execute("PRAGMA table_info(articles)")]
        assert archive.quotes(speaker="Bakker")  # the query columns still answer
        assert archive.search("Zürich")
        archive.vacuum()
        assert [d for d in archive.iter_articles()] == list(want.values())


def test_an_archive_from_before_with_bare_rows_keeps_what_get_gave(tmp_path):
    conn = connect(tmp_path / "bare.db")
    migrations.migrate(conn, upto=PREVIOUS)
    conn.execute("INSERT INTO stories(id, first_seen) VALUES ('s1', 'now')")
    conn.execute("INSERT INTO articles(pk, id, story_id, published, text, json, added_at) "
                 "VALUES (1, 'abcdef0123456789', 's1', '2023-08-14', 'Some text.', "
                 "'{\"title\": \"T\", \"later\": [1]}', 'now')")
    conn.close()
    with Archive(tmp_path / "bare.db") as archive:
        got = stored(archive, "abcdef0123456789")
        assert got == {"title": "T", "text": "Some text.", "later": [1], "story_id": "s1"}
        assert list(got) == ["title", "text", "later", "story_id"]
        assert archive.conn.execute("SELECT published FROM articles").fetchone()[0] == \
            "2023-08-14"  # a column the old JSON lacked is left as it was


# ------------------------------------------------------------------ export from SQLite's JSON

ODD = "Bak\"ker \\ \x1b[2J\x00\t\n\u2028\x85\x7f é 😀 'x'"

MORE_FACTS = {
    "control characters, quotes and backslashes": dict(
        entities=[_entity("e1", "Ilse Bakker", gender=ODD, note={"k\"ey": [ODD, 1.5]})],
        quotes=[{"group": 1, "kind": "direct", "text": ODD, "start": 0, "end": 5, "cue": ODD,
                 "cue_start": 0, "cue_end": 1, "speaker": ODD, "speaker_id": "e1",
                 "speaker_start": 0, "speaker_end": 1}],
        times=[{"id": "t1", "text": ODD, "start": 0, "end": 1, "type": "DATE",
                "value": ODD, "mod": None, "anchor": ODD}]),
    "numbers SQLite's JSON has no form for": dict(
        places=[{"name": "Zürich", "text": "Zürich", "start": 0, "end": 6,
                 "mentions": [{"start": 0, "end": 6, "text": "Zürich", "w": float("inf")}],
                 "entity_id": None, "entity_ids": [float("-inf")], "country_code": "CH",
                 "admin1": None, "lat": 0.1, "lon": 1 / 3, "kind": "city", "geonameid": 1,
                 "population": 2 ** 62, "score": 1e-7, "how": None}],
        events=[{"kind": "vote", "start": 0, "end": 4, "participants": ["Ilse Bakker"],
                 "participant_ids": [float("inf")], "mentions": [{"start": 0, "n": 1e300}],
                 "when": "2024-03-04"}]),
}
CASES = {**ODD_FACTS, **MORE_FACTS}


def _pk(archive: Archive, aid: str) -> int:
    return archive.conn.execute("SELECT pk FROM articles WHERE id = ?", (aid,)).fetchone()[0]


@pytest.mark.parametrize("facts", list(CASES.values()), ids=list(CASES))
def test_export_lines_are_the_json_of_what_get_gives(facts, tmp_path):
    with Archive(tmp_path / "x.db") as archive:
        res = archive.add(_odd_article(copy.deepcopy(facts)))
        want = stored(archive, res.id)
        archive.export("jsonl", tmp_path / "x.jsonl")
        archive.export("csv", tmp_path / "x.csv")
    line = (tmp_path / "x.jsonl").read_text(encoding="utf-8")
    assert line == json_text(json.dumps(want, ensure_ascii=False)) + "\n"
    with open(tmp_path / "x.csv", encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    for kind in FACT_NAMES:
        assert row[kind] == for_csv(json_text(json.dumps(want[kind] or [], ensure_ascii=False)))


@pytest.mark.parametrize("facts", list(CASES.values()), ids=list(CASES))
def test_facts_read_as_sqlite_json_are_the_dicts_built_row_by_row(facts, tmp_path):
    with Archive(tmp_path / "x.db") as archive:
        pk = _pk(archive, archive.add(_odd_article(copy.deepcopy(facts))).id)
        rows = fact_tables.read(archive.conn, [pk])
        got = fact_json.read(archive.conn, [pk])
        texts = fact_json.read_texts(archive.conn, [pk])
    assert got == rows
    assert json.dumps(got) == json.dumps(rows)  # key order, and 1 vs 1.0 vs True
    assert {k: v.text for k, v in texts[pk].items()} == {
        k: json.dumps(v, ensure_ascii=False) for k, v in rows[pk].items()}


@pytest.mark.parametrize("extra, ok", [
    ('{"gender": "f"}', True),            # adds a key after the plain ones: text appended
    ('{"gender": null, "x": [1]}', True),
    ('{"name": 7}', False),               # replaces a plain key's value in place
    ('{"mentions": null}', False),        # a held key
    ('[["name", "id"], {}]', False),      # its own key order
])
def test_extra_is_appended_only_when_it_adds_keys(extra, ok):
    assert fact_rows.appends(fact_rows.ENTITIES, extra) is ok


@pytest.mark.parametrize("extra", ['{"gender":"f"}', '{"gender": "\\u00e9"}',
                                   '{"gender": null, "note": 1.50}'])
def test_extra_written_in_another_json_form_is_exported_as_json_dumps_writes_it(extra,
                                                                               tmp_path):
    facts = {"entities": [_entity("e1", "Ilse Bakker", gender="m")],
             "events": [{"kind": "vote", "participants": [], "how": "x"}]}
    with Archive(tmp_path / "x.db") as archive:
        res = archive.add(_odd_article(facts))
        for table in (fact_rows.ENTITIES.table, fact_rows.EVENTS.table):
            archive.conn.execute(f"UPDATE {table} SET extra = ?", (extra,))
        archive.conn.commit()
        want = stored(archive, res.id)
        assert want["entities"][0]["gender"] == json.loads(extra)["gender"]
        archive.export("jsonl", tmp_path / "x.jsonl")
    line = (tmp_path / "x.jsonl").read_text(encoding="utf-8")
    assert line == json_text(json.dumps(want, ensure_ascii=False)) + "\n"


def test_a_batch_without_articles_reads_no_facts(tmp_path):
    with Archive(tmp_path / "x.db") as archive:
        assert fact_json.read(archive.conn, []) == {}
        assert fact_json.read_texts(archive.conn, []) == {}
