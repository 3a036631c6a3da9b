"""Desktop app speed (issue: the desktop app).

On the shipped corpus and on a generated 10,000-item corpus, measures:
- launch: a new process until the main window is shown (and until its content has loaded);
- list update: a theme or audience change until the item list shows the new items;
- preview: a theme ticked with the Space key until the preview's first page is on screen (the
  quick render of the first items) and until the full preview replaces it (cold: the first
  render in the process, importing WeasyPrint);
- search: one keystroke in the search box until the list is narrowed.
Targets: window 1.5 s, list update 50 ms, preview 1 s, search 50 ms a keystroke; the 10k corpus
within 4x of each.

    .venv/bin/python benchmarks/gui_bench.py [--json] [--runs N] [--skip-large] [--xvfb]

Runs offscreen (QT_QPA_PLATFORM=offscreen) unless a display is set; `--xvfb` measures again
under a real X server (xvfb-run, 1366x768) and prints both.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"launch": 1.5, "list": 0.050, "preview": 1.0, "search": 0.050}
LARGE_FACTOR = 4
LARGE_NAME = "10,000 items"
XVFB_SCREEN = "1366x768x24"

# The child process: build the window as `briefgen-gui` does, print when it is first exposed
# and when its content has loaded, then quit.
LAUNCH_SCRIPT = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from briefgen.gui.app import create_window
app, window, _ = create_window(sys.argv[1:])
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("SHOWN", time.time(), flush=True)
            app.removeEventFilter(self)
        return False
first_paint = FirstPaint()
app.installEventFilter(first_paint)
window.corpusLoaded.connect(lambda: print("LOADED", time.time(), flush=True))
window.corpusLoaded.connect(lambda: QTimer.singleShot(0, app.quit))
window.show()
app.exec()
window.setWindowModified(False)
"""


def launch_times(content: Path | None, data_dir: Path) -> tuple[float, float]:
    """Seconds from starting a process to the window shown, and to the content loaded."""
    args = [sys.executable, "-c", LAUNCH_SCRIPT] + (["--content", str(content)] if content else [])
    env = dict(os.environ, BRIEFGEN_DATA_DIR=str(data_dir))
    started = time.time()
    output = subprocess.run(
        args, env=env, capture_output=True, text=True, timeout=120, check=True
    ).stdout
    marks = dict(line.split() for line in output.splitlines() if line[:5] in ("SHOWN", "LOADE"))
    return float(marks["SHOWN"]) - started, float(marks["LOADED"]) - started


