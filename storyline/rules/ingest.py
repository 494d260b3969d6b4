"""Ingestion rules: limits, the crawler's identity, file-kind patterns and signatures.

Everything the ingest package decides by a threshold, a word list or a pattern is
named here, with the reason next to it, so a rule can be changed without reading
the code that applies it.
"""
from __future__ import annotations

import re

# --------------------------------------------------------------------- limits

#: Largest input read in one piece (bytes): a file, a decompressed .gz, one WARC
#: record, one JSON line, one HTTP body. A news page is well under 5 MB; 50 MB
#: leaves room for pages with inline images while refusing dumps and gzip bombs.
DEFAULT_MAX_BYTES = 50_000_000

#: Bytes read from the start of an input to decide its kind (magic numbers, the
#: first tags). 8 KiB holds the doctype, <head> and the root element of a feed.
SNIFF_BYTES = 8192

#: Step of the head read: a truncated gzip loses at most this much of the head.
HEAD_STEP = 512

#: Chunk size for streamed reads (HTTP bodies, gzip members).
READ_CHUNK = 65536

# ------------------------------------------------------------------ fetching

#: A clear identity, so site owners can see who crawls them and how to reach us.
USER_AGENT = "Storyline/0.1 (+https://github.com/storyline-news/storyline)"

#: Deadline of one HTTP request (seconds), from connecting to the last byte of the
#: answer (``--timeout``): a server that drips a byte a second is cut off here, not
#: after the page. A 5 MB page needs 30 s only below ~170 kB/s.
FETCH_TIMEOUT = 30.0
#: Longest silence on a connection (connecting, or between two reads), seconds; the
#: request deadline applies too, so this is min(FETCH_IDLE_TIMEOUT, timeout, time left).
FETCH_IDLE_TIMEOUT = 10.0
#: Retries after the first try, on connection errors, timeouts and RETRY_STATUSES.
FETCH_RETRIES = 3
#: Exponential backoff: wait BACKOFF * 2**attempt seconds before retry `attempt`.
FETCH_BACKOFF = 0.5
#: Politeness: at least this many seconds between two requests to one host.
PER_HOST_DELAY = 1.0
#: HTTP statuses worth retrying: "too many requests" and transient server errors.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
#: Longest Retry-After we honour (seconds); a server asking for more is left for later
#: (the answer is returned / reported as "try later"), not waited for.
MAX_RETRY_AFTER = 30.0
#: Most seconds of waiting between tries of one URL, all retries together (backoff and
#: Retry-After): three "Retry-After: 30" cost 30 s, not 90.
MAX_RETRY_WAIT = 30.0
#: Redirects followed per request; each hop is checked again (scheme, address, robots.txt).
#: RFC 9309 asks robots.txt crawlers to follow at least five.
MAX_REDIRECTS = 5
#: Statuses that redirect a GET (with a Location header).
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
#: Headers never carried to another origin by a redirect.
CROSS_ORIGIN_DROPPED_HEADERS = frozenset({"authorization", "cookie", "proxy-authorization"})

#: robots.txt (RFC 9309). Bytes read of it: the RFC asks parsers for at least 500 KiB;
#: the rest is ignored (read, decompressed or not, never past this).
ROBOTS_MAX_BYTES = 512_000
#: Statuses of a robots.txt answer meaning "everything disallowed": 401/403 (an older
#: convention, kept because it is the cautious one), 429 and 5xx ("unreachable": RFC 9309
#: section 2.3.1.4 says assume complete disallow). Other 4xx mean "no rules".
ROBOTS_DISALLOW_ALL_STATUSES = frozenset({401, 403, 429})
ROBOTS_UNREACHABLE_FROM = 500
#: How long a robots.txt answer is used (seconds): RFC 9309 says at most 24 hours.
ROBOTS_CACHE_SECONDS = 86_400.0
#: How long "robots.txt unreachable, everything disallowed" is kept before asking again.
ROBOTS_RETRY_SECONDS = 300.0

