"""Screenshot the quote-shaping views ("Add as item…" and the review view) with a passage
chosen, for looking at the span's highlight and handles before calling the work done.

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot_quote.py OUT_DIR \
        [--font-scale 2] [--source lga-2013] [--passage "greater investment in early"]

Writes OUT_DIR/add-item.png and OUT_DIR/review.png (each dialog grabbed on its own, as shown
at its default size), and OUT_DIR/add-item-dragging.png with the end handle pressed and
dragged two lines down, the pointer held.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def settle(ms: int = 300) -> None:
    """Let Qt lay out and paint (and workers report) for `ms`."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir")
    parser.add_argument("--font-scale", type=float, default=1.0)
    parser.add_argument("--source", default="lga-2013")
    parser.add_argument("--passage", default="greater investment in early intervention")
    args = parser.parse_args()
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)

    _app = start_app(args.font_scale)  # kept while the script runs

    from briefgen.content import load_corpus
    from briefgen.gui.add_item import AddItemDialog
    from briefgen.gui.review_view import ReviewView
    from briefgen.library.folders import library_folders

    corpus = load_corpus(library_folders())  # the shipped library and the user's (imports)
    library = Path(tempfile.mkdtemp(prefix="briefgen-shot-"))
    text = corpus.sources[args.source].text
    start = text.index(args.passage)
    dialog = AddItemDialog(corpus, args.source, start, start + len(args.passage), library)
    dialog.show()
    settle()
    grab(dialog, out / "add-item.png")
    view = getattr(dialog, "context", None)
    handles = getattr(view, "handle_rects", None)
    if view is not None and handles is not None:
        end_handle = handles()["end"]
        if end_handle is not None:
            viewport: QWidget = view.viewport()
            at = end_handle.center()
            below = QPoint(at.x() + 40, at.y() + 2 * view.fontMetrics().lineSpacing())
            QTest.mousePress(
                viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at
            )
            QTest.mouseMove(viewport, below)
            settle()
            grab(dialog, out / "add-item-dragging.png")
            QTest.mouseRelease(
                viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, below
            )
    dialog.close()
    dialog.deleteLater()  # now, not as Python shuts down (PySide may crash deleting it then)

    shoot_review(ReviewView(corpus, args.source, library), out / "review.png")
    print("\n".join(str(path) for path in sorted(out.glob("*.png"))))
    return 0


def start_app(font_scale: float) -> QApplication:
    """The application, its text `font_scale` times the usual size (as a user's larger system
    font would make it) before any widget is made."""
    app = QApplication(sys.argv[:1])
    if font_scale != 1.0:
        font = QFont(app.font())
        font.setPointSizeF(font.pointSizeF() * font_scale)
        app.setFont(font)
    return app


def grab(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))


def shoot_review(review: QWidget, path: Path) -> None:
    """Show a review view, wait for its suggestions (30 s at most), save it to `path`, close
    it (now, not as Python shuts down)."""
    review.show()
    loop = QEventLoop()
    review.suggestionsReady.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    settle()
    grab(review, path)
    review.close()
    review.deleteLater()
    settle(50)


if __name__ == "__main__":
    sys.exit(main())
