"""Crash recovery: the app's autosave of unsaved work, and finding it again on the next start.

Each running app writes its unsaved pack to its own recovery file in the data folder (named by
process id, so two windows never overwrite each other). A clean close or a save deletes it; a
file left by a process that is no longer running is work a crash would otherwise have lost, and
the next start offers it back. No Qt: the app calls it, and it is tested without a window.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from briefgen.atomic import write_atomic
from briefgen.errors import BriefgenError
from briefgen.pack.model import PackSpec
from briefgen.pack.packfile import dumps, load_pack

DATA_DIR_VARIABLE = "BRIEFGEN_DATA_DIR"


def data_dir() -> Path:
    """Where the app keeps recovery files and its log: `$BRIEFGEN_DATA_DIR` if set (tests), else
    the platform's per-user data folder for briefgen."""
    configured = os.environ.get(DATA_DIR_VARIABLE)
    if configured:
        return Path(configured)
    from briefgen.userdirs import user_data_dir

    return user_data_dir()


@dataclass(frozen=True)
class Recovered:
    """Unsaved work found after a crash: the pack, the file it belonged to, when it was saved."""

    spec: PackSpec
    pack_path: Path | None
    saved_at: datetime
    recovery_file: Path
    meta_file: Path

    def describe(self) -> str:
        name = self.pack_path.name if self.pack_path else "an unsaved pack"
        return f"{name}, last autosaved {self.saved_at:%d/%m/%Y at %H:%M}"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # signal 0 is not a probe on Windows; treat other files as left over
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process with that id: not ours, and running
        return True
    return True


class RecoveryStore:
    """This process's recovery file, and the files crashed processes left behind."""

    def __init__(self, folder: Path | None = None, pid: int | None = None) -> None:
        self.folder = (folder or data_dir()) / "recovery"
        self.pid = pid if pid is not None else os.getpid()

    @property
    def pack_file(self) -> Path:
        return self.folder / f"{self.pid}.briefgen.yaml"

    @property
    def meta_file(self) -> Path:
        return self.folder / f"{self.pid}.json"

    def save(self, spec: PackSpec, pack_path: Path | None) -> None:
        """Autosave `spec`; raise `BriefgenError` if the data folder cannot be written."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise BriefgenError(
                f"cannot autosave to {self.folder}: {error.strerror}; save your pack to keep it"
            ) from None
        write_atomic(self.pack_file, dumps(spec).encode("utf-8"))
        meta = {
            "pid": self.pid,
            "pack_path": str(pack_path) if pack_path else None,
            "saved_at": datetime.now().isoformat(timespec="seconds"),
        }
        write_atomic(self.meta_file, json.dumps(meta).encode("utf-8"))

    def discard(self) -> None:
        """Delete this process's recovery file: the work is saved or deliberately dropped."""
        for path in (self.pack_file, self.meta_file):
            with contextlib.suppress(OSError):
                path.unlink()

    def pending(self) -> list[Recovered]:
        """Work left by processes that are no longer running, newest first."""
        found: list[Recovered] = []
        if not self.folder.is_dir():
            return found
        for meta_file in self.folder.glob("*.json"):
            try:
                meta = json.loads(meta_file.read_text(encoding="utf-8"))
                pid = int(meta["pid"])
                saved_at = datetime.fromisoformat(meta["saved_at"])
            except (OSError, ValueError, KeyError, TypeError):
                continue
            if _alive(pid):
                continue
            recovery_file = meta_file.with_name(f"{pid}.briefgen.yaml")
            try:
                spec = load_pack(recovery_file)
            except BriefgenError:
                continue
            pack_path = Path(meta["pack_path"]) if meta.get("pack_path") else None
            found.append(Recovered(spec, pack_path, saved_at, recovery_file, meta_file))
        found.sort(key=lambda recovered: recovered.saved_at, reverse=True)
        return found

    @staticmethod
    def forget(recovered: Recovered) -> None:
        """Delete a crashed process's recovery file once it has been restored or declined."""
        for path in (recovered.recovery_file, recovered.meta_file):
            with contextlib.suppress(OSError):
                path.unlink()
