"""File → Import document…: the file is read in a worker (with progress and Cancel), a short
form shows the details prefilled from the file's own properties and which library to add it to
(the user's own or a team folder; the last one chosen is remembered), and the import runs in a
worker too; on success the window reloads its content so the new document is listed, and
offers to review the items briefgen suggests from it."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefgen.content import Corpus
from briefgen.content.model import LibraryFolder
from briefgen.gui.widgets import describe, fit_on_screen
from briefgen.library.destinations import (
    check_writable,
    import_targets,
    library_at,
    library_label,
    same_title_note,
)
from briefgen.library.extract import ExtractedDocument
from briefgen.library.import_details import ImportDetails, detail_origins, prefilled
from briefgen.library.importer import ImportResult, import_document, read_document

FILE_FILTER = "Documents (*.pdf *.docx *.md *.markdown *.txt *.text);;All files (*)"
LAST_LIBRARY_KEY = "lastImportLibrary"  # "yours", or a team folder's path
READ_ONLY_REMEDY = "choose another library under Add to"


class _Progress(QObject):
    """Carries progress from the worker thread to the dialog (a queued signal)."""

    moved = Signal(int, int)


class ImportDialog(QDialog):
    """Import one file: read it, let the officer check the details and choose the library to
    add it to (`library` first, else the one chosen last time, else their own)."""

    imported = Signal(object)  # ImportResult

    def __init__(
        self,
        path: Path,
        library: Path | None,
        folders: Sequence[LibraryFolder],
        parent: QWidget | None = None,
        settings: QSettings | None = None,
        corpus: Corpus | None = None,
    ) -> None:
        super().__init__(parent)
        from briefgen.gui.settings import app_settings
        from briefgen.gui.workers import TaskRunner

        self.path = path
        self.corpus = corpus  # the libraries as read, to warn of a document imported already
        self.folders = tuple(folders)
        self.settings = settings if settings is not None else app_settings()
        self.document: ExtractedDocument | None = None
        self.import_result: ImportResult | None = None
        self.cancel_event = threading.Event()
        self.tasks = TaskRunner(max_threads=1, parent=self)
        self.setWindowTitle(f"Import {path.name}")
        self.setMinimumWidth(520)

        self.status = QLabel(f"Reading {path.name}…")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.fields = {
            name: QLineEdit() for name in ("title", "publisher", "date", "short_title", "id")
        }
        self.fields["date"].setPlaceholderText("as the document gives it: 2008, September 2008")
        self.fields["id"].setPlaceholderText("chosen from the title if left empty")
        self.targets = self._target_choice(library)
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.addRow("&Add to", self.targets)
        for label, name in (
            ("&Title", "title"),
            ("&Publisher", "publisher"),
            ("&Date", "date"),
            ("&Short title", "short_title"),
            ("S&ource id", "id"),  # Alt+I is Import
        ):
            form.addRow(label, self.fields[name])
        self.form.setEnabled(False)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a00000")
        self.buttons = QDialogButtonBox()
        self.import_button: QPushButton = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.reject)

        for shown in (self.status, self.notes, self.error):
            # File names, notices and messages quote the file: never read as markup.
            shown.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        for widget in (self.status, self.progress, self.form, self.notes, self.error):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)

        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)
        self._read()

    # --- the library to add to -------------------------------------------------------------

    def _target_choice(self, library: Path | None) -> QComboBox:
        """The libraries to add to: the user's own, then each team folder by its listing name,
        its folder in the tooltip; `library` chosen, else the last one chosen, else theirs."""
        combo = QComboBox()
        targets = list(import_targets(self.folders))
        remembered = str(self.settings.value(LAST_LIBRARY_KEY, "") or "")
        if library is not None:
            wanted = str(library)
        elif remembered == "yours":
            wanted = str(targets[0].path)
        else:
            wanted = remembered
        # The folder as remembered first: resolving every team folder's path to compare them
        # waits on each share, on the GUI thread.
        chosen = next(
            (index for index, t in enumerate(targets) if wanted and str(t.path) == wanted),
            None,
        )
        if chosen is None:
            chosen = next(
                (i for i, t in enumerate(targets) if wanted and _same_folder(t.path, wanted)), 0
            )
        if library is not None and not _same_folder(targets[chosen].path, wanted):
            targets.append(library_at(library, self.folders))  # a folder not listed as a library
            chosen = len(targets) - 1
        self.choices = tuple(targets)  # kept here: a tuple as item data may come back a list
        for target in targets:
            label = "Your library" if target.kind == "user" else f"{target.name} (team folder)"
            combo.addItem(label)
            combo.setItemData(combo.count() - 1, str(target.path), Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(chosen)
        combo.currentIndexChanged.connect(self._target_changed)
        self._describe_target(combo)
        return combo

    def _describe_target(self, combo: QComboBox) -> None:
        target = self.choices[combo.currentIndex()]
        where = f"The document is added to {library_label(target)}, in {target.path}."
        describe(combo, "Add to", where)

    def _target_changed(self) -> None:
        self._describe_target(self.targets)
        if self.document is not None and self.form.isEnabled():  # read, and not importing
            self._show_read_status()
            self._grow_to_fit()

    @property
    def target(self) -> LibraryFolder:
        """The library chosen to add the document to."""
        return self.choices[self.targets.currentIndex()]

    @property
    def library(self) -> Path:
        """The folder of the library chosen to add the document to."""
        return self.target.path

    # --- reading ---------------------------------------------------------------------------

    def _read(self) -> None:
        path, cancel, moved = self.path, self.cancel_event, self._progress.moved
        self.tasks.start(
            lambda: read_document(path, moved.emit, cancel),
            self._read_done,
            self._failed,
            doing=f"reading {path.name}",
        )

    def _moved(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _read_done(self, document: ExtractedDocument) -> None:
        if self.cancel_event.is_set():  # read to the end as Cancel was pressed: nothing kept
            return
        self.document = document
        details = prefilled(document, ImportDetails())  # a date it cannot read is left empty
        self.fields["title"].setText(details.title)
        self.fields["publisher"].setText(details.publisher)
        self.fields["date"].setText(details.date)
        self.fields["short_title"].setText(details.short_title)
        for field in self.fields.values():  # a long title is read from its start
            field.setCursorPosition(0)
        self._show_read_status()
        seen = same_title_note(self.corpus, details.title) if self.corpus is not None else ""
        self.notes.setText(
            "\n".join([*document.warnings, *document.notices, *filter(None, [seen])])
        )
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.form.setEnabled(True)
        self.import_button.setEnabled(True)
        self.import_button.setDefault(True)
        self.fields["title"].setFocus()
        self._grow_to_fit()

    def _show_read_status(self) -> None:
        document = self.document
        assert document is not None
        pages = f"{len(document.pages):,} pages, " if document.pages else ""
        origins = detail_origins(document, ImportDetails())
        taken = "; ".join(f"the {name} from {where}" for name, where in origins.items())
        self.status.setText(
            f"{self.path.name}: {pages}{len(document.text):,} characters. Check the details, "
            f"then import it into {library_label(self.target)}."
            + (f"\nTaken from the file: {taken}." if taken else "")
        )

    def _grow_to_fit(self) -> None:
        """Grow to show text that came after the dialog was sized (the file's details, a
        message): else, with a larger system font, the fields are squeezed to slivers."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        wanted = self.sizeHint()
        if wanted.height() > self.height() or wanted.width() > self.width():
            fit_on_screen(
                self, max(self.width(), wanted.width()), max(self.height(), wanted.height())
            )

    # --- importing -------------------------------------------------------------------------

    def details(self) -> ImportDetails:
        """What the form says."""
        text = {name: field.text().strip() for name, field in self.fields.items()}
        return ImportDetails(
            title=text["title"],
            publisher=text["publisher"],
            date=text["date"],
            short_title=text["short_title"],
            source_id=text["id"],
        )

    def start_import(self) -> None:
        """Import with the form's details, off the GUI thread."""
        from briefgen.gui.workers import writing_library

        # Not `tasks.busy`: the reading worker may not have said it finished when its result
        # enabled the button, and a click then was silently dropped.
        if self.document is None or not self.import_button.isEnabled():
            return
        self.error.clear()
        self.form.setEnabled(False)
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        target = self.target
        self.status.setText(f"Adding {self.path.name} to {library_label(target)}…")
        path, folders, details = self.path, self.folders, self.details()
        document, cancel = self.document, self.cancel_event

        def add() -> ImportResult:  # a read-only share is refused before anything is written
            check_writable(target, READ_ONLY_REMEDY)
            return import_document(path, target.path, folders, details, None, cancel, document)

        self.tasks.start(
            writing_library(add),
            self._imported,
            self._failed,
            doing=f"importing {path.name}",
        )

    def _imported(self, result: ImportResult) -> None:
        target = self.target
        remembered = "yours" if target.kind == "user" else str(target.path)
        self.settings.setValue(LAST_LIBRARY_KEY, remembered)
        self.import_result = result
        self.imported.emit(result)
        self.accept()

    def _failed(self, message: str) -> None:
        if self.cancel_event.is_set():
            return  # cancelled: the dialog is closing and nothing was added
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.error.setText(message)
        self._grow_to_fit()
        if self.document is None:  # the file cannot be read: nothing to fill in
            self.status.setText(f"{self.path.name} cannot be imported.")
            self.cancel_button.setText("Close")
            return
        self.status.setText(
            "Nothing was added. Correct the details (or the library to add to) and import again."
        )
        self.form.setEnabled(True)
        self.import_button.setEnabled(True)

    def reject(self) -> None:
        """Cancel: stop the worker between pages; whatever it wrote is removed."""
        self.cancel_event.set()
        super().reject()

    def done(self, code: int) -> None:
        super().done(code)
        self.tasks.wait()


