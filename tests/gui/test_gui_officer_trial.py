"""What an officer's first evening with an imported report turned up in the curation views,
driven from the keyboard as they would: Enter in a field, the source chosen for a review."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from briefgen.content import Corpus, load_corpus
from briefgen.gui.review_view import ACCEPTED, ReviewView
from briefgen.library.folders import library_folders

SOURCE = "lga-2013"


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "yours"
    monkeypatch.setenv("BRIEFGEN_USER_LIBRARY", str(path))
    return path


def _review(qtbot: Any, corpus: Corpus, library: Path) -> ReviewView:
    view = ReviewView(corpus, SOURCE, library)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.suggestionsReady, timeout=20_000):
        view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=15_000)
    return view


def test_enter_in_the_headline_accepts_only_the_suggestion_shown_with_that_headline(
    qtbot: Any, shipped_corpus: Corpus, library: Path
) -> None:
    view = _review(qtbot, shipped_corpus, library)
    assert sum(s.score >= view.threshold.value() for s in view.suggestions) > 1
    QTest.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert view.focusWidget() is view.form.headline
    QTest.keyClicks(view.form.headline, "Budgets pooled by place.")
    QTest.keyClick(view.form.headline, Qt.Key.Key_Return)
    assert view.verdicts.count(ACCEPTED) == 1 and view.verdicts[0] == ACCEPTED
    added = [item for item in load_corpus(library_folders()).items if item.library == "yours"]
    assert [(item.text, item.headline) for item in added] == [
        (" ".join(view.suggestions[0].text.split()), "Budgets pooled by place.")
    ]