#: Addresses a fetch refuses to connect to unless allowed (``--allow-private``,
#: STORYLINE_ALLOW_PRIVATE, ``Fetcher(allow_private=...)``): (ipaddress property, name),
#: first match names the refusal. Any address that is not ``is_global`` is refused too
#: ("not public": shared 100.64/10, documentation ranges...). IPv4 inside IPv6
#: (::ffff:a.b.c.d, 6to4, Teredo) is checked as the IPv4 address.
NON_PUBLIC_ADDRESSES = (
    ("is_loopback", "a loopback address"),
    ("is_link_local", "a link-local address"),
    ("is_unspecified", "the unspecified address"),
    ("is_multicast", "a multicast address"),
    ("is_reserved", "a reserved address"),
    ("is_private", "a private address"),
)
NOT_GLOBAL_ADDRESS = "not a public address"
#: Environment variable that allows private targets ("1", "true", "yes", "on").
ALLOW_PRIVATE_ENV = "STORYLINE_ALLOW_PRIVATE"
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
URL_SCHEMES = ("http://", "https://")

# --------------------------------------------------------------- content types

#: HTTP / WARC content types that hold an HTML page.
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Content types of a plain-text page (treated as a scraped text page).
TEXT_CONTENT_TYPES = frozenset({"text/plain"})
#: Content types of RSS / Atom feeds (a fetched feed is expanded into its items).
FEED_CONTENT_TYPES = frozenset({"application/rss+xml", "application/atom+xml",
                                "application/rdf+xml", "application/xml", "text/xml"})

# ----------------------------------------------------------------- file kinds

#: Formats iter_pages accepts for ``input_format``.
INPUT_FORMATS = ("auto", "html", "text", "body", "warc", "feed", "jsonl")

#: File name endings that decide the format without sniffing (checked after a
#: trailing ".gz" is removed). ".xml" is left to sniffing: it may be a feed or XHTML.
EXTENSION_FORMATS = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".txt": "text",
    ".warc": "warc", ".arc": "warc",
    ".rss": "feed", ".atom": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}
#: Endings a directory walk picks up (plus files with no ending); other files in a
#: crawl folder (images, scripts, CSS) are not pages and are skipped silently.
DIRECTORY_EXTENSIONS = frozenset(set(EXTENSION_FORMATS) | {".xml", ".gz", ".json"})

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"

#: Magic numbers of binary files that are not pages: refused with their name.
BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF (WebP/WAV/AVI) file"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"%PDF-", "PDF document"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\xca\xfe\xba\xbe", "Mach-O/Java class file"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00\x00\x01\x00", "icon file"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
#: MP4/QuickTime put their signature at offset 4.
BINARY_SIGNATURES_AT_4 = ((b"ftyp", "MP4/QuickTime media"),)

#: Text has (almost) no control bytes other than tab/newline/CR/form feed.
#: More than this share of them in the sniffed head (after BOM handling) means
#: binary (NUL bytes count among them).
BINARY_CONTROL_SHARE = 0.05
#: More than this share of NUL bytes in the head (without a UTF-16/32 BOM or the
#: UTF-16 pattern) means binary on its own: binary formats are full of NULs, while a
#: scraped page with a few stray NULs (five in 4 KB is 0.12%) is still a page.
BINARY_NUL_SHARE = 0.01
#: UTF-16 without a BOM: one NUL in (nearly) every second byte of ASCII text.
UTF16_NUL_SHARE = 0.35

# ------------------------------------------------------------------- sniffing

#: A feed: its root element within the head (RSS 0.9x/2.0, RSS 1.0 RDF, Atom).
FEED_ROOT = re.compile(rb"<(?:rss[\s>]|rdf:RDF[\s>]|feed[\s>][^>]*xmlns\s*=\s*[\"']http://www\.w3\.org/2005/Atom)",
                       re.I)
#: Unmistakable HTML: a doctype or an <html>/<head>/<body> tag.
HTML_ROOT = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
#: HTML fragment: opening tags of common elements; MIN_HTML_TAGS of them in the
#: head make a page "html" (one stray "<b>" in a text page does not).
HTML_TAG = re.compile(rb"<(?:p|div|span|a|br|img|h[1-6]|article|section|table|ul|ol|li|meta|"
                      rb"script|style|link|title|em|strong|b|i|blockquote)[\s/>]", re.I)
MIN_HTML_TAGS = 3
#: A JSON Lines file starts (after blank lines) with a JSON object.
JSONL_START = re.compile(rb"\A\s*\{")

# ------------------------------------------------------------------- decoding

