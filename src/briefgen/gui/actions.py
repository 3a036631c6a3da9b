"""The window's commands: the actions with their shortcuts and descriptions, the menus and the
toolbar that show them. The window connects them to what they do.

Menus are built here from lists, so a new command (an import, a review) is one action and one
line in `add_menus`. Mnemonics are unique within each menu (a test checks).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar

from briefgen.render import FORMATS, document_formats


class WindowActions:
    """Every command of the main window, as a `QAction` the window owns (so its shortcut works
    wherever the focus is)."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        pixmap = QStyle.StandardPixmap
        formats = document_formats()
        self.new = self._action(
            "&New", QKeySequence.StandardKey.New, "Start a new pack.", pixmap.SP_FileIcon
        )
        self.open = self._action(
            "&Open…", QKeySequence.StandardKey.Open, "Open a saved pack.", pixmap.SP_DirOpenIcon
        )
        self.import_document = self._action(
            "&Import document…", None, "Add a PDF, Word or text document to your library."
        )
        self.team_folders = self._action(
            "Team &folders…",
            None,
            "List, add, rename or remove the team folders (shared libraries) briefgen reads.",
        )
        self.save = self._action(
            "&Save", QKeySequence.StandardKey.Save, "Save the pack.", pixmap.SP_DialogSaveButton
        )
        self.save_as = self._action("Save &as…", "Ctrl+Shift+S", "Save the pack under a new name.")
        uses = " or ".join(f"{FORMATS[name].name} ({FORMATS[name].use})" for name in formats)
        self.export = self._action(
            "&Export…", "Ctrl+E", f"Export the pack as {uses}.", pixmap.SP_ArrowForward
        )
        # One "Export as" command per format of finished document the registry offers.
        self.export_as = {
            name: self._action(
                f"Export as &{FORMATS[name].name}…",
                None,
                f"Export the pack as a {FORMATS[name].file_type}.",
            )
            for name in formats
        }
        self.export_audiences = self._action(
            "Export for several a&udiences…",
            None,
            "Export a file for each audience you tick, each built as if exported on its own.",
        )
        self.print = self._action(
            "Prin&t…",
            QKeySequence.StandardKey.Print,
            "Print the pack: exactly the PDF the export writes.",
        )
        self.print_preview = self._action(
            "Print pre&view…", None, "See the pages as they will print, then print them."
        )
        self.check_draft = self._action(
            "&Check a Word draft…",
            None,
            "Check an edited Word draft: does every quotation still match its source?",
        )
        self.undo = self._action("&Undo", QKeySequence.StandardKey.Undo, "Undo the last change.")
        # Ctrl+Y everywhere (the standard key is Ctrl+Shift+Z on Linux); Ctrl+Shift+Z as well.
        self.redo = self._action("&Redo", "Ctrl+Y", "Redo the change just undone.")
        self.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for action in (self.undo, self.redo):
            action.setEnabled(False)
        self.reload = self._action(
            "Reloa&d content", "F5", "Read the content folder again (after editing it)."
        )
        self.quit = self._action("&Quit", QKeySequence.StandardKey.Quit, "Close briefgen.")
        self.find = self._action("&Find items…", QKeySequence.StandardKey.Find, "Search the items.")
        self.clear_filters = self._action("&Clear filters", None, "Show every item again.")
        self.shortcuts = self._action(
            "&Keyboard shortcuts", QKeySequence.StandardKey.HelpContents, "List the shortcuts."
        )
        self.about = self._action("&About briefgen", None, "About briefgen.")
        self.recent_menu = QMenu("Open &recent", window)

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        description: str,
        icon: Any = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(description)
        action.setToolTip(
            f"{text.replace('&', '').rstrip('…')} ({action.shortcut().toString()})"
            if shortcut
            else description
        )
        if icon is not None:
            action.setIcon(self.window.style().standardIcon(icon))
        self.window.addAction(action)
        return action

    @staticmethod
    def describe_undo(action: QAction, verb: str, change: str) -> None:
        """ "Undo Change the themes": the menu names the change Ctrl+Z or Ctrl+Y would undo."""
        what = change[:1].lower() + change[1:]
        action.setText(f"&{verb} {what}" if change else f"&{verb}")
        action.setStatusTip(f"{verb} the last change: {what}." if change else "")

    @property
    def exports(self) -> list[QAction]:
        """The export commands, enabled together."""
        return [self.export, *self.export_as.values(), self.export_audiences]

    def add_menus(self, item_actions: list[QAction]) -> None:
        """The menu bar (File, Edit with `item_actions` last, Help) and the toolbar."""
        window = self.window
        menu_bar = window.menuBar()
        file_menu = menu_bar.addMenu("&File")
        file_menu.addAction(self.new)
        file_menu.addAction(self.open)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.import_document)
        file_menu.addAction(self.save)
        file_menu.addAction(self.save_as)
        file_menu.addSeparator()
        for action in self.exports:
            file_menu.addAction(action)
        file_menu.addAction(self.print)
        file_menu.addAction(self.print_preview)
        file_menu.addAction(self.check_draft)
        file_menu.addSeparator()
        file_menu.addAction(self.reload)
        file_menu.addAction(self.team_folders)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = menu_bar.addMenu("&Edit")
        edit_menu.addAction(self.undo)
        edit_menu.addAction(self.redo)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find)
        edit_menu.addAction(self.clear_filters)
        edit_menu.addSeparator()
        for action in item_actions:
            edit_menu.addAction(action)
        help_menu = menu_bar.addMenu("&Help")
        help_menu.addAction(self.shortcuts)
        help_menu.addAction(self.about)

        toolbar = QToolBar("Main toolbar", window)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new, self.open, self.save):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.export)
        window.addToolBar(toolbar)
