"""Small widgets and helpers shared by the window's panels: accessible names, the notice bar."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import ClassVar

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QFont,
    QGuiApplication,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from briefgen.content.model import LibraryFolder
from briefgen.library.destinations import library_label

W = QWidget  # any widget


def describe(widget: W, name: str, description: str = "", tooltip: bool = True) -> W:
    """Give `widget` the name and description a screen reader announces (and, by default, the
    description as its tooltip), so every control says what it is for."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
        if tooltip:
            widget.setToolTip(description)
    return widget


def shrinkable(combo: QComboBox, characters: int = 8) -> QComboBox:
    """Let `combo` narrow below its longest choice (which it elides), so the window still fits
    the screen at 200% text size; it never gets narrower than `characters` of the font."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


def announce(widget: QWidget, message: str) -> None:
    """Ask a screen reader to say `message` (politely: after what it is saying) about `widget`,
    for a change it would not otherwise hear of."""
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, message))


class ElidedComboBox(QComboBox):
    """A list whose closed box shows a long choice with both ends in view, a document's title
    and the library it is in ("Anytown children's… (team library 'planning')"); the whole of
    it is in the tooltip and the accessible description. It asks for the width of its longest
    choice up to `widest` characters and narrows to `narrowest` (200% text); any other long
    choice is shortened where `elide` says."""

    def __init__(
        self,
        name: str,
        description: str,
        narrowest: int = 8,
        widest: int = 40,
        elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.description, self.narrowest, self.widest = description, narrowest, widest
        self.elide = elide
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        describe(self, name, description)
        self.currentIndexChanged.connect(self.describe_choice)

    def describe_choice(self) -> None:
        """The tooltip and description name the choice whole (call it after a change made
        with signals blocked)."""
        text = self.currentText()
        about = f"{self.description} Chosen: {text}." if text else self.description
        self.setToolTip(about)
        self.setAccessibleDescription(about)

    def shown_text(self) -> str:
        """The current choice as the closed box shows it: whole if it fits; else a closing
        "(…)" (which library) kept whole while whole words of eight characters or more of
        the title before it still fit; else shortened as `elide` says."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        room = (
            self.style()
            .subControlRect(
                QStyle.ComplexControl.CC_ComboBox,
                option,
                QStyle.SubControl.SC_ComboBoxEditField,
                self,
            )
            .width()
        )
        text, metrics = self.currentText(), self.fontMetrics()
        if metrics.horizontalAdvance(text) <= room:
            return text
        head, _, tail = text.rpartition(" (")
        if head and tail.endswith(")"):
            after = f" ({tail}"
            left = room - metrics.horizontalAdvance(after)
            words = head.split()
            while words and metrics.horizontalAdvance(" ".join(words) + "…") > left:
                words.pop()  # whole words of the title, as many as fit
            if len(" ".join(words)) >= 8:  # enough of the title to know it by
                return " ".join(words) + "…" + after
        return metrics.elidedText(text, self.elide, room)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def _width_for(self, characters: int) -> int:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        text = QSize(
            self.fontMetrics().averageCharWidth() * characters, self.fontMetrics().height()
        )
        return (
            self.style()
            .sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, self)
            .width()
        )

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()  # as wide as the longest choice
        return QSize(min(hint.width(), self._width_for(self.widest)), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self._width_for(self.narrowest)), hint.height())