#: Charset declared inside the page: <meta charset>, <meta http-equiv content=...>,
#: or an XML declaration. Searched in the first SNIFF_BYTES only, like browsers (1024+).
META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.I)
#: Byte order marks, longest first (UTF-32 LE starts like UTF-16 LE).
BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
#: Single-byte codec for bytes that are not valid UTF-8 in a UTF-8 page: the
#: usual culprit is text pasted from Windows (cp1252 curly quotes, dashes).
MIXED_FALLBACK = "cp1252"
#: A page whose bytes are valid UTF-8 (with at least one multi-byte character) is
#: decoded as UTF-8 whatever other charset it declares (UTF-16/32 apart): legacy
#: text (cp1252, GBK, Shift_JIS...) with non-ASCII bytes is almost never valid UTF-8
#: by chance, mislabelled UTF-8 pages (a template's old <meta charset>) are common.
UTF8_OVERRIDES_DECLARED = True
#: Undeclared bytes that are not pure UTF-8 are decoded as mixed UTF-8/cp1252 when
#: at least this share of their non-ASCII characters are valid UTF-8 sequences;
#: below it charset-normalizer chooses the codec.
MIXED_MIN_UTF8_SHARE = 0.5
#: Codecs a detected page may be in: the WHATWG Encoding Standard's list (what
#: browsers decode). charset-normalizer also proposes DOS code pages (cp850,
#: cp852, cp775), which fit English text with curly quotes best by its scores but
#: no web page uses; they are dropped.
WEB_ENCODINGS = (
    "utf-8", "utf-16-le", "utf-16-be", "ibm866", "iso-8859-2", "iso-8859-3", "iso-8859-4",
    "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-8", "iso-8859-10", "iso-8859-13",
    "iso-8859-14", "iso-8859-15", "iso-8859-16", "koi8-r", "koi8-u", "mac-roman",
    "mac-cyrillic", "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255",
    "cp1256", "cp1257", "cp1258", "gb18030", "big5", "big5hkscs", "euc-jp", "iso-2022-jp",
    "shift_jis", "cp932", "euc-kr", "cp949",
)
#: When charset-normalizer ranks this codec about as well as its first pick (short
#: Latin texts fit cp1250/cp1252/cp1257 alike; "£" or "è" is also a letter in
#: cp1250), take it: it is by far the most common legacy codec of news pages.
#: "About as well": chaos no worse by the first margin, coherence by the second.
#: A true cp1250 page decoded as cp1252 is incoherent (ł -> ³) and stays cp1250.
PREFERRED_LEGACY = "cp1252"
PREFERRED_LEGACY_CHAOS_MARGIN = 0.01
PREFERRED_LEGACY_COHERENCE_MARGIN = 0.05
#: Bytes charset-normalizer reads to guess an undeclared codec (speed bound).
DETECT_BYTES = 65536

# --------------------------------------------------------------- JSON Lines

#: A file read as JSON Lines whose first this-many non-empty lines all fail to
#: parse as JSON (and none parsed before) is not JSON Lines at all (an HTML page
#: named .jsonl, or a wrong --input-format): one InputError for the file, instead
#: of one per line. Three lines rule out a single damaged first line.
JSONL_GIVE_UP_AFTER = 3

# --------------------------------------------------------------------- feeds

#: A feed's channel title often names the section after the outlet
#: ("Lakeside Courier - Transport", "The Ledger | World"): the outlet is the part
#: before the FIRST such separator (spaces around it required, so hyphenated
#: names like "Rhein-Zeitung" stay whole). En and em dashes and colons count too.
FEED_TITLE_SECTION_SEP = re.compile(r"\s+[-–—|:·»]\s+")
#: Separators between several names in one author field ("A. Writer and B. Other").
FEED_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
#: An author field that is an e-mail address with the name in parentheses
#: (RSS <author>: "desk@paper.example (Ana Ruiz)"): the name is kept.
FEED_AUTHOR_EMAIL = re.compile(r"^\s*\S+@\S+\s*\(([^)]+)\)\s*$")
#: Author fields that name no person (a desk, the outlet, an address).
FEED_AUTHOR_JUNK = re.compile(r"@|^(?:staff|admin|editor|newsdesk|news desk|web desk)$", re.I)
#: A numeric character reference in a feed's bytes (decimal or hex).
FEED_CHAR_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
#: Characters XML 1.0 allows (its "Char" production); a reference to anything else
#: (NUL, other C0 controls, surrogates, past U+10FFFF) makes expat reject the whole
#: feed and feedparser fail on it, so it is replaced before parsing.
XML_CHAR_RANGES = ((0x9, 0xA), (0xD, 0xD), (0x20, 0xD7FF), (0xE000, 0xFFFD), (0x10000, 0x10FFFF))
FEED_BAD_REFERENCE_REPLACEMENT = b"&#xFFFD;"
