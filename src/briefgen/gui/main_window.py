"""The main window: choose themes, audience and layout, fill in the meeting details, check
and order the items, watch the preview, save the pack and export it.

The window holds one `PackSpec` (what a pack file saves). Every control edits it through the
core or `state`; the preview and exports are rendered by workers from a copy of it.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from briefgen.content import Corpus, open_corpus
from briefgen.counts import counted
from briefgen.errors import BriefgenError
from briefgen.gui import dialogs
from briefgen.gui.items_model import ItemsModel
from briefgen.gui.items_panel import ItemsPanel
from briefgen.gui.meeting_form import MeetingForm, OfficerTextForm
from briefgen.gui.preview import DEBOUNCE_MS, PreviewController, PreviewPane
from briefgen.gui.recovery import RecoveryStore
from briefgen.gui.source_view import SourceView
from briefgen.gui.state import (
    ExportResult,
    ItemRow,
    PreviewResult,
    audience_label,
    check_export,
    default_export_name,
    default_pack_name,
    export_pack,
    item_rows,
    layout_label,
    missing_notice,
    move_item,
    move_item_to,
    set_included,
    theme_counts,
    tidy_spec,
    with_suffix,
)
from briefgen.gui.widgets import NoticeBar, describe, heading, shrinkable
from briefgen.gui.workers import TaskRunner
from briefgen.library.folders import library_folders
from briefgen.pack import LAYOUTS, PackSpec, missing_items
from briefgen.pack.packfile import SUFFIX, load_pack, save_pack
from briefgen.selection import AUDIENCES

APP_NAME = "briefgen"
MAX_RECENT = 8
AUTOSAVE_INTERVAL_MS = 30_000  # at least this often while there are unsaved changes
AUTOSAVE_AFTER_CHANGE_MS = 2_000  # and this long after the officer stops changing things
THEME_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def app_settings() -> QSettings:
    """The app's settings (recent files, window layout): an INI file per user, everywhere."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return first == second


def _documents_folder() -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return folder or str(Path.home())


