"""Fact dicts <-> table rows: every value of a fact is stored once, in a column or in ``extra``.

A :class:`Layout` names a table's columns for the keys every fact of its kind carries, in the
order enrichment writes them. :func:`pack` gives a dict's column values and its ``extra``
JSON, which holds

- the keys that have no column (an entity's ``gender``, a time's unknown new key);
- a value its column cannot hold as given (a ``start`` of ``"12"``, a quote ``kind`` of None
  in a NOT NULL column): the column then keeps the coerced form the queries have always used,
  and ``extra`` the value as given, which wins on reading;
- the key order, only when the dict's keys are not the layout's (one missing, another order):
  ``extra`` is then ``[keys, {...}]`` instead of ``{...}``.

Keys ``held`` elsewhere (an entity's mentions and roles in their own tables, an article's
facts) are rebuilt by the caller and passed to :func:`unpack`. ``unpack(pack(d))`` equals
``json.loads(json.dumps(d))`` -- what the archive's old ``json`` column gave back -- for every
JSON-able dict, key order included.

Example::

    >>> values, extra = pack(TIMES, {"id": "t1", "text": "Monday", "start": 4, "end": 10,
    ...                              "type": "DATE", "value": "2024-03-04", "mod": None,
    ...                              "anchor": "published", "note": "x"})
    >>> extra
    '{"note": "x"}'
    >>> unpack(TIMES, as_read(TIMES, values), extra)["note"]
    'x'
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any, Sequence

from storyline.facts import FACT_NAMES
from storyline.model import READING_WPM, SCHEMA_VERSION, Article, reading_minutes

_INT_MIN, _INT_MAX = -2 ** 63, 2 ** 63 - 1


@dataclass(frozen=True)
class Col:
    """One column: the dict ``key`` it holds, its SQL ``column`` name and ``kind``:
    ``int``, ``real``, ``text``, ``json`` (any value as JSON text), ``list`` (a JSON list;
    anything else is stored as ``[]``), ``joined`` (a list of strings joined by ``"; "``).
    ``default`` is what a NOT NULL column stores for None; ``strip`` stores text stripped."""

    key: str
    column: str
    kind: str = "text"
    default: Any = None
    strip: bool = False


@dataclass(frozen=True)
class Layout:
    """A table's columns, the usual key ``order`` of its dicts, and the keys ``held`` in
    other rows (rebuilt by the caller)."""

    table: str
    columns: tuple[Col, ...]
    order: tuple[str, ...]
    held: tuple[str, ...] = ()
    index: dict[str, int] = field(init=False, repr=False, compare=False)
    #: the keys of a dict with no ``extra``, in order: what :meth:`read_columns` selects
    plain_keys: tuple[str, ...] = field(init=False, repr=False, compare=False)
    read_pos: dict[str, int] = field(init=False, repr=False, compare=False)
    decoded: tuple[Col, ...] = field(init=False, repr=False, compare=False)
    known: frozenset = field(init=False, repr=False, compare=False)
    keys_for: dict = field(init=False, repr=False, compare=False)  # _default_keys, cached

    def __post_init__(self):
        index = {c.key: i for i, c in enumerate(self.columns)}
        missing = (index.keys() | set(self.held)) - set(self.order)
        assert not missing, f"{self.table}: keys {missing} have no place in the order"
        plain = tuple(k for k in self.order if k in index or k in self.held)
        for name, value in (("index", index), ("plain_keys", plain),
                            ("read_pos", {k: i for i, k in enumerate(plain)}),
                            ("decoded", tuple(c for c in self.columns
                                              if c.kind in ("json", "list", "joined"))),
                            ("known", frozenset(index) | frozenset(self.held)),
                            ("keys_for", {})):
            object.__setattr__(self, name, value)

    @property
    def sql_columns(self) -> list[str]:
        """The columns, in ``columns`` order (what :func:`pack` gives values for)."""
        return [f'"{c.column}"' for c in self.columns]

    @property
    def read_columns(self) -> list[str]:
        """What to select for :func:`unpack`: a column per plain key (NULL for held ones)."""
        return [f'"{self.columns[self.index[k]].column}"' if k in self.index else "NULL"
                for k in self.plain_keys]


def _int(v: Any) -> int | None:
    try:
        n = int(v)
    except (TypeError, ValueError, OverflowError):
        return None
    return n if _INT_MIN <= n <= _INT_MAX else None


def _float(v: Any) -> float | None:
    try:
        x = float(v)
    except (TypeError, ValueError, OverflowError):
        return None
    return x if math.isfinite(x) else None


def _query_form(col: Col, v: Any) -> Any:
    """What the column stores for ``v`` (not None)."""
    kind = col.kind
    if kind == "int":
        return _int(v)
    if kind == "real":
        return _float(v)
    if kind == "json":
        return json.dumps(v, ensure_ascii=False)
    if kind == "list":
        return json.dumps(v if isinstance(v, list) else [], ensure_ascii=False)
    if kind == "joined":
        return "; ".join(str(x) for x in v) if isinstance(v, (list, tuple)) else str(v)
    text = v if type(v) is str else str(v)
    return text.strip() if col.strip else text


def read(col: Col, q: Any) -> Any:
    """The dict value a column value stands for."""
    if q is None:
        return None
    if col.kind in ("json", "list"):
        return [] if q == "[]" else json.loads(q)
    if col.kind == "joined":
        return q.split("; ") if q else []
    return q


def fit(col: Col, v: Any) -> tuple[Any, bool]:
    """``(column value, exact)``: exact when reading the column gives ``v`` back."""
    if v is None:
        return col.default, col.default is None
    q = _query_form(col, v)
    if col.kind == "json":
        return q, True
    if col.kind == "list":
        return q, isinstance(v, list)
    if col.kind == "joined":
        return q, isinstance(v, list) and all(type(x) is str for x in v) and read(col, q) == v
    return q, type(q) is type(v) and q == v


def _default_keys(layout: Layout, extra: dict) -> tuple[list[str], bool]:
    """The keys :func:`unpack` gives a dict with these ``extra`` keys and no recorded order,
    and whether they are the plain keys followed by the other extra keys (then the dict is
    the plain one updated with ``extra``)."""
    got = tuple(extra)
    hit = layout.keys_for.get(got)
    if hit is None:
        keys = [k for k in layout.order if k in layout.known or k in extra]
        keys += [k for k in extra if k not in layout.order]
        appended = keys == [*layout.plain_keys, *(k for k in extra if k not in layout.read_pos)]
        hit = (keys, appended)
        if len(layout.keys_for) < 256:
            layout.keys_for[got] = hit
    return hit


def pack(layout: Layout, d: dict, held: Sequence[str] = ()) -> tuple[list, str | None]:
    """Column values (in ``layout.columns`` order) and the ``extra`` JSON (None when empty)
    of ``d``. ``held``: the keys whose values the caller stores exactly elsewhere."""
    if any(type(k) is not str for k in d):  # JSON object keys are strings
        d = json.loads(json.dumps(d, ensure_ascii=False))
    values = [c.default for c in layout.columns]
    extra: dict[str, Any] = {}
    for k, v in d.items():
        i = layout.index.get(k)
        if i is None:
            if k not in held:
                extra[k] = v
            continue
        values[i], exact = fit(layout.columns[i], v)
        if not exact:
            extra[k] = v
    keys = list(d)
    if keys != _default_keys(layout, extra)[0]:
        return values, json.dumps([keys, extra], ensure_ascii=False)
    return values, json.dumps(extra, ensure_ascii=False) if extra else None


def unpack(layout: Layout, values: Sequence, extra: str | None,
           held: dict[str, Any] | None = None) -> dict:
    """The dict :func:`pack` was given, from the values of ``layout.read_columns``, its
    ``extra`` JSON and the values of its ``held`` keys."""
    out = dict(zip(layout.plain_keys, values))  # the plain keys, straight from the row
    for col in layout.decoded:
        v = out[col.key]
        if v is not None:
            out[col.key] = read(col, v)
    if held:
        out.update(held)
    return merge_extra(layout, out, extra)


def merge_extra(layout: Layout, plain: dict, extra: str | None) -> dict:
    """The dict :func:`pack` was given, from ``plain`` (every plain key of ``layout`` with
    the value its column reads as, held keys filled; reused) and the ``extra`` JSON.

    >>> merge_extra(TIMES, dict.fromkeys(TIMES.plain_keys), '{"note": "x"}')["note"]
    'x'
    """
    more = json.loads(extra) if extra else None
    if more is None or type(more) is dict and _default_keys(layout, more)[1]:
        if more:
            plain.update(more)  # extra wins, in place for a column's key
        return plain
    keys, more = more if type(more) is list else (_default_keys(layout, more)[0], more)
    return {k: more[k] if k in more else plain[k] for k in keys}


def appends(layout: Layout, extra: str) -> bool:
    """Whether the dict :func:`pack` gave this ``extra`` is the plain dict with extra's
    items after it (none of them a plain key): then its JSON is the plain dict's JSON with
    extra's items appended.

    >>> appends(ENTITIES, '{"gender": "f"}'), appends(ENTITIES, '{"name": 7}')
    (True, False)
    """
    more = json.loads(extra)
    return (type(more) is dict and bool(more) and not any(k in layout.read_pos for k in more)
            and _default_keys(layout, more)[1])


def as_read(layout: Layout, values: Sequence) -> list:
    """:func:`pack`'s column values in the order :func:`unpack` reads them."""
    return [values[layout.index[k]] if k in layout.index else None for k in layout.plain_keys]


