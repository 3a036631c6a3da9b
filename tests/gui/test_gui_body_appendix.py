"""A committee report's items in its body or Appendix A: the Part column says which, Ctrl+B
(Edit > Move to body or appendix) moves the current item, undoably, and the preview follows.
In a member briefing the same column says which items it quotes and which it only counts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from briefgen.gui import dialogs
from briefgen.gui.items_model import PART
from briefgen.pack import builder
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
    assert not view.isColumnHidden(PART), "a member briefing says which items it quotes"
    assert set(parts(window).values()) <= {"Quoted", "Counted"}
    choose(window.layout_combo, "evidence-pack")
    assert view.isColumnHidden(PART), "an evidence pack quotes every item"
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
    window.files.finish()  # written on a worker
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


def quoted_ids(window: Any) -> set[str]:
    """What the pack built from the window's spec quotes (as the export writes it)."""
    return set(builder.quoted_ids(builder.build_pack(window.corpus, window.spec).sections))


def test_a_member_briefing_says_which_items_it_quotes_and_a_key_mark_quotes_one(
    make_window: Any, shipped_corpus: Any, qtbot: Any
) -> None:
    window = make_window(corpus=shipped_corpus)  # themes with more items than a briefing quotes
    view = window.items_panel.view
    choose(window.audience_combo, "senior-officers")  # not only the key items
    with qtbot.waitSignal(window.previewShown, timeout=15_000):
        window.set_themes(["workforce", "funding"])
    before = parts(window)
    quoted = {item_id for item_id, part in before.items() if part == "Quoted"}
    counted = [
        item_id
        for item_id, part in before.items()
        if part == "Counted" and not shipped_corpus.by_id[item_id].key
    ]
    assert quoted and counted, "the briefing quotes some items and counts the rest"
    assert quoted_ids(window) == quoted, "what the list says is what the briefing quotes"
    label = window.items_panel.count_label.text()
    assert label.startswith(f"{len(before)} of {len(before)} items included, {len(quoted)} quoted")
    row = window.model.visible_row(counted[0])
    spoken = window.model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "counted, not quoted (mark it key to quote it)" in spoken

    window.items_panel.select_item(counted[0])
    view.setFocus()
    with qtbot.waitSignal(window.previewShown, timeout=15_000):
        qtbot.keyClick(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert parts(window)[counted[0]] == "Quoted"
    assert counted[0] in quoted_ids(window)
