"""Export writes each fact from the JSON text SQLite builds (store/fact_json.py), never a
dict per fact: every JSON Lines line and CSV JSON cell is byte for byte ``json.dumps`` of what
``get()`` gives, for facts with every odd value (control characters, quotes, numbers JSON
has no form for, extra keys, odd key orders), and the dicts read that way are the ones
``fact_tables.read`` builds row by row."""
from __future__ import annotations

import copy
import csv
import json

import pytest

from storyline.escaping import for_csv, json_text
from storyline.facts import FACT_NAMES
from storyline.store import Archive, fact_json, fact_tables
from storyline.store.fact_rows import ENTITIES, EVENTS, appends

from test_facts_once import ODD_FACTS, _entity, _odd_article, stored

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
    assert appends(ENTITIES, extra) is ok


@pytest.mark.parametrize("extra", ['{"gender":"f"}', '{"gender": "\\u00e9"}',
                                   '{"gender": null, "note": 1.50}'])
def test_extra_written_in_another_json_form_is_exported_as_json_dumps_writes_it(extra,
                                                                               tmp_path):
    facts = {"entities": [_entity("e1", "Ilse Bakker", gender="m")],
             "events": [{"kind": "vote", "participants": [], "how": "x"}]}
    with Archive(tmp_path / "x.db") as archive:
        res = archive.add(_odd_article(facts))
        for table in (ENTITIES.table, EVENTS.table):
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
