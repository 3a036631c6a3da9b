"""Review suggested items for one source: each suggestion with its passage highlighted in the
source, accepted (fields editable first), rejected or skipped from the keyboard, with
accept-all above a score and undo. Every decision is written to the user's library at once
(atomic), so closing the app loses nothing; suggestions are computed by a worker.

Keys, with the list focused: A or Enter accepts with the fields as shown, R rejects (not
suggested again), S skips; Ctrl+Z undoes the last decision. The buttons carry Alt mnemonics.
Before it is accepted, a suggestion's quote can be trimmed or extended in the source text with
the keys of "Add as item…" or by dragging its handles (`span_view`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent, QKeySequence, QPalette, QShortcut
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
from briefgen.content.sourcemap import Locate, source_map
from briefgen.errors import BriefgenError
from briefgen.gui import dialogs
from briefgen.gui.item_form import ItemForm
from briefgen.gui.span_view import SHAPING_HINT, SpanView
from briefgen.gui.widgets import describe, fit_on_screen, heading
from briefgen.gui.workers import TaskRunner
from briefgen.library.curate import (
    add_items,
    file_snapshot,
    item_id_for,
    item_record,
    record_rejected,
    rejected_file,
    restore,
    suggestions_for,
)
from briefgen.library.quotespan import as_item_text
from briefgen.library.suggest import Suggestion

ACCEPTED, REJECTED, SKIPPED = "accepted", "rejected", "skipped"
MARKS = {ACCEPTED: "✓ accepted", REJECTED: "✗ rejected", SKIPPED: "– skipped", None: ""}


@dataclass
class Decision:
    """One decision (or one accept-all), with the file it changed as it was before."""

    rows: list[int]
    verdict: str
    path: Path | None = None
    snapshot: bytes | None = None
    item_ids: list[str] = field(default_factory=list)


class ReviewView(QDialog):
    """The suggestions for `source_id`, reviewed one by one into `library`."""

    suggestionsReady = Signal()
    libraryChanged = Signal()  # items or rejections written (or undone)
    failed = Signal(str)

    def __init__(
        self, corpus: Corpus, source_id: str, library: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.corpus, self.source_id, self.library = corpus, source_id, library
        self.source = corpus.sources[source_id]
        self.suggestions: list[Suggestion] = []
        self.verdicts: list[str | None] = []
        self.history: list[Decision] = []
        self.taken = set(corpus.by_id)
        self.chosen_org = ""  # the organisation last accepted with, for suggestions naming none
        self.setWindowTitle(f"Review suggested items — {self.source.title}")
        self.status = QLabel("Finding passages worth quoting…")
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        describe(self.list, "Suggestions", "A or Enter accepts, R rejects, S skips.", False)
        self.list.installEventFilter(self)
        self.spans: dict[int, tuple[int, int]] = {}  # the rows whose quote was shaped
        self.text = SpanView(self.source.text)
        self.text.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        describe(
            self.text,
            "Source text",
            f"The suggestion's passage is highlighted. {SHAPING_HINT}",
            tooltip=False,
        )
        self.text.spanChanged.connect(self._span_changed)
        self.text.add_move_shortcuts(self)
        self.hint = QLabel(SHAPING_HINT)
        self.hint.setWordWrap(True)
        self.form = ItemForm(corpus, library=library)
        self.form.corpusChanged.connect(self._learn)
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
        self.accept_button.clicked.connect(lambda: self.accept_current())
        self.reject_button.clicked.connect(lambda: self.reject_current())
        self.skip_button.clicked.connect(lambda: self.skip_current())
        self.undo_button.clicked.connect(lambda: self.undo())
        self.accept_all_button.clicked.connect(lambda: self.accept_all(self.threshold.value()))
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.activated.connect(self.undo)
        self.list.currentRowChanged.connect(self._show_row)
        self._set_enabled(False)
        self.tasks = TaskRunner(parent=self)
        self.tasks.start(
            lambda: suggestions_for(corpus, source_id),
            self._suggestions_ready,
            self._failed,
            doing="suggesting items",
        )

    def _build(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(heading("Suggested items"))
        left_layout.addWidget(self.status)
        left_layout.addWidget(self.list, 1)
        all_row = QHBoxLayout()
        all_row.addWidget(self.accept_all_button)
        all_row.addWidget(self.threshold)
        left_layout.addLayout(all_row)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(heading("In the source"))
        right_layout.addWidget(self.text, 2)
        right_layout.addWidget(self.hint)
        right_layout.addWidget(self.form)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.skip_button, self.undo_button):
            buttons.addWidget(button)
        right_layout.addLayout(buttons)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([420, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        line = self.fontMetrics().lineSpacing()
        fit_on_screen(self, max(1100, line * 64), max(700, line * 41))

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
        kind = f"{s.kind} or {s.other_kind}?" if s.other_kind else s.kind
        return f"{s.score:.2f}  {kind}  {mark}\n{short}\n({s.reason})"

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
        """The suggestion in `row` with its quote as shaped in the source text (its text then
        on one line, as an items file has it), or as suggested."""
        s = self.suggestions[row]
        if row not in self.spans:
            return s
        start, end = self.spans[row]
        locate = self.map_locate
        locator = (locate(start, end) or s.locator) if locate else s.locator
        text = as_item_text(self.source.text[start:end])
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

    # --- decisions --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return super().eventFilter(watched, event)
            key = event.key()
            if key in (Qt.Key.Key_A, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept_current()
                return True
            if key == Qt.Key.Key_R:
                self.reject_current()
                return True
            if key == Qt.Key.Key_S:
                self.skip_current()
                return True
        return super().eventFilter(watched, event)

    def _learn(self, corpus: Corpus) -> None:
        """The corpus listing an organisation the officer has just added (the window reloads)."""
        self.corpus = corpus
        self.libraryChanged.emit()

    def accept_current(self) -> bool:
        """Add the current suggestion with the fields as shown; False if refused."""
        row = self.list.currentRow()
        if not self._undecided(row):
            return False
        missing = self.form.missing()
        if missing:
            dialogs.show_error(self, "The item was not added.", missing)
            return False
        s = self.quoted(row)
        item_id = item_id_for(self.source_id, s.text, self.taken)
        record = self.form.record(item_id, as_item_text(s.text))
        self.chosen_org = str(record["org"])  # before the next row is shown
        return self._write_items([row], [record])

    def accept_all(self, threshold: float) -> int:
        """Accept every undecided suggestion scoring at least `threshold` as suggested; those
        naming no organisation take the one chosen in the form (refused if none is)."""
        rows = [
            row
            for row, s in enumerate(self.suggestions)
            if self.verdicts[row] is None and s.score >= threshold
        ]
        chosen_org = str(self.form.org.currentData() or "")
        unattributed = sum(not self.suggestions[row].org for row in rows)
        if unattributed and not chosen_org:
            dialogs.show_error(
                self,
                "Nothing was accepted.",
                f"{unattributed} of the {len(rows)} suggestions scoring at least {threshold:.2f} "
                "name no organisation. Choose whose view they state under Organisation (it is "
                "used for those), or accept them one by one.",
            )
            self.form.org.setFocus()
            return 0
        records = []
        for row in rows:
            s = self.quoted(row)
            item_id = item_id_for(self.source_id, s.text, self.taken)
            self.taken.add(item_id)
            record = item_record(s, item_id)
            record["org"] = record["org"] or chosen_org
            records.append(record)
        if not rows or not self._write_items(rows, records):
            return 0
        return len(rows)

    def _write_items(self, rows: list[int], records: list[dict[str, object]]) -> bool:
        path = self.library / "items" / f"{self.source_id}.yaml"
        try:
            snapshot = file_snapshot(path)
            add_items(self.corpus, self.library, self.source_id, records)
        except (BriefgenError, OSError) as error:
            for record in records:
                self.taken.discard(str(record["id"]))
            dialogs.show_error(self, "The item was not added.", str(error))
            return False
        ids = [str(record["id"]) for record in records]
        self.taken.update(ids)
        self._decide(Decision(rows, ACCEPTED, path, snapshot, ids))
        self.libraryChanged.emit()
        return True

    def reject_current(self) -> bool:
        """Record the current suggestion as rejected: it is not suggested again."""
        row = self.list.currentRow()
        if not self._undecided(row):
            return False
        path = rejected_file(self.library, self.source_id)
        try:
            snapshot = file_snapshot(path)
            record_rejected(self.library, self.source_id, [self.suggestions[row].text])
        except (BriefgenError, OSError) as error:
            dialogs.show_error(self, "The rejection was not recorded.", str(error))
            return False
        self._decide(Decision([row], REJECTED, path, snapshot))
        self.libraryChanged.emit()
        return True

    def skip_current(self) -> bool:
        """Leave the current suggestion for later (it is suggested again next time)."""
        row = self.list.currentRow()
        if not self._undecided(row):
            return False
        self._decide(Decision([row], SKIPPED))
        return True

    def undo(self) -> bool:
        """Undo the last decision: the library file it changed is put back as it was."""
        if not self.history:
            return False
        decision = self.history[-1]
        if decision.path is not None:
            try:
                restore(decision.path, decision.snapshot)
            except OSError as error:  # the decision stands, as the file still has it
                why = error.strerror or str(error)
                dialogs.show_error(
                    self,
                    "The decision was not undone.",
                    f"{decision.path} could not be put back ({why}); check that you can write "
                    "to it, then undo again.",
                )
                return False
            self.taken.difference_update(decision.item_ids)
        self.history.pop()
        for row in decision.rows:
            self.verdicts[row] = None
            self._show_verdict(row)
        self.list.setCurrentRow(decision.rows[0])
        self.text.set_shapeable(self._undecided(self.list.currentRow()))
        if decision.path is not None:
            self.libraryChanged.emit()
        return True

    def _show_verdict(self, row: int) -> None:
        """The row's text with its mark, dimmed once decided so what is left stands out."""
        entry = self.list.item(row)
        entry.setText(self._row_text(row))
        dimmed = self.list.palette().color(QPalette.ColorRole.PlaceholderText)
        entry.setForeground(QBrush(dimmed) if self.verdicts[row] else QBrush())

    def _undecided(self, row: int) -> bool:
        return 0 <= row < len(self.suggestions) and self.verdicts[row] is None

    def _decide(self, decision: Decision) -> None:
        self.history.append(decision)
        for row in decision.rows:
            self.verdicts[row] = decision.verdict
            self._show_verdict(row)
        following = [
            r for r in range(decision.rows[-1] + 1, len(self.suggestions)) if self._undecided(r)
        ]
        if following:
            self.list.setCurrentRow(following[0])
        self.text.set_shapeable(self._undecided(self.list.currentRow()))
        self.list.setFocus()


def _elide_middle(text: str, head: int, tail: int) -> str:
    """`text`'s whole words in its first `head` and last `tail` characters, an ellipsis between."""
    words = text.split()
    first = last = 0
    while first < len(words) and len(" ".join(words[: first + 1])) <= head:
        first += 1
    while last < len(words) - first and len(" ".join(words[-last - 1 :])) <= tail:
        last += 1
    return f"{' '.join(words[: max(first, 1)])} … {' '.join(words[-max(last, 1) :])}"
