"""The fields an officer sets on an item before it is added (kind, organisation, themes, key,
headline, locator), shared by the review view and "Add as item…". The quote is never here: it
is a span of the source, shaped in the source text, not typed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from briefgen.content import ITEM_KINDS, Corpus
from briefgen.content.kinds import kind_rules
from briefgen.gui.widgets import describe, shrinkable

CHOOSE_KIND = "Choose a kind…"
CHOOSE_ORG = "Choose whose view it is…"


class ItemForm(QWidget):
    """Kind, organisation, themes, key flag, headline and locator of an item to add."""

    def __init__(self, corpus: Corpus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Each list opens on a blank choice: a guess the officer did not make (the first kind, the
        # first organisation) would be added as if they had.
        self.kind = QComboBox()
        self.kind.addItem(CHOOSE_KIND, "")
        rules = kind_rules()
        for kind in ITEM_KINDS:  # each kind's rule, as the curation guide has it
            self.kind.addItem(kind, kind)
            self.kind.setItemData(self.kind.count() - 1, rules[kind], Qt.ItemDataRole.ToolTipRole)
        self.org = shrinkable(QComboBox(), 16)  # long names elided: it fits 200% text
        self.org.addItem(CHOOSE_ORG, "")
        for org in corpus.organisations.values():
            # "D2I Consortium", not "D2I Consortium (D2I Consortium)" for one added by import.
            label = org.short if org.short == org.name else f"{org.short} ({org.name})"
            self.org.addItem(label, org.id)
        self.themes = QListWidget()
        for theme in corpus.themes.values():
            entry = QListWidgetItem(theme.label)
            entry.setData(Qt.ItemDataRole.UserRole, theme.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.themes.addItem(entry)
        self.themes.setMaximumHeight(self.fontMetrics().height() * 8)
        self.key = QCheckBox("&Key item for member briefings")
        self.headline = QLineEdit()
        self.headline.setPlaceholderText("In your own words (never shown as a quote)")
        self.locator = QLineEdit()
        self.kind.currentIndexChanged.connect(self._describe_kind)
        self._describe_kind()
        describe(self.org, "Organisation", "Whose view or finding the quote states.")
        describe(self.themes, "Themes", "Tick one to three themes the item belongs to.")
        describe(self.headline, "Headline, your own words", "A plain-English summary.")
        describe(self.locator, "Locator", "Where the quote is: page, paragraph or section.")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Organisation:", self.org)
        form.addRow("T&hemes:", self.themes)
        form.addRow("", self.key)
        form.addRow("Head&line (your words):", self.headline)
        form.addRow("L&ocator:", self.locator)

    def _describe_kind(self) -> None:
        """Say what the chosen kind means (tooltip and screen reader), so the officer can check
        the quote fits it."""
        kind = str(self.kind.currentData() or "")
        about = "What sort of point the quote makes."
        rule = kind_rules().get(kind, "")
        describe(self.kind, "Kind", f"{about} {kind}: {rule}" if rule else about)

    def set_values(
        self, kind: str, org: str, themes: Sequence[str], locator: str, headline: str = ""
    ) -> None:
        """Fill the fields (a suggestion's guesses)."""
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
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
            return (
                "Choose whose view or finding the quote states under Organisation. For one "
                "briefgen does not list yet, add it to organisations.yaml in your library "
                "(id, name and short name), then reload the content."
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
