"""Progress reports and cancellation, so the app can run an import in a worker and the CLI can
show how far a long file has got."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from briefgen.library.extract.errors import ExtractCancelled

# Called with (units done, units in all): pages for a PDF, body blocks for Word, 1 of 1 for text.
ProgressCallback = Callable[[int, int], None]
# Either a function answering "has the user pressed Cancel?" or an event the GUI sets.
CancelCheck = Callable[[], bool] | threading.Event


class Monitor:
    """Reports progress and raises `ExtractCancelled` between units of work when asked to stop."""

    def __init__(
        self, path: Path, progress: ProgressCallback | None, cancel: CancelCheck | None
    ) -> None:
        self.path = path
        self._progress = progress
        if isinstance(cancel, threading.Event):
            self._cancelled: Callable[[], bool] = cancel.is_set
        elif cancel is None:
            self._cancelled = _never
        else:
            self._cancelled = cancel

    def step(self, done: int, total: int) -> None:
        """Record that `done` of `total` units are finished; stop here if cancelled."""
        self.check()
        if self._progress is not None:
            self._progress(done, total)

    def check(self) -> None:
        """Raise `ExtractCancelled` if the user has asked to stop."""
        if self._cancelled():
            raise ExtractCancelled(self.path)


def _never() -> bool:
    return False
