"""The main window: choose themes, audience and layout, fill in the meeting details, check
and order the items, watch the preview, save the pack and export it.

The window holds one `PackSpec` (what a pack file saves). Every control edits it through the
core (`briefgen.pack.editing`); its widgets are laid out by `window_layout`, its commands made
by `actions`, its files handled by `pack_files` and its exports by `exporting`; the preview
and exports are rendered by workers from a copy of the spec.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QApplication

from briefgen.content import Corpus, open_corpus
from briefgen.export import PreviewResult
from briefgen.filenames import untitled_pack
from briefgen.gui import dialogs
from briefgen.gui.actions import WindowActions
from briefgen.gui.curation import Curation
from briefgen.gui.draft_check import check_a_draft
from briefgen.gui.exporting import Exports
from briefgen.gui.import_dialog import import_into_library
from briefgen.gui.pack_files import PackFiles
from briefgen.gui.preview import DEBOUNCE_MS, PreviewController
from briefgen.gui.printing import Printing
from briefgen.gui.settings import app_settings
from briefgen.gui.undo import SpecChange
from briefgen.gui.window_layout import WindowLayout
from briefgen.gui.workers import TaskRunner
from briefgen.library.folders import library_folders
from briefgen.pack import PackSpec, missing_items
from briefgen.pack.editing import (
    ItemRow,
    item_rows,
    missing_notice,
    move_item,
    move_item_to,
    set_in_body,
    set_included,
    set_key,
    theme_counts,
    tidy_spec,
)
from briefgen.pack.packfile import SUFFIX
from briefgen.recovery import RecoveryStore


class MainWindow(WindowLayout):
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
        self.notice.show_notice(
            "warning",
            "The content could not be loaded.",
            f"{message}\nFix the files named above, then choose File > Reload content (F5).",
            [("Reload content", "Reads the content folder again.", self.load_content)],
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

    def commit_forms(self) -> PackSpec:
        """The spec with what is typed in the forms stored in it (before a save or an export)."""
        self.meeting_form.store(self.spec)
        self.officer_form.store(self.spec)
        return self.spec

    def _show_spec(self) -> None:
        """Show `self.spec` in every control, without counting it as a change."""
        self._loading_spec = True
        spec = self.spec
        for combo, value in (
            (self.layout_combo, spec.layout),
            (self.audience_combo, spec.audience),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        self.meeting_form.load(spec)
        self.officer_form.load(spec)
        if self.corpus is not None:
            self._fill_themes()
            self._refresh_rows()
        self._loading_spec = False
        self.update_title()
        self.update_start_hint()

    def update_start_hint(self) -> None:
        """The how-to-start hint, while a new pack has no themes and nothing was exported yet."""
        fresh = self.path is None and not self.spec.themes and not self.isWindowModified()
        self.start_hint.setVisible(fresh and not self.settings.value("hasExported", False, bool))

    def _fill_themes(self) -> None:
        """The theme checklist, with how many items each theme gives the current audience."""
        assert self.corpus is not None
        counts = theme_counts(self.corpus, self.spec.audience)
        self.show_themes(self.corpus.themes.values(), counts, self.spec.themes)

    def _refresh_rows(self) -> None:
        assert self.corpus is not None
        self.rows = item_rows(self.corpus, self.spec)
        self.model.set_rows(self.corpus, self.rows)
        self.items_panel.show_parts(self.spec.layout == "committee-report")

    def update_title(self) -> None:
        self.setWindowTitle(f"{self.pack_name()}[*] — briefgen")

    def pack_name(self) -> str:
        if self.path is not None:
            name = self.path.name
            return name[: -len(SUFFIX)] if name.endswith(SUFFIX) else self.path.stem
        return untitled_pack()

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

    # --- changes ---------------------------------------------------------------------------

    def _changed(self, what: str, typing: bool = False, field: object | None = None) -> None:
        """Something in the pack changed (`what`, as Edit > Undo names it): record it for undo,
        mark it unsaved, autosave soon, preview soon (after a pause in `typing`)."""
        if self._loading_spec:
            return
        after = copy.deepcopy(self.spec)
        if after == self._snapshot:
            return
        before, self._snapshot = self._snapshot, after
        self.undo_stack.push(SpecChange(self._restore_spec, before, after, what, field))
        self._mark_changed(typing)

    def _mark_changed(self, typing: bool = False) -> None:
        self.setWindowModified(True)
        self.update_start_hint()
        self.files.changed()
        if self.corpus is not None:
            self.preview.request(self.corpus, self.spec, typing=typing)

    def _restore_spec(self, spec: PackSpec) -> None:
        """Undo or redo: show a copy of `spec` as the pack, keeping the current item."""
        current = self.items_panel.current_item()
        self.spec = copy.deepcopy(spec)
        self._snapshot = copy.deepcopy(spec)
        focus = QApplication.focusWidget()
        self._show_spec()
        if current is not None:
            self.items_panel.select_item(current.id)
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._mark_changed()

    def _clean_changed(self, clean: bool) -> None:
        """Undoing back to the saved pack makes it unsaved no more."""
        if clean and self.path is not None:
            self.setWindowModified(False)

    def _layout_changed(self) -> None:
        self.spec.layout = self.layout_combo.currentData()
        self.meeting_form.set_layout(self.spec.layout)
        self.officer_form.set_layout(self.spec.layout)
        if self.corpus is not None:
            self._refresh_rows()  # a committee report's items are in its body or appendix
        self._changed("Change the layout")

    def _audience_changed(self) -> None:
        self.spec.audience = self.audience_combo.currentData()
        if self.corpus is not None:
            self._fill_themes()
            self._refresh_rows()
        self._changed("Change the audience")

    def _themes_changed(self) -> None:
        assert self.corpus is not None
        ticked = self.ticked_themes()
        self.spec.themes = [theme for theme in self.corpus.themes if theme in ticked]
        self.show_theme_hint(len(self.spec.themes))
        self._refresh_rows()
        self._changed("Change the themes")

    def set_themes(self, themes: list[str]) -> None:
        """Tick exactly `themes` (as a person ticking them would)."""
        self.tick_themes(themes)
        self._themes_changed()

    def _tick_all_themes(self, ticked: bool) -> None:
        if self.corpus is not None:
            self.set_themes(list(self.corpus.themes) if ticked else [])

    def _forms_changed(self) -> None:
        self.commit_forms()
        # Typing in one field is one undo step: the focused field names the step.
        self._changed("Edit the text", typing=True, field=QApplication.focusWidget())

    def _include_toggled(self, item_id: str, included: bool) -> None:
        set_included(self.spec, item_id, included)
        self.rows = [
            replace(row, included=included) if row.item.id == item_id else row for row in self.rows
        ]
        self.model.set_included(item_id, included)
        if self.spec.layout == "committee-report":  # the body's choice may change
            self._refresh_rows()
        self._changed("Include an item" if included else "Leave out an item")

    def _key_toggled(self, item_id: str, key: bool) -> None:
        """Mark `item_id` key (it leads its theme) or not, as the officer asked."""
        assert self.corpus is not None
        set_key(self.spec, self.corpus.item(item_id), key)
        self._refresh_rows()
        self.items_panel.select_item(item_id)
        self._changed("Mark an item key" if key else "Unmark a key item")
        verb = "marked key: it leads its theme" if key else "no longer marked key"
        self.statusBar().showMessage(f"Item {verb}.", 4000)

    def _body_toggled(self, item_id: str, body: bool) -> None:
        """Quote `item_id` in the committee report's body, or in Appendix A."""
        assert self.corpus is not None
        row = next((row for row in self.rows if row.item.id == item_id), None)
        if row is None or row.in_body is None:
            why = (
                "Include the item first"
                if self.spec.layout == "committee-report"
                else "Only a committee report has a body and an appendix"
            )
            self.statusBar().showMessage(f"{why}; nothing was moved.", 4000)
            return
        set_in_body(self.corpus, self.spec, item_id, body)
        self._refresh_rows()
        self.items_panel.select_item(item_id)
        self._changed("Move an item to the body" if body else "Move an item to the appendix")
        where = "the report's body" if body else "Appendix A"
        self.statusBar().showMessage(f"Item moved: it is quoted in {where}.", 4000)

    def _move_by(self, item_id: str, step: int) -> None:
        if move_item(self.spec, self.rows, item_id, step, self.model.visible):
            self._refresh_rows()
            self.items_panel.select_item(item_id)
            self._changed("Move an item")
        else:
            where = "first" if step < 0 else "last"
            self.statusBar().showMessage(
                f"That item is already {where} in its theme (key items lead it); items stay "
                "with their theme.",
                4000,
            )

    def _move_to(self, item_id: str, before: int) -> None:
        if move_item_to(self.spec, self.rows, item_id, before):
            self._refresh_rows()
            self.items_panel.select_item(item_id)
            self._changed("Move an item")

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
        self.files.recovery.discard()
        self.save_layout(self.settings)
        event.accept()
