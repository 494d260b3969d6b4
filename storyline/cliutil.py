"""Building blocks shared by the command modules: options, archive opening, output.

Every command module (``storyline.cli`` and the ones it registers) uses these, so an
option means the same everywhere.

Example::

    @click.command()
    @db_option
    @format_option(["text", "json"], "text")
    def count(db, fmt):
        with open_archive(db) as archive:
            echo_json({"articles": len(archive)})
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from storyline.rules.ingest import ALLOW_PRIVATE_ENV

INPUT_FORMATS = ["auto", "html", "text", "body", "warc", "feed", "jsonl"]
#: Default size limit of one input, in bytes (``--max-bytes`` / STORYLINE_MAX_BYTES).
DEFAULT_MAX_BYTES = 50_000_000


def err(line: str) -> None:
    """One line on stderr; control characters from scraped names shown as ``\\xNN``."""
    from storyline.escaping import for_terminal

    click.echo(for_terminal(line), err=True)


def iso_date(ctx, param, value):
    """Click callback: an ISO 8601 date or date-time, else a usage error (exit 2)."""
    if value is None:
        return None
    from datetime import date, datetime

    try:
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date like 2021-12-31")
    return value


def db_option(func):
    return click.option("--db", "db", envvar="STORYLINE_DB", default=None,
                        help="Archive file, or a PostgreSQL URL postgresql://USER@HOST/DB "
                             "(default: $STORYLINE_DB or ./storyline.db).")(func)


def is_archive_file(path: Path, archive_path: str) -> bool:
    """Whether ``path`` is the archive's file or one of SQLite's files beside it (-wal,
    -shm, -journal): writing an export there would destroy the archive."""
    import os

    from storyline.store.db import is_server

    if is_server(archive_path):
        return False
    for suffix in ("", "-wal", "-shm", "-journal"):
        other = Path(archive_path + suffix)
        if path.exists() and other.exists() and os.path.samefile(path, other):
            return True
    return False


#: Largest ``--limit``: SQLite's LIMIT is a signed 64-bit integer.
MAX_LIMIT = 2**63 - 1


def limit_option(default: int):
    """``--limit N``: at least 1, at most :data:`MAX_LIMIT` (a usage error, not a traceback)."""
    return click.option("--limit", type=click.IntRange(min=1, max=MAX_LIMIT), default=default,
                        show_default=True, help="Most rows to print.")


def format_option(choices, default):
    def deco(func):
        return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                            show_default=True, help="Output format.")(func)
    return deco


def input_options(func):
    func = click.option("--input-format", type=click.Choice(INPUT_FORMATS), default="auto",
                        show_default=True,
                        help="Kind of input; 'body' keeps the text exactly as the article body.")(func)
    func = click.option("--published", default=None, callback=iso_date,
                        help="Publication date (ISO 8601) overriding what the page says.")(func)
    func = click.option("--no-enrich", is_flag=True,
                        help="Skip entities, quotes, times, places and events.")(func)
    func = click.option("--max-bytes", type=click.IntRange(min=1), envvar="STORYLINE_MAX_BYTES",
                        default=DEFAULT_MAX_BYTES, show_default=True,
                        help="Refuse inputs larger than this.")(func)
    func = click.option("--timeout", type=click.FloatRange(min=0.1), default=None,
                        help="Seconds one web request may take, connecting to last byte "
                             "(URLs only; default 30).")(func)
    func = click.option("--retries", type=click.IntRange(min=0), default=None,
                        help="Retries of a failed fetch, with backoff (URLs only; default 3).")(func)
    func = click.option("--allow-private", is_flag=True, envvar=ALLOW_PRIVATE_ENV,
                        expose_value=False, callback=_remember_allow_private,
                        help="Fetch loopback, link-local and private addresses too (an "
                             "intranet); refused by default.")(func)
    return func


_ALLOW_PRIVATE = "storyline.allow_private"


def _remember_allow_private(ctx, param, value):
    """Kept in the context for make_fetcher, so commands need no extra argument."""
    ctx.meta[_ALLOW_PRIVATE] = bool(value)
def workers_option(func):
    """``--workers N``: processes that extract and enrich pages (default: the cores)."""
    from storyline.parallel import default_workers

    return click.option("--workers", "-j", type=click.IntRange(min=1), default=default_workers(),
                        envvar="STORYLINE_WORKERS", show_default="the number of cores",
                        help="Worker processes extracting and enriching pages "
                             "($STORYLINE_WORKERS); 1 runs all in this process. Output order "
                             "is the input order.")(func)


def open_archive(db: str | None, *, create: bool = False):
    """The archive at ``db`` (a file or a PostgreSQL URL); read-only commands never create
    one by mistake (on a server, the database must exist: it is created empty by its
    administrator, and the schema by the first command that opens it)."""
    from storyline.errors import ArchiveError
    from storyline.store import Archive
    from storyline.store.db import is_server

    if db and is_server(db):
        return Archive(db)
    path = Path(db) if db else Archive.default_path()
    if not create and not path.exists():
        raise ArchiveError("no archive here; check --db or $STORYLINE_DB, or create one with "
                           "`storyline ingest`", source=str(path))
    return Archive(path)


def make_fetcher(timeout, retries, max_bytes, allow_private=None):
    """The Fetcher for a command's ``input_options``, or None when all are defaults.

    ``allow_private`` defaults to the ``--allow-private`` flag of the running command.
    """
    if allow_private is None:
        ctx = click.get_current_context(silent=True)
        allow_private = bool(ctx and ctx.meta.get(_ALLOW_PRIVATE))
    if timeout is None and retries is None and not allow_private:
        return None
    from storyline.ingest.fetch import Fetcher
    from storyline.rules import ingest as rules

    return Fetcher(timeout=rules.FETCH_TIMEOUT if timeout is None else timeout,
                   retries=rules.FETCH_RETRIES if retries is None else retries,
                   max_bytes=max_bytes, allow_private=True if allow_private else None)


def echo_json(obj) -> None:
    """Pretty JSON on stdout; every control character escaped (C1 and DEL too)."""
    from storyline.escaping import json_text

    click.echo(json_text(json.dumps(obj, ensure_ascii=False, indent=2, default=str)))
