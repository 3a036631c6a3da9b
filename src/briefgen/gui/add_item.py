"""Add a passage selected in the source viewer as an item. The quote is a span of the source
and only that: it is trimmed or extended by word or sentence from the keyboard, never typed.
The headline beside it is the officer's own words and is labelled so.

Keys: Alt+Right / Alt+Left extend or trim the end by a word, Alt+Shift+Left / Alt+Shift+Right
extend or trim the start by a word; with Ctrl as well, by a sentence. With the mouse: drag the
handles at the ends of the highlighted quote, or Shift+click a word (`span_view`).

"Add item" writes on a worker, so a team folder on a slow share never freezes the window: the
dialog goes at once and the officer works on; it closes (accepted) once the item has landed, or
comes back as it was, with the reason, if the write fails.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefgen.content import Corpus
from briefgen.content.model import LibraryFolder
from briefgen.gui import dialogs
from briefgen.gui.item_form import ItemForm
from briefgen.gui.span_view import SpanView
from briefgen.gui.span_words import MOVES, SHAPING_HINT
from briefgen.gui.widgets import describe, fit_on_screen, heading, library_note, scrolling
from briefgen.gui.workers import TaskRunner, writing_library
from briefgen.library.curate import add_items, item_id_for
from briefgen.library.destinations import library_at
from briefgen.library.quotespan import Edge, Unit, as_item_text, snap_to_words


class AddItemDialog(QDialog):
    """A new item quoting `source_text[start:end]` (snapped to whole words), added to
    `library` (a folder, or a library as read; `why` there, if it is not the source's own).
    `taken` holds ids already given to items not yet in `corpus` (shared by the window's
    dialogs): the item's id is none of them, and joins them when it is written."""

    adding = Signal()  # the item is being written: the dialog is hidden meanwhile
    notAdded = Signal(str)  # the write failed: the dialog is back, the reason shown

    def __init__(
        self,
        corpus: Corpus,
        source_id: str,
        start: int,
        end: int,
        library: Path | LibraryFolder,
        parent: QWidget | None = None,
        why: str = "",
        taken: set[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.target = library = library_at(library, corpus.libraries)
        self.corpus, self.source_id, self.library = corpus, source_id, library.path
        self.source = corpus.sources[source_id]
        self.start, self.end = snap_to_words(self.source.text, start, end)
        self.taken = taken if taken is not None else set()
        self.written: Path | None = None
        self.item_id = ""  # the item added, once it is
        self.writes = TaskRunner(max_threads=1, parent=self)
        self.setWindowTitle("Add as item")
        self.quote = QuotePreview()
        describe(self.quote, "Quote, from the source", tooltip=False)
        self.context = SpanView(self.source.text)
        self.context.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.context.spanChanged.connect(self._span_changed)
        hint = QLabel(SHAPING_HINT)
        hint.setWordWrap(True)
        self.form = ItemForm(corpus, library=library)
        self.where = library_note("The item is added to", library, why)
        self.form.corpusChanged.connect(self._learn)
        self.form.set_values("", "", [], "")
        self.form.org.setCurrentIndex(max(self.form.org.findData(_own_org(corpus, source_id)), 0))
        if self.source.map_path is not None:  # the loader works it out from the source's map
            self.form.locator.setPlaceholderText("Left empty: the page and heading, worked out")
        # A row of buttons per unit, in the order of the text; the keys are in their tooltips
        # and the hint (labels with the keys in them made the dialog wider than a laptop's
        # screen at 200%).
        moves = QGridLayout()
        moves.addWidget(QLabel("By a word:"), 0, 0)
        moves.addWidget(QLabel("By a sentence:"), 1, 0)
        for index, (label, keys, edge, unit, grow) in enumerate(MOVES):
            button = QPushButton(label)
            describe(button, f"{label} by a {unit}", f"{label} of the quote by a {unit} ({keys})")
            button.clicked.connect(lambda _=False, e=edge, u=unit, g=grow: self.move_edge(e, u, g))
            moves.addWidget(button, index // 4, 1 + index % 4)
        self.context.add_move_shortcuts(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Add item")
        buttons.accepted.connect(self.add)
        buttons.rejected.connect(self.reject)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(heading("Quote (from the source; trim or extend it, never retype)"))
        body_layout.addWidget(self.quote)
        body_layout.addWidget(self.context, 1)
        body_layout.addWidget(hint)
        body_layout.addLayout(moves)
        body_layout.addWidget(heading("Your item"))
        body_layout.addWidget(self.form)
        layout = QVBoxLayout(self)
        # It scrolls only where the screen is too small for it (a laptop at 200% text).
        layout.addWidget(scrolling(body, "Add as item"), 1)
        layout.addWidget(self.where)
        layout.addWidget(buttons)
        self.context.set_span(self.start, self.end, centre=True)
        self._span_changed(self.start, self.end)
        line = self.fontMetrics().lineSpacing()
        fit_on_screen(self, line * 52, body.sizeHint().height() + line * 10)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.context.set_span(self.start, self.end, centre=True)  # once the text has its size

    def quote_text(self) -> str:
        return self.source.text[self.start : self.end]

    def move_edge(self, edge: Edge, unit: Unit, grow: bool) -> None:
        """Trim or extend the quote by a word or sentence of the source."""
        self.context.move_edge(edge, unit, grow)

    def _learn(self, corpus: Corpus) -> None:
        """The corpus listing an organisation the officer has just added."""
        self.corpus = corpus

    def _span_changed(self, start: int, end: int) -> None:
        """The quote shaped in the source text (keys, buttons or handles): shown above it."""
        self.start, self.end = start, end
        self.quote.set_quote(as_item_text(self.quote_text()))

    def add(self) -> None:
        """Hide the dialog and write the item to the library (atomic) on a worker; it closes
        once the item has landed. A problem is shown and the dialog kept as it was."""
        if self.writing:
            return
        missing = self.form.missing()
        if missing:
            dialogs.show_error(self, "The item was not added.", missing)
            return
        text = as_item_text(self.quote_text())
        item_id = item_id_for(self.source_id, text, {*self.corpus.by_id, *self.taken})
        self.taken.add(item_id)
        corpus, library, source_id = self.corpus, self.library, self.source_id
        record = self.form.record(item_id, text)
        source, start, end = self.source, self.start, self.end

        def write() -> Path:  # on the worker: a list's items as paragraphs (decision 0210)
            from briefgen.library.suggest.corpus import passage_item_text  # scikit-learn: late

            record["text"] = passage_item_text(source, start, end)
            return add_items(corpus, library, source_id, [record])

        self.writes.start(
            writing_library(write),
            lambda written: self._added(item_id, written),
            lambda message: self._not_added(item_id, message),
            doing=f"adding an item to {source_id}.yaml",
        )
        self.hide()  # the officer works on meanwhile; nothing typed is lost if it fails
        self.adding.emit()

    def _added(self, item_id: str, written: Path) -> None:
        self.written, self.item_id = written, item_id
        self.accept()

    def _not_added(self, item_id: str, message: str) -> None:
        self.taken.discard(item_id)
        self.show()
        self.notAdded.emit(message)
        dialogs.show_error(self, "The item was not added.", message)

    @property
    def writing(self) -> bool:
        """Whether the item is still being written."""
        return self.writes.busy

    def done(self, code: int) -> None:
        """Close once the item is written, if it is being written: nothing half-written."""
        super().done(code)
        self.writes.wait()


class QuotePreview(QLabel):
    """The quote as it will be written, never more than `LINES` lines tall: a long one shows
    its first and last words with an ellipsis between (the ends being what is shaped), so the
    dialog does not grow and move the text under a dragged handle."""

    LINES = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.full_text = ""
        margins = self.contentsMargins()
        self.setFixedHeight(
            self.fontMetrics().lineSpacing() * self.LINES + margins.top() + margins.bottom()
        )

    def set_quote(self, text: str) -> None:
        """Show `text`, shortened in the middle if it does not fit (a screen reader and the
        tooltip have it whole)."""
        self.full_text = text
        self._fit()
        self.setAccessibleDescription(f"The words quoted, exactly as the source: {text}")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def _fit(self) -> None:
        words = self.full_text.split()
        width = max(self.contentsRect().width(), 1)
        room = self.fontMetrics().lineSpacing() * self.LINES
        flags = int(Qt.TextFlag.TextWordWrap)

        def fits(text: str) -> bool:
            box = self.fontMetrics().boundingRect(QRect(0, 0, width, room * 4), flags, text)
            return box.height() <= room

        shown = f"“{' '.join(words)}”"
        elided = not fits(shown)
        if elided:
            low, high = 1, max(len(words) // 2, 1)  # the most words kept at each end that fit
            while low < high:
                middle = (low + high + 1) // 2
                if fits(_elided(words, middle)):
                    low = middle
                else:
                    high = middle - 1
            shown = _elided(words, low)
        self.setText(shown)
        self.setToolTip(self.full_text if elided else "")


def _elided(words: list[str], kept: int) -> str:
    return f"“{' '.join(words[:kept])} … {' '.join(words[-kept:])}”"


def _own_org(corpus: Corpus, source_id: str) -> str:
    """The organisation an item of this source most often has (its publisher's, usually)."""
    orgs = [item.org for item in corpus.items if item.source == source_id]
    return max(set(orgs), key=orgs.count) if orgs else ""
