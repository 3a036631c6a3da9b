"""The main window's widgets and where they sit, and remembering its size and panel widths:
what the officer sees, with no behaviour (`main_window` wires it to the pack).

Left, the pack panel (layout, audience, themes); in the middle, tabs for the items (with the
source check), the meeting details and the officer's text; right, the preview.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QByteArray, QPoint, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefgen.content.model import Theme
from briefgen.gui.items_model import ItemsModel
from briefgen.gui.items_panel import ItemsPanel
from briefgen.gui.meeting_form import MeetingForm
from briefgen.gui.officer_form import OfficerTextForm
from briefgen.gui.preview import PreviewPane
from briefgen.gui.source_view import SourceView
from briefgen.gui.widgets import NoticeBar, describe, heading, scrolling, shrinkable
from briefgen.pack import LAYOUTS
from briefgen.pack.labels import audience_label, layout_label
from briefgen.selection import AUDIENCES

THEME_ID_ROLE = Qt.ItemDataRole.UserRole + 1


ITEM_COLUMNS_KEY = "itemColumns8"


class WindowLayout(QMainWindow):
    """The widgets of the main window, laid out; the theme list shown and read."""

    # The first time a window without saved sizes is shown, its panels share its width: the
    # splitter's own sharing before the window has its size favours the narrow pack panel.
    SPLIT_SHARES = (20, 45, 35)
    # The items list and the source check share the Items tab like this at first.
    SOURCE_SHARES = (55, 45)
    # The size a window opens at on a large screen, the first time.
    DEFAULT_SIZE = QSize(1440, 900)

    def __init__(self) -> None:
        super().__init__()
        self._split_on_show = False
        self.model = ItemsModel(self)
        pack_panel = self._build_pack_panel()

        # The centre: items (with the source check), meeting details, the officer's text.
        self.items_panel = ItemsPanel(self.model)
        self.source_view = SourceView()
        items_split = QSplitter(Qt.Orientation.Vertical)
        items_split.setChildrenCollapsible(False)
        items_split.addWidget(self.items_panel)
        items_split.addWidget(self.source_view)
        items_split.setStretchFactor(0, 3)
        items_split.setStretchFactor(1, 2)
        self.items_split = items_split
        self.meeting_form = MeetingForm()
        self.officer_form = OfficerTextForm()
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolling(items_split, "Items and source check"), "&Items")
        self.tabs.addTab(self.meeting_form, "Meeting &details")
        self.tabs.addTab(self.officer_form, "Your te&xt")
        describe(
            self.tabs,
            "Pack contents",
            "Items, meeting details and your own text (Ctrl+Tab and Ctrl+Shift+Tab switch tabs).",
            tooltip=False,
        )

        self.preview_pane = PreviewPane()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(scrolling(pack_panel, "Pack choices"))
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.preview_pane)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)

        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        # Floats over the foot of the window: a notice never moves the panels.
        self.notice = NoticeBar(central)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 10)
        describe(self.busy, "Working", "briefgen is exporting the pack.", tooltip=False)
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)

    def _build_pack_panel(self) -> QWidget:
        """The pack panel: layout, audience, themes."""
        self.layout_combo = shrinkable(QComboBox(), 12)
        for layout in LAYOUTS:
            self.layout_combo.addItem(layout_label(layout), layout)
        describe(
            self.layout_combo,
            "Layout",
            "The kind of document: a short member briefing, a committee report draft or a full "
            "evidence pack.",
        )
        self.audience_combo = shrinkable(QComboBox(), 12)
        for audience in AUDIENCES:
            self.audience_combo.addItem(audience_label(audience), audience)
        describe(
            self.audience_combo,
            "Audience",
            "Who the pack is for: it decides which kinds of item are included and in what order.",
        )
        self.theme_list = QListWidget()
        # Long theme names wrap rather than running off the narrow panel at 200% text.
        self.theme_list.setWordWrap(True)
        self.theme_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.theme_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        describe(
            self.theme_list,
            "Themes",
            "Tick the themes the pack covers; the number is how many items each gives this "
            "audience. Space ticks or unticks the current theme.",
        )
        self.theme_hint = QLabel()
        self.theme_hint.setWordWrap(True)
        self.select_all_button = QPushButton("Select all")
        describe(self.select_all_button, "Select all themes", "Ticks every theme.")
        self.clear_themes_button = QPushButton("Clear")
        describe(self.clear_themes_button, "Clear themes", "Unticks every theme.")

        choices = QFormLayout()
        choices.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        layout_label_widget = QLabel("La&yout:")
        layout_label_widget.setBuddy(self.layout_combo)
        audience_label_widget = QLabel("&Audience:")
        audience_label_widget.setBuddy(self.audience_combo)
        choices.addRow(layout_label_widget, self.layout_combo)
        choices.addRow(audience_label_widget, self.audience_combo)
        themes_label = QLabel("The&mes:")
        themes_label.setBuddy(self.theme_list)
        theme_buttons = QHBoxLayout()
        theme_buttons.addWidget(self.select_all_button)
        theme_buttons.addWidget(self.clear_themes_button)
        theme_buttons.addStretch(1)

        pack_panel = QWidget()
        pack_layout = QVBoxLayout(pack_panel)
        pack_layout.setContentsMargins(0, 0, 0, 0)
        pack_layout.addWidget(heading("Pack"))
        self.start_hint = QLabel(
            "<b>To start:</b> tick the themes the pack covers, pick the audience it is for, "
            "then export it (Ctrl+E) as PDF or Word."
        )
        self.start_hint.setObjectName("startHint")
        self.start_hint.setWordWrap(True)
        self.start_hint.setStyleSheet(
            "#startHint { background: #e8f1fb; border: 1px solid #1d5fa8; border-radius: 4px;"
            " padding: 4px; color: #1b1b1b; }"
        )
        describe(self.start_hint, "How to start", self.start_hint.text(), tooltip=False)
        self.start_hint.hide()
        pack_layout.addWidget(self.start_hint)
        pack_layout.addLayout(choices)
        pack_layout.addWidget(themes_label)
        pack_layout.addWidget(self.theme_list, 1)
        pack_layout.addWidget(self.theme_hint)
        pack_layout.addLayout(theme_buttons)
        return pack_panel

    # --- the theme list --------------------------------------------------------------------

    def show_themes(
        self, themes: Iterable[Theme], counts: Mapping[str, int], chosen: Iterable[str]
    ) -> None:
        """The theme checklist: each theme with how many items it gives, `chosen` ticked."""
        themes = list(themes)
        ticked = set(chosen)
        self.theme_list.blockSignals(True)
        if self.theme_list.count() != len(themes):
            self.theme_list.clear()
            for theme in themes:
                entry = QListWidgetItem()
                entry.setData(THEME_ID_ROLE, theme.id)
                entry.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                self.theme_list.addItem(entry)
        for row, theme in enumerate(themes):
            entry = self.theme_list.item(row)
            count = counts[theme.id]
            entry.setText(f"{theme.label} ({count})")
            entry.setToolTip(
                f"{theme.label}: {count} item{'s' if count != 1 else ''} for this audience."
            )
            entry.setCheckState(
                Qt.CheckState.Checked if theme.id in ticked else Qt.CheckState.Unchecked
            )
        self.theme_list.blockSignals(False)
        self.show_theme_hint(len(ticked))

    def ticked_themes(self) -> set[str]:
        """The ids of the ticked themes."""
        return {
            self.theme_list.item(row).data(THEME_ID_ROLE)
            for row in range(self.theme_list.count())
            if self.theme_list.item(row).checkState() == Qt.CheckState.Checked
        }

    def tick_themes(self, themes: Iterable[str]) -> None:
        """Tick exactly `themes`, without announcing each tick."""
        wanted = set(themes)
        self.theme_list.blockSignals(True)
        for row in range(self.theme_list.count()):
            entry = self.theme_list.item(row)
            entry.setCheckState(
                Qt.CheckState.Checked
                if entry.data(THEME_ID_ROLE) in wanted
                else Qt.CheckState.Unchecked
            )
        self.theme_list.blockSignals(False)

    def show_theme_hint(self, count: int) -> None:
        if count == 0:
            text = "No themes ticked: the pack covers every theme."
        else:
            text = f"{count} theme{'s' if count != 1 else ''} ticked."
        self.theme_hint.setText(text)
        self.theme_hint.setAccessibleName(text)

    # --- size and panel widths, as the officer last left them -------------------------------

    def restore_layout(self, settings: QSettings) -> None:
        geometry = settings.value("windowGeometry")
        restored = isinstance(geometry, QByteArray) and not geometry.isEmpty()
        if restored:
            self.restoreGeometry(geometry)
        self.fit_to_screen(restored)
        for splitter, key in ((self.splitter, "splitterState"), (self.items_split, "sourceSplit")):
            state = settings.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)
            else:
                self._split_on_show = True
        # The item list's column widths, as the officer last left them (under a new key since
        # the Part column came: a state saved with seven columns would misplace the widths).
        columns = settings.value(ITEM_COLUMNS_KEY)
        if isinstance(columns, QByteArray) and not columns.isEmpty():
            self.items_panel.view.header().restoreState(columns)

    def fit_to_screen(self, restored: bool = False) -> None:
        """Open within the screen's free area (less any task bar): at the remembered size and
        place (`restored`) pulled back inside it, or else a large window centred on it."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        # Room for the title bar and borders, which the window manager adds outside.
        frame = QSize(16, 40)
        room = QSize(max(area.width() - frame.width(), 1), max(area.height() - frame.height(), 1))
        if self.isMaximized():
            return
        size = self.size() if restored else self.DEFAULT_SIZE
        size = size.boundedTo(room).expandedTo(self.minimumSize())
        self.resize(size)
        if restored:
            top_left = self.pos()
        else:
            top_left = area.center() - QPoint(size.width() // 2, size.height() // 2)
        right = area.left() + max(room.width() - size.width(), 0)
        bottom = area.top() + max(room.height() - size.height(), 0)
        self.move(
            min(max(top_left.x(), area.left()), right), min(max(top_left.y(), area.top()), bottom)
        )

    def save_layout(self, settings: QSettings) -> None:
        settings.setValue("windowGeometry", self.saveGeometry())
        settings.setValue("splitterState", self.splitter.saveState())
        settings.setValue("sourceSplit", self.items_split.saveState())
        settings.setValue(ITEM_COLUMNS_KEY, self.items_panel.view.header().saveState())
        settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._split_on_show:
            self._split_on_show = False
            QTimer.singleShot(0, self._share_width)

    def _share_width(self) -> None:
        for splitter, shares in (
            (self.splitter, self.SPLIT_SHARES),
            (self.items_split, self.SOURCE_SHARES),
        ):
            total = sum(splitter.sizes())
            splitter.setSizes([total * share // 100 for share in shares])
