"""The window's pack files: new, open, save, save as, the recent packs, and the autosave that
gets unsaved work back after a crash (the files themselves are `briefgen.recovery`'s)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer

from briefgen.errors import BriefgenError
from briefgen.filenames import default_pack_name, with_suffix
from briefgen.gui import dialogs
from briefgen.gui.settings import last_folder
from briefgen.pack import PackSpec
from briefgen.pack.packfile import SUFFIX, load_pack, save_pack
from briefgen.recovery import RecoveryStore

if TYPE_CHECKING:
    from briefgen.gui.main_window import MainWindow

MAX_RECENT = 8
AUTOSAVE_INTERVAL_MS = 30_000  # at least this often while there are unsaved changes
AUTOSAVE_AFTER_CHANGE_MS = 2_000  # and this long after the officer stops changing things


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return first == second


class PackFiles:
    """Opens and saves the window's pack, remembers recent ones, autosaves unsaved work."""

    def __init__(self, window: MainWindow, settings: QSettings, recovery: RecoveryStore) -> None:
        self.window = window
        self.settings = settings
        self.recovery = recovery
        self.autosave_due = False
        self.autosave_timer = QTimer(window)
        self.autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self.autosave_soon = QTimer(window)
        self.autosave_soon.setSingleShot(True)
        self.autosave_soon.setInterval(AUTOSAVE_AFTER_CHANGE_MS)
        self.autosave_soon.timeout.connect(self.autosave)

    def _status(self, message: str, milliseconds: int = 0) -> None:
        self.window.statusBar().showMessage(message, milliseconds)

    # --- the pack in the window ------------------------------------------------------------

    def changed(self) -> None:
        """The pack changed: autosave it soon."""
        self.autosave_due = True
        self.autosave_soon.start()

    def replaced(self, modified: bool) -> None:
        """Another pack is in the window: its own recovery file is stale unless it is unsaved."""
        self.autosave_due = modified
        if not modified:
            self.recovery.discard()

    def maybe_discard(self) -> bool:
        """True if the current pack may be replaced: saved, or the officer says so."""
        if not self.window.isWindowModified():
            return True
        answer = dialogs.ask_unsaved(self.window, self.window.pack_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_pack(self) -> None:
        if not self.maybe_discard():
            return
        self.window.show_pack(PackSpec(), None)
        self._status("New pack.", 3000)

    def open_pack(self) -> None:
        if not self.maybe_discard():
            return
        path = self.window.path
        folder = str(path.parent) if path else last_folder(self.settings, "lastPackFolder")
        chosen = dialogs.ask_open_path(self.window, folder)
        if chosen is not None:
            self.open_path(chosen)

    def open_path(self, path: Path) -> bool:
        """Open the pack file at `path` (unsaved changes are the caller's business)."""
        try:
            spec = load_pack(path)
        except BriefgenError as error:
            dialogs.show_error(self.window, f"{path.name} could not be opened.", str(error))
            self._forget_recent(path)
            return False
        self.window.show_pack(spec, path)
        self.window.focus_items()
        self._remember_recent(path)
        self.settings.setValue("lastPackFolder", str(path.parent))
        self._status(f"Opened {path.name}.", 4000)
        return True

    def save(self) -> bool:
        if self.window.path is None:
            return self.save_as()
        return self._save_to(self.window.path)

    def save_as(self) -> bool:
        path = self.window.path
        folder = path.parent if path else Path(last_folder(self.settings, "lastPackFolder"))
        suggested = folder / (path.name if path else default_pack_name(self.window.spec))
        chosen = dialogs.ask_save_path(self.window, suggested)
        if chosen is None:
            return False
        return self._save_to(with_suffix(chosen, SUFFIX))

    def _save_to(self, path: Path) -> bool:
        window = self.window
        spec = window.commit_forms()
        try:
            # The comments in the pack's own file are kept; another pack's are not inherited.
            same_file = window.path is not None and _same_file(window.path, path)
            save_pack(spec, path, keep_comments=same_file)
        except BriefgenError as error:
            dialogs.show_error(window, f"The pack could not be saved as {path.name}.", f"{error}")
            return False
        window.path = path
        window.setWindowModified(False)
        window.undo_stack.setClean()
        self.autosave_due = False
        self.recovery.discard()
        window.update_title()
        self._remember_recent(path)
        self.settings.setValue("lastPackFolder", str(path.parent))
        self._status(f"Saved {path.name}.", 4000)
        return True

    # --- recent packs ----------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        if isinstance(value, str):  # an INI file gives a list of one as the one value
            return [value] if value else []
        return [str(entry) for entry in value] if isinstance(value, list) else []

    def _remember_recent(self, path: Path) -> None:
        entry = str(path.resolve())
        recent = [entry] + [other for other in self.recent_files() if other != entry]
        self.settings.setValue("recentFiles", recent[:MAX_RECENT])

    def _forget_recent(self, path: Path) -> None:
        entry = str(path.resolve())
        self.settings.setValue(
            "recentFiles", [other for other in self.recent_files() if other != entry]
        )

    def fill_recent_menu(self) -> None:
        """The File > Open recent menu, numbered, as it is about to show."""
        menu = self.window.commands.recent_menu
        menu.clear()
        recent = self.recent_files()
        if not recent:
            empty = menu.addAction("No recent packs")
            empty.setEnabled(False)
            return
        for number, entry in enumerate(recent, start=1):
            path = Path(entry)
            name = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.name
            action = menu.addAction(f"&{number} {name} — {path.parent}")
            action.setStatusTip(entry)
            action.triggered.connect(lambda _=False, path=path: self._open_recent(path))

    def _open_recent(self, path: Path) -> None:
        if self.maybe_discard():
            self.open_path(path)

    # --- autosave and recovery ---------------------------------------------------------------

    def autosave(self) -> None:
        """Write unsaved work to the recovery file, so a crash never loses it."""
        if not (self.autosave_due and self.window.isWindowModified()):
            return
        spec = self.window.commit_forms()
        try:
            self.recovery.save(spec, self.window.path)
        except BriefgenError as error:
            self._status(f"Autosave failed: {error}", 8000)
            return
        self.autosave_due = False

    def offer_recovery(self) -> bool:
        """Offer back work a crashed briefgen left behind; True if some was restored."""
        restored = False
        for recovered in self.recovery.pending():
            if not restored and dialogs.offer_recovery(self.window, recovered):
                self.window.show_pack(recovered.spec, recovered.pack_path, modified=True)
                self.autosave()  # now this process's recovery file holds it
                self._status("Recovered your unsaved work. Save it to keep it.", 8000)
                restored = True
            self.recovery.forget(recovered)
        return restored
