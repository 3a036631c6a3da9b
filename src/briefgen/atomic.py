"""Write files atomically (temp file in the same folder, then rename), so a failure never leaves a
half-written pack or clobbers the user's earlier file."""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from pathlib import Path

from briefgen.errors import BriefgenError

_UMASK_LOCK = threading.Lock()


def _umask() -> int:
    """The process's umask. It can only be read by setting it; it is set to the most private
    value for that instant, so a file another thread creates meanwhile is never more open."""
    with _UMASK_LOCK:
        mask = os.umask(0o077)
        os.umask(mask)
    return mask


def check_writable(path: Path | str) -> Path:
    """The file `write_atomic(path, …)` will replace (a link's target), or `BriefgenError` saying
    why it cannot be written: a missing folder, a folder in its place, or a read-only file.
    Callers that write more than one file check them all before writing any."""
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()
    folder = target.parent
    if not folder.is_dir():
        raise BriefgenError(
            f"cannot write {target}: the folder {folder} does not exist; "
            "create it or choose another"
        )
    if target.is_dir():
        raise BriefgenError(f"cannot write {target}: it is a folder; give a file name")
    # No write permission for anyone marks a file read-only, even for an administrator.
    if target.exists() and (not os.access(target, os.W_OK) or not target.stat().st_mode & 0o222):
        raise BriefgenError(
            f"cannot write {target}: the file is read-only; make it writable or choose "
            "another name (it is unchanged)"
        )
    return target


def _reason(error: OSError) -> str:
    return error.strerror.lower() if error.strerror else str(error)


def write_atomic(path: Path | str, data: bytes) -> None:
    """Replace `path` with `data` in one step; on any failure the old file is left as it was.

    A new file gets the permissions the user's umask gives any new file; a replaced one keeps
    its own. A read-only file is refused, as an editor would refuse it. A symbolic link is
    followed: the file it points to is replaced, and the link still points to it."""
    target = check_writable(path)
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
    except OSError as error:
        raise BriefgenError(
            f"cannot write {target}: {_reason(error)}; choose a folder you can write to"
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
        with contextlib.suppress(OSError):
            os.chmod(temp_name, mode)  # mkstemp makes the file private (0600)
        os.replace(temp_name, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise BriefgenError(
            f"cannot write {target}: {_reason(error)}; the earlier file, if any, is unchanged"
        ) from None


def file_snapshot(path: Path) -> bytes | None:
    """The bytes of `path` now (None if absent), to undo a write with `restore`."""
    return path.read_bytes() if path.is_file() else None


def restore(path: Path, snapshot: bytes | None) -> None:
    """Put `path` back as `file_snapshot` found it (atomic; removed if it did not exist)."""
    if snapshot is None:
        if path.exists():
            os.remove(path)
        return
    write_atomic(path, snapshot)
