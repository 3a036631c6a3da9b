"""The Kind box of the item form says what each kind means: each choice's tooltip is its rule,
and the box's description (tooltip and screen reader) follows the kind chosen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from briefgen.content import ITEM_KINDS, Corpus
from briefgen.content.kinds import kind_rules
from briefgen.gui.item_form import ItemForm


def test_each_kind_choice_shows_its_rule_and_the_box_describes_the_chosen_kind(
    qtbot: Any, shipped_corpus: Corpus
) -> None:
    form = ItemForm(shipped_corpus)
    qtbot.addWidget(form)
    rules = kind_rules()
    tip = Qt.ItemDataRole.ToolTipRole
    assert form.kind.itemData(0) == ""  # "Choose a kind…": nothing chosen yet
    assert form.kind.accessibleDescription() == "What sort of point the quote makes."
    tips = [form.kind.itemData(row, tip) for row in range(1, form.kind.count())]
    assert tips == [rules[kind] for kind in ITEM_KINDS]
    form.set_values("driver", "lga", [], "Detailed discussion")
    assert form.kind.accessibleDescription().endswith(f"driver: {rules['driver']}")
    assert form.kind.toolTip() == form.kind.accessibleDescription()
    form.kind.setCurrentText("evidence")
    assert "evidence: A fact, statistic" in form.kind.accessibleDescription()


def test_an_unsure_suggestions_other_kind_is_one_press_away(
    qtbot: Any, shipped_corpus: Corpus
) -> None:
    form = ItemForm(shipped_corpus)
    qtbot.addWidget(form)
    form.show()
    form.set_values("driver", "lga", [], "p. 4", other_kind="evidence")
    assert form.other_kind.isVisible()
    assert form.other_kind.text() == "Use evidence &instead"
    assert form.other_kind.accessibleDescription().startswith(
        "The suggestion could not decide between the kinds driver and evidence: choose "
        "evidence. evidence: A fact, statistic"
    )
    assert form.other_kind.accessibleName() == "Use evidence instead"
    form.other_kind.click()  # Alt+I in the review view: test_gui_review.py
    assert form.kind.currentData() == "evidence"
    assert form.other_kind.text() == "Use driver &instead"  # and back again
    form.other_kind.click()
    assert form.kind.currentData() == "driver"
    form.kind.setCurrentText("risk")  # the officer's own choice: no guess left to offer
    assert not form.other_kind.isVisible()
    form.set_values("position", "lga", [], "p. 5")  # a suggestion the model was sure of
    assert not form.other_kind.isVisible()
