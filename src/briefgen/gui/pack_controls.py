"""The main window's pack controls (layout, audience, themes, the two forms, the item list)
kept in step with its `PackSpec`: the spec shown in them, and each edit made an undoable change.

Apart from `main_window` so the window's wiring, content loading and files read on their own.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from briefgen.content import Corpus
from briefgen.filenames import untitled_pack
from briefgen.gui.pack_files import PackFiles
from briefgen.gui.preview import PreviewController
from briefgen.gui.undo import SpecChange
from briefgen.gui.window_layout import WindowLayout
from briefgen.pack import PackSpec
from briefgen.pack.editing import (
    ItemRow,
    item_rows,
    move_item,
    move_item_to,
    set_in_body,
    set_included,
    set_key,
    theme_counts,
)
from briefgen.pack.packfile import SUFFIX


class PackControls(WindowLayout):
    """The controls of one pack, showing and editing `spec` (`MainWindow` sets the state)."""

    settings: QSettings
    corpus: Corpus | None
    spec: PackSpec
    path: Path | None
    rows: list[ItemRow]
    _loading_spec: bool
    _snapshot: PackSpec  # the spec as the last change left it
    undo_stack: QUndoStack
    files: PackFiles
    preview: PreviewController

    # --- the spec in the controls ------------------------------------------------------------

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
        self.items_panel.show_parts(self.spec.layout in ("committee-report", "member-briefing"))

    def update_title(self) -> None:
        self.setWindowTitle(f"{self.pack_name()}[*] — briefgen")

    def pack_name(self) -> str:
        if self.path is not None:
            name = self.path.name
            return name[: -len(SUFFIX)] if name.endswith(SUFFIX) else self.path.stem
        return untitled_pack()

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
