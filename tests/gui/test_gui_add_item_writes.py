""" "Add as item…" writes its item off the GUI thread: a slow share does not freeze the window,
the item list shows the item once it has landed, a write that fails brings the dialog back as
it was with the reason naming the file, and closing the window waits for the write."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from tests.gui.slow import slowed

from briefgen.content import Corpus
from briefgen.gui import add_item

SOURCE = "lga-2013"
PASSAGE = "greater investment in early intervention"
SLOW = 0.5  # seconds a write to a slow share takes here


@pytest.fixture
def slow_add(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Adding an item takes SLOW seconds, as on a network share; when each landed is kept."""
    return slowed(monkeypatch, add_item, "add_items", SLOW)


def _open_add(window: Any, qtbot: Any, corpus: Corpus) -> Any:
    """ "Add as item" on PASSAGE selected in the source viewer, its fields filled in."""
    item = next(item for item in corpus.items if item.source == SOURCE)
    window.source_view.show_item(corpus, item)
    start = corpus.sources[SOURCE].text.index(PASSAGE)
    cursor = window.source_view.text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(PASSAGE), cursor.MoveMode.KeepAnchor)
    window.source_view.text.setTextCursor(cursor)
    with qtbot.waitSignal(window.curation.addOpened, timeout=10_000) as opened:
        window.curation.add_selection()
    dialog = opened.args[0]
    dialog.form.set_values("risk", item.org, ["early-help"], "para 3", "Invest early.")
    dialog.form.key.setChecked(True)  # listed by any layout
    return dialog


def _fields(dialog: Any) -> tuple[object, ...]:
    form = dialog.form
    return (
        dialog.quote_text(),
        form.kind.currentData(),
        form.org.currentData(),
        form.ticked_themes(),
        form.key.isChecked(),
        form.headline.text(),
        form.locator.text(),
    )


