"""Files extracted in worker processes, results handed back in input order.

Both ``extract_paths`` (``vbgraph extract``) and ``graph.build.ingest`` (``vbgraph
ingest``) run their extraction through :func:`map_in_order`: the caller keeps the one
writer (standard output, the store), the workers only extract. Items go to the workers
in chunks; the results come back in the order the items were given, so a run with
``jobs=4`` prints and stores exactly what ``jobs=1`` does.

Workers are forked from the caller (on POSIX), so they start with every module and
table the caller has loaded and need nothing pickled but the items and the results.
A file whose extraction raises (other than ``ReadError``) or kills its worker is that
file's failure, a :class:`~vbgraph.ingest.errors.CrashError`; the run goes on. With
``jobs=1`` everything runs in the calling process and an exception propagates, as it
always did.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, TypeVar

from .errors import CrashError, ReadError

__all__ = ["map_in_order", "default_jobs"]

K = TypeVar("K")

CHUNK = 8  # files per task: about 10 ms of work, so the cost of handing one over is small
_AHEAD = 4  # chunks in flight per worker, enough to keep every worker busy

_func: Callable[[Any], Any] | None = None  # the worker's function, set when the worker starts


def default_jobs() -> int:
    """Worker processes used when none are asked for: every core (``os.cpu_count()``).

    >>> default_jobs() >= 1
    True
    """
    return os.cpu_count() or 1


def map_in_order(func: Callable[[Any], Any], items: Iterable[tuple[K, Any]], *, jobs: int = 1,
                 chunk: int = CHUNK) -> Iterator[tuple[K, Any]]:
    """``(key, func(arg))`` for each ``(key, arg)`` of ``items``, in the order given; an
    ``arg`` that is None or a ``ReadError`` (a file known to be unchanged or unreadable)
    is passed through as the result without work. A ``ReadError`` raised by ``func`` is
    returned as the result; with ``jobs > 1`` so is any other exception or the death of
    the worker, as a ``CrashError`` naming the file (``str(arg)``).

    ``items`` is read lazily, a few chunks ahead of the results.

    >>> list(map_in_order(len, [("a", "xy"), ("b", None), ("c", "xyz")], jobs=2))
    [('a', 2), ('b', None), ('c', 3)]
    """
    if jobs < 1:
        raise ValueError(f"jobs must be 1 or more, not {jobs}")
    if jobs == 1:
        return _in_process(func, items)
    return _Pool(func, jobs, chunk).imap(items)


def _in_process(func, items):
    for key, arg in items:
        if _passed(arg):
            yield key, arg
            continue
        try:
            yield key, func(arg)
        except ReadError as err:
            yield key, err


def _passed(arg: Any) -> bool:
    return arg is None or isinstance(arg, ReadError)


def _start_worker(func: Callable[[Any], Any], parent: int) -> None:
    global _func
    _func = func
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed (SIGKILL leaves no time to stop the pool) exits."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _work(args: list) -> list:
    """One chunk, in a worker: each file's result, its ReadError, or a CrashError."""
    out = []
    for arg in args:
        try:
            out.append(_func(arg))
        except ReadError as err:
            out.append(err)
        except Exception as err:  # noqa: BLE001 - one file's bug must not stop the run
            out.append(CrashError(str(arg), f"the extractor failed: {type(err).__name__}: {err}"))
    return out


def _succeeded(future: Future) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


class _Pool:
    """A process pool that is started again when a worker dies."""

    def __init__(self, func: Callable[[Any], Any], jobs: int, chunk: int):
        self.func, self.jobs, self.chunk = func, jobs, max(1, chunk)
        self._executor: ProcessPoolExecutor | None = None

    def imap(self, items: Iterable[tuple[K, Any]]) -> Iterator[tuple[K, Any]]:
        source = iter(items)
        pending: deque[tuple[list, list, Future | None]] = deque()
        try:
            while True:
                while len(pending) < self.jobs * _AHEAD:
                    batch = list(islice(source, self.chunk))
                    if not batch:
                        break
                    pending.append(self._send(batch))
                if not pending:
                    return
                batch, work, future = pending.popleft()
                got = []
                if future is not None:
                    try:
                        got = future.result()
                    except BrokenProcessPool:
                        got = self._recover(work, pending)
                results = dict(zip((i for i, _ in work), got))
                for i, (key, arg) in enumerate(batch):
                    yield key, results.get(i, arg)
        finally:
            self._stop()

    def _send(self, batch: list) -> tuple[list, list, Future | None]:
        work = [(i, arg) for i, (_, arg) in enumerate(batch) if not _passed(arg)]
        return batch, work, (self._submit([arg for _, arg in work]) if work else None)

    def _submit(self, args: list) -> Future:
        if self._executor is None:
            fork = "fork" in multiprocessing.get_all_start_methods()
            self._executor = ProcessPoolExecutor(
                self.jobs, mp_context=multiprocessing.get_context("fork" if fork else None),
                initializer=_start_worker, initargs=(self.func, os.getpid()))
        return self._executor.submit(_work, args)

    def _recover(self, work: list, pending: deque) -> list:
        """A worker died: this chunk's files are done again one at a time (the one that
        kills its worker again is a CrashError), and the chunks in flight are sent again."""
        self._stop()
        got = [self._alone(arg) for _, arg in work]
        for n in range(len(pending)):
            batch, rest, future = pending[n]
            if future is not None and not _succeeded(future):
                pending[n] = (batch, rest, self._submit([arg for _, arg in rest]))
        return got

    def _alone(self, arg: Any) -> Any:
        try:
            return self._submit([arg]).result()[0]
        except BrokenProcessPool:
            self._stop()
            return CrashError(str(arg), "the extractor's worker process died while reading it")

    def _stop(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
