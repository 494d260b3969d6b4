"""The indexes behind the lists: folded-name suffixes (quotes by speaker, events and search by
place), events' stored periods (upcoming, date ranges), stories' stored outlet counts. Each
indexed answer must equal the rule it replaces, on new archives and on archives upgraded from
before the index.

Every fixture text below was written for these tests.
"""
from __future__ import annotations

import pytest

from storyline.model import Article
from storyline.store import Archive
from storyline.store.entities import name_matches
from storyline.store.event_periods import period
from storyline.store.names import index_names, name_query, suffixes

NAMES = ["Tomás Ó Briain", "Seán O'Neill", "Zürich", "L'Aquila", "The Hague", "São Paulo",
         "Anna-Lena Berg", "Ōsaka", "O Neill", "Tom", "Thomas Mann", "  ", "Ana Costa"]


@pytest.mark.parametrize("name, expect", [
    ("Tomás Ó Briain", ["tomas o briain", "o briain", "briain"]),
    ("Seán O'Neill", ["sean oneill", "oneill"]),
    ("Anna-Lena Berg", ["anna lena berg", "lena berg", "berg"]),
    ("Zürich", ["zurich"]), ("  ", []), ("", []), (None, []),
])
def test_suffixes_start_at_every_word(name, expect):
    assert suffixes(name) == expect


@pytest.fixture
def name_conn(tmp_path):
    archive = Archive(tmp_path / "names.db")
    index_names(archive.conn, NAMES)
    yield archive.conn
    archive.close()


@pytest.mark.parametrize("query", [
    "Tomas", "tomás", "O Briain", "ó bri", "Tomas O", "briain", "omas", "Briainx",
    "Tomas Briain", "oneill", "O'Neill", "o neill", "O", "Zur", "zürich", "rich", "Hague",
    "the hague", "he hague", "Sao Paulo", "paulo", "lena", "Anna Lena", "annalena", "osaka",
    "Tom", "thom", "", "  ", "'", "Ana", "an",
])
def test_the_index_matches_exactly_what_name_matches_does(name_conn, query):
    sql, params = name_query(query)
    got = {r[0] for r in name_conn.execute(sql, params)}
    assert got == {n for n in NAMES if name_matches(query, n)}


def test_the_index_never_matches_inside_a_word(name_conn):
    sql, params = name_query("omas")
    assert {r[0] for r in name_conn.execute(sql, params)} == set()


@pytest.mark.parametrize("value, expect", [
    ("2025-03-03", ("2025-03-03", "2025-03-03", None)),
    ("2025-03-03T10:00", ("2025-03-03", "2025-03-03", None)),
    ("2025-02", ("2025-02-01", "2025-02-28", None)),
    ("2025-W06", ("2025-02-03", "2025-02-09", None)),
    ("2025-W06-WE", ("2025-02-08", "2025-02-09", None)),
    ("2024-Q4", ("2024-10-01", "2024-12-31", None)),
    ("2025", ("2025-01-01", "2025-12-31", None)),
    ("FUTURE_REF", (None, None, "future")), ("PAST_REF", (None, None, "past")),
    ("PRESENT_REF", (None, None, "now")), ("XXXX-03", (None, None, None)),
    ("2025-13", (None, None, None)), (None, (None, None, None)),
])
def test_an_event_period_is_its_timex_range(value, expect):
    assert period(value) == expect


TEXT = ("Port workers in Rotterdam will vote on the offer, the union said, and talks in "
        "Zürich follow. “We will not sign this,” said Tomás Ó Briain of the union.")


def _article(i: int, outlet: str, when: str | None, place: str, speaker: str) -> Article:
    said = f"Offer number {i} is not enough,"
    text = f"{TEXT} “{said}” said {speaker}."
    art = Article(text=text, url=f"https://n{i}.example/vote", outlet=outlet,
                  published=f"2025-02-0{1 + i % 8}", title="Rotterdam port workers vote")
    q0, s0 = text.index(said), text.rindex(speaker)
    art.quotes = [{"kind": "direct", "text": said, "start": q0, "end": q0 + len(said),
                   "speaker": speaker}]
    if speaker == "the minister":  # resolved to a named entity
        art.entities = [{"id": "e1", "name": "Anna Bakker", "label": "PERSON", "start": s0,
                         "end": s0 + len(speaker)}]
        art.quotes[0]["speaker_id"] = "e1"
    art.places = [{"name": place, "start": 0, "end": 4, "country_code": "NL"}]
    art.events = [{"kind": "vote", "start": 0, "end": 20, "trigger": "vote", "when": when,
                   "when_text": when, "where": place, "country_code": "NL",
                   "participants": [], "status": "scheduled"}]
    return art


