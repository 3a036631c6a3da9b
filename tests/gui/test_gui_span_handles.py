"""Shaping a quote with the mouse: the handles at the ends of the highlighted quote are dragged
(pressed, moved and released on the source text's viewport, as a mouse would), the quote
follows snapped to whole words of the source, never crosses itself, and the item written has
exactly the words shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit
from tests.gui.reviewing import open_review

from briefgen.content import Corpus, load_corpus
from briefgen.gui.add_item import AddItemDialog
from briefgen.gui.review_view import ACCEPTED
from briefgen.gui.source_view import python_offset, qt_position
from briefgen.gui.span_view import SpanView, handle_tooltip
from briefgen.library.folders import library_folders
from briefgen.library.quotespan import as_item_text

SOURCE = "lga-2013"
PASSAGE = "greater investment in early intervention"
LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def dialog(qtbot: Any, shipped_corpus: Corpus, library: Path) -> AddItemDialog:
    text = shipped_corpus.sources[SOURCE].text
    start = text.index(PASSAGE)
    dialog = AddItemDialog(shipped_corpus, SOURCE, start, start + len(PASSAGE), library)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _point_at(view: SpanView, offset: int) -> QPoint:
    """The middle of the character boundary at `offset` on screen (viewport coordinates)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(offset)  # the shipped sources are within the BMP: Qt's count is ours
    return view.cursorRect(cursor).center()


def _handle(view: SpanView, edge: str) -> QPoint:
    rect = view.handle_rects()[edge]  # type: ignore[index]
    assert rect is not None, f"the {edge} handle is not shown"
    return rect.center()


def _drag(view: SpanView, start: QPoint, *points: QPoint) -> None:
    viewport = view.viewport()
    QTest.mousePress(viewport, LEFT, NO_KEYS, start)
    for point in points:
        QTest.mouseMove(viewport, point)
    QTest.mouseRelease(viewport, LEFT, NO_KEYS, points[-1] if points else start)


def _is_word_span(text: str, start: int, end: int) -> bool:
    """`text[start:end]` starts at a word's start and ends at a word's end (no space at
    either end, nothing cut)."""
    quote = text[start:end]
    return (
        bool(quote)
        and quote == quote.strip()
        and (start == 0 or text[start - 1].isspace())
        and (end == len(text) or text[end].isspace())
    )


def test_dragging_the_end_handle_snaps_to_words_and_the_item_has_those_words(
    dialog: AddItemDialog, library: Path, qtbot: Any
) -> None:
    view, text = dialog.context, dialog.source.text
    start = text.index(PASSAGE)
    target = text.index("meaningful local vote")
    assert target > start + len(PASSAGE) + 20  # on a later line, past a list bullet
    # Let go seven letters into "meaningful": the nearer word end is that word's.
    _drag(view, _handle(view, "end"), _point_at(view, target + 4), _point_at(view, target + 7))
    quote = dialog.quote_text()
    assert (dialog.start, dialog.end) == (start, target + len("meaningful"))
    assert quote == text[start : target + len("meaningful")]
    assert _is_word_span(text, dialog.start, dialog.end)
    # The highlight and the preview above followed the drag.
    assert view.extraSelections()[0].cursor.selectedText() == quote.replace("\n", "\u2029")
    assert dialog.quote.full_text == as_item_text(quote)
    assert "- giving" not in dialog.quote.text()  # the list bullet is not part of a quote
    dialog.form.kind.setCurrentText("proposition")
    dialog.form.themes.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.form.locator.setText("Key propositions")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):  # written on a worker
        dialog.add()
    added = [item for item in load_corpus(library_folders()).items if item.library == "yours"]
    # written as the source lays it out: the list's next item is a paragraph of its own
    assert [item.text for item in added] == [as_item_text(quote, [quote.index("giving")])]
    found = added[0].span
    assert " ".join(text[found[0] : found[1]].split()) == " ".join(quote.split())


