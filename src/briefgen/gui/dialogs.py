"""Every modal question the app asks, in one place: the unsaved-changes question, file choosers,
error messages, the crash-recovery offer and the Help boxes. The window calls these functions
(tests replace them), so a dialog's wording and buttons are the same wherever it is asked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefgen.pack.packfile import SUFFIX
from briefgen.recovery import Recovered
from briefgen.render import FORMATS, document_formats, format_for_path

PACK_FILTER = f"briefgen packs (*{SUFFIX})"


def export_filters() -> dict[str, str]:
    """The export file types, by format name: "PDF document, to print (*.pdf)"."""
    return {
        name: f"{FORMATS[name].file_type}, {FORMATS[name].use} (*{FORMATS[name].suffix})"
        for name in document_formats()
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
    offered = export_filters()
    filters = [offered[format_name]] + [
        text for name, text in offered.items() if name != format_name
    ]
    path, chosen = QFileDialog.getSaveFileName(
        parent, "Export the pack", str(suggested), ";;".join(filters)
    )
    return export_target(Path(path), chosen) if path else None


def export_target(typed: Path, chosen_filter: str) -> tuple[Path, str]:
    """The file and format an export dialog's answer means: the format the typed name's suffix
    names, else the chosen file type's, with its suffix added (PDF if neither says)."""
    offered = export_filters()
    named = format_for_path(typed)
    if named in offered:
        return typed, named
    name = next((name for name, text in offered.items() if text == chosen_filter), None)
    name = name or next(iter(offered))
    return typed.with_name(typed.name + FORMATS[name].suffix), name


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


def show_shortcuts(parent: QWidget) -> None:
    QMessageBox.information(
        parent,
        "Keyboard shortcuts",
        "Ctrl+N  new pack\nCtrl+O  open a pack\nCtrl+S  save\nCtrl+Shift+S  save as\n"
        "Ctrl+E  export as PDF or Word\nCtrl+F  search the items\n"
        "Space  include or leave out the current item\n"
        "Alt+Up / Alt+Down  move the current item within its theme\n"
        "Ctrl+Tab / Ctrl+Shift+Tab  switch tabs; Alt+M, Alt+D, Alt+X  go to a tab\n"
        "F5  reload the content\n"
        "Alt + underlined letter  go to that field",
    )


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        "About briefgen",
        "briefgen prepares briefing packs of exact, cited quotes from policy documents, "
        "as PDF to print or Word to edit. It works offline.",
    )
