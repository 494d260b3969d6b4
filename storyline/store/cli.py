"""``storyline vacuum``: give the archive's free pages back to the disk.

Example::

    storyline vacuum --db news.db
"""
from __future__ import annotations

import click

from storyline.cliutil import db_option, echo_json, format_option, open_archive


@click.command()
@db_option
@format_option(["text", "json"], "text")
def vacuum(db, fmt):
    """Give the archive's free space back to the disk (SQLite VACUUM: the file is rewritten).

    Run it after an upgrade that dropped data: opening an archive written before
    0010_facts_stored_once removes each article's second copy of its facts (about 40% of
    the file), but the file keeps its size until vacuumed. It needs free disk space about
    the size of the archive and waits for other writers.

    \b
    Example:
        storyline vacuum --db news.db
    """
    with open_archive(db) as archive:
        sizes = archive.vacuum()
    if fmt == "json":
        echo_json(sizes)
    else:
        click.echo(f"{sizes['bytes_before']:,} bytes -> {sizes['bytes_after']:,} bytes")


COMMANDS = [vacuum]
