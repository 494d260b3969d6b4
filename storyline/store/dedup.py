"""Exact and near-duplicate detection.

*Exact duplicates* (not stored again): the same normalised text
(``storyline.model.normalise_text``, whose hash is ``Article.id``) or the same
URL after :func:`url_key` (canonical or fetched URL).

*Near duplicates* (stored, linked as copies of one story): MinHash over word
shingles, candidates from banded LSH kept **in SQLite** (table ``lsh_bands``:
one row per article and band, ``(band, hash)`` indexed), then each candidate
checked on its full stored signature. With the defaults in
``storyline.rules.store``: 5-word shingles, 128 permutations, 25 bands x 5
rows, copy when the estimated Jaccard >= 0.5.

Why band tables rather than ``datasketch.MinHashLSH`` rebuilt on open: nothing
has to be loaded at start-up, memory stays flat however big the archive grows,
the index is updated in the same transaction as the article (a killed ingest
cannot leave the two out of step), and several processes see the same index.
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from storyline.model import normalise_text
from storyline.rules.store import (COPY_THRESHOLD, LSH_BANDS, LSH_ROWS, MAX_CANDIDATES,
                                   MINHASH_SCHEME, MINHASH_SEED,
                                   NUM_PERM, SHINGLE_WORDS, TRACKING_PARAMS)

if TYPE_CHECKING:  # numpy is imported where a signature is computed, not by every command
    import numpy as np

assert LSH_BANDS * LSH_ROWS <= NUM_PERM, "rules.store: LSH_BANDS * LSH_ROWS must be <= NUM_PERM"

_DEFAULT_PORTS = {"http": ":80", "https": ":443"}
#: MurmurHash3's 32-bit finalizer constants (datasketch's pre-mix of the affine32 scheme).
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)


def url_key(url: str | None) -> str | None:
    """A URL reduced to what identifies the page: scheme-less, lower-case host
    without ``www.`` and default port, no fragment, no tracking parameters
    (rules.store.TRACKING_PARAMS), no trailing slash."""
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # "http://[::1": no host to reduce; the text itself is the key
        return url.strip()
    if not parts.netloc:
        return url.strip()
    host = parts.netloc.lower()
    port = _DEFAULT_PORTS.get(parts.scheme.lower())
    if port and host.endswith(port):
        host = host[: -len(port)]
    if host.startswith("www."):
        host = host[4:]
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() not in TRACKING_PARAMS]
    path = re.sub(r"/+$", "", parts.path) or ""
    return urlunsplit(("", host, path, urlencode(sorted(query)), ""))[2:]


def page_hash(content: bytes | str, kind: str = "html", url: str | None = None) -> str:
    """Hex SHA-256 of a page as it came in: its raw bytes, the kind they were read as and
    its URL (:func:`url_key`; none for a local file). The key of ``raw_pages``: a rerun skips
    a page it has met before without extracting it. The same bytes at a new URL are not
    skipped, so the archive can record that outlet too (extracted, not enriched).

    >>> page_hash(b"<p>Hi</p>") == page_hash("<p>Hi</p>")
    True
    >>> page_hash(b"<p>Hi</p>", url="https://a.example/x") == page_hash(b"<p>Hi</p>")
    False
    """
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    head = f"{kind}\0{url_key(url) or ''}\0".encode("utf-8", "surrogatepass")
    return hashlib.sha256(head + data).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Set of ``size``-word shingles of the normalised text (the whole text if shorter)."""
    words = normalise_text(text).split()
    if not words:
        return set()
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The ``(a, b)`` of the NUM_PERM affine permutations ``a * h + b mod 2**32``, drawn as
    ``datasketch.MinHash(seed=MINHASH_SEED, scheme="affine32")`` draws them (``a`` odd)."""
    import numpy as np

    if MINHASH_SCHEME != "affine32":
        raise ValueError(f"rules.store.MINHASH_SCHEME {MINHASH_SCHEME!r}: only affine32 is "
                         f"built in")
    gen = np.random.RandomState(MINHASH_SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def signature(text: str) -> np.ndarray | None:
    """MinHash signature (``NUM_PERM`` uint32) of the text's shingles; None if no words.

    The same values as ``datasketch.MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED,
    scheme="affine32")`` fed the shingles (SHA-1's first 4 bytes, MurmurHash3-finalised, then
    permuted), computed with numpy alone so that opening an archive does not import
    datasketch and scipy (~1 s)::

        >>> signature("one two three four five six").shape
        (128,)
    """
    import numpy as np

    sh = shingles(text)
    if not sh:
        return None
    hv = np.fromiter((int.from_bytes(hashlib.sha1(s).digest()[:4], "little") for s in sh),
                     dtype=np.uint32, count=len(sh)).reshape(-1, 1)
    s1, m1, s2, m2, s3 = (np.uint32(c) for c in _FMIX32)
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s3)
    a, b = _permutations()
    return (hv * a + b).min(axis=0)


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    import numpy as np

    return np.frombuffer(blob, dtype="<u4")


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: share of equal signature slots."""
    import numpy as np

    return float(np.count_nonzero(a == b)) / len(a)


def band_hashes(sig: np.ndarray) -> list[tuple[int, int]]:
    """``(band, hash)`` for each LSH band; hash is a signed 64-bit int (SQLite INTEGER)."""
    raw = sig.astype("<u4").tobytes()
    width = LSH_ROWS * 4
    out = []
    for band in range(LSH_BANDS):
        digest = hashlib.blake2b(raw[band * width:(band + 1) * width], digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "little", signed=True)))
    return out


def find_copy(conn: sqlite3.Connection, sig: np.ndarray,
              bands: list[tuple[int, int]]) -> tuple[int, float] | None:
    """The archived article (pk, similarity) most similar to ``sig`` at or above
    COPY_THRESHOLD, among LSH candidates; None if there is none."""
    where = " OR ".join("(band = ? AND hash = ?)" for _ in bands)
    params = [v for pair in bands for v in pair]
    rows = conn.execute(
        f"SELECT article_pk, COUNT(*) AS n FROM lsh_bands WHERE {where} "
        f"GROUP BY article_pk ORDER BY n DESC, article_pk LIMIT ?",
        params + [MAX_CANDIDATES]).fetchall()
    best: tuple[int, float] | None = None
    for row in rows:
        blob = conn.execute("SELECT minhash FROM articles WHERE pk = ?", (row[0],)).fetchone()
        if not blob or blob[0] is None:
            continue
        sim = jaccard(sig, from_blob(blob[0]))
        if sim >= COPY_THRESHOLD and (best is None or sim > best[1]):
            best = (row[0], sim)
    return best
