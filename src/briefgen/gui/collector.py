"""Python's cyclic garbage collection run on the GUI thread only.

The app does its slow work (reading a document, training the suggestion model, rendering a
preview) on worker threads. Python collects reference cycles on whichever thread happens to
allocate when a threshold is crossed, so a cycle holding a Qt object made on the GUI thread (a
closed dialog, say) could be freed on a worker thread, and Qt crashes when an object is
destroyed off its own thread (a test run hit this: a segmentation fault "Garbage-collecting"
in the training worker). The collector turns automatic collection off and collects from a
timer on the GUI thread, as often as Python would, the recipe pyqtgraph's and calibre's
`GarbageCollector` follow (docs/decisions/0190).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """While it runs, cycles are collected on the GUI thread, generation by generation as
    Python's own thresholds say; `stop` gives collection back to Python."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.was_enabled = gc.isenabled()
        gc.disable()
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        """Collect the generations whose counts have passed Python's thresholds."""
        first, second, third = gc.get_count()
        if first > self.threshold[0]:
            gc.collect(0)
            if second > self.threshold[1]:
                gc.collect(1)
                if third > self.threshold[2]:
                    gc.collect(2)

    def stop(self) -> None:
        """Stop collecting from the timer; automatic collection is on again if it was before."""
        self.timer.stop()
        if self.was_enabled:
            gc.enable()
