"""From launch to an exported committee report draft with the keyboard alone: mnemonics move
the focus, arrow keys and Space choose, Ctrl+F searches, Ctrl+E exports. Only the save dialog
is stood in for (it is the platform's own); the Word file is real and read back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from briefgen.gui import dialogs


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the focus is, as the keyboard would deliver it."""
    focus = QApplication.focusWidget()
    assert focus is not None, "something has the keyboard focus"
    QTest.keyClick(focus, key, modifier)


def alt(letter: str) -> None:
    press(getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)


def type_text(text: str) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    QTest.keyClicks(focus, text)


def choose_by_keys(combo: Any, wanted: str) -> None:
    """Arrow through a focused combo box until it shows `wanted`."""
    assert QApplication.focusWidget() is combo
    press(Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == wanted:
            return
        press(Qt.Key.Key_Down)
    raise AssertionError(f"{wanted} not reachable in {combo.accessibleName()}")


@pytest.mark.real_render
def test_a_committee_report_draft_with_the_keyboard_alone(
    window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docx = pytest.importorskip("docx")
    window.preview.want_pdf = False  # an HTML preview keeps this test quick
    target = tmp_path / "report.docx"
    monkeypatch.setattr(dialogs, "ask_export_path", lambda parent, path, fmt: (target, "docx"))

    alt("y")  # La&yout
    assert QApplication.focusWidget() is window.layout_combo
    choose_by_keys(window.layout_combo, "committee-report")
    alt("a")  # &Audience
    choose_by_keys(window.audience_combo, "scrutiny")

    alt("m")  # The&mes: arrow to Workforce and tick it with Space
    assert QApplication.focusWidget() is window.theme_list
    press(Qt.Key.Key_Home)
    while window.theme_list.currentItem().text().split(" (")[0] != "Workforce":
        press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Space)
    assert window.spec.themes == ["workforce"]
    included = window.model.rowCount()
    assert included == 3

    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # find the agency-staff figure
    assert QApplication.focusWidget() is window.items_panel.search
    type_text("one post in five")
    assert window.model.rowCount() == 1
    press(Qt.Key.Key_Tab)  # past the filters to the list
    while QApplication.focusWidget() is not window.items_panel.view:
        press(Qt.Key.Key_Tab)
    left_out = window.model.item_at(window.items_panel.view.currentIndex().row()).id
    assert left_out == "wf-evidence-agency"
    press(Qt.Key.Key_Space)  # leave it out
    assert left_out in window.spec.excluded

    alt("d")  # Meeting &details
    assert window.tabs.currentWidget() is window.meeting_form
    alt("t")  # &Title
    assert QApplication.focusWidget() is window.meeting_form.title
    type_text("Agency staffing review")

    with qtbot.waitSignal(window.exportFinished, timeout=30_000):
        press(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    document = docx.Document(str(target))
    assert document.core_properties.title == "Agency staffing review"
    text = " ".join(" ".join(p.text for p in document.paragraphs).split())
    assert "Questions the committee may wish to ask" in text  # scrutiny, committee report
    assert "regional memorandum of understanding on agency pay rates" in text
    excluded_text = window.corpus.item(left_out).text
    assert " ".join(excluded_text.split()) not in text
