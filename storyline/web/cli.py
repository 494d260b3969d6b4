"""``storyline serve``: the web view of an archive (pages, JSON API, feeds, calendar)."""
from __future__ import annotations

import click

from storyline.cliutil import db_option, err
from storyline.rules.web import DEFAULT_HOST, DEFAULT_PORT


@click.command()
@db_option
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="Address to listen on; the default is this machine only.")
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True)
def serve(db, host, port):
    """Browse the archive in a web browser: search, articles with their facts, stories,
    people, events, quotes, a digest; JSON under /api/, a calendar at /events.ics.

    The server only reads the archive (a read-only connection per request) and never
    fetches anything; it can run while `storyline ingest` writes.

    \b
    Example:
        storyline serve --db news.db            # then open http://127.0.0.1:8000/
    """
    import uvicorn

    from storyline.cliutil import open_archive
    from storyline.web.app import create_app

    with open_archive(db) as archive:   # fails early, with one line, if it cannot be read
        path, name = archive.path, archive.name
    err(f"Storyline: serving {name} at http://{host}:{port}/ (Ctrl-C stops)")
    uvicorn.run(create_app(path), host=host, port=port, log_level="warning")


COMMANDS = [serve]
