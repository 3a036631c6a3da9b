"""A source text with a quote's span highlighted and a handle at each end, so an officer can
shape the quote with the mouse as well as the keys: every change, dragged, Shift+clicked or
keyed, goes through `SpanView.set_span` with word or sentence edges from `quotespan`, so the
quote is always an exact, non-empty span of the source (decision 0185). A screen reader hears
the quote in the view's description and each change as it is made (decision 0205)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPolygonF,
    QShortcut,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from briefgen.gui.source_view import highlight_format, python_offset, qt_position
from briefgen.gui.span_words import MOVES, change_said, handle_tooltip, quote_description
from briefgen.gui.widgets import announce
from briefgen.library.quotespan import Edge, Unit, drag_edge, move_edge, nearer_edge

HANDLE = QColor("#1d5fa8")  # the notice bar's info blue: 6.4:1 on the highlight's yellow
HANDLE_ACTIVE = QColor("#0b3a6e")
HANDLE_HALO = QColor(29, 95, 168, 56)
AUTOSCROLL_MS = 50


@dataclass(frozen=True)
class HandleShape:
    """A handle as drawn: a square bracket the height of the line, `[` just before the
    quote's first character and `]` just after its last, its serifs pointing into the quote
    (over the gap between words and the line's top and bottom, so it hides no text); `hit`
    is the wider area that picks it up."""

    outline: QPolygonF
    hit: QRect


def handle_shape(edge: Edge, caret: QRect) -> HandleShape:
    """The handle for `edge` at `caret` (the text caret's rectangle there, in the viewport),
    sized by the line's height so it grows with the text (200% scale)."""
    height = float(caret.height())
    stroke = max(2.0, round(height / 8))
    serif = max(4.0, round(height / 3))
    top, bottom = float(caret.top()), float(caret.top()) + height
    # `outer` is the bracket's back, `inner` its serifs' tips; the start's opens rightwards.
    sign = 1.0 if edge == "start" else -1.0
    outer = caret.left() - stroke if edge == "start" else caret.left() + stroke
    back, tip = outer + sign * stroke, outer + sign * serif
    points = [
        (outer, top),
        (tip, top),
        (tip, top + stroke),
        (back, top + stroke),
        (back, bottom - stroke),
        (tip, bottom - stroke),
        (tip, bottom),
        (outer, bottom),
    ]
    outline = QPolygonF([QPointF(x, y) for x, y in points])
    reach = max(4.0, height / 3)  # easier to pick up than to see
    hit = outline.boundingRect().adjusted(-reach, 0, reach, 0).toAlignedRect()
    return HandleShape(outline, hit)


class SpanView(QPlainTextEdit):
    """`text`, read-only, with the quote `text[start:end]` highlighted and its two handles;
    `spanChanged` reports every change of the span (in Python offsets of `text`)."""

    spanChanged = Signal(int, int)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.source_text = text
        self.setReadOnly(True)
        # The caret can be moved to read round the quote (a screen reader follows it); Tab
        # leaves the text.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setTabChangesFocus(True)
        self.setAccessibleName("Source text, with the quote")
        self.setAccessibleDescription(quote_description("", shapeable=True))
        self.viewport().setMouseTracking(True)  # the pointer's shape over a handle
        self.span: tuple[int, int] | None = None
        self.shapeable = True
        self.dragging: Edge | None = None
        self._hover: Edge | None = None
        self._before_drag: tuple[int, int] | None = None
        self._pointer = QPoint()
        self._text_pointer = self.viewport().cursor().shape()
        self._autoscroll = QTimer(self)
        self._autoscroll.setInterval(AUTOSCROLL_MS)
        self._autoscroll.timeout.connect(self._scroll_while_dragging)

    # --- the span -------------------------------------------------------------------------

    def set_span(self, start: int, end: int, centre: bool = False) -> None:
        """Highlight `start`–`end` as the quote and move the handles there; the end that moved
        is scrolled into view (or, with `centre`, the quote's start to the middle)."""
        before = self.span
        self.span = (start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(qt_position(self.source_text, start))
        cursor.setPosition(qt_position(self.source_text, end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = highlight_format()
        self.setExtraSelections([selection])
        if centre or before is None or before[0] != start:
            moved: int | None = start
        else:
            moved = end if before[1] != end else None
        if moved is not None:
            caret = QTextCursor(self.document())
            caret.setPosition(qt_position(self.source_text, moved))
            self.setTextCursor(caret)
            if centre:
                self.centerCursor()
            else:
                self.ensureCursorVisible()
        self.viewport().update()
        if before != self.span:
            self._describe()
            self.spanChanged.emit(start, end)

    def quote_text(self) -> str:
        """The words the span covers, as the source has them."""
        return self.source_text[slice(*self.span)] if self.span else ""

    def move_edge(self, edge: Edge, unit: Unit, grow: bool) -> None:
        """Trim or extend the quote's `edge` by a word or sentence of the source."""
        if self.span is not None and self.shapeable:
            before = self.span
            self.set_span(*move_edge(self.source_text, *self.span, edge, unit, grow))
            moved = self.span != before
            announce(self, change_said(self.quote_text(), edge, unit, grow, moved))

    def set_shapeable(self, shapeable: bool) -> None:
        """Whether the span may be changed now (a decided suggestion's may not): the handles
        are drawn only while it may."""
        self.shapeable = shapeable
        self._describe()
        self.viewport().update()

    def _describe(self) -> None:
        """The quote as it now stands, and how to shape it, for a screen reader (Qt tells it
        the description changed)."""
        self.setAccessibleDescription(quote_description(self.quote_text(), self.shapeable))

    def context_menu(self, point: QPoint) -> QMenu:
        """The text's usual menu with the commands that shape the quote, their keys beside
        them, so the keys can be found (and a screen reader reads them out)."""
        menu = self.createStandardContextMenu(point)
        menu.addSeparator()
        for label, keys, edge, unit, grow in MOVES:
            action = menu.addAction(f"{label} by a {unit}\t{keys}")
            action.setEnabled(self.span is not None and self.shapeable)
            action.triggered.connect(
                lambda _=False, e=edge, u=unit, g=grow: self.move_edge(e, u, g)
            )
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def add_move_shortcuts(self, window: QWidget) -> list[QShortcut]:
        """The `MOVES` keys on `window`, shaping this view's quote."""
        shortcuts = []
        for _, keys, edge, unit, grow in MOVES:
            shortcut = QShortcut(QKeySequence(keys), window)
            shortcut.activated.connect(lambda e=edge, u=unit, g=grow: self.move_edge(e, u, g))
            shortcuts.append(shortcut)
        return shortcuts

    # --- where the handles are ------------------------------------------------------------

    def handle_shapes(self) -> dict[Edge, HandleShape | None]:
        """Each handle as drawn in the viewport, or None where its end is out of view (or the
        span cannot be shaped now)."""
        shapes: dict[Edge, HandleShape | None] = {"start": None, "end": None}
        if self.span is None or self.span[0] >= self.span[1] or not self.shapeable:
            return shapes
        ends: tuple[tuple[Edge, int], ...] = (("start", self.span[0]), ("end", self.span[1]))
        for edge, offset in ends:
            caret = self._visible_caret(offset)
            shapes[edge] = handle_shape(edge, caret) if caret is not None else None
        return shapes

    def handle_rects(self) -> dict[Edge, QRect | None]:
        """The area that picks up each handle (None where it is not shown)."""
        return {
            edge: shape.hit if shape is not None else None
            for edge, shape in self.handle_shapes().items()
        }

    def handle_at(self, point: QPoint) -> Edge | None:
        """The handle under `point` (viewport coordinates); where both are, the one whose
        bar is nearer."""
        hits = [
            (abs(shape.outline.boundingRect().center().x() - point.x()), edge)
            for edge, shape in self.handle_shapes().items()
            if shape is not None and shape.hit.contains(point)
        ]
        return min(hits)[1] if hits else None

    def _visible_caret(self, offset: int) -> QRect | None:
        """The caret's rectangle at `offset` if its line is on screen; a block outside the
        visible ones is not measured (the plain text layout only places what it shows)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(qt_position(self.source_text, offset))
        wanted = cursor.block().blockNumber()
        block = self.firstVisibleBlock()
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        height = self.viewport().height()
        while block.isValid() and top <= height and block.blockNumber() < wanted:
            top += self.blockBoundingRect(block).height()
            block = block.next()
        if block.blockNumber() != wanted or top > height:
            return None
        caret = self.cursorRect(cursor)
        if caret.bottom() < 0 or caret.top() > height:
            return None
        return caret

    def _offset_at(self, point: QPoint) -> int:
        return python_offset(self.source_text, self.cursorForPosition(point).position())

    # --- drawing --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        shapes = [(edge, shape) for edge, shape in self.handle_shapes().items() if shape]
        if not shapes:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        for edge, shape in shapes:
            if edge in (self.dragging, self._hover):
                # The area that picks it up, lit, so the officer sees what they have got.
                painter.setBrush(HANDLE_HALO)
                painter.drawRoundedRect(QRectF(shape.hit), 3, 3)
                painter.setBrush(HANDLE_ACTIVE)
            else:
                painter.setBrush(HANDLE)
            painter.drawPolygon(shape.outline)
        painter.end()

    # --- the mouse ------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if event.button() == Qt.MouseButton.LeftButton and self.span and self.shapeable:
            edge = self.handle_at(point)
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if edge is None and shift:
                edge = nearer_edge(*self.span, self._offset_at(point))
                self._before_drag = self.span
                self._drag_to(edge, point)
            if edge is not None:
                self._before_drag = self._before_drag or self.span
                self.dragging = edge
                self._pointer = point
                self.viewport().setCursor(Qt.CursorShape.SizeHorCursor)
                self.viewport().update()
                self.grabKeyboard()  # Escape ends the drag wherever the focus is
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self.dragging is not None:
            self._pointer = point
            self._drag_to(self.dragging, point)
            outside = point.y() < 0 or point.y() > self.viewport().height()
            if outside and not self._autoscroll.isActive():
                self._autoscroll.start()
            elif not outside:
                self._autoscroll.stop()
            event.accept()
            return
        self._set_hover(self.handle_at(point) if self.span and self.shapeable else None)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.dragging is not None and event.button() == Qt.MouseButton.LeftButton:
            self._end_drag()
            self._set_hover(self.handle_at(event.position().toPoint()))
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.handle_at(event.position().toPoint()) is not None and self.shapeable:
            event.accept()  # not a word selected under the handle
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.dragging is not None and event.key() == Qt.Key.Key_Escape:
            before = self._before_drag
            if before is not None:
                self.set_span(*before)  # Escape puts the quote back as it was
            self._end_drag()
            announce(self, "The quote is back as it was.")
            event.accept()
            return
        if event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
            # The menu at the caret, as on Windows (the Menu key's is the platform's own).
            at = self.cursorRect().bottomLeft()
            menu = self.context_menu(at)
            menu.exec(self.viewport().mapToGlobal(at))
            menu.deleteLater()
            event.accept()
            return
        super().keyPressEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self.dragging is None:
            self._set_hover(None)
        super().leaveEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            edge = self.handle_at(event.pos())
            shape = self.handle_shapes()[edge] if edge is not None else None
            if edge is not None and shape is not None:
                tip = handle_tooltip(edge)
                QToolTip.showText(event.globalPos(), tip, self.viewport(), shape.hit)
                return True
        return super().viewportEvent(event)

    def _drag_to(self, edge: Edge, point: QPoint) -> None:
        if self.span is not None:
            span = drag_edge(self.source_text, *self.span, edge, self._offset_at(point))
            if span != self.span:
                self.set_span(*span)

    def _scroll_while_dragging(self) -> None:
        """Scroll towards the pointer while a handle is dragged above or below the text, a
        line a tick, more the further away it is; the span follows."""
        if self.dragging is None:
            self._autoscroll.stop()
            return
        height = self.viewport().height()
        y = self._pointer.y()
        lines = 1 + abs(y if y < 0 else y - height) // max(self.fontMetrics().lineSpacing(), 1)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + (-lines if y < 0 else lines))
        inside = QPoint(self._pointer.x(), min(max(y, 0), height - 1))
        self._drag_to(self.dragging, inside)

    def _end_drag(self) -> None:
        if self.dragging is not None:
            self.releaseKeyboard()
            if self.span is not None and self.span != self._before_drag:
                announce(self, change_said(self.quote_text(), self.dragging, "word", True, True))
        self.dragging = None
        self._before_drag = None
        self._autoscroll.stop()
        self._hover = None  # the pointer's shape is set afresh where it is let go
        self.viewport().setCursor(self._text_pointer)
        self.viewport().update()

    def _set_hover(self, edge: Edge | None) -> None:
        if edge == self._hover:
            return
        if self._hover is None:
            self._text_pointer = self.viewport().cursor().shape()
        self._hover = edge
        shape = Qt.CursorShape.SizeHorCursor if edge is not None else self._text_pointer
        self.viewport().setCursor(shape)
        self.viewport().update()
