"""The small dialog that adds an organisation to the library items are curated into, so an item
stating a body's view briefgen does not list yet can be added without editing YAML. The file is
written on a worker (a team folder on a slow share never freezes the window); the dialog waits,
its fields kept, until it lands, because the item about to be added names the organisation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from briefgen.content import Corpus
from briefgen.content.model import LibraryFolder, Organisation
from briefgen.gui.workers import TaskRunner, writing_library
from briefgen.library.destinations import library_at, library_label
from briefgen.library.organisations_file import (
    add_organisation,
    organisation_problems,
    suggested_id,
    suggested_short,
)

FIELD_LABELS = {"name": "Name", "short": "Short name", "id": "Id"}


class NewOrganisationDialog(QDialog):
    """Name, short name and id of a new organisation, written to `library` on OK."""

    def __init__(
        self, corpus: Corpus, library: Path | LibraryFolder, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        target = library_at(library, corpus.libraries)
        self.corpus, self.library = corpus, target.path
        self.added: Organisation | None = None
        self.learnt: Corpus | None = None  # `corpus` listing the organisation added
        self.writes = TaskRunner(max_threads=1, parent=self)
        self.setWindowTitle("New organisation")
        self.where = library_label(target)
        intro = QLabel(
            "Whose view an item states, if briefgen does not list it yet. It is added to "
            f"{self.where}, in:\n{self.library / 'organisations.yaml'}"
        )
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setPlaceholderText("In full, e.g. Care Quality Commission")
        self.short = QLineEdit()
        self.short.setPlaceholderText("What citations print, e.g. CQC")
        self.org_id = QLineEdit()
        self.org_id.setPlaceholderText("Lower-case letters, digits and hyphens")
        for field, about in (
            (self.name, "The organisation's name in full."),
            (self.short, "How citations name it: an abbreviation or a short name."),
            (self.org_id, "How items name it: lower-case letters, digits and hyphens."),
        ):
            field.setAccessibleDescription(about)
            field.setToolTip(about)
        self.name.setAccessibleName("Name")
        self.short.setAccessibleName("Short name")
        self.org_id.setAccessibleName("Id")
        # The short name and id follow the name until the officer types in them.
        self._short_typed = self._id_typed = False
        self.name.textChanged.connect(self._follow_name)
        self.short.textEdited.connect(lambda: setattr(self, "_short_typed", True))
        self.org_id.textEdited.connect(lambda: setattr(self, "_id_typed", True))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem")
        self.problem.hide()
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Add organisation")
        buttons.accepted.connect(self.add)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Short name (in citations):", self.short)
        form.addRow("&Id:", self.org_id)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.name.setFocus()

    def _follow_name(self, name: str) -> None:
        if not self._short_typed:
            self.short.setText(suggested_short(name))
        if not self._id_typed:
            self.org_id.setText(suggested_id(name, self.corpus.organisations))

    def _field(self, name: str) -> QLineEdit:
        return {"name": self.name, "short": self.short, "id": self.org_id}[name]

    def _show_problem(self, text: str, field: str | None) -> None:
        """Say what is wrong under the fields (read out by screen readers) and go to the field."""
        self.problem.setText(text)
        self.problem.setAccessibleDescription(text)
        self.problem.show()
        self.adjustSize()  # room for the message, the fields kept at their height
        if field is not None:
            self._field(field).setFocus()
            self._field(field).selectAll()

    def add(self) -> None:
        """Check the fields, then write the organisation (atomic) on a worker and close once it
        has landed; a problem is shown under the fields, which are kept."""
        if self.writing:
            return
        org_id, name, short = self.org_id.text(), self.name.text(), self.short.text()
        corpus, library = self.corpus, self.library
        problems = organisation_problems(corpus, org_id, name, short)
        if problems:
            text = "\n".join(f"{FIELD_LABELS[field]}: {problem}" for field, problem in problems)
            self._show_problem(text, problems[0][0])
            return
        self._set_writing(True)
        self._show_problem(f"Adding the organisation to {self.where}…", None)
        self.writes.start(
            writing_library(lambda: add_organisation(corpus, library, org_id, name, short)),
            self._added,
            self._not_added,
            doing="adding an organisation",
        )

    def _added(self, result: tuple[Organisation, Corpus]) -> None:
        self.added, self.learnt = result
        self._set_writing(False)
        self.accept()

    def _not_added(self, message: str) -> None:
        self._set_writing(False)
        self._show_problem(message, None)
        self.name.setFocus()

    @property
    def writing(self) -> bool:
        """Whether the organisation is being written (the dialog waits for it)."""
        return self.writes.busy

    def _set_writing(self, writing: bool) -> None:
        """Fields and buttons held while the file is written: what it holds is what was typed."""
        for widget in (self.name, self.short, self.org_id, self.buttons):
            widget.setEnabled(not writing)

    def reject(self) -> None:
        """Cancel, except while the organisation is being written (it lands, then closes)."""
        if not self.writing:
            super().reject()

    def done(self, code: int) -> None:
        super().done(code)
        self.writes.wait()  # never closed with a write half done
