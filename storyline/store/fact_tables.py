"""An article's facts in their tables, each value once: written straight from the article's
lists, read back for a whole batch of articles with one query per table.

Rows keep the list order (``seq``, or the table's ``pk``); :mod:`storyline.store.fact_rows`
says which key goes to which column and what goes to ``extra``. An entity's mentions and roles
are rows of ``mentions`` and ``roles`` (the queries' tables); a list those rows cannot give
back as it was (a mention without an end, an entity written without ``mentions``, for which
the queries get one made from its span as before) is kept whole in the entity's ``extra``.

Example::

    write(conn, pk, article.record(), resolve)      # inside the article's transaction
    facts = read(conn, [pk])[pk]                    # {"entities": [...], "quotes": [...], ...}

On SQLite the archive reads with :mod:`storyline.store.fact_json` (the same dicts, from JSON
SQLite writes); :func:`read` is the PostgreSQL path and the reference the tests compare with.
"""
from __future__ import annotations

import sqlite3
from typing import Any, Callable, Iterable

from storyline.facts import FACT_NAMES
from storyline.store.fact_rows import (ENTITIES, EVENTS, MENTIONS, PLACES, QUOTES, ROLES, TIMES,
                                       Layout, pack, unpack)

#: ``resolve(entity, name, local_key)``: the archive entity pk of an entity dict with a name.
Resolver = Callable[[dict, str, str], int]

#: The tables of the flat kinds of fact, the columns set from outside the dict, and what
#: orders an article's rows.
FLAT = {"quotes": (QUOTES, ("speaker_entity_pk",), "pk"),
        "times": (TIMES, ("seq",), "seq"),
        "places": (PLACES, ("entity_pk", "seq"), "seq"),
        "events": (EVENTS, (), "pk")}


def _insert_sql(layout: Layout, more: tuple[str, ...]) -> str:
    cols = ["article_pk", *more, *layout.sql_columns, "extra"]
    return f"INSERT INTO {layout.table}({', '.join(cols)}) VALUES ({','.join('?' * len(cols))})"


def _select_sql(layout: Layout, tag: str, order: str, n: int) -> str:
    """The rows of ``n`` articles: ``layout.read_columns``, then extra, article_pk, ``tag``."""
    extra = "extra" if layout.table not in (MENTIONS.table, ROLES.table) else "NULL"
    return (f"SELECT {', '.join(layout.read_columns)}, {extra}, article_pk, {tag} "
            f"FROM {layout.table} WHERE article_pk IN ({','.join('?' * n)}) "
            f"ORDER BY article_pk, {order}")


_ENTITY_INSERT = _insert_sql(ENTITIES, ("seq", "entity_pk"))
_CHILD_INSERT = {lay.table: f"INSERT INTO {lay.table}(article_pk, entity_pk, entity_seq, seq, "
                            f"{', '.join(lay.sql_columns)}) VALUES "
                            f"({','.join('?' * (4 + len(lay.columns)))})"
                 for lay in (MENTIONS, ROLES)}


def dict_items(value: Any) -> list[dict]:
    """The dicts of a fact list (anything else in it cannot be a row)."""
    return [x for x in value if isinstance(x, dict)] if isinstance(value, (list, tuple)) else []


def _children(ent: dict, key: str, layout: Layout, source: list,
              required: tuple[str, ...]) -> tuple[list, bool]:
    """Rows of ``layout`` for ``ent[key]`` (``source``: the items the queries get; those
    lacking a ``required`` value are no rows, as before) and whether the rows give
    ``ent[key]`` back exactly."""
    value = ent.get(key)
    exact = key in ent and isinstance(value, list) and source is value
    rows = []
    for item in source:
        if not isinstance(item, dict):
            exact = False
            continue
        vals, extra = pack(layout, item)
        if any(vals[layout.index[k]] in (None, "") for k in required):
            exact = False
            continue
        exact = exact and extra is None
        rows.append(vals)
    return rows, exact


def _entity_children(ent: dict, name: str) -> tuple[list, bool, list, bool]:
    given = ent.get("mentions")
    mentions = given if isinstance(given, list) and given else (
        [{"start": ent.get("start"), "end": ent.get("end"), "text": name}]
        if ent.get("start") is not None else (given if isinstance(given, list) else []))
    m_rows, m_exact = _children(ent, "mentions", MENTIONS, mentions, ("start", "end"))
    roles = ent.get("roles")
    r_rows, r_exact = _children(ent, "roles", ROLES, roles if isinstance(roles, list) else [],
                                ("role",))
    return m_rows, m_exact, r_rows, r_exact


def write_entities(conn: sqlite3.Connection, pk: int, ents: Iterable[dict],
                   resolve: Resolver) -> tuple[dict[str, int], dict[str, int]]:
    """Write an article's entities (with their mentions and roles); returns the entity pks
    by the article's entity id and by name (aliases too), to link quotes and places."""
    local: dict[str, int] = {}
    by_name: dict[str, int] = {}
    rows, children = [], {MENTIONS.table: [], ROLES.table: []}
    for seq, ent in enumerate(ents):
        name = ent.get("name")
        name = name.strip() if isinstance(name, str) else ""
        epk = None
        if name:
            key = str(ent.get("id") or f"_{len(local)}")
            epk = resolve(ent, name, key)
            local[key] = epk
            by_name[name] = epk
            aliases = ent.get("aliases")
            for alias in aliases if isinstance(aliases, list) else []:
                if isinstance(alias, str):
                    by_name.setdefault(alias, epk)
        m_rows, m_exact, r_rows, r_exact = _entity_children(ent, name)
        if epk is None:  # no name, no entity: its mentions and roles cannot be rows
            m_exact, r_exact = m_exact and not m_rows, r_exact and not r_rows
            m_rows = r_rows = []
        held = [k for k, ok in (("mentions", m_exact), ("roles", r_exact)) if ok]
        values, extra = pack(ENTITIES, ent, held)
        rows.append((pk, seq, epk, *values, extra))
        for table, got in ((MENTIONS.table, m_rows), (ROLES.table, r_rows)):
            children[table].extend((pk, epk, seq, i, *v) for i, v in enumerate(got))
    conn.executemany(_ENTITY_INSERT, rows)
    for table, got in children.items():
        conn.executemany(_CHILD_INSERT[table], got)
    return local, by_name


