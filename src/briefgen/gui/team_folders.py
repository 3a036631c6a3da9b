"""File → Team folders…: the team folders of `libraries.yaml` with each one's name, state and
folder; Add… lists another (a library, or an empty folder to start one), Rename names one
anew in place, Remove takes one off the list without touching its files. Every change is made
by the core (`library.team_edits`, as `briefgen libraries` makes it) on a worker, as is each
look at a folder: a network share that has gone can take a minute to answer. After a change
the window reloads its content, as after an import."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefgen.gui import dialogs
from briefgen.gui.settings import documents_folder
from briefgen.gui.widgets import describe, fit_on_screen
from briefgen.gui.workers import TaskRunner
from briefgen.library.team_edits import add_team_folder, remove_team_folder, rename_team_folder
from briefgen.library.team_settings import (
    FolderState,
    TeamFolder,
    folder_state,
    read_team_folders,
    settings_path,
)

LAST_PLACE_KEY = "lastTeamFolderPlace"  # the folder holding the team folder added last
NAME, STATE, FOLDER = range(3)
INTRO = (
    "Team folders are libraries your team shares, usually on a network drive. briefgen reads "
    "their documents and items beside your own, and File > Import document… can add to them."
)
REMOVE_NOTE = (
    "Removing a folder only takes it off this list: no file in it is deleted, and colleagues "
    "who list it still read it."
)
CHECKING = "Checking…"


class TeamFoldersDialog(QDialog):
    """The list of team folders and the three changes an officer makes to it."""

    changed = Signal()  # the list was changed: the content is read again
    listed = Signal()  # the list is shown (the folders' states may still be checked)
    checked = Signal()  # every listed folder's state is shown
    failed = Signal(str)  # a change was refused, or the settings could not be read

    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        from briefgen.gui.settings import app_settings

        self.settings = settings if settings is not None else app_settings()
        self.tasks = TaskRunner(parent=self)
        self.folders: tuple[TeamFolder, ...] = ()
        self.states: dict[str, FolderState] = {}  # by folder, kept while the dialog is open
        self._listing = 0  # the latest request for the list; older answers are dropped
        self._busy = False
        self._select = ""  # the folder to select once the list is shown again
        self.setWindowTitle("Team folders")

        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Name", "State", "Folder"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a path keeps both ends
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)  # F2
        self.tree.header().setStretchLastSection(True)
        line = self.fontMetrics().height()
        self.tree.setIconSize(QSize(line, line))  # the state's sign grows with the text
        describe(
            self.tree,
            "Team folders",
            "Each team folder's name, whether it can be reached, and its folder. F2 renames the "
            "one selected; Delete removes it from the list.",
            tooltip=False,
        )
        list_label = QLabel("&Team folders read:")
        list_label.setBuddy(self.tree)

        self.add_button = QPushButton("&Add…")
        describe(self.add_button, "Add…", "Choose a team's library folder to read.")
        self.rename_button = QPushButton("&Rename")
        describe(self.rename_button, "Rename", "Give the selected team folder another name.")
        self.remove_button = QPushButton("Re&move")
        describe(
            self.remove_button,
            "Remove",
            "Stop reading the selected team folder. Its files are not deleted.",
        )
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.remove_button):
            button.setAutoDefault(False)  # Enter in the list is not Add…
            buttons.addWidget(button)
        buttons.addStretch(1)

        note = QLabel(REMOVE_NOTE)
        note.setWordWrap(True)
        describe(note, REMOVE_NOTE, tooltip=False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # a folder's name is never markup
        describe(self.status, "Status", tooltip=False)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close_button = close.button(QDialogButtonBox.StandardButton.Close)
        describe(close_button, "Close", "Close this window.")

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(list_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(note)
        layout.addSpacing(self.fontMetrics().height() // 3)
        layout.addWidget(self.status)
        layout.addSpacing(self.fontMetrics().height() // 3)
        layout.addWidget(self.where)
        layout.addWidget(close)

        self.add_button.clicked.connect(self.add_folder)
        self.rename_button.clicked.connect(self.start_rename)
        self.remove_button.clicked.connect(self.remove_selected)
        self.tree.itemSelectionChanged.connect(self._enable)
        self.tree.itemChanged.connect(self._renamed)
        remove = QAction("Remove from the list", self.tree)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_selected)
        self.tree.addAction(remove)
        self._size()
        self._enable()

    def _size(self) -> None:
        """Wide enough for a name, a state and a share's path, in the user's font: at 200%
        text it grows with it (to the screen's edge at most)."""
        metrics = self.fontMetrics()
        width = metrics.averageCharWidth() * 90
        self.tree.setMinimumHeight(metrics.height() * 6)
        layout = self.layout()
        if layout is not None:
            layout.activate()
        fit_on_screen(self, max(width, self.sizeHint().width()), self.sizeHint().height())

    # --- the list --------------------------------------------------------------------------

    def refresh(self, select: str = "", again: bool = True) -> None:
        """Read the list again (off the GUI thread: a relative folder is resolved on disk) and
        show it; `again` looks at every folder again too. `select` is the folder to select."""
        self._listing += 1
        listing = self._listing
        self._select = select
        if again:
            self.states.clear()
        where = settings_path()
        self.where.setText(f"The list is kept in {where}.")
        self.tasks.start(
            read_team_folders,
            lambda folders: self._show(listing, folders),
            lambda message: self._unreadable(listing, message),
            doing="reading the team folders",
        )

    def _show(self, listing: int, folders: tuple[TeamFolder, ...]) -> None:
        if listing != self._listing:
            return
        self.folders = folders
        selected = self._select or self._selected_folder()
        self.tree.blockSignals(True)  # filling it is not a rename
        self.tree.clear()
        for folder in folders:
            row = QTreeWidgetItem(["", "", ""])
            row.setText(NAME, folder.name)
            row.setText(FOLDER, str(folder.path))
            row.setToolTip(FOLDER, str(folder.path))
            row.setData(NAME, Qt.ItemDataRole.UserRole, str(folder.path))
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsEditable)
            self._show_state(row, self.states.get(str(folder.path)))
            self.tree.addTopLevelItem(row)
        self.tree.blockSignals(False)
        self._fit_columns()
        rows = self._rows()
        chosen = next((r for r in rows if r.data(NAME, Qt.ItemDataRole.UserRole) == selected), None)
        if chosen is None and rows:
            chosen = rows[0]
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        if not folders and not self._busy and not self.status.text():
            self._say(
                "No team folders are listed yet. Choose Add… to read the folder your team "
                "shares (ask a colleague or IT where it is)."
            )
        self._enable()
        self.listed.emit()
        self._check_states()

    def _unreadable(self, listing: int, message: str) -> None:
        if listing != self._listing:
            return
        self.folders = ()
        self.tree.clear()
        self._say_error("The list of team folders cannot be read.", message)
        self._enable()
        self.add_button.setEnabled(False)  # writing it would meet the same problem

    def _check_states(self) -> None:
        """Look at each folder whose state is not known, each on its own worker: one share
        that does not answer does not hold up the others."""
        unknown = [f for f in self.folders if str(f.path) not in self.states]
        if not unknown:
            self.checked.emit()
            return
        for folder in unknown:
            self.tasks.start(
                partial(folder_state, folder),
                partial(self._checked, folder),
                partial(self._unchecked, folder),
                doing="looking at a team folder",
            )

    def _unchecked(self, folder: TeamFolder, message: str) -> None:
        self._checked(folder, FolderState("missing", "Cannot be read", message))

    def _checked(self, folder: TeamFolder, state: FolderState) -> None:
        self.states[str(folder.path)] = state
        for row in self._rows():
            if row.data(NAME, Qt.ItemDataRole.UserRole) == str(folder.path):
                self.tree.blockSignals(True)
                self._show_state(row, state)
                self.tree.blockSignals(False)
        self._fit_columns()
        if all(str(f.path) in self.states for f in self.folders):
            self.checked.emit()

    def _show_state(self, row: QTreeWidgetItem, state: FolderState | None) -> None:
        """The state in words (never colour alone) after a sign: a tick, a note where it is
        read-only, a warning where it needs action."""
        row.setText(STATE, state.label if state is not None else CHECKING)
        row.setToolTip(STATE, state.detail if state is not None else "")
        key = state.key if state is not None else ""
        row.setIcon(STATE, self._sign(key))
        warn = key in ("missing", "not a library")
        if warn and state is not None and not self._busy and not self.status.text():
            self._say(state.detail)

    def _sign(self, key: str) -> QIcon:
        pixmap = QStyle.StandardPixmap
        signs = {
            "reachable": pixmap.SP_DialogApplyButton,
            "read-only": pixmap.SP_MessageBoxInformation,
            "missing": pixmap.SP_MessageBoxWarning,
            "not a library": pixmap.SP_MessageBoxWarning,
        }
        return self.style().standardIcon(signs[key]) if key in signs else QIcon()

    def _fit_columns(self) -> None:
        """The name and state as wide as their longest, with a gap of a letter or two after
        each; the dialog widened, up to the screen's edge, so the folders show whole."""
        gap = self.fontMetrics().horizontalAdvance("MM")
        for column in (NAME, STATE):
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, self.tree.columnWidth(column) + gap)
        longest = max(
            [self.tree.fontMetrics().horizontalAdvance(str(f.path)) for f in self.folders] or [0]
        )
        wanted = self.tree.columnWidth(NAME) + self.tree.columnWidth(STATE) + longest + 2 * gap
        missing = wanted - self.tree.viewport().width()
        if missing > 0:
            fit_on_screen(self, self.width() + missing, self.height())

    def _rows(self) -> list[QTreeWidgetItem]:
        rows = (self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount()))
        return [row for row in rows if row is not None]

    def _selected_folder(self) -> str:
        row = self.tree.currentItem()
        return str(row.data(NAME, Qt.ItemDataRole.UserRole)) if row is not None else ""

    def selected(self) -> TeamFolder | None:
        """The team folder selected in the list."""
        path = self._selected_folder()
        return next((f for f in self.folders if str(f.path) == path), None)

    def _enable(self) -> None:
        chosen = self.selected() is not None and not self._busy
        self.add_button.setEnabled(not self._busy)
        self.rename_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # --- changes ---------------------------------------------------------------------------

    def add_folder(self) -> None:
        """Ask for a folder and list it, once the core has looked at it on a worker."""
        if self._busy:
            return
        # Not checked to be there: on a share that has gone, that would freeze the window.
        place = str(self.settings.value(LAST_PLACE_KEY, "") or "") or documents_folder()
        chosen = dialogs.ask_team_folder(self, place)
        if chosen is None:
            return
        self.settings.setValue(LAST_PLACE_KEY, str(chosen.parent))
        self._change(
            f"Looking at {chosen}…",
            lambda: add_team_folder(chosen),
            lambda added: (
                f"Added '{added.name}' ({added.path}). The content is being read again; its "
                "documents are listed once it has been."
            ),
        )

    def start_rename(self) -> None:
        """Edit the selected folder's name in place (Enter keeps it, Escape leaves it)."""
        row = self.tree.currentItem()
        if row is not None and not self._busy:
            self.tree.setFocus()
            self.tree.editItem(row, NAME)
            self._say("Type the new name, then press Enter (Escape keeps the name it has).")

    def _renamed(self, row: QTreeWidgetItem, column: int) -> None:
        if column != NAME:
            return
        folder = next(
            (f for f in self.folders if str(f.path) == row.data(NAME, Qt.ItemDataRole.UserRole)),
            None,
        )
        name = " ".join(row.text(NAME).split())
        if folder is None or name == folder.name:
            self.tree.blockSignals(True)
            row.setText(NAME, folder.name if folder is not None else name)
            self.tree.blockSignals(False)
            return
        self._change(
            f"Renaming '{folder.name}'…",
            lambda: rename_team_folder(str(folder.path), name),
            lambda renamed: f"'{folder.name}' is now named '{renamed.name}'.",
        )

    def remove_selected(self) -> None:
        """Take the selected folder off the list (its files stay as they are)."""
        folder = self.selected()
        if folder is None or self._busy:
            return
        self._change(
            f"Removing '{folder.name}' from the list…",
            lambda: remove_team_folder(str(folder.path)),
            lambda removed: (
                f"'{removed.name}' is no longer read. Its folder, {removed.path}, and the files "
                "in it are untouched; Add… lists it again."
            ),
            select="",
        )

    def _change(self, doing: str, change: Any, said: Any, select: str | None = None) -> None:
        """Run `change` on a worker; then say `said(result)`, show the list again and have the
        content read again. A refusal is said and nothing is changed."""
        self._busy = True
        self._enable()
        self._say(doing)

        def done(result: TeamFolder) -> None:
            self._busy = False
            self._enable()
            self._say(said(result))
            self.refresh(str(result.path) if select is None else select, again=False)
            self.changed.emit()

        def refused(message: str) -> None:
            self._busy = False
            self._enable()
            self._say_error("Nothing was changed.", message)
            self.refresh(again=False)  # a name typed in place goes back to the one listed
            self.failed.emit(message)

        self.tasks.start(change, done, refused, doing="changing the team folders")

    def _say(self, text: str, error: bool = False) -> None:
        """Say what happened under the list; a refusal in dark red, after its headline."""
        self.status.setText(text)
        self.status.setStyleSheet("color: #a00000" if error else "")

    def _say_error(self, headline: str, message: str) -> None:
        self._say(f"{headline} {message[:1].upper()}{message[1:]}.", error=True)

    def open_fresh(self) -> None:
        """Show the dialog with the list and every folder's state read again."""
        self._say("")
        self.refresh()
        self.open()
        self.tree.setFocus()


def open_team_folders(window: Any) -> None:
    """File → Team folders…: one dialog per window, its list read afresh each time; a change
    reloads the window's content (so the import's Add to box lists it too)."""
    dialog = getattr(window, "team_folders_dialog", None)
    if dialog is None:
        dialog = TeamFoldersDialog(window, window.settings)
        dialog.changed.connect(window.load_content)
        window.team_folders_dialog = dialog
    dialog.open_fresh()
