"""Local inputs: expanding paths, directories and globs; reading files within limits.

Every failure becomes an :class:`InputError` naming the file and the reason;
nothing here lets an ``OSError``, ``EOFError`` or ``zlib.error`` escape.
"""
from __future__ import annotations

import glob
import gzip
import os
import zlib
from pathlib import Path
from typing import BinaryIO, Iterator

from storyline.errors import InputError
from storyline.rules import ingest as rules

#: Exceptions a damaged gzip stream raises while being read.
GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)


def is_glob(source: str) -> bool:
    return any(ch in source for ch in "*?[")


def _walk(directory: Path) -> list[str]:
    """Files under ``directory`` a crawl folder holds pages in, sorted by relative path."""
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith("."):
                continue
            ext = os.path.splitext(name[:-3] if name.lower().endswith(".gz") else name)[1].lower()
            if ext and ext not in rules.DIRECTORY_EXTENSIONS and not name.lower().endswith(".gz"):
                continue
            found.append(os.path.join(root, name))
    return sorted(found, key=lambda p: Path(p).relative_to(directory).parts)


def expand_source(source: str) -> Iterator[str | InputError]:
    """The files one command-line source stands for: itself, a directory's files, a glob's matches."""
    path = os.path.expanduser(source)
    if os.path.isdir(path):
        files = _walk(Path(path))
        if not files:
            yield InputError("directory holds no page files", source=source)
        yield from files
    elif os.path.exists(path) or not is_glob(path):
        yield path
    else:
        matches = sorted(m for m in glob.glob(path, recursive=True) if os.path.isfile(m))
        if not matches:
            yield InputError("no file matches this pattern", source=source)
        yield from matches


def check_file(path: str) -> int:
    """The file's size; raises InputError when it is missing, not a file, unreadable or empty."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError("no such file or directory", source=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=path) from None
    if os.path.isdir(path):
        raise InputError("is a directory", source=path)
    if not os.path.isfile(path):
        raise InputError("not a regular file", source=path)
    if not os.access(path, os.R_OK):
        raise InputError("permission denied", source=path)
    if st.st_size == 0:
        raise InputError("empty file (0 bytes)", source=path)
    return st.st_size


def too_big(size: int, max_bytes: int, what: str = "file") -> str:
    return (f"{what} is {size:,} bytes, over the limit of {max_bytes:,} "
            "(raise max_bytes / --max-bytes to read it)")


def read_head(fh: BinaryIO, source: str) -> bytes:
    """The first SNIFF_BYTES of a (possibly gzip) stream, decompressed.

    Read in small steps so that a truncated gzip still gives the bytes before the
    cut (a truncated WARC.gz must still yield its first records); a stream that
    breaks before giving anything is an InputError.
    """
    head = b""
    try:
        while len(head) < rules.SNIFF_BYTES:
            chunk = fh.read(min(rules.HEAD_STEP, rules.SNIFF_BYTES - len(head)))
            if not chunk:
                break
            head += chunk
    except GZIP_ERRORS as exc:
        if not head:
            raise InputError(gzip_reason(exc), source=source) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc}", source=source) from None
    return head


def gzip_reason(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "truncated gzip: the file ends before the end of the compressed stream"
    return f"corrupt gzip: {exc}"


def open_maybe_gzip(path: str) -> BinaryIO:
    """Open ``path`` for reading bytes; gzip files (by magic number) are decompressed."""
    fh = open(path, "rb")  # noqa: SIM115 - the caller closes it
    magic = fh.read(2)
    fh.seek(0)
    if magic == rules.GZIP_MAGIC:
        return gzip.GzipFile(fileobj=fh, mode="rb")  # type: ignore[return-value]
    return fh


def read_limited(fh: BinaryIO, source: str, max_bytes: int, what: str = "file") -> bytes:
    """Read a whole stream, refusing it once it passes ``max_bytes`` (gzip bombs included)."""
    chunks, total = [], 0
    try:
        while True:
            chunk = fh.read(rules.READ_CHUNK)
            if not chunk:
                break
            total += len(chunk)
            if total > max_bytes:
                raise InputError(f"{what} holds more than {max_bytes:,} bytes "
                                 "(raise max_bytes / --max-bytes to read it)", source=source)
            chunks.append(chunk)
    except GZIP_ERRORS as exc:
        raise InputError(gzip_reason(exc), source=source) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc}", source=source) from None
    return b"".join(chunks)
