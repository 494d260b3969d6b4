"""Settings of the web view (``storyline serve``) and the digest.

Every number the web layer decides with lives here, with the reason for it.
"""
from __future__ import annotations

#: Where ``storyline serve`` listens unless told otherwise: this machine only. A
#: newsroom that wants it on the network says ``--host`` explicitly.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000

#: Rows per page of a list (search hits, quotes, events, stories) unless ``limit`` says.
PAGE_SIZE = 20
#: The largest ``limit`` a request may ask for: a bigger one is a 400, so one request
#: cannot make the server build a list of the whole archive.
MAX_PAGE_SIZE = 500
#: The largest ``offset``: deeper paging is refused (400) rather than scanned.
MAX_OFFSET = 100_000
#: Rows in a CSV / JSONL download of a list (``format=csv`` / ``format=jsonl``).
MAX_DOWNLOAD = 5_000
#: Entries of an Atom feed of a search, and events of a calendar download.
FEED_ENTRIES = 50
CALENDAR_EVENTS = 1_000

#: What the home page shows: stories (most outlets first), the next N days' events,
#: the newest quotes.
HOME_STORIES = 10
HOME_UPCOMING_DAYS = 7
HOME_QUOTES = 10
#: "More on this topic" under an article.
RELATED_ARTICLES = 10

#: Content-Security-Policy of every response: scripts and styles only from this server
#: (no inline script, no inline handler, nothing from elsewhere), no frames, no
#: plugins; forms post only here. Scraped image URLs are shown as links, never loaded.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

#: Only these URL schemes become clickable links; anything else (javascript:, data:,
#: vbscript:, file:) is shown as text.
LINK_SCHEMES = frozenset({"http", "https"})

#: Private-use characters marking matched words in snippets for the HTML page: the
#: snippet is escaped first, then each pair becomes <mark>...</mark>, so a "[" in an
#: article never turns into markup. (The JSON keeps the CLI's "[" "]".)
HTML_SNIPPET_OPEN = "\ue000"
HTML_SNIPPET_CLOSE = "\ue001"

#: Cells of a CSV download starting with one of these are prefixed with "'" so a
#: spreadsheet does not run them as a formula (CSV injection).
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: The map of a story's places: an equirectangular SVG drawn here (no tile server).
MAP_WIDTH = 360
MAP_HEIGHT = 180

#: ``storyline digest --since``: the window when none is given, and the units allowed.
DIGEST_DEFAULT_SINCE = "12h"
DIGEST_UNITS = {"m": 60, "h": 3600, "d": 86400, "w": 604800}
#: Items per digest section, and how far ahead "scheduled next" looks.
DIGEST_SECTION_ITEMS = 10
DIGEST_AHEAD_DAYS = 7
