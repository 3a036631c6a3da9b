"""The main window, driven as an officer would: themes, audience, search, include and leave
out, reorder by keyboard and by drag and drop, the meeting form, checking against the source."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QWidget

from briefgen.gui.items_model import INCLUDE
from briefgen.pack import pack_items


def row_ids(window: Any) -> list[str]:
    return [window.model.item_at(n).id for n in range(window.model.rowCount())]


def theme_text(window: Any, theme_id: str) -> str:
    for row in range(window.theme_list.count()):
        entry = window.theme_list.item(row)
        if entry.data(Qt.ItemDataRole.UserRole + 1) == theme_id:
            return entry.text()
    raise AssertionError(theme_id)


def choose(combo: Any, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_themes_and_audience_choose_the_items(window: Any, corpus: Any) -> None:
    choose(window.audience_combo, "senior-officers")
    window.set_themes(["workforce"])
    assert row_ids(window) == ["wf-rec-pay", "wf-risk-stall", "wf-evidence-agency"]
    assert window.items_panel.count_label.text() == "3 of 3 items included"
    assert theme_text(window, "workforce") == "Workforce (3)"
    choose(window.audience_combo, "members")
    assert row_ids(window) == ["wf-rec-pay", "wf-risk-stall"]
    assert theme_text(window, "workforce") == "Workforce (2)"
    assert window.spec.audience == "members" and window.spec.themes == ["workforce"]
    assert window.isWindowModified()
    assert window.windowTitle() == "Untitled pack[*] — briefgen"


def test_ticking_a_theme_in_the_list_updates_the_pack(window: Any, qtbot: Any) -> None:
    window.set_themes([])
    assert window.theme_hint.text() == "No themes ticked: the pack covers every theme."
    row = next(
        n
        for n in range(window.theme_list.count())
        if window.theme_list.item(n).data(Qt.ItemDataRole.UserRole + 1) == "funding"
    )
    window.theme_list.setFocus()
    window.theme_list.setCurrentRow(row)
    qtbot.keyClick(window.theme_list, Qt.Key.Key_Space)
    assert window.spec.themes == ["funding"]
    assert window.theme_hint.text() == "1 theme ticked."


def test_search_narrows_the_list_as_you_type(window: Any, qtbot: Any) -> None:
    choose(window.audience_combo, "senior-officers")
    window.set_themes([])
    everything = window.model.rowCount()
    qtbot.keySequence(window, "Ctrl+F")
    assert QApplication.focusWidget() is window.items_panel.search
    qtbot.keyClicks(window.items_panel.search, "boa")
    assert set(row_ids(window)) == {"part-rec-board", "part-example-referrals"}
    qtbot.keyClicks(window.items_panel.search, "rd schools")
    assert row_ids(window) == ["part-rec-board"]
    assert (
        window.items_panel.count_label.text()
        == f"{everything} of {everything} items included (1 shown)"
    )
    window.items_panel.search.clear()
    assert window.model.rowCount() == everything


def test_filters_by_kind_organisation_and_document(window: Any) -> None:
    choose(window.audience_combo, "senior-officers")
    window.set_themes([])
    panel = window.items_panel
    choose(panel.kind_filter, "risk")
    assert {window.model.item_at(n).kind for n in range(window.model.rowCount())} == {"risk"}
    choose(panel.org_filter, "solace")
    assert set(row_ids(window)) == {"wf-risk-stall", "fund-risk-grants"}
    panel.kind_filter.setCurrentIndex(0)  # "All kinds"
    panel.org_filter.setCurrentIndex(0)
    choose(panel.source_filter, "beta")
    assert all(i.startswith("part-") for i in row_ids(window)) and row_ids(window)


def test_space_leaves_an_item_out_and_puts_it_back(window: Any, qtbot: Any, corpus: Any) -> None:
    choose(window.audience_combo, "senior-officers")
    window.set_themes(["workforce"])
    view = window.items_panel.view
    assert window.items_panel.select_item("wf-risk-stall")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert window.spec.excluded == ["wf-risk-stall"]
    assert window.items_panel.count_label.text() == "2 of 3 items included"
    assert row_ids(window) == ["wf-rec-pay", "wf-risk-stall", "wf-evidence-agency"]
    index = window.model.index(1, INCLUDE)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert "left out" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "wf-risk-stall" not in [i.id for i in pack_items(corpus, window.spec)]
    # The tick box itself does the same.
    assert window.model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert window.spec.excluded == []
    assert window.items_panel.count_label.text() == "3 of 3 items included"


def test_alt_arrows_and_buttons_move_items_within_their_theme(window: Any, qtbot: Any) -> None:
    choose(window.audience_combo, "senior-officers")
    window.set_themes(["workforce"])
    panel = window.items_panel
    panel.select_item("wf-evidence-agency")
    panel.view.setFocus()
    qtbot.keySequence(panel.view, "Alt+Up")
    assert row_ids(window) == ["wf-rec-pay", "wf-evidence-agency", "wf-risk-stall"]
    assert panel.current_item().id == "wf-evidence-agency", "the moved item stays current"
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    assert row_ids(window) == ["wf-evidence-agency", "wf-rec-pay", "wf-risk-stall"]
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)  # already first: no change
    assert "already first" in window.statusBar().currentMessage()
    panel.view.setFocus()
    qtbot.keySequence(panel.view, "Alt+Down")
    assert row_ids(window) == ["wf-rec-pay", "wf-evidence-agency", "wf-risk-stall"]
    assert window.spec.order == ["wf-rec-pay", "wf-evidence-agency", "wf-risk-stall"]


def test_drag_and_drop_reorders(window: Any) -> None:
    choose(window.audience_combo, "senior-officers")
    window.set_themes(["workforce"])
    model = window.model
    data = model.mimeData([model.index(2, 0)])
    # The model does the move itself and tells the view not to delete the dragged row.
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert row_ids(window) == ["wf-evidence-agency", "wf-rec-pay", "wf-risk-stall"]
    assert window.isWindowModified()


def test_meeting_form_fills_the_spec(window: Any, qtbot: Any) -> None:
    form = window.meeting_form
    window.tabs.setCurrentWidget(form)
    qtbot.keyClicks(form.title, "Workforce pressures")
    qtbot.keyClicks(form.meeting, "Children's Services Scrutiny Committee")
    form.meeting_date.setDate(QDate(2026, 12, 3))
    assert form.meeting_date.text() == "03/12/2026"
    choose(form.marking, "OFFICIAL-SENSITIVE")
    form.large_print.setChecked(True)
    qtbot.keyClicks(form.author.name, "Jo Bloggs")
    qtbot.keyClicks(form.contact.email, "jo@example.gov.uk")
    assert not form.purpose.isEnabled(), "purpose is for committee reports"
    choose(window.layout_combo, "committee-report")
    assert form.purpose.isEnabled()
    choose(form.purpose, "decision")
    qtbot.keyClicks(form.wards, "Abbey; Castle")
    meeting = window.spec.meeting
    assert meeting.title == "Workforce pressures"
    assert meeting.meeting == "Children's Services Scrutiny Committee"
    assert meeting.meeting_date == date(2026, 12, 3)
    assert meeting.marking == "OFFICIAL-SENSITIVE" and meeting.large_print
    assert meeting.author.name == "Jo Bloggs" and meeting.contact.email == "jo@example.gov.uk"
    assert meeting.purpose == "decision" and meeting.wards == "Abbey; Castle"
    form.clear_date.click()
    assert window.spec.meeting.meeting_date is None
    assert form.meeting_date.text() == "Not set"


def test_officer_text_is_kept_line_by_line(window: Any, qtbot: Any) -> None:
    form = window.officer_form
    window.tabs.setCurrentWidget(form)
    form.key_messages.setPlainText("First message\n\n  Second message  \n")
    form.recommendations.setPlainText("Note the report")
    qtbot.keyClicks(form.summary, "This report sets out the options.")
    officer = window.spec.officer
    assert officer.key_messages == ["First message", "Second message"]
    assert officer.recommendations == ["Note the report"]
    assert officer.summary == "This report sets out the options."
    assert form.summary_count.text().startswith("6 words")


def test_choosing_an_item_opens_its_source_at_the_quote(window: Any, corpus: Any) -> None:
    choose(window.audience_combo, "senior-officers")
    window.set_themes(["funding"])
    window.items_panel.select_item("fund-rec-settlement")
    view = window.source_view
    item = corpus.item("fund-rec-settlement")
    source = corpus.sources["alpha"]
    assert view.highlighted_text() == source.text[item.span[0] : item.span[1]]
    citation = view.citation.text()
    for part in ("Local Government Association", "Alpha review of children", "Alpha Institute"):
        assert part in citation
    assert "12 March 2024" in citation and "para 2.2" in citation
    selection = view.text.extraSelections()[0]
    assert selection.format.fontUnderline(), "the highlight is not colour alone"
    cursor = view.text.textCursor()
    assert cursor.position() == item.span[0]
    # The caret line is on screen: the quote is shown in context, not just loaded.
    assert view.text.cursorRect().top() >= 0
    assert view.text.cursorRect().bottom() <= view.text.viewport().height()


def unnamed_controls(window: Any) -> list[str]:
    skip_parents = ("QComboBox", "QDateEdit", "MeetingDateEdit", "QAbstractSpinBox")
    unnamed = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.accessibleName():
            continue
        kind = widget.metaObject().className()
        parent = widget.parent()
        if kind in ("QTabBar", "QToolButton", "QMenuBar") or (
            parent is not None and parent.metaObject().className() in skip_parents
        ):
            continue  # named by Qt from their text, or parts of a named control
        unnamed.append(f"{kind} {widget.objectName()}")
    return unnamed


def test_every_control_has_an_accessible_name(window: Any) -> None:
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        assert unnamed_controls(window) == [], window.tabs.tabText(tab)
    names = [w.accessibleName() for w in window.findChildren(QWidget) if w.accessibleName()]
    assert {"Meeting date", "Protective marking", "Report summary", "Search items"} <= set(names)


def test_tab_order_follows_the_window_left_to_right(window: Any) -> None:
    chain = []
    widget = window.layout_combo
    for _ in range(60):
        chain.append(widget)
        widget = widget.nextInFocusChain()
    position = {id(w): n for n, w in reversed(list(enumerate(chain)))}
    order = [
        window.layout_combo,
        window.audience_combo,
        window.theme_list,
        window.select_all_button,
        window.items_panel.search,
        window.items_panel.kind_filter,
        window.items_panel.view,
        window.items_panel.toggle_button,
        window.source_view.text,
    ]
    assert [position.get(id(w), 999) for w in order] == sorted(
        position.get(id(w), 999) for w in order
    )


def test_shortcuts_are_the_ones_officers_expect(window: Any) -> None:
    shortcuts = {
        action.text().replace("&", ""): action.shortcut().toString()
        for action in (
            window.commands.new,
            window.commands.open,
            window.commands.save,
            window.commands.save_as,
            window.commands.export,
            window.commands.find,
        )
    }
    assert shortcuts == {
        "New": "Ctrl+N",
        "Open…": "Ctrl+O",
        "Save": "Ctrl+S",
        "Save as…": "Ctrl+Shift+S",
        "Export…": "Ctrl+E",
        "Find items…": "Ctrl+F",
    }


def test_the_window_fits_a_laptop_screen_at_200_percent_text(
    make_window: Any, qtbot: Any, large_text: Any
) -> None:
    """At twice the normal text size every panel still fits 1280 pixels: nothing is pushed off
    the screen (WCAG 1.4.4, resize text)."""
    window = make_window()
    assert window.items_panel.search.font().pointSizeF() == large_text.pointSizeF()
    assert window.minimumSizeHint().width() <= 1280


def test_item_column_widths_are_remembered(make_window: Any) -> None:
    window = make_window()
    header = window.items_panel.view.header()
    default = header.sectionSize(1)
    header.resizeSection(1, default + 57)
    window.close()  # saves the window's state
    later = make_window()  # a new window reads the same settings file
    assert later.items_panel.view.header().sectionSize(1) == default + 57
