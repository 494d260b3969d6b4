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
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np
from datasketch import MinHash

from storyline.model import normalise_text
from storyline.rules.store import (COPY_THRESHOLD, LSH_BANDS, LSH_ROWS, MAX_CANDIDATES,
                                   MINHASH_SCHEME, MINHASH_SEED,
                                   NUM_PERM, SHINGLE_WORDS, TRACKING_PARAMS)

assert LSH_BANDS * LSH_ROWS <= NUM_PERM, "rules.store: LSH_BANDS * LSH_ROWS must be <= NUM_PERM"

_DEFAULT_PORTS = {"http": ":80", "https": ":443"}
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)  # permutations computed once


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


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Set of ``size``-word shingles of the normalised text (the whole text if shorter)."""
    words = normalise_text(text).split()
    if not words:
        return set()
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> np.ndarray | None:
    """MinHash signature (``NUM_PERM`` uint32, scheme affine32) of the text's shingles; None if no words."""
    sh = shingles(text)
    if not sh:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, permutations=_TEMPLATE.permutations,
                scheme=MINHASH_SCHEME)
    m.update_batch(list(sh))
    return m.hashvalues.astype(np.uint32)


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: share of equal signature slots."""
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
