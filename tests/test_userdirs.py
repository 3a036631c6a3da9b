"""Per-user folders: the platform's conventions (platformdirs), honouring the XDG variables."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from briefgen import userdirs


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG rules are Linux's")
def test_linux_folders_follow_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert userdirs.user_cache_dir() == tmp_path / "cache" / "briefgen"
    assert userdirs.user_data_dir() == tmp_path / "data" / "briefgen"
    # Unset or blank: the defaults under the home folder.
    monkeypatch.setenv("XDG_CACHE_HOME", " ")
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert userdirs.user_cache_dir() == tmp_path / "home" / ".cache" / "briefgen"
    assert userdirs.user_data_dir() == tmp_path / "home" / ".local" / "share" / "briefgen"
    # Relative: not a folder the app could find again from another working directory.
    monkeypatch.setenv("XDG_DATA_HOME", "data")
    assert userdirs.user_data_dir() == tmp_path / "home" / ".local" / "share" / "briefgen"
