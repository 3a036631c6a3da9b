"""The main window: choose themes, audience and layout, fill in the meeting details, check
and order the items, watch the preview, save the pack and export it.

The window holds one `PackSpec` (what a pack file saves). Every control edits it through the
core (`briefgen.pack.editing`); its widgets are laid out by `window_layout` and kept in step
with the spec by `pack_controls`, its commands made by `actions`, its files handled by
`pack_files` and its exports by `exporting`; the preview and exports are rendered by workers
from a copy of the spec.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack

from briefgen.content import Corpus, open_corpus
from briefgen.export import PreviewResult
from briefgen.gui import dialogs
from briefgen.gui.actions import WindowActions
from briefgen.gui.curation import Curation
from briefgen.gui.draft_check import check_a_draft
from briefgen.gui.exporting import Exports
from briefgen.gui.import_dialog import import_into_library
from briefgen.gui.pack_controls import PackControls
from briefgen.gui.pack_files import PackFiles
from briefgen.gui.preview import DEBOUNCE_MS, PreviewController
from briefgen.gui.printing import Printing
from briefgen.gui.settings import app_settings
from briefgen.gui.team_folders import TeamFoldersDialog, open_team_folders
from briefgen.gui.workers import TaskRunner
from briefgen.library.folders import library_folders
from briefgen.pack import PackSpec, missing_items
from briefgen.pack.editing import ItemRow, missing_notice, tidy_spec
from briefgen.recovery import RecoveryStore


class MainWindow(PackControls):
    """One pack, being prepared."""

    corpusLoaded = Signal()
    previewShown = Signal(object)  # PreviewResult: the full preview, what the export writes
    firstPagesShown = Signal(object)  # PreviewResult: the first preview pages on screen
    exportFinished = Signal(object)  # ExportResult
    exportFailed = Signal(str)

    def __init__(
        self,
        corpus: Corpus | None = None,
        content_dir: Path | None = None,
        settings: QSettings | None = None,
        recovery: RecoveryStore | None = None,
        preview_delay_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__()
        self.settings = settings if settings is not None else app_settings()
        self.content_dir = content_dir
        self.corpus: Corpus | None = None
        self.team_folders_dialog: TeamFoldersDialog | None = None  # File > Team folders…
        self.spec = PackSpec()
        self.path: Path | None = None
        self.rows: list[ItemRow] = []
        self._loading_spec = False
        # The spec as the last change left it: the "before" of the next undoable change.
        self._snapshot = PackSpec()
        self.undo_stack = QUndoStack(self)

        self.tasks = TaskRunner(parent=self)
        self.preview = PreviewController(preview_delay_ms, self)
        self.commands = WindowActions(self)
        self.commands.add_menus(self.items_panel.item_actions)
        self.files = PackFiles(
            self, self.settings, recovery if recovery is not None else RecoveryStore()
        )
        self.exports = Exports(self, self.settings)
        self.curation = Curation(self)  # review suggested items, add a passage as an item
        self.printing = Printing(self)
        self._connect()

        self.restore_layout(self.settings)
        self.update_title()
        self.set_ready(False)
        if corpus is not None:
            self._corpus_ready(corpus)
        else:
            self.load_content()

    def _connect(self) -> None:
        actions, files, exports = self.commands, self.files, self.exports
        actions.new.triggered.connect(files.new_pack)
        actions.open.triggered.connect(files.open_pack)
        actions.recent_menu.aboutToShow.connect(files.fill_recent_menu)
        actions.save.triggered.connect(files.save)
        actions.save_as.triggered.connect(files.save_as)
        actions.export.triggered.connect(lambda: exports.export())
        for format_name, action in actions.export_as.items():
            action.triggered.connect(lambda _=False, name=format_name: exports.export(name))
        actions.export_audiences.triggered.connect(exports.export_audiences)
        actions.reload.triggered.connect(lambda: self.load_content())
        actions.team_folders.triggered.connect(lambda: open_team_folders(self))
        actions.import_document.triggered.connect(lambda: import_into_library(self))
        actions.check_draft.triggered.connect(lambda: check_a_draft(self))
        actions.quit.triggered.connect(self.close)
        actions.print.triggered.connect(self.printing.print_pack)
        actions.print_preview.triggered.connect(self.printing.preview_print)
        actions.undo.triggered.connect(self.undo_stack.undo)
        actions.redo.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(actions.undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(actions.redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: actions.describe_undo(actions.undo, "Undo", text)
        )
        self.undo_stack.redoTextChanged.connect(
            lambda text: actions.describe_undo(actions.redo, "Redo", text)
        )
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        actions.find.triggered.connect(self.focus_search)
        actions.clear_filters.triggered.connect(self.items_panel.clear_filters)
        actions.shortcuts.triggered.connect(lambda: dialogs.show_shortcuts(self))
        actions.about.triggered.connect(lambda: dialogs.show_about(self))

        self.layout_combo.currentIndexChanged.connect(self._layout_changed)
        self.audience_combo.currentIndexChanged.connect(self._audience_changed)
        self.theme_list.itemChanged.connect(self._themes_changed)
        self.select_all_button.clicked.connect(lambda: self._tick_all_themes(True))
        self.clear_themes_button.clicked.connect(lambda: self._tick_all_themes(False))
        self.meeting_form.changed.connect(self._forms_changed)
        self.officer_form.changed.connect(self._forms_changed)
        self.model.includeToggled.connect(self._include_toggled)
        self.model.moveRequested.connect(self._move_to)
        self.items_panel.moveRequested.connect(self._move_by)
        self.model.keyToggled.connect(self._key_toggled)
        self.model.bodyToggled.connect(self._body_toggled)
        self.items_panel.currentItemChanged.connect(self._show_source)

        self.preview.started.connect(self.preview_pane.show_busy)
        self.preview.updated.connect(self._preview_ready)
        self.preview.failed.connect(self.preview_pane.show_error)

    # --- content ---------------------------------------------------------------------------

    def load_content(self) -> None:
        """Load (or reload) the content folder off the GUI thread."""
        self.set_ready(False)
        self.statusBar().showMessage("Loading the content…")
        self.preview_pane.show_waiting("Loading the content…")
        content_dir = self.content_dir
        self.tasks.start(
            lambda: open_corpus(library_folders(content_dir)),
            self._corpus_ready,
            self._corpus_failed,
            doing="loading the content",
        )

    def _corpus_ready(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.items_panel.set_corpus(corpus)
        notes = tidy_spec(corpus, self.spec)
        self._snapshot = copy.deepcopy(self.spec)
        self._show_spec()
        self.set_ready(True)
        self.statusBar().showMessage(
            f"Content loaded: {len(corpus.items)} items from {len(corpus.sources)} documents.",
            5000,
        )
        self._report_problems(notes)
        self.preview.request(corpus, self.spec, at_once=True)
        self.corpusLoaded.emit()

    def _corpus_failed(self, message: str) -> None:
        self.statusBar().showMessage("The content could not be loaded.")
        self.preview_pane.show_waiting("No preview: the content could not be loaded.")
        actions = [("Reload content", "Reads the content folder again.", self.load_content)]
        if "team folder" in message:  # a share not connected: the list is one click away
            team = ("Team folders…", "Lists the team folders.", lambda: open_team_folders(self))
            actions.append(team)
        self.notice.show_notice(
            "warning",
            "The content could not be loaded.",
            f"{message}\nFix the files named above, then choose File > Reload content (F5).",
            actions,
        )

    def set_ready(self, ready: bool) -> None:
        """Enable the controls once there is content, and exports while none is running."""
        for widget in (self.layout_combo, self.audience_combo, self.theme_list, self.tabs):
            widget.setEnabled(ready)
        for action in self.commands.exports:
            action.setEnabled(ready and self.exports.exporting is None)
        for action in (self.commands.print, self.commands.print_preview, self.commands.check_draft):
            action.setEnabled(ready)

    # --- the pack in the window ------------------------------------------------------------

    def show_pack(self, spec: PackSpec, path: Path | None, modified: bool = False) -> None:
        """Put `spec` (from the file `path`, if any) in the window in place of the current pack,
        telling the officer about anything in it the content no longer has."""
        self.notice.hide()
        self.spec = spec
        self.path = path
        notes = tidy_spec(self.corpus, spec) if self.corpus is not None else []
        self._snapshot = copy.deepcopy(spec)
        self.undo_stack.clear()
        self.items_panel.clear_filters()
        self._show_spec()
        self.setWindowModified(modified)
        self.files.replaced(modified)
        self._report_problems(notes)
        if self.corpus is not None:
            self.preview.request(self.corpus, self.spec, at_once=True)

    def _report_problems(self, notes: list[str]) -> None:
        """Tell the officer about anything in the pack the content no longer has."""
        if self.corpus is None:
            return
        missing = missing_items(self.corpus, self.spec)
        parts = []
        if missing:
            parts.append(missing_notice(missing))
        if notes:
            parts.append("Also: " + "; ".join(notes) + ".")
        if parts:
            self.notice.show_notice("warning", "Some of this pack has changed.", " ".join(parts))

    def _preview_ready(self, result: PreviewResult) -> None:
        self.preview_pane.show_result(result)
        self.firstPagesShown.emit(result)
        if not result.partial:
            self.previewShown.emit(result)

    def _show_source(self, item: Any) -> None:
        if self.corpus is not None:
            self.source_view.show_item(self.corpus, item)

    def focus_items(self) -> None:
        """The item list, with the keyboard focus (after opening a pack)."""
        self.tabs.setCurrentIndex(0)
        self.items_panel.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.items_panel.focus_search()

    # --- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_discard():
            event.ignore()
            return
        if self.exports.exporting is not None:
            self.statusBar().showMessage("Finishing the export before closing…")
            self.tasks.wait()
        self.curation.close_all()  # the last decisions and items written before the app goes
        self.files.finish()  # an autosave still queued would leave a recovery file
        self.files.recovery.discard()
        self.save_layout(self.settings)
        event.accept()
