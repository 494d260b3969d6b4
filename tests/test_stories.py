"""Stories: articles about one event across outlets and days, kept apart from other events of
the same kind; the story summary, its timeline, "More on this topic", people across the
archive, restory, and the commands.

Every text below was written for these tests. Articles are added with hand-made facts
(entities, events, times) so the tests need no spaCy run; the seed/examples test at the end
runs the real pipeline.
"""
from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from storyline.cli import main
from storyline.model import Article
from storyline.rules import stories as rules
from storyline.store import Archive
from storyline.store import migrations
from storyline.store.story_index import candidate_stories, vector_of
from storyline.store.story_vectors import article_vector, cosine

QUAKE_PERU_1 = (
    "A magnitude 7.1 earthquake struck the Arequipa region of southern Peru on Monday, killing "
    "at least 14 people and destroying hundreds of adobe homes in the mountain towns of Chala "
    "and Yauca, Peru's civil defence institute said. Rescuers searched collapsed houses in "
    "Yauca through the night. President Dina Boluarte flew to Arequipa and promised "
    "emergency shelters for families who lost their homes. The quake was felt as far away as "
    "Lima, where office buildings were evacuated.")
QUAKE_PERU_2 = (
    "Rescue teams in southern Peru pulled survivors from the rubble of adobe houses on Tuesday "
    "after Monday's earthquake in the Arequipa region, as the death toll rose to 19. The civil "
    "defence institute said most victims were in Yauca and Chala, two towns near the coast. "
    "Dina Boluarte, visiting Arequipa, said shelters and water trucks were on their way. "
    "Aftershocks rattled the region overnight.")
QUAKE_TURKEY = (
    "A magnitude 6.8 earthquake hit the province of Malatya in eastern Turkey on Thursday, "
    "killing at least 9 people and bringing down apartment blocks in the city of Battalgazi, "
    "the disaster agency AFAD said. Rescuers searched collapsed buildings through the night in "
    "freezing weather. Interior minister Ali Yerlikaya said tents had been sent to Malatya. "
    "The quake was felt in Elazig and Adiyaman.")
STRIKE = [
    ("Dockworkers in Rotterdam walked out on Monday over pay, halting container traffic at "
     "the Maasvlakte terminals; the union FNV Havens said the strike at the port of Rotterdam "
     "would last until employers improved their offer to the dockworkers."),
    ("The dockworkers' strike at the port of Rotterdam entered its second week as the union "
     "FNV Havens rejected a new pay offer; ships queued off the Maasvlakte terminals and "
     "shippers diverted cargo to Antwerp."),
    ("Talks to end the Rotterdam port strike broke down again, FNV Havens said, and the "
     "dockworkers at the Maasvlakte terminals will stay out for a third week; the port of "
     "Rotterdam said backlogs were growing."),
    ("The Rotterdam dockworkers' strike ended after four weeks when FNV Havens accepted a pay "
     "deal; container traffic at the Maasvlakte terminals of the port of Rotterdam resumed "
     "on Friday."),
]


def art(text, *, title=None, outlet="Test Wire", published="2023-08-14", url=None,
        entities=(), events=(), times=(), quotes=(), roles=None) -> Article:
    a = Article(text=text, title=title, outlet=outlet, published=published,
                url=url or f"https://{outlet.lower().replace(' ', '')}.example/{abs(hash(text))}")
    a.entities = [dict(e) for e in entities]
    a.events = [dict(e) for e in events]
    a.times = [dict(t) for t in times]
    a.quotes = [dict(q) for q in quotes]
    return a


def ent(text, name, label, *, roles=()):
    start = text.index(name)
    return {"id": f"e{start}", "name": name, "label": label, "start": start,
            "end": start + len(name), "mentions": [{"start": start, "end": start + len(name),
                                                     "text": name}], "roles": list(roles)}


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "news.db") as a:
        yield a


# ------------------------------------------------------------------ assignment

def test_one_event_from_two_outlets_is_one_story(archive):
    first = archive.add(art(QUAKE_PERU_1, title="Earthquake kills 14 in southern Peru",
                            outlet="Andes Daily", published="2023-08-14"))
    second = archive.add(art(QUAKE_PERU_2, title="Peru quake toll rises to 19 as rescuers dig",
                             outlet="Pacific Post", published="2023-08-15"))
    assert first.story_id == first.id
    assert second.status == "added" and second.copy_of is None
    assert second.story_id == first.story_id and second.story_score >= rules.JOIN_THRESHOLD


