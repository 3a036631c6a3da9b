"""Writing an import's files all or nothing: each staged under a temporary name inside the
library and renamed into place, everything removed again on a failure (or Cancel), and a
failure to write said as the officer can act on it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from pathlib import Path

from briefgen.errors import BriefgenError
from briefgen.library.import_checks import HASH_CHUNK


def write_failure(error: OSError, remedy: str) -> str:
    """Why a folder could not be written, said as the officer can act on it; `remedy` is how
    to choose a library they can write to (the command line and the app say it differently)."""
    if error.errno == errno.ENOSPC or error.errno == errno.EDQUOT:
        return "the disk holding it is full; free some space and import again"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"the folder is read-only for you; {remedy}, or ask whoever looks after the folder"
    return (error.strerror or str(error)).lower()


def folder_error(
    library: Path, error: OSError, remedy: str = "choose a library you can write to with --into"
) -> BriefgenError:
    """A failure to write in the library, said as the officer can act on it."""
    return BriefgenError(
        f"cannot import into {library}: {write_failure(error, remedy)} (nothing was added)"
    )


class Staging:
    """Files written for one import: temporary until `commit`, removed again by `undo`."""

    def __init__(self, library: Path) -> None:
        self.library = library
        self.temporary: list[Path] = []
        self.placed: list[Path] = []
        self.folders: list[Path] = []

    def folder(self, path: Path) -> None:
        """Make `path` (and its parents) if missing, remembering which to remove on undo."""
        missing = []
        for step in (path, *path.parents):
            if step.exists():
                break
            missing.append(step)
        path.mkdir(parents=True, exist_ok=True)
        self.folders.extend(reversed(missing))

    def stage(self, target: Path, data: bytes | Path) -> None:
        """Write `data` (bytes, or a file copied byte for byte) to a temporary name beside
        `target`."""
        self.folder(target.parent)
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".import", dir=target.parent
        )
        temp = Path(name)
        self.temporary.append(temp)
        with os.fdopen(handle, "wb") as stream:
            if isinstance(data, Path):
                with data.open("rb") as source:
                    shutil.copyfileobj(source, stream, HASH_CHUNK)
            else:
                stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o644)
        self.placed.append(target)

    def commit(self) -> None:
        """Rename every staged file into place (none may exist already)."""
        for target in self.placed:
            if os.path.lexists(target):
                raise BriefgenError(
                    f"cannot import: {target} already exists; move it out of the library or "
                    "choose another --id (nothing was added)"
                )
        done: list[Path] = []
        try:
            for temp, target in zip(self.temporary, self.placed, strict=True):
                os.replace(temp, target)
                done.append(target)
        finally:
            self.placed = done

    def undo(self) -> None:
        """Remove everything this import wrote, newest first."""
        for path in [*self.temporary, *self.placed]:
            with contextlib.suppress(OSError):
                path.unlink()
        for folder in reversed(self.folders):
            with contextlib.suppress(OSError):
                folder.rmdir()
