"""Reading a batch of articles' facts as JSON that SQLite builds: for ``export``.

:func:`storyline.store.fact_tables.read` builds each fact dict in Python, a few calls per
row. On SQLite this module lets SQLite write the JSON:

- :func:`read_texts` gives each article's fact lists as :class:`RawJSON`, the very text
  ``json.dumps(facts, ensure_ascii=False)`` writes (``json_quote`` escapes strings as Python
  does; JSON columns hold ``json.dumps`` text already), without building their dicts; an
  entity's mentions and roles are nested in Python from their rows' texts, a row's ``extra``
  is appended to its text when it only adds keys, or merged in Python. Tables with REAL
  columns (places: SQLite writes 15 digits, Python the shortest exact form) go the dict way
  and are dumped.
- :func:`read` gives the dicts (each row the JSON object of its plain keys, REAL columns
  with 17 significant digits, decoded in C by ``json.loads``); a JSON column SQLite cannot
  parse (``NaN``, which Python's encoder writes) makes the row ``NULL``, and that row is
  read again by its columns.

On PostgreSQL both go through ``fact_tables.read``.

Example::

    facts = read(conn, [pk])[pk]          # {"entities": [...], "quotes": [...], ...}
    read_texts(conn, [pk])[pk]["quotes"]  # RawJSON('[{"group": 1, "kind": "direct", ...}]')
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from storyline.facts import FACT_NAMES
from storyline.store import fact_tables
from storyline.store.db import dialect
from storyline.store import fact_rows
from storyline.store.fact_rows import (ENTITIES, MENTIONS, ROLES, Layout, appends,
                                       merge_extra)


def _value(layout: Layout, key: str, alias: str) -> str:
    """The SQL giving the JSON value of a plain key's column."""
    col = layout.columns[layout.index[key]]
    c = f'{alias}."{col.column}"'
    if col.kind == "real":  # 17 digits: the double itself (SQLite's own JSON has 15)
        return f"CASE WHEN {c} IS NULL THEN NULL ELSE json(printf('%!.17g', {c})) END"
    if col.kind in ("json", "list"):
        return f"json({c})"
    assert col.kind != "joined", f"{layout.table}.{col.column}: no JSON form"
    return c


def _children(layout: Layout, parent: str) -> str:
    """The JSON array of an entity's rows of ``layout`` (mentions or roles), in seq order
    (their index ``(article_pk, entity_seq, seq)``)."""
    obj = ", ".join(f"'{k}', {_value(layout, k, 'c')}" for k in layout.plain_keys)
    return (f"(SELECT json_group_array(json_object({obj})) FROM {layout.table} c "
            f"WHERE c.article_pk = {parent}.article_pk AND c.entity_seq = {parent}.seq)")


def _select_sql(layout: Layout, order: str, n: int) -> str:
    """``(article_pk, JSON object or NULL, extra, rowid)`` of the rows of ``n`` articles."""
    parts, valid = [], []
    for k in layout.plain_keys:
        if k in layout.index:
            parts.append(f"'{k}', {_value(layout, k, 't')}")
            col = layout.columns[layout.index[k]]
            if col.kind in ("json", "list"):
                valid.append(f'(t."{col.column}" IS NULL OR json_valid(t."{col.column}"))')
        else:  # held: an entity's mentions and roles
            parts.append(f"'{k}', {_children(MENTIONS if k == 'mentions' else ROLES, 't')}")
    obj = f"json_object({', '.join(parts)})"
    if valid:
        obj = f"CASE WHEN {' AND '.join(valid)} THEN {obj} END"
    return (f"SELECT t.article_pk, {obj}, t.extra, t.rowid FROM {layout.table} t "
            f"WHERE t.article_pk IN ({','.join('?' * n)}) ORDER BY t.article_pk, t.{order}")


_TABLES = [("entities", ENTITIES, "seq")] + [(kind, layout, order) for kind, (layout, _, order)
                                             in fact_tables.FLAT.items()]


def _reread(conn, layout: Layout, rowid: int) -> dict:
    """The plain dict of a row whose JSON columns SQLite cannot parse."""
    cols = [f'"{layout.columns[layout.index[k]].column}"' if k in layout.index
            else _children(MENTIONS if k == "mentions" else ROLES, "t")
            for k in layout.plain_keys]
    row = conn.execute(f"SELECT {', '.join(cols)} FROM {layout.table} t WHERE t.rowid = ?",
                       (rowid,)).fetchone()
    return {k: fact_rows.read(layout.columns[layout.index[k]], v) if k in layout.index
            else json.loads(v) for k, v in zip(layout.plain_keys, row)}


