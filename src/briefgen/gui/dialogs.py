"""Every modal question the app asks, in one place: the unsaved-changes question, file choosers,
error messages and the crash-recovery offer. The window calls these functions (tests replace
them), so a dialog's wording and buttons are the same wherever it is asked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefgen.gui.recovery import Recovered
from briefgen.pack.packfile import SUFFIX
from briefgen.render import format_for_path

PACK_FILTER = f"briefgen packs (*{SUFFIX})"
EXPORT_FILTERS = {
    "pdf": "PDF document, to print (*.pdf)",
    "docx": "Word document, to edit (*.docx)",
}


def ask_unsaved(parent: QWidget, pack_name: str) -> str:
    """ "save", "discard" or "cancel": what to do with unsaved changes before they are lost."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Unsaved changes")
    box.setText(f"Save the changes to {pack_name}?")
    box.setInformativeText("If you don't save, your changes since the last save will be lost.")
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def show_error(parent: QWidget, headline: str, message: str) -> None:
    """Tell the officer what went wrong and what to do; never a traceback."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("briefgen")
    box.setText(headline)
    box.setInformativeText(message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def ask_open_path(parent: QWidget, folder: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, "Open a pack", folder, f"{PACK_FILTER};;All files (*)"
    )
    return Path(path) if path else None


def ask_save_path(parent: QWidget, suggested: Path) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Save the pack as", str(suggested), PACK_FILTER)
    return Path(path) if path else None


def ask_export_path(parent: QWidget, suggested: Path, format_name: str) -> tuple[Path, str] | None:
    """Where to export and in which format (from the name typed, else the chosen file type)."""
    filters = [EXPORT_FILTERS[format_name]] + [
        text for name, text in EXPORT_FILTERS.items() if name != format_name
    ]
    path, chosen = QFileDialog.getSaveFileName(
        parent, "Export the pack", str(suggested), ";;".join(filters)
    )
    if not path:
        return None
    target = Path(path)
    named = format_for_path(target)
    if named in EXPORT_FILTERS:
        return target, named
    for name, text in EXPORT_FILTERS.items():
        if chosen == text:
            return target.with_name(target.name + (".pdf" if name == "pdf" else ".docx")), name
    return target.with_name(target.name + ".pdf"), "pdf"


def offer_recovery(parent: QWidget, recovered: Recovered) -> bool:
    """Whether to restore work autosaved before briefgen last closed unexpectedly."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Recover unsaved work")
    box.setText("briefgen closed unexpectedly last time. Recover your unsaved work?")
    box.setInformativeText(
        f"Found {recovered.describe()}. If you don't recover it now, it is deleted."
    )
    restore = box.addButton("&Recover", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Delete it", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore
