"""Pages through extraction and enrichment on every core, results in input order.

:func:`process_pages` is the one loop behind ``extract`` and ``ingest``. With one worker (or
fewer than two pages to do) it runs in this process; otherwise pages go to worker processes
(``forkserver`` where the platform has it, else ``spawn``: the parent never forks after
loading spaCy), each of which loads the spaCy model once, when it starts. At most
``IN_FLIGHT_PER_WORKER`` pages per worker are read ahead, so memory stays flat however long
the input, and results come back in input order, so output and resume behave as with one
process. The caller alone writes to the archive.

A page that fails in a worker is one error for that page; a worker that dies (a crash in C
code, the OOM killer) costs only the page it was on: the pool is started again, that page is
tried once more on its own (a crash elsewhere in the pool must not be blamed on it), and the
other pages in flight are sent again.

Example::

    for outcome in process_pages(iter_pages(["crawl.warc.gz"]), workers=2):
        if outcome.error:
            print(outcome.error.line())
        elif outcome.article:
            archive.add(outcome.article)
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import chain
from typing import Callable, Iterable, Iterator

from storyline.errors import StorylineError
from storyline.model import Article, RawPage

#: Seconds between a worker's checks that the process which started it is still alive.
ORPHAN_CHECK_S = 1.0

#: Pages read ahead per worker: enough that no worker waits for the next page while the
#: parent stores a result, few enough that a long crawl never sits in memory.
IN_FLIGHT_PER_WORKER = 2


def default_workers() -> int:
    """The cores this process may run on (the ``--workers`` default)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class Outcome:
    """What became of one input item, in input order.

    ``article`` (extracted, enriched unless asked not to or already archived), or ``error``
    (the page, or the input, could not be read), or ``skipped`` (``skip(page)`` said the
    archive already holds it: nothing was done)."""

    page: RawPage | None
    article: Article | None = None
    error: StorylineError | None = None
    skipped: bool = False


@dataclass(frozen=True)
class Settings:
    """What every page is processed with: enrichment on or off, the ``--published``
    override, and the archive (path) whose exact duplicates are extracted but not enriched."""

    enrich: bool = True
    published: str | None = None
    archive_path: str | None = None


class _Worker:
    """Per-process state: the settings and, when asked, a read connection to the archive."""

    settings = Settings()
    archive = None

    @classmethod
    def known(cls, article: Article) -> bool:
        if cls.settings.archive_path is None:
            return False
        if cls.archive is None:
            from storyline.store import Archive

            cls.archive = Archive(cls.settings.archive_path)
        return cls.archive.has(article)


def _exit_when_orphaned(parent: int) -> None:
    """A worker whose parent was killed (SIGKILL leaves it no time to stop the pool) exits
    too, instead of waiting for pages forever with a spaCy model in memory. (The parent pid is
    watched, not ``getppid()``: a forkserver's workers are its children, and it outlives a
    killed parent as long as they do.)"""
    import threading
    import time

    def alive() -> bool:
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # pragma: no cover - the pid now belongs to another user
            return False
        try:  # killed but not yet reaped by its own parent
            with open(f"/proc/{parent}/stat", encoding="ascii", errors="replace") as fh:
                return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
        except (OSError, IndexError):
            return True

    def watch() -> None:
        while alive():
            time.sleep(ORPHAN_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="storyline-orphan-watch").start()


def descendants(pid: int) -> set[int]:
    """Pids of the processes ``pid`` started, directly or not (Linux ``/proc``; empty
    elsewhere): an ingest's forkserver and workers, to check that none outlives it."""
    children: dict[int, list[int]] = {}
    proc = "/proc"
    for name in os.listdir(proc) if os.path.isdir(proc) else ():
        if name.isdigit():
            try:
                with open(f"{proc}/{name}/stat", encoding="ascii", errors="replace") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _init_worker(settings: Settings, parent: int) -> None:
    """Runs once in each worker: keeps the settings and loads the model before the first page."""
    _exit_when_orphaned(parent)
    _Worker.settings = settings
    _Worker.archive = None
    import storyline.process  # noqa: F401 - extraction and enrichment code, imported once

    if settings.enrich:
        from storyline.enrich.nlp import load_nlp

        try:
            load_nlp()
        except StorylineError:
            pass  # a missing model is reported page by page, as in one process


def _work(page: RawPage) -> tuple[Article | None, StorylineError | None]:
    from storyline.process import process_safely

    s = _Worker.settings
    article, error = process_safely(page, enrich_text=s.enrich, published=s.published,
                                    known=_Worker.known if s.archive_path else None)
    return article, error


def _inline(items: Iterable, settings: Settings, skip, known) -> Iterator[Outcome]:
    from storyline.process import process_safely

    for item in items:
        if isinstance(item, StorylineError):
            yield Outcome(None, error=item)
        elif skip is not None and skip(item):
            yield Outcome(item, skipped=True)
        else:
            article, error = process_safely(item, enrich_text=settings.enrich,
                                            published=settings.published, known=known)
            yield Outcome(item, article, error)


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _worker_died(page: RawPage) -> StorylineError:
    return StorylineError("the worker process died on this page (crash or out of memory); "
                          "the batch goes on", source=page.origin)


def process_pages(items: Iterable[RawPage | StorylineError], *, workers: int = 1,
                  settings: Settings = Settings(), skip: Callable[[RawPage], bool] | None = None,
                  known: Callable[[Article], bool] | None = None) -> Iterator[Outcome]:
    """Extract (and enrich) every page of ``items``, yielding one :class:`Outcome` per item in
    input order. ``items`` are pages or input errors (as ``storyline.ingest.iter_pages`` gives
    them); ``skip(page)`` is asked first, in this process, and a page it accepts is not
    processed; ``known`` (one process only: workers use ``settings.archive_path``) spares
    enrichment of what the archive already holds."""
    items = iter(items)
    if workers > 1:
        head: list = []
        todo = 0
        for item in items:  # fewer than two pages to do: a pool would only cost start-up
            head.append(item)
            if isinstance(item, RawPage) and not (skip is not None and skip(item)):
                todo += 1
                if todo == 2:
                    break
        # pages of ``head`` already asked ``skip`` are asked again below: skip is a look-up
        items = chain(head, items)
        if todo < 2:
            workers = 1
    if workers <= 1:
        yield from _inline(items, settings, skip, known)
        return
    yield from _pooled(items, workers, settings, skip)


def _finished(future: Future | None) -> bool:
    return (future is None or (future.done() and not future.cancelled()
                               and future.exception() is None))


def _pooled(items: Iterator, workers: int, settings: Settings, skip) -> Iterator[Outcome]:
    def start() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init_worker,
                                   initargs=(settings, os.getpid()))

    pool = start()
    window: deque[tuple[Outcome, Future | None]] = deque()
    limit = workers * IN_FLIGHT_PER_WORKER
    try:
        for item in chain(items, [None]):
            if item is not None:
                if isinstance(item, StorylineError):
                    window.append((Outcome(None, error=item), None))
                elif skip is not None and skip(item):
                    window.append((Outcome(item, skipped=True), None))
                else:
                    window.append((Outcome(item), pool.submit(_work, item)))
            while window and (item is None or len(window) > limit or window[0][1] is None):
                outcome, future = window.popleft()
                if future is not None:
                    try:
                        outcome.article, outcome.error = future.result()
                    except BrokenProcessPool:
                        # the pool is gone: was it this page? Try it again alone to know.
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = start()
                        try:
                            retry = pool.submit(_work, outcome.page)
                            outcome.article, outcome.error = retry.result()
                        except BrokenProcessPool:
                            outcome.error = _worker_died(outcome.page)
                            pool.shutdown(wait=False, cancel_futures=True)
                            pool = start()
                        window = deque((o, f if _finished(f) else pool.submit(_work, o.page))
                                       for o, f in window)
                    except Exception as exc:  # noqa: BLE001 - e.g. a page that cannot be pickled
                        outcome.error = StorylineError(f"unexpected {type(exc).__name__}: {exc}",
                                                       source=outcome.page.origin)
                yield outcome
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
