"""WARC inputs of the Spark job: paths, path lists and splits of whole records.

``expand_inputs`` turns what the user gave (local files, directories, globs,
``https://`` / ``s3a://`` URLs, a CC-NEWS ``warc.paths`` list with a ``prefix``)
into WARC paths. ``plan_splits`` cuts each local WARC into runs of whole
records, found by one pass over the record headers (warcio's offsets), so one
large file spreads over every core; a remote file is one split (CC-NEWS months
are hundreds of files, enough to spread). ``open_split`` opens a split on an
executor as a binary stream that ends where the split ends.

Example::

    splits = plan_splits(expand_inputs(["crawl.warc.gz"]), records_per_split=100)
    with open_split(splits[0]) as fh:
        for item in iter_warc(fh, splits[0].path): ...
"""
from __future__ import annotations

import glob
import gzip
import io
import os
import zlib
from dataclasses import dataclass
from typing import BinaryIO

from storyline.errors import InputError
from storyline.rules import ingest as ingest_rules
from storyline.rules import spark as rules


@dataclass
class Split:
    """Records ``first_record``.. of ``path`` between byte ``start`` and ``start + length``
    (``length`` None: to the end of the file)."""

    path: str
    start: int = 0
    length: int | None = None
    first_record: int = 1


def is_remote(path: str) -> bool:
    return path.lower().startswith(rules.REMOTE_SCHEMES)


def read_path_list(path: str, prefix: str | None) -> list[str]:
    """The WARC paths of a ``warc.paths`` list (plain or .gz), each after ``prefix``."""
    opener = gzip.open if path.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            lines = [ln.strip() for ln in fh if ln.strip() and not ln.startswith("#")]
    except (OSError, EOFError) as exc:
        raise InputError(f"cannot read the list of WARC paths: {exc}", source=path) from None
    if prefix:
        return [ln if is_remote(ln) else prefix.rstrip("/") + "/" + ln.lstrip("/") for ln in lines]
    return lines


def expand_inputs(inputs: list[str], prefix: str | None = None) -> list[str]:
    """WARC paths from files, directories, globs, URLs and path lists, in order, once each."""
    out: list[str] = []
    for item in inputs:
        if is_remote(item):
            found = [item]
        elif item.endswith(rules.PATH_LIST_ENDINGS):
            found = read_path_list(item, prefix)
        elif os.path.isdir(item):
            found = sorted(os.path.join(root, name) for root, _, names in os.walk(item)
                           for name in names if name.lower().endswith(rules.WARC_ENDINGS))
        elif any(ch in item for ch in "*?["):
            found = sorted(glob.glob(item, recursive=True))
        elif os.path.isfile(item):
            found = [item]
        else:
            raise InputError("no such file, directory or URL", source=item)
        if not found:
            raise InputError("matches no WARC file", source=item)
        out.extend(p for p in found if p not in out)
    return out


def record_offsets(path: str) -> list[tuple[int, int]] | None:
    """(offset, length) of every record of a local WARC, or None when it cannot be cut
    (damaged, or one gzip stream for the whole file): then it is read as one split."""
    from warcio.archiveiterator import ArchiveIterator

    magic = ingest_rules.GZIP_MAGIC if _is_gzip(path) else ingest_rules.WARC_MAGIC
    offsets = []
    try:
        with open(path, "rb") as fh:
            it = ArchiveIterator(fh)
            for record in it:
                it.read_to_end(record)
                if getattr(record.raw_stream, "limit", 0) > 0:  # body shorter than declared
                    return None
                offsets.append((it.get_record_offset(), it.get_record_length()))
            end = offsets[-1][0] + offsets[-1][1] if offsets else 0
            fh.seek(end)
            if fh.read(ingest_rules.SNIFF_BYTES).strip():  # bytes after the last record
                return None
            if magic == ingest_rules.GZIP_MAGIC and offsets:  # warcio stops quietly at a cut
                fh.seek(offsets[-1][0])                        # gzip member: check the last
                inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
                while not inflate.eof and (chunk := fh.read(ingest_rules.READ_CHUNK)):
                    inflate.decompress(chunk, ingest_rules.READ_CHUNK)
                    while inflate.unconsumed_tail and not inflate.eof:
                        inflate.decompress(inflate.unconsumed_tail, ingest_rules.READ_CHUNK)
                if not inflate.eof:
                    return None
            for start, _ in offsets:
                fh.seek(start)
                if fh.read(len(magic)) != magic:
                    return None
    except Exception:  # noqa: BLE001 - warcio raises bare Exceptions; the task reports it
        return None
    return offsets or None


