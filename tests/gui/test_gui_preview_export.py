"""The preview and exports: debounced and off the GUI thread, stale renders dropped, the window
responsive during a slow render, errors told plainly with the old file left alone, and real PDF
and Word files read back."""

from __future__ import annotations

import io
import itertools
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from briefgen.errors import RenderError
from briefgen.gui import dialogs
from briefgen.gui.preview import CLICK_DEBOUNCE_MS


def choose(combo: Any, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def set_title(window: Any, title: str) -> None:
    window.meeting_form.title.setText(title)
    window.meeting_form.title.textEdited.emit(title)


def settle(window: Any, qtbot: Any) -> None:
    qtbot.waitUntil(lambda: not window.preview.busy, timeout=15_000)


def test_quick_changes_render_one_preview_of_the_newest(
    window: Any, qtbot: Any, fake_render: Any
) -> None:
    settle(window, qtbot)
    started = window.preview.previews_started
    window.preview.delay_ms = 200
    for title in ("A", "AB", "ABC", "ABCD"):
        set_title(window, title)
        qtbot.wait(20)  # typing speed: each change restarts the wait
    with qtbot.waitSignal(window.previewShown, timeout=15_000):
        pass
    assert window.preview.previews_started == started + 1
    assert fake_render.calls[-1][0].title == "ABCD"
    assert window.preview_pane.status.text() == "2 pages, as it will print."
    assert window.preview_pane.page_count() == 2


def test_typing_waits_for_a_pause_but_a_click_previews_almost_at_once(
    window: Any, qtbot: Any, fake_render: Any
) -> None:
    settle(window, qtbot)
    window.preview.delay_ms = 500
    set_title(window, "Typed")
    assert window.preview.timer.isActive() and window.preview.timer.interval() == 500
    window.set_themes(["funding"])
    assert window.preview.timer.isActive()
    assert window.preview.timer.interval() == CLICK_DEBOUNCE_MS < 500
    with qtbot.waitSignal(window.previewShown, timeout=15_000):
        pass
    assert fake_render.calls[-1][0].title == "Typed"


def test_a_render_that_finishes_late_is_dropped(window: Any, qtbot: Any, fake_render: Any) -> None:
    settle(window, qtbot)
    fake_render.delay = 0.3
    shown: list[Any] = []
    window.previewShown.connect(shown.append)
    set_title(window, "First")
    qtbot.waitUntil(lambda: window.preview.rendering is not None, timeout=15_000)
    set_title(window, "Second")  # while "First" renders
    qtbot.waitUntil(lambda: bool(shown) and not window.preview.busy, timeout=15_000)
    assert window.preview.stale_dropped == 1
    assert len(shown) == 1
    assert fake_render.calls[-1][0].title == "Second"


def test_preview_falls_back_to_html_without_the_pdf_renderer(
    window: Any, qtbot: Any, fake_render: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pdf(pack: Any, corpus: Any, format_name: str, options: Any = None) -> Any:
        if format_name == "pdf":
            raise ModuleNotFoundError("No module named 'briefgen.render.pdf'")
        return fake_render(pack, corpus, format_name, options)

    settle(window, qtbot)
    monkeypatch.setattr("briefgen.render.render", no_pdf)
    with qtbot.waitSignal(window.previewShown, timeout=15_000) as shown:
        set_title(window, "Text preview")
    assert shown.args[0].format_name == "html"
    pane = window.preview_pane
    assert pane.stack.currentWidget() is pane.html_view
    assert "Text preview" in pane.html_view.toPlainText()
    assert "text preview" in pane.status.text()
    assert not window.preview.want_pdf, "no retrying the PDF on every change"


def test_build_warnings_show_in_the_preview(window: Any, qtbot: Any, fake_render: Any) -> None:
    settle(window, qtbot)
    fake_render.warnings = ("The member briefing runs to 9 pages; its length norm is 6.",)
    with qtbot.waitSignal(window.previewShown, timeout=15_000):
        set_title(window, "Long")
    notes = window.preview_pane.notes
    assert notes.isVisible()
    assert "Warning:" in notes.text() and "runs to 9 pages" in notes.text()


def export_via_ctrl_e(window: Any, qtbot: Any, monkeypatch: Any, path: Path, fmt: str) -> None:
    asked: list[Path] = []

    def ask(parent: Any, suggested: Path, format_name: str) -> tuple[Path, str]:
        asked.append(suggested)
        return path, fmt

    monkeypatch.setattr(dialogs, "ask_export_path", ask)
    qtbot.keySequence(window, "Ctrl+E")
    assert asked, "Ctrl+E asks where to export"


def test_export_writes_the_file_and_offers_to_open_it(
    window: Any, qtbot: Any, tmp_path: Path, fake_render: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.set_themes(["funding"])
    set_title(window, "Funding: the options")
    fake_render.warnings = ("The member briefing runs to 9 pages; its length norm is 6.",)
    target = tmp_path / "funding.pdf"
    with qtbot.waitSignal(window.exportFinished, timeout=15_000):
        export_via_ctrl_e(window, qtbot, monkeypatch, target, "pdf")
        assert window.busy.isVisible() or window.exports.exporting is None
    assert target.read_bytes() == fake_render.pdf
    assert window.busy.isHidden()
    notice = window.notice
    assert notice.isVisible() and "funding.pdf" in notice.message()
    assert "Warning: The member briefing runs to 9 pages" in notice.message()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    buttons = {b.text(): b for b in notice.findChildren(QPushButton)}
    buttons["Open file"].click()
    buttons["Show in folder"].click()
    assert [url.toLocalFile() for url in opened] == [str(target), str(tmp_path)]


def test_export_suggests_a_name_from_the_title(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_title(window, "Cabinet: delivery options")
    suggested: list[Path] = []
    monkeypatch.setattr(
        dialogs, "ask_export_path", lambda parent, path, fmt: suggested.append(path)
    )
    window.exports.export("docx")
    assert suggested[0].name == "Cabinet delivery options.docx"


def failed_export(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch, target: Path
) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, head, text: shown.append((head, text))
    )
    window.set_themes(["funding"])
    with qtbot.waitSignal(window.exportFailed, timeout=15_000):
        assert window.exports.export_to(target, "pdf")
    return shown


def test_export_to_an_unwritable_folder_says_so_and_keeps_the_old_file(
    window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"the officer's earlier export")

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("briefgen.atomic.tempfile.mkstemp", refuse)
    shown = failed_export(window, qtbot, monkeypatch, target)
    assert shown[0][0] == "pack.pdf could not be exported."
    message = shown[0][1]
    assert "permission denied; choose a folder you can write to" in message
    assert "unchanged" in message and "Traceback" not in message
    assert target.read_bytes() == b"the officer's earlier export"
    assert window.commands.export.isEnabled(), "the officer can try again"


def test_a_render_error_is_told_and_the_old_file_kept(
    window: Any, qtbot: Any, tmp_path: Path, fake_render: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"old")
    fake_render.error = RenderError("cannot write the PDF: font missing; try again")
    shown = failed_export(window, qtbot, monkeypatch, target)
    assert shown[0][1].startswith("cannot write the PDF: font missing; try again")
    assert target.read_bytes() == b"old"


def test_a_bug_while_exporting_is_reported_without_a_traceback(
    window: Any, qtbot: Any, tmp_path: Path, fake_render: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_render.error = ValueError("boom")
    shown = failed_export(window, qtbot, monkeypatch, tmp_path / "pack.pdf")
    message = shown[0][1]
    assert message.startswith("Something went wrong inside briefgen while exporting the pack")
    assert "Traceback" not in message and "Your pack is safe" in message
    log = tmp_path / "data" / "briefgen.log"
    assert "ValueError: boom" in log.read_text(encoding="utf-8")


def test_export_is_checked_before_it_starts(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, head, text: shown.append((head, text))
    )
    assert not window.exports.export_to(tmp_path / "missing" / "pack.pdf", "pdf")
    assert "does not exist. Choose another folder." in shown[0][1]
    assert window.exports.exporting is None


def test_the_window_stays_responsive_during_a_slow_render(
    window: Any, qtbot: Any, tmp_path: Path, fake_render: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settle(window, qtbot)
    choose(window.audience_combo, "senior-officers")
    window.set_themes([])
    settle(window, qtbot)
    fake_render.delay = 1.5
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    set_title(window, "Slow preview")  # a preview render starts after the debounce
    qtbot.waitUntil(lambda: window.preview.rendering is not None, timeout=15_000)
    with qtbot.waitSignal(window.exportFinished, timeout=30_000):
        window.exports.export_to(tmp_path / "slow.pdf", "pdf")
        # While both renders sleep in their workers, typing still narrows the list at once.
        window.items_panel.search.setFocus()
        qtbot.keyClicks(window.items_panel.search, "board")
        assert window.model.rowCount() == 2
        assert window.exports.exporting is not None, "the export is still running"
    timer.stop()
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert len(ticks) >= 30, f"the event loop ran only {len(ticks)} times in 1.5 s"
    assert max(gaps) < 0.25, f"the window froze for {max(gaps):.2f} s"


@pytest.mark.real_render
def test_real_pdf_export_and_preview(
    window: Any, qtbot: Any, tmp_path: Path, corpus: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    pypdf = pytest.importorskip("pypdf")
    pytest.importorskip("briefgen.render.pdf")
    choose(window.audience_combo, "scrutiny")
    window.set_themes(["funding"])
    set_title(window, "Funding pressures")
    target = tmp_path / "funding.pdf"
    with qtbot.waitSignal(window.exportFinished, timeout=30_000):
        export_via_ctrl_e(window, qtbot, monkeypatch, target, "pdf")
    text = " ".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(target.read_bytes())).pages
    )
    text = " ".join(text.split())
    assert "Funding pressures" in text
    assert "multi-year funding settlement" in text
    # The preview shows the real PDF too.
    qtbot.waitUntil(
        lambda: (
            window.preview_pane.result is not None
            and window.preview_pane.result.format_name == "pdf"
        ),
        timeout=30_000,
    )
    assert window.preview_pane.page_count() >= 1


@pytest.mark.real_render
def test_real_word_export(
    window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("briefgen.render.docx")
    docx = pytest.importorskip("docx")
    window.preview.want_pdf = False  # keep this test about Word: a quick HTML preview
    choose(window.layout_combo, "committee-report")
    window.set_themes(["workforce"])
    set_title(window, "Workforce report")
    target = tmp_path / "workforce.docx"
    with qtbot.waitSignal(window.exportFinished, timeout=30_000):
        export_via_ctrl_e(window, qtbot, monkeypatch, target, "docx")
    document = docx.Document(str(target))
    text = " ".join(paragraph.text for paragraph in document.paragraphs)
    text += " ".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    text = " ".join(text.split())
    assert "Workforce report" in text
    assert "regional memorandum of understanding on agency pay rates" in text
