"""A committee report's items in its body or Appendix A: the Part column says which, Ctrl+B
(Edit > Move to body or appendix) moves the current item, undoably, and the preview follows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from briefgen.gui import dialogs
from briefgen.gui.items_model import PART
from briefgen.pack.model import Quote
from briefgen.pack.packfile import load_pack


def choose(combo: Any, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def parts(window: Any) -> dict[str, str]:
    return {
        window.model.item_at(n).id: window.model.index(n, PART).data()
        for n in range(window.model.rowCount())
    }


def appendix_quotes(pack: Any) -> set[str]:
    start = next(n for n, s in enumerate(pack.sections) if s.title.startswith("Appendix A"))
    return {
        block.item_id
        for section in pack.sections[start:]
        for block in section.blocks
        if isinstance(block, Quote)
    }


def test_ctrl_b_moves_an_item_between_body_and_appendix(
    window: Any, qtbot: Any, fake_render: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    view = window.items_panel.view
    window.set_themes(["workforce"])
    assert view.isColumnHidden(PART), "a member briefing has no body and appendix"
    choose(window.audience_combo, "senior-officers")
    choose(window.layout_combo, "committee-report")
    assert not view.isColumnHidden(PART)
    assert window.model.headerData(PART, Qt.Orientation.Horizontal) == "Part"
    before = parts(window)
    assert set(before.values()) <= {"Body", "Appendix"} and "Body" in before.values()
    moved = next(item_id for item_id, part in before.items() if part == "Body")

    window.items_panel.select_item(moved)
    view.setFocus()
    with qtbot.waitSignal(window.previewShown, timeout=15_000):
        qtbot.keyClick(view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert window.spec.in_appendix == [moved] and window.spec.in_body == []
    assert parts(window) == {**before, moved: "Appendix"}
    row = window.model.visible_row(moved)
    assert "in Appendix A" in window.model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert window.items_panel.current_item().id == moved
    assert moved in appendix_quotes(fake_render.calls[-1][0]), "the preview shows the move"
    assert window.commands.undo.text() == "&Undo move an item to the appendix"
    edit_menu = window.menuBar().actions()[1].menu()
    assert window.items_panel.part_action in edit_menu.actions()

    path = tmp_path / "parts.briefgen.yaml"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, suggested: path)
    assert window.files.save()
    assert load_pack(path).in_appendix == [moved]

    window.commands.undo.trigger()
    assert window.spec.in_appendix == [] and parts(window) == before
    window.commands.redo.trigger()
    assert parts(window)[moved] == "Appendix"
    # And back again from the Edit menu: the builder's own choice, so no entry is needed.
    window.items_panel.select_item(moved)
    window.items_panel.part_action.trigger()
    assert window.spec.in_appendix == [] and window.spec.in_body == []
    assert parts(window) == before


def test_outside_a_committee_report_ctrl_b_says_why_nothing_moved(window: Any) -> None:
    window.set_themes(["workforce"])
    window.items_panel.select_item(window.model.item_at(0).id)
    window.items_panel.part_action.trigger()
    assert window.spec.in_body == [] and window.spec.in_appendix == []
    assert "Only a committee report has a body and an appendix" in (
        window.statusBar().currentMessage()
    )
    assert "Move" not in window.undo_stack.undoText()