def _same_folder(path: Path, other: str) -> bool:
    return os.path.realpath(path) == os.path.realpath(other)


def ask_document(parent: QWidget) -> Path | None:
    """The file the officer picks to import, or None."""
    path, _ = QFileDialog.getOpenFileName(parent, "Import document", "", FILE_FILTER)
    return Path(path) if path else None


def import_into_library(window: Any, path: Path | None = None) -> None:
    """File → Import document…: ask for a file, find the libraries (each team folder is looked
    at, so on a worker), run the dialog, reload the content after."""
    from briefgen.gui import dialogs
    from briefgen.library import folders as library_folders

    path = path if path is not None else ask_document(window)
    if path is None:
        return
    chosen, content_dir = path, window.content_dir
    window.statusBar().showMessage("Finding the libraries…", 5000)

    def failed(message: str) -> None:  # a team folder that is missing: say so, import nothing
        window.statusBar().clearMessage()
        dialogs.show_error(window, "The libraries cannot be read.", message)

    window.tasks.start(
        lambda: library_folders.library_folders(content_dir),
        lambda folders: _open_import(window, chosen, folders),
        failed,
        doing="finding the libraries",
    )


def _open_import(window: Any, path: Path, folders: Sequence[LibraryFolder]) -> ImportDialog:
    """The import dialog for `path`, open; the window reloads once the document is added."""
    window.statusBar().clearMessage()
    dialog = ImportDialog(path, None, folders, window, window.settings, window.corpus)

    def reload(result: ImportResult) -> None:
        into = library_label(dialog.target)
        title = str(result.entry["title"])
        short = str(result.entry.get("short_title") or title)
        # The status bar has room for a line; the rest, which wraps, is in the notice.
        said = f"Imported {short} into {into}."
        details = f"{title} is in {into} as '{result.source_id}'." + (
            f" Its publisher, new to briefgen, is now the organisation '{result.organisation}' "
            "there (its short name, in organisations.yaml, is what citations print)."
            if result.organisation
            else ""
        )

        def loaded() -> None:  # after the window's own "Content loaded" message
            from briefgen.gui import dialogs

            window.corpusLoaded.disconnect(loaded)
            window.statusBar().showMessage(said, 30_000)
            corpus = window.corpus
            listed = corpus is not None and result.source_id in corpus.sources
            review = ("Review suggested items", "Review the items briefgen suggests from it.")
            window.notice.show_notice(
                "done",
                "Imported.",
                details,
                [(*review, lambda: window.curation.open_review(result.source_id))]
                if listed
                else [],
            )
            if listed and dialogs.ask_review_import(window, title):
                window.curation.open_review(result.source_id)

        window.corpusLoaded.connect(loaded)
        window.load_content()

    dialog.imported.connect(reload)
    dialog.open()
    return dialog
