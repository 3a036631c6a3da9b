"""The review view writes its decisions off the GUI thread: a slow share does not freeze the
window, decisions land in the order they were made, undo and closing wait for the write
they follow, and a write that fails puts its row back and says why."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from PySide6.QtCore import Qt, QTimer
from tests.gui.reviewing import open_review, press

from briefgen.content import Corpus
from briefgen.gui import curation as curation_module
from briefgen.gui import review_view
from briefgen.gui.review_view import ACCEPTED
from briefgen.library.curate import read_rejected
from briefgen.library.suggest import suggestion_id

SOURCE = "lga-2013"
SLOW = 0.5  # seconds a write to a slow share takes here
QUEUED = 0.2  # long enough for the next key press to come while a write runs


class SlowWrites:
    """Adding items takes `delay` seconds (or the first of `delays`, used up in turn), as on
    a network share; each call's quotes are kept."""

    def __init__(self) -> None:
        self.delay = QUEUED
        self.delays: list[float] = []
        self.calls: list[list[str]] = []


@pytest.fixture
def slow_writes(monkeypatch: pytest.MonkeyPatch) -> SlowWrites:
    real = review_view.add_items
    writes = SlowWrites()

    def slow(corpus: Corpus, library: Path, source_id: str, records: Any) -> Path:
        time.sleep(writes.delays.pop(0) if writes.delays else writes.delay)
        writes.calls.append([str(record["text"]) for record in records])
        return real(corpus, library, source_id, records)

    monkeypatch.setattr(review_view, "add_items", slow)
    return writes


def _items_in(library: Path) -> list[str]:
    data = yaml.safe_load((library / "items" / f"{SOURCE}.yaml").read_text(encoding="utf-8"))
    return [entry["text"] for entry in data["items"]]


def test_a_slow_write_leaves_the_window_responsive(
    qtbot: Any, review_corpus: Corpus, library: Path, slow_writes: SlowWrites
) -> None:
    slow_writes.delay = SLOW
    view = open_review(qtbot, review_corpus, library)
    during: list[tuple[bool, int]] = []

    def meanwhile() -> None:  # runs only if the event loop is not blocked by the write
        view.list.setCurrentRow(3)
        during.append((view.writing, view.list.currentRow()))

    QTimer.singleShot(50, meanwhile)
    started = time.monotonic()
    press(view, Qt.Key.Key_A)
    assert time.monotonic() - started < SLOW / 2  # the key press did not wait for the write
    assert view.verdicts[0] == ACCEPTED and view.list.currentRow() == 1  # shown at once
    assert view.writing and not (library / "items").exists()
    with qtbot.waitSignal(view.libraryChanged, timeout=10_000):
        pass
    assert during == [(True, 3)]  # the timer fired, and the row moved, while it wrote
    assert _items_in(library) == slow_writes.calls[0] and len(slow_writes.calls) == 1


def test_two_quick_decisions_land_in_the_order_they_were_made(
    qtbot: Any, review_corpus: Corpus, library: Path, slow_writes: SlowWrites
) -> None:
    slow_writes.delays = [0.3, 0.0]  # the first write slower: it must still land first
    view = open_review(qtbot, review_corpus, library)
    press(view, Qt.Key.Key_A)
    press(view, Qt.Key.Key_R)  # the second rejected while the first is written
    press(view, Qt.Key.Key_A)  # the third accepted
    assert view.verdicts[:3] == [ACCEPTED, "rejected", ACCEPTED]
    qtbot.waitUntil(lambda: not view.writing, timeout=10_000)
    first, third = view.suggestions[0], view.suggestions[2]
    assert slow_writes.calls == [[" ".join(first.text.split())], [" ".join(third.text.split())]]
    assert _items_in(library) == [" ".join(s.text.split()) for s in (first, third)]
    assert read_rejected([library], SOURCE) == [suggestion_id(view.suggestions[1].text)]


