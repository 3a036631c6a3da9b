"""The window's exports: ask where, check, then build, render and write the pack in a worker
(`briefgen.export` does the work), with the busy bar while it runs and a notice when done."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices

from briefgen.counts import counted
from briefgen.export import (
    ExportResult,
    check_audiences_export,
    check_export,
    export_for_audiences,
    export_pack,
)
from briefgen.filenames import default_export_name
from briefgen.gui import dialogs
from briefgen.gui.settings import last_folder
from briefgen.render import document_formats

if TYPE_CHECKING:
    from briefgen.gui.main_window import MainWindow


def open_url(path: Path) -> None:
    """Open a file or folder as the desktop would."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class Exports:
    """Runs one export at a time for the window and reports how it went."""

    def __init__(self, window: MainWindow, settings: QSettings) -> None:
        self.window = window
        self.settings = settings
        self.exporting: Path | None = None  # where the running export writes
        self.last_export: ExportResult | None = None

    def export(self, format_name: str | None = None) -> None:
        """Ask where to export, check, then build, render and write the pack in a worker."""
        window = self.window
        if window.corpus is None or self.exporting is not None:
            return
        offered = document_formats()
        format_name = format_name or str(self.settings.value("lastExportFormat", offered[0]))
        if format_name not in offered:
            format_name = offered[0]
        folder = Path(last_folder(self.settings, "lastExportFolder"))
        suggested = folder / default_export_name(window.spec, format_name)
        choice = dialogs.ask_export_path(window, suggested, format_name)
        if choice is None:
            return
        self.export_to(*choice)

    def export_audiences(self) -> None:
        """Ask which audiences and where, then export one file for each in a worker."""
        window = self.window
        if window.corpus is None or self.exporting is not None:
            return
        audiences = dialogs.ask_audiences(window, window.spec.audience)
        if not audiences:
            return
        offered = document_formats()
        format_name = str(self.settings.value("lastExportFormat", offered[0]))
        format_name = format_name if format_name in offered else offered[0]
        folder = Path(last_folder(self.settings, "lastExportFolder"))
        choice = dialogs.ask_export_path(
            window, folder / default_export_name(window.spec, format_name), format_name
        )
        if choice is not None:
            self.export_audiences_to(*choice, audiences)

    def export_audiences_to(self, path: Path, format_name: str, audiences: list[str]) -> bool:
        """Start exporting a file for each of `audiences` beside `path` (after the checks)."""
        window = self.window
        spec = window.commit_forms()
        check = check_audiences_export(window.corpus, spec, path, format_name, audiences)
        if not check.ok:
            dialogs.show_error(window, f"{path.name} cannot be exported yet.", check.message)
            return False
        return self._run(
            path,
            format_name,
            lambda corpus, spec: export_for_audiences(corpus, spec, path, format_name, audiences),
        )

    def export_to(self, path: Path, format_name: str) -> bool:
        """Start exporting to `path` (after the checks); False if a check stopped it."""
        window = self.window
        spec = window.commit_forms()
        check = check_export(window.corpus, spec, path, format_name)
        if not check.ok:
            dialogs.show_error(window, f"{path.name} cannot be exported yet.", check.message)
            return False
        return self._run(
            path,
            format_name,
            lambda corpus, spec: export_pack(corpus, spec, path, format_name),
        )

    def _run(self, path: Path, format_name: str, export: Callable[[Any, Any], object]) -> bool:
        window = self.window
        self.settings.setValue("lastExportFolder", str(path.parent))
        self.settings.setValue("lastExportFormat", format_name)
        corpus, spec = window.corpus, copy.deepcopy(window.spec)
        assert corpus is not None
        self.exporting = path
        window.set_ready(True)
        window.busy.show()
        window.statusBar().showMessage(f"Exporting {path.name}…")
        window.tasks.start(
            lambda: export(corpus, spec),
            self._exported,
            self._failed,
            doing="exporting the pack",
        )
        return True

    def _ended(self) -> None:
        self.exporting = None
        self.window.busy.hide()
        self.window.set_ready(self.window.corpus is not None)

    def _exported(self, outcome: ExportResult | list[ExportResult]) -> None:
        self._ended()
        self.settings.setValue("hasExported", True)
        self.window.update_start_hint()
        if isinstance(outcome, list):
            self._exported_several(outcome)
            return
        result = outcome
        self.last_export = result
        pages = result.pages_text
        path = result.path
        self.window.statusBar().showMessage(f"Exported {path.name}{pages}.", 8000)
        items = counted(result.item_count, "item")
        message = f"{path.name} ({items}{pages}) is in {path.parent}."
        if result.warnings:
            message += "\n" + "\n".join(f"Warning: {warning}" for warning in result.warnings)
        self.window.notice.show_notice(
            "warning" if result.warnings else "done",
            "Exported.",
            message,
            [
                ("Open file", f"Opens {path.name}.", lambda: open_url(path)),
                (
                    "Show in folder",
                    f"Opens the folder {path.parent}.",
                    lambda: open_url(path.parent),
                ),
            ],
        )
        self.window.exportFinished.emit(result)

    def _exported_several(self, results: list[ExportResult]) -> None:
        """Several files, one per audience: one notice naming them all."""
        self.last_export = results[-1]
        folder = results[0].path.parent
        lines = [
            f"{result.path.name} (for {result.audience_label}, "
            f"{counted(result.item_count, 'item')}{result.pages_text})"
            for result in results
        ]
        warned = [
            f"Warning ({result.audience_label}): {warning}"
            for result in results
            for warning in result.warnings
        ]
        self.window.statusBar().showMessage(f"Exported {len(results)} files.", 8000)
        self.window.notice.show_notice(
            "warning" if warned else "done",
            "Exported.",
            "\n".join([*lines, f"They are in {folder}.", *warned]),
            [("Show in folder", f"Opens the folder {folder}.", lambda: open_url(folder))],
        )
        for result in results:
            self.window.exportFinished.emit(result)

    def _failed(self, message: str) -> None:
        path = self.exporting
        self._ended()
        self.window.statusBar().showMessage("The export failed.", 8000)
        if "unchanged" not in message:
            message += " Any earlier file of that name is unchanged."
        name = path.name if path else "The pack"
        dialogs.show_error(self.window, f"{name} could not be exported.", message)
        self.window.exportFailed.emit(message)