def test_a_long_quote_shows_its_two_ends_and_the_text_stays_under_the_pointer(
    dialog: AddItemDialog,
) -> None:
    view = dialog.context
    place, height = view.mapTo(dialog, QPoint(0, 0)), dialog.quote.height()
    bottom = QPoint(view.viewport().width() // 2, view.viewport().height() - 4)
    _drag(view, _handle(view, "end"), bottom)
    quote = " ".join(dialog.quote_text().split())
    assert len(quote) > 400
    shown = dialog.quote.text()
    assert shown.startswith("“greater investment in early") and " … " in shown
    assert shown.endswith(f"{quote.split()[-1]}”")
    assert dialog.quote.toolTip() == as_item_text(dialog.quote_text())
    assert view.mapTo(dialog, QPoint(0, 0)) == place and dialog.quote.height() == height


def test_dragging_the_start_handle_back_extends_the_quote_by_whole_words(
    dialog: AddItemDialog,
) -> None:
    view, text = dialog.context, dialog.source.text
    end = text.index(PASSAGE) + len(PASSAGE)
    target = text.index("allowing greater investment")
    _drag(view, _handle(view, "start"), _point_at(view, target + 2))  # "al|lowing"
    assert (dialog.start, dialog.end) == (target, end)
    assert dialog.quote_text().startswith("allowing greater")


def test_a_handle_dragged_past_the_other_stops_at_its_word(dialog: AddItemDialog) -> None:
    view, text = dialog.context, dialog.source.text
    start = text.index(PASSAGE)
    end = start + len(PASSAGE)
    later = text.index("meaningful local vote")
    _drag(view, _handle(view, "start"), _point_at(view, later))
    assert dialog.quote_text() == "intervention"  # the quote's last word, kept
    assert (dialog.start, dialog.end) == (end - len("intervention"), end)
    # And back: the end dragged to before the start keeps one word.
    _drag(view, _handle(view, "start"), _point_at(view, start))
    _drag(view, _handle(view, "end"), _point_at(view, start - 30), QPoint(2, 2))
    assert dialog.quote_text() == "greater"
    assert dialog.start < dialog.end


def test_shift_click_moves_the_nearer_end_to_the_word_clicked(dialog: AddItemDialog) -> None:
    view, text = dialog.context, dialog.source.text
    start = text.index(PASSAGE)
    care = text.index("social care, allowing")
    QTest.mouseClick(view.viewport(), LEFT, SHIFT, _point_at(view, care))
    assert dialog.start == care and dialog.end == start + len(PASSAGE)
    inside = text.index("early", start)
    QTest.mouseClick(view.viewport(), LEFT, SHIFT, _point_at(view, inside + 5))
    assert dialog.quote_text() == text[care : inside + len("early")]
    # A plain click selects text as usual and leaves the quote alone.
    QTest.mouseClick(view.viewport(), LEFT, NO_KEYS, _point_at(view, start - 40))
    assert dialog.quote_text() == text[care : inside + len("early")]


def test_escape_during_a_drag_puts_the_quote_back(dialog: AddItemDialog) -> None:
    view, text = dialog.context, dialog.source.text
    before = (dialog.start, dialog.end)
    QTest.mousePress(view.viewport(), LEFT, NO_KEYS, _handle(view, "end"))
    QTest.mouseMove(view.viewport(), _point_at(view, text.index("meaningful local vote")))
    assert dialog.end > before[1]
    dialog.form.headline.setFocus()  # the keys go to the drag wherever the focus is
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_Escape)
    assert (dialog.start, dialog.end) == before and view.dragging is None
    assert dialog.isVisible()  # Escape ended the drag, not the dialog
    QTest.mouseRelease(view.viewport(), LEFT, NO_KEYS, QPoint(3, 3))
    assert view.viewport().cursor().shape() != Qt.CursorShape.SizeHorCursor


def test_the_pointer_and_the_tooltip_say_a_handle_can_be_dragged(dialog: AddItemDialog) -> None:
    view = dialog.context
    QTest.mouseMove(view.viewport(), _handle(view, "end"))
    assert view.viewport().cursor().shape() == Qt.CursorShape.SizeHorCursor
    QTest.mouseMove(view.viewport(), QPoint(3, 3))
    assert view.viewport().cursor().shape() != Qt.CursorShape.SizeHorCursor
    # A Shift+click away from the handles leaves the pointer as it was once let go.
    QTest.mouseClick(view.viewport(), LEFT, SHIFT, QPoint(3, view.viewport().height() - 3))
    assert view.viewport().cursor().shape() != Qt.CursorShape.SizeHorCursor
    assert handle_tooltip("end").endswith(
        "Keys: Alt+Right extends it by a word, Alt+Left trims it; "
        "Ctrl+Alt+Right and Ctrl+Alt+Left by a sentence."
    )
    assert "Keys: Alt+Shift+Left extends it by a word, Alt+Shift+Right trims it;" in (
        handle_tooltip("start")
    )


def test_handles_scroll_with_the_text_and_hide_when_the_quote_is_out_of_view(
    dialog: AddItemDialog,
) -> None:
    view = dialog.context
    shown = view.handle_rects()["start"]
    assert shown is not None
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + 1)
    moved = view.handle_rects()["start"]
    assert moved is not None and moved.top() < shown.top()
    bar.setValue(bar.maximum())
    assert view.handle_rects() == {"start": None, "end": None}
    assert view.handle_at(QPoint(shown.center())) is None  # nothing to pick up there now
    bar.setValue(0)
    assert view.handle_rects() == {"start": None, "end": None}


