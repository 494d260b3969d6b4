"""Keep an archive up to date with feeds and sitemaps: ``storyline follow``.

Modules: ``http`` (one conditional GET), ``documents`` (feed / sitemap / sitemap
index parsing), ``state`` (what was polled and seen, kept in the archive),
``poller`` (the poll loop), ``cli`` (the command).

Example::

    from storyline.follow.poller import Poller
    with Archive("news.db") as archive:
        Poller(archive, fetcher).run(["https://example.com/rss"], once=True)
"""
