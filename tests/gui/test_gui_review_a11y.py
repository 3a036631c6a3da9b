"""The review view for an officer at 200% text on a laptop, or with a screen reader: nothing cut
off or squeezed, splits remembered, a long document name readable in the Document filter, and
the quote's handles heard as well as seen (its description, each trim said, the keys listed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from tests.gui.reviewing import open_review
from tests.gui.test_gui_laptop import laptop_screen
from tests.gui.test_gui_officer_trial import _import_twice
from tests.team_libraries import make_teams

from briefgen.content import Corpus, load_corpus
from briefgen.gui.review_view import ReviewView
from briefgen.gui.shortcuts import SHORTCUTS
from briefgen.gui.span_words import MOVES
from briefgen.library.folders import library_folders

ALT = Qt.KeyboardModifier.AltModifier
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def _in_view(view: ReviewView, widget: QWidget) -> QRect:
    """`widget`'s rectangle in the review view's coordinates."""
    return QRect(widget.mapTo(view, QPoint(0, 0)), widget.size())


def test_at_200_percent_text_on_a_laptop_the_review_view_cuts_nothing_off(
    qtbot: Any,
    shipped_corpus: Corpus,
    library: Path,
    monkeypatch: pytest.MonkeyPatch,
    large_text: Any,
) -> None:
    area = laptop_screen(monkeypatch, 1366, 768)
    view = open_review(qtbot, shipped_corpus, library)
    qtbot.wait(10)  # the first split, made once shown
    # Where it opens is the window manager's; its size is the view's.
    assert view.width() <= area.width() and view.height() <= area.height()
    assert view.minimumSizeHint().width() <= area.width()
    assert view.minimumSizeHint().height() <= area.height()
    for button in (
        view.accept_button,
        view.reject_button,
        view.skip_button,
        view.undo_button,
        view.accept_all_button,
        view.threshold,
    ):  # every word of each button shown
        assert button.width() >= button.sizeHint().width(), button.text()
        assert button.height() >= button.sizeHint().height(), button.text()
    for label in (view.status, view.where):
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    line = view.text.fontMetrics().lineSpacing()
    assert view.text.viewport().height() >= 5 * line
    first = view.list.visualItemRect(view.list.item(0))
    assert first.height() <= view.list.viewport().height()  # one whole suggestion at least
    # The fields scroll down rather than squeeze, and never sideways.
    form = view.form
    assert form.height() >= form.minimumSizeHint().height()
    assert view.fields_body.width() <= view.fields.viewport().width()
    assert view.hint.height() >= view.hint.heightForWidth(view.hint.width())
    themes = form.themes
    assert themes.viewport().height() >= 4 * themes.sizeHintForRow(0)
    for field in (form.kind, form.org, form.new_org, form.key, form.headline, form.locator):
        assert field.height() >= field.sizeHint().height(), field.accessibleName()
        assert field.width() >= field.minimumSizeHint().width(), field.accessibleName()
    # Nothing overlaps: the list, the source text, the fields and the buttons.
    parts = [view.list, view.text, view.fields, view.accept_button, view.accept_all_button]
    rects = [_in_view(view, part) for part in parts]
    for index, rect in enumerate(rects):
        assert view.rect().contains(rect), parts[index].accessibleName()
        for other in rects[index + 1 :]:
            assert not rect.intersects(other)


def test_the_review_view_opens_at_the_size_and_splits_it_was_left(
    qtbot: Any, shipped_corpus: Corpus, library: Path
) -> None:
    view = open_review(qtbot, shipped_corpus, library)
    qtbot.wait(10)
    view.resize(view.width() - 60, view.height() - 40)
    width, height = sum(view.split.sizes()), sum(view.source_split.sizes())
    view.split.setSizes([width // 2, width - width // 2])
    view.source_split.setSizes([height // 3, height - height // 3])
    left = view.split.sizes()
    below = view.source_split.sizes()
    size = view.size()
    view.reject()
    later = open_review(qtbot, shipped_corpus, library)
    qtbot.wait(10)
    assert later.size() == size
    assert later.split.sizes() == left
    assert later.source_split.sizes() == below


def test_the_document_filter_shows_a_long_name_by_both_ends_and_whole_in_its_tooltip(
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
    yours = "Anytown children's services review (your library)"
    name = "Anytown children's services review (team library 'childrens-services')"
    # It asks for room for a long name whole (the panel gives what it can), within reason.
    documents.setCurrentIndex(documents.findText(yours))
    assert documents.sizeHint().width() > documents.fontMetrics().horizontalAdvance(yours)
    documents.resize(documents.sizeHint())
    assert documents.shown_text() == yours
    assert documents.sizeHint().width() < documents.fontMetrics().averageCharWidth() * 70
    # A little short of room: the title is shortened, which library it is in kept whole.
    documents.resize(documents.fontMetrics().horizontalAdvance(yours) * 4 // 5, 30)
    shown = documents.shown_text()
    assert shown.startswith("Anytown children's") and shown.endswith("… (your library)")
    assert yours.startswith(shown.removesuffix("… (your library)") + " ")  # whole words
    documents.setCurrentIndex(documents.findText(name))
    assert name in documents.toolTip()
    assert name in documents.accessibleDescription()
    # Narrower, it keeps both ends: the title's start and which library it is in.
    documents.resize(documents.sizeHint().width() * 3 // 4, documents.height())
    shown = documents.shown_text()
    assert "…" in shown and shown.startswith("Anytown") and shown.endswith("-services')")
    documents.setCurrentIndex(0)  # the tooltip follows the choice
    assert name not in documents.toolTip() and "All documents" in documents.toolTip()


def test_a_screen_reader_hears_the_quote_and_each_trim_of_it(
    qtbot: Any, review_corpus: Corpus, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []

    def hear(event: Any) -> None:
        if event.type() == QAccessible.Event.Announcement:
            said.append(event.message())

    monkeypatch.setattr(QAccessible, "updateAccessibility", hear)
    view = open_review(qtbot, review_corpus, library, active=True)
    # a quote of one sentence, which a sentence cannot be trimmed from
    view.list.setCurrentRow(next(i for i, s in enumerate(view.suggestions) if ". " not in s.text))
    said.clear()
    reader = QAccessible.queryAccessibleInterface(view.text)
    assert reader.text(QAccessible.Text.Name) == "Source text, with the quote"
    before = reader.text(QAccessible.Text.Description)
    words = view.text.quote_text().split()
    assert f"“{' '.join(words[:3])}" in before and "handle at each end" in before
    assert f"({len(words)} words)" in before
    assert "Alt+Left trims it" in before and "Alt+Shift+Left extends its start" in before

    QTest.keyClick(view.list, Qt.Key.Key_Left, ALT)  # the end trimmed by a word
    trimmed = view.text.quote_text().split()
    assert trimmed == words[:-1]
    after = reader.text(QAccessible.Text.Description)
    assert after != before and f"({len(trimmed)} words)" in after
    assert said == [f"Quote now ends “{' '.join(trimmed[-8:])}”; {len(trimmed)} words."]

    # A sentence cannot be trimmed from a quote within one sentence: said, as nothing shows.
    QTest.keyClick(view.list, Qt.Key.Key_Left, CTRL_ALT)
    assert view.text.quote_text().split() == trimmed
    assert said[-1] == "The quote cannot be trimmed by another sentence: it keeps its last one."

    view.skip_current()  # the next suggestion's quote described
    following = view.text.quote_text().split()
    assert following != trimmed
    assert f"“{' '.join(following[:3])}" in reader.text(QAccessible.Text.Description)


def test_the_keys_that_shape_a_quote_are_in_its_menu_and_in_help(
    qtbot: Any, shipped_corpus: Corpus, library: Path
) -> None:
    view = open_review(qtbot, shipped_corpus, library)
    menu = view.text.context_menu(QPoint(5, 5))
    entries = {action.text().split("\t")[-1]: action for action in menu.actions()}
    assert {keys for _, keys, *_ in MOVES} <= set(entries)
    start, end = view.text.span or (0, 0)
    entries["Alt+Right"].trigger()  # "Extend end by a word"
    assert view.text.span is not None and view.text.span[0] == start
    assert view.text.span[1] > end
    menu.deleteLater()
    # Help → Keyboard shortcuts lists every key the review view has.
    keys = {shortcut.key().toString() for shortcut in view.findChildren(QShortcut)}
    assert {"Alt+Right", "Ctrl+Alt+Shift+Left", "Ctrl+Z"} <= keys
    assert [key for key in sorted(keys) if key not in SHORTCUTS] == []
    assert all(f"\n{key} " in SHORTCUTS or f" {key} " in SHORTCUTS for key in keys)
    for key, does in (("A or Enter", "accept"), ("R", "reject"), ("S", "skip")):
        assert f"\n{key}  {does}" in SHORTCUTS


def test_help_lists_the_keys_in_a_dialog_that_fits_a_laptop_at_200_percent(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, large_text: Any
) -> None:
    from briefgen.gui.shortcuts import SECTIONS, ShortcutsDialog

    area = laptop_screen(monkeypatch, 1366, 768)
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() <= area.width() and dialog.height() <= area.height()
    table = dialog.table
    shown = [
        (section.text(0), [(row.text(0), row.text(1)) for row in _children(section)])
        for section in (table.topLevelItem(i) for i in range(table.topLevelItemCount()))
    ]
    assert shown == [(heading, list(rows)) for heading, rows in SECTIONS]
    # Every line whole at 200% on a laptop; the list scrolls where the screen is short.
    widest = max(
        table.fontMetrics().horizontalAdvance(keys) for _, rows in SECTIONS for keys, _ in rows
    )
    assert table.columnWidth(0) >= widest
    doing = max(
        table.fontMetrics().horizontalAdvance(what) for _, rows in SECTIONS for _, what in rows
    )
    assert table.header().sectionSize(1) >= doing  # and what they do, whole


def _children(item: Any) -> list[Any]:
    return [item.child(index) for index in range(item.childCount())]


def test_a_decided_suggestion_says_its_quote_can_no_longer_change(
    qtbot: Any, shipped_corpus: Corpus, library: Path
) -> None:
    view = open_review(qtbot, shipped_corpus, library)
    assert "handle at each end" in view.text.accessibleDescription()
    view.skip_current()
    view.list.setCurrentRow(0)
    description = view.text.accessibleDescription()
    assert "decided" in description and "can no longer be trimmed" in description
