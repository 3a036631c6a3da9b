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
from briefgen.gui.widgets import describe


class ItemForm(QWidget):
    """Kind, organisation, themes, key flag, headline and locator of an item to add."""

    def __init__(self, corpus: Corpus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.addItems(list(ITEM_KINDS))
        rules = kind_rules()
        for row, kind in enumerate(ITEM_KINDS):  # each kind's rule, as the curation guide has it
            self.kind.setItemData(row, rules[kind], Qt.ItemDataRole.ToolTipRole)
        self.org = QComboBox()
        for org in corpus.organisations.values():
            self.org.addItem(f"{org.short} ({org.name})", org.id)
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
        self.kind.currentTextChanged.connect(self._describe_kind)
        self._describe_kind(self.kind.currentText())
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

    def _describe_kind(self, kind: str) -> None:
        """Say what the chosen kind means (tooltip and screen reader), so the officer can check
        the quote fits it."""
        rule = kind_rules().get(kind, "")
        describe(self.kind, "Kind", f"What sort of point the quote makes. {kind}: {rule}")

    def set_values(
        self, kind: str, org: str, themes: Sequence[str], locator: str, headline: str = ""
    ) -> None:
        """Fill the fields (a suggestion's guesses)."""
        self.kind.setCurrentText(kind)
        index = self.org.findData(org)
        self.org.setCurrentIndex(max(index, 0))
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

    def record(self, item_id: str, text: str) -> dict[str, Any]:
        """The items-file record these fields give for quote `text`."""
        return {
            "id": item_id,
            "kind": self.kind.currentText(),
            "org": self.org.currentData(),
            "locator": self.locator.text().strip(),
            "themes": self.ticked_themes(),
            "key": self.key.isChecked(),
            "headline": self.headline.text().strip(),
            "text": text,
        }
