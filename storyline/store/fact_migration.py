"""Migration ``0010_facts_stored_once``: an archive that kept each article twice (the
``articles.json`` column beside the fact tables) rewritten so that the tables are the only
copy.

Each article's old JSON -- exactly what ``Archive.get`` returned -- is written into the new
columns: ``meta`` (images, provenance), ``copyright``/``source``/``page_type``, the entities
table (rebuilt: one row per entity in list order, nameless ones too), its mentions and roles
(rewritten), and the rows of quotes, times, places and events updated in place (their pks and
the columns other steps add kept). The caller then drops ``articles.json``. The space it held
comes back with ``storyline vacuum``.

Example::

    _run_script(conn, FACTS_ONCE)       # new columns, the new entities table
    convert(conn)                       # fill them from articles.json
"""
from __future__ import annotations

import json
import sqlite3

import storyline.store.entities as entities
import storyline.store.fact_tables as fact_tables
from storyline.store.fact_rows import ARTICLE, pack_article, same

OLD_ENTITIES = "article_entities_old"
_BATCH = 500


def old_dict(json_text: str, text: str) -> dict:
    """The dict ``Archive.get`` gave for a row of the old format, without ``story_id``."""
    d = json.loads(json_text)
    d["text"] = text
    ordered = {k: d[k] for k in ARTICLE.order if k in d}
    ordered.update({k: v for k, v in d.items() if k not in ordered})
    return ordered


def _convert_article(conn: sqlite3.Connection, row: sqlite3.Row) -> None:
    pk = row["pk"]
    d = old_dict(row["json"], row["text"])
    known = {r[0]: (r[1], r[2]) for r in conn.execute(
        f"SELECT local_id, entity_pk, name FROM {OLD_ENTITIES} WHERE article_pk = ?", (pk,))}

    def resolve(ent: dict, name: str, key: str) -> int:
        hit = known.get(key)
        if hit and hit[1] == name:
            return hit[0]
        return entities.resolve(conn, name, ent.get("label") or "", ent.get("aliases") or [])

    conn.execute("DELETE FROM mentions WHERE article_pk = ?", (pk,))
    conn.execute("DELETE FROM roles WHERE article_pk = ?", (pk,))
    local, by_name = fact_tables.write_entities(
        conn, pk, fact_tables.dict_items(d.get("entities")), resolve)
    for kind in fact_tables.FLAT:
        items = fact_tables.dict_items(d.get(kind))
        if not fact_tables.update_flat(conn, kind, pk, items):
            conn.execute(f"DELETE FROM {fact_tables.FLAT[kind][0].table} WHERE article_pk = ?",
                         (pk,))
            fact_tables.write_flat(conn, kind, pk, items, local, by_name)
    values, meta = pack_article(d)
    sets, params = ["meta = ?"], [meta]
    for col, value in zip(ARTICLE.columns, values):
        # a key the old JSON lacks is not read back: its column keeps what it had
        if col.key in d and not same(row[col.column], value):
            sets.append(f'"{col.column}" = ?')
            params.append(value)
    conn.execute(f"UPDATE articles SET {', '.join(sets)} WHERE pk = ?", (*params, pk))


def convert(conn: sqlite3.Connection) -> int:
    """Fill the new columns and tables of every article from ``articles.json`` (the old
    entities table renamed to ``article_entities_old`` beside the new one); returns the
    number of articles converted."""
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    last, n = 0, 0
    while True:
        rows = cur.execute("SELECT * FROM articles WHERE pk > ? ORDER BY pk LIMIT ?",
                            (last, _BATCH)).fetchall()
        if not rows:
            return n
        for row in rows:
            _convert_article(conn, row)
        n += len(rows)
        last = rows[-1]["pk"]
