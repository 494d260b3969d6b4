"""Thresholds and word lists used by the archive (``storyline.store``).

Every number the store decides with lives here, with the reason for it.
"""
from __future__ import annotations

# --- SQLite connection -------------------------------------------------------

#: How long (ms) a connection waits for another writer's lock before failing with
#: "database is locked". Ingest transactions are short (one article), so 30 s is
#: far longer than any honest wait and short enough to surface a stuck process.
BUSY_TIMEOUT_MS = 30_000

#: Bytes of the archive a read-only connection (the web server, one per request) maps into
#: memory instead of reading page by page through system calls: search's ranking and facet
#: passes read every hit, about 35% less CPU with the map (10,000 articles). Address space
#: only; the pages are the operating system's file cache, shared by all connections.
READ_MMAP_BYTES = 1 << 30

#: Default archive file when neither a path nor ``$STORYLINE_DB`` is given.
DEFAULT_DB_ENV = "STORYLINE_DB"
DEFAULT_DB_NAME = "storyline.db"

# --- Near-duplicate detection (syndicated wire copies) -----------------------
#
# A story syndicated to several sites keeps most of its sentences but gains or
# loses a standfirst, a dateline, a "More on this topic" line, a few edits. We
# compare word shingles (runs of SHINGLE_WORDS consecutive words of the
# normalised text) by Jaccard similarity estimated with MinHash (Broder 1997),
# and find candidates with banded LSH (Indyk & Motwani 1998; Leskovec et al.,
# *Mining of Massive Datasets*, ch. 3).

#: Words per shingle. 5 words is the usual choice for news-sized documents:
#: short enough that one edited word breaks only 5 shingles, long enough that two
#: unrelated articles on the same topic share almost none.
SHINGLE_WORDS = 5

#: MinHash permutations. Standard error of the Jaccard estimate is
#: ~ sqrt(J(1-J)/NUM_PERM) ~ 0.044 at J = 0.5 with 128.
NUM_PERM = 128

#: Seed of the MinHash permutations. Signatures stored in an archive are only
#: comparable with the same seed and NUM_PERM: changing either needs a migration
#: that recomputes ``articles.minhash`` and ``lsh_bands``.
MINHASH_SEED = 1

#: datasketch permutation scheme: "affine32" (the datasketch 2.x default: 32-bit
#: values, collision-free permutations). Part of the signature format like the seed.
MINHASH_SCHEME = "affine32"

#: Estimated Jaccard similarity at or above which a new article is a *copy* of an
#: archived story. 0.5 = at least half the shingles shared: wire copies with a new
#: intro or trimmed tail stay above it, follow-up stories on the same event
#: (which reuse a background paragraph or two) stay well below.
COPY_THRESHOLD = 0.5

#: LSH banding over the first LSH_BANDS * LSH_ROWS (<= NUM_PERM) signature slots. A pair with Jaccard s becomes a
#: candidate with probability 1 - (1 - s**ROWS)**BANDS; 25 x 5 is what
#: ``datasketch.lsh._optimal_param(0.5, 128)`` picks (equal false-positive and
#: false-negative weights). The S-curve midpoint (1/25)**(1/5) ~ 0.53; a pair at
#: J = 0.5 is found with p ~ 0.55, at 0.7 with p ~ 0.99, at 0.3 with p ~ 0.06.
#: Candidates are then checked on the full signature against COPY_THRESHOLD.
LSH_BANDS = 25
LSH_ROWS = 5

#: At most this many LSH candidates are verified per new article (the ones that
#: share the most bands first); bounds the work when one story has hundreds of
#: copies.
MAX_CANDIDATES = 50

# --- URLs --------------------------------------------------------------------

#: Query parameters that do not change which article a URL points to (tracking
#: and campaign tags); dropped when keying URLs for exact-duplicate detection.
TRACKING_PARAMS = frozenset({
    "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "utm_id",
    "fbclid", "gclid", "dclid", "mc_cid", "mc_eid", "ocid", "cmpid", "ref", "ref_src",
    "smid", "sr_share", "cid", "igshid", "_ga",
})

