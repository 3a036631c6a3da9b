"""Atomic writes: the user's permissions, read-only files and links are respected."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from briefgen.atomic import write_atomic
from briefgen.errors import BriefgenError


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("umask", "expected"), [(0o077, 0o600), (0o022, 0o644)])
def test_a_new_file_gets_the_permissions_the_umask_allows(
    tmp_path: Path, umask: int, expected: int
) -> None:
    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "pack.pdf", b"x")
    finally:
        os.umask(old)
    assert mode(tmp_path / "pack.pdf") == expected


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and mode(target) == 0o640


def test_a_read_only_file_is_refused_and_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "final.pdf"
    target.write_bytes(b"signed off")
    target.chmod(0o444)
    with pytest.raises(BriefgenError, match="read-only"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"signed off"


def test_a_link_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "pack.pdf"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "latest.pdf"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_failed_write_leaves_the_earlier_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"earlier")

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(BriefgenError, match="no space left on device; the earlier file"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.pdf"]
