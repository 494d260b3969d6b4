"""``iter_pages``: every kind of source in, RawPages (or one InputError per bad input) out.

For each source, in the order given:

* ``-``: standard input, read within ``max_bytes`` and sniffed;
* ``http://`` / ``https://``: fetched with the polite :class:`Fetcher`
  (a feed URL is expanded into its items);
* a directory: its page files, recursively, sorted by path;
* a glob (``crawl/**/*.html``): its matches, sorted;
* a file: gzip is undone, binary files are refused, the format is detected
  (see :mod:`storyline.ingest.detect`) unless ``input_format`` forces it.

HTML, text, body and feed files are read whole, so they are refused past
``max_bytes`` (file size checked before reading; decompressed size counted while
reading). WARC and JSON Lines are streamed: the limit applies to each record or
line, and memory stays constant whatever the file size.

A bad input never raises: it is yielded as an :class:`InputError` whose
``source`` names it, and the next input goes on.
"""
from __future__ import annotations

import io
import os
from typing import BinaryIO, Iterable, Iterator

from storyline.errors import InputError, StorylineError
from storyline.ingest.decode import decode_bytes
from storyline.ingest.detect import binary_kind, detect_format, is_gzip
from storyline.ingest.feeds import iter_feed
from storyline.ingest.files import (check_file, expand_source, open_maybe_gzip, read_head,
                                    read_limited, too_big)
from storyline.ingest.jsonl import iter_jsonl
from storyline.ingest.warc import iter_warc
from storyline.model import RawPage
from storyline.rules import ingest as rules

STDIN = "-"


def iter_pages(sources: Iterable[str], *, input_format: str = "auto",
               max_bytes: int = rules.DEFAULT_MAX_BYTES, stdin=None, fetcher=None
               ) -> Iterator[RawPage | InputError]:
    """RawPages from files, directories, globs, WARCs, feeds, JSON Lines, stdin and URLs.

    Yields, in input order, one :class:`RawPage` per page read, or one
    :class:`InputError` (``source`` = the input's name, a one-line reason) per
    input, record or line that cannot be read. Never raises for a bad input.
    """
    if input_format not in rules.INPUT_FORMATS:
        raise ValueError(f"input_format must be one of {', '.join(rules.INPUT_FORMATS)}, "
                         f"not {input_format!r}")
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    for source in sources:
        source = os.fspath(source)
        try:
            if source == STDIN:
                yield from _from_stdin(stdin, input_format, max_bytes)
            elif source.lower().startswith(rules.URL_SCHEMES):
                if fetcher is None:
                    from storyline.ingest.fetch import Fetcher
                    fetcher = Fetcher(max_bytes=max_bytes)
                yield from _from_url(source, fetcher, input_format)
            else:
                for item in expand_source(source):
                    if isinstance(item, InputError):
                        yield item
                    else:
                        yield from _from_file(item, input_format, max_bytes)
        except StorylineError as exc:
            yield exc if isinstance(exc, InputError) else InputError(exc.message, source=source)
        except Exception as exc:  # noqa: BLE001 - last guard: one bad input never stops a batch
            yield InputError(f"cannot read ({type(exc).__name__}: {exc})".splitlines()[0],
                             source=source)


# ------------------------------------------------------------------ files
def _from_file(path: str, input_format: str, max_bytes: int) -> Iterator[RawPage | InputError]:
    try:
        size = check_file(path)
        fh = open_maybe_gzip(path)
    except InputError as err:
        yield err
        return
    except OSError as exc:
        yield InputError(f"cannot open: {exc.strerror or exc}", source=path)
        return
    with fh:
        try:
            head = read_head(fh, path)
            fmt = _format(head, path, input_format)
        except InputError as err:
            yield err
            return
        if fmt == "warc":
            if not head.lstrip().startswith(rules.WARC_MAGIC):
                yield InputError("not a WARC file: it does not start with a WARC/1.x header",
                                 source=path)
                return
            fh.close()
            with open(path, "rb") as raw:  # warcio undoes the gzip members itself
                yield from iter_warc(raw, path, max_bytes=max_bytes)
            return
        if fmt == "jsonl":
            yield from iter_jsonl(_Rewound(head, fh), path, max_bytes=max_bytes)
            return
        if size > max_bytes:
            yield InputError(too_big(size, max_bytes), source=path)
            return
        try:
            data = head + read_limited(fh, path, max(0, max_bytes - len(head)))
        except InputError as err:
            yield err
            return
    yield from _from_bytes(data, path, fmt)


