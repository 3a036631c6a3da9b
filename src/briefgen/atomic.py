"""Write files atomically (temp file in the same folder, then rename), so a failure never leaves a
half-written pack or clobbers the user's earlier file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from briefgen.errors import BriefgenError


def write_atomic(path: Path | str, data: bytes) -> None:
    """Replace `path` with `data` in one step; on any failure the old file is left as it was."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise BriefgenError(
            f"cannot write {target}: the folder {folder} does not exist; "
            "create it or choose another"
        )
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
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
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(temp_name, target.stat().st_mode & 0o777)
        else:
            os.chmod(temp_name, 0o644)
        os.replace(temp_name, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise BriefgenError(
            f"cannot write {target}: {error.strerror.lower() if error.strerror else error}; "
            "the earlier file, if any, is unchanged"
        ) from None
