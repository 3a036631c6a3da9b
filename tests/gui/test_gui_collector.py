"""Reference cycles are freed on the GUI thread, never on a worker's (briefgen.gui.collector)."""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

from briefgen.gui.collector import MainThreadCollector


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle only the cyclic collector frees


def test_cycles_are_collected_by_the_gui_threads_timer_not_by_allocation(qtbot: Any) -> None:
    assert not gc.isenabled()  # the app's tests run as the app does
    freed_on: list[str] = []
    node = _Node()
    weakref.finalize(node, lambda: freed_on.append(threading.current_thread().name))
    del node

    held: list[list[list[object]]] = []

    def allocate_in_a_worker() -> None:  # enough to pass generation 0's threshold many times
        # Kept: an object freed at once takes back the count its allocation added, so a loop
        # of short-lived lists never passes the threshold (and the test passed only when
        # earlier tests had left generation 0 near it).
        for _ in range(50_000):
            held.append([[], []])

    worker = threading.Thread(target=allocate_in_a_worker, name="worker")
    worker.start()
    worker.join()
    assert freed_on == [], f"collected on {freed_on}, gc enabled: {gc.isenabled()}"
    # The timer collects generation 0 within half a second; a machine under load (a full
    # suite beside other work) may take longer to run the event loop.
    qtbot.waitUntil(lambda: bool(freed_on), timeout=30_000)
    assert freed_on == [threading.main_thread().name]


def test_stopping_gives_collection_back_to_python(qtbot: Any) -> None:
    collector = MainThreadCollector()
    collector.stop()
    assert not collector.timer.isActive()
    collector.was_enabled = True
    collector.stop()
    assert gc.isenabled()
    gc.disable()  # as the package's collector keeps it until the app's tests end
