"""Print… and Print preview: the system print dialog, printing exactly the PDF the export
writes (built by the same core function in a worker), its pages drawn onto the printer by
QtPdf, with the officer's page range, page order and double-sided setting kept.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrinter

from briefgen.counts import counted
from briefgen.export import check_export, export_pack
from briefgen.gui import dialogs

if TYPE_CHECKING:
    from briefgen.gui.main_window import MainWindow

try:  # QtPdf is its own wheel (PySide6-Pdf)
    from PySide6.QtPdf import QPdfDocument
except ImportError:  # pragma: no cover - depends on the installation
    QPdfDocument = None  # type: ignore[assignment,misc]

# Pages are drawn as images at most this fine: sharp on paper, and a 20-page pack stays within
# a few hundred megabytes of memory while it prints.
MAX_PRINT_DPI = 300
PREVIEW_DPI = 110


def pack_pdf(corpus: Any, spec: Any) -> bytes:
    """The PDF the export would write for `spec`, made by the export itself (in a worker)."""
    with tempfile.TemporaryDirectory(prefix="briefgen-print-") as folder:
        path = Path(folder) / "pack.pdf"
        export_pack(corpus, spec, path, "pdf")
        return path.read_bytes()


class PdfPages:
    """A PDF's pages, loaded with QtPdf, to draw on a printer."""

    def __init__(self, data: bytes) -> None:
        if QPdfDocument is None:  # pragma: no cover - depends on the installation
            raise RuntimeError("QtPdf is not installed")
        self.document = QPdfDocument()
        self.buffer = QBuffer()
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self.buffer)

    @property
    def count(self) -> int:
        return int(self.document.pageCount())

    def page_size(self) -> QPageSize:
        """The first page's paper size (the pack prints on one size throughout)."""
        points = self.document.pagePointSize(0)
        return QPageSize(
            QSizeF(points), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
        )

    def prepare(self, printer: QPrinter) -> None:
        """Paper of the PDF's size, printed edge to edge (the PDF has its own margins), and the
        page range offered in the print dialog."""
        printer.setPageSize(self.page_size())
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)
        printer.setFromTo(0, 0)

    def pages_to_print(self, printer: QPrinter) -> list[int]:
        """The page numbers (from 0) the printer's settings ask for, in printing order."""
        ranges = printer.pageRanges()
        pages = [
            number
            for number in range(self.count)
            if printer.printRange() != QPrinter.PrintRange.PageRange
            or ranges.isEmpty()
            or ranges.contains(number + 1)
        ]
        if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
            pages.reverse()
        return pages

    def print_to(self, printer: QPrinter) -> int:
        """Draw the asked-for pages on `printer`; return how many were printed."""
        pages = self.pages_to_print(printer)
        if not pages:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be started")
        # Smooth scaling: the print preview shows the pages smaller than they print.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        try:
            # The print preview records the pages as pictures and scales them down without
            # smoothing, which loses the thin strokes of a 300-dpi image at "fit page": for it,
            # pages are drawn at about screen resolution. Printing draws them at 300 dpi.
            previewing = painter.paintEngine().type() == QPaintEngine.Type.Picture
            dpi = min(printer.resolution(), PREVIEW_DPI if previewing else MAX_PRINT_DPI)
            for number, page in enumerate(pages):
                if number:
                    printer.newPage()
                target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
                points = self.document.pagePointSize(page)
                size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image = self.document.render(page, size)
                painter.drawImage(target, image)
        finally:
            painter.end()
        return len(pages)


class Printing:
    """The window's Print… and Print preview commands."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.printer: QPrinter | None = None  # kept, so the dialog remembers the choices
        self.busy = False

    def _printer(self) -> QPrinter:
        if self.printer is None:
            self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        return self.printer

    def print_pack(self) -> None:
        self._start(preview=False)

    def preview_print(self) -> None:
        self._start(preview=True)

    def _start(self, preview: bool) -> None:
        """Build the PDF the export would write, then show the print (or preview) dialog."""
        window = self.window
        if window.corpus is None or self.busy:
            return
        spec = window.commit_forms()
        check = check_export(window.corpus, spec, Path(tempfile.gettempdir()) / "x.pdf", "pdf")
        if not check.ok:
            dialogs.show_error(window, "The pack cannot be printed yet.", check.message)
            return
        corpus, spec = window.corpus, copy.deepcopy(spec)
        self.busy = True
        window.busy.show()
        window.statusBar().showMessage("Preparing the pages to print…")
        window.tasks.start(
            lambda: pack_pdf(corpus, spec),
            lambda data: self._ready(data, preview),
            self._failed,
            doing="preparing the pack to print",
        )

    def _ended(self) -> None:
        self.busy = False
        if self.window.exports.exporting is None:
            self.window.busy.hide()
        self.window.statusBar().clearMessage()

    def _failed(self, message: str) -> None:
        self._ended()
        dialogs.show_error(self.window, "The pack could not be printed.", message)

    def _ready(self, data: bytes, preview: bool) -> None:
        self._ended()
        pages = PdfPages(data)
        printer = self._printer()
        pages.prepare(printer)
        if preview:
            dialogs.show_print_preview(self.window, printer, pages.print_to)
            return
        if not dialogs.ask_print(self.window, printer, pages.count):
            return
        try:
            printed = pages.print_to(printer)
        except OSError as error:
            dialogs.show_error(
                self.window,
                "The pack could not be printed.",
                f"{error}. Check the printer is switched on and connected, then print again.",
            )
            return
        where = printer.printerName() or "the printer"
        self.window.statusBar().showMessage(f"Sent {counted(printed, 'page')} to {where}.", 6000)