def test_undo_right_after_accept_leaves_the_library_as_it_was(
    qtbot: Any, review_corpus: Corpus, library: Path, slow_writes: SlowWrites
) -> None:
    view = open_review(qtbot, review_corpus, library)
    changed: list[bool] = []
    view.libraryChanged.connect(lambda: changed.append(True))
    press(view, Qt.Key.Key_A)
    press(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # while it is written
    assert view.verdicts[0] is None and view.list.currentRow() == 0 and not view.history
    qtbot.waitUntil(lambda: not view.writing, timeout=10_000)
    assert len(slow_writes.calls) == 1  # the write landed, then was undone
    assert not (library / "items" / f"{SOURCE}.yaml").exists()
    assert len(changed) == 2  # written, then put back: the window reloads after each
    # Accepted again, it is written again: one item, not two.
    with qtbot.waitSignal(view.libraryChanged, timeout=10_000):
        press(view, Qt.Key.Key_A)
    assert _items_in(library) == [" ".join(view.suggestions[0].text.split())]


def test_closing_the_view_with_a_write_pending_still_writes_it(
    qtbot: Any, review_corpus: Corpus, library: Path, slow_writes: SlowWrites
) -> None:
    view = open_review(qtbot, review_corpus, library)
    press(view, Qt.Key.Key_A)
    assert view.writing
    view.close()  # waits for the write, then closes
    assert not view.isVisible()
    assert _items_in(library) == [" ".join(view.suggestions[0].text.split())]
    assert list((library / "items").iterdir()) == [library / "items" / f"{SOURCE}.yaml"]


def test_a_write_that_fails_puts_the_row_back_and_says_so(
    qtbot: Any, review_corpus: Corpus, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items_file = library / "items" / f"{SOURCE}.yaml"

    def refused(corpus: Corpus, folder: Path, source_id: str, records: Any) -> Path:
        time.sleep(0.2)
        raise PermissionError(13, "Permission denied", str(items_file))

    monkeypatch.setattr(review_view, "add_items", refused)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "briefgen.gui.dialogs.show_error",
        lambda parent, headline, text: shown.append((headline, text)),
    )
    view = open_review(qtbot, review_corpus, library)
    press(view, Qt.Key.Key_A)
    assert view.verdicts[0] == ACCEPTED and view.list.currentRow() == 1
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == [("The item was not added.", f"[Errno 13] Permission denied: '{items_file}'")]
    assert view.verdicts[0] is None and not view.history and view.list.currentRow() == 0
    assert view.list.item(0).foreground().style() == Qt.BrushStyle.NoBrush
    assert not items_file.exists()


def test_the_review_opens_after_a_slow_check_of_where_items_go(
    make_window: Any, qtbot: Any, library: Path, shipped_corpus: Corpus, monkeypatch: Any
) -> None:
    window = make_window(corpus=shipped_corpus)
    real = curation_module.curation_library

    def slow(corpus: Corpus, source_id: str) -> Any:
        time.sleep(SLOW)  # making a test file on a slow share
        return real(corpus, source_id)

    monkeypatch.setattr(curation_module, "curation_library", slow)
    ticks: list[bool] = []
    QTimer.singleShot(50, lambda: ticks.append(window.curation.review is None))
    started = time.monotonic()
    with qtbot.waitSignal(window.curation.reviewOpened, timeout=10_000) as opened:
        window.curation.open_review(SOURCE)
        assert time.monotonic() - started < SLOW / 2
        assert window.statusBar().currentMessage() == "Finding where the items go…"
    assert ticks == [True]  # the window ran while the check did
    view = opened.args[0]
    assert view is window.curation.review and view.isVisible() and view.source_id == SOURCE
    view.close()


def test_closing_the_window_with_a_review_write_pending_still_writes_it(
    make_window: Any,
    qtbot: Any,
    library: Path,
    shipped_corpus: Corpus,
    slow_writes: SlowWrites,
) -> None:
    window = make_window(corpus=shipped_corpus)
    with qtbot.waitSignal(window.curation.reviewOpened, timeout=10_000) as opened:
        window.curation.open_review(SOURCE)
    view = opened.args[0]
    qtbot.waitUntil(lambda: bool(view.verdicts), timeout=20_000)
    press(view, Qt.Key.Key_A)
    assert view.writing
    window.close()
    assert not view.isVisible() and not window.curation.open_reviews
    assert _items_in(library) == [" ".join(view.suggestions[0].text.split())]


def test_undo_keeps_what_was_written_to_the_file_since(
    qtbot: Any, review_corpus: Corpus, library: Path
) -> None:
    """Accept, then an item added to the same file elsewhere (Add as item, a colleague),
    then undo: only the accepted item goes; the other stays. So does a rejection's undo."""
    from briefgen.library.curate import add_items, item_record

    view = open_review(qtbot, review_corpus, library)
    with qtbot.waitSignal(view.libraryChanged, timeout=10_000):
        press(view, Qt.Key.Key_A)
    other = view.suggestions[3]
    add_items(review_corpus, library, SOURCE, [item_record(other, "lga13-added-elsewhere")])
    with qtbot.waitSignal(view.libraryChanged, timeout=10_000):
        press(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _items_in(library) == [" ".join(other.text.split())]

    rejected = view.suggestions[0]
    with qtbot.waitSignal(view.libraryChanged, timeout=10_000):
        press(view, Qt.Key.Key_R)
    from briefgen.library.curate import record_rejected

    record_rejected(library, SOURCE, [view.suggestions[5].text])
    with qtbot.waitSignal(view.libraryChanged, timeout=10_000):
        press(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert read_rejected([library], SOURCE) == [suggestion_id(view.suggestions[5].text)]
    assert suggestion_id(rejected.text) not in read_rejected([library], SOURCE)