def fit_on_screen(window: QWidget, width: int, height: int) -> None:
    """Size `window` `width` by `height`, or less where its screen's free area is smaller
    (nine tenths of it at most), so a dialog opens whole on a laptop at 200% text; one already
    shown is moved, if it must be, so none of it is off the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    window.resize(min(width, area.width() * 9 // 10), min(height, area.height() * 9 // 10))
    if window.isVisible():  # grown where it was placed: moved back on screen if it went over
        frame = window.frameGeometry()
        left = max(min(frame.left(), area.right() + 1 - frame.width()), area.left())
        top = max(min(frame.top(), area.bottom() + 1 - frame.height()), area.top())
        if (left, top) != (frame.left(), frame.top()):
            window.move(left, top)


def scrolling(widget: QWidget, name: str) -> QScrollArea:
    """`widget` in a frameless scroll area that scrolls only when the window is smaller than
    the widget can shrink (a small screen at 200% text): nothing is ever out of reach."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the controls inside take the focus
    describe(area, name, tooltip=False)
    return area


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    """A bold panel heading, sized relative to the user's font so it scales at 200%."""
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def library_note(sentence: str, library: LibraryFolder, why: str = "") -> QLabel:
    """A line saying where `sentence`'s additions go ("… to your library.", and `why` there
    if given), the library's folder in its tooltip, so an officer in a team knows whether
    colleagues will see them."""
    text = f"{sentence} {library_label(library)}" + (f" ({why})." if why else ".")
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a folder's name is never markup
    label.setWordWrap(True)
    describe(label, text, f"Folder: {library.path}")
    return label


class NoticeBar(QFrame):
    """A message floating over the foot of its parent until dismissed: an icon, a bold word
    that says what kind of notice it is (never colour alone), the text and action buttons. It
    is not in any layout, so showing it never moves the panels under it."""

    dismissed = Signal()

    LEVELS: ClassVar[dict[str, tuple[QStyle.StandardPixmap, str, str]]] = {
        "info": (QStyle.StandardPixmap.SP_MessageBoxInformation, "#e8f1fb", "#1d5fa8"),
        "warning": (QStyle.StandardPixmap.SP_MessageBoxWarning, "#fdf3dc", "#8a5a00"),
        "done": (QStyle.StandardPixmap.SP_DialogApplyButton, "#e6f4ea", "#1e6b34"),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.icon = QLabel()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.buttons = QHBoxLayout()
        self.close_button = QPushButton("Dismiss")
        describe(self.close_button, "Dismiss notice", "Hides this notice.")
        self.close_button.clicked.connect(self.dismiss)
        row = QHBoxLayout()
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.text, 1)
        row.addLayout(self.buttons)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignVCenter)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        outer.addLayout(row)
        self.level = ""
        self.setAutoFillBackground(True)
        self.hide()
        if parent is not None:
            parent.installEventFilter(self)

    MARGIN = 8

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False

    def place(self) -> None:
        """Across the foot of the parent, above whatever is there, as tall as the text needs."""
        parent = self.parentWidget()
        if parent is None:
            return
        width = max(parent.width() - 2 * self.MARGIN, 100)
        height = self.heightForWidth(width) if self.hasHeightForWidth() else -1
        height = max(height, self.minimumSizeHint().height())
        height = min(height, max(parent.height() // 2, 60))
        self.setGeometry(self.MARGIN, parent.height() - height - self.MARGIN, width, height)
        self.raise_()

    def show_notice(
        self,
        level: str,
        title: str,
        message: str,
        actions: list[tuple[str, str, Callable[[], None]]] | None = None,
    ) -> None:
        """Show `title` (a bold lead word such as "Exported") and `message`, with buttons
        (label, accessible description, callback)."""
        pixmap, background, border = self.LEVELS[level]
        self.level = level
        size = round(self.fontMetrics().height() * 1.5)
        self.icon.setPixmap(self.style().standardIcon(pixmap).pixmap(size, size))
        self.setStyleSheet(
            f"#noticeBar {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} #noticeBar QLabel {{ color: #1b1b1b; }}"
        )
        self.text.setText(f"<b>{_rich_text(title)}</b> {_rich_text(message)}")
        describe(self.text, title, message, tooltip=False)
        self.setAccessibleName(f"Notice: {title}")
        while self.buttons.count():
            entry = self.buttons.takeAt(0)
            widget = entry.widget() if entry is not None else None
            if widget is not None:
                widget.deleteLater()
        for label, description, callback in actions or []:
            button = QPushButton(label)
            describe(button, label.replace("&", ""), description)
            button.clicked.connect(callback)
            self.buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.show()
        self.adjustSize()
        self.place()

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()

    def message(self) -> str:
        return self.text.accessibleDescription()


def _rich_text(text: str) -> str:
    """`text` shown as written in a rich-text label, its line breaks kept."""
    return escape(text, quote=False).replace("\n", "<br>")
