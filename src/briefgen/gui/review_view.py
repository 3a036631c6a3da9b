"""Review suggested items for one source: each suggestion with its passage highlighted in the
source, accepted (fields editable first), rejected or skipped from the keyboard, with
accept-all above a score and undo. Every decision is written at once (atomic) to the library
the view was given (the one holding the source, or the user's own for a shipped source), so
closing the app loses nothing; suggestions are computed by a worker.

The writes run in order on a worker of their own, so a team folder on a slow share never
freezes the window: the list shows a verdict at once, a write that fails puts its row back,
undo is queued after the write it undoes, and closing the view waits for what is queued.

Keys, with the list focused: A or Enter accepts with the fields as shown, R rejects (not
suggested again), S skips; Ctrl+Z undoes the last decision. The buttons carry Alt mnemonics.
Before it is accepted, a suggestion's quote can be trimmed or extended in the source text with
the keys of "Add as item…" or by dragging its handles (`span_view`). What the view shows is
`review_display`'s; this module decides.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QWidget

from briefgen.atomic import file_snapshot, restore
from briefgen.content import Corpus
from briefgen.content.model import LibraryFolder
from briefgen.errors import BriefgenError
from briefgen.gui import dialogs
from briefgen.gui.review_display import ACCEPTED, REJECTED, SKIPPED, ReviewDisplay
from briefgen.gui.workers import TaskRunner, writing_library
from briefgen.library.curate import (
    add_items,
    item_id_for,
    item_record,
    record_rejected,
    rejected_file,
    suggestions_for,
)
from briefgen.library.destinations import GONE_REMEDY, check_still_there
from briefgen.library.record_removal import record_ids, remove_records

_ORDER = itertools.count()


@dataclass(eq=False)
class Decision:
    """One decision (or one accept-all), with the file it changes (`path`, its records under
    `key`) as it was before and after. `snapshot`, `after` and `written` are set by the
    writing worker, which alone reads them after."""

    rows: list[int]
    verdict: str
    path: Path | None = None
    key: str = "items"
    snapshot: bytes | None = None
    after: bytes | None = None
    item_ids: list[str] = field(default_factory=list)
    written: bool = False
    order: int = field(default_factory=lambda: next(_ORDER))


class ReviewView(ReviewDisplay):
    """The suggestions for `source_id`, reviewed one by one into `library`."""

    libraryChanged = Signal()  # items or rejections written (or undone)

    def __init__(
        self,
        corpus: Corpus,
        source_id: str,
        library: Path | LibraryFolder,
        parent: QWidget | None = None,
        why: str = "",
    ) -> None:
        super().__init__(corpus, source_id, library, parent, why)
        self.history: list[Decision] = []
        self.taken = set(corpus.by_id)
        self.list.installEventFilter(self)
        self.form.corpusChanged.connect(self._learn)
        self.accept_button.clicked.connect(lambda: self.accept_current())
        self.reject_button.clicked.connect(lambda: self.reject_current())
        self.skip_button.clicked.connect(lambda: self.skip_current())
        self.undo_button.clicked.connect(lambda: self.undo())
        self.accept_all_button.clicked.connect(lambda: self.accept_all(self.threshold.value()))
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.activated.connect(self.undo)
        self.tasks = TaskRunner(parent=self)
        # One thread: decisions (and undoing them) land in the order they were made.
        self.writes = TaskRunner(max_threads=1, parent=self)
        self.tasks.start(
            lambda: suggestions_for(corpus, source_id),
            self._suggestions_ready,
            self._failed,
            doing="suggesting items",
        )

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
        record = self.form.record(item_id, s.quote_text())
        self.chosen_org = str(record["org"])  # before the next row is shown
        self._write_items([row], [record])
        return True

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
        if not rows:
            return 0
        self._write_items(rows, records)
        return len(rows)

    def _write_items(self, rows: list[int], records: list[dict[str, object]]) -> None:
        """Show `rows` accepted and queue adding `records` to the source's items file."""
        path = self.library / "items" / f"{self.source_id}.yaml"
        ids = [str(record["id"]) for record in records]
        self.taken.update(ids)
        corpus, library, source_id = self.corpus, self.library, self.source_id
        decision = Decision(rows, ACCEPTED, path, item_ids=ids)
        self._decide(decision)
        self._queue(
            decision,
            lambda: add_items(corpus, library, source_id, records),
            "The item was not added.",
        )

    def reject_current(self) -> bool:
        """Record the current suggestion as rejected: it is not suggested again."""
        row = self.list.currentRow()
        if not self._undecided(row):
            return False
        library, source_id, folders = self.library, self.source_id, self.corpus.libraries
        passage = self.suggestions[row].text

        def write() -> None:
            check_still_there(library, folders, GONE_REMEDY)  # as accept
            record_rejected(library, source_id, [passage])

        decision = Decision([row], REJECTED, rejected_file(library, source_id), key="rejected")
        self._decide(decision)
        self._queue(decision, write, "The rejection was not recorded.")
        return True

    def _queue(self, decision: Decision, write: Callable[[], object], headline: str) -> None:
        """Write `decision` after those queued before it; the window hears once it lands."""
        path = decision.path
        assert path is not None

        def task() -> None:  # on the writing thread: touches no widget
            decision.snapshot = file_snapshot(path)  # after the writes queued before
            write()
            decision.after = file_snapshot(path)
            decision.written = True

        self.writes.start(
            writing_library(task),  # an OSError said as it always was, naming the file
            lambda _: self.libraryChanged.emit(),
            lambda message: self._not_written(decision, headline, message),
            doing=f"writing to {path.name}",
        )

    def _not_written(self, decision: Decision, headline: str, message: str) -> None:
        """A write that failed: its rows undecided again (unless undone already), and why."""
        if decision in self.history:
            self.history.remove(decision)
            self.taken.difference_update(decision.item_ids)
            self._undecide(decision)
        dialogs.show_error(self, headline, message)

    @property
    def writing(self) -> bool:
        """Whether a decision (or an undo) is still being written."""
        return self.writes.busy

    def skip_current(self) -> bool:
        """Leave the current suggestion for later (it is suggested again next time)."""
        row = self.list.currentRow()
        if not self._undecided(row):
            return False
        self._decide(Decision([row], SKIPPED))
        return True

    def undo(self) -> bool:
        """Undo the last decision, after the write that made it (queued behind it if that is
        still running): the library file it changed is put back as it was, or, if something
        else has written to the file since, only the records it added are taken out."""
        if not self.history:
            return False
        decision = self.history.pop()
        self.taken.difference_update(decision.item_ids)
        self._undecide(decision)
        path = decision.path
        if path is None:
            return True

        def task() -> bool:  # on the writing thread, after the decision's own write
            if not decision.written:
                return False  # that write failed, so the file is as it was
            try:
                if file_snapshot(path) == decision.after:
                    restore(path, decision.snapshot)
                else:  # written since (Add as item, a colleague): keep what they added
                    key = decision.key
                    added = record_ids(decision.after, key) - record_ids(decision.snapshot, key)
                    remove_records(path, key, added)
            except OSError as error:  # the decision stands, as the file still has it
                why = error.strerror or str(error)
                raise BriefgenError(
                    f"{path} could not be put back ({why}); check that you can write "
                    "to it, then undo again."
                ) from error
            decision.written = False
            return True

        self.writes.start(
            writing_library(task),
            lambda restored: self.libraryChanged.emit() if restored else None,
            lambda message: self._not_undone(decision, message),
            doing=f"undoing a change to {path.name}",
        )
        return True

    def _not_undone(self, decision: Decision, message: str) -> None:
        """An undo that could not put the file back: the decision shown again (unless its rows
        were decided anew meanwhile), and why."""
        if all(self.verdicts[row] is None for row in decision.rows):
            bisect.insort(self.history, decision, key=lambda d: d.order)
            self.taken.update(decision.item_ids)
            for row in decision.rows:
                self.verdicts[row] = decision.verdict
                self._show_verdict(row)
            self.text.set_shapeable(self._undecided(self.list.currentRow()))
        dialogs.show_error(self, "The decision was not undone.", message)

    def _undecide(self, decision: Decision) -> None:
        """`decision`'s rows undecided again, the first of them current."""
        for row in decision.rows:
            self.verdicts[row] = None
            self._show_verdict(row)
        self.list.setCurrentRow(decision.rows[0])
        self.text.set_shapeable(self._undecided(self.list.currentRow()))

    def done(self, code: int) -> None:
        """Close once every queued decision is written: nothing lost, nothing half-written."""
        super().done(code)
        self.writes.wait()

    def _show_verdict(self, row: int) -> None:
        """The row's text with its mark, dimmed once decided so what is left stands out."""
        entry = self.list.item(row)
        entry.setText(self._row_text(row))
        dimmed = self.list.palette().color(QPalette.ColorRole.PlaceholderText)
        entry.setForeground(QBrush(dimmed) if self.verdicts[row] else QBrush())

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