def test_two_earthquakes_stay_apart(archive):
    peru = archive.add(art(QUAKE_PERU_1, title="Earthquake kills 14 in southern Peru",
                           published="2023-08-14"))
    turkey = archive.add(art(QUAKE_TURKEY, title="Earthquake kills 9 in eastern Turkey",
                             published="2023-08-17"))
    assert turkey.story_id != peru.story_id
    # same kind of event, same words for it, but names and places differ
    a = vector_of("Earthquake kills 14 in southern Peru", QUAKE_PERU_1, [])
    b = vector_of("Earthquake kills 9 in eastern Turkey", QUAKE_TURKEY, [])
    assert cosine(a, b) < rules.JOIN_THRESHOLD


def test_a_story_grows_past_its_first_week(archive):
    days = ["2023-03-06", "2023-03-13", "2023-03-20", "2023-04-01"]
    results = [archive.add(art(text, title=None, outlet=f"Outlet {i}", published=day))
               for i, (text, day) in enumerate(zip(STRIKE, days))]
    assert {r.story_id for r in results} == {results[0].id}
    story = archive.story(results[0].id)
    assert (story["first_published"], story["last_published"]) == ("2023-03-06", "2023-04-01")
    assert story["n_outlets"] == 4


def test_the_date_window_follows_the_latest_article(archive):
    # 25 days after the first article: too far from it alone, but the story went on since
    first = archive.add(art(STRIKE[0], published="2023-03-06"))
    archive.add(art(STRIKE[1], published="2023-03-20"))
    late = archive.add(art(STRIKE[3], published="2023-03-31"))
    assert late.story_id == first.id
    row = archive.conn.execute("SELECT last_published FROM stories WHERE id = ?",
                               (first.id,)).fetchone()
    assert row[0] == "2023-03-31"


def test_the_same_text_months_later_is_a_new_story(archive, monkeypatch):
    monkeypatch.setattr(rules, "WINDOW_DAYS", 30)
    first = archive.add(art(STRIKE[0], published="2023-03-06"))
    later = archive.add(art(STRIKE[1], published="2023-09-20"))
    assert later.story_id != first.story_id


def test_syndicated_copies_stay_linked_inside_their_story(archive):
    first = archive.add(art(QUAKE_PERU_1, outlet="Andes Daily"))
    copy = archive.add(art(QUAKE_PERU_1.replace("Monday", "Monday morning"), outlet="Lima Wire"))
    other = archive.add(art(QUAKE_PERU_2, outlet="Pacific Post", published="2023-08-15"))
    assert copy.status == "copy" and copy.story_id == first.story_id
    assert other.status == "added" and other.story_id == first.story_id
    got = archive.get(first.id)
    assert [c["outlet"] for c in got["copies"]] == ["Lima Wire"]  # copies: near-duplicates only


def test_candidates_come_from_the_term_index(archive):
    peru = archive.add(art(QUAKE_PERU_1, published="2023-08-14"))
    archive.add(art(STRIKE[0], published="2023-08-14"))
    vec = vector_of(None, QUAKE_PERU_2, [])
    assert candidate_stories(archive.conn, vec, "2023-08-15") == [peru.story_id]
    assert candidate_stories(archive.conn, vec, "2025-01-01") == []  # outside the window


def test_one_shared_word_does_not_make_a_story(archive):
    a = archive.add(art("Lake ferry services between Lausanne and Evian will run on a winter "
                        "timetable from Monday, the ferry company said.", published="2026-11-26"))
    b = archive.add(art("The federal office approved a third metro line in Lausanne, "
                        "linking the railway station to the northern districts by 2031.",
                        published="2026-11-26"))
    assert a.story_id != b.story_id


def test_article_vector_is_unit_length_and_bounded():
    vec = article_vector("Earthquake kills 14 in southern Peru", QUAKE_PERU_1 * 5)
    assert 0 < len(vec) <= rules.TERMS_PER_ARTICLE
    assert abs(sum(w * w for w in vec.values()) - 1) < 1e-9
    assert article_vector(None, "") == {} and article_vector("the and of", "said it was") == {}


# ------------------------------------------------------------------ restory, order

