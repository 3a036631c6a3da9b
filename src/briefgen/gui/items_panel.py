"""The Items tab: filters, the item list, include/leave out, and moving items up and down.

Everything here is reachable from the keyboard: Ctrl+F goes to the search box, Space ticks or
unticks the current item, Ctrl+K marks it key or unmarks it, Alt+Up / Alt+Down move it within
its theme, and drag and drop does the same with the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefgen.content.model import ITEM_KINDS, Corpus, Item
from briefgen.gui.items_model import (
    INCLUDE,
    KEY,
    KIND,
    ORG,
    PART,
    QUOTE,
    THEME,
    WHERE,
    ItemsModel,
)
from briefgen.gui.widgets import ElidedComboBox, describe
from briefgen.library.destinations import document_names
from briefgen.pack.labels import kind_label


class ItemsView(QTreeView):
    """A flat, fast list (uniform row heights) where Space ticks or unticks the current item."""

    toggleRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and not event.modifiers():
            self.toggleRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ItemsPanel(QWidget):
    """Filters over the item list, the list itself, and the buttons that act on one item."""

    currentItemChanged = Signal(object)  # Item | None
    moveRequested = Signal(str, int)  # item id, step (-1 up, +1 down)

    def __init__(self, model: ItemsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.corpus: Corpus | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText("Words to find in the quotes")
        self.search.setClearButtonEnabled(True)
        describe(
            self.search,
            "Search items",
            "Narrows the list as you type to items containing every word (Ctrl+F).",
        )
        search_label = QLabel("&Search:")
        search_label.setBuddy(self.search)

        self.kind_filter = self._filter_combo("All kinds", "Kind filter", "Show one kind of item.")
        kind_label_widget = QLabel("Ki&nd:")
        kind_label_widget.setBuddy(self.kind_filter)
        self.org_filter = self._filter_combo(
            "All organisations", "Organisation filter", "Show items from one organisation."
        )
        org_label = QLabel("Fr&om:")
        org_label.setBuddy(self.org_filter)
        self.source_filter = self._filter_combo(
            "All documents", "Source document filter", "Show items from one source document."
        )
        # A title's start and its end (a year, a part) tell documents apart.
        self.source_filter.elide = Qt.TextElideMode.ElideMiddle
        source_label = QLabel("Do&cument:")
        source_label.setBuddy(self.source_filter)

        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        # Each filter's label sits above its box, so the row stays narrow at 200% text size.
        filters = QGridLayout()
        filters.setVerticalSpacing(0)
        for column, (label, combo) in enumerate(
            (
                (kind_label_widget, self.kind_filter),
                (org_label, self.org_filter),
                (source_label, self.source_filter),
            )
        ):
            filters.addWidget(label, 0, column)
            filters.addWidget(combo, 1, column)
            filters.setColumnStretch(column, 1)
        filters.setColumnStretch(2, 2)  # a document's name is the longest choice

        self.view = ItemsView()
        self.view.setModel(model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setAllColumnsShowFocus(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setWordWrap(True)
        # At least two items in view, whatever the text size: the source check shrinks first.
        self.view.setMinimumHeight(model.row_size.height() * 2 + self.fontMetrics().height() * 2)
        header = self.view.header()
        header.setStretchLastSection(True)
        header.setSectionsMovable(False)
        header.setMinimumSectionSize(self.fontMetrics().averageCharWidth() * 4)
        # Widths in characters of the user's font, so they grow with the text size.
        char = self.fontMetrics().averageCharWidth()
        widths = {INCLUDE: 8, KEY: 6, PART: 11, THEME: 13, KIND: 12, ORG: 13, WHERE: 13}
        for column in range(QUOTE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, char * widths[column])
        describe(
            self.view,
            "Items in the pack",
            "Every item the pack quotes, in the order it prints. Space includes or leaves out "
            "the current item; Ctrl+K marks it key (key items lead their theme); Ctrl+B moves "
            "it between a committee report's body and appendix; Alt+Up and Alt+Down move it "
            "within its theme; drag to reorder.",
        )

        self.toggle_button = QPushButton("Include or &leave out")
        describe(
            self.toggle_button,
            "Include or leave out",
            "Includes the current item in the pack, or leaves it out (Space in the list).",
        )
        self.key_button = QPushButton("Mark &key")
        describe(
            self.key_button,
            "Mark key or unmark",
            "Marks the current item key, or unmarks it (Ctrl+K): key items lead their theme.",
        )
        self.up_button = QPushButton("Move &up")
        describe(self.up_button, "Move up", "Moves the current item up within its theme (Alt+Up).")
        self.down_button = QPushButton("Move do&wn")
        describe(
            self.down_button,
            "Move down",
            "Moves the current item down within its theme (Alt+Down).",
        )
        self.count_label = QLabel()
        describe(self.count_label, "Item count", "How many items the pack includes.")

        # Two rows of two, so the panel stays narrow enough at 200% text size.
        buttons = QGridLayout()
        buttons.addWidget(self.toggle_button, 0, 0)
        buttons.addWidget(self.key_button, 0, 1)
        buttons.addWidget(self.up_button, 1, 0)
        buttons.addWidget(self.down_button, 1, 1)
        buttons.addWidget(self.count_label, 0, 2, 2, 1)
        buttons.setColumnStretch(2, 1)
        self.count_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        # Alt+Up/Alt+Down act while the focus is anywhere in this panel; as window shortcuts
        # they would take Alt+Down from every combo box, where it opens the list.
        # Space does it in the list itself (`ItemsView`); the menu names the key after a tab.
        self.toggle_action = QAction("&Include or leave out\tSpace", self)
        self.key_action = QAction("Mark as &key or unmark", self)
        self.key_action.setShortcut(QKeySequence("Ctrl+K"))
        self.key_action.setStatusTip(
            "Mark the current item key (it leads its theme), or unmark it."
        )
        self.part_action = QAction("Move to &body or appendix", self)
        self.part_action.setShortcut(QKeySequence("Ctrl+B"))
        self.part_action.setStatusTip(
            "Quote the current item in the committee report's body, or move it to Appendix A."
        )
        self.move_up_action = QAction("Move u&p", self)
        self.move_up_action.setShortcut(QKeySequence("Alt+Up"))
        self.move_down_action = QAction("Move do&wn", self)
        self.move_down_action.setShortcut(QKeySequence("Alt+Down"))
        actions = (self.key_action, self.part_action, self.move_up_action, self.move_down_action)
        for action in actions:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        # The commands on the current item, for the Edit menu.
        self.item_actions = [
            self.toggle_action,
            self.key_action,
            self.part_action,
            self.move_up_action,
            self.move_down_action,
        ]

        self.search.textChanged.connect(self._apply_filters)
        for combo in (self.kind_filter, self.org_filter, self.source_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.view.toggleRequested.connect(self.toggle_current)
        self.toggle_button.clicked.connect(self.toggle_current)
        self.toggle_action.triggered.connect(self.toggle_current)
        self.key_button.clicked.connect(self.toggle_key)
        self.key_action.triggered.connect(self.toggle_key)
        self.part_action.triggered.connect(self.toggle_part)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.move_up_action.triggered.connect(lambda: self._move(-1))
        self.move_down_action.triggered.connect(lambda: self._move(1))
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        model.countsChanged.connect(self._update_counts)
        model.modelReset.connect(self._after_reset)
        self._keep_id: str | None = None
        model.modelAboutToBeReset.connect(self._before_reset)
        self._update_buttons()

    def _filter_combo(self, everything: str, name: str, description: str) -> ElidedComboBox:
        # A long choice is shortened in the middle when closed, whole in its tooltip.
        combo = ElidedComboBox(name, description, widest=60)
        combo.addItem(everything, None)
        return combo

    def set_corpus(self, corpus: Corpus) -> None:
        """Fill the filters with the corpus's kinds, organisations and documents, keeping the
        ones chosen that it still has."""
        self.corpus = corpus
        names = document_names(corpus)  # a title two documents share says which library
        fills: list[tuple[ElidedComboBox, list[tuple[str, str]]]] = [
            (
                self.kind_filter,
                [
                    (kind_label(kind), kind)
                    for kind in ITEM_KINDS
                    if any(i.kind == kind for i in corpus.items)
                ],
            ),
            (self.org_filter, [(o.short, o.id) for o in corpus.organisations.values()]),
            (
                self.source_filter,
                [
                    (names[s.id], s.id)
                    for s in sorted(corpus.sources.values(), key=lambda s: s.order)
                ],
            ),
        ]
        for combo, entries in fills:
            # A reload (after each review decision, an item added, F5) keeps the officer's
            # filter while the content still has what it chose.
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for text, value in entries:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
            combo.blockSignals(False)
            combo.describe_choice()  # its name may be new (another library now has the title)
        self._apply_filters()

    def _apply_filters(self) -> None:
        def chosen(combo: QComboBox) -> tuple[str, ...]:
            value = combo.currentData()
            return (value,) if value else ()

        self.model.set_filters(
            kinds=chosen(self.kind_filter),
            orgs=chosen(self.org_filter),
            sources=chosen(self.source_filter),
            search=self.search.text(),
        )

    def clear_filters(self) -> None:
        for combo in (self.kind_filter, self.org_filter, self.source_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
            combo.describe_choice()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._apply_filters()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- the current item ------------------------------------------------------------------

    def current_item(self) -> Item | None:
        index = self.view.currentIndex()
        return self.model.item_at(index.row()) if index.isValid() else None

    def select_item(self, item_id: str) -> bool:
        """Make `item_id` the current row, if the filters show it."""
        row = self.model.visible_row(item_id)
        if row is None:
            return False
        index = self.model.index(row, INCLUDE)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        return True

    def toggle_current(self) -> None:
        index = self.view.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.model.includeToggled.emit(row.item.id, not row.included)

    def toggle_key(self) -> None:
        """Mark the current item key, or unmark it."""
        index = self.view.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.model.keyToggled.emit(row.item.id, not row.item.key)

    def toggle_part(self) -> None:
        """Move the current item between the committee report's body and Appendix A."""
        index = self.view.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.model.bodyToggled.emit(row.item.id, not row.in_body)

    def show_parts(self, shown: bool) -> None:
        """The Part column: Body or Appendix in a committee report, Quoted or Counted in a
        member briefing."""
        self.view.setColumnHidden(PART, not shown)

    def _move(self, step: int) -> None:
        item = self.current_item()
        if item is not None:
            self.moveRequested.emit(item.id, step)

    def _before_reset(self) -> None:
        item = self.current_item()
        self._keep_id = item.id if item else None

    def _after_reset(self) -> None:
        """Keep the current item across a refresh; else make the first one current, so the
        source check always shows something (the keyboard focus stays where it was)."""
        if not (self._keep_id and self.select_item(self._keep_id)):
            first = self.model.item_at(0)
            if first is None or not self.select_item(first.id):
                self.currentItemChanged.emit(None)
        self._update_buttons()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item_at(current.row()) if current.isValid() else None
        self._update_buttons()
        self.currentItemChanged.emit(item)

    def _update_buttons(self) -> None:
        has_item = self.current_item() is not None
        for widget in (self.toggle_button, self.key_button, self.up_button, self.down_button):
            widget.setEnabled(has_item)
        for action in self.item_actions:
            action.setEnabled(has_item)

    def _update_counts(self) -> None:
        model = self.model
        shown = len(model.visible) if model.filtering else None
        text = count_text(model.included_total(), len(model.rows), shown, model.quoted_total())
        self.count_label.setText(text)
        self.count_label.setAccessibleDescription(text)


def count_text(
    included: int, total: int, shown: int | None = None, quoted: int | None = None
) -> str:
    """ "24 of 31 items included", how many of them a member briefing quotes ("9 quoted"),
    and how many the filters show when they hide some."""
    noun = "item" if total == 1 else "items"
    text = f"{included} of {total} {noun} included"
    if quoted is not None and quoted != included:
        text += f", {quoted} quoted"
    if shown is not None and shown != total:
        text += f" ({shown} shown)"
    return text
