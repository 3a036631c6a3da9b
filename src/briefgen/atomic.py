"""Write files atomically (temp file in the same folder, then rename), so a failure never leaves a
half-written pack or clobbers the user's earlier file."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from briefgen.errors import BriefgenError


def _umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux), since
    setting it to read it back would race with other threads creating files."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
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


_TEMP_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
)


def _temp_file(folder: Path, name: str) -> tuple[int, str]:
    """A new, private file beside the target (`.NAME.RANDOM.tmp`), opened for writing: what
    `tempfile.mkstemp` makes, without importing `tempfile` and `random` into every build."""
    for _ in range(100):
        temp_name = os.path.join(folder, f".{name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(temp_name, _TEMP_FLAGS, 0o600), temp_name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {name}")


def write_atomic(path: Path | str, data: bytes) -> None:
    """Replace `path` with `data` in one step; on any failure the old file is left as it was.

    A new file gets the permissions the user's umask gives any new file; a replaced one keeps
    its own. A read-only file is refused, as an editor would refuse it. A symbolic link is
    followed: the file it points to is replaced, and the link still points to it."""
    target = check_writable(path)
    folder = target.parent
    try:
        handle, temp_name = _temp_file(folder, target.name)
    except OSError as error:
        raise BriefgenError(
            f"cannot write {target}: {error.strerror.lower() if error.strerror else error}; "
            "choose a folder you can write to"
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
            f"cannot write {target}: {error.strerror.lower() if error.strerror else error}; "
            "the earlier file, if any, is unchanged"
        ) from None