def _items_in(library: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load((library / "items" / f"{SOURCE}.yaml").read_text(encoding="utf-8"))
    return list(data["items"])


def test_a_slow_write_leaves_the_window_running_and_the_list_shows_the_item_once_written(
    make_window: Any, qtbot: Any, shipped_corpus: Corpus, library: Path, slow_add: list[float]
) -> None:
    window = make_window(corpus=shipped_corpus)
    window.layout_combo.setCurrentIndex(window.layout_combo.findText("Evidence pack"))
    dialog = _open_add(window, qtbot, shipped_corpus)
    during: list[tuple[bool, bool, bool, str]] = []

    def meanwhile() -> None:  # runs only if the event loop is not blocked by the write
        free = QApplication.activeModalWidget() is None  # the window takes the officer's input
        during.append(
            (dialog.isVisible(), dialog.writing, free, window.statusBar().currentMessage())
        )

    QTimer.singleShot(50, meanwhile)
    started = time.monotonic()
    dialog.add()
    assert time.monotonic() - started < SLOW / 2  # Add did not wait for the write
    assert not dialog.isVisible() and dialog.writing  # gone at once; being written
    assert window.statusBar().currentMessage() == "Adding the item to your library…"
    assert not (library / "items").exists()
    with qtbot.waitSignal(window.corpusLoaded, timeout=20_000):
        pass
    assert during == [(False, True, True, "Adding the item to your library…")]
    qtbot.waitUntil(lambda: "Added the item" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage() == (
        "Added the item to your library. It is chosen in the items list."
    )
    # The list shows it, read back from the file the worker wrote.
    assert window.items_panel.current_item().id == dialog.item_id
    assert window.items_panel.model.visible_row(dialog.item_id) is not None
    assert [entry["headline"] for entry in _items_in(library)] == ["Invest early."]


def test_the_list_is_reloaded_only_after_the_write_has_landed(
    make_window: Any, qtbot: Any, shipped_corpus: Corpus, library: Path, slow_add: list[float]
) -> None:
    window = make_window(corpus=shipped_corpus)
    dialog = _open_add(window, qtbot, shipped_corpus)
    loads: list[float] = []
    window.corpusLoaded.connect(lambda: loads.append(time.monotonic()))
    with qtbot.waitSignal(window.corpusLoaded, timeout=20_000):
        dialog.add()
    assert len(slow_add) == 1 and len(loads) == 1 and loads[0] > slow_add[0]
    assert dialog.item_id in window.corpus.by_id


def test_a_write_that_fails_brings_the_dialog_back_as_it_was_naming_the_file(
    make_window: Any,
    qtbot: Any,
    shipped_corpus: Corpus,
    library: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    items_file = library / "items" / f"{SOURCE}.yaml"
    real = add_item.add_items

    def refused(corpus: Corpus, folder: Path, source_id: str, records: Any) -> Path:
        time.sleep(0.2)
        raise PermissionError(13, "Permission denied", str(items_file))

    monkeypatch.setattr(add_item, "add_items", refused)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "briefgen.gui.dialogs.show_error",
        lambda parent, headline, text: shown.append((headline, text)),
    )
    window = make_window(corpus=shipped_corpus)
    dialog = _open_add(window, qtbot, shipped_corpus)
    dialog.form.themes.item(1).setCheckState(Qt.CheckState.Checked)
    before = _fields(dialog)
    loads: list[bool] = []
    window.corpusLoaded.connect(lambda: loads.append(True))
    dialog.add()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == [("The item was not added.", f"[Errno 13] Permission denied: '{items_file}'")]
    assert dialog.isVisible() and not dialog.writing and dialog.result() == 0
    assert _fields(dialog) == before  # nothing the officer chose or typed is lost
    assert window.statusBar().currentMessage() == "The item was not added."
    assert not items_file.exists() and not loads and dialog.item_id == ""
    # Once the share is back, Add again writes it, once.
    monkeypatch.setattr(add_item, "add_items", real)
    with qtbot.waitSignal(window.corpusLoaded, timeout=20_000):
        dialog.add()
    assert [entry["headline"] for entry in _items_in(library)] == ["Invest early."]
    assert _items_in(library)[0]["id"] == dialog.item_id


def test_closing_the_window_while_an_item_is_written_still_writes_it(
    make_window: Any, qtbot: Any, shipped_corpus: Corpus, library: Path, slow_add: list[float]
) -> None:
    window = make_window(corpus=shipped_corpus)
    dialog = _open_add(window, qtbot, shipped_corpus)
    dialog.add()
    assert dialog.writing
    loads: list[bool] = []
    window.corpusLoaded.connect(lambda: loads.append(True))
    window.close()  # waits for the write, then closes
    assert not window.isVisible()
    assert [entry["headline"] for entry in _items_in(library)] == ["Invest early."]
    qtbot.waitUntil(lambda: not dialog.writing)  # its report reaches the closed window
    qtbot.wait(50)
    assert not window.tasks.busy and not loads  # which does not load the content again


def test_two_quick_additions_of_one_passage_both_land_with_their_own_ids(
    make_window: Any, qtbot: Any, shipped_corpus: Corpus, library: Path, monkeypatch: Any
) -> None:
    real = add_item.add_items
    writing: list[int] = []  # how many writes were under way as each began

    def slow(corpus: Corpus, folder: Path, source_id: str, records: Any) -> Path:
        writing.append(len(writing) - len(done) + 1)
        time.sleep(0.2)
        path = real(corpus, folder, source_id, records)
        done.append(True)
        return path

    done: list[bool] = []
    monkeypatch.setattr(add_item, "add_items", slow)
    window = make_window(corpus=shipped_corpus)
    first = _open_add(window, qtbot, shipped_corpus)
    first.add()
    second = _open_add(window, qtbot, shipped_corpus)  # the list not yet reloaded
    second.form.headline.setText("Invest early, again.")
    second.add()
    qtbot.waitUntil(lambda: len(done) == 2, timeout=10_000)
    assert writing == [1, 1]  # one after the other: neither read the file as the other wrote
    entries = _items_in(library)
    assert [entry["headline"] for entry in entries] == ["Invest early.", "Invest early, again."]
    assert entries[0]["id"] != entries[1]["id"]
    qtbot.waitUntil(lambda: not (first.writing or second.writing), timeout=10_000)