def _format(head: bytes, name: str, input_format: str) -> str:
    """The format of an input from its (decompressed) head; raises InputError for bad ones."""
    if not head.strip():
        raise InputError("empty file (only whitespace)" if head else "empty file (0 bytes)",
                         source=name)
    binary = binary_kind(head)
    if binary:
        raise InputError(f"binary file ({binary}), not a page", source=name)
    return detect_format(head, name) if input_format == "auto" else input_format


def _from_bytes(data: bytes, name: str, fmt: str, *, declared: str | None = None,
                url: str | None = None) -> Iterator[RawPage | InputError]:
    """Pages from an input held in memory, in a known format."""
    if fmt == "warc":
        if not data.lstrip().startswith(rules.WARC_MAGIC):
            yield InputError("not a WARC file: it does not start with a WARC/1.x header",
                             source=name)
            return
        yield from iter_warc(io.BytesIO(data), name, max_bytes=len(data) + 1)
    elif fmt == "jsonl":
        yield from iter_jsonl(io.BytesIO(data), name, max_bytes=len(data) + 1)
    elif fmt == "feed":
        yield from iter_feed(data, name)
    else:
        text = decode_bytes(data, declared)
        if not text.strip():
            yield InputError("empty page (only whitespace after decoding)", source=name)
            return
        yield RawPage(content=text, origin=name, url=url, kind=fmt)


class _Rewound(io.RawIOBase):
    """A stream that gives back the sniffed head before the rest of ``fh``."""

    def __init__(self, head: bytes, fh: BinaryIO):
        self._buf = io.BufferedReader(_Chain(head, fh), buffer_size=rules.READ_CHUNK)

    def readline(self, size: int = -1) -> bytes:  # type: ignore[override]
        return self._buf.readline(size)

    def read(self, size: int = -1) -> bytes:  # type: ignore[override]
        return self._buf.read(size)


class _Chain(io.RawIOBase):
    def __init__(self, head: bytes, fh: BinaryIO):
        self._head, self._fh = head, fh

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self._head:
            n = min(len(b), len(self._head))
            b[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._fh.read(len(b))
        b[:len(data)] = data
        return len(data)


# ------------------------------------------------------------------ stdin
def _from_stdin(stdin, input_format: str, max_bytes: int) -> Iterator[RawPage | InputError]:
    if stdin is None:
        import sys
        stdin = sys.stdin
    stream = getattr(stdin, "buffer", stdin)
    try:
        data = stream.read(max_bytes + 1)
    except (OSError, ValueError) as exc:
        yield InputError(f"cannot read standard input: {exc}", source="stdin")
        return
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    if len(data) > max_bytes:
        yield InputError(f"standard input holds more than {max_bytes:,} bytes "
                         "(raise max_bytes / --max-bytes)", source="stdin")
        return
    if is_gzip(data):
        import gzip
        try:
            data = read_limited(gzip.GzipFile(fileobj=io.BytesIO(data)), "stdin", max_bytes)
        except InputError as err:
            yield err
            return
    try:
        fmt = _format(data[:rules.SNIFF_BYTES], "stdin", input_format)
    except InputError as err:
        yield err
        return
    yield from _from_bytes(data, "stdin", fmt)


# ------------------------------------------------------------------- URLs
def _from_url(url: str, fetcher, input_format: str) -> Iterator[RawPage | InputError]:
    try:
        page = fetcher.get(url)
    except InputError as err:  # FetchError is an InputError
        yield err
        return
    meta = page.meta if isinstance(page.meta, dict) else {}
    raw = meta.pop("raw", None)
    if not isinstance(raw, bytes):
        raw = str(page.content).encode("utf-8")
    if input_format == "feed" or (input_format == "auto" and meta.get("format") == "feed"
                                  and detect_format(raw[:rules.SNIFF_BYTES]) == "feed"):
        yield from iter_feed(raw, url)
        return
    if input_format in ("html", "text", "body"):
        page.kind = input_format
    if isinstance(page.content, bytes):
        page.content = decode_bytes(page.content)
    yield page

