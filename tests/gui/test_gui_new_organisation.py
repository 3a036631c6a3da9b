"""Adding an organisation from the item form while curating: the dialog opened from "New…"
beside the Organisation box writes it to the user's library (on a worker, the fields held
meanwhile), the form lists it selected, an item accepted with it loads, and bad fields or a
failed write are refused with a message naming the field or the file."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from tests.gui.reviewing import open_review
from tests.gui.slow import slowed

from briefgen.content import Corpus, load_corpus
from briefgen.gui import new_organisation
from briefgen.gui.add_item import AddItemDialog
from briefgen.gui.new_organisation import NewOrganisationDialog
from briefgen.library.folders import library_folders

SOURCE = "lga-2013"
PASSAGE = "greater investment in early intervention"
SLOW = 0.5  # seconds a write to a slow share takes here


def _add_item_dialog(qtbot: Any, corpus: Corpus, library: Path) -> AddItemDialog:
    text = corpus.sources[SOURCE].text
    start = text.index(PASSAGE)
    dialog = AddItemDialog(corpus, SOURCE, start, start + len(PASSAGE), library)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=15_000)
    return dialog


def _open_new(qtbot: Any, dialog: Any) -> NewOrganisationDialog:
    """Press Alt+W (the "New…" button's letter) and wait for the organisation dialog."""
    dialog.form.org.setFocus()
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.form.organisation_dialog is not None, timeout=15_000)
    new = dialog.form.organisation_dialog
    assert isinstance(new, NewOrganisationDialog)
    qtbot.waitUntil(new.isVisible, timeout=15_000)
    qtbot.waitUntil(new.name.hasFocus, timeout=15_000)  # typing goes to the name first
    return new


def test_an_organisation_added_from_add_as_item_is_listed_and_its_item_loads(
    qtbot: Any, shipped_corpus: Corpus, library: Path
) -> None:
    dialog = _add_item_dialog(qtbot, shipped_corpus, library)
    new = _open_new(qtbot, dialog)
    QTest.keyClicks(new.name, "Care Quality Commission")
    assert (new.short.text(), new.org_id.text()) == ("CQC", "care-quality-commission")
    with qtbot.waitSignal(new.accepted, timeout=10_000):  # written on a worker
        QTest.keyClick(new.name, Qt.Key.Key_Return)  # OK: "Add organisation"
    assert not new.isVisible()
    assert dialog.form.org.currentData() == "care-quality-commission"
    assert dialog.form.org.currentText() == "CQC (Care Quality Commission)"
    assert (library / "organisations.yaml").is_file()
    dialog.form.kind.setCurrentText("proposition")
    dialog.form.themes.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.form.locator.setText("Key propositions")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):  # written on a worker
        dialog.add()
    assert dialog.written == library / "items" / f"{SOURCE}.yaml"
    reloaded = load_corpus(library_folders())
    assert reloaded.organisations["care-quality-commission"].short == "CQC"
    added = [item for item in reloaded.items if item.library == "yours"]
    assert [(item.org, item.text) for item in added] == [("care-quality-commission", PASSAGE)]


def test_cancel_leaves_the_list_and_the_library_as_they_were(
    qtbot: Any, shipped_corpus: Corpus, library: Path
) -> None:
    dialog = _add_item_dialog(qtbot, shipped_corpus, library)
    before = [dialog.form.org.itemText(i) for i in range(dialog.form.org.count())]
    chosen = dialog.form.org.currentData()
    new = _open_new(qtbot, dialog)
    QTest.keyClicks(new.name, "Ofsted")
    QTest.keyClick(new.name, Qt.Key.Key_Escape)
    assert not new.isVisible()
    assert [dialog.form.org.itemText(i) for i in range(dialog.form.org.count())] == before
    assert dialog.form.org.currentData() == chosen
    assert not library.exists()


def test_a_taken_id_and_an_empty_name_are_refused_naming_the_field(
    qtbot: Any, shipped_corpus: Corpus, library: Path
) -> None:
    dialog = _add_item_dialog(qtbot, shipped_corpus, library)
    new = _open_new(qtbot, dialog)
    new.short.setText("X")
    new.org_id.setText("x")
    new.add()
    assert new.isVisible() and new.name.hasFocus()
    assert new.problem.text() == "Name: organisation 'x': 'name' is empty; write it out"
    QTest.keyClicks(new.name, "Local Government Association")
    new.org_id.setText("lga")  # the shipped library's
    new.add()
    assert new.isVisible() and new.org_id.hasFocus()
    taken = shipped_corpus.organisations["lga"].name
    assert new.problem.text() == (
        f"Id: organisation 'lga': the id is taken by '{taken}'; choose another id"
    )
    new.org_id.setText("Bad Id")
    new.add()
    assert new.problem.text() == (
        "Id: organisation 'Bad Id': id must be lower-case letters, digits and hyphens"
    )
    assert not library.exists()
    new.reject()


