"""Errors whose messages say what went wrong and what to do.

Every error carries a short code (``E1xx`` input, ``E2xx`` extraction, ``E3xx``
archive, ``E4xx`` enrichment) so a batch summary can group failures.
"""
from __future__ import annotations


class StorylineError(Exception):
    code = "E000"

    def __init__(self, message: str, *, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source

    def line(self) -> str:
        """One clear line: the input, the code and the reason (control characters and
        newlines from scraped names shown escaped, never acted on by a terminal)."""
        from storyline.escaping import for_terminal

        where = f"{self.source}: " if self.source else ""
        return for_terminal(f"{where}[{self.code}] {self.message}", keep_newlines=False)

    def __str__(self) -> str:
        return self.line()


class InputError(StorylineError):
    """The input cannot be read (missing, empty, binary, too big, truncated, unreachable)."""

    code = "E100"


class FetchError(InputError):
    code = "E110"


class ExtractionError(StorylineError):
    """The input was read but holds no article."""

    code = "E200"


class ArchiveError(StorylineError):
    code = "E300"


class QueryError(StorylineError):
    """A search the archive refuses to run (too many words: see rules.store.MAX_QUERY_WORDS)."""

    code = "E304"


class ModelMissingError(StorylineError):
    code = "E400"


class NotFound(ArchiveError):
    """No such article, story or entity in the archive (the web answers 404).

    Example::

        raise NotFound("no article with this id; `storyline search` lists ids", source=key)
    """

    code = "E301"
