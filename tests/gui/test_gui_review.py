"""The review view and "Add as item…", driven from the keyboard: every item written is an
exact span of its source, the library passes `briefgen check`, rejected passages are not
suggested again, undo puts the library back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from tests.gui.reviewing import open_review, press

from briefgen.cli import main
from briefgen.content import Corpus, load_corpus
from briefgen.gui.add_item import AddItemDialog
from briefgen.gui.review_view import ACCEPTED, REJECTED, SKIPPED, ReviewView
from briefgen.library.curate import read_rejected, suggestions_for
from briefgen.library.folders import library_folders
from briefgen.library.quotespan import as_item_text

SOURCE = "lga-2013"


def _settled(qtbot: Any, view: ReviewView) -> None:
    """Wait until every decision made (or undone) is written."""
    qtbot.waitUntil(lambda: not view.writing, timeout=10_000)


def _written(library: Path) -> Corpus:
    """The libraries read back as briefgen reads them (every quote verified)."""
    return load_corpus(library_folders())


def test_review_by_keyboard_accepts_rejects_skips_and_undoes(
    qtbot: Any, review_corpus: Corpus, library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    view = open_review(qtbot, review_corpus, library)
    first = view.suggestions[0]
    assert view.highlighted_text() == first.text.replace("\n", "\u2029")
    view.form.headline.setText("Budgets pooled by place.")
    press(view, Qt.Key.Key_A)  # accept, with the headline typed
    press(view, Qt.Key.Key_Return)  # accept the second as is
    press(view, Qt.Key.Key_R)  # reject the third
    press(view, Qt.Key.Key_S)  # skip the fourth
    assert view.verdicts[:4] == [ACCEPTED, ACCEPTED, REJECTED, SKIPPED]
    # Decided rows are dimmed; what is left to decide keeps the list's own colour.
    dimmed = view.list.palette().color(view.list.palette().ColorRole.PlaceholderText)
    assert view.list.item(2).foreground().color() == dimmed
    assert view.list.item(4).foreground().style() == Qt.BrushStyle.NoBrush
    press(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the skip
    press(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the rejection
    assert view.verdicts[2:4] == [None, None]
    assert view.list.item(2).foreground().style() == Qt.BrushStyle.NoBrush
    _settled(qtbot, view)
    assert read_rejected([library], SOURCE) == []
    press(view, Qt.Key.Key_R)  # reject the third again
    _settled(qtbot, view)
    corpus = _written(library)
    added = {item.text: item for item in corpus.items if item.library == "yours"}
    assert sorted(added) == sorted(s.text for s in view.suggestions[:2])
    assert added[view.suggestions[0].text].headline == "Budgets pooled by place."
    assert not added[view.suggestions[1].text].headline
    text = corpus.sources[SOURCE].text
    for item in added.values():
        assert " ".join(text[item.span[0] : item.span[1]].split()) == " ".join(item.text.split())
    assert main(["check"]) == 0
    assert "every quote found in its source" in capsys.readouterr().out
    # Rejected and accepted passages are not suggested again.
    again = {s.text for s in suggestions_for(corpus, SOURCE)}
    assert not again & {s.text for s in view.suggestions[:3]}


def test_accept_all_above_a_score_then_undo_empties_the_file(
    qtbot: Any, shipped_corpus: Corpus, review_corpus: Corpus, library: Path
) -> None:
    view = open_review(qtbot, review_corpus, library)
    wanted = [s for s in view.suggestions if s.score >= 0.8]
    assert wanted and len(wanted) < len(view.suggestions) + 1
    items_file = library / "items" / f"{SOURCE}.yaml"
    with qtbot.waitSignal(view.libraryChanged):
        view.threshold.setValue(0.8)
        QTest.mouseClick(view.accept_all_button, Qt.MouseButton.LeftButton)
    data = yaml.safe_load(items_file.read_text(encoding="utf-8"))
    assert [entry["text"] for entry in data["items"]] == [
        " ".join(s.text.split()) if "\n" in s.text else s.text for s in wanted
    ]
    assert len(_written(library).items) == len(shipped_corpus.items) + len(wanted)
    with qtbot.waitSignal(view.libraryChanged):
        press(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not items_file.exists()
    assert all(verdict is None for verdict in view.verdicts)


def test_add_as_item_trims_and_extends_by_word_and_sentence(
    qtbot: Any, shipped_corpus: Corpus, library: Path
) -> None:
    text = shipped_corpus.sources[SOURCE].text
    passage = "greater investment in early intervention"
    start = text.index(passage)
    # A ragged selection ("eater investment in ear") snaps to whole words.
    dialog = AddItemDialog(shipped_corpus, SOURCE, start + 2, start + 26, library)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(dialog.isActiveWindow, timeout=15_000)
    assert dialog.quote_text() == "greater investment in early"
    QTest.keyClick(
        dialog.focusWidget() or dialog, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier
    )
    assert dialog.quote_text() == passage
    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert dialog.quote_text() == "greater investment in"
    shift_alt = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Right, shift_alt)
    assert dialog.quote_text() == "investment in"
    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Left, shift_alt)
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    QTest.keyClick(
        dialog.focusWidget() or dialog, Qt.Key.Key_Right, ctrl_alt
    )  # to the end of the sentence
    quote = dialog.quote_text()
    assert quote.startswith("greater investment in early intervention") and len(quote) > 41
    assert text[dialog.start : dialog.end] == quote
    dialog.form.kind.setCurrentText("proposition")
    dialog.form.themes.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.form.locator.setText("Key propositions")
    dialog.form.headline.setText("Invest early.")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):  # written on a worker
        dialog.add()
    assert dialog.written == library / "items" / f"{SOURCE}.yaml"
    added = [item for item in _written(library).items if item.library == "yours"]
    assert [(" ".join(item.text.split()), item.headline) for item in added] == [
        (as_item_text(quote), "Invest early.")
    ]
    # the sentence runs on into the list's items: each is a paragraph, as in the source
    assert "intervention\n\ngiving people back" in added[0].text


def test_window_offers_add_as_item_on_a_selected_passage(
    window: Any, qtbot: Any, library: Path
) -> None:
    corpus = window.corpus
    item = corpus.items[0]
    window.source_view.show_item(corpus, item)
    cursor = window.source_view.text.textCursor()
    cursor.setPosition(item.span[0])
    cursor.setPosition(item.span[1], cursor.MoveMode.KeepAnchor)
    window.source_view.text.setTextCursor(cursor)
    with qtbot.waitSignal(window.curation.addOpened) as opened:
        window.curation.add_selection()
    dialog = opened.args[0]
    qtbot.addWidget(dialog)
    assert " ".join(dialog.quote_text().split()) == " ".join(item.text.split())
    assert window.curation.add_action.shortcut().toString() == "Ctrl+Shift+I"
    file_menu = window.menuBar().actions()[0].menu()
    assert window.curation.review_action in file_menu.actions()


def test_an_item_accepted_in_the_review_view_reaches_the_window(
    make_window: Any, qtbot: Any, library: Path, shipped_corpus: Corpus, monkeypatch: Any
) -> None:
    window = make_window(corpus=shipped_corpus)  # reloads the shipped content and yours
    source_id = SOURCE
    monkeypatch.setattr(
        "briefgen.gui.curation.ask_source",
        lambda parent, choices, current: shipped_corpus.sources[SOURCE].short_title,
    )
    with qtbot.waitSignal(window.curation.reviewOpened) as opened:
        window.curation.open_review()
    view = opened.args[0]
    qtbot.waitUntil(lambda: bool(view.verdicts), timeout=20_000)
    assert view.source_id == source_id and view.suggestions
    with qtbot.waitSignal(window.corpusLoaded, timeout=20_000):
        QTest.keyClick(view.list, Qt.Key.Key_A)
    added = view.history[-1].item_ids[0]
    assert window.corpus.by_id[added].text == view.suggestions[0].text
    assert window.corpus.by_id[added].library == "yours"
    view.close()


def _unattributed_review(
    qtbot: Any, corpus: Corpus, library: Path, monkeypatch: pytest.MonkeyPatch
) -> ReviewView:
    """The review view on suggestions that name no organisation, as for a new document whose
    publisher briefgen does not know."""
    import dataclasses

    from briefgen.gui import review_view

    real = review_view.suggestions_for
    monkeypatch.setattr(
        review_view,
        "suggestions_for",
        lambda *args, **kwargs: [dataclasses.replace(s, org="") for s in real(*args, **kwargs)],
    )
    return open_review(qtbot, corpus, library)


def test_a_suggestion_naming_no_organisation_is_not_added_under_the_first_one(
    qtbot: Any, review_corpus: Corpus, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(
        "briefgen.gui.dialogs.show_error", lambda parent, head, text: errors.append(text)
    )
    view = _unattributed_review(qtbot, review_corpus, library, monkeypatch)
    assert view.form.org.currentData() == "" and view.form.org.currentText().startswith("Choose")
    press(view, Qt.Key.Key_A)
    assert view.verdicts[0] is None and not (library / "items").exists()
    assert errors and "under Organisation" in errors[0] and "choose New… beside it" in errors[0]
    # Accept-all cannot attribute them either, until the officer chooses.
    assert view.accept_all(0.0) == 0 and "name no organisation" in errors[1]
    view.form.org.setCurrentIndex(view.form.org.findData("solace"))
    press(view, Qt.Key.Key_A)
    assert view.verdicts[0] == ACCEPTED
    # The next suggestion naming none is shown with the organisation just chosen.
    assert view.list.currentRow() == 1 and view.form.org.currentData() == "solace"
    press(view, Qt.Key.Key_A)
    _settled(qtbot, view)
    added = [item for item in _written(library).items if item.library == "yours"]
    assert [item.org for item in added] == ["solace", "solace"]


def test_add_as_item_starts_with_no_kind_and_asks_for_one(
    qtbot: Any, shipped_corpus: Corpus, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(
        "briefgen.gui.dialogs.show_error", lambda parent, head, text: errors.append(text)
    )
    text = shipped_corpus.sources[SOURCE].text
    start = text.index("greater investment in early intervention")
    dialog = AddItemDialog(shipped_corpus, SOURCE, start, start + 40, library)
    qtbot.addWidget(dialog)
    assert dialog.form.kind.currentText() == "Choose a kind…"
    assert dialog.form.org.currentData() == "lga"  # what this source's items mostly are
    dialog.form.themes.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.add()
    assert errors == ["Choose the item's kind (what sort of point the quote makes) under Kind."]
    assert dialog.written is None and not (library / "items").exists()


def test_an_organisation_whose_short_name_is_its_name_is_listed_once(
    qtbot: Any, shipped_corpus: Corpus
) -> None:
    from types import SimpleNamespace

    from briefgen.content.model import Organisation
    from briefgen.gui.item_form import ItemForm

    added = Organisation("d2i-consortium", "D2I Consortium", "D2I Consortium")  # as import adds
    corpus = SimpleNamespace(
        organisations={**shipped_corpus.organisations, added.id: added},
        themes=shipped_corpus.themes,
    )
    form = ItemForm(corpus)  # type: ignore[arg-type]
    qtbot.addWidget(form)
    labels = [form.org.itemText(i) for i in range(form.org.count())]
    assert "D2I Consortium" in labels and "LGA (Local Government Association)" in labels


def test_no_two_controls_share_an_alt_letter_in_the_curation_dialogs(
    qtbot: Any, shipped_corpus: Corpus, library: Path
) -> None:
    from tests.gui.test_gui_laptop import clashes, mnemonics_in

    text = shipped_corpus.sources[SOURCE].text
    start = text.index("greater investment in early intervention")
    adding = AddItemDialog(shipped_corpus, SOURCE, start, start + 20, library)
    qtbot.addWidget(adding)
    review = ReviewView(shipped_corpus, SOURCE, library)
    qtbot.addWidget(review)
    for dialog in (adding, review):
        letters = mnemonics_in(dialog)
        assert len(letters) >= 8 and clashes(letters) == {}, dialog.windowTitle()


def test_an_undo_that_cannot_put_the_file_back_says_so_and_keeps_the_decision(
    qtbot: Any, review_corpus: Corpus, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefgen.gui import review_view

    view = open_review(qtbot, review_corpus, library)
    with qtbot.waitSignal(view.libraryChanged):
        press(view, Qt.Key.Key_A)
    items_file = library / "items" / f"{SOURCE}.yaml"
    assert items_file.exists()

    def refused(path: Path, snapshot: bytes | None) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(review_view, "restore", refused)
    errors: list[str] = []
    monkeypatch.setattr(
        "briefgen.gui.dialogs.show_error", lambda parent, head, text: errors.append(text)
    )
    press(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _settled(qtbot, view)
    assert errors == [
        f"{items_file} could not be put back (Permission denied); check that you can write "
        "to it, then undo again."
    ]
    assert view.verdicts[0] == "accepted" and len(view.history) == 1 and items_file.exists()


def test_an_unsure_kind_shows_in_the_list_and_alt_i_takes_the_other_one(
    qtbot: Any, review_corpus: Corpus, library: Path
) -> None:
    view = open_review(qtbot, review_corpus, library)
    row = next(i for i, s in enumerate(view.suggestions) if s.other_kind)
    suggestion = view.suggestions[row]
    assert f"{suggestion.kind} or {suggestion.other_kind}?" in view.list.item(row).text()
    sure = next(i for i, s in enumerate(view.suggestions) if not s.other_kind)
    assert " or " not in view.list.item(sure).text().split("\n")[0]
    view.list.setCurrentRow(row)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=15_000)
    assert view.form.other_kind.isVisible()
    QTest.keyClick(view.list, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    # a mnemonic "animates" its button's click: it lands a moment later
    qtbot.waitUntil(lambda: view.form.kind.currentData() == suggestion.other_kind, timeout=5000)
    view.list.setFocus()
    with qtbot.waitSignal(view.libraryChanged):
        press(view, Qt.Key.Key_A)
    written = yaml.safe_load((library / "items" / f"{SOURCE}.yaml").read_text(encoding="utf-8"))
    assert [i["kind"] for i in written["items"]] == [suggestion.other_kind]
