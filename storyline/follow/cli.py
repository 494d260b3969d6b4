"""``storyline follow``: keep an archive up to date with feeds and sitemaps."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from storyline.cliutil import DEFAULT_MAX_BYTES, db_option, err, open_archive
from storyline.rules import follow as rules
from storyline.rules import ingest as ingest_rules


def _every(ctx, param, value):
    from storyline.follow.poller import parse_duration

    try:
        seconds = parse_duration(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc))
    if seconds < rules.MIN_EVERY_S:
        raise click.BadParameter(f"poll at most once every {rules.MIN_EVERY_S:g} s")
    return seconds


def expand_sources(sources: tuple[str, ...]) -> list[str]:
    """URLs as given, plus the URLs listed in files (one a line, # comments), in order,
    once each. A source that is neither a URL nor a readable file is a usage error."""
    out: list[str] = []
    for source in sources:
        if source.lower().startswith(ingest_rules.URL_SCHEMES):
            urls = [source]
        else:
            path = Path(source)
            try:
                lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError as exc:
                raise click.BadParameter(f"{source}: not an http(s) URL nor a readable list of "
                                         f"URLs ({exc.strerror or exc})", param_hint="SOURCES")
            urls = [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
            bad = [u for u in urls if not u.lower().startswith(ingest_rules.URL_SCHEMES)]
            if bad:
                raise click.BadParameter(f"{source}: {bad[0]!r} is not an http(s) URL",
                                         param_hint="SOURCES")
        out.extend(u for u in urls if u not in out)
    return out


def make_follow_fetcher(delay: float, timeout: float, max_bytes: int, allow_private: bool,
                        retries: int = ingest_rules.FETCH_RETRIES):
    """The Fetcher follow uses; ``allow_private`` lets it reach loopback and private
    addresses (a newsroom intranet; tests), else ``$STORYLINE_ALLOW_PRIVATE`` decides."""
    from storyline.ingest.fetch import Fetcher

    return Fetcher(timeout=timeout, retries=retries, per_host_delay=delay, max_bytes=max_bytes,
                   allow_private=True if allow_private else None)


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--every", default=rules.DEFAULT_EVERY, show_default=True, callback=_every,
              help="Time between two polls of a source: 90s, 30m, 2h, 1h30m.")
@click.option("--once", is_flag=True, help="Poll every source once and exit (for cron).")
@click.option("--fetch-pages", is_flag=True,
              help="Fetch each feed item's page instead of using the text the feed carries.")
@click.option("--delay", type=click.FloatRange(min=0), default=ingest_rules.PER_HOST_DELAY,
              show_default=True, help="Seconds between two requests to one host.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=ingest_rules.FETCH_TIMEOUT,
              show_default=True, help="Seconds to wait for a web server.")
@click.option("--max-bytes", type=click.IntRange(min=1), envvar="STORYLINE_MAX_BYTES",
              default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse documents larger than this.")
@click.option("--no-enrich", is_flag=True, help="Skip entities, quotes, times, places and events.")
@click.option("--allow-private", is_flag=True,
              help="Allow sources on private / loopback addresses (a local test server).")
@db_option
def follow(sources, every, once, fetch_pages, delay, timeout, max_bytes, no_enrich,
           allow_private, db):
    """Poll feeds and sitemaps and ingest their new items into the archive.

    SOURCES are RSS/Atom feed URLs, sitemap, news sitemap and sitemap index URLs,
    or files listing such URLs (one a line). Each poll is a conditional GET
    (ETag / Last-Modified); robots.txt and the per-host delay are obeyed; only
    items not seen before are fetched and stored. What was seen is kept in the
    archive, so a restart (even after a crash) goes on where it stopped. A
    failing source logs one line and backs off. SIGINT / SIGTERM stop it between
    two articles. Exit code 1 with --once when anything failed.

    \b
    Example:
        storyline follow https://example.com/rss https://example.com/news-sitemap.xml --db news.db
        storyline follow feeds.txt --once --db news.db      # from cron
    """
    import signal
    import threading

    from storyline.follow.poller import Poller

    urls = expand_sources(sources)
    if not urls:
        raise click.BadParameter("no URL to follow", param_hint="SOURCES")
    stop = threading.Event()

    def on_signal(signum, _frame):
        if not stop.is_set():
            err(f"follow: {signal.Signals(signum).name} received; stopping after this article")
        stop.set()

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, on_signal)
    archive = open_archive(db, create=True)
    try:
        poller = Poller(archive, make_follow_fetcher(delay, timeout, max_bytes, allow_private),
                        every_s=every, enrich=not no_enrich, log=err, stop=stop)
        counts = poller.run(urls, once=once)
    finally:
        archive.close()
    err("follow: " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items())
        + ("; stopped" if stop.is_set() else ""))
    sys.exit(1 if once and (counts["failed"] or counts["sources_failed"]) else 0)


COMMANDS = [follow]