def same(a: Any, b: Any) -> bool:
    """Equal and of the same type (``1 == 1.0 == True`` are three different JSON values)."""
    return type(a) is type(b) and a == b


# --------------------------------------------------------------------------- the layouts

def _cols(*specs) -> tuple[Col, ...]:
    return tuple(s if isinstance(s, Col) else Col(*s) for s in specs)


SPAN = (("start", "start", "int"), ("end", "end", "int"))

ENTITIES = Layout(
    "article_entities",
    _cols(("id", "local_id"), ("label", "label"), Col("name", "name", strip=True), *SPAN,
          ("aliases", "aliases", "list")),
    ("id", "label", "name", "start", "end", "mentions", "roles", "aliases", "gender",
     "country", "country_code"),
    held=("mentions", "roles"))

MENTIONS = Layout("mentions", _cols(*SPAN, ("text", "text")), ("start", "end", "text"))

ROLES = Layout("roles", _cols(("role", "role"), ("org", "org"), *SPAN),
               ("role", "org", "start", "end"))

QUOTES = Layout(
    "quotes",
    _cols(("group", "quote_group", "int"), Col("kind", "kind", default="direct"),
          Col("text", "text", default=""), *SPAN, ("cue", "cue"),
          ("cue_start", "cue_start", "int"), ("cue_end", "cue_end", "int"),
          ("speaker", "speaker"), ("speaker_id", "speaker_id"),
          ("speaker_start", "speaker_start", "int"), ("speaker_end", "speaker_end", "int")),
    ("group", "kind", "text", "start", "end", "cue", "cue_start", "cue_end", "speaker",
     "speaker_id", "speaker_start", "speaker_end"))

