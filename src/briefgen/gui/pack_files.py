"""The window's pack files: new, open, save, save as, the recent packs, and the autosave that
gets unsaved work back after a crash (the files themselves are `briefgen.recovery`'s).

Opening, saving, autosaving and removing the recovery file run in order on one worker, so a
pack on a slow share never freezes the window: the status bar says what is under way, the
pack is marked saved once the file has landed (and only if nothing changed meanwhile), and
a save that fails says why with the pack still in the window, unsaved. Replacing the pack
or closing the window first waits for what is queued.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from briefgen.errors import BriefgenError
from briefgen.filenames import default_pack_name, with_suffix
from briefgen.gui import dialogs
from briefgen.gui.settings import last_folder
from briefgen.gui.workers import TaskRunner, writing_files
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


def _resolved(path: Path) -> str:
    """How the recent list names `path` (resolving it can wait on a share: not on the GUI
    thread)."""
    try:
        return str(path.resolve())
    except OSError:
        return str(path.absolute())


class PackFiles(QObject):
    """Opens and saves the window's pack, remembers recent ones, autosaves unsaved work."""

    opened = Signal(object)  # the path of the pack now in the window
    saved = Signal(object)  # the path, once the pack has landed there
    notSaved = Signal(str)  # why a save failed (the officer has been told)

    def __init__(self, window: MainWindow, settings: QSettings, recovery: RecoveryStore) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.recovery = recovery
        # One thread: opens, saves, autosaves and removing the recovery file, in the order asked.
        self.queue = TaskRunner(max_threads=1, parent=self)
        self.changes = 0  # changes to the pack so far: a save marks it saved if none came since
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
        self.changes += 1
        self.autosave_due = True
        self.autosave_soon.start()

    def replaced(self, modified: bool) -> None:
        """Another pack is in the window: its own recovery file is stale unless it is unsaved."""
        self.autosave_due = modified
        if not modified:
            self._discard_recovery()

    def _discard_recovery(self) -> None:
        """Remove the recovery file, after any autosave queued before (which would make it
        again)."""
        self.queue.start(
            self.recovery.discard, lambda _: None, lambda _: None, doing="removing a recovery file"
        )

    def finish(self) -> None:
        """Wait for the pack files being saved, autosaved or opened, and apply how it went
        (before the pack is replaced or the window closes)."""
        self.queue.finish()

    def maybe_discard(self) -> bool:
        """True if the current pack may be replaced: saved, or the officer says so."""
        self.finish()  # a save still landing may be what makes it saved
        if not self.window.isWindowModified():
            return True
        answer = dialogs.ask_unsaved(self.window, self.window.pack_name())
        if answer == "save":
            # The officer is leaving this pack: it goes once the save has landed, not before.
            self.save()
            self.finish()
            return not self.window.isWindowModified()
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

    def open_path(self, path: Path) -> None:
        """Start opening the pack file at `path`, read on the worker after what is queued;
        `opened` says when it is in the window. Unsaved changes are the caller's business,
        but a change made while the file is read is asked about before it is replaced."""
        changes = self.changes

        def read() -> tuple[PackSpec | str, str]:  # the pack, or why not; the recent entry
            entry = _resolved(path)
            try:
                return load_pack(path), entry
            except BriefgenError as error:
                return str(error), entry

        self._status(f"Opening {path.name}…")
        self.queue.start(
            writing_files(read),
            lambda outcome: self._opened(path, outcome[0], outcome[1], changes),
            lambda message: self._not_opened(path, message, ""),
            doing=f"opening {path.name}",
        )

    def _opened(self, path: Path, spec: PackSpec | str, entry: str, changes: int) -> None:
        if isinstance(spec, str):
            self._not_opened(path, spec, entry)
            return
        if self.changes != changes and not self.maybe_discard():
            self._status(f"{path.name} was not opened: your changes are kept.", 8000)
            return
        self.window.show_pack(spec, path)
        self.window.focus_items()
        self._remember_recent(entry)
        self.settings.setValue("lastPackFolder", str(path.parent))
        self._status(f"Opened {path.name}.", 4000)
        self.opened.emit(path)

    def _not_opened(self, path: Path, message: str, entry: str) -> None:
        self._status(f"{path.name} could not be opened.", 8000)
        dialogs.show_error(self.window, f"{path.name} could not be opened.", message)
        if entry:
            self._forget_recent(entry)

    def save(self) -> bool:
        """Start saving the pack to its file (asked for if it has none); False if not asked
        to. `saved` or `notSaved` says how it went."""
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
        """Queue writing the pack, as it is now, to `path`."""
        window = self.window
        spec, earlier = copy.deepcopy(window.commit_forms()), window.path
        changes = self.changes
        self.autosave_due = False  # the save holds this work; a change after is autosaved

        def write() -> str:  # on the writing thread: touches no widget
            # The comments in the pack's own file are kept; another pack's are not inherited.
            same_file = earlier is not None and _same_file(earlier, path)
            save_pack(spec, path, keep_comments=same_file)
            return _resolved(path)

        self._status(f"Saving {path.name}…")
        self.queue.start(
            writing_files(write),
            lambda entry: self._saved(path, entry, changes),
            lambda message: self._not_saved(path, message),
            doing=f"saving {path.name}",
        )
        return True

    def _saved(self, path: Path, entry: str, changes: int) -> None:
        """The pack has landed in `path`: saved, unless it changed while it was written."""
        window = self.window
        window.path = path
        if self.changes == changes:
            window.setWindowModified(False)
            window.undo_stack.setClean()
            self._discard_recovery()
        else:  # what changed since is not in the file, and undoing it does not make it so
            window.undo_stack.resetClean()
            self.autosave_due = True
        window.update_title()
        self._remember_recent(entry)
        self.settings.setValue("lastPackFolder", str(path.parent))
        self._status(f"Saved {path.name}.", 4000)
        self.saved.emit(path)

    def _not_saved(self, path: Path, message: str) -> None:
        """A save that failed: the pack stays in the window, unsaved, and the officer is told."""
        self.autosave_due = True
        self._status("The pack was not saved.", 8000)
        dialogs.show_error(self.window, f"The pack could not be saved as {path.name}.", message)
        self.notSaved.emit(message)

    # --- recent packs ----------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        if isinstance(value, str):  # an INI file gives a list of one as the one value
            return [value] if value else []
        return [str(entry) for entry in value] if isinstance(value, list) else []

    def _remember_recent(self, entry: str) -> None:
        recent = [entry] + [other for other in self.recent_files() if other != entry]
        self.settings.setValue("recentFiles", recent[:MAX_RECENT])

    def _forget_recent(self, entry: str) -> None:
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
        """Queue writing unsaved work to the recovery file, so a crash never loses it."""
        if not (self.autosave_due and self.window.isWindowModified()):
            return
        spec, pack_path = copy.deepcopy(self.window.commit_forms()), self.window.path
        recovery = self.recovery
        self.autosave_due = False
        self.queue.start(
            writing_files(lambda: recovery.save(spec, pack_path)),
            lambda _: None,
            self._autosave_failed,
            doing="autosaving the pack",
        )

    def _autosave_failed(self, message: str) -> None:
        self.autosave_due = True  # tried again at the next tick
        self._status(f"Autosave failed: {message}", 8000)

    def offer_recovery(self) -> bool:
        """Offer back work a crashed briefgen left behind; True if some was restored."""
        restored = False
        for recovered in self.recovery.pending():
            if not restored and dialogs.offer_recovery(self.window, recovered):
                self.window.show_pack(recovered.spec, recovered.pack_path, modified=True)
                self.autosave()
                self.finish()  # this process's recovery file holds it before the old goes
                self._status("Recovered your unsaved work. Save it to keep it.", 8000)
                restored = True
            self.recovery.forget(recovered)
        return restored
