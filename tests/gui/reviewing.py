"""Opening the review view and pressing its keys, as the curation tests do."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from briefgen.content import Corpus
from briefgen.gui.review_view import ReviewView

SOURCE = "lga-2013"


def open_review(
    qtbot: Any, corpus: Corpus, library: Any, source: str = SOURCE, active: bool = False
) -> ReviewView:
    """The review view on `source`, shown once its suggestions are ready; `active`, its window
    the active one too (for Alt letters and default buttons)."""
    view = ReviewView(corpus, source, library)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.suggestionsReady, timeout=20_000):
        view.show()
    if active:
        view.activateWindow()
        qtbot.waitUntil(view.isActiveWindow, timeout=15_000)
    return view


def press(view: ReviewView, key: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed in the suggestion list, where the review's keys are read."""
    QTest.keyClick(view.list, key, modifier)
