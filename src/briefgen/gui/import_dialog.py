"""File → Import document…: the file is read in a worker (with progress and Cancel), a short
form shows the details prefilled from the file's own properties, and the import runs in a worker
too; on success the window reloads its content so the new document is listed, and offers to
review the items briefgen suggests from it."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
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

from briefgen.content.model import LibraryFolder
from briefgen.library.extract import ExtractedDocument
from briefgen.library.import_details import ImportDetails, detail_origins, prefilled
from briefgen.library.importer import ImportResult, import_document, read_document

FILE_FILTER = "Documents (*.pdf *.docx *.md *.markdown *.txt *.text);;All files (*)"


class _Progress(QObject):
    """Carries progress from the worker thread to the dialog (a queued signal)."""

    moved = Signal(int, int)


class ImportDialog(QDialog):
    """Import one file: read it, let the officer check the details, add it to `library`."""

    imported = Signal(object)  # ImportResult

    def __init__(
        self,
        path: Path,
        library: Path,
        folders: Sequence[LibraryFolder],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from briefgen.gui.workers import TaskRunner

        self.path = path
        self.library = library
        self.folders = tuple(folders)
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
        self.form = QWidget()
        form = QFormLayout(self.form)
        for label, name in (
            ("&Title", "title"),
            ("&Publisher", "publisher"),
            ("&Date", "date"),
            ("&Short title", "short_title"),
            ("Source &id", "id"),
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

        layout = QVBoxLayout(self)
        for widget in (self.status, self.progress, self.form, self.notes, self.error):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)

        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)
        self._read()

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
        pages = f"{len(document.pages):,} pages, " if document.pages else ""
        origins = detail_origins(document, ImportDetails())
        taken = "; ".join(f"the {name} from {where}" for name, where in origins.items())
        self.status.setText(
            f"{self.path.name}: {pages}{len(document.text):,} characters. Check the details, "
            "then import it into your library."
            + (f"\nTaken from the file: {taken}." if taken else "")
        )
        self.notes.setText("\n".join([*document.warnings, *document.notices]))
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.form.setEnabled(True)
        self.import_button.setEnabled(True)
        self.import_button.setDefault(True)
        self.fields["title"].setFocus()

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
        if self.document is None or self.tasks.busy:
            return
        self.error.clear()
        self.form.setEnabled(False)
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.status.setText(f"Adding {self.path.name} to your library…")
        path, library, folders, details = self.path, self.library, self.folders, self.details()
        document, cancel = self.document, self.cancel_event
        self.tasks.start(
            lambda: import_document(path, library, folders, details, None, cancel, document),
            self._imported,
            self._failed,
            doing=f"importing {path.name}",
        )

    def _imported(self, result: ImportResult) -> None:
        self.import_result = result
        self.imported.emit(result)
        self.accept()

    def _failed(self, message: str) -> None:
        if self.cancel_event.is_set():
            return  # cancelled: the dialog is closing and nothing was added
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.error.setText(message)
        if self.document is None:  # the file cannot be read: nothing to fill in
            self.status.setText(f"{self.path.name} cannot be imported.")
            self.cancel_button.setText("Close")
            return
        self.status.setText("Nothing was added. Correct the details and import again.")
        self.form.setEnabled(True)
        self.import_button.setEnabled(True)

    def reject(self) -> None:
        """Cancel: stop the worker between pages; whatever it wrote is removed."""
        self.cancel_event.set()
        super().reject()

    def done(self, code: int) -> None:
        super().done(code)
        self.tasks.wait()


def ask_document(parent: QWidget) -> Path | None:
    """The file the officer picks to import, or None."""
    path, _ = QFileDialog.getOpenFileName(parent, "Import document", "", FILE_FILTER)
    return Path(path) if path else None


def import_into_library(window: Any, path: Path | None = None) -> ImportDialog | None:
    """File → Import document…: ask for a file, run the dialog, reload the content after."""
    from briefgen.library.folders import library_folders, user_library_dir

    path = path if path is not None else ask_document(window)
    if path is None:
        return None
    try:
        folders = library_folders(window.content_dir)
    except Exception as error:  # a team folder that is missing: say so, import nothing
        from briefgen.gui import dialogs

        dialogs.show_error(window, "The libraries cannot be read.", str(error))
        return None
    dialog = ImportDialog(path, user_library_dir(), folders, window)

    def reload(result: ImportResult) -> None:
        message = f"Imported {result.entry['title']} as '{result.source_id}'." + (
            f" Its publisher, new to briefgen, is now the organisation '{result.organisation}'"
            " (File > Review suggested items… to quote it)."
            if result.organisation
            else " File > Review suggested items… to quote it."
        )

        def loaded() -> None:  # after the window's own "Content loaded" message
            from briefgen.gui import dialogs

            window.corpusLoaded.disconnect(loaded)
            window.statusBar().showMessage(message, 30_000)
            corpus = window.corpus
            listed = corpus is not None and result.source_id in corpus.sources
            if listed and dialogs.ask_review_import(window, str(result.entry["title"])):
                window.curation.open_review(result.source_id)

        window.corpusLoaded.connect(loaded)
        window.load_content()

    dialog.imported.connect(reload)
    dialog.open()
    return dialog
