"""Undo and redo of every kind of change to the pack, and key items marked from the list:
shown in their own column, leading their theme, saved in the pack file and read back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefgen.gui import dialogs
from briefgen.gui.items_model import KEY
from briefgen.pack.packfile import load_pack


def row_ids(window: Any) -> list[str]:
    return [window.model.item_at(n).id for n in range(window.model.rowCount())]


def choose(combo: Any, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def undo(window: Any) -> None:
    window.commands.undo.trigger()


def redo(window: Any) -> None:
    window.commands.redo.trigger()


def test_themes_audience_and_layout_are_undone_and_redone(window: Any) -> None:
    commands = window.commands
    assert not commands.undo.isEnabled()
    window.set_themes(["workforce"])
    choose(window.audience_combo, "scrutiny")
    choose(window.layout_combo, "committee-report")
    assert commands.undo.text() == "&Undo change the layout"
    undo(window)
    assert window.spec.layout == "member-briefing"
    assert window.layout_combo.currentData() == "member-briefing"
    undo(window)
    assert window.spec.audience == "members"
    assert window.audience_combo.currentData() == "members"
    undo(window)
    assert window.spec.themes == [] and window.ticked_themes() == set()
    assert not commands.undo.isEnabled()
    redo(window)
    assert window.ticked_themes() == {"workforce"}
    assert row_ids(window) == ["wf-rec-pay", "wf-risk-stall"]
    redo(window)
    redo(window)
    assert (window.spec.audience, window.spec.layout) == ("scrutiny", "committee-report")
    assert not commands.redo.isEnabled()


def test_ctrl_z_and_ctrl_y_undo_and_redo_from_the_item_list(window: Any, qtbot: Any) -> None:
    choose(window.audience_combo, "senior-officers")
    window.set_themes(["workforce"])
    view = window.items_panel.view
    window.items_panel.select_item("wf-risk-stall")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)  # leave it out
    assert window.spec.excluded == ["wf-risk-stall"]
    qtbot.keySequence(view, "Alt+Up")  # move it
    assert row_ids(window) == ["wf-risk-stall", "wf-rec-pay", "wf-evidence-agency"]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert row_ids(window) == ["wf-rec-pay", "wf-risk-stall", "wf-evidence-agency"]
    assert window.spec.order == []
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.spec.excluded == []
    assert window.items_panel.current_item().id == "wf-risk-stall", "the current item stays"
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.spec.excluded == ["wf-risk-stall"]
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert row_ids(window)[0] == "wf-risk-stall"


def test_typing_in_one_field_is_one_undo_step(window: Any, qtbot: Any) -> None:
    window.tabs.setCurrentWidget(window.meeting_form)
    title = window.meeting_form.title
    title.setFocus()
    qtbot.keyClicks(title, "Agency staff")
    meeting = window.meeting_form.meeting
    meeting.setFocus()
    qtbot.keyClicks(meeting, "Cabinet")
    window.tabs.setCurrentWidget(window.officer_form)
    notes = window.officer_form.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "Ask the chair")
    assert window.commit_forms().officer.notes == "Ask the chair"
    assert window.undo_stack.count() == 3
    undo(window)
    assert window.spec.officer.notes == "" and notes.toPlainText() == ""
    undo(window)
    assert window.spec.meeting.meeting == "" and meeting.text() == ""
    assert window.spec.meeting.title == "Agency staff" == title.text()
    undo(window)
    assert title.text() == ""
    redo(window)
    assert title.text() == "Agency staff"


def test_undoing_back_to_the_saved_pack_makes_it_saved_again(
    window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    path = tmp_path / "pack.briefgen.yaml"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, suggested: path)
    window.set_themes(["funding"])
    window.files.save()
    window.files.finish()  # written on a worker
    assert not window.isWindowModified()
    window.set_themes(["workforce"])
    assert window.isWindowModified()
    undo(window)
    assert not window.isWindowModified()
    assert window.ticked_themes() == {"funding"}


def test_ctrl_k_marks_an_item_key_so_it_leads_and_is_saved(
    window: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    choose(window.audience_combo, "senior-officers")
    window.set_themes(["workforce"])
    assert row_ids(window) == ["wf-rec-pay", "wf-risk-stall", "wf-evidence-agency"]
    key_cell = window.model.index(2, KEY)
    assert key_cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert key_cell.data() == ""
    assert window.model.headerData(KEY, Qt.Orientation.Horizontal) == "Key"
    view = window.items_panel.view
    window.items_panel.select_item("wf-evidence-agency")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.spec.key_items == ["wf-evidence-agency"]
    assert row_ids(window) == ["wf-evidence-agency", "wf-rec-pay", "wf-risk-stall"]
    first = window.model.index(0, KEY)
    assert first.data() == "Key"
    assert first.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert "key" in window.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert window.items_panel.current_item().id == "wf-evidence-agency"

    # The tick box in the Key column unmarks one the content marks key.
    wf_rec_pay = window.model.index(1, KEY)
    assert window.model.setData(wf_rec_pay, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert window.spec.not_key == ["wf-rec-pay"]

    path = tmp_path / "keys.briefgen.yaml"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, suggested: path)
    window.files.save()
    window.files.finish()  # written on a worker
    saved = load_pack(path)
    assert (saved.key_items, saved.not_key) == (["wf-evidence-agency"], ["wf-rec-pay"])

    window.files.new_pack()
    assert window.spec.key_items == []
    window.files.open_path(path)
    window.files.finish()  # read on a worker
    assert row_ids(window)[0] == "wf-evidence-agency"
    assert window.model.index(1, KEY).data() == ""  # wf-rec-pay, unmarked
    assert QApplication.focusWidget() is view, "after opening, the item list has the focus"

    undo_text = window.commands.undo
    assert not undo_text.isEnabled(), "a pack opened starts a fresh history"


def test_marking_key_is_undone_like_any_change(window: Any) -> None:
    choose(window.audience_combo, "senior-officers")
    window.set_themes(["workforce"])
    window.items_panel.select_item("wf-evidence-agency")
    window.items_panel.key_button.click()
    assert row_ids(window)[0] == "wf-evidence-agency"
    assert window.commands.undo.text() == "&Undo mark an item key"
    undo(window)
    assert window.spec.key_items == []
    assert row_ids(window) == ["wf-rec-pay", "wf-risk-stall", "wf-evidence-agency"]
