"""A batch of articles' facts read as JSON that SQLite writes: what ``export`` and ``get`` read.

:func:`storyline.store.fact_tables.read` builds each fact dict in Python, a few calls per
row. On SQLite this module lets SQLite write the JSON instead:

- tables without a REAL column (entities, quotes, times, events): each row comes as the very
  text ``json.dumps(fact, ensure_ascii=False)`` writes, in pieces (``json_quote`` escapes a
  string as Python does; a JSON column holds ``json.dumps`` text already); an entity's
  mentions and roles are put between the pieces from their own rows' texts, a row's
  ``extra`` is appended to its text when it only adds keys (else merged in Python);
- places (REAL columns: SQLite writes 15 digits, Python the shortest exact form): each row
  comes as the JSON object of its plain keys with REALs written with 17 significant digits
  (every double reads back as itself), decoded by ``json.loads``; a JSON column SQLite
  cannot parse (``NaN``, which Python's encoder writes) makes the row ``NULL``, and that row
  is read again by its columns.

:func:`read_texts` gives each fact list as :class:`RawJSON` (its ``json.dumps`` text, no
dicts built: what export writes); :func:`read` decodes them (the dicts ``fact_tables.read``
gives). On PostgreSQL both go through ``fact_tables.read``.

Example::

    facts = read(conn, [pk])[pk]          # {"entities": [...], "quotes": [...], ...}
    read_texts(conn, [pk])[pk]["quotes"]  # RawJSON(text='[{"group": 1, "kind": "direct", ...}]')
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from storyline.facts import FACT_NAMES
import storyline.store.fact_rows as fact_rows
import storyline.store.fact_tables as fact_tables
from storyline.store.db import dialect
from storyline.store.fact_rows import ENTITIES, MENTIONS, ROLES, Layout, appends, merge_extra


@dataclass(frozen=True)
class RawJSON:
    """JSON text to write as it is (``json.dumps`` of the value it stands for)."""

    text: str


#: Every kind of fact: its layout and what orders an article's rows.
_TABLES = [("entities", ENTITIES, "seq")] + [(kind, layout, order) for kind, (layout, _, order)
                                             in fact_tables.FLAT.items()]
#: The kinds SQLite writes as Python's text (no REAL column), and the others.
_TEXT = [t for t in _TABLES if all(c.kind != "real" for c in t[1].columns)]
_DICT = [t for t in _TABLES if t not in _TEXT]


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _marks(n: int) -> str:
    return ",".join("?" * n)


# --------------------------------------------------------------------------- as text

def _text_pieces(layout: Layout) -> list[str]:
    """SQL for the row's ``json.dumps`` text in pieces: a held key's value goes between
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
    extra = "NULL" if layout in (MENTIONS, ROLES) else "t.extra"
    return (f"SELECT t.article_pk, {tag}, {', '.join(_text_pieces(layout))}, {extra} "
            f"FROM {layout.table} t WHERE t.article_pk IN ({_marks(n)}) "
            f"ORDER BY t.article_pk, {order}")


def _canonical_appends(layout: Layout, extra: str) -> bool:
    """Whether ``extra`` only adds keys and is ``json.dumps`` text as export writes it."""
    return (appends(layout, extra)
            and json.dumps(json.loads(extra), ensure_ascii=False) == extra)


def _with_extra(layout: Layout, text: str, extra: str, cache: dict[str, bool]) -> str:
    """The row's text with its ``extra``: appended when it only adds keys, else merged."""
    ok = cache.get(extra)
    if ok is None:
        ok = cache[extra] = _canonical_appends(layout, extra)
    if ok:
        return f"{text[:-1]}, {extra[1:]}"
    return json.dumps(merge_extra(layout, json.loads(text), extra), ensure_ascii=False)


def _texts(cur, pks: list[int]) -> dict[int, dict[str, list[str]]]:
    """``{pk: {kind: [row text, ...]}}`` for the kinds of :data:`_TEXT`."""
    out: dict[int, dict[str, list[str]]] = {pk: {kind: [] for kind, _, _ in _TEXT}
                                            for pk in pks}
    n = len(pks)
    kids: dict[str, dict[tuple[int, int], list[str]]] = {}
    for layout in (MENTIONS, ROLES):
        got = kids[layout.table] = {}
        for pk, seq, text, _ in cur.execute(
                _text_sql(layout, "t.entity_seq", "t.entity_seq, t.seq", n), pks):
            items = got.get((pk, seq))
            if items is None:
                items = got[pk, seq] = []
            items.append(text)
    for kind, layout, order in _TEXT:
        cache: dict[str, bool] = {}
        held = [kids[k] for k in layout.plain_keys if k not in layout.index]
        tag = "t.seq" if held else "NULL"
        rows = cur.execute(_text_sql(layout, tag, f"t.{order}", n), pks)
        if not held:  # one piece: the row's text
            for pk, _, text, extra in rows:
                if extra is not None:
                    text = _with_extra(layout, text, extra, cache)
                out[pk][kind].append(text)
            continue
        for row in rows:
            pk, seq, text, extra = row[0], row[1], row[2], row[-1]
            for i, got in enumerate(held):  # an entity's mentions, then its roles
                text += f"[{', '.join(got.get((pk, seq), ()))}]{row[3 + i]}"
            if extra is not None:
                text = _with_extra(layout, text, extra, cache)
            out[pk][kind].append(text)
    return out