@pytest.fixture
def filled(tmp_path):
    a = Archive(tmp_path / "lists.db")
    rows = [("Ledger", "2025-02-10", "Rotterdam", "Tomás Ó Briain"),
            ("Daily", "2025-W07", "Zürich", "Ó Briain"),
            ("Ledger", "FUTURE_REF", "L'Aquila", "Seán O'Neill"),
            ("Courier", None, "Rotterdam", "Tomas O Briain"),
            ("Courier", "2025-01", "The Hague", "Anna Bakker"),
            (None, "PAST_REF", "Zürich", "the minister")]
    for i, row in enumerate(rows):
        a.add(_article(i, *row))
    yield a
    a.close()


def _answers(a: Archive) -> dict:
    """What the lists answer: quotes by speaker, events by place / upcoming / range, search
    and stories by place, stories by outlets."""
    out = {}
    for speaker in ("Tomas", "o briain", "oneill", "omas", "Anna"):
        out["quotes", speaker] = (a.count_quotes(speaker=speaker),
                                  [q["speaker"] for q in a.quotes(speaker=speaker)])
    for where in ("zurich", "Hague", "aquila", "nl", "rotter", "otterdam"):
        out["events", where] = [(e["when"], e["where"]) for e in a.events(where=where)]
        out["search", where] = a.search_count("union", place=where)
        out["stories", where] = a.stories(place=where)["total"]
    for today in ("2025-02-05", "2025-02-12", "2025-03-01"):
        out["upcoming", today] = [e["when"] for e in a.events(upcoming=True, as_of=today)]
        out["ahead", today] = a.count_events(upcoming=True, as_of=today, until="2025-02-16")
    out["range"] = [e["when"] for e in a.events(since="2025-01-15", until="2025-02-12")]
    out["outlets"] = [(s["id"], s["n_outlets"]) for s in a.stories(order="outlets")["items"]]
    return out


def test_the_lists_answer_by_the_rules(filled):
    got = _answers(filled)
    assert got["quotes", "Tomas"] == (2, ["Tomas O Briain", "Tomás Ó Briain"])  # newest first
    assert got["quotes", "o briain"][0] == 3 and got["quotes", "oneill"][0] == 1
    assert got["quotes", "omas"] == (0, [])
    # "Anna" names the entity the minister's quote resolved to
    assert sorted(got["quotes", "Anna"][1]) == ["Anna Bakker", "the minister"]
    assert got["events", "otterdam"] == [] and got["search", "otterdam"] == 0
    assert got["events", "aquila"] == []  # "L'Aquila" folds to one word: "laquila"
    assert len(got["events", "rotter"]) == 2 and got["search", "rotter"] == 2
    assert {w for _, w in got["events", "zurich"]} == {"Zürich"}
    assert got["events", "nl"] and got["search", "nl"] == 6
    # upcoming on 12 Feb: the week 2025-W07 (10-16 Feb), 2025-02-10 is past, FUTURE_REF and
    # the undated scheduled one last; PAST_REF and January never
    assert got["upcoming", "2025-02-12"] == ["2025-W07", "FUTURE_REF", None]
    assert got["upcoming", "2025-02-05"] == ["2025-02-10", "2025-W07", "FUTURE_REF", None]
    assert got["ahead", "2025-02-05"] == 2
    assert got["range"] == ["2025-01", "2025-02-10", "2025-W07"]


def test_a_story_counts_each_outlet_once(filled):
    stories = filled.stories(order="outlets")["items"]
    for s in stories:
        n = filled.conn.execute("SELECT COUNT(DISTINCT outlet) FROM articles WHERE story_id = ?",
                                (s["id"],)).fetchone()[0]
        assert filled.conn.execute("SELECT n_outlets FROM stories WHERE id = ?",
                                   (s["id"],)).fetchone()[0] == n == s["n_outlets"]
    assert [s["n_outlets"] for s in stories] == sorted((s["n_outlets"] for s in stories),
                                                       reverse=True)
    before = _answers(filled)
    filled.restory()
    assert _answers(filled) == before


# Undo the index migrations on an archive, as if it had been written before them.
_UNDO = """
DROP TABLE name_suffixes;
DROP INDEX quotes_speaker_name; DROP INDEX entities_name; DROP INDEX events_where;
DROP INDEX events_country_upper; DROP INDEX places_name; DROP INDEX places_country_upper;
DROP INDEX events_when_end; DROP INDEX events_when_start; DROP INDEX events_when_rel;
ALTER TABLE events DROP COLUMN when_start; ALTER TABLE events DROP COLUMN when_end;
ALTER TABLE events DROP COLUMN when_rel;
DROP INDEX articles_story_outlet; DROP INDEX stories_outlets; DROP INDEX stories_recent;
DROP INDEX articles_copy_of;
ALTER TABLE stories DROP COLUMN n_outlets;
ALTER TABLE quotes DROP COLUMN first_in_story; ALTER TABLE events DROP COLUMN first_in_group;
DELETE FROM migrations WHERE name >= '0011';
"""


