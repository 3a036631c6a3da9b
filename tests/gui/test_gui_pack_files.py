"""Pack files in the window: save and open, the unsaved-changes question, recent files,
autosave and recovery after a crash, and a pack naming items the content no longer has."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from briefgen.gui import dialogs
from briefgen.pack import PackSpec
from briefgen.pack.packfile import load_pack, save_pack
from briefgen.recovery import RecoveryStore

ASK_UNSAVED = dialogs.ask_unsaved  # the real one, before the fixture replaces it


def edit_pack(window: Any) -> None:
    window.audience_combo.setCurrentIndex(window.audience_combo.findData("scrutiny"))
    window.set_themes(["funding", "workforce"])
    window.meeting_form.title.setText("Funding pressures")
    window.meeting_form.title.textEdited.emit("Funding pressures")
    window.meeting_form.meeting_date.set_meeting_date(date(2026, 11, 22))
    window.officer_form.key_messages.setPlainText("Costs are rising\nPlan for three years")
    window.items_panel.select_item("fund-risk-grants")
    window.items_panel.toggle_current()


def test_save_then_open_gives_the_same_pack(
    make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    edit_pack(window)
    target = tmp_path / "funding"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, suggested: target)
    assert window.files.save()  # no file yet: asks where, adds the suffix
    window.files.finish()  # written on a worker
    saved = tmp_path / "funding.briefgen.yaml"
    assert window.path == saved and saved.exists()
    assert not window.isWindowModified()
    assert window.windowTitle() == "funding[*] — briefgen"
    spec = load_pack(saved)
    assert spec == window.spec
    assert spec.excluded == ["fund-risk-grants"]
    assert spec.officer.key_messages == ["Costs are rising", "Plan for three years"]

    other = make_window()
    other.files.open_path(saved)
    other.files.finish()  # read on a worker
    assert other.spec == spec
    assert other.meeting_form.title.text() == "Funding pressures"
    assert other.meeting_form.meeting_date.text() == "22/11/2026"
    assert other.audience_combo.currentData() == "scrutiny"
    assert not other.isWindowModified()
    assert other.files.recent_files()[0] == str(saved.resolve())
    assert other.notice.isHidden()


def test_ctrl_s_saves_to_the_open_file(make_window: Any, tmp_path: Path, qtbot: Any) -> None:
    saved = tmp_path / "pack.briefgen.yaml"
    save_pack(PackSpec(themes=["funding"]), saved)
    window = make_window()
    window.files.open_path(saved)
    window.files.finish()  # read on a worker
    window.set_themes(["workforce"])
    assert window.isWindowModified()
    qtbot.keySequence(window, "Ctrl+S")
    window.files.finish()  # written on a worker
    assert load_pack(saved).themes == ["workforce"]
    assert not window.isWindowModified()


def test_save_keeps_the_files_own_comments_and_save_as_does_not_inherit_others(
    make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine.briefgen.yaml"
    mine.write_text(
        "briefgen_pack: 1\n# Chair asked for workforce.\nthemes: [funding]\n", encoding="utf-8"
    )
    other = tmp_path / "other.briefgen.yaml"
    other.write_text("# A different pack's note.\nbriefgen_pack: 1\n", encoding="utf-8")
    window = make_window()
    window.files.open_path(mine)
    window.files.finish()  # read on a worker
    window.set_themes(["workforce"])
    assert window.files.save()
    window.files.finish()  # written on a worker
    assert "# Chair asked for workforce.\nthemes:\n- workforce" in mine.read_text("utf-8")
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, suggested: other)
    assert window.files.save_as()  # over another pack the officer chose to replace
    window.files.finish()  # written on a worker
    text = other.read_text("utf-8")
    assert "A different pack's note" not in text and "Chair asked for workforce" not in text
    assert load_pack(other).themes == ["workforce"]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("briefgen_pack: 1\nthemes: [a\n", ":3: not valid YAML"),
        (
            "briefgen_pack: 1\nthemes: [funding]\nthemes: [workforce]\n",
            ":3: 'themes' is given twice (first on line 2); keep one",
        ),
        (
            "",  # an empty file: said in an officer's words, not the file format's
            ": this is not a pack saved by briefgen (it is empty or holds something else); "
            "open a pack you saved from briefgen, or start a new one with File > New",
        ),
    ],
)
def test_a_pack_file_that_cannot_be_read_says_why(
    make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, why: str
) -> None:
    broken = tmp_path / "broken.briefgen.yaml"
    broken.write_text(text, encoding="utf-8")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, head, text: shown.append((head, text))
    )
    window = make_window()
    window.files.open_path(broken)
    window.files.finish()  # read on a worker
    assert shown[0][0] == "broken.briefgen.yaml could not be opened."
    assert f"{broken}{why}" in shown[0][1] and "Traceback" not in shown[0][1]
    assert window.path is None and window.spec == PackSpec()  # the pack in the window stays


@pytest.mark.parametrize(
    ("button", "closes"),
    [
        (QMessageBox.StandardButton.Cancel, False),
        (QMessageBox.StandardButton.Discard, True),
    ],
)
def test_closing_with_unsaved_changes_asks_first(
    make_window: Any, monkeypatch: pytest.MonkeyPatch, button: Any, closes: bool
) -> None:
    monkeypatch.setattr(dialogs, "ask_unsaved", ASK_UNSAVED)
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(button.value)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window = make_window()
    window.set_themes(["funding"])
    assert window.close() is closes
    assert asked == ["Save the changes to Untitled pack?"]
    assert window.isVisible() is not closes


def test_save_answer_saves_before_closing(
    make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda parent, name: "save")
    target = tmp_path / "kept.briefgen.yaml"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, suggested: target)
    window = make_window()
    window.set_themes(["funding"])
    assert window.close()
    assert load_pack(target).themes == ["funding"]


def test_new_and_open_ask_about_unsaved_changes(
    make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = ["cancel", "discard"]
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda parent, name: answers.pop(0))
    window = make_window()
    window.set_themes(["funding"])
    window.commands.new.trigger()
    assert window.spec.themes == ["funding"], "cancel keeps the work"
    window.commands.new.trigger()
    assert window.spec == PackSpec() and not window.isWindowModified()
    assert answers == []


def test_recent_files_persist_in_settings(
    make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.briefgen.yaml", tmp_path / "b.briefgen.yaml"
    for path in (first, second):
        save_pack(PackSpec(), path)
    window = make_window()
    window.files.open_path(first)
    window.files.finish()  # read on a worker
    window.files.open_path(second)
    window.files.finish()  # read on a worker
    later = make_window()  # a new window reads the same settings file
    assert later.files.recent_files()[:2] == [str(second.resolve()), str(first.resolve())]
    later.files.fill_recent_menu()
    titles = [action.text() for action in later.commands.recent_menu.actions()]
    assert titles[0].startswith("&1 b —") and titles[1].startswith("&2 a —")
    later.commands.recent_menu.actions()[1].trigger()
    later.files.finish()  # read on a worker
    assert later.path == first.resolve()


def test_autosave_and_recovery_after_a_crash(
    make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dead_pid = 2**22 + 4242  # above Linux's default pid_max: no running process has it
    crashed = make_window(recovery=RecoveryStore(tmp_path / "data", pid=dead_pid))
    edit_pack(crashed)
    crashed.files.autosave()  # what the timers do every few seconds
    crashed.files.finish()  # written on a worker
    assert crashed.files.recovery.pack_file.exists()
    # The process "dies" here: no save, no clean close, so its recovery file stays.

    offered: list[str] = []

    def accept(parent: Any, recovered: Any) -> bool:
        offered.append(recovered.describe())
        return True

    monkeypatch.setattr(dialogs, "offer_recovery", accept)
    restarted = make_window()
    assert restarted.files.offer_recovery()
    assert offered and offered[0].startswith("an unsaved pack, last autosaved")
    assert restarted.spec == crashed.spec
    assert restarted.meeting_form.title.text() == "Funding pressures"
    assert restarted.isWindowModified(), "recovered work is unsaved work"
    assert not crashed.files.recovery.pack_file.exists(), "the old recovery file is used up"
    assert restarted.files.recovery.pack_file.exists(), "and now this window guards it"
    assert not make_window().files.offer_recovery(), "offered only once"


def test_clean_close_and_save_delete_the_recovery_file(
    make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    window.set_themes(["funding"])
    window.files.autosave()
    window.files.finish()  # written on a worker
    assert window.files.recovery.pack_file.exists()
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, suggested: tmp_path / "x")
    window.files.save()
    window.files.finish()  # written on a worker
    assert not window.files.recovery.pack_file.exists()
    window.set_themes(["workforce"])
    window.files.autosave()
    window.files.finish()  # written on a worker
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda parent, name: "discard")
    assert window.close()
    assert not window.files.recovery.pack_file.exists()


def test_autosave_runs_shortly_after_a_change(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    window.files.autosave_soon.setInterval(50)
    window.set_themes(["funding"])
    qtbot.waitUntil(window.files.recovery.pack_file.exists, timeout=15_000)
    assert load_pack(window.files.recovery.pack_file).themes == ["funding"]


def test_a_pack_with_missing_items_opens_and_names_them(make_window: Any, tmp_path: Path) -> None:
    spec = PackSpec(audience="senior-officers", themes=["workforce"])
    spec.meeting.title = "Old pack"
    spec.excluded = ["wf-risk-stall", "gone-item"]
    spec.order = ["wf-evidence-agency", "retired-item"]
    path = tmp_path / "old.briefgen.yaml"
    save_pack(spec, path)
    window = make_window()
    window.files.open_path(path)
    window.files.finish()  # read on a worker
    assert window.notice.isVisible()
    message = window.notice.message()
    assert "2 items that are no longer in the content: gone-item, retired-item" in message
    # Nothing else is lost: the title, the exclusion and the order all still apply.
    assert window.meeting_form.title.text() == "Old pack"
    rows = [window.model.item_at(n).id for n in range(window.model.rowCount())]
    assert rows[0] == "wf-evidence-agency"
    assert window.spec.excluded == ["wf-risk-stall", "gone-item"]
    assert window.items_panel.count_label.text() == "2 of 3 items included"
    window.files.save()
    window.files.finish()  # written on a worker
    assert load_pack(path).excluded == ["wf-risk-stall", "gone-item"]
