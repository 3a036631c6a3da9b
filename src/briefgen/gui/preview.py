"""The preview: the pack as it will print, re-rendered shortly after each change, off the GUI
thread, with stale renders dropped.

`PreviewController` waits for a pause in the officer's changes (a single-shot timer), renders
one preview at a time on its own thread pool, and numbers each request: a result for anything
but the newest request is thrown away, and a request made during a render starts as soon as
that render ends. `PreviewPane` shows the PDF with QtPdf, or the HTML where QtPdf or the PDF
renderer is not available.
"""

from __future__ import annotations

import copy
import importlib.util
from dataclasses import replace
from functools import partial
from html import escape
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefgen.content.model import Corpus
from briefgen.counts import counted
from briefgen.export import PreviewResult, render_preview
from briefgen.gui.widgets import describe, heading
from briefgen.gui.workers import TaskRunner
from briefgen.pack.model import PackSpec
from briefgen.preview_plan import PreviewCache, PreviewStep, preview_steps
from briefgen.render import FORMATS

try:  # QtPdf is its own wheel (PySide6-Pdf); without it the preview shows the HTML
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # pragma: no cover - depends on the installation
    QPdfDocument = None  # type: ignore[assignment,misc]
    QPdfView = None  # type: ignore[assignment,misc]

# Typing waits for a pause; a click (a theme, the audience, an item left out) is a finished
# change, so its preview starts almost at once (just long enough to gather a burst of clicks).
DEBOUNCE_MS = 300
CLICK_DEBOUNCE_MS = 60


def pdf_preview_available() -> bool:
    """True where the preview can show the real PDF: QtPdf and the PDF renderer are both here."""
    return QPdfView is not None and importlib.util.find_spec(FORMATS["pdf"].module) is not None


