"""Print… prints the PDF the export writes (through a QPrinter writing a PDF file here, read
back), honouring the page range and page order (double-sided printing is the print dialog's
setting, passed to the printer by Qt: a PDF file cannot show it); the preview shows its first
pages before the rest; and the app exports a file for each of several audiences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from briefgen.gui import dialogs
from briefgen.gui.printing import PdfPages
from briefgen.preview_plan import QUICK_PREVIEW_ITEMS

# Each page of the test PDF has a black band at its own height: band n at n tenths down.
BANDS = 4


def banded_pdf(path: Path) -> bytes:
    """An A4 PDF of `BANDS` pages, page n with a black band n tenths of the way down."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    painter = QPainter(writer)
    for page in range(BANDS):
        if page:
            writer.newPage()
        height = writer.height()
        top = height * (page + 1) / 10
        painter.fillRect(QRectF(0, top, writer.width(), height / 20), QColor("black"))
    painter.end()
    return path.read_bytes()


def band_of(pdf: Path, page: int) -> int:
    """Which band (1..) a page of `pdf` shows: the tenth of the page its dark rows start in."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(pdf))
    image = document.render(page, QSize(60, 85))
    for y in range(image.height()):
        pixel = image.pixelColor(30, y)
        if pixel.alpha() > 128 and pixel.lightness() < 80:  # unpainted paper is transparent
            return round(y / image.height() * 10)
    raise AssertionError(f"page {page} of {pdf} has no band")


def printer_to(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_pages_print_as_the_pdf_has_them_within_the_chosen_range(qapp: Any, tmp_path: Path) -> None:
    pages = PdfPages(banded_pdf(tmp_path / "pack.pdf"))
    printed = tmp_path / "printed.pdf"
    printer = printer_to(printed)
    pages.prepare(printer)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert pages.print_to(printer) == 2
    reader = PdfReader(printed)
    assert len(reader.pages) == 2
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert abs(width - 595) < 3 and abs(height - 842) < 3  # A4, as the pack
    assert [band_of(printed, 0), band_of(printed, 1)] == [2, 3]


def test_last_page_first_prints_in_reverse(qapp: Any, tmp_path: Path) -> None:
    pages = PdfPages(banded_pdf(tmp_path / "pack.pdf"))
    printed = tmp_path / "printed.pdf"
    printer = printer_to(printed)
    pages.prepare(printer)
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert pages.print_to(printer) == BANDS
    assert [band_of(printed, n) for n in range(BANDS)] == [4, 3, 2, 1]


def test_print_prints_what_the_export_writes(
    window: Any, qtbot: Any, fake_render: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_render.pdf = banded_pdf(tmp_path / "export.pdf")
    window.set_themes(["funding"])
    qtbot.waitUntil(lambda: not window.preview.busy, timeout=15_000)  # its renders come first
    printed = tmp_path / "printed.pdf"
    asked: list[int] = []

    def ask_print(parent: Any, printer: QPrinter, page_count: int) -> bool:
        asked.append(page_count)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setResolution(72)
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(3, 4)
        return True

    monkeypatch.setattr(dialogs, "ask_print", ask_print)
    qtbot.keyClick(window, "p", modifier=window.commands.print.shortcut()[0].keyboardModifiers())
    qtbot.waitUntil(lambda: printed.exists() and not window.printing.busy, timeout=15_000)
    assert asked == [BANDS]
    assert fake_render.calls[-1][1] == "pdf"
    assert fake_render.calls[-1][0].spec.themes == ["funding"]
    assert [band_of(printed, 0), band_of(printed, 1)] == [3, 4]
    assert "Sent 2 pages" in window.statusBar().currentMessage()


def test_print_preview_draws_the_same_pages(
    window: Any, qtbot: Any, fake_render: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_render.pdf = banded_pdf(tmp_path / "export.pdf")
    drawn = tmp_path / "preview.pdf"

    def preview(parent: Any, printer: QPrinter, paint: Any) -> None:
        target = printer_to(drawn)
        target.setPageSize(printer.pageLayout().pageSize())
        target.setFullPage(True)
        paint(target)

    monkeypatch.setattr(dialogs, "show_print_preview", preview)
    window.commands.print_preview.trigger()
    qtbot.waitUntil(lambda: drawn.exists() and not window.printing.busy, timeout=15_000)
    assert [band_of(drawn, n) for n in range(BANDS)] == [1, 2, 3, 4]


def test_the_first_pages_show_before_the_full_preview_replaces_them(
    window: Any, qtbot: Any, fake_render: Any
) -> None:
    qtbot.waitUntil(lambda: not window.preview.busy, timeout=15_000)
    shown: list[Any] = []
    window.firstPagesShown.connect(shown.append)
    with qtbot.waitSignal(window.previewShown, timeout=15_000):
        window.audience_combo.setCurrentIndex(window.audience_combo.findData("scrutiny"))
    assert [result.partial for result in shown] == [True, False]
    assert shown[0].shown_items == QUICK_PREVIEW_ITEMS < shown[1].shown_items == 12
    assert window.preview_pane.status.text() == "2 pages, as it will print."
    # Back to an earlier choice: shown from the cache, with no render at all.
    renders = len(fake_render.calls)
    with qtbot.waitSignal(window.previewShown, timeout=15_000):
        window.commands.undo.trigger()
    assert len(fake_render.calls) == renders


def test_a_newer_click_drops_the_rest_of_an_older_preview(
    window: Any, qtbot: Any, fake_render: Any
) -> None:
    qtbot.waitUntil(lambda: not window.preview.busy, timeout=15_000)
    fake_render.delay = 0.2
    shown: list[Any] = []
    window.firstPagesShown.connect(shown.append)
    window.audience_combo.setCurrentIndex(window.audience_combo.findData("scrutiny"))
    qtbot.waitUntil(lambda: window.preview.rendering is not None, timeout=15_000)
    window.set_themes(["workforce"])  # while the quick render of the first choice runs
    qtbot.waitUntil(lambda: not window.preview.busy, timeout=15_000)
    themes = [call[0].spec.themes for call in fake_render.calls[-2:]]
    assert themes == [["workforce"], ["workforce"]] or themes[-1] == ["workforce"]
    assert all(result.total_items == 3 for result in shown), "nothing of the stale choice shown"
    assert window.preview.stale_dropped == 1


def test_the_app_exports_a_file_for_each_audience_ticked(
    window: Any, qtbot: Any, fake_render: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.set_themes(["funding"])
    qtbot.waitUntil(lambda: not window.preview.busy, timeout=15_000)  # its renders come first
    monkeypatch.setattr(dialogs, "ask_audiences", lambda parent, current: ["members", "partners"])
    target = tmp_path / "Funding.pdf"
    monkeypatch.setattr(dialogs, "ask_export_path", lambda parent, path, fmt: (target, "pdf"))
    finished: list[Any] = []
    window.exportFinished.connect(finished.append)
    window.commands.export_audiences.trigger()
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=15_000)
    assert (tmp_path / "Funding-members.pdf").read_bytes() == fake_render.pdf
    assert (tmp_path / "Funding-partners.pdf").exists()
    audiences = [call[0].spec.audience for call in fake_render.calls[-2:]]
    assert audiences == ["members", "partners"]
    assert window.spec.audience == "members"
    message = window.notice.message()
    assert "Funding-members.pdf (for Councillors" in message
    assert "Funding-partners.pdf (for Partners" in message
