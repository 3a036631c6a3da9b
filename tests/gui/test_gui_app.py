"""Starting the app: quickly (no renderer imported), opening the pack named on the command line,
loading the content in the background and saying plainly when it cannot."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from briefgen.gui.app import main
from briefgen.gui.main_window import MainWindow
from briefgen.pack import PackSpec
from briefgen.pack.packfile import save_pack


def test_starting_the_app_imports_no_renderer() -> None:
    code = (
        "import sys, briefgen.gui.app\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('weasyprint', 'docx')]\n"
        "print(heavy)\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"


def test_main_shows_the_window_and_opens_the_pack_given(
    qtbot: Any, content_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own
    pack = tmp_path / "cabinet.briefgen.yaml"
    spec = PackSpec(themes=["funding"])
    spec.meeting.title = "Cabinet briefing"
    save_pack(spec, pack)
    seen: dict[str, Any] = {}

    def inspect_then_quit() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        if window.corpus is None or window.path is None:
            QTimer.singleShot(20, inspect_then_quit)
            return
        seen.update(
            visible=window.isVisible(),
            path=window.path,
            title=window.windowTitle(),
            themes=list(window.spec.themes),
        )
        window.setWindowModified(False)
        window.preview.timer.stop()
        window.preview.runner.wait()
        window.close()
        window.deleteLater()
        loop.quit()

    # The app's own exec() would mark the shared QApplication as closing for later tests;
    # an inner event loop runs main()'s window just the same.
    loop = QEventLoop()

    def run_loop(self: Any = None) -> int:
        QTimer.singleShot(20, inspect_then_quit)
        loop.exec()
        return 0

    monkeypatch.setattr(QApplication, "exec", run_loop)
    assert main([str(pack), "--content", str(content_dir)]) == 0
    assert seen == {
        "visible": True,
        "path": pack,
        "title": "cabinet[*] — briefgen",
        "themes": ["funding"],
    }


def test_content_that_cannot_be_loaded_is_explained(
    make_window: Any, qtbot: Any, tmp_path: Path
) -> None:
    broken = tmp_path / "content"
    broken.mkdir()
    (broken / "themes.yaml").write_text("- id: [\n", encoding="utf-8")
    window = make_window(corpus=None, content_dir=broken)
    qtbot.waitUntil(window.notice.isVisible, timeout=15_000)
    assert "The content could not be loaded." in window.notice.text.text()
    assert "Reload content (F5)" in window.notice.message()
    assert not window.theme_list.isEnabled()
    assert not window.commands.export.isEnabled()


def test_content_loads_in_the_background(make_window: Any, qtbot: Any, content_dir: Path) -> None:
    loaded: list[bool] = []
    window = make_window(corpus=None, content_dir=content_dir)
    window.corpusLoaded.connect(lambda: loaded.append(True))
    qtbot.waitUntil(lambda: window.corpus is not None, timeout=30_000)
    assert window.theme_list.count() == len(window.corpus.themes)
    assert window.commands.export.isEnabled()
