"""Check against the source: an item's full citation and its source document, open at the
quote, with the quoted words highlighted in context (underlined and bold as well as shaded,
so the highlight never depends on colour)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefgen.content.model import Corpus, Item
from briefgen.gui.widgets import describe, heading

HIGHLIGHT = QColor("#fff2a8")


class SourceView(QWidget):
    """The citation of the current item above its source text, scrolled to the quote."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading("Check against the source")
        self.citation = QLabel("Choose an item in the list to see where it comes from.")
        self.citation.setWordWrap(True)
        self.citation.setTextFormat(Qt.TextFormat.RichText)
        self.citation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        describe(self.citation, "Citation", "The full citation of the chosen item.", False)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        describe(
            self.text,
            "Source document text",
            "The source document, open where the chosen item's quote is; the quoted words "
            "are highlighted, underlined and in bold.",
            tooltip=False,
        )
        # The citation scrolls rather than being cut off when the text is large (200%).
        citation_area = FittingScrollArea()
        citation_area.setWidgetResizable(True)
        citation_area.setFrameShape(QScrollArea.Shape.NoFrame)
        citation_area.setWidget(self.citation)
        citation_area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.text.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        citation_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        citation_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # At most four lines tall (it scrolls beyond): the source text is what is checked.
        citation_area.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 4)
        self.citation_area = citation_area
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(citation_area)
        layout.addWidget(self.text, 1)
        self._source_id: str | None = None
        self.item: Item | None = None
        self._quote: tuple[int, int] | None = None
        # When the pane is resized (its splitter dragged), the quote stays in the middle.
        self.text.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self._quote is not None:
            QTimer.singleShot(0, self, self.centre_quote)
        return False

    def centre_quote(self) -> None:
        """Scroll the quote into the middle of the pane, its first line in view if it is taller
        than the pane; the caret goes to its start, so it is read in context."""
        if self._quote is None:
            return
        start, end = self._quote
        document = self.text.document()
        caret = QTextCursor(document)
        caret.setPosition(start)
        self.text.setTextCursor(caret)
        first = self.text.cursorRect(caret)
        ending = QTextCursor(document)
        ending.setPosition(end)
        last = self.text.cursorRect(ending)
        height = self.text.viewport().height()
        if last.bottom() - first.top() < height:
            # Centre on the quote's middle: move the caret there, centre, then put it back.
            middle = QTextCursor(document)
            middle.setPosition((start + end) // 2)
            self.text.setTextCursor(middle)
            self.text.centerCursor()
            self.text.setTextCursor(caret)
        else:
            self.text.centerCursor()
            bar = self.text.verticalScrollBar()
            bar.setValue(
                bar.value()
                + self.text.cursorRect(caret).top() // max(self.text.fontMetrics().lineSpacing(), 1)
            )

    def show_item(self, corpus: Corpus, item: Item | None) -> None:
        """Show `item`'s citation and open its source at the quote (`item.span`); an item the
        corpus no longer has (the content was reloaded from elsewhere) clears the view."""
        if item is not None and not _in_corpus(corpus, item):
            item = None
        self.item = item
        if item is None:
            self.citation.setText("Choose an item in the list to see where it comes from.")
            self.text.setExtraSelections([])
            self.text.clear()
            self._source_id = None
            self._quote = None
            return
        lines = citation_lines(corpus, item)
        # Where and when share the first line, so the source text keeps the room.
        pairs = [f"<b>{escape(label)}:</b> {escape(value)}" for label, value in lines]
        self.citation.setText("<br>".join([" · ".join(pairs[:2]), *pairs[2:]]))
        self.citation.setAccessibleDescription(
            "; ".join(f"{label}: {value}" for label, value in lines)
        )
        self.citation_area.updateGeometry()
        source = corpus.sources[item.source]
        if self._source_id != source.id:
            self.text.setPlainText(source.text)
            self._source_id = source.id
        start, end = (qt_position(source.text, offset) for offset in item.span)
        if end <= start:  # a quote the loader could not place: show the document's start
            self._quote = None
            self.text.setExtraSelections([])
            self.text.moveCursor(QTextCursor.MoveOperation.Start)
            return
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = highlight_format()
        self.text.setExtraSelections([selection])
        self._quote = (start, end)
        self.centre_quote()
        self.text.setAccessibleDescription(
            f"{source.title}, open at {item.locator}. The quoted words are highlighted, "
            "underlined and in bold."
        )

    def highlighted_text(self) -> str:
        """The text the highlight covers (what the tests check)."""
        selections = self.text.extraSelections()
        return selections[0].cursor.selectedText() if selections else ""


class FittingScrollArea(QScrollArea):
    """A scroll area as tall as its word-wrapped label needs at the current width; it scrolls
    only when the window cannot give it that much (very large text)."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        label = self.widget()
        if label is None:
            return hint
        width = max(self.viewport().width(), 200)
        height = label.heightForWidth(width) if label.hasHeightForWidth() else -1
        if height < 0:
            height = label.sizeHint().height()
        return QSize(hint.width(), height + 2 * self.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()


def _in_corpus(corpus: Corpus, item: Item) -> bool:
    """Whether `corpus` has `item` with its source and organisation (its citation can be shown)."""
    return (
        corpus.has_item(item.id)
        and item.source in corpus.sources
        and item.org in corpus.organisations
    )


def highlight_format() -> QTextCharFormat:
    quote = QTextCharFormat()
    quote.setBackground(HIGHLIGHT)
    quote.setForeground(QColor("#000000"))
    quote.setFontUnderline(True)
    quote.setFontWeight(QFont.Weight.Bold)
    quote.setProperty(QTextFormat.Property.FullWidthSelection, False)
    return quote


def qt_position(text: str, offset: int) -> int:
    """Qt counts UTF-16 units where Python counts code points; they differ after any character
    outside the Basic Multilingual Plane (an emoji, a rare symbol). Qt also shows a Windows
    line ending ("\\r\\n", kept in a source file saved on Windows) as one break."""
    prefix = text[:offset]
    units = offset if prefix.isascii() else len(prefix.encode("utf-16-le")) // 2
    return units - prefix.count("\r\n")


def python_offset(text: str, position: int) -> int:
    """The Python offset in `text` of a Qt (UTF-16) `position`: the inverse of `qt_position`."""
    if text.isascii() and "\r\n" not in text:
        return position
    units = 0
    for index, char in enumerate(text):
        if char == "\n" and index and text[index - 1] == "\r":
            continue  # "\r\n" is one break to Qt, counted at its "\r"
        if units >= position:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def citation_lines(corpus: Corpus, item: Item) -> list[tuple[str, str]]:
    """The full citation of `item` as label/value pairs, for checking against the source: the
    short ones first (they share a line), the publisher only where it is not the organisation."""
    source = corpus.sources[item.source]
    organisation = corpus.organisations[item.org]
    lines = [
        ("Where", item.locator),
        ("Date", source.date),
        ("Document", source.title),
        # "D2I Consortium", not "D2I Consortium (D2I Consortium)" for one added by an import.
        ("Organisation", organisation.name + _short_name(organisation.name, organisation.short)),
    ]
    if source.publisher.strip() != organisation.name.strip():
        lines.append(("Publisher", source.publisher))
    return lines


def _short_name(name: str, short: str) -> str:
    """ " (LGA)" after an organisation's name, or nothing where its short name is the name."""
    return "" if short.strip() == name.strip() else f" ({short})"