# --------------------------------------------------------------------------- as dicts

def _value(layout: Layout, key: str) -> str:
    """The SQL giving the JSON value of a plain key's column."""
    col = layout.columns[layout.index[key]]
    c = f't."{col.column}"'
    if col.kind == "real":  # 17 digits: the double itself (SQLite's own JSON has 15)
        return f"CASE WHEN {c} IS NULL THEN NULL ELSE json(printf('%!.17g', {c})) END"
    if col.kind in ("json", "list"):
        return f"json({c})"
    assert col.kind in ("int", "text"), f"{layout.table}.{col.column}: no JSON form"
    return c


def _dict_sql(layout: Layout, order: str, n: int) -> str:
    """``(article_pk, JSON object or NULL, extra, rowid)`` of the rows of ``n`` articles."""
    assert not layout.held, layout.table
    obj = f"json_object({', '.join(f'{_lit(k)}, {_value(layout, k)}' for k in layout.plain_keys)})"
    valid = [f'(t."{c.column}" IS NULL OR json_valid(t."{c.column}"))'
             for c in layout.columns if c.kind in ("json", "list")]
    if valid:
        obj = f"CASE WHEN {' AND '.join(valid)} THEN {obj} END"
    return (f"SELECT t.article_pk, {obj}, t.extra, t.rowid FROM {layout.table} t "
            f"WHERE t.article_pk IN ({_marks(n)}) ORDER BY t.article_pk, t.{order}")


def _reread(conn, layout: Layout, rowid: int) -> dict:
    """The plain dict of a row whose JSON columns SQLite cannot parse."""
    cols = [f'"{layout.columns[layout.index[k]].column}"' for k in layout.plain_keys]
    row = conn.execute(f"SELECT {', '.join(cols)} FROM {layout.table} WHERE rowid = ?",
                       (rowid,)).fetchone()
    return {k: fact_rows.read(layout.columns[layout.index[k]], v)
            for k, v in zip(layout.plain_keys, row)}


def _dicts(conn, cur, pks: list[int]) -> dict[int, dict[str, list]]:
    """``{pk: {kind: [dict, ...]}}`` for the kinds of :data:`_DICT`."""
    out = {pk: {kind: [] for kind, _, _ in _DICT} for pk in pks}
    for kind, layout, order in _DICT:
        texts: dict[int, list[str]] = {}
        odd: list[tuple] = []  # (pk, index, extra, rowid of a NULL row)
        for pk, obj, extra, rowid in cur.execute(_dict_sql(layout, order, len(pks)), pks):
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


# --------------------------------------------------------------------------- the batch

def _cursor(conn):
    cur = conn.cursor()
    cur.row_factory = None
    return cur


def read_texts(conn, pks: list[int]) -> dict[int, dict[str, RawJSON]]:
    """The facts of articles ``pks`` as JSON text, one query per table:
    ``{pk: {kind: RawJSON}}``, each the ``json.dumps(..., ensure_ascii=False)`` of the list
    :func:`read` gives."""
    if dialect(conn) != "sqlite" or not pks:
        return {pk: {k: RawJSON(json.dumps(v, ensure_ascii=False)) for k, v in facts.items()}
                for pk, facts in fact_tables.read(conn, pks).items()}
    cur = _cursor(conn)
    out = {pk: {k: RawJSON(f"[{', '.join(v)}]") for k, v in facts.items()}
           for pk, facts in _texts(cur, pks).items()}
    for pk, facts in _dicts(conn, cur, pks).items():
        out[pk].update((k, RawJSON(json.dumps(v, ensure_ascii=False))) for k, v in facts.items())
    return {pk: {k: out[pk][k] for k in FACT_NAMES} for pk in pks}


def read(conn, pks: list[int]) -> dict[int, dict[str, list]]:
    """The facts of articles ``pks``, one query per table: ``{pk: {kind: [dict, ...]}}``,
    the dicts :func:`storyline.store.fact_tables.read` gives."""
    if dialect(conn) != "sqlite" or not pks:
        return fact_tables.read(conn, pks)
    cur = _cursor(conn)
    out = {pk: {k: json.loads(f"[{', '.join(v)}]") if v else [] for k, v in facts.items()}
           for pk, facts in _texts(cur, pks).items()}
    for pk, facts in _dicts(conn, cur, pks).items():
        out[pk].update(facts)
    return {pk: {k: out[pk][k] for k in FACT_NAMES} for pk in pks}
