"""File > Check a Word draft…: a committee report exported as Word, one word changed in a
quotation (as an officer editing in Word would), checked in the app off the GUI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from briefgen.content import Corpus
from briefgen.export import export_pack
from briefgen.gui import dialogs
from briefgen.gui.draft_check import DraftCheckDialog
from briefgen.pack import MeetingDetails, PackSpec


@pytest.fixture(scope="module")
def built_draft(tmp_path_factory: pytest.TempPathFactory, app_corpus: Corpus) -> Path:
    """The committee report on the small corpus, as File > Export as Word writes it."""
    spec = PackSpec(
        layout="committee-report",
        audience="scrutiny",
        themes=["workforce"],
        meeting=MeetingDetails(title="Workforce", meeting_date=date(2027, 1, 14)),
    )
    path = tmp_path_factory.mktemp("draft-check") / "Workforce.docx"
    export_pack(app_corpus, spec, path, "docx")
    return path


def edited_draft(built: Path, folder: Path) -> tuple[Path, str]:
    """The draft with one word of its first quotation changed; returns the word put in."""
    document = Document(str(built))
    quote = next(p for p in document.paragraphs if p.style.name == "Quote" and p.text.strip())
    for run in quote.runs:
        words = run.text.split()
        long_words = [word for word in words if len(word) > 4 and word.isalpha()]
        if long_words:
            run.text = run.text.replace(long_words[0], "unicorns", 1)
            break
    else:
        raise AssertionError(f"no word to change in {quote.text!r}")
    path = folder / "Workforce edited.docx"
    document.save(str(path))
    return path, "unicorns"


def check_via_menu(window: Any, qtbot: Any, monkeypatch: Any, path: Path) -> DraftCheckDialog:
    monkeypatch.setattr(dialogs, "ask_draft_path", lambda parent, folder: path)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.commands.check_draft in file_menu.actions()
    window.commands.check_draft.trigger()
    qtbot.waitUntil(lambda: window.findChild(DraftCheckDialog) is not None, timeout=20_000)
    dialog = window.findChild(DraftCheckDialog)
    assert dialog.isVisible()
    return dialog


@pytest.mark.real_render
def test_a_changed_word_is_one_finding_in_the_dialog(
    window: Any, qtbot: Any, monkeypatch: Any, built_draft: Path, tmp_path: Path
) -> None:
    path, word = edited_draft(built_draft, tmp_path)
    dialog = check_via_menu(window, qtbot, monkeypatch, path)
    assert dialog.windowTitle() == "Check of Workforce edited.docx"
    headline = dialog.headline.text()
    assert headline.startswith("Checked Workforce edited.docx: ")
    assert headline.endswith("; 1 finding to put right.")
    assert not dialog.check.ok and len(dialog.check.findings) == 1
    assert dialog.icon.accessibleName() == "Findings"
    report = dialog.report.toPlainText()
    assert report.splitlines()[0] == headline
    assert "changed: the quotation from item 'wf-evidence-agency'" in report
    assert f"{{+{word}+}}" in report  # the word-level difference shows the draft's word
    assert dialog.report.isReadOnly()
    assert [dialog.copy_button.text(), dialog.close_button.text()] == ["C&opy report", "&Close"]
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == report
    dialog.close_button.click()
    assert not dialog.isVisible()


@pytest.mark.real_render
def test_an_unchanged_draft_says_every_quotation_matches(
    window: Any, qtbot: Any, monkeypatch: Any, built_draft: Path
) -> None:
    dialog = check_via_menu(window, qtbot, monkeypatch, built_draft)
    assert dialog.check.ok and dialog.check.quotations > 0
    assert dialog.headline.text().endswith("; every one matches its source.")
    assert dialog.icon.accessibleName() == "Every quotation matches"
    dialog.close_button.click()


def test_a_file_that_is_not_a_word_document_is_a_warning(
    window: Any, qtbot: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.docx"
    bad.write_text("not a Word document", encoding="utf-8")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "ask_draft_path", lambda parent, folder: bad)
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, headline, message: shown.append((headline, message))
    )
    window.commands.check_draft.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    headline, message = shown[0]
    assert headline == "notes.docx cannot be checked."
    assert "notes.docx" in message and "Something went wrong" not in message
    assert window.findChild(DraftCheckDialog) is None
    QApplication.processEvents()
