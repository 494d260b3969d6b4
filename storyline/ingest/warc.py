"""WARC / WARC.gz: HTML responses out of a crawl, streamed in constant memory.

Only ``response`` records with an HTTP 2xx status and an HTML content type
become pages; requests, metadata, revisits, redirects, errors, images and
scripts are passed over. One record is held in memory at a time (and refused
past ``max_bytes``), so a crawl of any size streams through.

``WARC-Date`` is when the page was *fetched*: it goes to ``RawPage.fetched_at``,
never to ``published``.

warcio stops silently at a truncated file; this module notices (a record body
shorter than its ``Content-Length``, or a gzip member without its end) and
reports the records read so far followed by one :class:`InputError`.
"""
from __future__ import annotations

import contextlib
import io
from typing import BinaryIO, Iterator

from warcio.archiveiterator import ArchiveIterator

from storyline.errors import InputError
from storyline.ingest.decode import charset_from_content_type, decode_bytes
from storyline.ingest.files import GZIP_ERRORS
from storyline.model import RawPage
from storyline.rules import ingest as rules


class _CheckedIterator(ArchiveIterator):
    """ArchiveIterator that remembers whether the last gzip member ended cleanly."""

    clean_end = True

    def close(self):
        reader = getattr(self, "reader", None)
        decompressor = getattr(reader, "decompressor", None) if reader else None
        if decompressor is not None and not getattr(decompressor, "eof", True):
            self.clean_end = False
        super().close()


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def _drain(stream) -> None:
    while stream.read(rules.READ_CHUNK):
        pass


def iter_warc(fh: BinaryIO, name: str, *, max_bytes: int = rules.DEFAULT_MAX_BYTES
              ) -> Iterator[RawPage | InputError]:
    """Pages from the HTML responses of a WARC stream (plain or gzip); errors as values."""
    archive = _CheckedIterator(fh)
    records = iter(archive)
    index = 0
    while True:
        # warcio prints its own warnings on damaged input; this module reports them as
        # one InputError instead. stderr is captured only while warcio runs, never
        # across a ``yield``.
        with contextlib.redirect_stderr(io.StringIO()):
            try:
                record = next(records, None)
                if record is None:
                    break
                index += 1
                length = (record.rec_headers.get_header("Content-Length") or "").strip()
                if not length.isdigit():
                    raise ValueError(f"no valid Content-Length ({length!r}); "
                                     f"{index - 1} records read")
                item = _page(record, f"{name}#record-{index}", max_bytes)
                _drain(record.raw_stream)
                truncated = getattr(record.raw_stream, "limit", 0) > 0
            except GZIP_ERRORS as exc:
                item, truncated = InputError(
                    f"truncated or corrupt WARC.gz after record {index}: {exc}", source=name), None
            except Exception as exc:  # noqa: BLE001 - warcio raises bare Exceptions
                what = ("not a WARC file" if index == 0
                        else f"truncated or corrupt WARC at record {index}")
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                item, truncated = InputError(f"{what}: {reason}", source=name), None
        if truncated is None:  # an error ended the stream
            yield item
            return
        if truncated:
            yield InputError(f"truncated WARC: record {index} ends before its Content-Length; "
                             f"{index - 1} records read", source=name)
            return
        if item is not None:
            yield item
    if not archive.clean_end:
        yield InputError(f"truncated WARC.gz: the last gzip member has no end; "
                         f"{index} records read", source=name)


def _page(record, origin: str, max_bytes: int) -> RawPage | InputError | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    if not status.isdigit() or not 200 <= int(status) < 300:
        return None
    content_type = record.http_headers.get_header("Content-Type")
    if _media_type(content_type) not in rules.HTML_CONTENT_TYPES:
        return None
    length = record.rec_headers.get_header("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        return InputError(f"WARC record is {int(length):,} bytes, over the limit of "
                          f"{max_bytes:,} (raise max_bytes / --max-bytes)", source=origin)
    stream = record.content_stream()
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return InputError(f"WARC record holds more than {max_bytes:,} bytes", source=origin)
    url = record.rec_headers.get_header("WARC-Target-URI")
    return RawPage(
        content=decode_bytes(data, charset_from_content_type(content_type)),
        origin=origin,
        url=url,
        kind="html",
        fetched_at=record.rec_headers.get_header("WARC-Date"),
        meta={"status": int(status), "content_type": content_type,
              "warc_record_id": record.rec_headers.get_header("WARC-Record-ID")},
    )