class MainWindow(QMainWindow):
    """One pack, being prepared."""

    corpusLoaded = Signal()
    previewShown = Signal(object)  # PreviewResult
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
        self.recovery = recovery if recovery is not None else RecoveryStore()
        self.content_dir = content_dir
        self.corpus: Corpus | None = None
        self.spec = PackSpec()
        self.path: Path | None = None
        self.rows: list[ItemRow] = []
        self.exporting: Path | None = None
        self.last_export: ExportResult | None = None
        self._autosave_due = False
        self._loading_spec = False

        self.tasks = TaskRunner(parent=self)
        self.preview = PreviewController(preview_delay_ms, self)
        self.model = ItemsModel(self)
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._connect()

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self.autosave_soon = QTimer(self)
        self.autosave_soon.setSingleShot(True)
        self.autosave_soon.setInterval(AUTOSAVE_AFTER_CHANGE_MS)
        self.autosave_soon.timeout.connect(self.autosave)

        self._restore_window()
        self._update_title()
        self._set_ready(False)
        if corpus is not None:
            self._corpus_ready(corpus)
        else:
            self.load_content()

    # --- building the window -------------------------------------------------------------

    def _build_widgets(self) -> None:
        # The pack panel: layout, audience, themes.
        self.layout_combo = shrinkable(QComboBox(), 12)
        for layout in LAYOUTS:
            self.layout_combo.addItem(layout_label(layout), layout)
        describe(
            self.layout_combo,
            "Layout",
            "The kind of document: a short member briefing, a committee report draft or a full "
            "evidence pack.",
        )
        self.audience_combo = shrinkable(QComboBox(), 12)
        for audience in AUDIENCES:
            self.audience_combo.addItem(audience_label(audience), audience)
        describe(
            self.audience_combo,
            "Audience",
            "Who the pack is for: it decides which kinds of item are included and in what order.",
        )
        self.theme_list = QListWidget()
        self.theme_list.setUniformItemSizes(True)
        describe(
            self.theme_list,
            "Themes",
            "Tick the themes the pack covers; the number is how many items each gives this "
            "audience. Space ticks or unticks the current theme.",
        )
        self.theme_hint = QLabel()
        self.theme_hint.setWordWrap(True)
        self.select_all_button = QPushButton("Select all")
        describe(self.select_all_button, "Select all themes", "Ticks every theme.")
        self.clear_themes_button = QPushButton("Clear")
        describe(self.clear_themes_button, "Clear themes", "Unticks every theme.")

        choices = QFormLayout()
        choices.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        layout_label_widget = QLabel("La&yout:")
        layout_label_widget.setBuddy(self.layout_combo)
        audience_label_widget = QLabel("&Audience:")
        audience_label_widget.setBuddy(self.audience_combo)
        choices.addRow(layout_label_widget, self.layout_combo)
        choices.addRow(audience_label_widget, self.audience_combo)
        themes_label = QLabel("&Themes:")
        themes_label.setBuddy(self.theme_list)
        theme_buttons = QHBoxLayout()
        theme_buttons.addWidget(self.select_all_button)
        theme_buttons.addWidget(self.clear_themes_button)
        theme_buttons.addStretch(1)

        pack_panel = QWidget()
        pack_layout = QVBoxLayout(pack_panel)
        pack_layout.setContentsMargins(0, 0, 0, 0)
        pack_layout.addWidget(heading("Pack"))
        pack_layout.addLayout(choices)
        pack_layout.addWidget(themes_label)
        pack_layout.addWidget(self.theme_list, 1)
        pack_layout.addWidget(self.theme_hint)
        pack_layout.addLayout(theme_buttons)

        # The centre: items (with the source check), meeting details, the officer's text.
        self.items_panel = ItemsPanel(self.model)
        self.source_view = SourceView()
        items_split = QSplitter(Qt.Orientation.Vertical)
        items_split.setChildrenCollapsible(False)
        items_split.addWidget(self.items_panel)
        items_split.addWidget(self.source_view)
        items_split.setStretchFactor(0, 3)
        items_split.setStretchFactor(1, 2)
        self.items_split = items_split
        self.meeting_form = MeetingForm()
        self.officer_form = OfficerTextForm()
        self.tabs = QTabWidget()
        self.tabs.addTab(items_split, "Ite&ms")
        self.tabs.addTab(self.meeting_form, "Meeting &details")
        self.tabs.addTab(self.officer_form, "Your te&xt")
        describe(
            self.tabs,
            "Pack contents",
            "Items, meeting details and your own text (Ctrl+Tab and Ctrl+Shift+Tab switch tabs).",
            tooltip=False,
        )

        self.preview_pane = PreviewPane()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(pack_panel)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.preview_pane)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)

        self.notice = NoticeBar()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.addWidget(self.notice)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 10)
        describe(self.busy, "Working", "briefgen is exporting the pack.", tooltip=False)
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)

    def _action(
        self, text: str, shortcut: QKeySequence | str | None, description: str, icon: Any = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(description)
        action.setToolTip(
            f"{text.replace('&', '').rstrip('…')} ({action.shortcut().toString()})"
            if shortcut
            else description
        )
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        pixmap = QStyle.StandardPixmap
        self.new_action = self._action(
            "&New", QKeySequence.StandardKey.New, "Start a new pack.", pixmap.SP_FileIcon
        )
        self.open_action = self._action(
            "&Open…", QKeySequence.StandardKey.Open, "Open a saved pack.", pixmap.SP_DirOpenIcon
        )
        self.save_action = self._action(
            "&Save", QKeySequence.StandardKey.Save, "Save the pack.", pixmap.SP_DialogSaveButton
        )
        self.save_as_action = self._action(
            "Save &as…", "Ctrl+Shift+S", "Save the pack under a new name."
        )
        self.export_action = self._action(
            "&Export…",
            "Ctrl+E",
            "Export the pack as PDF (to print) or Word (to edit).",
            pixmap.SP_ArrowForward,
        )
        self.export_pdf_action = self._action("Export as &PDF…", None, "Export the pack as PDF.")
        self.export_docx_action = self._action(
            "Export as &Word…", None, "Export the pack as a Word document."
        )
        self.reload_action = self._action(
            "Reloa&d content", "F5", "Read the content folder again (after editing it)."
        )
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, "Close briefgen.")
        self.find_action = self._action(
            "&Find items…", QKeySequence.StandardKey.Find, "Search the items."
        )
        self.clear_filters_action = self._action("&Clear filters", None, "Show every item again.")
        self.shortcuts_action = self._action(
            "&Keyboard shortcuts", QKeySequence.StandardKey.HelpContents, "List the shortcuts."
        )
        self.about_action = self._action("&About briefgen", None, "About briefgen.")

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu("&File")
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = QMenu("Open &recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.export_pdf_action)
        file_menu.addAction(self.export_docx_action)
        file_menu.addSeparator()
        file_menu.addAction(self.reload_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu_bar.addMenu("&Edit")
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.clear_filters_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.items_panel.move_up_action)
        edit_menu.addAction(self.items_panel.move_down_action)
        help_menu = menu_bar.addMenu("&Help")
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

        toolbar = QToolBar("Main toolbar", self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.open_action, self.save_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.export_action)
        self.addToolBar(toolbar)

    def _connect(self) -> None:
        self.new_action.triggered.connect(self.new_pack)
        self.open_action.triggered.connect(self.open_pack)
        self.save_action.triggered.connect(self.save)
        self.save_as_action.triggered.connect(self.save_as)
        self.export_action.triggered.connect(lambda: self.export())
        self.export_pdf_action.triggered.connect(lambda: self.export("pdf"))
        self.export_docx_action.triggered.connect(lambda: self.export("docx"))
        self.reload_action.triggered.connect(lambda: self.load_content())
        self.quit_action.triggered.connect(self.close)
        self.find_action.triggered.connect(self.focus_search)
        self.clear_filters_action.triggered.connect(self.items_panel.clear_filters)
        self.shortcuts_action.triggered.connect(self._show_shortcuts)
        self.about_action.triggered.connect(self._show_about)

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
        self.items_panel.currentItemChanged.connect(self._show_source)

        self.preview.started.connect(self.preview_pane.show_busy)
        self.preview.updated.connect(self._preview_ready)
        self.preview.failed.connect(self.preview_pane.show_error)

    # --- content ---------------------------------------------------------------------------

    def load_content(self) -> None:
        """Load (or reload) the content folder off the GUI thread."""
        self._set_ready(False)
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
        self._show_spec()
        self._set_ready(True)
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

    def _set_ready(self, ready: bool) -> None:
        for widget in (self.layout_combo, self.audience_combo, self.theme_list, self.tabs):
            widget.setEnabled(ready)
        for action in (self.export_action, self.export_pdf_action, self.export_docx_action):
            action.setEnabled(ready and self.exporting is None)

    # --- showing the spec ------------------------------------------------------------------

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
        self._update_title()

    def _fill_themes(self) -> None:
        """The theme checklist, with how many items each theme gives the current audience."""
        assert self.corpus is not None
        counts = theme_counts(self.corpus, self.spec.audience)
        chosen = set(self.spec.themes)
        self.theme_list.blockSignals(True)
        if self.theme_list.count() != len(self.corpus.themes):
            self.theme_list.clear()
            for theme in self.corpus.themes.values():
                entry = QListWidgetItem()
                entry.setData(THEME_ID_ROLE, theme.id)
                entry.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                self.theme_list.addItem(entry)
        for row, theme in enumerate(self.corpus.themes.values()):
            entry = self.theme_list.item(row)
            count = counts[theme.id]
            entry.setText(f"{theme.label} ({count})")
            entry.setToolTip(
                f"{theme.label}: {count} item{'s' if count != 1 else ''} for this audience."
            )
            entry.setCheckState(
                Qt.CheckState.Checked if theme.id in chosen else Qt.CheckState.Unchecked
            )
        self.theme_list.blockSignals(False)
        self._update_theme_hint()

    def _update_theme_hint(self) -> None:
        count = len(self.spec.themes)
        if count == 0:
            text = "No themes ticked: the pack covers every theme."
        else:
            text = f"{count} theme{'s' if count != 1 else ''} ticked."
        self.theme_hint.setText(text)
        self.theme_hint.setAccessibleName(text)

    def _refresh_rows(self) -> None:
        assert self.corpus is not None
        self.rows = item_rows(self.corpus, self.spec)
        self.model.set_rows(self.corpus, self.rows)

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.pack_name()}[*] — briefgen")

    def pack_name(self) -> str:
        if self.path is not None:
            name = self.path.name
            return name[: -len(SUFFIX)] if name.endswith(SUFFIX) else self.path.stem
        return "Untitled pack"

    # --- changes ---------------------------------------------------------------------------

    def _changed(self, typing: bool = False) -> None:
        """Something in the pack changed: mark it unsaved, autosave soon, preview soon (after a
        pause in `typing`)."""
        if self._loading_spec:
            return
        self.setWindowModified(True)
        self._autosave_due = True
        self.autosave_soon.start()
        if self.corpus is not None:
            self.preview.request(self.corpus, self.spec, typing=typing)

    def _layout_changed(self) -> None:
        self.spec.layout = self.layout_combo.currentData()
        self.meeting_form.set_layout(self.spec.layout)
        self._changed()

    def _audience_changed(self) -> None:
        self.spec.audience = self.audience_combo.currentData()
        if self.corpus is not None:
            self._fill_themes()
            self._refresh_rows()
        self._changed()

    def _themes_changed(self) -> None:
        assert self.corpus is not None
        ticked = {
            self.theme_list.item(row).data(THEME_ID_ROLE)
            for row in range(self.theme_list.count())
            if self.theme_list.item(row).checkState() == Qt.CheckState.Checked
        }
        self.spec.themes = [theme for theme in self.corpus.themes if theme in ticked]
        self._update_theme_hint()
        self._refresh_rows()
        self._changed()

    def set_themes(self, themes: list[str]) -> None:
        """Tick exactly `themes` (as a person ticking them would)."""
        wanted = set(themes)
        self.theme_list.blockSignals(True)
        for row in range(self.theme_list.count()):
            entry = self.theme_list.item(row)
            entry.setCheckState(
                Qt.CheckState.Checked
                if entry.data(THEME_ID_ROLE) in wanted
                else Qt.CheckState.Unchecked
            )
        self.theme_list.blockSignals(False)
        self._themes_changed()

    def _tick_all_themes(self, ticked: bool) -> None:
        if self.corpus is not None:
            self.set_themes(list(self.corpus.themes) if ticked else [])

    def _forms_changed(self) -> None:
        self.meeting_form.store(self.spec)
        self.officer_form.store(self.spec)
        self._changed(typing=True)

    def _include_toggled(self, item_id: str, included: bool) -> None:
        set_included(self.spec, item_id, included)
        self.rows = [
            ItemRow(row.item, included, row.theme) if row.item.id == item_id else row
            for row in self.rows
        ]
        self.model.set_included(item_id, included)
        self._changed()

    def _move_by(self, item_id: str, step: int) -> None:
        if move_item(self.spec, self.rows, item_id, step, self.model.visible):
            self._refresh_rows()
            self.items_panel.select_item(item_id)
            self._changed()
        else:
            where = "first" if step < 0 else "last"
            self.statusBar().showMessage(
                f"That item is already {where} in its theme; items stay with their theme.", 4000
            )

    def _move_to(self, item_id: str, before: int) -> None:
        if move_item_to(self.spec, self.rows, item_id, before):
            self._refresh_rows()
            self.items_panel.select_item(item_id)
            self._changed()

    def _show_source(self, item: Any) -> None:
        if self.corpus is not None:
            self.source_view.show_item(self.corpus, item)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.items_panel.focus_search()

    def _preview_ready(self, result: PreviewResult) -> None:
        self.preview_pane.show_result(result)
        self.previewShown.emit(result)

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

    # --- files -----------------------------------------------------------------------------

    def maybe_discard(self) -> bool:
        """True if the current pack may be replaced: saved, or the officer says so."""
        if not self.isWindowModified():
            return True
        answer = dialogs.ask_unsaved(self, self.pack_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_pack(self) -> None:
        if not self.maybe_discard():
            return
        self._replace_spec(PackSpec(), None)
        self.statusBar().showMessage("New pack.", 3000)

    def open_pack(self) -> None:
        if not self.maybe_discard():
            return
        folder = str(self.path.parent) if self.path else self._last_folder("lastPackFolder")
        path = dialogs.ask_open_path(self, folder)
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Open the pack file at `path` (unsaved changes are the caller's business)."""
        try:
            spec = load_pack(path)
        except BriefgenError as error:
            dialogs.show_error(self, f"{path.name} could not be opened.", str(error))
            self._forget_recent(path)
            return False
        self._replace_spec(spec, path)
        self._remember_recent(path)
        self.settings.setValue("lastPackFolder", str(path.parent))
        self.statusBar().showMessage(f"Opened {path.name}.", 4000)
        return True

    def _replace_spec(self, spec: PackSpec, path: Path | None, modified: bool = False) -> None:
        self.notice.hide()
        self.spec = spec
        self.path = path
        notes = tidy_spec(self.corpus, spec) if self.corpus is not None else []
        self.items_panel.clear_filters()
        self._show_spec()
        self.setWindowModified(modified)
        self._autosave_due = modified
        if not modified:
            self.recovery.discard()
        self._report_problems(notes)
        if self.corpus is not None:
            self.preview.request(self.corpus, self.spec, at_once=True)

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._save_to(self.path)

    def save_as(self) -> bool:
        folder = self.path.parent if self.path else Path(self._last_folder("lastPackFolder"))
        suggested = folder / (self.path.name if self.path else default_pack_name(self.spec))
        chosen = dialogs.ask_save_path(self, suggested)
        if chosen is None:
            return False
        return self._save_to(with_suffix(chosen, SUFFIX))

    def _save_to(self, path: Path) -> bool:
        self.meeting_form.store(self.spec)
        self.officer_form.store(self.spec)
        try:
            # The comments in the pack's own file are kept; another pack's are not inherited.
            same_file = self.path is not None and _same_file(self.path, path)
            save_pack(self.spec, path, keep_comments=same_file)
        except BriefgenError as error:
            dialogs.show_error(self, f"The pack could not be saved as {path.name}.", f"{error}")
            return False
        self.path = path
        self.setWindowModified(False)
        self._autosave_due = False
        self.recovery.discard()
        self._update_title()
        self._remember_recent(path)
        self.settings.setValue("lastPackFolder", str(path.parent))
        self.statusBar().showMessage(f"Saved {path.name}.", 4000)
        return True

    def recent_files(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        if isinstance(value, str):
            return [value] if value else []
        return [str(entry) for entry in (value or [])]

    def _remember_recent(self, path: Path) -> None:
        entry = str(path.resolve())
        recent = [entry] + [other for other in self.recent_files() if other != entry]
        self.settings.setValue("recentFiles", recent[:MAX_RECENT])

    def _forget_recent(self, path: Path) -> None:
        entry = str(path.resolve())
        self.settings.setValue(
            "recentFiles", [other for other in self.recent_files() if other != entry]
        )

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_files()
        if not recent:
            empty = self.recent_menu.addAction("No recent packs")
            empty.setEnabled(False)
            return
        for number, entry in enumerate(recent, start=1):
            path = Path(entry)
            name = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.name
            action = self.recent_menu.addAction(f"&{number} {name} — {path.parent}")
            action.setStatusTip(entry)
            action.triggered.connect(lambda _=False, path=path: self._open_recent(path))

    def _open_recent(self, path: Path) -> None:
        if self.maybe_discard():
            self.open_path(path)

    def _last_folder(self, key: str) -> str:
        value = self.settings.value(key, "")
        return str(value) if value and Path(str(value)).is_dir() else _documents_folder()

    # --- autosave and recovery ---------------------------------------------------------------

    def autosave(self) -> None:
        """Write unsaved work to the recovery file, so a crash never loses it."""
        if not (self._autosave_due and self.isWindowModified()):
            return
        self.meeting_form.store(self.spec)
        self.officer_form.store(self.spec)
        try:
            self.recovery.save(self.spec, self.path)
        except BriefgenError as error:
            self.statusBar().showMessage(f"Autosave failed: {error}", 8000)
            return
        self._autosave_due = False

    def offer_recovery(self) -> bool:
        """Offer back work a crashed briefgen left behind; True if some was restored."""
        restored = False
        for recovered in self.recovery.pending():
            if not restored and dialogs.offer_recovery(self, recovered):
                self._replace_spec(recovered.spec, recovered.pack_path, modified=True)
                self.autosave()  # now this process's recovery file holds it
                self.statusBar().showMessage(
                    "Recovered your unsaved work. Save it to keep it.", 8000
                )
                restored = True
            self.recovery.forget(recovered)
        return restored

    # --- export ----------------------------------------------------------------------------

    def export(self, format_name: str | None = None) -> None:
        """Ask where to export, check, then build, render and write the pack in a worker."""
        if self.corpus is None or self.exporting is not None:
            return
        format_name = format_name or str(self.settings.value("lastExportFormat", "pdf"))
        if format_name not in dialogs.EXPORT_FILTERS:
            format_name = "pdf"
        folder = Path(self._last_folder("lastExportFolder"))
        suggested = folder / default_export_name(self.spec, format_name)
        choice = dialogs.ask_export_path(self, suggested, format_name)
        if choice is None:
            return
        self.export_to(*choice)

    def export_to(self, path: Path, format_name: str) -> bool:
        """Start exporting to `path` (after the checks); False if a check stopped it."""
        self.meeting_form.store(self.spec)
        self.officer_form.store(self.spec)
        check = check_export(self.corpus, self.spec, path, format_name)
        if not check.ok:
            dialogs.show_error(self, f"{path.name} cannot be exported yet.", check.message)
            return False
        self.settings.setValue("lastExportFolder", str(path.parent))
        self.settings.setValue("lastExportFormat", format_name)
        corpus, spec = self.corpus, copy.deepcopy(self.spec)
        assert corpus is not None
        self.exporting = path
        self._set_ready(True)
        self.busy.show()
        self.statusBar().showMessage(f"Exporting {path.name}…")
        self.tasks.start(
            lambda: export_pack(corpus, spec, path, format_name),
            self._exported,
            self._export_failed,
            doing="exporting the pack",
        )
        return True

    def _export_ended(self) -> None:
        self.exporting = None
        self.busy.hide()
        self._set_ready(self.corpus is not None)

    def _exported(self, result: ExportResult) -> None:
        self._export_ended()
        self.last_export = result
        pages = result.pages_text
        self.statusBar().showMessage(f"Exported {result.path.name}{pages}.", 8000)
        items = counted(result.item_count, "item")
        message = f"{result.path.name} ({items}{pages}) is in {result.path.parent}."
        if result.warnings:
            message += "\n" + "\n".join(f"Warning: {warning}" for warning in result.warnings)
        path = result.path
        self.notice.show_notice(
            "warning" if result.warnings else "done",
            "Exported.",
            message,
            [
                ("Open file", f"Opens {path.name}.", lambda: self._open_url(path)),
                (
                    "Show in folder",
                    f"Opens the folder {path.parent}.",
                    lambda: self._open_url(path.parent),
                ),
            ],
        )
        self.exportFinished.emit(result)

    def _export_failed(self, message: str) -> None:
        path = self.exporting
        self._export_ended()
        self.statusBar().showMessage("The export failed.", 8000)
        if "unchanged" not in message:
            message += " Any earlier file of that name is unchanged."
        name = path.name if path else "The pack"
        dialogs.show_error(self, f"{name} could not be exported.", message)
        self.exportFailed.emit(message)

    @staticmethod
    def _open_url(path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # --- help ------------------------------------------------------------------------------

    def _show_shortcuts(self) -> None:
        QMessageBox.information(
            self,
            "Keyboard shortcuts",
            "Ctrl+N  new pack\nCtrl+O  open a pack\nCtrl+S  save\nCtrl+Shift+S  save as\n"
            "Ctrl+E  export as PDF or Word\nCtrl+F  search the items\n"
            "Space  include or leave out the current item\n"
            "Alt+Up / Alt+Down  move the current item within its theme\n"
            "Ctrl+Tab / Ctrl+Shift+Tab  switch tabs; Alt+M, Alt+D, Alt+X  go to a tab\n"
            "F5  reload the content\n"
            "Alt + underlined letter  go to that field",
        )

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            "About briefgen",
            "briefgen prepares briefing packs of exact, cited quotes from policy documents, "
            "as PDF to print or Word to edit. It works offline.",
        )

    # --- window state ----------------------------------------------------------------------

    def _restore_window(self) -> None:
        geometry = self.settings.value("windowGeometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        state = self.settings.value("splitterState")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)
        else:
            self._split_on_show = True
        # The item list's column widths, as the officer last left them.
        columns = self.settings.value("itemColumns")
        if isinstance(columns, QByteArray) and not columns.isEmpty():
            self.items_panel.view.header().restoreState(columns)

    # The first time a window without saved sizes is shown, its panels share its width: the
    # splitter's own sharing before the window has its size favours the narrow pack panel.
    SPLIT_SHARES = (20, 45, 35)
    _split_on_show = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._split_on_show:
            self._split_on_show = False
            QTimer.singleShot(0, self._share_width)

    def _share_width(self) -> None:
        width = sum(self.splitter.sizes())
        self.splitter.setSizes([width * share // 100 for share in self.SPLIT_SHARES])

    def _save_window(self) -> None:
        self.settings.setValue("windowGeometry", self.saveGeometry())
        self.settings.setValue("splitterState", self.splitter.saveState())
        self.settings.setValue("itemColumns", self.items_panel.view.header().saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_discard():
            event.ignore()
            return
        if self.exporting is not None:
            self.statusBar().showMessage("Finishing the export before closing…")
            self.tasks.wait()
        self.recovery.discard()
        self._save_window()
        event.accept()