def _linked(d: dict, key: str, name_key: str, local: dict, by_name: dict) -> int | None:
    """The entity pk a fact points at: by the article's entity id in ``d[key]``, else (no id)
    by the name in ``d[name_key]``."""
    ref = d.get(key)
    if ref:
        return local.get(str(ref))
    name = d.get(name_key)
    return by_name.get(name) if isinstance(name, str) else None


def flat_rows(kind: str, pk: int, items: Iterable[dict], local: dict, by_name: dict) -> list:
    """Rows for ``_insert_sql`` of one flat kind (quotes, times, places, events)."""
    rows = []
    for seq, d in enumerate(items):
        values, extra = pack(FLAT[kind][0], d)
        if kind == "quotes":
            spk = _linked(d, "speaker_id", "speaker", local, by_name)
            if spk is None and d.get("speaker_id") and isinstance(d.get("speaker"), str):
                spk = by_name.get(d["speaker"])  # an id not in the article: by the name
            more: tuple = (spk,)
        elif kind == "places":
            more = (_linked(d, "entity_id", "name", local, by_name), seq)
        elif kind == "times":
            more = (seq,)
        else:
            more = ()
        rows.append((pk, *more, *values, extra))
    return rows


def write_flat(conn: sqlite3.Connection, kind: str, pk: int, items: Iterable[dict],
               local: dict, by_name: dict) -> None:
    layout, more, _ = FLAT[kind]
    conn.executemany(_insert_sql(layout, more), flat_rows(kind, pk, items, local, by_name))


def write(conn: sqlite3.Connection, pk: int, record: dict, resolve: Resolver) -> None:
    """Write every fact of an article (``Article.record()``) as rows of article ``pk``."""
    local, by_name = write_entities(conn, pk, dict_items(record.get("entities")), resolve)
    for kind in FLAT:
        write_flat(conn, kind, pk, dict_items(record.get(kind)), local, by_name)


HELD = object()  # a held key's place, until its rows are read


def _rows(cur: sqlite3.Cursor, layout: Layout, sql: str, pks: list[int]) -> list[tuple]:
    """``(article_pk, tag, dict)`` for each row of ``sql`` (:func:`_select_sql`); held keys
    are :data:`HELD` for the caller to fill."""
    held = dict.fromkeys(layout.held, HELD)
    keys = layout.plain_keys
    n = len(keys)
    if layout is MENTIONS or layout is ROLES:  # plain values only, no extra: the dict is the row
        return [(row[n + 1], row[n + 2], dict(zip(keys, row))) for row in cur.execute(sql, pks)]
    return [(row[n + 1], row[n + 2], unpack(layout, row, row[n], held))
            for row in cur.execute(sql, pks)]


def read(conn: sqlite3.Connection, pks: list[int]) -> dict[int, dict[str, list]]:
    """The facts of articles ``pks``, one query per table: ``{pk: {kind: [dict, ...]}}``."""
    out: dict[int, dict[str, list]] = {pk: {name: [] for name in FACT_NAMES} for pk in pks}
    if not pks:
        return out
    cur = conn.cursor()
    cur.row_factory = None
    n = len(pks)
    children: dict[tuple[int, int], dict[str, list]] = {}
    for layout in (MENTIONS, ROLES):
        sql = _select_sql(layout, "entity_seq", "entity_seq, seq", n)
        for pk, seq, d in _rows(cur, layout, sql, pks):
            got = children.get((pk, seq))
            if got is None:
                got = children[pk, seq] = {"mentions": [], "roles": []}
            got[layout.table].append(d)
    for pk, seq, d in _rows(cur, ENTITIES, _select_sql(ENTITIES, "seq", "seq", n), pks):
        got = children.get((pk, seq))
        for key in ENTITIES.held:  # an entity's extra may hold the list itself
            if d.get(key) is HELD:
                d[key] = got[key] if got else []
        out[pk]["entities"].append(d)
    for kind, (layout, _, order) in FLAT.items():
        for pk, _, d in _rows(cur, layout, _select_sql(layout, "NULL", order, n), pks):
            out[pk][kind].append(d)
    return out


def update_flat(conn: sqlite3.Connection, kind: str, pk: int, items: list[dict]) -> bool:
    """Rewrite the rows an older archive has for an article's ``items`` of one flat kind in
    place (their pks and the columns other steps add are kept); False when the rows are not
    one per item, in order, and nothing was changed."""
    layout, more, order = FLAT[kind]
    key = "pk" if order == "pk" else "rowid"  # older rows of times and places have no seq
    ids = [r[0] for r in conn.execute(f"SELECT {key} FROM {layout.table} WHERE article_pk = ? "
                                      f"ORDER BY {key}", (pk,))]
    if len(ids) != len(items):
        return False
    own = [c for c in more if c == "seq"]
    sets = ", ".join(f"{c} = ?" for c in [*own, *layout.sql_columns, "extra"])
    rows = []
    for seq, (rowid, d) in enumerate(zip(ids, items)):
        values, extra = pack(layout, d)
        rows.append((*([seq] if own else []), *values, extra, rowid))
    conn.executemany(f"UPDATE {layout.table} SET {sets} WHERE {key} = ?", rows)
    return True
