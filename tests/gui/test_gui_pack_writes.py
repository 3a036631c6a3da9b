"""The pack is saved off the GUI thread: a slow share does not freeze the window, the pack is
marked saved once the file has landed (not if it changed meanwhile), a save that fails says
why with the pack kept, and closing waits for a save or an autosave still queued."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from tests.gui.slow import slowed

from briefgen.gui import dialogs, pack_files
from briefgen.pack import PackSpec
from briefgen.pack.packfile import load_pack, save_pack

SLOW = 0.5  # seconds a save to a slow share takes here


@pytest.fixture
def slow_save(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Saving a pack takes SLOW seconds, as on a network share; when each landed is kept."""
    return slowed(monkeypatch, pack_files, "save_pack", SLOW)


@pytest.fixture
def opened(make_window: Any, tmp_path: Path) -> tuple[Any, Path]:
    """A window with a saved pack open, its themes then changed (so unsaved)."""
    path = tmp_path / "pack.briefgen.yaml"
    save_pack(PackSpec(themes=["funding"]), path)
    window = make_window()
    window.files.open_path(path)
    window.files.finish()  # read on a worker
    window.set_themes(["workforce"])
    assert window.isWindowModified()
    return window, path


def test_a_slow_save_leaves_the_window_running_and_marks_it_saved_once_written(
    opened: tuple[Any, Path], qtbot: Any, slow_save: list[float]
) -> None:
    window, path = opened
    during: list[tuple[bool, str]] = []

    def meanwhile() -> None:  # runs only if the event loop is not blocked by the save
        during.append((window.isWindowModified(), window.statusBar().currentMessage()))

    QTimer.singleShot(50, meanwhile)
    started = time.monotonic()
    qtbot.keySequence(window, "Ctrl+S")
    assert time.monotonic() - started < SLOW / 2  # Ctrl+S did not wait for the file
    assert window.statusBar().currentMessage() == "Saving pack.briefgen.yaml…"
    with qtbot.waitSignal(window.files.saved, timeout=10_000):
        pass
    # Unsaved until the file had landed, then saved.
    assert during == [(True, "Saving pack.briefgen.yaml…")]
    assert not window.isWindowModified()
    assert window.statusBar().currentMessage() == "Saved pack.briefgen.yaml."
    assert load_pack(path).themes == ["workforce"]


def test_a_change_made_while_saving_leaves_the_pack_unsaved(
    opened: tuple[Any, Path], qtbot: Any, slow_save: list[float]
) -> None:
    window, path = opened
    with qtbot.waitSignal(window.files.saved, timeout=10_000):
        assert window.files.save()
        window.set_themes(["workforce", "funding"])  # while the file is written
    assert load_pack(path).themes == ["workforce"]  # what was there when Save was pressed
    assert window.isWindowModified() and window.files.autosave_due
    assert window.windowTitle() == "pack[*] — briefgen"
    window.undo_stack.undo()
    window.undo_stack.undo()  # back to the pack as opened, which the file no longer holds
    assert window.spec.themes == ["funding"] and window.isWindowModified()


def test_a_save_that_fails_says_why_naming_the_file_and_keeps_the_pack(
    opened: tuple[Any, Path], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, path = opened

    def refused(spec: PackSpec, target: Path, keep_comments: bool = True) -> None:
        time.sleep(0.1)
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(pack_files, "save_pack", refused)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, head, text: shown.append((head, text))
    )
    with qtbot.waitSignal(window.files.notSaved, timeout=10_000):
        window.files.save()
    assert shown == [
        (
            "The pack could not be saved as pack.briefgen.yaml.",
            f"[Errno 13] Permission denied: '{path}'",
        )
    ]
    assert window.isWindowModified() and window.spec.themes == ["workforce"]
    assert window.statusBar().currentMessage() == "The pack was not saved."
    assert load_pack(path).themes == ["funding"]
    assert window.files.autosave_due  # the work is still guarded by the recovery file


def test_closing_with_a_save_and_an_autosave_queued_waits_and_leaves_no_recovery_file(
    opened: tuple[Any, Path], slow_save: list[float]
) -> None:
    window, path = opened
    window.files.autosave()
    window.files.save()
    assert window.close()  # waits for both: saved, so no question and no recovery file
    assert len(slow_save) == 1 and load_pack(path).themes == ["workforce"]
    assert not window.files.recovery.pack_file.exists()


@pytest.fixture
def slow_open(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a pack takes SLOW seconds, as from a network share."""
    slowed(monkeypatch, pack_files, "load_pack", SLOW)


def test_a_slow_open_leaves_the_window_running(
    make_window: Any, qtbot: Any, tmp_path: Path, slow_open: None
) -> None:
    path = tmp_path / "other.briefgen.yaml"
    save_pack(PackSpec(themes=["workforce"]), path)
    window = make_window()
    ticks: list[str] = []
    QTimer.singleShot(50, lambda: ticks.append(window.statusBar().currentMessage()))
    started = time.monotonic()
    with qtbot.waitSignal(window.files.opened, timeout=10_000):
        window.files.open_path(path)
        assert time.monotonic() - started < SLOW / 2
    assert ticks == ["Opening other.briefgen.yaml…"]  # the window ran while it was read
    assert window.path == path and window.spec.themes == ["workforce"]
    assert window.statusBar().currentMessage() == "Opened other.briefgen.yaml."


def test_a_change_made_while_a_pack_is_read_is_asked_about_before_it_goes(
    make_window: Any, qtbot: Any, tmp_path: Path, slow_open: None, monkeypatch: Any
) -> None:
    path = tmp_path / "other.briefgen.yaml"
    save_pack(PackSpec(themes=["workforce"]), path)
    window = make_window()
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda parent, name: asked.append(name) or "cancel")
    window.files.open_path(path)
    window.set_themes(["funding"])  # while the file is read
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert window.spec.themes == ["funding"] and window.path is None  # kept, as answered
    assert window.statusBar().currentMessage() == (
        "other.briefgen.yaml was not opened: your changes are kept."
    )