def test_restory_rebuilds_the_same_stories_and_follows_a_new_threshold(archive, monkeypatch):
    for i, text in enumerate([QUAKE_PERU_1, QUAKE_PERU_2, QUAKE_TURKEY]):
        archive.add(art(text, outlet=f"O{i}", published=f"2023-08-1{4 + i}"))
    before = dict(archive.conn.execute("SELECT id, story_id FROM articles").fetchall())
    assert archive.restory() == {"articles": 3, "stories": 2}
    assert dict(archive.conn.execute("SELECT id, story_id FROM articles").fetchall()) == before
    monkeypatch.setattr(rules, "JOIN_THRESHOLD", 0.99)
    assert archive.restory()["stories"] == 3
    assert archive.integrity_ok()


def test_ingest_order_does_not_change_the_stories(tmp_path):
    texts = [(QUAKE_PERU_1, "2023-08-14"), (QUAKE_PERU_2, "2023-08-15"),
             (QUAKE_TURKEY, "2023-08-17")] + [(t, f"2023-08-{14 + i}") for i, t in
                                              enumerate(STRIKE)]
    groupings = []
    for name, order in (("a", texts), ("b", texts[::-1])):
        with Archive(tmp_path / f"{name}.db") as a:
            for i, (text, day) in enumerate(order):
                a.add(art(text, outlet=f"O{i}", published=day))
            by_story: dict[str, set] = {}
            for aid, sid in a.conn.execute("SELECT id, story_id FROM articles"):
                by_story.setdefault(sid, set()).add(aid)
            groupings.append(sorted(sorted(g) for g in by_story.values()))
    assert groupings[0] == groupings[1] and len(groupings[0]) == 3


def test_opening_an_archive_from_before_stories_gives_them_stories(tmp_path):
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    migrations.migrate(conn, upto="0004_duplicate_sightings")
    for pk, (text, day) in enumerate([(QUAKE_PERU_1, "2023-08-14"), (QUAKE_PERU_2, "2023-08-15"),
                                      (QUAKE_TURKEY, "2023-08-17")], start=1):
        sid = f"s{pk}"
        conn.execute("INSERT INTO stories(id, title, first_seen, n_articles) VALUES (?,?,?,1)",
                     (sid, None, "2023-08-20T00:00:00+00:00"))
        conn.execute("INSERT INTO articles(pk, id, story_id, published, text, json, added_at) "
                     "VALUES (?,?,?,?,?,?,?)", (pk, f"id{pk}", sid, day, text, "{}",
                                                "2023-08-20T00:00:00+00:00"))
    conn.close()
    with Archive(db) as a:
        assert a.stats()["stories"] == 2
        assert a.story("id1")["n_articles"] == 2


# ------------------------------------------------------------------ what a story is

GENEVA = ("Officials said on Friday that US and Russian delegations will hold talks in Geneva "
          "on 9 January about security in Europe, with a NATO meeting in Brussels two days "
          "later. The call between the two presidents took place on Thursday.")
GENEVA_2 = ("US and Russian negotiators meet in Geneva on 9 January for security talks, followed "
            "by a NATO meeting in Brussels, officials said. The presidents spoke by phone on "
            "Thursday, the Kremlin said.")


def _events(text, rows):
    out = []
    for kind, trigger, when, where in rows:
        s = text.index(trigger)
        out.append({"kind": kind, "trigger": trigger, "start": s, "end": s + len(trigger),
                    "when": when, "when_text": when, "where": where, "participants": [],
                    "status": None})
    return out


def _geneva_archive(archive):
    ids = []
    for text, outlet in ((GENEVA, "Ledger"), (GENEVA_2, "Courier")):
        a = art(text, title="US and Russia to hold security talks in Geneva", outlet=outlet,
                published="2021-12-31",
                entities=[ent(text, "Geneva", "GPE"), ent(text, "Brussels", "GPE"),
                          ent(text, "NATO", "ORG")],
                events=_events(text, [("talks", "talks", "2022-01-09", "Geneva"),
                                      ("meeting", "meeting", "2022-01-11", "Brussels"),
                                      ("call", "call" if "call" in text else "spoke",
                                       "2021-12-30", None)]))
        t = text.index("Thursday")
        a.times = [{"id": "t1", "text": "Thursday", "start": t, "end": t + 8, "type": "DATE",
                    "value": "2021-12-30"}]
        ids.append(archive.add(a).id)
    return ids


