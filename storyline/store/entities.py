"""One row per real-world entity: normalised keys and the matching rule.

Rule (in order, within one kind group of rules.store.KIND_GROUPS):
1. the key of the entity's name equals an archived entity's key -> that entity;
2. the key of the name equals the key of an archived entity's alias, and only
   one entity has that alias -> that entity (an article that only says "Putin");
3. a multi-word person name whose last word is the whole key of exactly one
   archived person ("Zelenskyy" seen alone first, "Volodymyr Zelensky" now) ->
   that entity, which takes the fuller name and key;
4. a person name with the same first and last word as exactly one archived person, one of
   the two adding only middle names ("Vladimir Vladimirovich Putin", "Vladimir Putin") ->
   that entity; different first names ("Hunter Biden", "Joe Biden") stay apart;
5. otherwise a new entity.
Every name and alias seen is recorded as an alias of the entity it resolved to;
person names also record their last word (rules.store.SURNAME_ALIAS_GROUPS).
"""
from __future__ import annotations

import re
import sqlite3
import unicodedata

from storyline.rules.store import (KEY_DROP_LEADING, KIND_GROUPS, SURNAME_ALIAS_GROUPS,
                                   TRANSLIT_MIN_TOKEN, TRANSLIT_RULES)

_TRANSLIT = [(re.compile(p), r) for p, r in TRANSLIT_RULES]
_APOSTROPHES = re.compile(r"['’ʼ`´]")
_NON_WORD = re.compile(r"[^\w]+|_")


def fold(text: str | None) -> str:
    """Accent-, case- and apostrophe-insensitive form of a text, words separated by one
    space (NFKD, marks stripped, casefolded, apostrophes dropped): ``Tomás Ó Briain`` ->
    ``tomas o briain``, ``Zürich`` -> ``zurich``, ``O'Neill`` -> ``oneill``. The first
    steps of entity_key, without dropping honorifics or collapsing transliterations."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _APOSTROPHES.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def name_matches(query: str | None, name: str | None) -> bool:
    """Whether a query names ``name``: the folded query's words appear in the folded name
    as a run starting at a word boundary, the last one possibly a word prefix ("Tomas",
    "O Briain", "Zur" all match "Tomás Ó Briain" / "Zürich"; "omas" does not). The lists
    apply this rule through an index: :mod:`storyline.store.names`."""
    q, n = fold(query), fold(name)
    if not q or not n:
        return False
    return f" {n}".find(f" {q}") >= 0


def entity_key(name: str) -> str:
    """Normalised key of a name: accents stripped, casefolded, honorifics dropped,
    transliteration variants collapsed (``Zelenskyy`` -> ``zelenski``)."""
    tokens = fold(name).split()
    while len(tokens) > 1 and tokens[0] in KEY_DROP_LEADING:
        tokens.pop(0)
    out = []
    for tok in tokens:
        if len(tok) >= TRANSLIT_MIN_TOKEN and tok.isalpha():
            for pattern, repl in _TRANSLIT:
                tok = pattern.sub(repl, tok)
        out.append(tok)
    return " ".join(out)


def kind_group(label: str | None) -> str:
    return KIND_GROUPS.get((label or "").upper(), (label or "other").lower())


def resolve(conn: sqlite3.Connection, name: str, label: str,
            aliases: list[str] | tuple[str, ...] = ()) -> int:
    """The pk of the archived entity ``name`` refers to, created if new; records
    ``name`` and ``aliases`` as its aliases. Runs inside the caller's transaction."""
    key = entity_key(name)
    group = kind_group(label)
    row = conn.execute("SELECT pk FROM entities WHERE key = ? AND kind_group = ?",
                       (key, group)).fetchone()
    if row is None:
        hits = conn.execute(
            "SELECT DISTINCT a.entity_pk FROM entity_aliases a JOIN entities e "
            "ON e.pk = a.entity_pk WHERE a.key = ? AND e.kind_group = ? LIMIT 2",
            (key, group)).fetchall()
        row = hits[0] if len(hits) == 1 else None
    words = key.split()
    surname_rule = group in SURNAME_ALIAS_GROUPS and len(words) > 1
    if row is None and surname_rule:
        hits = conn.execute("SELECT pk FROM entities WHERE key = ? AND kind_group = ? LIMIT 2",
                            (words[-1], group)).fetchall()
        if len(hits) == 1:
            row = hits[0]
            conn.execute("UPDATE entities SET key = ?, name = ? WHERE pk = ?",
                         (key, name, row[0]))
    if row is None and surname_rule:
        row = _same_first_and_last(conn, words, group)
    if row is None:
        pk = conn.execute("INSERT INTO entities(key, kind_group, label, name) VALUES (?,?,?,?) "
                          "RETURNING pk", (key, group, label or "", name)).fetchone()[0]
    else:
        pk = row[0]
    names = {name, *aliases}
    if surname_rule:
        names.add(name.split()[-1])
    conn.executemany("INSERT INTO entity_aliases(entity_pk, alias, key) "
                     "VALUES (?,?,?) ON CONFLICT DO NOTHING",
                     [(pk, alias.strip(), entity_key(alias))
                      for alias in names if alias and alias.strip()])
    return pk


def _same_first_and_last(conn: sqlite3.Connection, words: list[str], group: str):
    """The one archived person whose name has the same first and last word as ``words`` and
    differs only by middle names present on one side ("Vladimir Vladimirovich Putin" and
    "Vladimir Putin"); None if none or several. "Hunter Biden" and "Joe Biden" differ."""
    first, last = words[0], words[-1]
    rows = conn.execute("SELECT pk, key FROM entities WHERE kind_group = ? AND key >= ? "
                        "AND key < ? LIMIT 50", (group, first + " ", first + "!")).fetchall()
    hits = []
    for pk, key in rows:
        other = key.split()
        if len(other) < 2 or other[-1] != last or other == words:
            continue
        short, long_ = sorted((other, words), key=len)
        if len(short) == 2 and len(long_) > 2:  # only middle names added, none changed
            hits.append((pk,))
    return hits[0] if len(hits) == 1 else None


def lookup(conn: sqlite3.Connection, name: str) -> int | None:
    """The pk of the entity a query name refers to (by key, then by alias key), or None.
    Among several, the one with the most article mentions wins."""
    key = entity_key(name)
    if not key:
        return None
    order = ("ORDER BY (SELECT COUNT(*) FROM article_entities ae WHERE ae.entity_pk = e.pk) "
             "DESC, e.pk LIMIT 1")
    row = conn.execute(f"SELECT e.pk FROM entities e WHERE e.key = ? {order}", (key,)).fetchone()
    if row is None:
        row = conn.execute(
            f"SELECT e.pk FROM entities e WHERE e.pk IN "
            f"(SELECT entity_pk FROM entity_aliases WHERE key = ?) {order}", (key,)).fetchone()
    return row[0] if row else None
