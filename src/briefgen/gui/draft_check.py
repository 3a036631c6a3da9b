"""File > Check a Word draft…: check an edited committee-report draft against the content, off
the GUI thread, and show the core's report (`briefgen.verify`) in a dialog the officer can copy
from. The check itself is the same as `briefgen verify`; nothing here decides what is a finding.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from briefgen.gui.widgets import describe

if TYPE_CHECKING:  # briefgen.verify reads Word files: imported when a draft is checked
    from briefgen.verify import DraftCheck


class DraftCheckDialog(QDialog):
    """The result of one check: the summary with an OK or warning icon, then the full report
    (read-only, selectable) and Copy report / Close."""

    def __init__(self, check: DraftCheck, parent: QWidget | None = None) -> None:
        from briefgen.verify import format_report, summary

        super().__init__(parent)
        self.check = check
        self.setWindowTitle(f"Check of {check.path.name}")
        self.setMinimumWidth(560)
        icon = QStyle.StandardPixmap.SP_DialogApplyButton
        if not check.ok:
            icon = QStyle.StandardPixmap.SP_MessageBoxWarning
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        self.icon = QLabel()
        self.icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        self.icon.setAccessibleName("Every quotation matches" if check.ok else "Findings")
        self.headline = QLabel(summary(check))
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.report = QPlainTextEdit(format_report(check))
        self.report.setReadOnly(True)
        self.report.setTabChangesFocus(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        describe(
            self.report,
            "Draft check report",
            "Each quotation that no longer matches its source, where it is in the draft and "
            "how its words differ.",
            tooltip=False,
        )
        lines = self.report.fontMetrics().lineSpacing()
        self.report.setMinimumHeight(lines * 12)
        self.buttons = QDialogButtonBox()
        self.copy_button: QPushButton = self.buttons.addButton(
            "C&opy report", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button: QPushButton = self.buttons.addButton(
            "&Close", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy_report)
        self.close_button.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.icon)
        top.addWidget(self.headline, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.buttons)

    def copy_report(self) -> None:
        """The whole report on the clipboard, to paste into an email or a note."""
        QGuiApplication.clipboard().setText(self.report.toPlainText())
        self.copy_button.setText("C&opied")


def check_a_draft(window: Any, path: Path | None = None) -> None:
    """Ask for a .docx (unless `path` is given) and check it against the window's corpus in a
    worker; the result opens in a `DraftCheckDialog`, an unreadable file in an error box."""
    from briefgen.gui import dialogs
    from briefgen.verify import check_draft, summary

    corpus = window.corpus
    if corpus is None:
        window.statusBar().showMessage("Wait for the content to load, then check the draft.", 5000)
        return
    if path is None:
        folder = str(window.path.parent) if window.path is not None else ""
        path = dialogs.ask_draft_path(window, folder)
        if path is None:
            return
    chosen = path
    window.statusBar().showMessage(f"Checking {chosen.name}…")

    def done(check: DraftCheck) -> None:
        window.statusBar().showMessage(summary(check), 10_000)
        dialog = DraftCheckDialog(check, window)
        dialog.open()

    def failed(message: str) -> None:
        window.statusBar().clearMessage()
        dialogs.show_error(window, f"{chosen.name} cannot be checked.", message)

    window.tasks.start(
        lambda: check_draft(chosen, corpus), done, failed, doing=f"checking {chosen.name}"
    )
