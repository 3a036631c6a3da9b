"""What the review view shows: the suggestions for one source listed with their scores and
marks, the current one's passage highlighted in the source text (its quote shaped there, with
its locator following), and its fields in the form, which scrolls below the text; two
splitters share the room, remembered with the view's size (200% text on a laptop, decision
0205). `review_view` adds the decisions.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefgen.content import Corpus
from briefgen.content.model import LibraryFolder
from briefgen.content.sourcemap import Locate, source_map
from briefgen.gui.item_form import ItemForm
from briefgen.gui.settings import app_settings
from briefgen.gui.span_view import SpanView
from briefgen.gui.span_words import SHAPING_HINT
from briefgen.gui.widgets import describe, fit_on_screen, heading, library_note, scrolling
from briefgen.library.destinations import library_at
from briefgen.library.suggest import Suggestion

ACCEPTED, REJECTED, SKIPPED = "accepted", "rejected", "skipped"
MARKS = {ACCEPTED: "✓ accepted", REJECTED: "✗ rejected", SKIPPED: "– skipped", None: ""}
# Where the view's size and splits are remembered.
SIZE_KEY, SPLIT_KEY, SOURCE_SPLIT_KEY = "review/size", "review/split", "review/sourceSplit"


class ReviewDisplay(QDialog):
    """The suggestions for `source_id` shown, with the widgets a review decides them with;
    accepted items and rejections go to `library` (a folder, or a library as read; `why`
    there, if it is not the source's own)."""

    suggestionsReady = Signal()
    failed = Signal(str)

    def __init__(
        self,
        corpus: Corpus,
        source_id: str,
        library: Path | LibraryFolder,
        parent: QWidget | None = None,
        why: str = "",
    ) -> None:
        super().__init__(parent)
        self.target = library = library_at(library, corpus.libraries)
        self.corpus, self.source_id, self.library = corpus, source_id, library.path
        self.source = corpus.sources[source_id]
        self.suggestions: list[Suggestion] = []
        self.verdicts: list[str | None] = []
        self.chosen_org = ""  # the organisation last accepted with, for suggestions naming none
        self.setWindowTitle(f"Review suggested items — {self.source.title}")
        self.status = QLabel("Finding passages worth quoting…")
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        # Each suggestion runs to three or more lines: shaded in turn and set apart, so where
        # one ends and the next begins shows at a glance.
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        describe(self.list, "Suggestions", "A or Enter accepts, R rejects, S skips.", False)
        self.spans: dict[int, tuple[int, int]] = {}  # the rows whose quote was shaped
        self.text = SpanView(self.source.text)
        self.text.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.text.spanChanged.connect(self._span_changed)
        self.text.add_move_shortcuts(self)
        self.hint = QLabel(SHAPING_HINT)
        self.hint.setWordWrap(True)
        self.form = ItemForm(corpus, library=library)
        self.where = library_note("Accepted items are added to", library, why)
        self.accept_button = QPushButton("&Accept")
        self.reject_button = QPushButton("&Reject")
        self.skip_button = QPushButton("&Skip")
        self.undo_button = QPushButton("&Undo")
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setValue(0.8)
        describe(self.threshold, "Lowest score to accept all", "Accept all scoring at least this.")
        self.accept_all_button = QPushButton("Accept all scorin&g at least")
        self._build()
        # Enter in a field (the headline just typed) accepts the suggestion shown, as Enter in
        # the list does; else the dialog's first button, Accept all, took every one above 0.8.
        # (Set once the button is in the dialog, which only then takes it as its default.)
        self.accept_button.setDefault(True)
        self.list.currentRowChanged.connect(self._show_row)
        self._set_enabled(False)

    def _build(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(heading("Suggested items"))
        left_layout.addWidget(self.status)
        left_layout.addWidget(self.where)  # the list gives up the room
        left_layout.addWidget(self.list, 1)
        all_row = QHBoxLayout()
        all_row.addWidget(self.accept_all_button)
        all_row.addWidget(self.threshold)
        left_layout.addLayout(all_row)
        # The hint and the fields scroll below the source text rather than squeeze it or
        # each other (200% text on a laptop); the buttons under them stay in view.
        self.fields_body = fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(self.hint)
        fields_layout.addWidget(self.form)
        fields_layout.addStretch(1)
        self.fields = scrolling(fields, "The item's fields")
        # It scrolls down, never across: its pane is kept as wide as the fields need.
        self.fields.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = self.fields.verticalScrollBar().sizeHint().width()
        self.fields.setMinimumWidth(fields.minimumSizeHint().width() + bar)
        self.source_split = QSplitter(Qt.Orientation.Vertical)
        self.source_split.addWidget(self.text)
        self.source_split.addWidget(self.fields)
        self.source_split.setStretchFactor(0, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(heading("In the source"))
        right_layout.addWidget(self.source_split, 1)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.skip_button, self.undo_button):
            buttons.addWidget(button)
        right_layout.addLayout(buttons)
        self.split = QSplitter()
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setStretchFactor(1, 1)
        for splitter in (self.split, self.source_split):
            splitter.setChildrenCollapsible(False)  # nothing dragged out of sight
            splitter.setHandleWidth(max(splitter.handleWidth(), 8))  # easier to pick up
        layout = QVBoxLayout(self)
        layout.addWidget(self.split)
        self._restore_layout()

    # --- size and splits, as the officer last left them -------------------------------------

    def _restore_layout(self) -> None:
        """The size and splits the officer last left (within this screen), else a size from
        the text's and a split giving the fields what they need, up to half the height."""
        settings = app_settings()
        line = self.fontMetrics().lineSpacing()
        size = settings.value(SIZE_KEY)
        wanted = (
            size if isinstance(size, QSize) else QSize(max(1100, line * 64), max(700, line * 41))
        )
        fit_on_screen(self, wanted.width(), wanted.height())
        self._split_on_show = False
        for splitter, key in ((self.split, SPLIT_KEY), (self.source_split, SOURCE_SPLIT_KEY)):
            state = settings.value(key)
            if not (isinstance(state, QByteArray) and splitter.restoreState(state)):
                self._split_on_show = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._split_on_show:  # once the splitters have their sizes
            self._split_on_show = False
            width = sum(self.split.sizes())
            self.split.setSizes([width * 38 // 100, width - width * 38 // 100])
            height = sum(self.source_split.sizes())
            fields = min(self.fields_body.sizeHint().height(), height // 2)
            self.source_split.setSizes([height - fields, fields])

    def done(self, code: int) -> None:
        """Close, remembering the size and splits for next time."""
        settings = app_settings()
        settings.setValue(SIZE_KEY, self.size())
        settings.setValue(SPLIT_KEY, self.split.saveState())
        settings.setValue(SOURCE_SPLIT_KEY, self.source_split.saveState())
        super().done(code)

    # --- suggestions ------------------------------------------------------------------------

    def _suggestions_ready(self, suggestions: list[Suggestion]) -> None:
        self.suggestions = suggestions
        self.verdicts = [None] * len(suggestions)
        for row in range(len(suggestions)):
            self.list.addItem(self._row_text(row))
        self.status.setText(
            f"{len(suggestions)} suggestions. A or Enter accepts, R rejects, S skips, "
            "Ctrl+Z undoes."
            if suggestions
            else "No suggestions: every passage worth quoting is an item already or rejected."
        )
        self._set_enabled(bool(suggestions))
        if suggestions:
            self.list.setCurrentRow(0)
        self.list.setFocus()
        self.suggestionsReady.emit()

    def _failed(self, message: str) -> None:
        self.status.setText(message)
        self.failed.emit(message)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.accept_button, self.reject_button, self.skip_button, self.form):
            widget.setEnabled(enabled)
        self.accept_all_button.setEnabled(enabled)

    def _row_text(self, row: int) -> str:
        s = self.suggestions[row]
        text = " ".join(self.quoted(row).text.split())
        # Both ends shown, as they are what an officer trims or extends.
        short = text if len(text) <= 140 else _elide_middle(text, 80, 58)
        mark = MARKS[self.verdicts[row]]
        return f"{s.score:.2f}  {s.kind_text}  {mark}\n{short}\n({s.reason})"

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.suggestions):
            return
        s = self.quoted(row)
        # A suggestion naming no organisation (a publisher briefgen does not know) takes the
        # one the officer last chose here, rather than asking a hundred times.
        self.form.set_values(
            s.kind, s.org or self.chosen_org, s.themes, s.locator, other_kind=s.other_kind
        )
        self.text.set_shapeable(self._undecided(row))
        self.text.set_span(s.start, s.end, centre=True)

    def highlighted_text(self) -> str:
        """The passage highlighted in the source (what the tests check)."""
        selections = self.text.extraSelections()
        return selections[0].cursor.selectedText() if selections else ""

    def quoted(self, row: int) -> Suggestion:
        """The suggestion in `row` with its quote as shaped in the source text, or as
        suggested (its `quote_text()` is what an items file holds)."""
        s = self.suggestions[row]
        if row not in self.spans:
            return s
        start, end = self.spans[row]
        locate = self.map_locate
        locator = (locate(start, end) or s.locator) if locate else s.locator
        text = self.source.text[start:end]
        return replace(s, text=text, start=start, end=end, locator=locator)

    @cached_property
    def map_locate(self) -> Locate | None:
        """An imported source's locator ("p. 5, 'Summary'"), so a quote shaped onto another
        page is cited there; None for a source without a map."""
        document = source_map(self.source)  # read once, when a quote is first reshaped
        return document.locator if document is not None else None

    def _span_changed(self, start: int, end: int) -> None:
        """The current suggestion's quote trimmed or extended (keys or handles); its row in
        the list shows the words it now quotes."""
        row = self.list.currentRow()
        if not self._undecided(row):
            return
        s = self.suggestions[row]
        before = self.quoted(row).locator
        if (start, end) == (s.start, s.end):
            self.spans.pop(row, None)
        else:
            self.spans[row] = (start, end)
        self.list.item(row).setText(self._row_text(row))
        after = self.quoted(row).locator
        if after != before and self.form.locator.text() == before:  # not the officer's own
            self.form.locator.setText(after)

    def _undecided(self, row: int) -> bool:
        return 0 <= row < len(self.suggestions) and self.verdicts[row] is None


def _elide_middle(text: str, head: int, tail: int) -> str:
    """`text`'s whole words in its first `head` and last `tail` characters, an ellipsis between."""
    words = text.split()
    first = last = 0
    while first < len(words) and len(" ".join(words[: first + 1])) <= head:
        first += 1
    while last < len(words) - first and len(" ".join(words[-last - 1 :])) <= tail:
        last += 1
    return f"{' '.join(words[: max(first, 1)])} … {' '.join(words[-max(last, 1) :])}"
