"""Screenshot the desktop app with a realistic pack, for looking at before calling GUI work done.

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot.py OUT.png \
        [PACK_FILE] [--font-scale 2] [--item N] [--notice] [--new]

Opens the pack (default: the example committee report; `--new`: the empty window a first run
shows), waits for the preview, selects the Nth item so the source view shows its quote in
context, optionally shows the export notice, then grabs the whole screen. The window sizes
itself to the screen, as it does for an officer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QFont, QGuiApplication

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument(
        "pack", nargs="?", default=str(ROOT / "examples/scrutiny-committee-report.briefgen.yaml")
    )
    parser.add_argument("--font-scale", type=float, default=1.0)
    parser.add_argument("--item", type=int, default=2)
    parser.add_argument("--notice", action="store_true", help="show the export notice")
    parser.add_argument("--new", action="store_true", help="a new, empty pack")
    parser.add_argument("--tab", type=int, default=0, help="show this tab (0 Items, 1, 2)")
    parser.add_argument("--menu", default="", help="open this menu (File, Edit, Help) first")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from briefgen.gui.app import create_window

    app = QApplication(sys.argv[:1])
    if args.font_scale != 1.0:  # as a user's larger system font would, before any widget
        font = QFont(app.font())
        font.setPointSizeF(font.pointSizeF() * args.font_scale)
        app.setFont(font)
    app, window, _ = create_window([])
    window.show()

    def wait(signal, ms: int = 60_000) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    if window.corpus is None:
        wait(window.corpusLoaded)
    if not args.new:
        window.files.open_path(Path(args.pack))
        window.files.finish()  # read on a worker
    if window.preview.busy:
        wait(window.previewShown)
    view = window.items_panel.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(args.item, 0))
    for _ in range(20):
        app.processEvents()
    if args.notice:
        window.notice.show_notice(
            "done",
            "Exported.",
            "Children's services review.pdf (24 items, 9 pages) is in /home/officer/Documents.",
            [("Open file", "", lambda: None), ("Show in folder", "", lambda: None)],
        )

    window.tabs.setCurrentIndex(args.tab)
    if args.menu:
        for action in window.menuBar().actions():
            if action.text().replace("&", "") == args.menu:
                QTimer.singleShot(
                    100, lambda action=action: window.menuBar().setActiveAction(action)
                )

    def grab() -> None:
        # Before quitting: Qt 6 closes the windows as it quits.
        QGuiApplication.primaryScreen().grabWindow(0).save(args.out)
        app.quit()

    QTimer.singleShot(800, grab)
    app.exec()
    window.setWindowModified(False)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
