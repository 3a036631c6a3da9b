"""File → Team folders…: an officer lists the team's shared folder, renames and removes it with
the keyboard alone; the content is read again after each change, the import's Add to box
follows, removing never touches a file, and a share that does not answer never freezes the
window."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenu
from tests.team_libraries import NOTE, snapshot

from briefgen.gui import dialogs, import_dialog, team_folders
from briefgen.gui.import_dialog import ImportDialog
from briefgen.gui.team_folders import TeamFoldersDialog
from briefgen.library.team_edits import add_team_folder
from briefgen.library.team_settings import read_team_folders


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("BRIEFGEN_CONFIG_DIR", str(folder))
    return folder


def team_library(folder: Path) -> Path:
    """A team's library as a colleague left it: one organisation of its own."""
    folder.mkdir(parents=True)
    (folder / "organisations.yaml").write_text(
        "- id: planning-team\n  name: The planning policy team\n  short: Planning\n",
        encoding="utf-8",
    )
    return folder


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None, "something has the keyboard focus"
    QTest.keyClick(focus, key, modifier)


def open_from_the_file_menu(window: Any, qtbot: Any) -> TeamFoldersDialog:
    """Alt+F, then F: File > Team folders…, as the keyboard opens it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    QTest.keyClick(menu, Qt.Key.Key_F)
    qtbot.waitUntil(lambda: window.team_folders_dialog is not None)
    dialog: TeamFoldersDialog = window.team_folders_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.tree)
    return dialog


def close(dialog: TeamFoldersDialog, qtbot: Any) -> None:
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def editing(dialog: TeamFoldersDialog) -> bool:
    """True once a name is being edited in place (a button's Alt+letter clicks it a moment
    later, as a click is shown)."""
    focus = QApplication.focusWidget()
    return focus is not None and focus is not dialog.tree and dialog.tree.isAncestorOf(focus)


def import_choices(
    window: Any, note: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> list[str]:
    """The Add to box of File > Import document… opened now (once the libraries are found,
    on a worker)."""
    monkeypatch.setattr(import_dialog, "ask_document", lambda parent: note)
    window.commands.import_document.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ImportDialog)))
    dialog = [d for d in window.findChildren(ImportDialog) if d.isVisible()][-1]
    combo = dialog.targets
    choices = [combo.itemText(index) for index in range(combo.count())]
    dialog.reject()
    return choices


def test_a_team_folder_added_renamed_and_removed_with_the_keyboard(
    qtbot: Any,
    make_window: Any,
    content_dir: Path,
    config: Path,
    tmp_path: Path,
    user_library: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    planning = team_library(tmp_path / "shared" / "planning")
    before = snapshot(planning)
    note = tmp_path / "note.md"
    note.write_text(NOTE, encoding="utf-8")
    window = make_window(content_dir=content_dir)
    asked: list[str] = []
    monkeypatch.setattr(
        dialogs, "ask_team_folder", lambda parent, start: asked.append(start) or planning
    )

    dialog = open_from_the_file_menu(window, qtbot)
    qtbot.waitUntil(lambda: "No team folders are listed yet" in dialog.status.text())
    assert dialog.tree.topLevelItemCount() == 0
    assert QApplication.focusWidget() is dialog.tree

    with qtbot.waitSignal(window.corpusLoaded, timeout=20_000):
        press(Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # &Add…
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItem(0).text(1) == "Reachable")
    row = dialog.tree.topLevelItem(0)
    assert [row.text(column) for column in range(3)] == ["planning", "Reachable", str(planning)]
    assert dialog.status.text().startswith(f"Added 'planning' ({planning}).")
    assert [f.path for f in read_team_folders()] == [planning]
    assert [library.name for library in window.corpus.libraries] == ["shipped", "planning"]
    assert "planning-team" in window.corpus.organisations
    close(dialog, qtbot)
    choices = import_choices(window, note, monkeypatch, qtbot)
    assert choices == ["Your library", "planning (team folder)"]

    dialog = open_from_the_file_menu(window, qtbot)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1)
    press(Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Rename: the name edited in place
    qtbot.waitUntil(lambda: editing(dialog))
    editor = QApplication.focusWidget()
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor, "Planning policy")
    with qtbot.waitSignal(window.corpusLoaded, timeout=20_000):
        QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItem(0).text(0) == "Planning policy")
    assert dialog.status.text() == "'planning' is now named 'Planning policy'."
    assert window.corpus.libraries[-1].name == "Planning policy"
    close(dialog, qtbot)
    assert import_choices(window, note, monkeypatch, qtbot)[-1] == "Planning policy (team folder)"

    dialog = open_from_the_file_menu(window, qtbot)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1)
    with qtbot.waitSignal(window.corpusLoaded, timeout=20_000):
        press(Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # Re&move
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 0)
    assert dialog.status.text() == (
        f"'Planning policy' is no longer read. Its folder, {planning}, and the files in it are "
        "untouched; Add… lists it again."
    )
    assert read_team_folders() == ()
    assert snapshot(planning) == before  # nothing in the folder was touched
    assert [library.name for library in window.corpus.libraries] == ["shipped"]
    close(dialog, qtbot)
    assert import_choices(window, note, monkeypatch, qtbot) == ["Your library"]
    assert asked and Path(asked[0]).is_dir()  # the chooser opened in a folder that is there


def test_a_folder_holding_other_work_is_refused_in_the_dialog(
    qtbot: Any, config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    (downloads / "budget.xlsx").write_bytes(b"not a library")
    monkeypatch.setattr(dialogs, "ask_team_folder", lambda parent, start: downloads)
    dialog = TeamFoldersDialog()
    qtbot.addWidget(dialog)
    changed: list[bool] = []
    dialog.changed.connect(lambda: changed.append(True))
    dialog.open_fresh()
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.add_button.click()
    assert dialog.status.text() == (
        f"Nothing was changed. Cannot add {downloads} as a team folder: it is not a briefgen "
        "library (it holds other files, and no sources.yaml, organisations.yaml or items/ "
        "folder); choose the library's own folder, or make a new, empty folder to start the "
        "team's library in."
    )
    assert not (config / "libraries.yaml").exists() and not changed
    assert dialog.add_button.isEnabled()  # the officer can choose another


def test_a_name_already_taken_is_refused_and_the_listed_name_comes_back(
    qtbot: Any, config: Path, tmp_path: Path
) -> None:
    add_team_folder(team_library(tmp_path / "a" / "planning"))
    empty = tmp_path / "b" / "policy"
    empty.mkdir(parents=True)
    add_team_folder(empty)
    dialog = TeamFoldersDialog()
    qtbot.addWidget(dialog)
    dialog.open_fresh()
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 2)
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(1))
    dialog.start_rename()
    qtbot.waitUntil(lambda: editing(dialog))
    editor = QApplication.focusWidget()
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor, "Planning")
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        QTest.keyClick(editor, Qt.Key.Key_Return)
    assert dialog.status.text() == (
        f"Nothing was changed. The team folder {tmp_path / 'a' / 'planning'} is named "
        "'planning' already; choose another name."
    )
    qtbot.waitUntil(lambda: dialog.tree.topLevelItem(1).text(0) == "policy")
    assert [f.name for f in read_team_folders()] == ["planning", "policy"]


def test_a_share_that_does_not_answer_never_holds_up_the_window(
    qtbot: Any, config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = team_library(tmp_path / "slow-share")
    gone = team_library(tmp_path / "gone")
    add_team_folder(slow)
    add_team_folder(gone)
    shutil.rmtree(gone)
    answer = threading.Event()
    real_state = team_folders.folder_state

    def hanging(folder: Any) -> Any:
        if folder.path == slow:
            answer.wait(20)
        return real_state(folder)

    monkeypatch.setattr(team_folders, "folder_state", hanging)
    dialog = TeamFoldersDialog()
    qtbot.addWidget(dialog)
    dialog.open_fresh()
    # The list, the gone folder's state and the buttons come while the share says nothing.
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 2)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItem(1).text(1) == "Missing")
    assert dialog.tree.topLevelItem(0).text(1) == "Checking…"
    assert dialog.add_button.isEnabled() and dialog.remove_button.isEnabled()
    assert "The folder of 'gone'" in dialog.tree.topLevelItem(1).toolTip(1)
    assert dialog.status.text().startswith(f"The folder of 'gone', {gone}, is not there")
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        answer.set()
    assert dialog.tree.topLevelItem(0).text(1) == "Reachable"


def test_content_that_cannot_load_for_a_missing_team_folder_offers_the_list(
    qtbot: Any, make_window: Any, content_dir: Path, config: Path, tmp_path: Path
) -> None:
    gone = team_library(tmp_path / "gone")
    add_team_folder(gone)
    shutil.rmtree(gone)
    window = make_window(content_dir=content_dir, corpus=None)
    qtbot.waitUntil(window.notice.isVisible, timeout=20_000)
    assert 'briefgen libraries remove "gone"' in window.notice.message()
    buttons = [b for b in window.notice.findChildren(QAbstractButton) if b.isVisible()]
    offered = next(b for b in buttons if b.text() == "Team folders…")
    with qtbot.waitSignal(window.corpusLoaded, timeout=20_000):
        offered.click()
        dialog = window.team_folders_dialog
        qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1)
        dialog.remove_selected()
    assert [library.name for library in window.corpus.libraries] == ["shipped"]


def test_every_control_is_named_and_has_its_own_alt_letter(
    qtbot: Any, make_window: Any, config: Path
) -> None:
    from tests.gui.test_gui_laptop import clashes, mnemonics_in

    window = make_window()
    window.commands.team_folders.trigger()
    dialog = window.team_folders_dialog
    assert window.commands.team_folders.text() == "Team &folders…"
    assert clashes(mnemonics_in(dialog)) == {}
    controls = [*dialog.findChildren(QAbstractButton), dialog.tree]
    assert all(control.accessibleName() for control in controls)
    assert "its files are not deleted" in dialog.remove_button.accessibleDescription().lower()
    assert "only takes it off this list: no file in it is deleted" in " ".join(
        label.text() for label in dialog.findChildren(QLabel)
    )


def test_at_200_percent_text_the_dialog_fits_a_laptop_screen_with_every_button_whole(
    qtbot: Any, config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, large_text: Any
) -> None:
    from tests.gui.test_gui_laptop import laptop_screen

    area = laptop_screen(monkeypatch, 1366, 768)
    deep = tmp_path / "mnt" / "shared" / "childrens-services" / "2026" / "briefgen-library"
    add_team_folder(team_library(deep), "Children's services")
    dialog = TeamFoldersDialog()
    qtbot.addWidget(dialog)
    dialog.open_fresh()
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1)
    assert dialog.width() <= area.width() and dialog.height() <= area.height()
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()
    row = dialog.tree.topLevelItem(0)
    metrics = dialog.tree.fontMetrics()
    assert dialog.tree.columnWidth(0) > metrics.horizontalAdvance(row.text(0))
    assert dialog.tree.iconSize().height() >= metrics.height() - 1


def test_f2_renames_and_delete_removes_as_in_a_file_manager(
    qtbot: Any, config: Path, tmp_path: Path
) -> None:
    planning = team_library(tmp_path / "planning")
    add_team_folder(planning)
    dialog = TeamFoldersDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.open_fresh()
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.tree)
    press(Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: editing(dialog))
    editor = QApplication.focusWidget()
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor, "Planning policy")
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        QTest.keyClick(editor, Qt.Key.Key_Return)
    assert [f.name for f in read_team_folders()] == ["Planning policy"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.tree)
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        press(Qt.Key.Key_Delete)
    assert read_team_folders() == ()
    assert (planning / "organisations.yaml").is_file()
