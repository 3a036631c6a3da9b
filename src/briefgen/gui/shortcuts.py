"""Help → Keyboard shortcuts: every key of the window, the review of suggested items and the
quote's shaping, grouped, in a dialog that fits the screen and scrolls (a message box listing
them grew taller than a laptop's screen at 200% text). `SHORTCUTS` is the same list as text."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefgen.gui.span_words import shortcut_rows
from briefgen.gui.widgets import describe, fit_on_screen

# (heading, ((keys, what they do), …)), in the order an officer meets them.
SECTIONS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "The window",
        (
            ("Ctrl+N", "new pack"),
            ("Ctrl+O", "open a pack"),
            ("Ctrl+S", "save"),
            ("Ctrl+Shift+S", "save as"),
            ("Ctrl+E", "export as PDF or Word"),
            ("Ctrl+P", "print"),
            ("Ctrl+F", "search the items"),
            ("Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z)", "undo / redo a change to the pack"),
            ("Space", "include or leave out the current item"),
            ("Ctrl+K", "mark the current item key (it leads its theme), or unmark it"),
            ("Ctrl+B", "move the current item to the report's body or appendix"),
            ("Alt+Up / Alt+Down", "move the current item within its theme"),
            ("Ctrl+Shift+R", "review the items briefgen suggests from a document"),
            ("Ctrl+Shift+I", "add the passage selected in the source as an item"),
            ("Ctrl+Tab / Ctrl+Shift+Tab", "switch tabs"),
            ("Alt+I, Alt+D, Alt+X", "go to a tab"),
            ("F5", "reload the content"),
            ("F1", "this list"),
            ("Ctrl+Q", "quit"),
            ("Alt + underlined letter", "go to that field"),
        ),
    ),
    (
        "Reviewing suggested items (in the list)",
        (
            ("A or Enter", "accept the suggestion with the fields as shown"),
            ("R", "reject it: it is not suggested again"),
            ("S", "skip it for now"),
            ("Ctrl+Z", "undo the last decision"),
        ),
    ),
    (
        "Shaping a quote (the review, Add as item)",
        (
            *shortcut_rows(),
            ("Shift+F10 or the Menu key", "these commands in a menu (in the source text)"),
        ),
    ),
)

SHORTCUTS = "\n\n".join(
    f"{heading}:\n" + "\n".join(f"{keys}  {what}" for keys, what in rows)
    for heading, rows in SECTIONS
)


class ShortcutsDialog(QDialog):
    """The keys in a two-column list under their headings, read a row at a time by a screen
    reader ("Ctrl+N, new pack"); it scrolls where the screen is short."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.table = QTreeWidget()
        self.table.setColumnCount(2)
        self.table.setHeaderLabels(["Keys", "What they do"])
        self.table.setRootIsDecorated(False)
        self.table.setItemsExpandable(False)
        self.table.setWordWrap(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        about = "Every key briefgen answers to, under " + ", ".join(h for h, _ in SECTIONS) + "."
        describe(self.table, "Keyboard shortcuts", about, tooltip=False)
        for heading, rows in SECTIONS:
            section = QTreeWidgetItem([heading])
            font = section.font(0)
            font.setBold(True)
            section.setFont(0, font)
            section.setFirstColumnSpanned(True)
            self.table.addTopLevelItem(section)
            for keys, what in rows:
                row = QTreeWidgetItem([keys, what])
                row.setToolTip(1, what)  # whole, should a small screen cut it short
                section.addChild(row)
        self.table.expandAll()
        self.table.setIndentation(0)
        header = self.table.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        # As wide as the longest keys (not the headings, which span both columns).
        metrics = self.table.fontMetrics()
        keys_width = max(
            metrics.horizontalAdvance(keys) for _, rows in SECTIONS for keys, _ in rows
        )
        self.table.setColumnWidth(0, keys_width + metrics.averageCharWidth() * 3)
        first = self.table.topLevelItem(0)
        start = first.child(0) if first is not None else None
        if start is not None:  # the first key, not its heading, is where reading starts
            self.table.setCurrentItem(start)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        # As wide as the longest line needs (the screen allowing), as tall as the list.
        widest = max(metrics.horizontalAdvance(what) for _, rows in SECTIONS for _, what in rows)
        width = self.table.columnWidth(0) + widest + metrics.averageCharWidth() * 8
        lines = sum(len(rows) + 1 for _, rows in SECTIONS)
        fit_on_screen(self, width, self.table.sizeHintForRow(1) * (lines + 1) + 100)