def _is_gzip(path: str) -> bool:
    with open(path, "rb") as fh:
        return fh.read(2) == ingest_rules.GZIP_MAGIC


def plan_splits(paths: list[str], records_per_split: int | None = None,
                cores: int = 1) -> list[Split]:
    """Splits of whole records (remote or uncuttable files: one split each). Without
    ``records_per_split``, it is chosen so every core gets TASKS_PER_CORE tasks."""
    offsets = {p: None if is_remote(p) else record_offsets(p) for p in paths}
    if records_per_split is None:
        total = sum(len(o or []) for o in offsets.values())
        tasks = max(1, cores * rules.TASKS_PER_CORE)
        records_per_split = max(1, min(rules.MAX_RECORDS_PER_SPLIT, -(-total // tasks)))
    splits: list[Split] = []
    for path in paths:
        found = offsets[path]
        if not found:
            splits.append(Split(path))
            continue
        size = os.path.getsize(path)
        starts = [start for start, _ in found]
        for i in range(0, len(starts), records_per_split):
            end = starts[i + records_per_split] if i + records_per_split < len(starts) else size
            splits.append(Split(path, starts[i], end - starts[i], i + 1))
    return splits


class _Window(io.RawIOBase):
    """The bytes [start, start + length) of a file, as a stream."""

    def __init__(self, fh: BinaryIO, start: int, length: int | None):
        self.fh = fh
        fh.seek(start)
        self.left = length

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        n = len(buf) if self.left is None else min(len(buf), self.left)
        data = self.fh.read(n)
        buf[:len(data)] = data
        if self.left is not None:
            self.left -= len(data)
        return len(data)

    def close(self) -> None:
        self.fh.close()
        super().close()


def open_split(split: Split) -> BinaryIO:
    """A binary stream of the split's bytes; InputError if it cannot be opened."""
    path = split.path
    if path.lower().startswith(("https://", "http://")):
        import requests

        try:
            resp = requests.get(path, stream=True, timeout=ingest_rules.FETCH_TIMEOUT,
                                headers={"User-Agent": ingest_rules.USER_AGENT})
            resp.raise_for_status()
        except requests.RequestException as exc:
            raise InputError(f"cannot fetch the WARC: {exc}", source=path) from None
        resp.raw.decode_content = False  # warcio reads the gzip members itself
        return resp.raw
    if path.lower().startswith(("s3a://", "s3://")):
        return _open_s3(path)
    local = path[len("file://"):] if path.startswith("file://") else path
    try:
        fh = open(local, "rb")
    except OSError as exc:
        raise InputError(f"cannot open the WARC: {exc.strerror or exc}", source=path) from None
    return io.BufferedReader(_Window(fh, split.start, split.length), ingest_rules.READ_CHUNK)


def _open_s3(path: str) -> BinaryIO:
    try:
        import boto3
    except ImportError:
        raise InputError("reading s3a:// needs boto3 on the executors (pip install boto3), or "
                         "give the https:// mirror of the bucket with --prefix",
                         source=path) from None
    bucket, _, key = path.split("://", 1)[1].partition("/")
    try:
        return boto3.client("s3").get_object(Bucket=bucket, Key=key)["Body"]
    except Exception as exc:  # noqa: BLE001 - botocore's errors have no common base to catch
        raise InputError(f"cannot read from S3: {exc}", source=path) from None
