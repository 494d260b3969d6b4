"""Bytes to text, for pages whose encoding is declared wrongly, partly or not at all.

The order of decisions (first match wins):

1. a byte order mark (UTF-8, UTF-16, UTF-32) decides;
2. the charset declared by the container (HTTP ``Content-Type``, WARC record,
   ``declared=``) and then by the page itself (``<meta charset>``, XML
   declaration), read through the WHATWG label list (latin-1 -> cp1252; labels
   browsers ignore, such as utf-7 or cp037, are ignored here too);
   a UTF-8 declaration decodes byte by byte: invalid bytes are read as cp1252
   (mixed encodings, Windows text pasted into a UTF-8 page); any other
   declaration loses to bytes that are valid UTF-8 with non-ASCII characters
   (mislabelled pages: gb2312 or iso-8859-1 declared on UTF-8 bytes); a
   UTF-16 label on bytes without UTF-16's NUL pattern means UTF-8 (as browsers do);
   undeclared UTF-16 without a BOM is recognised by that NUL pattern;
3. undeclared: valid UTF-8 is UTF-8; mostly-UTF-8 is mixed UTF-8/cp1252;
   anything else goes to ``charset-normalizer``;
4. last resort cp1252 with replacement characters.

``decode_bytes`` never raises, whatever the bytes.
"""
from __future__ import annotations

import codecs
import re

from storyline.rules import ingest as rules
from storyline.rules.encodings import LABEL_CODECS

_MIXED_HANDLER = "storyline-cp1252-fallback"


def _cp1252_fallback(exc: UnicodeDecodeError):
    """Codec error handler: read the first offending byte as cp1252 (latin-1 for its 5 holes)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    byte = exc.object[exc.start:exc.start + 1]
    try:
        char = byte.decode(rules.MIXED_FALLBACK)
    except UnicodeDecodeError:
        char = byte.decode("latin-1")
    return char, exc.start + 1


codecs.register_error(_MIXED_HANDLER, _cp1252_fallback)


def normalise_encoding(name: str | bytes | None) -> str | None:
    """The Python codec for a declared label, per the WHATWG label list; None if browsers
    would ignore the label (``utf-7``, ``cp037``, a typo).

    >>> normalise_encoding(" ISO-8859-1 "), normalise_encoding("utf-7")
    ('cp1252', None)
    """
    if not name:
        return None
    if isinstance(name, bytes):
        name = name.decode("ascii", "ignore")
    label = name.strip(" \t\n\f\r\"'").lower()
    codec = LABEL_CODECS.get(label)
    return _codec_name(codec) if codec else None


def _codec_name(name: str | None) -> str | None:
    """Python's canonical name of a codec name (detector output), or None."""
    try:
        return codecs.lookup(name).name if name else None
    except (LookupError, ValueError):
        return None


def charset_from_content_type(value: str | None) -> str | None:
    """The ``charset=`` parameter of a Content-Type header value, if any."""
    if not value:
        return None
    for part in value.split(";")[1:]:
        key, _, val = part.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            return val.strip().strip("\"'")
    return None


def sniff_declared(data: bytes) -> str | None:
    """The charset the page declares in its head (meta tag or XML declaration)."""
    match = rules.META_CHARSET.search(data[:rules.SNIFF_BYTES])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "ignore")


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """(codec, BOM length) when the bytes start with a byte order mark."""
    for bom, codec in rules.BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when ASCII-range text shows NULs in every other byte."""
    head = data[:rules.SNIFF_BYTES]
    nul = head.count(b"\x00")
    if len(head) < 2 or nul < len(head) * rules.UTF16_NUL_SHARE:
        return None
    if head[1::2].count(b"\x00") == nul:
        return "utf-16-le"
    if head[0::2].count(b"\x00") == nul:
        return "utf-16-be"
    return None


def _is_utf8(codec: str | None) -> bool:
    return codec in ("utf-8", "ascii")


#: One well-formed multi-byte UTF-8 sequence (RFC 3629, table 3-7 of Unicode).
_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_HIGH = re.compile(rb"[\x80-\xff]")


def _utf8_share(data: bytes) -> tuple[int, int]:
    """(valid multi-byte UTF-8 characters, high bytes outside them) in ``data``."""
    seqs = _UTF8_SEQ.findall(data)
    used = sum(len(s) for s in seqs)
    return len(seqs), len(_HIGH.findall(data)) - used


def decode_mixed(data: bytes) -> str:
    """UTF-8 where the bytes are valid UTF-8, cp1252 for each byte that is not."""
    return data.decode("utf-8", _MIXED_HANDLER)


def _strict_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


_WEB_CODECS: set[str] | None = None


def _web_codecs() -> set[str]:
    global _WEB_CODECS
    if _WEB_CODECS is None:
        _WEB_CODECS = {c for c in map(_codec_name, rules.WEB_ENCODINGS) if c}
    return _WEB_CODECS


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best pick among the codecs web pages use.

    Its candidates outside the WHATWG list (DOS code pages: cp850, cp852...) are
    dropped; cp1252 wins when it scores as well as the pick, within a margin.
    """
    try:
        from charset_normalizer import from_bytes
        matches = list(from_bytes(data[:rules.DETECT_BYTES]))
    except Exception:  # noqa: BLE001 - a detector failure must not stop decoding
        return None
    web = [m for m in matches if _codec_name(m.encoding) in _web_codecs()]
    if not web:
        return None
    best = web[0]
    for match in web:
        if (_codec_name(match.encoding) == rules.PREFERRED_LEGACY
                and match.chaos <= best.chaos + rules.PREFERRED_LEGACY_CHAOS_MARGIN
                and match.coherence >= best.coherence - rules.PREFERRED_LEGACY_COHERENCE_MARGIN):
            return rules.PREFERRED_LEGACY
    return _codec_name(best.encoding)


def _decode_with(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec, "replace")
    except (LookupError, ValueError):
        return data.decode(rules.MIXED_FALLBACK, "replace")


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode page bytes to text; never raises. ``declared`` is the container's charset."""
    if isinstance(data, str):
        return data
    data = bytes(data or b"")
    if not data:
        return ""
    bom = bom_encoding(data)
    if bom:
        codec, size = bom
        body = data[size:]
        return decode_mixed(body) if codec == "utf-8" else _decode_with(body, codec)

    guessed = utf16_without_bom(data)
    if guessed and not normalise_encoding(declared):
        return _decode_with(data, guessed)
    codec = normalise_encoding(declared) or normalise_encoding(sniff_declared(data))
    if codec is not None and not _is_utf8(codec):
        if rules.UTF8_OVERRIDES_DECLARED and not codec.startswith(("utf-16", "utf-32")):
            text = _strict_utf8(data)
            if text is not None and not text.isascii():
                return text
        if codec.startswith(("utf-16", "utf-32")) and not guessed:
            return decode_mixed(data)  # WHATWG: a UTF-16 label on ASCII-like bytes means UTF-8
        return _decode_with(data, codec)
    if codec is not None:  # declared UTF-8 (or ASCII): per-byte cp1252 fallback
        return decode_mixed(data)

    text = _strict_utf8(data)
    if text is not None:
        return text
    valid, invalid = _utf8_share(data[:rules.DETECT_BYTES])
    if valid and valid / (valid + invalid) >= rules.MIXED_MIN_UTF8_SHARE:
        return decode_mixed(data)
    detected = _detect(data)
    if detected and not _is_utf8(detected):
        return _decode_with(data, detected)
    return decode_mixed(data)
