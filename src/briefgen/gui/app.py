"""Start the desktop app: `briefgen-gui [PACK_FILE] [--content DIR]` (or `python -m briefgen`).

The window appears at once and loads the content in the background; renderers (WeasyPrint,
python-docx) are imported only when the first preview or export needs them. After the window
is shown it offers back any work a crash left behind, then opens the pack file given.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from briefgen.gui import dialogs
from briefgen.gui.collector import MainThreadCollector
from briefgen.gui.main_window import MainWindow
from briefgen.gui.settings import APP_NAME
from briefgen.gui.workers import unexpected_message


def _arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="briefgen-gui", description="Prepare briefing packs in the briefgen desktop app."
    )
    parser.add_argument("pack", nargs="?", help="a pack file (.briefgen.yaml) to open")
    parser.add_argument("--content", help="the content folder (default: the shipped content)")
    return parser.parse_args(list(argv))


def create_window(argv: Sequence[str] = ()) -> tuple[QApplication, MainWindow, argparse.Namespace]:
    """The application and its main window, not yet shown (the benchmark uses this too)."""
    args = _arguments(argv)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    if app.findChild(MainThreadCollector) is None:  # cycles freed on the GUI thread only
        MainThreadCollector(app)
    window = MainWindow(content_dir=Path(args.content) if args.content else None)
    return app, window, args


def main(argv: Sequence[str] | None = None) -> int:
    app, window, args = create_window(sys.argv[1:] if argv is None else argv)

    def report_bug(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        # A bug in a slot: tell the officer plainly (their work is autosaved), log the rest.
        sys.__excepthook__(kind, error, trace)
        dialogs.show_error(window, "briefgen hit a problem.", unexpected_message("working", error))

    sys.excepthook = report_bug
    window.show()

    def after_shown() -> None:
        restored = window.files.offer_recovery()
        if args.pack and not restored:
            window.files.open_path(Path(args.pack))

    QTimer.singleShot(0, after_shown)
    status = app.exec()
    # Let a render still running finish before Python shuts down under it.
    window.preview.runner.wait(10_000)
    window.tasks.wait(10_000)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
