"""Every modal question the app asks, in one place: the unsaved-changes question, file choosers,
error messages, the crash-recovery offer and the Help boxes. The window calls these functions
(tests replace them), so a dialog's wording and buttons are the same wherever it is asked."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

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


def ask_draft_path(parent: QWidget, folder: str) -> Path | None:
    """The Word draft to check against the content (File > Check a Word draft…)."""
    path, _ = QFileDialog.getOpenFileName(
        parent, "Check a Word draft", folder, "Word documents (*.docx);;All files (*)"
    )
    return Path(path) if path else None


def ask_team_folder(parent: QWidget, folder: str) -> Path | None:
    """The team's library folder to read (File > Team folders… > Add…), or None."""
    path = QFileDialog.getExistingDirectory(parent, "Add a team folder", folder)
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


def ask_print(parent: QWidget, printer: Any, page_count: int) -> bool:
    """The system print dialog for `printer` (pages 1 to `page_count`); True to print."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print the pack")
    dialog.setMinMax(1, page_count)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def show_print_preview(parent: QWidget, printer: Any, paint: Callable[[Any], object]) -> None:
    """The print preview of `printer`'s pages, drawn by `paint`; its Print button prints."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print preview")
    dialog.paintRequested.connect(paint)
    dialog.resize(parent.size() * 0.9)
    dialog.exec()


def ask_audiences(parent: QWidget, current: str) -> list[str] | None:
    """Which audiences to export for, each as its own file (`current` ticked to begin with);
    None if the officer cancels."""
    from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout

    from briefgen.pack.labels import audience_label
    from briefgen.selection import AUDIENCES

    dialog = QDialog(parent)
    dialog.setWindowTitle("Export for several audiences")
    layout = QVBoxLayout(dialog)
    intro = QLabel(
        "Tick the audiences to export for. Each gets its own file, built as if exported for "
        "that audience alone, with the audience's id added to the file name when there is "
        "more than one."
    )
    intro.setWordWrap(True)
    layout.addWidget(intro)
    boxes: dict[str, QCheckBox] = {}
    for audience in AUDIENCES:
        box = QCheckBox(mnemonic_label(audience_label(audience), boxes.values()))
        box.setChecked(audience == current)
        layout.addWidget(box)
        boxes[audience] = box
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return [audience for audience, box in boxes.items() if box.isChecked()]


def mnemonic_label(text: str, taken: Iterable[Any]) -> str:
    """`text` with an Alt+letter no other of `taken` (buttons, labels) already has: its first
    word's first letter if free, else the next free letter."""
    used = {mnemonic_of(widget.text()) for widget in taken}
    for index, letter in enumerate(text):
        if letter.isalpha() and letter.lower() not in used:
            return text[:index] + "&" + text[index:]
    return text


def mnemonic_of(text: str) -> str:
    """The letter after the single '&' in `text` (lower case), or ""."""
    index = text.replace("&&", "").find("&")
    cleaned = text.replace("&&", "")
    return cleaned[index + 1].lower() if 0 <= index < len(cleaned) - 1 else ""


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


def ask_review_import(parent: QWidget, title: str) -> bool:
    """After an import: whether to review the suggested items from the new document now."""
    answer = QMessageBox.question(
        parent,
        "Review suggested items",
        f"Review suggested items from {title} now?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_shortcuts(parent: QWidget) -> None:
    """Help → Keyboard shortcuts, until closed."""
    from briefgen.gui.shortcuts import ShortcutsDialog

    ShortcutsDialog(parent).exec()


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        "About briefgen",
        "briefgen prepares briefing packs of exact, cited quotes from policy documents, "
        "as PDF to print or Word to edit. It works offline.",
    )
