"""What an officer's first evening with an imported report turned up in the curation views,
driven from the keyboard as they would: Enter in a field, the source chosen for a review."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from tests.gui.reviewing import open_review
from tests.team_libraries import NOTE, NOTE_PASSAGE, make_teams

from briefgen.content import Corpus, load_corpus
from briefgen.gui.review_view import ACCEPTED
from briefgen.library.folders import library_folders

SOURCE = "lga-2013"


def test_enter_in_the_headline_accepts_only_the_suggestion_shown_with_that_headline(
    qtbot: Any, review_corpus: Corpus, library: Path
) -> None:
    view = open_review(qtbot, review_corpus, library, active=True)
    assert sum(s.score >= view.threshold.value() for s in view.suggestions) > 1
    QTest.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert view.focusWidget() is view.form.headline
    QTest.keyClicks(view.form.headline, "Budgets pooled by place.")
    with qtbot.waitSignal(view.libraryChanged):
        QTest.keyClick(view.form.headline, Qt.Key.Key_Return)
    assert view.verdicts.count(ACCEPTED) == 1 and view.verdicts[0] == ACCEPTED
    added = [item for item in load_corpus(library_folders()).items if item.library == "yours"]
    assert [(item.text, item.headline) for item in added] == [
        (" ".join(view.suggestions[0].text.split()), "Budgets pooled by place.")
    ]


def _import_twice(tmp_path: Path, content_dir: Path, team: Path) -> None:
    """The same report imported into a team folder and, as another file, into your library."""
    from briefgen.cli import main

    for number, into in enumerate((["--into", str(team)], [])):
        path = tmp_path / f"review-{number}.md"
        path.write_text(NOTE + "\n" * number, encoding="utf-8")
        details = ["--publisher", "Anytown Council", "--date", "2025"]
        assert main(["--content", str(content_dir), "import", str(path), *details, *into]) == 0


def test_two_documents_of_one_title_are_told_apart_by_their_library(
    make_window: Any,
    content_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    user_library: Path,
) -> None:
    team, _ = make_teams(tmp_path, monkeypatch)
    _import_twice(tmp_path, content_dir, team)
    window = make_window(corpus=load_corpus(library_folders(content_dir)))
    documents = window.items_panel.source_filter
    names = [documents.itemText(index) for index in range(documents.count())]
    assert names[-2:] == [
        "Anytown children's services review (your library)",
        "Anytown children's services review (team library 'childrens-services')",
    ]


def test_the_review_asks_for_a_document_by_its_name_in_a_question_that_fits_the_screen(
    make_window: Any, shipped_corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QComboBox

    from briefgen.gui import curation

    window = make_window(corpus=shipped_corpus)
    asked: list[list[str]] = []
    monkeypatch.setattr(
        curation, "ask_source", lambda parent, choices, current: asked.append(choices)
    )
    window.curation.open_review()
    titles = [source.short_title for source in shipped_corpus.sources.values()]
    assert asked == [titles]  # "Rewiring Public Services: Children's Services", not ids
    longest = max(range(len(titles)), key=lambda index: len(titles[index]))
    dialog = curation.source_dialog(window, [title * 3 for title in titles], longest)
    combo = dialog.findChild(QComboBox)
    assert combo is not None and combo.currentText() == titles[longest] * 3
    assert dialog.sizeHint().width() < window.screen().availableGeometry().width()
    dialog.deleteLater()


def test_a_reload_keeps_the_document_and_kind_filters_the_officer_chose(window: Any) -> None:
    panel = window.items_panel
    source = next(iter(window.corpus.sources))
    panel.source_filter.setCurrentIndex(panel.source_filter.findData(source))
    kind = panel.kind_filter.itemData(1)
    panel.kind_filter.setCurrentIndex(1)
    shown = len(panel.model.visible)
    window._corpus_ready(window.corpus)  # as after each review decision, an added item, F5
    assert panel.source_filter.currentData() == source
    assert panel.kind_filter.currentData() == kind
    assert len(panel.model.visible) == shown
    assert {panel.model.item_at(row).source for row in range(shown)} == {source}


def test_the_import_dialog_grown_by_a_message_stays_on_the_screen(
    qtbot: Any, tmp_path: Path, user_library: Path
) -> None:
    from briefgen.gui.import_dialog import ImportDialog

    note = tmp_path / "Anytown review.md"
    note.write_text(NOTE, encoding="utf-8")
    dialog = ImportDialog(note, None, library_folders())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=30_000)
    area = dialog.screen().availableGeometry()
    dialog.move(area.right() - dialog.width() // 2, area.top())  # placed half off the edge
    dialog._failed("The folder cannot be written to; " * 12 + "choose another library.")
    qtbot.waitUntil(lambda: area.contains(dialog.frameGeometry()), timeout=5_000)
    assert dialog.error.isVisible()


def test_the_preview_says_it_is_being_made_once_the_content_is_loaded(window: Any) -> None:
    pane = window.preview_pane
    pane.show_waiting("Loading the content…")
    pane.show_busy()  # the first preview, started as the content arrives
    assert pane.placeholder.text() == "Updating the preview…"
    assert pane.status.text() == "Updating the preview…"


def test_the_source_check_names_an_imported_publisher_once(
    content_dir: Path, tmp_path: Path, user_library: Path, make_window: Any
) -> None:
    from briefgen.cli import main

    note = tmp_path / "Anytown review.md"
    note.write_text(NOTE, encoding="utf-8")  # its publisher is new: "Anytown Council", twice
    details = ["--publisher", "Anytown Council", "--date", "2025"]
    assert main(["--content", str(content_dir), "import", str(note), *details]) == 0
    items = user_library / "items"
    items.mkdir()
    source = next(iter(yaml.safe_load((user_library / "sources.yaml").read_text("utf-8"))))
    (items / "mine.yaml").write_text(
        f"source: {source['id']}\nitems:\n  - id: agency-pay\n    kind: recommendation\n"
        "    org: anytown-council\n    themes: [workforce]\n    key: true\n"
        f"    text: {NOTE_PASSAGE}\n",
        encoding="utf-8",
    )
    window = make_window(corpus=load_corpus(library_folders(content_dir)))
    window.set_themes(["workforce"])
    assert window.items_panel.select_item("agency-pay")
    assert window.source_view.citation.text().endswith("<b>Organisation:</b> Anytown Council")


def test_an_item_added_from_the_source_is_chosen_in_the_list_and_the_status_bar_says_where(
    make_window: Any, qtbot: Any, shipped_corpus: Corpus, library: Path
) -> None:
    window = make_window(corpus=shipped_corpus)
    window.layout_combo.setCurrentIndex(window.layout_combo.findText("Evidence pack"))
    item = next(item for item in shipped_corpus.items if item.source == SOURCE)
    passage = "greater investment in early intervention"

    def add(key: bool) -> Any:
        window.source_view.show_item(window.corpus, item)
        start = shipped_corpus.sources[SOURCE].text.index(passage)
        cursor = window.source_view.text.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(start + len(passage), cursor.MoveMode.KeepAnchor)
        window.source_view.text.setTextCursor(cursor)
        window.statusBar().clearMessage()
        with qtbot.waitSignal(window.curation.addOpened) as opened:
            window.curation.add_selection()
        dialog = opened.args[0]
        dialog.form.set_values("risk", item.org, ["early-help"], "para 3")
        dialog.form.key.setChecked(key)
        with qtbot.waitSignal(window.corpusLoaded, timeout=20_000):
            dialog.add()
        qtbot.waitUntil(lambda: "Added the item" in window.statusBar().currentMessage())
        return dialog

    dialog = add(key=False)  # Councillors are given key items only
    assert window.statusBar().currentMessage() == (
        "Added the item to your library. This pack does not list it: for Councillors it "
        "quotes key items only (tick Key item as you add one)."
    )
    assert dialog.written is not None
    dialog.written.unlink()  # taken out again, to be added as a key item
    with qtbot.waitSignal(window.corpusLoaded, timeout=20_000):
        window.load_content()
    dialog = add(key=True)
    assert window.statusBar().currentMessage() == (
        "Added the item to your library. It is chosen in the items list."
    )
    assert window.items_panel.current_item().id == dialog.item_id
    assert window.source_view.item.id == dialog.item_id


def test_help_lists_every_shortcut_of_the_window(window: Any) -> None:
    from PySide6.QtGui import QAction

    from briefgen.gui.shortcuts import SHORTCUTS

    keys = {
        shortcut.toString()
        for action in window.findChildren(QAction)
        for shortcut in action.shortcuts()
        if not shortcut.isEmpty()
    }
    assert {"Ctrl+Shift+R", "Ctrl+Shift+I"} <= keys
    assert [key for key in sorted(keys) if key not in SHORTCUTS] == []


def test_suggestions_in_the_review_list_are_shaded_in_turn(
    qtbot: Any, review_corpus: Corpus, library: Path
) -> None:
    view = open_review(qtbot, review_corpus, library, active=True)
    image = view.list.viewport().grab().toImage()

    def shade(row: int) -> Any:
        rect = view.list.visualItemRect(view.list.item(row))
        return image.pixelColor(rect.right() - 2, rect.top() + 2).name()

    assert shade(2) != shade(3) and shade(2) == shade(4)  # the current row is 0


def test_the_import_dialog_warns_of_a_document_of_the_same_title_in_a_library(
    qtbot: Any,
    make_window: Any,
    content_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    user_library: Path,
) -> None:
    from briefgen.gui import dialogs, import_dialog
    from briefgen.gui.import_dialog import ImportDialog

    team, _ = make_teams(tmp_path, monkeypatch)
    _import_twice(tmp_path, content_dir, team)  # a colleague's, in the team folder
    window = make_window(content_dir=content_dir, corpus=load_corpus(library_folders(content_dir)))
    edition = tmp_path / "Anytown review, as Word saved it.md"
    edition.write_text(NOTE + "\n\n\n", encoding="utf-8")
    monkeypatch.setattr(import_dialog, "ask_document", lambda parent: edition)
    monkeypatch.setattr(dialogs, "ask_review_import", lambda parent, title: False)
    window.commands.import_document.trigger()
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is not None)  # libraries found
    dialog = window.findChild(ImportDialog)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=30_000)
    assert dialog.notes.text().startswith(
        "A document of this title is already in your library, as "
        "'anytown-childrens-services-review-2025-2'. Import this file only if it is another "
        "document or edition"
    )
    dialog.reject()
