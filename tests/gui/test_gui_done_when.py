"""Issue 16, done when: an officer imports a document in the app, reviews its suggestions with
the keyboard and accepts some, adds one more from a passage selected in the source, and a pack
built from the libraries cites all of them, by page, word for word."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from tests.library import documents

from briefgen import cli
from briefgen.content import Corpus
from briefgen.gui import dialogs, import_dialog
from briefgen.gui.import_dialog import ImportDialog


@pytest.fixture
def report_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "report.pdf"
    path.write_bytes(documents.report_pdf_bytes())
    return path


@pytest.mark.real_render
def test_import_review_add_and_cite_in_a_pack(
    qtbot: Any,
    make_window: Any,
    shipped_corpus: Corpus,
    report_pdf: Path,
    tmp_path: Path,
    user_library: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(corpus=shipped_corpus)
    monkeypatch.setattr(import_dialog, "ask_document", lambda parent: report_pdf)
    monkeypatch.setattr(dialogs, "ask_review_import", lambda parent, title: True)

    # Import, from the File menu.
    window.commands.import_document.trigger()
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is not None)  # libraries found
    form = window.findChild(ImportDialog)
    qtbot.waitUntil(form.import_button.isEnabled, timeout=30_000)
    form.fields["publisher"].setText("Anytown Council")
    form.fields["date"].setText("2025")
    with qtbot.waitSignal(window.corpusLoaded, timeout=30_000):
        form.import_button.click()

    # Review its suggestions with the keyboard: accept two.
    qtbot.waitUntil(lambda: window.curation.review is not None)  # once its library is found
    review = window.curation.review
    qtbot.waitUntil(lambda: bool(review.verdicts), timeout=30_000)
    source_id = review.source_id
    assert source_id == "anytown-annual-report-2025" and len(review.suggestions) > 3
    for _ in range(2):
        with qtbot.waitSignal(window.corpusLoaded, timeout=30_000):
            QTest.keyClick(review.list, Qt.Key.Key_A)
    accepted = [item_id for decision in review.history for item_id in decision.item_ids]
    assert len(accepted) == 2
    spare = next(
        s for s in review.suggestions[2:] if review.verdicts[review.suggestions.index(s)] is None
    )
    review.close()

    # One more from a passage selected in the source viewer: Add as item….
    corpus = window.corpus
    window.source_view.show_item(corpus, corpus.by_id[accepted[0]])
    cursor = window.source_view.text.textCursor()
    cursor.setPosition(spare.start)
    cursor.setPosition(spare.end, cursor.MoveMode.KeepAnchor)
    window.source_view.text.setTextCursor(cursor)
    with qtbot.waitSignal(window.curation.addOpened) as opened:
        window.curation.add_selection()
    adding = opened.args[0]
    qtbot.addWidget(adding)
    adding.form.kind.setCurrentText("evidence")
    adding.form.themes.item(0).setCheckState(Qt.CheckState.Checked)
    adding.form.headline.setText("What the annual report found")
    with qtbot.waitSignal(window.corpusLoaded, timeout=30_000):
        adding.add()
    corpus = window.corpus
    ours = [item for item in corpus.items if item.source == source_id]
    assert len(ours) == 3 and all(item.library == "yours" for item in ours)
    assert all(item.locator.startswith(("p. ", "pp. ")) for item in ours)

    # A pack built from the libraries quotes and cites each of them.
    out = tmp_path / "pack.pdf"
    themes = sorted({theme for item in ours for theme in item.themes})
    command = ["build", "--layout", "evidence-pack", "-o", str(out)]
    command += [arg for theme in themes for arg in ("--theme", theme)]
    command += [arg for item in ours for arg in ("--include", item.id)]
    assert cli.main(command) == 0
    printed = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    for item in ours:
        assert " ".join(item.text.split())[:60] in printed
        assert f"Anytown Annual Report, {item.locator}" in printed
