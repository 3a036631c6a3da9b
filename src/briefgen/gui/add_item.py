"""Add a passage selected in the source viewer as an item. The quote is a span of the source
and only that: it is trimmed or extended by word or sentence from the keyboard, never typed.
The headline beside it is the officer's own words and is labelled so.

Keys: Alt+Right / Alt+Left extend or trim the end by a word, Alt+Shift+Left / Alt+Shift+Right
extend or trim the start by a word; with Ctrl as well, by a sentence.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefgen.content import Corpus
from briefgen.errors import BriefgenError
from briefgen.gui import dialogs
from briefgen.gui.item_form import ItemForm
from briefgen.gui.review_view import show_span
from briefgen.gui.widgets import describe, heading
from briefgen.library.curate import add_items, item_id_for
from briefgen.library.quotespan import Edge, Unit, as_item_text, move_edge, snap_to_words

# (label, shortcut, edge, unit, grow)
MOVES: tuple[tuple[str, str, Edge, Unit, bool], ...] = (
    ("End: + word", "Alt+Right", "end", "word", True),
    ("End: − word", "Alt+Left", "end", "word", False),
    ("Start: + word", "Alt+Shift+Left", "start", "word", True),
    ("Start: − word", "Alt+Shift+Right", "start", "word", False),
    ("End: + sentence", "Ctrl+Alt+Right", "end", "sentence", True),
    ("End: − sentence", "Ctrl+Alt+Left", "end", "sentence", False),
    ("Start: + sentence", "Ctrl+Alt+Shift+Left", "start", "sentence", True),
    ("Start: − sentence", "Ctrl+Alt+Shift+Right", "start", "sentence", False),
)


class AddItemDialog(QDialog):
    """A new item quoting `source_text[start:end]` (snapped to whole words)."""

    def __init__(
        self,
        corpus: Corpus,
        source_id: str,
        start: int,
        end: int,
        library: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.corpus, self.source_id, self.library = corpus, source_id, library
        self.source = corpus.sources[source_id]
        self.start, self.end = snap_to_words(self.source.text, start, end)
        self.written: Path | None = None
        self.setWindowTitle("Add as item")
        self.quote = QLabel()
        self.quote.setWordWrap(True)
        describe(self.quote, "Quote, from the source", "The words quoted, exactly as the source.")
        self.context = QPlainTextEdit(self.source.text)
        self.context.setReadOnly(True)
        self.context.setMaximumHeight(self.fontMetrics().height() * 10)
        describe(self.context, "Source text", "The quote highlighted in its source.", False)
        self.form = ItemForm(corpus)
        self.form.set_values("", "", [], "")
        self.form.org.setCurrentIndex(max(self.form.org.findData(_own_org(corpus, source_id)), 0))
        if self.source.map_path is not None:  # the loader works it out from the source's map
            self.form.locator.setPlaceholderText("Left empty: the page and heading, worked out")
        moves = QGridLayout()
        for index, (label, keys, edge, unit, grow) in enumerate(MOVES):
            button = QPushButton(f"{label} ({keys})")
            button.clicked.connect(lambda _=False, e=edge, u=unit, g=grow: self.move_edge(e, u, g))
            moves.addWidget(button, index % 4, index // 4)
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda e=edge, u=unit, g=grow: self.move_edge(e, u, g))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Add item")
        buttons.accepted.connect(self.add)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Quote (from the source; trim or extend it, never retype)"))
        layout.addWidget(self.quote)
        layout.addLayout(moves)
        layout.addWidget(self.context)
        layout.addWidget(heading("Your item"))
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self._show_span()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_span()  # centred again once the text has its size

    def quote_text(self) -> str:
        return self.source.text[self.start : self.end]

    def move_edge(self, edge: Edge, unit: Unit, grow: bool) -> None:
        """Trim or extend the quote by a word or sentence of the source."""
        self.start, self.end = move_edge(self.source.text, self.start, self.end, edge, unit, grow)
        self._show_span()

    def _show_span(self) -> None:
        self.quote.setText(" ".join(self.quote_text().split()))
        show_span(self.context, self.source.text, self.start, self.end)

    def add(self) -> None:
        """Write the item to the library (atomic) and close; a problem is shown, nothing kept."""
        missing = self.form.missing()
        if missing:
            dialogs.show_error(self, "The item was not added.", missing)
            return
        text = as_item_text(self.quote_text())
        item_id = item_id_for(self.source_id, text, self.corpus.by_id)
        try:
            self.written = add_items(
                self.corpus, self.library, self.source_id, [self.form.record(item_id, text)]
            )
        except BriefgenError as error:
            dialogs.show_error(self, "The item was not added.", str(error))
            return
        self.accept()


def _own_org(corpus: Corpus, source_id: str) -> str:
    """The organisation an item of this source most often has (its publisher's, usually)."""
    orgs = [item.org for item in corpus.items if item.source == source_id]
    return max(set(orgs), key=orgs.count) if orgs else ""
