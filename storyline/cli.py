"""The ``storyline`` command: a thin layer over the library.

Each command parses its options, calls library functions and prints. Library
errors (:class:`storyline.errors.StorylineError`) become one clear line on stderr.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import importlib

import click

from storyline import __version__
from storyline.cliutil import (db_option, echo_json, err, format_option, input_options,
                               is_archive_file, iso_date, limit_option, make_fetcher,
                               open_archive)
from storyline.errors import StorylineError

#: Modules whose ``COMMANDS`` (a list of click commands) join the ``storyline`` group; each
#: keeps its heavy imports inside the command functions so start-up stays cheap.
COMMAND_MODULES: list[str] = []


class _Group(click.Group):
    """Turns library errors into one clear line and exit code 1, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except StorylineError as exc:
            err(exc.line())
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


def _iter_articles(sources, input_format, published, no_enrich, max_bytes, seen=None,
                   fetcher=None):
    """Yield (article, None) or (None, error) for every page of every source, in order.

    ``seen(raw) -> bool`` lets ``ingest`` skip pages already archived (by URL) without
    extracting them again; those yield (None, None)."""
    from storyline.ingest import iter_pages
    from storyline.process import process_page

    stdin = sys.stdin.buffer if "-" in sources else None
    for item in iter_pages(list(sources), input_format=input_format, max_bytes=max_bytes,
                           stdin=stdin, fetcher=fetcher):
        if isinstance(item, StorylineError):
            yield None, item
            continue
        if seen is not None and seen(item):
            yield None, None
            continue
        try:
            yield process_page(item, enrich_text=not no_enrich, published=published), None
        except StorylineError as exc:
            exc.source = item.origin  # name the input as the user gave it (file#item-3)
            yield None, exc
        except Exception as exc:  # noqa: BLE001 - one bad page never stops a batch
            yield None, StorylineError(f"unexpected {type(exc).__name__}: {exc}",
                                       source=item.origin)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@input_options
@format_option(["json", "jsonl", "text", "md"], "json")
def extract(sources, input_format, published, no_enrich, max_bytes, timeout, retries, fmt):
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
    from storyline.render import render_article

    failed = 0
    for article, error in _iter_articles(sources, input_format, published, no_enrich, max_bytes,
                                         fetcher=make_fetcher(timeout, retries, max_bytes)):
        if error is not None:
            failed += 1
            err(error.line())
            continue
        data = article.to_dict()
        if fmt == "jsonl":
            click.echo(json.dumps(data, ensure_ascii=False))
        elif fmt == "json":
            echo_json(data)
        else:
            click.echo(render_article(data, fmt))
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@input_options
@db_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(sources, input_format, published, no_enrich, max_bytes, timeout, retries, db, quiet):
    """Extract, enrich and store articles from SOURCES in the archive.

    Each article is written in one transaction: an interrupted ingest leaves a
    consistent archive, and running it again resumes, skipping what is in.
    Exact duplicates are skipped; syndicated copies are linked to one story.

    \b
    Example:
        storyline ingest examples/ --db news.db
        storyline ingest crawl.warc.gz feed.xml https://example.com/story --db news.db
    """
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from storyline.render import summary_table

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
        for article, error in _iter_articles(todo, input_format, published, no_enrich,
                                             max_bytes, seen=lambda raw: archive.has_url(raw.url),
                                             fetcher=make_fetcher(timeout, retries, max_bytes)):
            if article is None and error is None:
                counts["duplicate"] += 1
            elif error is not None:
                counts["failed"] += 1
                failures.append(error.line())
                report(error.line())
            else:
                try:
                    result = archive.add(article)
                    counts[result.status] += 1
                except StorylineError as exc:
                    exc.source = exc.source or article.source
                    counts["failed"] += 1
                    failures.append(exc.line())
                    report(exc.line())
            progress.update(task, advance=1,
                            description=f"{counts['added']} added, {counts['failed']} failed")
    archive.close()
    Console().print(summary_table(counts, failures, archive_path=str(archive.path)))
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
@format_option(["text", "json"], "text")
def events(upcoming, as_of, where, limit, db, fmt):
    """Meetings, calls, talks, summits, visits, votes found in the archive.

    \b
    Example:
        storyline events --upcoming --where Geneva --db news.db
        storyline events --upcoming --as-of 2021-12-31 --db news.db
    """
    with open_archive(db) as archive:
        rows = archive.events(upcoming=upcoming, where=where, limit=limit, as_of=as_of)
    if fmt == "json":
        echo_json(rows)
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
