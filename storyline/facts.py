"""The kinds of fact that enrichment finds, in one registry.

Each kind is a list of dicts with character spans into the article text, filled by one
enrichment component, carried by ``Document`` and ``Article`` under the same name, written to
the JSON (schema v1), exported as a JSON column and counted by ``storyline stats`` from the
archive tables named here. Everything that handles facts as a group iterates over
:data:`FACT_KINDS`, so a new kind of fact is declared here (plus its component, its field on
``Document``/``Article`` and its archive table), not in every layer.

Example::

    >>> [kind.name for kind in FACT_KINDS]
    ['entities', 'quotes', 'times', 'places', 'events']
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FactKind:
    """One kind of fact: its field name and the archive tables ``stats`` counts for it."""

    name: str
    what: str
    stat_tables: tuple[str, ...]


FACT_KINDS: tuple[FactKind, ...] = (
    FactKind("entities", "people, organisations and places, with roles and mentions",
             ("entities", "mentions")),
    FactKind("quotes", "direct, partial and reported speech with resolved speakers", ("quotes",)),
    FactKind("times", "time expressions resolved to TIMEX3 values", ("times",)),
    FactKind("places", "places resolved to a country and coordinates", ("places",)),
    FactKind("events", "meetings, calls, talks... with when, where and who", ("events",)),
)

#: The field names, in schema order.
FACT_NAMES: tuple[str, ...] = tuple(kind.name for kind in FACT_KINDS)