# --- Entity keys (one row per real-world entity) -------------------------------
#
# Two names are the same entity when their *keys* match (within one KIND_GROUP).
# The key: NFKD + drop accents, casefold, apostrophes removed, other non-letters
# become spaces, leading honorifics and articles dropped, then each token goes
# through TRANSLIT_RULES so common transliteration variants of Slavic and Arabic
# names meet: Zelenskiy / Zelensky / Zelenskyy / Zelenski -> "zelenski";
# Dmitry / Dmitriy / Dmitri -> "dmitri"; Alexey / Aleksei -> "alexei".

#: Leading words dropped from an entity key (they are not part of the name).
KEY_DROP_LEADING = frozenset({
    "the", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "professor",
})

#: (regex, replacement) applied in order to each key token of length >=
#: TRANSLIT_MIN_TOKEN. Romanisations differ mostly in the y/i/iy/yy endings, ks/x
#: and kh/h.
TRANSLIT_RULES = (
    (r"ks", "x"),              # Aleksei ~ Alexei
    (r"kh", "h"),              # Mikhail ~ Mihail, Khamenei ~ Hamenei
    (r"(?:iy|yy|ij|ii|y)$", "i"),  # Zelenskiy ~ Zelenskyy ~ Zelensky ~ Zelenski
    (r"ey$", "ei"),            # Alexey ~ Alexei, Sergey ~ Sergei
)

#: Kind groups whose multi-word names also get their last word as an alias
#: ("Joe Biden" -> "Biden"), so a later article that only says "Biden" resolves to
#: the same person when exactly one archived person has that surname.
SURNAME_ALIAS_GROUPS = frozenset({"person"})

#: Tokens shorter than this are left as they are (Li, Wu, Ky are whole names).
TRANSLIT_MIN_TOKEN = 4

#: Entity labels that may be merged with each other. A name tagged GPE in one
#: article and LOC in another is the same place; a PERSON never merges with an
#: ORG of the same name (Ford the person vs Ford the company).
KIND_GROUPS = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place", "LOC": "place", "FAC": "place",
    "NORP": "group",
}

# --- Search ------------------------------------------------------------------

#: bm25 column weights for (title, subtitle, text, authors, outlet): a hit in the
#: title says more about what an article is about than one in the body.
BM25_WEIGHTS = (10.0, 5.0, 1.0, 2.0, 1.0)

#: Snippet: marks around matched terms, ellipsis and tokens of context.
SNIPPET_OPEN = "["
SNIPPET_CLOSE = "]"
SNIPPET_ELLIPSIS = "…"
SNIPPET_TOKENS = 16

#: A prefix shorter than this cannot look up an article id (too many matches).
MIN_ID_PREFIX = 4

# --- Search -------------------------------------------------------------------

#: Most words in one search query, repeats dropped (a phrase's words count one each). FTS5's
#: ``snippet()`` costs about the square of the number of terms per matching row: 32 terms
#: over 20 articles of 10,000 words took 0.3 s of CPU, 64 terms 1.2 s, 128 terms 4.6 s,
#: 250 terms 17 s. A news search is a few words; a longer query is refused with a clear
#: error (E304) instead of running for minutes.
MAX_QUERY_WORDS = 32

# --- PostgreSQL archives (``--db postgresql://...``) ---------------------------

#: Seconds to wait for a PostgreSQL server to answer before giving up with one line.
PG_CONNECT_TIMEOUT_S = 10

#: Key of the transaction-level advisory lock every writer takes
#: (``pg_advisory_xact_lock``): writers queue one after another, as ``BEGIN IMMEDIATE``
#: makes them on SQLite, so the duplicate check and the insert of an article are never
#: interleaved with another process's. Any fixed 64-bit number; the same for every writer.
PG_WRITE_LOCK_KEY = 0x53544F52594C  # "STORYL"

#: The archive's text search configuration, created by the schema: PostgreSQL's 'simple'
#: (lower case, no stemming, no stop words) with accents removed first (the unaccent
#: extension), as SQLite's ``unicode61 remove_diacritics 2`` tokenizer folds words.
PG_TS_CONFIG = "storyline"
