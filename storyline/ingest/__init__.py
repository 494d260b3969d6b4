"""Ingestion: every kind of source in, :class:`~storyline.model.RawPage` out.

Public API::

    iter_pages(sources, *, input_format="auto", max_bytes=50_000_000, stdin=None, fetcher=None)
    decode_bytes(data, declared=None) -> str
    detect_format(head, name=None) -> "html" | "text" | "warc" | "feed" | "jsonl"
    Fetcher(user_agent=..., timeout=30, retries=3, backoff=0.5, per_host_delay=1.0,
            max_bytes=..., allow_private=None)
        .get(url) -> RawPage                              (raises FetchError)
        .fetch(url, headers=None) -> FetchResult          (any HTTP answer, 304 included)

Modules: ``sources`` (dispatch), ``files`` (paths, dirs, globs, limits),
``detect`` (sniffing), ``decode`` (bytes to text), ``warc``, ``feeds``,
``jsonl``, ``fetch``, ``netguard`` (address checks, deadlines).
Rules and limits: :mod:`storyline.rules.ingest`.
"""
from storyline.ingest.decode import decode_bytes
from storyline.ingest.detect import detect_format
from storyline.ingest.sources import iter_pages


def __getattr__(name):  # Fetcher imports requests: load it only when asked for
    if name == "Fetcher":
        from storyline.ingest.fetch import Fetcher
        return Fetcher
    raise AttributeError(name)


__all__ = ["iter_pages", "decode_bytes", "detect_format", "Fetcher"]