TIMES = Layout(
    "times",
    _cols(("id", "local_id"), ("text", "text"), *SPAN, ("type", "type"), ("value", "value"),
          ("mod", "mod"), ("anchor", "anchor")),
    ("id", "text", "start", "end", "type", "value", "mod", "anchor"))

PLACES = Layout(
    "places",
    _cols(("name", "name"), ("text", "text"), *SPAN, ("mentions", "mentions", "json"),
          ("entity_id", "entity_id"), ("entity_ids", "entity_ids", "json"),
          ("country_code", "country_code"), ("admin1", "admin1"), ("lat", "lat", "real"),
          ("lon", "lon", "real"), ("kind", "kind"), ("geonameid", "geonameid", "int"),
          ("population", "population", "int"), ("score", "score", "real"), ("how", "how")),
    ("name", "text", "start", "end", "mentions", "entity_id", "entity_ids", "country_code",
     "admin1", "lat", "lon", "kind", "geonameid", "population", "score", "how"))

EVENTS = Layout(
    "events",
    _cols(("kind", "kind"), *SPAN, ("trigger", "trigger"),
          ("trigger_start", "trigger_start", "int"), ("trigger_end", "trigger_end", "int"),
          ("when", "when_value"), ("when_text", "when_text"), ("time_id", "time_id"),
          ("when_how", "when_how"), ("where", "where_name"), ("country_code", "country_code"),
          ("place_geonameid", "place_geonameid", "int"),
          Col("participants", "participants", "list", default="[]"),
          ("participant_ids", "participant_ids", "json"), ("mentions", "mentions", "json"),
          ("status", "status"), ("how", "how")),
    ("kind", "start", "end", "trigger", "trigger_start", "trigger_end", "when", "when_text",
     "time_id", "when_how", "where", "country_code", "place_geonameid", "participants",
     "participant_ids", "status", "mentions", "how"))

#: The article row: its facts and the values computed from the row are held; ``extra`` is
#: the ``meta`` column (images, provenance).
ARTICLE = Layout(
    "articles",
    _cols(("id", "id"), ("title", "title"), ("subtitle", "subtitle"),
          ("published", "published"), ("language", "language"), ("outlet", "outlet"),
          ("wire", "wire"), ("copyright", "copyright"), Col("authors", "authors", "joined", ""),
          ("url", "url"), ("canonical_url", "canonical_url"), ("source", "source"),
          ("page_type", "page_type"), ("word_count", "word_count", "int"),
          Col("text", "text", default="")),
    tuple(Article().to_dict()),
    held=("schema_version", "reading_time_min", "reading_wpm", "entities", "quotes", "times",
          "places", "events"))


def _derived(word_count: Any, text: Any) -> dict[str, Any]:
    """The article keys computed from its row rather than stored."""
    minutes = reading_minutes(word_count) if text and type(word_count) is int else 0
    return {"schema_version": SCHEMA_VERSION, "reading_time_min": minutes,
            "reading_wpm": READING_WPM}


def rows_hold(value: Any) -> bool:
    """Whether the fact tables give ``value`` (an article's fact list) back exactly."""
    return isinstance(value, (list, tuple)) and all(isinstance(x, dict) for x in value)


def pack_article(d: dict) -> tuple[list, str | None]:
    """The ``articles`` columns of :data:`ARTICLE` and the ``meta`` JSON of an article dict
    (``Article.record()``); its facts are written to their tables apart."""
    derived = _derived(d.get("word_count"), d.get("text"))
    held = [k for k, v in derived.items() if k in d and same(d[k], v)]
    held += [k for k in FACT_NAMES if k in d and rows_hold(d[k])]
    return pack(ARTICLE, d, held)


def unpack_article(values: Sequence, meta: str | None, facts: dict[str, list]) -> dict:
    """The article dict from its ``ARTICLE.read_columns``, ``meta`` and
    its facts (``fact_tables.read``)."""
    i = ARTICLE.read_pos
    held = _derived(values[i["word_count"]], values[i["text"]])
    held.update(facts)
    return unpack(ARTICLE, values, meta, held)
