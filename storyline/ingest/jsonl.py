"""JSON Lines: one page per line, ``{"url", "html"|"text"|"body", "published"?, "title"?}``.

* ``html``: an HTML page (``kind="html"``);
* ``text``: the article text, already the body (``kind="body"``) unless the line
  says ``"kind": "text"`` (a scraped page with its chrome still in it);
* ``body``: the article text, kept exactly as given.

A line that is not JSON, not an object, or has none of those fields is one
:class:`InputError` named ``file.jsonl:LINE``; the other lines go on. Lines are
read one at a time, each refused past ``max_bytes``. When the first
``rules.JSONL_GIVE_UP_AFTER`` non-empty lines are all not JSON, the file is not
JSON Lines: one InputError for the file ("not JSON Lines: line N is not a JSON
object", N the first of them) and reading stops.
"""
from __future__ import annotations

import json
from typing import BinaryIO, Iterator

from storyline.errors import InputError
from storyline.ingest.decode import decode_bytes
from storyline.ingest.files import GZIP_ERRORS, gzip_reason
from storyline.model import RawPage
from storyline.rules import ingest as rules

#: Fields that may hold the page, in order of preference, with the kind they give.
CONTENT_FIELDS = (("html", "html"), ("body", "body"), ("text", "body"))
KINDS = ("html", "text", "body")


def page_from_record(obj, origin: str) -> RawPage:
    """A RawPage from one decoded JSON value; raises InputError naming ``origin``."""
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}", source=origin)
    for field, kind in CONTENT_FIELDS:
        value = obj.get(field)
        if isinstance(value, str) and value.strip():
            break
    else:
        raise InputError('no "html", "text" or "body" string field with content', source=origin)
    if obj.get("kind") in KINDS:
        kind = obj["kind"]
    url = obj.get("url")
    published = obj.get("published")
    title = obj.get("title")
    return RawPage(
        content=value,
        origin=origin,
        url=url if isinstance(url, str) and url else None,
        kind=kind,
        published=published if isinstance(published, str) and published else None,
        title_hint=title if isinstance(title, str) and title.strip() else None,
        fetched_at=obj.get("fetched_at") if isinstance(obj.get("fetched_at"), str) else None,
    )


def iter_jsonl(fh: BinaryIO, name: str, *, max_bytes: int = rules.DEFAULT_MAX_BYTES
               ) -> Iterator[RawPage | InputError]:
    """Pages from a JSON Lines stream; each bad line is one InputError, the rest go on."""
    number = 0
    seen = 0
    parsed = 0  # lines that decoded as JSON (objects or not)
    held: list[InputError] = []  # errors of the leading unparsable lines, held back
    first_bad = 0
    while True:
        try:
            raw = fh.readline(max_bytes + 1)
        except GZIP_ERRORS as exc:
            yield from held
            yield InputError(f"{gzip_reason(exc)} (after line {number})", source=name)
            return
        except OSError as exc:
            yield from held
            yield InputError(f"cannot read after line {number}: {exc}", source=name)
            return
        if not raw:
            break
        number += 1
        origin = f"{name}:{number}"
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            yield InputError(f"line holds more than {max_bytes:,} bytes; skipped", source=origin)
            try:
                while raw and not raw.endswith(b"\n"):  # skip the rest of the long line
                    raw = fh.readline(rules.READ_CHUNK)
            except (*GZIP_ERRORS, OSError) as exc:
                yield InputError(f"cannot read after line {number}: {exc}", source=name)
                return
            continue
        if not raw.strip():
            continue
        seen += 1
        try:
            obj = json.loads(decode_bytes(raw))
        except ValueError as exc:
            err = InputError(f"malformed JSON line: {exc}", source=origin)
            if parsed:
                yield err
                continue
            held.append(err)
            first_bad = first_bad or number
            if len(held) >= rules.JSONL_GIVE_UP_AFTER:
                yield InputError(f"not JSON Lines: line {first_bad} is not a JSON object",
                                 source=name)
                return
            continue
        parsed += 1
        yield from held
        held.clear()
        try:
            yield page_from_record(obj, origin)
        except InputError as err:
            yield err
    yield from held  # fewer unparsable lines than the give-up count, then the end
    if seen == 0:
        yield InputError("empty file (no JSON lines)", source=name)