def test_the_timeline_merges_one_fact_from_several_outlets_and_marks_what_is_ahead(archive):
    ids = _geneva_archive(archive)
    story = archive.story(ids[0], as_of="2021-12-31")
    assert story["id"] == archive.get(ids[1])["story_id"]
    events = [(e["date"], e["event"], e["where"], e["status"], e["n_sources"])
              for e in story["timeline"] if e["kind"] == "event"]
    assert events == [("2021-12-30", "call", None, "past", 2),
                      ("2022-01-09", "talks", "Geneva", "scheduled", 2),
                      ("2022-01-11", "meeting", "Brussels", "scheduled", 2)]
    talks = next(e for e in story["timeline"] if e.get("event") == "talks")
    assert {s["outlet"] for s in talks["sources"]} == {"Ledger", "Courier"}
    assert "Geneva" in talks["sentence"]
    # as of a later day nothing is ahead any more
    later = archive.story(ids[0], as_of="2022-02-01")
    assert {e["status"] for e in later["timeline"]} == {"past"}


def test_a_story_lists_its_places_and_organisations_by_articles(archive):
    ids = _geneva_archive(archive)
    story = archive.story(ids[0])
    assert [p["name"] for p in story["entities"]["places"]][:2] in (["Brussels", "Geneva"],
                                                                    ["Geneva", "Brussels"])
    assert story["entities"]["places"][0]["articles"] == 2
    assert story["entities"]["organisations"][0]["name"] == "NATO"
    assert story["label"] == "US and Russia to hold security talks in Geneva"


def test_related_lists_the_same_story_first_then_the_closest_others(archive):
    ids = _geneva_archive(archive)
    archive.add(art(QUAKE_PERU_1, published="2021-12-30"))
    talks_later = art("NATO ambassadors met in Brussels to prepare the talks with Russia in "
                      "Geneva on 9 January, diplomats said, after the call of the presidents.",
                      title="NATO prepares for Russia talks", published="2023-12-30",
                      entities=[])
    talks_later.entities = [ent(talks_later.text, "Geneva", "GPE"),
                            ent(talks_later.text, "NATO", "ORG")]
    archive.add(talks_later)
    rel = archive.related(ids[0])
    assert [a["id"] for a in rel["same_story"]] == [ids[1]]
    assert rel["other"] and rel["other"][0]["title"] == "NATO prepares for Russia talks"
    assert any("shared names" in r and "Geneva" in r for r in rel["other"][0]["reasons"])
    assert all("Peru" not in (o["title"] or "") for o in rel["other"])


def test_stories_list_filters_and_pages(archive):
    _geneva_archive(archive)
    archive.add(art(QUAKE_PERU_1, title="Earthquake kills 14 in southern Peru",
                    published="2023-08-14", entities=[ent(QUAKE_PERU_1, "Dina Boluarte",
                                                          "PERSON")]))
    assert archive.stories()["total"] == 2
    assert [s["label"] for s in archive.stories(about="earthquake")["items"]] == [
        "Earthquake kills 14 in southern Peru"]
    assert archive.stories(person="Boluarte")["total"] == 1
    assert archive.stories(since="2023-01-01")["total"] == 1
    assert archive.stories(until="2022-01-01")["items"][0]["n_outlets"] == 2
    page = archive.stories(limit=1, offset=1)
    assert page["total"] == 2 and len(page["items"]) == 1
    assert archive.stories(about="***")["total"] == 0


# ------------------------------------------------------------------ people across the archive

def test_entity_roles_over_time_keep_former_roles_and_list_stories(archive):
    t1 = "Press secretary Jen Psaki said talks would go ahead."
    t2 = "Jen Psaki, the former press secretary, said in an interview the talks had failed."
    for text, day in ((t1, "2021-03-01"), (t1.replace("ahead", "ahead soon"), "2022-05-01"),
                      (t2, "2023-01-10")):
        role = "former press secretary" if "former" in text else "Press secretary"
        e = ent(text, "Jen Psaki", "PERSON", roles=[{"role": role, "org": "White House"}])
        q = {"kind": "indirect", "text": text[-30:], "start": len(text) - 30, "end": len(text),
             "speaker": "Jen Psaki", "speaker_id": e["id"]}
        archive.add(art(text, published=day, entities=[e], quotes=[q]))
    data = archive.entity("Psaki")
    spans = [(r["role"], r["former"], r["first"], r["last"]) for r in data["roles_over_time"]]
    assert spans == [("Press secretary", False, "2021-03-01", "2022-05-01"),
                     ("press secretary", True, "2023-01-10", "2023-01-10")]
    assert [q["published"] for q in data["quotes"]] == sorted(q["published"]
                                                               for q in data["quotes"])
    assert data["stories"] and sum(s["articles"] for s in data["stories"]) == 3