def read(conn, pks: list[int], kinds: tuple[str, ...] = FACT_NAMES
         ) -> dict[int, dict[str, list]]:
    """The facts of articles ``pks``, one query per table: ``{pk: {kind: [dict, ...]}}``,
    the dicts :func:`storyline.store.fact_tables.read` gives (only ``kinds``)."""
    if dialect(conn) != "sqlite":
        return fact_tables.read(conn, pks)
    out: dict[int, dict[str, list]] = {pk: {name: [] for name in kinds} for pk in pks}
    if not pks:
        return out
    cur = conn.cursor()
    cur.row_factory = None
    for kind, layout, order in _TABLES:
        if kind not in kinds:
            continue
        texts: dict[int, list[str]] = {}
        odd: list[tuple[int, int, Any, Any]] = []  # (pk, index, extra, rowid of a NULL row)
        for pk, obj, extra, rowid in cur.execute(_select_sql(layout, order, len(pks)), pks):
            got = texts.get(pk)
            if got is None:
                got = texts[pk] = []
            if obj is None or extra is not None:
                odd.append((pk, len(got), extra, rowid if obj is None else None))
            got.append(obj or "null")
        for pk, got in texts.items():
            out[pk][kind] = json.loads(f"[{','.join(got)}]")
        for pk, i, extra, rowid in odd:
            items = out[pk][kind]
            plain = items[i] if rowid is None else _reread(conn, layout, rowid)
            items[i] = merge_extra(layout, plain, extra)
    return out


# --------------------------------------------------------------------------- JSON text


@dataclass(frozen=True)
class RawJSON:
    """JSON text to write as it is (``json.dumps`` of the value it stands for)."""

    text: str


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _text_segments(layout: Layout) -> list[str]:
    """SQL for the row's ``json.dumps`` text, in pieces: a held key's value goes between
    two pieces."""
    pieces: list[list[str]] = [[]]
    for i, k in enumerate(layout.plain_keys):
        pieces[-1].append(_lit(("{" if i == 0 else ", ") + json.dumps(k) + ": "))
        if k not in layout.index:
            pieces.append([])
            continue
        col = layout.columns[layout.index[k]]
        c = f't."{col.column}"'
        assert col.kind in ("int", "text", "json", "list"), f"{layout.table}: {col.kind}"
        pieces[-1].append(f"coalesce({c}, 'null')" if col.kind in ("json", "list")
                          else f"json_quote({c})")
    pieces[-1].append("'}'")
    return [" || ".join(p) for p in pieces]


def _text_sql(layout: Layout, tag: str, order: str, n: int) -> str:
    """``(article_pk, tag, piece, ..., extra)`` of the rows of ``n`` articles."""
    extra = "t.extra" if layout not in (MENTIONS, ROLES) else "NULL"
    return (f"SELECT t.article_pk, {tag}, {', '.join(_text_segments(layout))}, {extra} "
            f"FROM {layout.table} t WHERE t.article_pk IN ({','.join('?' * n)}) "
            f"ORDER BY t.article_pk, {order}")


#: The kinds whose rows SQLite writes as text (no REAL column), with their row order.
_TEXT_TABLES = [(kind, layout, order) for kind, layout, order in _TABLES
                if all(c.kind != "real" for c in layout.columns)]


def _with_extra(layout: Layout, text: str, extra: str, cache: dict[str, bool]) -> str:
    """The row's text with its ``extra``: appended when it only adds keys, else merged."""
    ok = cache.get(extra)
    if ok is None:
        ok = cache[extra] = appends(layout, extra)
    if ok:
        return f"{text[:-1]}, {extra[1:]}"
    return json.dumps(merge_extra(layout, json.loads(text), extra), ensure_ascii=False)


def read_texts(conn, pks: list[int]) -> dict[int, dict[str, RawJSON]]:
    """The facts of articles ``pks`` as JSON text, one query per table:
    ``{pk: {kind: RawJSON}}``, each the ``json.dumps(..., ensure_ascii=False)`` of the list
    :func:`read` gives."""
    if dialect(conn) != "sqlite":
        got = fact_tables.read(conn, pks)
        return {pk: {k: RawJSON(json.dumps(v, ensure_ascii=False)) for k, v in facts.items()}
                for pk, facts in got.items()}
    texts: dict[int, dict[str, list[str]]] = {pk: {name: [] for name in FACT_NAMES}
                                              for pk in pks}
    if pks:
        cur = conn.cursor()
        cur.row_factory = None
        n = len(pks)
        kids: dict[str, dict[tuple[int, int], list[str]]] = {}
        for layout in (MENTIONS, ROLES):
            got = kids[layout.table] = {}
            sql = _text_sql(layout, "t.entity_seq", "t.entity_seq, t.seq", n)
            for pk, seq, text, _ in cur.execute(sql, pks):
                items = got.get((pk, seq))
                if items is None:
                    items = got[pk, seq] = []
                items.append(text)
        for kind, layout, order in _TEXT_TABLES:
            tag = "t.seq" if layout.held else "NULL"
            cache: dict[str, bool] = {}
            held = [kids[k] for k in layout.plain_keys if k not in layout.index]
            for row in cur.execute(_text_sql(layout, tag, f"t.{order}", n), pks):
                pk, seq, extra = row[0], row[1], row[-1]
                text = row[2]
                for i, got in enumerate(held):
                    text += f"[{', '.join(got.get((pk, seq), ()))}]{row[3 + i]}"
                if extra is not None:
                    text = _with_extra(layout, text, extra, cache)
                texts[pk][kind].append(text)
    out = {pk: {k: RawJSON(f"[{', '.join(v)}]") for k, v in facts.items()}
           for pk, facts in texts.items()}
    rest = tuple(kind for kind, _, _ in _TABLES if all(kind != k for k, _, _ in _TEXT_TABLES))
    for pk, facts in read(conn, pks, rest).items():
        for kind, items in facts.items():
            out[pk][kind] = RawJSON(json.dumps(items, ensure_ascii=False))
    return out
