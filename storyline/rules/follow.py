"""Rules of ``storyline follow``: polling cadence, backoff and the bounds on sitemaps.

Example::

    from storyline.rules import follow as rules
    rules.SITEMAP_MAX_DEPTH   # how deep a sitemap index may nest
"""
from __future__ import annotations

#: Default time between two polls of one source (``--every``). Most news feeds
#: change a few times an hour; 30 minutes keeps up without hammering a site.
DEFAULT_EVERY = "30m"

#: Shortest ``--every`` accepted (seconds): a poll loop faster than this would
#: only hit the per-host delay.
MIN_EVERY_S = 1.0

#: Longest wait after repeated failures (seconds): a dead feed is retried at
#: least once a day, whatever ``--every`` and the number of failures say.
MAX_BACKOFF_S = 24 * 3600.0

#: A failing source waits ``every * BACKOFF_FACTOR ** failures`` before its next
#: poll (capped as above): 2 doubles the wait per consecutive failure.
BACKOFF_FACTOR = 2.0

#: An item page that cannot be fetched is tried again at the next polls, at most
#: this many times in all; then it is recorded as failed and left alone.
ITEM_MAX_ATTEMPTS = 3

#: Sitemap indexes nest: an index at depth 0 lists sitemaps at depth 1. Deeper
#: levels are not followed (the sitemap protocol itself allows no nesting of
#: indexes; two levels cover the "index of news indexes" some sites serve).
SITEMAP_MAX_DEPTH = 2

#: At most this many child sitemaps are followed per index: the newest are listed
#: first by the sites that date them, and a news site's recent items live there.
SITEMAP_MAX_CHILDREN = 50

#: The sitemap protocol's own limit on URLs per sitemap; more are ignored.
SITEMAP_MAX_URLS = 50_000

#: Seconds the poll loop sleeps at most before looking at the stop flag again.
STOP_CHECK_S = 0.5

#: Suffixes of ``--every``: 90s, 30m, 2h, 1d (combinable: 1h30m).
DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
