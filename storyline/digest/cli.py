"""``storyline digest`` and ``storyline watch``: the newsletter and its saved searches."""
from __future__ import annotations

import click

from storyline.cliutil import db_option, echo_json, format_option, open_archive
from storyline.rules.web import DIGEST_DEFAULT_SINCE


@click.command()
@click.option("--since", default=DIGEST_DEFAULT_SINCE, show_default=True,
              help="What counts as new: a span (30m, 12h, 2d, 1w) or an ISO date.")
@click.option("--watch", "watch_names", multiple=True,
              help="Only this watch's section (repeatable; default: every watch).")
@db_option
@format_option(["md", "html", "json"], "md")
def digest(since, watch_names, db, fmt):
    """What is new in the archive since then: stories that grew (new outlets), new
    quotes (of watched people), new events, what is scheduled next, one section per
    watch. HTML is mail-safe (inline styles).

    \b
    Example:
        storyline digest --since 12h --format html --db news.db > digest.html
        storyline digest --since 2d --watch port --db news.db
    """
    from storyline.digest import build
    from storyline.digest.render import to_html, to_markdown

    with open_archive(db) as archive:
        data = build(archive, since=since, watch_names=list(watch_names) or None)
    if fmt == "json":
        echo_json(data)
    else:
        click.echo(to_html(data) if fmt == "html" else to_markdown(data))


@click.group()
def watch():
    """Saved searches: each becomes a section of the digest.

    \b
    Example:
        storyline watch add port "port strike" --place Rotterdam --db news.db
        storyline watch list --db news.db
        storyline watch remove port --db news.db
    """


@watch.command("add")
@click.argument("name")
@click.argument("query")
@click.option("--person", help="Only articles naming this person (any alias).")
@click.option("--place", help="Only articles placed here (name or country code).")
@db_option
def watch_add(name, query, person, place, db):
    """Save the search QUERY as the watch NAME (replacing one of that name)."""
    from storyline.digest import watches

    with open_archive(db) as archive:
        watches.add(archive.conn, name, query, person=person, place=place)
    click.echo(f"watch {name!r} saved")


@watch.command("list")
@db_option
@format_option(["text", "json"], "text")
def watch_list(db, fmt):
    """Every saved watch."""
    from storyline.digest import watches

    with open_archive(db) as archive:
        rows = watches.list_all(archive.conn)
    if fmt == "json":
        echo_json(rows)
        return
    for w in rows:
        extra = "".join(f" {k}={w[k]!r}" for k in ("person", "place") if w[k])
        click.echo(f"{w['name']}: {w['query']!r}{extra}")


@watch.command("remove")
@click.argument("name")
@db_option
def watch_remove(name, db):
    """Delete the watch NAME."""
    from storyline.digest import watches

    with open_archive(db) as archive:
        watches.remove(archive.conn, name)
    click.echo(f"watch {name!r} removed")


COMMANDS = [digest, watch]
