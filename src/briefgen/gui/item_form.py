"""The fields an officer sets on an item before it is added (kind, organisation, themes, key,
headline, locator), shared by the review view and "Add as item…". The quote is never here: it
is a span of the source, shaped in the source text, not typed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from briefgen.content import ITEM_KINDS, Corpus
from briefgen.content.kinds import kind_rules
from briefgen.content.model import LibraryFolder, Organisation
from briefgen.gui.widgets import ElidedComboBox, describe
from briefgen.library.destinations import library_at, library_label

CHOOSE_KIND = "Choose a kind…"
CHOOSE_ORG = "Choose whose view it is…"


class ItemForm(QWidget):
    """Kind, organisation, themes, key flag, headline and locator of an item to add. Given
    the `library` items are added to, it offers to add a new organisation there."""

    # The corpus listing an organisation just added from the form ("New…").
    corpusChanged = Signal(object)

    def __init__(
        self,
        corpus: Corpus,
        parent: QWidget | None = None,
        library: Path | LibraryFolder | None = None,
    ) -> None:
        super().__init__(parent)
        self.corpus = corpus
        # A library already named is taken as it is: naming a folder resolves its path, which
        # on a share is a wait on the GUI thread.
        self.target = library_at(library, corpus.libraries) if library is not None else None
        self.library = self.target.path if self.target is not None else None
        self.organisation_dialog: Any = None  # the "New organisation" dialog while open
        # Each list opens on a blank choice: a guess the officer did not make (the first kind, the
        # first organisation) would be added as if they had.
        self.kind = QComboBox()
        self.kind.addItem(CHOOSE_KIND, "")
        rules = kind_rules()
        for kind in ITEM_KINDS:  # each kind's rule, as the curation guide has it
            self.kind.addItem(kind, kind)
            self.kind.setItemData(self.kind.count() - 1, rules[kind], Qt.ItemDataRole.ToolTipRole)
        # A long name is shortened with "…" (whole in the tooltip), so it fits 200% text.
        self.org = ElidedComboBox("Organisation", "Whose view or finding the quote states.", 16)
        self.org.addItem(CHOOSE_ORG, "")
        for org in corpus.organisations.values():
            self._list_organisation(org)
        self.new_org = QPushButton("Ne&w…")
        where = library_label(self.target) if self.target is not None else ""
        describe(
            self.new_org,
            "New organisation",
            f"Add an organisation briefgen does not list yet to {where}.",
        )
        self.new_org.clicked.connect(lambda: self.open_new_organisation())
        self.new_org.setVisible(library is not None)
        # A suggestion's two likeliest kinds, when the model was unsure: one press swaps them.
        self.guesses: tuple[str, str] = ("", "")
        self.other_kind = QPushButton()
        self.other_kind.clicked.connect(self._swap_kind)
        self.other_kind.setVisible(False)
        self.themes = QListWidget()
        for theme in corpus.themes.values():
            entry = QListWidgetItem(theme.label)
            entry.setData(Qt.ItemDataRole.UserRole, theme.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.themes.addItem(entry)
        self.themes.setMaximumHeight(self.fontMetrics().height() * 8)
        # Never squeezed below four themes in view: a form with less room scrolls instead.
        shown = min(self.themes.count(), 4)
        if shown:
            frame = 2 * self.themes.frameWidth()
            self.themes.setMinimumHeight(self.themes.sizeHintForRow(0) * shown + frame)
        self.key = QCheckBox("Ke&y item for member briefings")
        self.headline = QLineEdit()
        self.headline.setPlaceholderText("In your own words (never shown as a quote)")
        self.locator = QLineEdit()
        self.kind.currentIndexChanged.connect(self._describe_kind)
        self._describe_kind()
        describe(self.themes, "Themes", "Tick one to three themes the item belongs to.")
        describe(self.headline, "Headline, your own words", "A plain-English summary.")
        describe(self.locator, "Locator", "Where the quote is: page, paragraph or section.")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        # A field with no room beside its label goes under it (a narrow pane at 200% text).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        _add_row_with_button(form, "&Kind:", self.kind, self.other_kind)
        _add_row_with_button(form, "&Organisation:", self.org, self.new_org)
        form.addRow("T&hemes:", self.themes)
        form.addRow("", self.key)
        form.addRow("Head&line (your words):", self.headline)
        form.addRow("Loca&tor:", self.locator)

    def _list_organisation(self, org: Organisation) -> None:
        # "D2I Consortium", not "D2I Consortium (D2I Consortium)" for one added by import.
        label = org.short if org.short == org.name else f"{org.short} ({org.name})"
        self.org.addItem(label, org.id)

    def open_new_organisation(self) -> QDialog:
        """Open the "New organisation" dialog; on OK the list gains it, selected."""
        from briefgen.gui.new_organisation import NewOrganisationDialog

        assert self.target is not None  # the button is shown only with a library
        dialog = NewOrganisationDialog(self.corpus, self.target, self)
        dialog.accepted.connect(lambda: self._organisation_added(dialog))
        dialog.finished.connect(lambda _result: setattr(self, "organisation_dialog", None))
        self.organisation_dialog = dialog
        dialog.open()
        return dialog

    def _organisation_added(self, dialog: Any) -> None:
        if dialog.added is None or dialog.learnt is None:  # pragma: no cover - OK writes it
            return
        self.corpus = dialog.learnt
        if self.org.findData(dialog.added.id) < 0:
            self._list_organisation(dialog.added)
        self.org.setCurrentIndex(self.org.findData(dialog.added.id))
        self.org.setFocus()
        self.corpusChanged.emit(self.corpus)

    def _swap_kind(self) -> None:
        """Choose the other of the suggestion's two likeliest kinds."""
        first, second = self.guesses
        other = second if self.kind.currentData() == first else first
        self.kind.setCurrentIndex(self.kind.findData(other))

    def _offer_other_kind(self) -> None:
        """Show "Use evidence instead" while the chosen kind is one of the two guesses."""
        first, second = self.guesses
        current = self.kind.currentData()
        if not first or current not in (first, second):
            self.other_kind.setVisible(False)
            return
        other = second if current == first else first
        self.other_kind.setText(f"Use {other} &instead")
        describe(
            self.other_kind,
            f"Use {other} instead",
            f"The suggestion could not decide between the kinds {first} and {second}: "
            f"choose {other}. {other}: {kind_rules().get(other, '')}",
        )
        self.other_kind.setVisible(True)

    def _describe_kind(self) -> None:
        """Say what the chosen kind means (tooltip and screen reader), so the officer can check
        the quote fits it."""
        kind = str(self.kind.currentData() or "")
        self._offer_other_kind()
        about = "What sort of point the quote makes."
        rule = kind_rules().get(kind, "")
        describe(self.kind, "Kind", f"{about} {kind}: {rule}" if rule else about)

    def set_values(
        self,
        kind: str,
        org: str,
        themes: Sequence[str],
        locator: str,
        headline: str = "",
        other_kind: str = "",
    ) -> None:
        """Fill the fields (a suggestion's guesses; `other_kind` its runner-up kind, offered
        on a button beside the Kind box)."""
        self.guesses = (kind, other_kind) if kind and other_kind else ("", "")
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self._offer_other_kind()
        self.org.setCurrentIndex(max(self.org.findData(org), 0))
        for row in range(self.themes.count()):
            entry = self.themes.item(row)
            ticked = entry.data(Qt.ItemDataRole.UserRole) in themes
            entry.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.locator.setText(locator)
        self.headline.setText(headline)
        self.key.setChecked(False)

    def ticked_themes(self) -> list[str]:
        return [
            str(self.themes.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.themes.count())
            if self.themes.item(row).checkState() == Qt.CheckState.Checked
        ]

    def missing(self) -> str:
        """What must still be chosen before the item can be added ('' when nothing), focusing
        the first field concerned."""
        if not self.kind.currentData():
            self.kind.setFocus()
            return "Choose the item's kind (what sort of point the quote makes) under Kind."
        if not self.org.currentData():
            self.org.setFocus()
            how = (
                "choose New… beside it (Alt+W)"
                if self.library is not None
                else "add it to organisations.yaml in your library (id, name and short name), "
                "then reload the content"
            )
            return (
                "Choose whose view or finding the quote states under Organisation. For one "
                f"briefgen does not list yet, {how}."
            )
        return ""

    def record(self, item_id: str, text: str) -> dict[str, Any]:
        """The items-file record these fields give for quote `text`."""
        return {
            "id": item_id,
            "kind": self.kind.currentData() or "",
            "org": self.org.currentData() or "",
            "locator": self.locator.text().strip(),
            "themes": self.ticked_themes(),
            "key": self.key.isChecked(),
            "headline": self.headline.text().strip(),
            "text": text,
        }


def _add_row_with_button(form: QFormLayout, text: str, field: QWidget, button: QWidget) -> None:
    """A form row of `field` with `button` beside it; the label's Alt letter goes to the field,
    not to the row around it."""
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(button)
    form.addRow(text, row)
    label = form.labelForField(row)
    if isinstance(label, QLabel):
        label.setBuddy(field)