def test_an_archive_from_before_the_indexes_gets_them_filled(filled, tmp_path):
    before = _answers(filled)
    filled.conn.executescript(_UNDO)
    path = filled.path
    filled.close()
    with pytest.raises(Exception, match="schema is older"):
        Archive(path, readonly=True)
    with Archive(path) as upgraded:
        assert upgraded.conn.execute("SELECT COUNT(*) FROM name_suffixes").fetchone()[0] > 0
        assert _answers(upgraded) == before


@pytest.mark.parametrize("filters", [{}, {"upcoming": True, "as_of": "2025-02-01"},
                                     {"since": "2025-02-01"}, {"where": "Rotterdam"}])
def test_an_event_reported_twice_is_listed_from_its_first_report(tmp_path, filters):
    with Archive(tmp_path / "twice.db") as a:
        first = a.add(_article(0, "Ledger", "2025-02-10", "Rotterdam", "Anna Bakker"))
        a.add(_article(1, "Daily", "2025-02-10", "Rotterdam", "Anna Bakker"))
        rows = a.events(**filters)
        assert a.count_events(**filters) == len(rows) == 1
    assert rows[0]["reports"] == 2 and rows[0]["article_id"] == first.id


_FIRST_BY_RULE = ("SELECT q.pk, NOT EXISTS (SELECT 1 FROM articles a JOIN articles a2 "
                  "ON a2.story_id = a.story_id JOIN quotes q2 ON q2.article_pk = a2.pk "
                  "WHERE a.pk = q.article_pk AND q2.text = q.text AND q2.pk < q.pk) "
                  "FROM quotes q ORDER BY q.pk")


@pytest.mark.parametrize("restory", [False, True])
def test_the_first_quote_of_a_story_is_stored_by_the_rule(tmp_path, restory):
    with Archive(tmp_path / "first.db") as a:
        for i in range(4):  # the same quote in copies of one story, twice in the last one
            art = _article(i, "Ledger", "2025-02-10", "Rotterdam", "Anna Bakker")
            art.quotes[0]["text"] = "Offer number 1 is not enough,"
            art.quotes.append(dict(art.quotes[0]))
            a.add(art)
        if restory:
            a.restory()
        stored = a.conn.execute("SELECT pk, first_in_story FROM quotes ORDER BY pk").fetchall()
        rule = a.conn.execute(_FIRST_BY_RULE).fetchall()
        assert [tuple(r) for r in stored] == [tuple(r) for r in rule]
        assert sum(r[1] for r in stored) == 1 and a.count_quotes() == len(a.quotes()) == 1


@pytest.fixture
def reported(tmp_path):
    """Events reported several times in one story (copies), some twice in one article."""
    a = Archive(tmp_path / "reported.db")
    whens = ["2025-02-10", "2025-W07", None, "2025-02-10", "FUTURE_REF", "2025-01", None]
    for i, when in enumerate(whens):
        art = _article(i, "Ledger", when, "Rotterdam" if i % 3 else "Zürich", "Anna Bakker")
        art.events.append(dict(art.events[0], status="past" if i % 2 else "scheduled"))
        art.events.append(dict(art.events[0]))
        a.add(art)
    yield a
    a.close()


@pytest.mark.parametrize("filters", [{}, {"upcoming": True, "as_of": "2025-02-08"},
                                     {"since": "2025-02-01", "until": "2025-02-28"},
                                     {"kind": "VOTE"}, {"kind": "strike"}])
def test_first_events_list_what_grouping_lists(reported, filters):
    """The stored first event of each group gives the rows, reports and order that grouping
    every event gives ("nl", the country code of all of them, takes the grouping path)."""
    flagged = reported.events(**filters)
    grouped = reported.events(where="nl", **filters)
    assert flagged == grouped
    assert reported.count_events(**filters) == reported.count_events(where="nl", **filters)
    assert filters.get("kind") == "strike" or flagged


@pytest.mark.parametrize("restory", [False, True])
def test_the_first_event_of_a_story_is_stored_by_the_rule(reported, restory):
    if restory:
        reported.restory()
    rule = reported.conn.execute(
        "SELECT e.pk, NOT EXISTS (SELECT 1 FROM articles a JOIN articles a2 "
        "ON a2.story_id = a.story_id JOIN events e2 ON e2.article_pk = a2.pk "
        "WHERE a.pk = e.article_pk AND e2.kind IS e.kind AND e2.status IS e.status "
        "AND coalesce(e2.when_value, '') = coalesce(e.when_value, '') "
        "AND coalesce(e2.where_name, '') = coalesce(e.where_name, '') AND e2.pk < e.pk) "
        "FROM events e ORDER BY e.pk").fetchall()
    stored = reported.conn.execute("SELECT pk, first_in_group FROM events ORDER BY pk")
    assert [tuple(r) for r in stored] == [tuple(r) for r in rule]
