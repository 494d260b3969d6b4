"""Local inputs: expanding paths, directories and globs; reading files within limits.

Every failure becomes an :class:`InputError` naming the file and the reason;
nothing here lets an ``OSError``, ``EOFError`` or ``zlib.error`` escape.
"""
from __future__ import annotations

import fnmatch
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


def walk_once(top: str) -> Iterator[tuple[str, list[str], list[str]] | InputError]:
    """Like ``os.walk``, but symbolic links to folders are followed, each real folder once.

    A link back to a parent (or two of them) therefore cannot loop; hidden folders
    (``.git``) are not entered; a folder that cannot be read is one InputError
    ("cannot read this folder ...; skipped"), never a silent gap.
    """
    seen: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            yield InputError(f"cannot read this folder ({exc.strerror or exc}); skipped",
                             source=folder)
            continue
        dirs, files = [], []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.name.startswith("."):
                    dirs.append(entry.name)
            else:
                files.append(entry.name)
        dirs.sort()
        files.sort()
        yield folder, dirs, files
        stack.extend(os.path.join(folder, d) for d in reversed(dirs))


def _page_file(name: str) -> bool:
    if name.startswith("."):
        return False
    ext = os.path.splitext(name[:-3] if name.lower().endswith(".gz") else name)[1].lower()
    return not ext or ext in rules.DIRECTORY_EXTENSIONS or name.lower().endswith(".gz")


def _walk(directory: Path) -> Iterator[str | InputError]:
    """Files under ``directory`` a crawl folder holds pages in, sorted by relative path;
    unreadable folders first, one InputError each."""
    found = []
    for item in walk_once(str(directory)):
        if isinstance(item, InputError):
            yield item
            continue
        root, _, files = item
        found.extend(os.path.join(root, name) for name in files if _page_file(name))
    yield from sorted(found, key=lambda p: Path(p).relative_to(directory).parts)


def _glob_match(pattern: list[str], parts: list[str]) -> bool:
    """Whether path ``parts`` match glob ``pattern`` segments (``**`` = any folders)."""
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return any(_glob_match(pattern[1:], parts[k:]) for k in range(len(parts) + 1))
    return (bool(parts) and (not parts[0].startswith(".") or pattern[0].startswith("."))
            and fnmatch.fnmatchcase(parts[0], pattern[0]) and _glob_match(pattern[1:], parts[1:]))


def recursive_glob(pattern: str) -> Iterator[str | InputError]:
    """The files a ``**`` glob matches, found by :func:`walk_once` (so links cannot loop).

    ``**`` matches any number of folders (none included); ``*``, ``?`` and ``[...]``
    stay within one name (fnmatch); names starting with "." match only a pattern that
    does. Example: ``recursive_glob("crawl/**/*.html")``.
    """
    parts = pattern.split("/")
    first_magic = next(i for i, part in enumerate(parts) if is_glob(part))
    base = "/".join(parts[:first_magic]) or ("/" if pattern.startswith("/") else "")
    rest = parts[first_magic:]
    found = []
    for item in walk_once(base or "."):
        if isinstance(item, InputError):
            yield item
            continue
        root, _, files = item
        rel_root = os.path.relpath(root, base or ".")
        for name in files:
            rel = [name] if rel_root == "." else rel_root.split(os.sep) + [name]
            if _glob_match(rest, rel):
                found.append(os.path.join(base, *rel))
    yield from sorted(found)


def expand_source(source: str) -> Iterator[str | InputError]:
    """The files one command-line source stands for: itself, a directory's files, a glob's matches."""
    path = os.path.expanduser(source)
    if os.path.isdir(path):
        files = list(_walk(Path(path)))
        if not any(isinstance(f, str) for f in files):
            yield InputError("directory holds no page files", source=source)
        yield from files
    elif os.path.exists(path) or not is_glob(path):
        yield path
    else:
        if "**" in path.split("/"):
            matches = list(recursive_glob(path))
        else:
            matches = sorted(m for m in glob.glob(path) if os.path.isfile(m))
        if not any(isinstance(m, str) for m in matches):
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