def test_handles_grow_with_the_text(dialog: AddItemDialog) -> None:
    view = dialog.context
    normal = view.handle_rects()["end"]
    font = QFont(view.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    view.setFont(font)
    view.set_span(dialog.start, dialog.end, centre=True)
    large = view.handle_rects()["end"]
    assert normal is not None and large is not None
    assert large.height() >= 1.8 * normal.height()
    assert large.height() == view.cursorRect().height()  # a line tall, like the caret
    target = dialog.source.text.index("meaningful local vote")
    _drag(view, large.center(), _point_at(view, target + 8))
    assert dialog.quote_text().endswith("meaningful")


def test_dragging_beyond_the_text_scrolls_it_and_the_quote_follows(
    dialog: AddItemDialog, qtbot: Any
) -> None:
    view = dialog.context
    bar = view.verticalScrollBar()
    top, end = bar.value(), dialog.end
    below = QPoint(view.viewport().width() // 2, view.viewport().height() + 40)
    QTest.mousePress(view.viewport(), LEFT, NO_KEYS, _handle(view, "end"))
    QTest.mouseMove(view.viewport(), below)
    qtbot.waitUntil(lambda: bar.value() >= top + 4, timeout=15_000)
    QTest.mouseRelease(view.viewport(), LEFT, NO_KEYS, below)
    assert dialog.end > end and _is_word_span(dialog.source.text, dialog.start, dialog.end)
    settled = bar.value()
    qtbot.wait(120)
    assert bar.value() == settled  # letting go stops the scrolling


def test_a_suggestion_trimmed_with_a_handle_is_accepted_as_trimmed(
    qtbot: Any, review_corpus: Corpus, library: Path
) -> None:
    view = open_review(qtbot, review_corpus, library)
    qtbot.waitExposed(view)
    first = view.suggestions[0]
    text = view.source.text
    words = first.text.split()
    assert len(words) > 4
    # Drag the end back into the middle of a word near the suggestion's end (one of four
    # letters or more: the middle of "to" is as near its end as its start).
    cut = next(word for word in reversed(words[:-2]) if len(word) >= 4)
    at = text.rindex(cut, first.start, first.end)
    _drag(view.text, _handle(view.text, "end"), _point_at(view.text, at + 1))
    trimmed = text[first.start : at - 1].rstrip()
    assert view.text.quote_text() == trimmed
    assert view.list.item(0).text().split("\n")[1].endswith(" ".join(trimmed.split()[-2:]))
    with qtbot.waitSignal(view.libraryChanged):
        QTest.keyClick(view.list, Qt.Key.Key_A)
    assert view.verdicts[0] == ACCEPTED
    added = [item for item in load_corpus(library_folders()).items if item.library == "yours"]
    assert [item.text for item in added] == [as_item_text(trimmed)]
    # A decided suggestion's quote is no longer shaped: no handles, the keys do nothing.
    view.list.setCurrentRow(0)
    assert view.text.handle_rects() == {"start": None, "end": None}
    before = view.text.span
    QTest.keyClick(view.list, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.text.span == before


def test_a_suggestion_is_extended_from_the_keyboard_in_the_review_view(
    qtbot: Any, review_corpus: Corpus, library: Path
) -> None:
    view = open_review(qtbot, review_corpus, library, active=True)  # shortcuts need it
    first = view.suggestions[0]
    shift_alt = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(view.list, Qt.Key.Key_Left, shift_alt)  # the start out by a word
    start, end = view.text.span or (0, 0)
    assert end == first.end and start < first.start
    assert _is_word_span(view.source.text, start, end)
    assert view.quoted(0).text == as_item_text(view.source.text[start:end])


def test_positions_match_the_text_shown_for_a_source_saved_with_windows_line_endings(
    qtbot: Any,
) -> None:
    text = "Para one.\r\n\r\nCafé 🙂 two.\r\nThree\rwords here.\n"
    view = QPlainTextEdit()
    qtbot.addWidget(view)
    view.setPlainText(text)
    shown = view.toPlainText().encode("utf-16-le")
    for offset, char in enumerate(text):
        if char in "\r\n":
            continue
        position = qt_position(text, offset)
        width = len(char.encode("utf-16-le"))
        assert shown[2 * position : 2 * position + width].decode("utf-16-le") == char
        assert python_offset(text, position) == offset
