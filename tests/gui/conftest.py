"""Fixtures for the desktop app's tests: offscreen Qt, a small known corpus built once, isolated
settings and data folder, a fast fake renderer, and a window ready to drive."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from tests.small_content import FakeRenderer

import briefgen.gui  # noqa: F401  (guards PySide6 before Qt runs; see briefgen.gui.qtfix)
from briefgen.content import Corpus


@pytest.fixture(scope="session")
def content_dir(app_content_dir: Path) -> Path:
    return app_content_dir


@pytest.fixture(scope="session")
def corpus(app_corpus: Corpus) -> Corpus:
    return app_corpus


@pytest.fixture(scope="session")
def review_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The shipped content with none of lga-2013's items: a report with a full list of
    suggestions to review (its curated items, with their near copies, are not proposed again:
    decision 0206)."""
    from tests.conftest import CONTENT, write_content

    from briefgen.content import load_corpus

    items = {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted((CONTENT / "items").glob("*.yaml"))
        if path.stem != "lga-2013"
    }
    return load_corpus(write_content(tmp_path_factory.mktemp("review") / "content", items))


@pytest.fixture(scope="package", autouse=True)
def main_thread_collection(qapp: Any) -> Iterator[None]:
    """Cycles freed on the GUI thread only, as in the app (briefgen.gui.collector): the app's
    tests run workers whose collections could otherwise free Qt objects off their thread."""
    from briefgen.gui.collector import MainThreadCollector

    MainThreadCollector(qapp)
    yield
    for collector in qapp.findChildren(MainThreadCollector):  # the app's own ones too
        collector.stop()
        collector.deleteLater()
    gc.enable()


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings and the data folder (recovery files, log) under `tmp_path`, never the user's."""
    data = tmp_path / "data"
    monkeypatch.setenv("BRIEFGEN_DATA_DIR", str(data))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # Documents and the like, not the user's
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    return data


@pytest.fixture(autouse=True)
def fake_render(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> FakeRenderer:
    """Every GUI test renders with the fake unless marked `real_render`: a real preview takes a
    second of CPU per change, which would only slow tests about logic."""
    fake = FakeRenderer()
    if "real_render" not in request.keywords:
        monkeypatch.setattr("briefgen.render.render", fake)
    return fake


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "real_render: render with the real PDF and Word renderers, not the fake"
    )


@pytest.fixture
def make_window(qtbot: Any, corpus: Corpus, tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """Build a main window on the small corpus, shown, with a short preview delay."""
    from briefgen.gui.main_window import MainWindow
    from briefgen.recovery import RecoveryStore

    windows: list[Any] = []

    def make(**options: Any) -> Any:
        options.setdefault("corpus", corpus)
        options.setdefault("recovery", RecoveryStore(tmp_path / "data"))
        options.setdefault("preview_delay_ms", 30)
        window = MainWindow(**options)
        window.show()
        window.activateWindow()  # shortcuts go to the active window
        qtbot.waitUntil(window.isActiveWindow, timeout=15_000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.setWindowModified(False)  # no unsaved-changes question while tearing down
        window.preview.timer.stop()
        window.preview.runner.wait()
        window.tasks.wait()
        window.close()
        window.deleteLater()
    qtbot.wait(1)  # let deleteLater run


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog would block a test for ever; tests that expect one replace it."""
    from briefgen.gui import dialogs

    def unexpected(name: str) -> Callable[..., Any]:
        def fail(*args: Any, **kwargs: Any) -> Any:
            raise AssertionError(f"unexpected dialog: {name}{args[1:]}")

        return fail

    for name in (
        "ask_unsaved",
        "show_error",
        "ask_open_path",
        "ask_save_path",
        "ask_export_path",
        "offer_recovery",
        "ask_print",
        "ask_audiences",
        "show_print_preview",
        "ask_review_import",
        "ask_draft_path",
        "ask_team_folder",
    ):
        monkeypatch.setattr(dialogs, name, unexpected(name))


@pytest.fixture
def window(make_window: Callable[..., Any]) -> Any:
    return make_window()


@pytest.fixture
def library(user_library: Path) -> Path:
    """The user's own library, where the curation tests' items are added."""
    return user_library


@pytest.fixture
def large_text(qapp: Any) -> Iterator[Any]:
    """The app's text at twice its size for this test (WCAG 1.4.4, resize text), put back
    after it; the large font is given."""
    from PySide6.QtGui import QFont

    normal = QFont(qapp.font())
    large = QFont(normal)
    large.setPointSizeF(normal.pointSizeF() * 2)
    qapp.setFont(large)
    yield large
    qapp.setFont(normal)
