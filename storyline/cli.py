"""The ``storyline`` command: a thin layer over the library.

Each command parses its options, calls library functions and prints. Library
errors (:class:`storyline.errors.StorylineError`) become one clear line on stderr.
"""
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import importlib

import click

from storyline import __version__
from storyline.cliutil import (db_option, echo_json, err, format_option, input_options,
                               is_archive_file, iso_date, limit_option, make_fetcher,
                               open_archive, workers_option)
from storyline.errors import ArchiveError, StorylineError
from storyline.escaping import json_text

#: Modules whose ``COMMANDS`` (a list of click commands) join the ``storyline`` group; each
#: keeps its heavy imports inside the command functions so start-up stays cheap.
COMMAND_MODULES: list[str] = [
    "storyline.stories.cli",
    "storyline.web.cli",
    "storyline.digest.cli",
    "storyline.follow.cli",
    "storyline.spark.cli",
    "storyline.store.cli",
]


class _Group(click.Group):
    """Turns library errors into one clear line and exit code 1, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except StorylineError as exc:
            err(exc.line())
            ctx.exit(1)
        except sqlite3.DatabaseError as exc:  # either backend, e.g. a server gone mid-command
            err(ArchiveError(f"the archive could not answer ({exc})").line())
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storyline")
def main():
    """Storyline: news pages in, a searchable archive of who said what, when and where out.

    \b
    Example:
        storyline extract page.html --format json
        storyline ingest examples/ --db news.db
        storyline search "Geneva talks" --db news.db
    """


def _outcomes(sources, input_format, max_bytes, fetcher, workers, settings, skip=None,
              known=None):
    """Every page of every source through ``storyline.parallel.process_pages``, in order."""
    from storyline.ingest import iter_pages
    from storyline.parallel import process_pages

    stdin = sys.stdin.buffer if "-" in sources else None
    pages = iter_pages(list(sources), input_format=input_format, max_bytes=max_bytes,
                       stdin=stdin, fetcher=fetcher)
    return process_pages(pages, workers=workers, settings=settings, skip=skip, known=known)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@input_options
@workers_option
@format_option(["json", "jsonl", "text", "md"], "json")
def extract(sources, input_format, published, no_enrich, max_bytes, timeout, retries, workers,
            fmt):
    """Extract clean articles from SOURCES, without an archive.

    SOURCES are files (HTML, .gz, scraped text, WARC, RSS/Atom, JSON Lines),
    directories, globs, http(s) URLs or - for stdin. Prints one pretty JSON object
    per article (json), one line per article in input order (jsonl: use it to
    read several articles by program), or readable text / Markdown.

    \b
    Example:
        storyline extract page.html --format json
        storyline extract crawl.warc.gz --format jsonl --no-enrich > articles.jsonl
    """
    from storyline.parallel import Settings
    from storyline.render import render_article

    failed = 0
    for outcome in _outcomes(sources, input_format, max_bytes,
                             make_fetcher(timeout, retries, max_bytes), workers,
                             Settings(enrich=not no_enrich, published=published)):
        if outcome.error is not None:
            failed += 1
            err(outcome.error.line())
            continue
        data = outcome.article.to_dict()
        if fmt == "jsonl":
            click.echo(json_text(json.dumps(data, ensure_ascii=False)))
        elif fmt == "json":
            echo_json(data)
        else:
            click.echo(render_article(data, fmt))
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@input_options
@workers_option
@db_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--keep-non-articles", is_flag=True,
              help="Also archive pages that are not one story (home, section and list pages, "
                   "page_type \"index\"); by default they are skipped with a note.")
def ingest(sources, input_format, published, no_enrich, max_bytes, timeout, retries, workers, db,
           quiet, keep_non_articles):
    """Extract, enrich and store articles from SOURCES in the archive.

    Each article is written in one transaction: an interrupted ingest leaves a
    consistent archive, and running it again resumes, skipping what is in: a page
    whose URL or raw bytes the archive has met is skipped before extraction.
    Exact duplicates are skipped (and not enriched); syndicated copies are linked
    to one story. Pages are extracted and enriched by --workers processes; this
    one writes them in input order.

    \b
    Example:
        storyline ingest examples/ --db news.db
        storyline ingest crawl.warc.gz feed.xml https://example.com/story --db news.db
    """
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from storyline.parallel import Settings
    from storyline.render import summary_table
    from storyline.store.db import resolved
    from storyline.store.dedup import page_hash

    archive = open_archive(db, create=True)
    counts = {"added": 0, "duplicate": 0, "copy": 0, "failed": 0}
    # URLs already archived are not fetched again
    todo = []
    for source in sources:
        if source.lower().startswith(("http://", "https://")) and archive.has_url(source):
            counts["duplicate"] += 1
        else:
            todo.append(source)
    failures: list[str] = []
    console = Console(stderr=True)
    progress = Progress(SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(),
                        TextColumn("{task.completed} pages · {task.description}"),
                        TimeElapsedColumn(), console=console, transient=True,
                        disable=quiet or not console.is_terminal)

    def report(line: str) -> None:
        if progress.disable:
            err(line)
        else:
            progress.console.print(line, markup=False, highlight=False, soft_wrap=True)

    with progress:
        task = progress.add_task("", total=None)
        for outcome in _outcomes(todo, input_format, max_bytes,
                                 make_fetcher(timeout, retries, max_bytes), workers,
                                 Settings(enrich=not no_enrich, published=published,
                                          archive_path=resolved(archive.path)),
                                 skip=lambda raw: (archive.has_url(raw.url) or archive.has_raw(
                                     page_hash(raw.content, raw.kind, raw.url))),
                                 known=archive.has):
            error, article = outcome.error, outcome.article
            if outcome.skipped:
                counts["duplicate"] += 1
            elif error is not None:
                counts["failed"] += 1
                failures.append(error.line())
                report(error.line())
            elif article.page_type == "index" and not keep_non_articles:
                report(f"{article.source}: skipped: not an article (a home, section or list "
                       "page); pass --keep-non-articles to archive it")
            else:
                try:
                    page = outcome.page
                    result = archive.add(article,
                                         raw_hash=page_hash(page.content, page.kind, page.url))
                    counts[result.status] += 1
                except StorylineError as exc:
                    exc.source = exc.source or article.source
                    counts["failed"] += 1
                    failures.append(exc.line())
                    report(exc.line())
            progress.update(task, advance=1,
                            description=f"{counts['added']} added, {counts['failed']} failed")
    archive.close()
    Console().print(summary_table(counts, failures, archive_path=archive.name))
    sys.exit(1 if counts["failed"] else 0)


@main.command()
@click.argument("query")
@click.option("--since", callback=iso_date, help="Published on or after this date (YYYY-MM-DD).")
@click.option("--until", callback=iso_date, help="Published on or before this date (YYYY-MM-DD).")
@click.option("--outlet", help="Only articles from this outlet.")
@limit_option(20)
@db_option
@format_option(["text", "json"], "text")
def search(query, since, until, outlet, limit, db, fmt):
    """Full-text search of the archive, best matches first, with highlighted snippets.

    QUERY is plain words (all must appear) or a "quoted phrase"; it is escaped,
    so any text is safe to pass.

    \b
    Example:
        storyline search "security guarantees" --since 2021-12-01 --db news.db
    """
    from storyline.render import search_table

    if not query.strip():
        raise click.BadParameter("give at least one word to search for", param_hint="QUERY")
    with open_archive(db) as archive:
        hits = archive.search(query, since=since, until=until, outlet=outlet, limit=limit)
    if fmt == "json":
        echo_json(hits)
    else:
        from rich.console import Console

        Console().print(search_table(query, hits))


@main.command()
@click.argument("article_id")
@db_option
@format_option(["text", "json", "md"], "text")
def show(article_id, db, fmt):
    """Show one archived article (ID, an unambiguous prefix of 4+ characters, or its URL),
    with every outlet that carried it.

    \b
    Example:
        storyline show 3f2a9c --format json --db news.db
    """
    from storyline.render import render_article

    with open_archive(db) as archive:
        data = archive.get(article_id)
    if data is None:
        err(f"{article_id}: [E301] no article with this id in the archive; "
             f"`storyline search` lists ids")
        sys.exit(1)
    if fmt == "json":
        echo_json(data)
    else:
        click.echo(render_article(data, fmt))


@main.command()
@format_option(["jsonl", "csv", "parquet"], "jsonl")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output file (default: stdout for jsonl and csv; required for parquet).")
@db_option
def export(fmt, output, db):
    """Export every archived article.

    \b
    Example:
        storyline export --format parquet -o articles.parquet --db news.db
    """
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output FILE")
    if output is not None and not output.parent.is_dir():
        err(f"{output}: [E303] the folder {output.parent} does not exist")
        sys.exit(1)
    with open_archive(db) as archive:
        if output is not None and is_archive_file(output, archive.path):
            err(f"{output}: [E303] this is the archive itself; choose another output file")
            sys.exit(1)
        try:
            n = archive.export(fmt, sys.stdout if output is None else output)
        except OSError as exc:
            err(f"{output or 'stdout'}: [E303] cannot write the export: {exc.strerror or exc}")
            sys.exit(1)
    err(f"exported {n} articles" + (f" to {output}" if output else ""))


@main.command()
@db_option
@format_option(["text", "json"], "text")
def stats(db, fmt):
    """Counts of what the archive holds.

    \b
    Example:
        storyline stats --db news.db
    """
    with open_archive(db) as archive:
        data = archive.stats()
    if fmt == "json":
        echo_json(data)
    else:
        from rich.console import Console

        from storyline.render import stats_table

        Console().print(stats_table(data))


@main.command()
@click.argument("name")
@db_option
@format_option(["text", "json"], "text")
def entity(name, db, fmt):
    """One person, organisation or place across the archive: roles, articles, quotes, company.

    \b
    Example:
        storyline entity "Jen Psaki" --db news.db
    """
    with open_archive(db) as archive:
        data = archive.entity(name)
    if data is None:
        err(f"{name}: [E302] no entity of that name in the archive")
        sys.exit(1)
    if fmt == "json":
        echo_json(data)
    else:
        from storyline.render import render_entity

        click.echo(render_entity(data))


@main.command()
@click.option("--speaker", help="Only quotes by this speaker (name or alias).")
@click.option("--since", callback=iso_date, help="Published on or after this date.")
@click.option("--until", callback=iso_date, help="Published on or before this date.")
@limit_option(100)
@db_option
@format_option(["text", "json"], "text")
def quotes(speaker, since, until, limit, db, fmt):
    """Who said what: quotations in the archive, newest first.

    \b
    Example:
        storyline quotes --speaker Ushakov --db news.db
    """
    with open_archive(db) as archive:
        rows = archive.quotes(speaker=speaker, since=since, until=until, limit=limit)
    if fmt == "json":
        echo_json(rows)
    else:
        from rich.console import Console

        from storyline.render import quotes_table

        Console().print(quotes_table(rows))


@main.command()
@click.option("--upcoming", is_flag=True,
              help="Only events still ahead: dated today or later (see --as-of), or announced "
                   "with no date yet; soonest first.")
@click.option("--as-of", "as_of", default=None, metavar="YYYY-MM-DD", callback=iso_date,
              help="The day --upcoming counts from (default: today), e.g. the date of a crawl.")
@click.option("--where", help="Only events at this place (name or country code).")
@limit_option(100)
@db_option
@format_option(["text", "json", "ics"], "text")
def events(upcoming, as_of, where, limit, db, fmt):
    """Meetings, calls, talks, summits, visits, votes found in the archive.

    ``--format ics`` writes an iCalendar file (all-day entries for dates, UTC for clock
    times, each with its article's link) for Google Calendar, Outlook or Thunderbird.

    \b
    Example:
        storyline events --upcoming --where Geneva --db news.db
        storyline events --upcoming --as-of 2021-12-31 --db news.db
        storyline events --upcoming --format ics --db news.db > events.ics
    """
    with open_archive(db) as archive:
        rows = archive.events(upcoming=upcoming, where=where, limit=limit, as_of=as_of)
    if fmt == "json":
        echo_json(rows)
    elif fmt == "ics":
        from storyline.web.formats import to_ics

        click.echo(to_ics(rows).decode("utf-8"), nl=False)
    else:
        from rich.console import Console

        from storyline.render import events_table

        Console().print(events_table(rows))


def _register_commands() -> None:
    for module in COMMAND_MODULES:
        for command in importlib.import_module(module).COMMANDS:
            main.add_command(command)


_register_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