def test_the_review_view_learns_an_added_organisation(
    qtbot: Any, shipped_corpus: Corpus, review_corpus: Corpus, library: Path
) -> None:
    view = open_review(qtbot, review_corpus, library)
    new = view.form.open_new_organisation()
    assert isinstance(new, NewOrganisationDialog)
    new.name.setText("HM Treasury")
    with qtbot.waitSignal(view.libraryChanged):
        new.add()
    assert view.form.org.currentData() == "hm-treasury"
    assert "hm-treasury" in view.corpus.organisations
    assert "hm-treasury" not in shipped_corpus.organisations  # a new corpus, not a changed one


def test_the_new_button_has_a_name_and_a_letter_no_other_control_uses(
    qtbot: Any, shipped_corpus: Corpus, library: Path
) -> None:
    from tests.gui.test_gui_laptop import mnemonic, mnemonics_in

    dialog = _add_item_dialog(qtbot, shipped_corpus, library)
    button = dialog.form.new_org
    assert button.accessibleName() == "New organisation" and button.isVisible()
    letters = [letter for letter, _ in mnemonics_in(dialog)]
    assert mnemonic(button.text()) == "w" and letters.count("w") == 1
    new = _open_new(qtbot, dialog)
    inside = [letter for letter, _ in mnemonics_in(new)]
    assert len(inside) == len(set(inside))
    new.reject()


def test_a_slow_write_leaves_the_window_running_and_holds_the_fields_until_it_lands(
    qtbot: Any, shipped_corpus: Corpus, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slowed(monkeypatch, new_organisation, "add_organisation", SLOW)  # on a slow share
    dialog = _add_item_dialog(qtbot, shipped_corpus, library)
    new = _open_new(qtbot, dialog)
    QTest.keyClicks(new.name, "Care Quality Commission")
    during: list[tuple[bool, bool, bool, str]] = []

    def meanwhile() -> None:  # runs only if the event loop is not blocked by the write
        during.append((new.isVisible(), new.writing, new.name.isEnabled(), new.problem.text()))

    QTimer.singleShot(50, meanwhile)
    started = time.monotonic()
    QTest.keyClick(new.name, Qt.Key.Key_Return)
    assert time.monotonic() - started < SLOW / 2  # OK did not wait for the write
    new.reject()  # Escape while it is written: it still lands
    with qtbot.waitSignal(new.accepted, timeout=10_000):
        pass
    assert during == [(True, True, False, "Adding the organisation to your library…")]
    assert not new.isVisible() and new.name.isEnabled()
    assert dialog.form.org.currentData() == "care-quality-commission"
    assert "care-quality-commission" in load_corpus(library_folders()).organisations


def test_a_write_that_fails_says_why_naming_the_file_and_keeps_the_fields(
    qtbot: Any, shipped_corpus: Corpus, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    organisations = library / "organisations.yaml"

    def refused(*args: Any) -> Any:
        raise PermissionError(13, "Permission denied", str(organisations))

    monkeypatch.setattr(new_organisation, "add_organisation", refused)
    dialog = _add_item_dialog(qtbot, shipped_corpus, library)
    chosen = dialog.form.org.currentData()
    new = _open_new(qtbot, dialog)
    QTest.keyClicks(new.name, "Care Quality Commission")
    new.short.setText("The CQC")
    new.add()
    qtbot.waitUntil(lambda: not new.writing, timeout=10_000)
    assert new.isVisible() and new.result() == 0
    assert new.problem.text() == f"[Errno 13] Permission denied: '{organisations}'"
    assert (new.name.text(), new.short.text(), new.org_id.text()) == (
        "Care Quality Commission",
        "The CQC",
        "care-quality-commission",
    )
    assert new.name.isEnabled() and new.buttons.isEnabled() and new.name.hasFocus()
    assert dialog.form.org.currentData() == chosen and not organisations.exists()
    new.reject()