def median_of(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


def in_process(corpus_dir: Path | None, runs: int) -> dict[str, float]:
    """List update, preview and search timings in one window on the corpus at `corpus_dir`."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from briefgen.content import load_corpus
    from briefgen.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    corpus = load_corpus(corpus_dir)
    window = MainWindow(corpus=corpus)
    themes = list(corpus.themes)
    window.show()
    app.processEvents()
    results: dict[str, float] = {}

    def wait_preview() -> Any:
        loop = QEventLoop()
        got: list[Any] = []

        def done(result: Any) -> None:
            got.append(result)
            loop.quit()

        window.previewShown.connect(done)
        window.preview.failed.connect(loop.quit)
        QTimer.singleShot(120_000, loop.quit)
        loop.exec()
        window.previewShown.disconnect(done)
        # The first page is on screen once QtPdf has painted it.
        app.processEvents()
        window.preview_pane.pdf_view.viewport().repaint() if window.preview_pane.pdf_view else None
        return got[0] if got else None

    # Preview: a theme ticked or unticked with the Space key in the theme list until the first
    # preview page is on screen (the quick render of the first items), and until the full
    # preview has replaced it, with WeasyPrint already loaded (it loads with the preview the
    # window shows at launch; that first render is measured apart). Every click makes a pack
    # not seen before, and the preview cache is emptied first: no click is helped by another.
    from briefgen.preview_plan import PreviewCache

    theme_list = window.theme_list
    clicks = itertools.chain(
        [0], itertools.chain.from_iterable((n, n - 1) for n in itertools.count(1))
    )

    def wait_for_pages(started: float) -> tuple[float, float]:
        loop = QEventLoop()
        marks: dict[str, float] = {}

        def first(result: Any) -> None:
            if "first" not in marks:
                app.processEvents()
                pdf_view = window.preview_pane.pdf_view
                if pdf_view is not None:
                    pdf_view.viewport().repaint()  # the first page painted
                marks["first"] = time.perf_counter() - started

        def full(result: Any) -> None:
            marks["full"] = time.perf_counter() - started
            loop.quit()

        window.firstPagesShown.connect(first)
        window.previewShown.connect(full)
        window.preview.failed.connect(loop.quit)
        QTimer.singleShot(120_000, loop.quit)
        loop.exec()
        window.firstPagesShown.disconnect(first)
        window.previewShown.disconnect(full)
        return marks.get("first", float("nan")), marks.get("full", float("nan"))

    def preview_after_click() -> tuple[float, float]:
        window.preview.cache = PreviewCache()
        theme_list.setCurrentRow(next(clicks) % theme_list.count())
        started = time.perf_counter()
        QTest.keyClick(theme_list, Qt.Key.Key_Space)
        return wait_for_pages(started)

    if window.preview.busy:
        wait_preview()  # the preview the window starts with
    window.audience_combo.setCurrentIndex(window.audience_combo.findData("senior-officers"))
    if window.preview.busy:
        wait_preview()
    window.activateWindow()
    theme_list.setFocus()
    timings = [preview_after_click() for _ in range(runs)]
    results["preview_first"] = statistics.median(first for first, _ in timings)
    results["preview_first_worst"] = max(first for first, _ in timings)
    results["preview_warm"] = statistics.median(full for _, full in timings)

    # With the preview paused, so its renders do not share the CPU with what is measured.
    window.preview.request = lambda *args, **kwargs: None  # type: ignore[method-assign]

    def theme_change() -> float:
        started = time.perf_counter()
        window.set_themes(themes[:3] if window.spec.themes != themes[:3] else themes[3:6])
        app.processEvents()
        return time.perf_counter() - started

    def audience_change() -> float:
        combo = window.audience_combo
        started = time.perf_counter()
        combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())
        app.processEvents()
        return time.perf_counter() - started

    window.audience_combo.setCurrentIndex(window.audience_combo.findData("senior-officers"))
    results["list_theme"] = median_of(runs, theme_change)
    results["list_audience"] = median_of(runs, audience_change)
    window.audience_combo.setCurrentIndex(window.audience_combo.findData("senior-officers"))
    window.set_themes([])

    search = window.items_panel.search
    search.setFocus()
    per_key = []
    for _ in range(max(1, runs // 2)):
        search.clear()
        for letter in "councils fund":
            started = time.perf_counter()
            QTest.keyClick(search, letter)
            app.processEvents()
            per_key.append(time.perf_counter() - started)
        QTest.keyClick(search, Qt.Key.Key_Escape)
    results["search"] = statistics.median(per_key)
    results["search_worst"] = max(per_key)
    results["rows"] = float(len(window.rows))
    window.setWindowModified(False)
    window.close()
    return results


def cold_preview(corpus_dir: Path | None) -> float:
    """The first preview in a fresh process (WeasyPrint imported then)."""
    script = """
import sys, time
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from briefgen.content import load_corpus
from briefgen.gui.main_window import MainWindow
app = QApplication([])
corpus = load_corpus(sys.argv[1] if len(sys.argv) > 1 else None)
started = time.perf_counter()
window = MainWindow(corpus=corpus)
window.show()
loop = QEventLoop()
window.previewShown.connect(lambda result: loop.quit())
QTimer.singleShot(120000, loop.quit)
loop.exec()
app.processEvents()
print("PREVIEW", time.perf_counter() - started)
window.setWindowModified(False)
"""
    args = [sys.executable, "-c", script] + ([str(corpus_dir)] if corpus_dir else [])
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, BRIEFGEN_DATA_DIR=data)
        output = subprocess.run(
            args, env=env, capture_output=True, text=True, timeout=180, check=True
        ).stdout
    return float(
        next(line.split()[1] for line in output.splitlines() if line.startswith("PREVIEW"))
    )


def measure(name: str, corpus_dir: Path | None, runs: int, data_dir: Path) -> dict[str, float]:
    shown, loaded = zip(*(launch_times(corpus_dir, data_dir) for _ in range(runs)), strict=True)
    figures = {"launch": statistics.median(shown), "content_loaded": statistics.median(loaded)}
    figures["preview_cold"] = cold_preview(corpus_dir)
    figures.update(in_process(corpus_dir, runs))
    print(f"  measured {name}", file=sys.stderr)
    return figures


ROWS = (
    ("launch", "window shown after launch", "launch"),
    ("content_loaded", "content loaded after launch", None),
    ("list_theme", "theme change -> list updated", "list"),
    ("list_audience", "audience change -> list updated", "list"),
    ("preview_first", "theme key press -> first page shown", "preview"),
    ("preview_first_worst", "  (worst of the runs)", None),
    ("preview_warm", "theme key press -> full preview", None),
    ("preview_cold", "first preview after launch*", None),
    ("search", "search, per keystroke (median)", "search"),
    ("search_worst", "search, per keystroke (worst)", None),
)


def verdict(value: float, target: float | None) -> str:
    if target is None:
        return ""
    return "ok" if value <= target else "OVER"


def print_table(results: dict[str, dict[str, float]]) -> None:
    names = list(results)
    print(f"{'measure':<34}" + "".join(f"{name:>26}" for name in names))
    for key, label, target_key in ROWS:
        cells = []
        for name in names:
            value = results[name][key]
            target = TARGETS.get(target_key or "")
            if target is not None and name.startswith(LARGE_NAME):
                target *= LARGE_FACTOR
            shown = f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
            mark = verdict(value, target)
            target_text = (
                f" (≤{target * 1000:.0f} ms {mark})"
                if target is not None and target < 1
                else f" (≤{target:.1f} s {mark})"
                if target is not None
                else ""
            )
            cells.append(f"{shown + target_text:>26}")
        print(f"{label:<34}" + "".join(cells))
    for name in names:
        print(f"{name}: {results[name]['rows']:.0f} items listed for all themes")
    print(
        "preview: the quick render of the pack's first items, then the full preview that "
        "replaces it (what the export writes)"
    )
    print(
        "* the preview the window renders as it opens, loading WeasyPrint (no target: the "
        "officer can work meanwhile, and later previews are warm)"
    )


def under_xvfb(runs: int, skip_large: bool) -> dict[str, dict[str, float]]:
    """The same figures measured in a child process under Xvfb (a real X server)."""
    command = [
        "xvfb-run",
        "-a",
        "-s",
        f"-screen 0 {XVFB_SCREEN}",
        sys.executable,
        __file__,
        "--json",
        "--runs",
        str(runs),
        *(["--skip-large"] if skip_large else []),
    ]
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env.pop("DISPLAY", None)
    output = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=1800, check=True
    ).stdout
    figures: dict[str, dict[str, float]] = json.loads(output[output.index("{") :])
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--runs", type=int, default=5, help="runs per measure (median)")
    parser.add_argument("--skip-large", action="store_true", help="only the shipped corpus")
    parser.add_argument(
        "--xvfb",
        action="store_true",
        help=f"measure offscreen and again under a real X server (xvfb-run, {XVFB_SCREEN})",
    )
    args = parser.parse_args()

    from synthetic_corpus import generate

    import briefgen.gui  # noqa: F401  (the PySide6 guard, before any Qt call here)

    where = "Xvfb" if os.environ.get("DISPLAY") else "offscreen"
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as temp:
        data_dir = Path(temp) / "data"
        os.environ["BRIEFGEN_DATA_DIR"] = str(data_dir)
        results[f"shipped corpus ({where})"] = measure("shipped corpus", None, args.runs, data_dir)
        if not args.skip_large:
            large = generate(Path(temp) / "large", documents=200, items=10_000)
            name = f"{LARGE_NAME} ({where})"
            results[name] = measure(name, large, args.runs, data_dir)
    if args.xvfb:
        results.update(under_xvfb(args.runs, args.skip_large))
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
    else:
        print_table(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
