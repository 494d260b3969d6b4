"""The archive: one SQLite file with articles, stories (syndicated copies linked),
FTS5 search and the who/what/when/where tables. See :class:`Archive`."""
from storyline.store.archive import AddResult, Archive
from storyline.store.entities import entity_key
from storyline.store.search import fts_query

__all__ = ["Archive", "AddResult", "entity_key", "fts_query"]
