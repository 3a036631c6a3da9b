"""Run slow work (loading content, building and rendering packs, exporting) off the GUI thread.

A `Worker` runs one function on a `QThreadPool` and reports through `WorkerSignals`: `result`
with the return value, `error` with a message for the officer, then `finished`. The function
must not touch widgets; results are applied by slots on the GUI thread, which drop stale ones.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import traceback
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from briefgen.errors import BriefgenError
from briefgen.recovery import data_dir

log = logging.getLogger("briefgen.gui")

T = TypeVar("T")


class WorkerSignals(QObject):
    """What a worker reports; emitted from the pool thread, delivered on the GUI thread."""

    result = Signal(object)
    error = Signal(str)
    finished = Signal()


def log_file() -> Path:
    return data_dir() / "briefgen.log"


def unexpected_message(doing: str, error: BaseException) -> str:
    """The message for a bug: no traceback on screen, the traceback in the log file."""
    where = log_file()
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        with where.open("a", encoding="utf-8") as stream:
            stream.write("".join(traceback.format_exception(error)))
        logged = f" The details are in {where}; please send that file with your report."
    except OSError:
        logged = ""
    return (
        f"Something went wrong inside briefgen while {doing} "
        f"({type(error).__name__}: {error}). Your pack is safe: nothing was overwritten. "
        f"Try again; if it happens again, please report it.{logged}"
    )


def writing_files(task: Callable[[], T]) -> Callable[[], T]:
    """`task` (which writes files) with an `OSError` said as the officer's error it is, naming
    the file, so the worker does not report it as a bug."""

    def run() -> T:
        try:
            return task()
        except OSError as error:
            raise BriefgenError(str(error)) from error

    return run


# A library file is read, changed and replaced whole, and each review view and "Add as item"
# dialog writes on a worker of its own: two writes to one file at once would lose a change.
_LIBRARY_WRITES = threading.Lock()


def writing_library(task: Callable[[], T]) -> Callable[[], T]:
    """`writing_files(task)`, run while no other library write runs, anywhere in the app."""

    def run() -> T:
        with _LIBRARY_WRITES:
            return task()

    return writing_files(run)


class Worker(QRunnable):
    """Runs `task()` once on a pool thread; `doing` names the work in a bug report."""

    def __init__(self, task: Callable[[], object], doing: str = "working") -> None:
        super().__init__()
        self.task = task
        self.doing = doing
        self.signals = WorkerSignals()
        # The pool must not delete the C++ object while Python still holds the signals.
        self.setAutoDelete(False)

    def run(self) -> None:
        # RuntimeError: the window closed while this ran, so nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            self._report(self._outcome())

    def _outcome(self) -> tuple[str, object]:
        try:
            return "result", self.task()
        except BriefgenError as error:
            return "error", str(error)
        except Exception as error:  # a bug: say so plainly, keep the traceback in the log
            log.exception("unexpected error while %s", self.doing)
            return "error", unexpected_message(self.doing, error)

    def _report(self, outcome: tuple[str, object]) -> None:
        kind, value = outcome
        if kind == "result":
            self.signals.result.emit(value)
        else:
            self.signals.error.emit(value)
        self.signals.finished.emit()


# Every started worker stays referenced here until its `finished` reaches the GUI thread, even
# if the window that started it has gone: the pool thread is still running its `run`.
_ALIVE: set[Worker] = set()


class _Relay(QObject):
    """Hands a worker's report to the callbacks of the object that started it. A child of the
    `TaskRunner`, so a report arriving after the window has closed goes nowhere."""

    def __init__(
        self,
        on_result: Callable[[Any], None],
        on_error: Callable[[str], None],
        parent: TaskRunner,
    ) -> None:
        super().__init__(parent)
        self.on_result = on_result
        self.on_error = on_error

    @Slot(object)
    def result(self, value: object) -> None:
        self.on_result(value)

    @Slot(str)
    def error(self, message: str) -> None:
        self.on_error(message)


class TaskRunner(QObject):
    """Starts workers on its own pool and reports whether any is still running."""

    def __init__(self, max_threads: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        if max_threads:
            self.pool.setMaxThreadCount(max_threads)
        self._running: set[_Relay] = set()

    def start(
        self,
        task: Callable[[], object],
        on_result: Callable[[Any], None],
        on_error: Callable[[str], None],
        doing: str = "working",
    ) -> Worker:
        worker = Worker(task, doing)
        relay = _Relay(on_result, on_error, self)
        worker.signals.result.connect(relay.result)
        worker.signals.error.connect(relay.error)
        worker.signals.finished.connect(relay.deleteLater)
        worker.signals.finished.connect(partial(self._running.discard, relay))
        worker.signals.finished.connect(partial(_ALIVE.discard, worker))
        self._running.add(relay)
        _ALIVE.add(worker)
        self.pool.start(worker)
        return worker

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until running work ends (on quit, so an export is never cut off mid-write)."""
        return self.pool.waitForDone(milliseconds)

    def finish(self, milliseconds: int = 30_000) -> bool:
        """Block until running work ends and handle what it reported now, not on the next turn
        of the event loop: for a caller that must know the outcome before it goes on."""
        done = self.pool.waitForDone(milliseconds)
        QCoreApplication.sendPostedEvents()
        return done
