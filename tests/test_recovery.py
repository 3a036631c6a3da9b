"""Crash recovery files: this process's autosave, work left by crashed processes found again,
and files that cannot be read or written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefgen.errors import BriefgenError
from briefgen.pack import PackSpec
from briefgen.recovery import RecoveryStore, data_dir

DEAD_PID = 2**22 + 12345  # above Linux's pid_max default, so no process has it


def test_recovery_files_of_crashed_processes_are_found(tmp_path: Path) -> None:
    crashed = RecoveryStore(tmp_path, pid=DEAD_PID)
    spec = PackSpec(themes=["funding"])
    spec.meeting.title = "Unsaved work"
    crashed.save(spec, tmp_path / "report.briefgen.yaml")
    running = RecoveryStore(tmp_path)
    running.save(PackSpec(), None)  # this process's own file is never offered
    found = running.pending()
    assert len(found) == 1
    assert found[0].spec.meeting.title == "Unsaved work"
    assert found[0].spec.themes == ["funding"]
    assert found[0].pack_path == tmp_path / "report.briefgen.yaml"
    assert "report.briefgen.yaml, last autosaved" in found[0].describe()
    RecoveryStore.forget(found[0])
    assert running.pending() == []
    running.discard()
    assert not any(p for p in (tmp_path / "recovery").iterdir() if str(os.getpid()) in p.name)


def test_newest_left_over_work_comes_first(tmp_path: Path) -> None:
    for offset, title in ((1, "Older"), (2, "Newer")):
        store = RecoveryStore(tmp_path, pid=DEAD_PID + offset)
        spec = PackSpec()
        spec.meeting.title = title
        store.save(spec, None)
        meta = json.loads(store.meta_file.read_text(encoding="utf-8"))
        meta["saved_at"] = f"2026-11-2{offset}T10:00:00"
        store.meta_file.write_text(json.dumps(meta), encoding="utf-8")
    found = RecoveryStore(tmp_path).pending()
    assert [recovered.spec.meeting.title for recovered in found] == ["Newer", "Older"]
    assert found[1].describe() == "an unsaved pack, last autosaved 21/11/2026 at 10:00"


def test_unreadable_left_overs_are_skipped(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path, pid=DEAD_PID)
    store.save(PackSpec(), None)
    store.pack_file.write_text("layout: [unclosed\n", encoding="utf-8")
    (tmp_path / "recovery" / "junk.json").write_text("{not json", encoding="utf-8")
    assert RecoveryStore(tmp_path).pending() == []


def test_no_folder_means_nothing_to_recover(tmp_path: Path) -> None:
    assert RecoveryStore(tmp_path / "never-made").pending() == []


def test_an_unwritable_data_folder_says_to_save_the_pack(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(BriefgenError, match=r"cannot autosave to .*save your pack to keep it"):
        RecoveryStore(blocker).save(PackSpec(), None)


def test_the_data_folder_can_be_moved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_DATA_DIR", str(tmp_path / "elsewhere"))
    assert data_dir() == tmp_path / "elsewhere"
    assert RecoveryStore().folder == tmp_path / "elsewhere" / "recovery"
