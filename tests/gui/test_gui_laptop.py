"""The app on a council laptop: it opens within the screen, a notice never moves the panels,
the source check centres the quote, a new officer is told how to start, the words match the
command line's, and every form and menu has Alt+letters a person would guess, without clashes."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QRect, QStandardPaths
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QTabWidget, QWidget

from briefgen.gui import dialogs
from briefgen.gui.main_window import MainWindow
from briefgen.pack.labels import audience_label, layout_label
from briefgen.selection import AUDIENCES


def laptop_screen(monkeypatch: pytest.MonkeyPatch, width: int, height: int) -> QRect:
    """Every screen reports `width` x `height` free, less a 40-pixel task bar."""
    area = QRect(0, 0, width, height - 40)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: QRect(area))
    return area


def test_a_first_window_opens_within_a_small_screen(
    make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    area = laptop_screen(monkeypatch, 1366, 768)
    window = make_window()
    assert area.contains(window.geometry())
    assert window.width() < MainWindow.DEFAULT_SIZE.width()


def test_a_remembered_size_from_a_bigger_screen_is_pulled_inside_this_one(
    make_window: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    window = make_window()
    window.resize(1500, 1000)
    window.move(900, 500)
    window.close()  # remembers the geometry
    area = laptop_screen(monkeypatch, 1280, 720)
    later = make_window()
    assert area.contains(later.geometry()), later.geometry()


def test_at_200_percent_text_the_window_still_fits_a_1366_by_768_screen(
    make_window: Any, monkeypatch: pytest.MonkeyPatch, large_text: Any
) -> None:
    area = laptop_screen(monkeypatch, 1366, 768)
    window = make_window()
    hint = window.minimumSizeHint()
    assert hint.width() <= area.width() and hint.height() <= area.height() - 40
    assert area.contains(window.geometry())
    # The item list keeps room for two items; beyond that the Items tab scrolls.
    view = window.items_panel.view
    assert view.minimumHeight() >= 2 * window.model.row_size.height()


def test_a_notice_floats_over_the_window_without_moving_the_panels(window: Any, qtbot: Any) -> None:
    splitter = window.splitter
    before = splitter.geometry()
    window.notice.show_notice("done", "Exported.", "pack.pdf (3 items, 2 pages) is in /tmp.")
    qtbot.waitUntil(window.notice.isVisible)
    assert splitter.geometry() == before
    central = window.centralWidget()
    assert window.notice.geometry().bottom() < central.height()
    assert window.notice.geometry().width() > central.width() // 2
    window.resize(window.width() - 100, window.height() - 50)
    qtbot.waitUntil(lambda: window.notice.geometry().right() < window.centralWidget().width())


def test_the_source_check_centres_the_quote_and_its_split_is_remembered(
    make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop_screen(monkeypatch, 1600, 1000)
    window = make_window()
    window.resize(1200, 800)
    window.set_themes(["funding"])
    window.items_panel.select_item("fund-risk-grants")
    text = window.source_view.text
    qtbot.waitUntil(lambda: window.source_view.highlighted_text() != "")
    qtbot.wait(10)
    viewport = text.viewport().height()
    top = text.cursorRect().top()
    assert viewport / 6 < top < viewport * 2 / 3, (top, viewport)

    sizes = window.items_split.sizes()
    window.items_split.setSizes([sizes[0] - 80, sizes[1] + 80])
    given = window.items_split.sizes()
    window.setWindowModified(False)
    window.close()
    later = make_window()
    # The same share for the source (the window itself may open smaller on this screen).
    restored = later.items_split.sizes()
    assert abs(restored[1] / sum(restored) - given[1] / sum(given)) < 0.02
    assert given[1] / sum(given) > sizes[1] / sum(sizes) + 0.05


def test_a_new_officer_is_told_how_to_start_until_they_tick_a_theme(window: Any) -> None:
    hint = window.start_hint
    assert hint.isVisible()
    assert "tick the themes" in hint.text() and "audience" in hint.text()
    assert "export" in hint.text()
    window.set_themes(["funding"])
    assert not hint.isVisible()


def test_the_first_export_is_offered_in_the_documents_folder(
    window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[Path] = []

    def ask(parent: Any, suggested: Path, format_name: str) -> None:
        offered.append(suggested)

    monkeypatch.setattr(dialogs, "ask_export_path", ask)
    window.commands.export.trigger()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert offered and offered[0].parent == Path(documents)
    assert Path(documents).is_dir()
    assert offered[0].parent != Path.cwd()


def test_the_app_names_audiences_and_layouts_as_the_command_line_help_does(window: Any) -> None:
    combo = window.audience_combo
    shown = {combo.itemData(n): combo.itemText(n) for n in range(combo.count())}
    assert shown == {audience: audience_label(audience) for audience in AUDIENCES}
    assert shown["members"] == "Councillors"
    layouts = window.layout_combo
    assert layouts.itemText(layouts.findData("committee-report")) == layout_label(
        "committee-report"
    )


# --- mnemonics -------------------------------------------------------------------------


def mnemonic(text: str) -> str:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else ""


def mnemonics_in(widget: QWidget, skip: QWidget | None = None) -> list[tuple[str, str]]:
    """(letter, text) of every label, button and tab under `widget` (not under `skip`)."""
    found = []
    for child in widget.findChildren(QWidget):
        if skip is not None and (child is skip or skip.isAncestorOf(child)):
            continue
        if isinstance(child, (QLabel, QAbstractButton)):
            letter = mnemonic(child.text())
            if letter:
                found.append((letter, child.text()))
    return found


def clashes(entries: list[tuple[str, str]]) -> dict[str, list[str]]:
    counts = Counter(letter for letter, _ in entries)
    return {
        letter: [text for other, text in entries if other == letter]
        for letter, count in counts.items()
        if count > 1
    }


def test_no_two_controls_on_screen_share_an_alt_letter(window: Any) -> None:
    tabs: QTabWidget = window.tabs
    menu_letters = [(mnemonic(a.text()), a.text()) for a in window.menuBar().actions()]
    tab_letters = [(mnemonic(tabs.tabText(n)), tabs.tabText(n)) for n in range(tabs.count())]
    always = menu_letters + tab_letters + mnemonics_in(window, skip=tabs)
    for page in range(tabs.count()):
        entries = always + mnemonics_in(tabs.widget(page))
        assert clashes(entries) == {}, tabs.tabText(page)


def test_alt_letters_are_the_ones_a_person_would_guess(window: Any) -> None:
    labels = {
        label.buddy(): mnemonic(label.text())
        for label in window.findChildren(QLabel)
        if label.buddy() is not None
    }
    assert labels[window.meeting_form.title] == "t"  # Alt+T for Title
    assert labels[window.layout_combo] == "y"
    assert labels[window.audience_combo] == "a"
    assert mnemonic(window.items_panel.key_button.text()) == "k"


def test_no_menu_has_two_commands_on_one_alt_letter(window: Any) -> None:
    for menu in window.menuBar().findChildren(QMenu):
        entries = [(mnemonic(a.text()), a.text()) for a in menu.actions() if not a.isSeparator()]
        entries = [(letter, text) for letter, text in entries if letter]
        assert clashes(entries) == {}, menu.title()


def test_the_audiences_dialog_gives_each_box_its_own_letter() -> None:
    from PySide6.QtWidgets import QCheckBox

    boxes: list[QCheckBox] = []
    for audience in AUDIENCES:
        boxes.append(QCheckBox(dialogs.mnemonic_label(audience_label(audience), boxes)))
    letters = [dialogs.mnemonic_of(box.text()) for box in boxes]
    assert len(set(letters)) == len(letters) and all(letters)
    assert letters[0] == "c"  # Councillors


def test_a_settings_file_from_an_older_version_still_opens(
    make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "briefgen", "briefgen"
    )
    settings.setValue("windowGeometry", QByteArray(b"not a geometry"))
    settings.sync()
    area = laptop_screen(monkeypatch, 1280, 720)
    window = make_window()
    assert area.contains(window.geometry())
