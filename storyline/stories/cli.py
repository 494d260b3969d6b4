"""The story commands: ``stories``, ``story``, ``related`` and ``restory``."""
from __future__ import annotations

import json
import sys

import click

from storyline.cliutil import db_option, echo_json, err, format_option, iso_date, open_archive
from storyline.escaping import json_text

FORMATS = ["table", "json", "jsonl"]


def _print(obj, fmt: str, view, items_key: str | None = None) -> None:
    if fmt == "json":
        echo_json(obj)
    elif fmt == "jsonl":
        rows = obj.get(items_key) if items_key else [obj]
        for row in rows or []:
            click.echo(json_text(json.dumps(row, ensure_ascii=False, default=str)))
    else:
        from rich.console import Console

        Console().print(view(obj))


def _exit_if_missing(data, line: str) -> None:
    if data is None:
        err(line)
        sys.exit(1)


@click.command("stories")
@click.option("--since", callback=iso_date, help="Stories with an article on or after this date.")
@click.option("--until", callback=iso_date, help="Stories that began on or before this date.")
@click.option("--about", metavar="TEXT", help="Only stories with an article matching these words.")
@click.option("--person", metavar="NAME", help="Only stories naming this person or organisation.")
@click.option("--place", metavar="NAME", help="Only stories at this place (name or country code).")
@click.option("--by", "order", type=click.Choice(["recent", "outlets"]), default="recent",
              show_default=True, help="Newest first, or most outlets first.")
@click.option("--limit", type=click.IntRange(min=1, max=10_000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@db_option
@format_option(FORMATS, "table")
def stories_command(since, until, about, person, place, order, limit, offset, db, fmt):
    """The stories in the archive: label, span, number of articles and outlets.

    A story is the articles of every outlet about one real-world event or development
    (see docs/architecture.md, "Stories").

    \b
    Example:
        storyline stories --about "Geneva talks" --db news.db
        storyline stories --person Putin --since 2021-12-01 --format json --db news.db
    """
    from storyline.stories.render import stories_table

    with open_archive(db) as archive:
        data = archive.stories(since=since, until=until, about=about, person=person,
                               place=place, order=order, limit=limit, offset=offset)
    _print(data, fmt, stories_table, "items")


@click.command("story")
@click.argument("story_id")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", callback=iso_date, default=None,
              help="The day the timeline counts from: later facts are 'scheduled' "
                   "(default: today).")
@db_option
@format_option(FORMATS, "table")
def story_command(story_id, as_of, db, fmt):
    """One story: its label, outlets and dates, key people and places, quotes and timeline.

    STORY_ID is a story id or the id (4+ characters) or URL of any of its articles.

    \b
    Example:
        storyline story 3f2a9c41 --as-of 2021-12-31 --db news.db
    """
    from storyline.stories.render import story_view

    with open_archive(db) as archive:
        data = archive.story(story_id, as_of=as_of)
    _exit_if_missing(data, f"{story_id}: [E305] no story or article with this id in the "
                           f"archive; `storyline stories` lists them")
    _print(data, fmt, story_view, None)


@click.command("related")
@click.argument("article_id")
@click.option("--limit", type=click.IntRange(min=1, max=1000), default=10, show_default=True,
              help="Articles of other stories shown.")
@db_option
@format_option(FORMATS, "table")
def related_command(article_id, limit, db, fmt):
    """More on this topic: the other articles of an article's story, then the closest
    articles of other stories, with the reason (shared names, same event).

    \b
    Example:
        storyline related 3f2a9c41 --db news.db
    """
    from storyline.stories.render import related_table

    with open_archive(db) as archive:
        data = archive.related(article_id, limit=limit)
    _exit_if_missing(data, f"{article_id}: [E301] no article with this id in the archive; "
                           f"`storyline search` lists ids")
    if fmt == "jsonl":
        for row in data["same_story"]:
            click.echo(json_text(json.dumps({**row, "relation": "same_story"},
                                            ensure_ascii=False)))
        for row in data["other"]:
            click.echo(json_text(json.dumps({**row, "relation": "other"}, ensure_ascii=False)))
        return
    _print(data, fmt, related_table, None)


@click.command("restory")
@db_option
@format_option(FORMATS, "table")
def restory_command(db, fmt):
    """Rebuild every story from scratch in one pass (after a rule or threshold changed).

    Runs in one transaction: interrupted, it leaves the stories as they were.

    \b
    Example:
        storyline restory --db news.db
    """
    with open_archive(db) as archive:
        counts = archive.restory()
    if fmt in ("json", "jsonl"):
        click.echo(json.dumps(counts) if fmt == "jsonl" else json.dumps(counts, indent=2))
    else:
        click.echo(f"{counts['articles']} articles in {counts['stories']} stories")


COMMANDS = [stories_command, story_command, related_command, restory_command]