@pytest.mark.parametrize("first, second, same", [
    ("Vladimir Putin", "Vladimir Vladimirovich Putin", True),
    ("Vladimir Putin", "Putin", True),
    ("Hunter Biden", "Joe Biden", False),
])
def test_one_person_under_several_names(archive, first, second, same):
    for name, day in ((first, "2021-12-30"), (second, "2021-12-31")):
        text = f"{name} spoke to reporters on Friday about the talks."
        archive.add(art(text, published=day, entities=[ent(text, name, "PERSON")]))
    a, b = archive.entity(first), archive.entity(second)
    assert (a["key"] == b["key"]) is same


# ------------------------------------------------------------------ commands

@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.db"
    with Archive(path) as a:
        _geneva_archive(a)
        a.add(art(QUAKE_PERU_1, title="Earthquake kills 14 in southern Peru",
                  published="2023-08-14"))
    return str(path)


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl"])
def test_stories_command(db, fmt):
    result = CliRunner().invoke(main, ["stories", "--db", db, "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["total"] == 2 and data["items"][0]["label"].startswith("Earthquake")
    elif fmt == "jsonl":
        assert len(result.stdout.splitlines()) == 2
    else:
        assert "Earthquake" in result.stdout and "2 of 2" in result.stdout


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl"])
def test_story_command_shows_the_timeline(db, fmt):
    sid = json.loads(CliRunner().invoke(main, ["stories", "--db", db, "--format", "json",
                                               "--about", "Geneva"]).stdout)["items"][0]["id"]
    result = CliRunner().invoke(main, ["story", sid[:8], "--as-of", "2021-12-31", "--db", db,
                                       "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt in ("json", "jsonl"):
        data = json.loads(result.stdout)
        assert [e["status"] for e in data["timeline"] if e["kind"] == "event"] == [
            "past", "scheduled", "scheduled"]
    else:
        assert "scheduled" in result.stdout and "Geneva" in result.stdout


def test_story_command_unknown_id_is_one_line(db):
    result = CliRunner().invoke(main, ["story", "nosuchstory", "--db", db])
    assert result.exit_code == 1 and "E305" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl"])
def test_related_command(db, fmt):
    aid = json.loads(CliRunner().invoke(main, ["search", "Geneva", "--db", db, "--format",
                                               "json"]).stdout)[0]["id"]
    result = CliRunner().invoke(main, ["related", aid, "--db", db, "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert len(json.loads(result.stdout)["same_story"]) == 1
    elif fmt == "jsonl":
        assert json.loads(result.stdout.splitlines()[0])["relation"] == "same_story"
    bad = CliRunner().invoke(main, ["related", "0000ffff", "--db", db])
    assert bad.exit_code == 1 and "E301" in bad.stderr


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_restory_command(db, fmt):
    result = CliRunner().invoke(main, ["restory", "--db", db, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "3" in result.stdout and "2" in result.stdout


def test_story_commands_never_create_an_archive(tmp_path):
    for args in (["stories"], ["story", "abcd"], ["related", "abcd"], ["restory"]):
        result = CliRunner().invoke(main, [*args, "--db", str(tmp_path / "none.db")])
        assert result.exit_code == 1 and "no archive" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_export_rows_carry_source_and_story_id(db):
    result = CliRunner().invoke(main, ["export", "--format", "jsonl", "--db", db])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len({r["story_id"] for r in rows}) == 2 and all("source" in r for r in rows)


def test_a_nearly_identical_headline_joins_even_when_the_bodies_differ(archive):
    title = "Chicago Bears fire coach John Fox after a 5-11 season"
    first = archive.add(art(STRIKE[0].replace("Rotterdam", "Chicago"), title=title,
                            published="2023-01-02"))
    brief = archive.add(art("Copyright 2023 The Associated Press. All rights reserved. This "
                            "material may not be published, broadcast, rewritten or "
                            "redistributed. Chicago coach news.", title=title,
                            published="2023-01-03"))
    assert brief.story_id == first.story_id
    other = archive.add(art("Copyright 2023 The Associated Press. All rights reserved. "
                            "Chicago weather news.", title="Snow closes Chicago schools",
                            published="2023-01-03"))
    assert other.story_id != first.story_id
