"""Run slow work (loading content, building and rendering packs, exporting) off the GUI thread.

A `Worker` runs one function on a `QThreadPool` and reports through `WorkerSignals`: `result`
with the return value, `error` with a message for the officer, then `finished`. The function
must not touch widgets; results are applied by slots on the GUI thread, which drop stale ones.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from briefgen.errors import BriefgenError
from briefgen.gui.recovery import data_dir

log = logging.getLogger("briefgen.gui")


class WorkerSignals(QObject):
    """What a worker reports; emitted from the pool thread, delivered on the GUI thread."""

    result = Signal(object)
    error = Signal(str)
    finished = Signal()


def log_file() -> Any:
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
        try:
            value = self.task()
        except BriefgenError as error:
            self.signals.error.emit(str(error))
        except Exception as error:  # a bug: say so plainly, keep the traceback in the log
            log.exception("unexpected error while %s", self.doing)
            self.signals.error.emit(unexpected_message(self.doing, error))
        else:
            self.signals.result.emit(value)
        self.signals.finished.emit()


class TaskRunner(QObject):
    """Starts workers on a pool and keeps each alive until its `finished` has been delivered."""

    def __init__(self, max_threads: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        if max_threads:
            self.pool.setMaxThreadCount(max_threads)
        self._running: set[Worker] = set()

    def start(
        self,
        task: Callable[[], object],
        on_result: Callable[[Any], None],
        on_error: Callable[[str], None],
        doing: str = "working",
    ) -> Worker:
        worker = Worker(task, doing)
        worker.signals.result.connect(on_result)
        worker.signals.error.connect(on_error)
        worker.signals.finished.connect(lambda: self._running.discard(worker))
        self._running.add(worker)
        self.pool.start(worker)
        return worker

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until running work ends (on quit, so an export is never cut off mid-write)."""
        return self.pool.waitForDone(milliseconds)