class PreviewController(QObject):
    """Debounces preview requests and renders the newest one off the GUI thread: a quick render
    of the first items, then the full preview (`briefgen.preview_plan`); a newer request drops
    the rest of an older one, and a spec previewed lately is shown from the cache."""

    started = Signal()
    updated = Signal(object)  # PreviewResult (`partial`: the first pages only)
    failed = Signal(str)

    def __init__(self, delay_ms: int = DEBOUNCE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.delay_ms = delay_ms
        self.timer.timeout.connect(self._start)
        self.runner = TaskRunner(max_threads=1, parent=self)
        self.want_pdf = pdf_preview_available()
        self.cache = PreviewCache()
        self.generation = 0  # the newest request's number
        self.rendering: int | None = None  # the number of the request being rendered
        self._pending: tuple[Corpus, PackSpec] | None = None
        self._steps: list[PreviewStep] = []  # the renders left for the newest request
        self._current: tuple[Corpus, PackSpec] | None = None
        self.renders_started = 0  # each render, quick or full
        self.previews_started = 0  # each request rendered
        self.stale_dropped = 0
        self.partial_shown = 0

    def request(
        self, corpus: Corpus, spec: PackSpec, at_once: bool = False, typing: bool = False
    ) -> None:
        """Ask for a preview of `spec` (copied now: the officer may go on editing). `typing`:
        the change came from typing, so wait for a pause; otherwise start almost at once."""
        self.generation += 1
        self._pending = (corpus, copy.deepcopy(spec))
        self._steps = []
        if at_once:
            self.timer.stop()
            self._start()
        else:
            self.timer.start(self.delay_ms if typing else min(CLICK_DEBOUNCE_MS, self.delay_ms))

    @property
    def busy(self) -> bool:
        return self.rendering is not None or self.timer.isActive() or bool(self._steps)

    def _start(self) -> None:
        if self.rendering is not None:
            return  # the running render's end starts the newest request
        if self._pending is not None:
            corpus, spec = self._current = self._pending
            self._pending = None
            cached = self.cache.get(corpus, spec, self.want_pdf)
            if cached is not None:
                self.updated.emit(cached)
                return
            self._steps = preview_steps(corpus, spec)
            self.previews_started += 1
        if not self._steps or self._current is None:
            return
        corpus, spec = self._current
        step = self._steps.pop(0)
        generation = self.generation
        self.rendering = generation
        self.renders_started += 1
        want_pdf = self.want_pdf
        if self.renders_started == 1 or not step.final:
            self.started.emit()
        self.runner.start(
            lambda: render_preview(corpus, spec, want_pdf, step.limit),
            on_result=partial(self._done, generation, step, spec),
            on_error=partial(self._failed, generation),
            doing="preparing the preview",
        )

    def _done(
        self, generation: int, step: PreviewStep, spec: PackSpec, result: PreviewResult
    ) -> None:
        self.rendering = None
        if result.fallback_reason:
            self.want_pdf = False
        if generation == self.generation:
            if step.final:
                assert self._current is not None
                self.cache.put(self._current[0], spec, result.format_name == "pdf", result)
            else:
                self.partial_shown += 1
            self.updated.emit(replace(result, partial=not step.final))
        else:
            self.stale_dropped += 1
        self._next()

    def _failed(self, generation: int, message: str) -> None:
        self.rendering = None
        if generation == self.generation:
            self._steps = []
            self.failed.emit(message)
        else:
            self.stale_dropped += 1
        self._next()

    def _next(self) -> None:
        if not self.timer.isActive():
            self._start()


class PreviewPane(QWidget):
    """Shows the latest preview: the PDF pages, or the HTML, with page count and warnings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading("Preview")
        self.status = QLabel("The preview appears here once the content has loaded.")
        self.status.setWordWrap(True)
        describe(self.status, "Preview status", "Whether the preview is up to date.", False)
        self.zoom_out = self._tool_button("−", "Zoom out", "Shows the pages smaller.")
        self.zoom_in = self._tool_button("+", "Zoom in", "Shows the pages larger.")
        self.fit_width = self._tool_button("Fit width", "Fit width", "Fits the page width.")
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.zoom_out)
        header.addWidget(self.zoom_in)
        header.addWidget(self.fit_width)

        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.notes.setObjectName("previewNotes")
        self.notes.setStyleSheet(
            "#previewNotes { background: #fdf3dc; border: 1px solid #8a5a00;"
            " border-radius: 4px; padding: 4px; color: #1b1b1b; }"
        )
        self.notes.hide()

        self.placeholder = QLabel("")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.document: Any = None
        self.pdf_view: Any = None
        self._buffer: QBuffer | None = None
        if QPdfView is not None:
            self.document = QPdfDocument(self)
            self.pdf_view = QPdfView(self)
            self.pdf_view.setDocument(self.document)
            self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.pdf_view.setPageSpacing(12)
            describe(
                self.pdf_view,
                "Pack preview",
                "The pack's pages as they will print. Export (Ctrl+E) saves them as PDF or Word.",
                tooltip=False,
            )
            self.stack.addWidget(self.pdf_view)
        self.html_view = QTextBrowser()
        self.html_view.setOpenLinks(False)
        describe(
            self.html_view,
            "Pack preview",
            "The pack's text as it will print. Export (Ctrl+E) saves it as PDF or Word.",
            tooltip=False,
        )
        self.stack.addWidget(self.html_view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.status)
        layout.addWidget(self.notes)
        layout.addWidget(self.stack, 1)

        self.zoom_in.clicked.connect(lambda: self._zoom(1.25))
        self.zoom_out.clicked.connect(lambda: self._zoom(0.8))
        self.fit_width.clicked.connect(self._fit_width)
        self.result: PreviewResult | None = None
        self._place = 0.0
        self._set_zoom_enabled(False)

    def _tool_button(self, text: str, name: str, description: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAutoRaise(False)
        describe(button, name, description)
        return button

    def _set_zoom_enabled(self, enabled: bool) -> None:
        for button in (self.zoom_in, self.zoom_out, self.fit_width):
            button.setEnabled(enabled)

    def _zoom(self, factor: float) -> None:
        view: Any = self.pdf_view
        if view is None or self.stack.currentWidget() is not self.pdf_view:
            self.html_view.zoomIn(2 if factor > 1 else -2)
            return
        current = view.zoomFactor()
        view.setZoomMode(QPdfView.ZoomMode.Custom)
        view.setZoomFactor(max(0.25, min(4.0, current * factor)))

    def _fit_width(self) -> None:
        if self.pdf_view is not None:
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def show_waiting(self, message: str) -> None:
        self.placeholder.setText(message)
        self.stack.setCurrentWidget(self.placeholder)
        self.status.setText(message)

    def show_busy(self) -> None:
        self.status.setText("Updating the preview…")
        self.status.setAccessibleDescription("Updating the preview")
        if self.stack.currentWidget() is self.placeholder:  # no pages yet: not still "Loading
            self.placeholder.setText("Updating the preview…")  # the content…" once it is loaded

    def show_error(self, message: str) -> None:
        self.status.setText("The preview could not be updated: " + message)
        self.status.setAccessibleDescription(self.status.text())

    def show_result(self, result: PreviewResult) -> None:
        """Show `result`, keeping the reader's place in the pages where there is one."""
        self.result = result
        if result.format_name == "pdf" and self.pdf_view is not None:
            bar = self.pdf_view.verticalScrollBar()
            place = bar.value() / bar.maximum() if bar.maximum() else 0.0
            buffer = QBuffer(self)
            buffer.setData(QByteArray(result.data))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document.load(buffer)
            old, self._buffer = self._buffer, buffer
            if old is not None:
                old.close()
                old.deleteLater()
            self.stack.setCurrentWidget(self.pdf_view)
            # After the view has laid out the new pages; tied to this pane so it never outlives it.
            self._place = place
            QTimer.singleShot(0, self, self._restore_place)
        else:
            self.html_view.setHtml(result.data.decode("utf-8"))
            self.stack.setCurrentWidget(self.html_view)
        self._set_zoom_enabled(True)
        pages = result.page_count
        if result.partial:
            self.status.setText("The first pages, as they will print; the rest follow…")
            self.status.setAccessibleDescription(self.status.text())
            self.notes.hide()
            return
        state = counted(pages, "page") if pages else "Up to date"
        if result.format_name == "html":
            state += " (text preview: page layout is shown in the exported PDF)"
        self.status.setText(state + ", as it will print.")
        self.status.setAccessibleDescription(self.status.text())
        notes = []
        if result.trimmed:
            notes.append(
                f"<b>Preview only:</b> this shows the first {result.shown_items} of the pack's "
                f"{result.total_items} items, so it stays quick; the export has them all."
            )
        notes.extend(f"<b>Warning:</b> {escape(warning)}" for warning in result.warnings)
        if notes:
            self.notes.setText("<br>".join(notes))
            self.notes.setAccessibleName("Preview notes")
            self.notes.setAccessibleDescription(" ".join(notes))
            self.notes.show()
        else:
            self.notes.hide()

    def _restore_place(self) -> None:
        if self.pdf_view is not None:
            bar = self.pdf_view.verticalScrollBar()
            bar.setValue(round(self._place * bar.maximum()))

    def page_count(self) -> int:
        if self.document is not None and self.stack.currentWidget() is self.pdf_view:
            return int(self.document.pageCount())
        return 0
