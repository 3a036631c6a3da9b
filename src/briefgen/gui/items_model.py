"""The item list as a Qt model: one row per item of the pack, filtered in the model.

The model holds the rows `pack.editing.item_rows` gives and the indexes the filters keep; views
ask only for the cells they draw, so a corpus of 10,000 items stays quick. Ticking an item or
dropping it somewhere emits a request; the window changes the `PackSpec` through `pack.editing`
and hands the model its new rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication

from briefgen.content.model import Corpus, Item
from briefgen.pack.editing import ItemRow, matching_rows
from briefgen.pack.labels import kind_label

MIME_TYPE = "application/x-briefgen-item-ids"
INCLUDE, KEY, PART, THEME, KIND, ORG, WHERE, QUOTE = range(8)
HEADERS = ("Include", "Key", "Part", "Theme", "Kind", "From", "Where", "Quote")
# Where a committee report quotes an included item, or whether a member briefing quotes it
# (the Part column; hidden for the evidence pack, which quotes every item).
PARTS = {True: "Body", False: "Appendix", None: ""}
BRIEFING_PARTS = {True: "Quoted", False: "Counted", None: ""}
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class ItemsModel(QAbstractTableModel):
    """The pack's items, in pack order, with the officer's filters applied."""

    includeToggled = Signal(str, bool)  # item id, include it?
    keyToggled = Signal(str, bool)  # item id, mark it key?
    bodyToggled = Signal(str, bool)  # item id, quote it in the report's body (else appendix)?
    moveRequested = Signal(str, int)  # item id, row (in all rows) to put it before
    countsChanged = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.corpus: Corpus | None = None
        self.rows: list[ItemRow] = []
        self.visible: list[int] = []
        self._position: dict[str, int] = {}
        self._filters: dict[str, Any] = {"kinds": (), "orgs": (), "sources": (), "search": ""}
        self._kind_labels: dict[str, str] = {}
        self._theme_labels: dict[str, str] = {}
        self._org_labels: dict[str, str] = {}
        # Two lines of text per row, so the quote can be read without widening the window.
        self.row_size = QSize(-1, QFontMetrics(QApplication.font()).lineSpacing() * 2 + 8)

    # --- what the window calls -------------------------------------------------------------

    def set_rows(self, corpus: Corpus, rows: Sequence[ItemRow]) -> None:
        """Show `rows` (a new selection, or a new order), keeping the filters."""
        if corpus is not self.corpus:
            self.corpus = corpus
            self._theme_labels = {t.id: t.label for t in corpus.themes.values()}
            self._org_labels = {o.id: o.short for o in corpus.organisations.values()}
        self.beginResetModel()
        self.rows = list(rows)
        self._position = {row.item.id: n for n, row in enumerate(self.rows)}
        self._refilter()
        self.endResetModel()
        self.countsChanged.emit()

    def set_filters(
        self,
        kinds: Iterable[str] = (),
        orgs: Iterable[str] = (),
        sources: Iterable[str] = (),
        search: str = "",
    ) -> None:
        """Narrow the list to items of these kinds, organisations and sources matching
        `search` (every word, anywhere in the quote, headline, locator or organisation)."""
        self.beginResetModel()
        self._filters = {
            "kinds": tuple(kinds),
            "orgs": tuple(orgs),
            "sources": tuple(sources),
            "search": search,
        }
        self._refilter()
        self.endResetModel()
        self.countsChanged.emit()

    def set_included(self, item_id: str, included: bool) -> None:
        """Show `item_id` ticked or unticked, redrawing only its row."""
        position = self._position.get(item_id)
        if position is None:
            return
        self.rows[position] = replace(self.rows[position], included=included)
        shown = self.visible_row(item_id)
        if shown is not None:
            self.dataChanged.emit(self.index(shown, 0), self.index(shown, len(HEADERS) - 1))
        self.countsChanged.emit()

    def _refilter(self) -> None:
        if self.corpus is None:
            self.visible = []
            return
        self.visible = matching_rows(self.corpus, self.rows, **self._filters)

    @property
    def filtering(self) -> bool:
        return any(self._filters.values())

    def included_total(self) -> int:
        return sum(row.included for row in self.rows)

    def quoted_total(self) -> int | None:
        """How many included items a member briefing quotes; None for another layout."""
        if not any(row.quoted is not None for row in self.rows):
            return None
        return sum(row.included and bool(row.quoted) for row in self.rows)

    def item_at(self, visible_row: int) -> Item | None:
        if 0 <= visible_row < len(self.visible):
            return self.rows[self.visible[visible_row]].item
        return None

    def row_at(self, visible_row: int) -> ItemRow | None:
        if 0 <= visible_row < len(self.visible):
            return self.rows[self.visible[visible_row]]
        return None

    def visible_row(self, item_id: str) -> int | None:
        """Where `item_id` is in the filtered list, or None if the filters hide it."""
        position = self._position.get(item_id)
        if position is None:
            return None
        # `visible` is sorted, so a binary search finds the row in a 10,000-item list at once.
        from bisect import bisect_left

        at = bisect_left(self.visible, position)
        return at if at < len(self.visible) and self.visible[at] == position else None

    # --- QAbstractItemModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def _org(self, org: str) -> str:
        return self._org_labels.get(org, org)

    def _kind(self, kind: str) -> str:
        if kind not in self._kind_labels:
            self._kind_labels[kind] = kind_label(kind)
        return self._kind_labels[kind]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.visible):
            return None
        row = self.rows[self.visible[index.row()]]
        item, column = row.item, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == INCLUDE:
            return Qt.CheckState.Checked if row.included else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.CheckStateRole and column == KEY:
            return Qt.CheckState.Checked if item.key else Qt.CheckState.Unchecked
        if role == ITEM_ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.ToolTipRole:
            state = "Included in the pack" if row.included else "Left out of the pack"
            if item.key:
                state += ", key item" + (" (leads its theme)" if row.leads else "")
            state += _part_words(row)
            where = f"{self._kind(item.kind)}, {self._org(item.org)}, {item.locator}"
            return f"{state}\n{where}\n\n{item.text}"
        if role == Qt.ItemDataRole.SizeHintRole and column == QUOTE:
            return self.row_size
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = "included" if row.included else "left out"
            if item.key:
                state += ", key"
            state += _part_words(row)
            return (
                f"{self._kind(item.kind)} from {self._org(item.org)}, "
                f"{item.locator}, {state}: {item.text}"
            )
        if role == Qt.ItemDataRole.FontRole and not row.included:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not row.included:
            # Greyed as well as italic and marked "Left out": never colour alone.
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return None

    def _text(self, row: ItemRow, column: int) -> str:
        item = row.item
        if column == INCLUDE:
            return ""  # the tick says it; "Left out" rows are italic and greyed as well
        if column == KEY:
            return "Key" if item.key else ""  # in words as well as the tick
        if column == PART:
            if not row.included:
                return ""
            return PARTS[row.in_body] if row.quoted is None else BRIEFING_PARTS[row.quoted]
        if column == THEME:
            return self._theme_labels.get(row.theme, row.theme)
        if column == KIND:
            return self._kind(item.kind)
        if column == ORG:
            return self._org(item.org)
        if column == WHERE:
            return item.locator
        return " ".join(item.text.split())

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() not in (INCLUDE, KEY):
            return False
        item = self.item_at(index.row())
        if item is None:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        toggled = self.includeToggled if index.column() == INCLUDE else self.keyToggled
        toggled.emit(item.id, checked)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            # Dropping between rows, never onto one: the list is flat.
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        if index.column() in (INCLUDE, KEY):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    # --- drag and drop -----------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = []
        for index in indexes:
            item = self.item_at(index.row())
            if item is not None and item.id not in ids:
                ids.append(item.id)
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray("\n".join(ids).encode("utf-8")))
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(MIME_TYPE) and action == Qt.DropAction.MoveAction

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Ask the window to move the dragged item before the drop row. Returns False so the
        view does not also delete the dragged row: the window rebuilds the list instead."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = bytes(data.data(MIME_TYPE).data()).decode("utf-8").split("\n")
        if not ids or not ids[0]:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.visible)
        if row < len(self.visible):
            before = self.visible[row]
        else:
            before = (self.visible[-1] + 1) if self.visible else len(self.rows)
        self.moveRequested.emit(ids[0], before)
        return False


def _part_words(row: ItemRow) -> str:
    """ ", in the report's body" or ", in Appendix A" in a committee report; ", quoted" or
    ", counted, not quoted" in a member briefing; nothing in the evidence pack or for an item
    left out."""
    if not row.included:
        return ""
    if row.quoted is not None:
        if row.quoted:
            return ", quoted"
        why = "the briefing quotes the strongest few on each theme"
        return f", counted, not quoted ({why if row.item.key else 'mark it key to quote it'})"
    if row.in_body is None:
        return ""
    return ", in the report's body" if row.in_body else ", in Appendix A"
