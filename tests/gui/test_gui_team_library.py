"""An officer in a team: File → Import document… adds to the library they choose (their own or
a team folder, the last choice remembered), and curated items go to the library holding the
source, so colleagues see them beside it; a shipped source's items go to the officer's own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from tests.team_libraries import NOTE, make_teams, read_only, snapshot

from briefgen.cli import main
from briefgen.content import Corpus, load_corpus
from briefgen.gui import dialogs, import_dialog
from briefgen.gui.import_dialog import LAST_LIBRARY_KEY, ImportDialog
from briefgen.library.folders import library_folders


@pytest.fixture
def teams(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    return make_teams(tmp_path, monkeypatch)


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "Anytown review.md"
    path.write_text(NOTE, encoding="utf-8")
    return path


def _imported_into(folder: Path, note: Path, content_dir: Path) -> tuple[Corpus, str]:
    """The libraries read with `note` imported into the team `folder`, and its source's id."""
    imported = ["import", str(note), "--into", str(folder), "--publisher", "Anytown Council"]
    assert main([*imported, "--date", "2025"]) == 0
    corpus = load_corpus(library_folders(content_dir))
    return corpus, next(s.id for s in corpus.sources.values() if s.library == folder.name)


def _read(dialog: ImportDialog, qtbot: Any) -> None:
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=30_000)
    dialog.fields["publisher"].setText("Anytown Council")
    dialog.fields["date"].setText("2025")


def test_the_import_dialog_adds_to_the_team_folder_chosen_and_offers_it_next_time(
    qtbot: Any,
    make_window: Any,
    content_dir: Path,
    teams: tuple[Path, Path],
    note: Path,
    user_library: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.gui.test_gui_laptop import clashes, mnemonics_in

    children, planning = teams
    window = make_window(content_dir=content_dir)
    monkeypatch.setattr(import_dialog, "ask_document", lambda parent: note)
    monkeypatch.setattr(dialogs, "ask_review_import", lambda parent, title: False)
    window.commands.import_document.trigger()
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is not None)  # libraries found
    dialog = window.findChild(ImportDialog)
    combo = dialog.targets
    choices = [combo.itemText(index) for index in range(combo.count())]
    assert choices == [
        "Your library",
        "childrens-services (team folder)",
        "planning (team folder)",
    ]
    tooltips = [combo.itemData(index, Qt.ItemDataRole.ToolTipRole) for index in range(3)]
    assert tooltips == [str(user_library), str(children), str(planning)]
    assert combo.currentIndex() == 0  # nothing chosen before: your own library
    label = next(label for label in dialog.findChildren(QLabel) if label.buddy() is combo)
    assert label.text() == "&Add to"
    assert clashes(mnemonics_in(dialog)) == {}
    _read(dialog, qtbot)
    assert "then import it into your library." in dialog.status.text()
    combo.setCurrentIndex(1)
    assert "then import it into the team library 'childrens-services'." in dialog.status.text()
    assert combo.accessibleDescription() == (
        f"The document is added to the team library 'childrens-services', in {children}."
    )
    with qtbot.waitSignal(window.corpusLoaded, timeout=20_000):
        dialog.import_button.click()

    sources = yaml.safe_load((children / "sources.yaml").read_text(encoding="utf-8"))
    assert [source["title"] for source in sources] == ["Anytown children's services review"]
    source_id = sources[0]["id"]
    assert (children / "sources" / f"{source_id}.txt").is_file()
    assert (children / "originals" / f"{source_id}.md").read_bytes() == note.read_bytes()
    assert not user_library.exists() and not (planning / "sources.yaml").exists()
    assert window.corpus.sources[source_id].library == "childrens-services"
    assert window.statusBar().currentMessage() == (
        "Imported Anytown children's services review into the team library 'childrens-services'."
    )
    assert window.notice.message().startswith(
        f"Anytown children's services review is in the team library 'childrens-services' as "
        f"'{source_id}'."
    )
    # The next import offers the team folder chosen this time.
    again = ImportDialog(note, None, library_folders(content_dir), settings=window.settings)
    qtbot.addWidget(again)
    assert again.targets.currentText() == "childrens-services (team folder)"
    assert again.library == children
    again.reject()


def test_a_remembered_library_no_longer_listed_falls_back_to_yours(
    qtbot: Any, teams: tuple[Path, Path], note: Path, user_library: Path
) -> None:
    from briefgen.gui.settings import app_settings

    settings = app_settings()
    settings.setValue(LAST_LIBRARY_KEY, str(teams[1]))
    dialog = ImportDialog(note, None, library_folders(), settings=settings)
    qtbot.addWidget(dialog)
    assert dialog.targets.currentText() == "planning (team folder)"
    dialog.reject()
    settings.setValue(LAST_LIBRARY_KEY, str(teams[1].parent / "gone"))
    dialog = ImportDialog(note, None, library_folders(), settings=settings)
    qtbot.addWidget(dialog)
    assert dialog.targets.currentText() == "Your library" and dialog.library == user_library
    dialog.reject()


def test_a_read_only_team_folder_is_named_and_nothing_is_written(
    qtbot: Any,
    teams: tuple[Path, Path],
    note: Path,
    user_library: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    planning = teams[1]
    before = snapshot(planning)
    read_only(monkeypatch, planning)
    dialog = ImportDialog(note, planning, library_folders())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.targets.currentText() == "planning (team folder)"
    _read(dialog, qtbot)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=30_000)
    assert dialog.error.text() == (
        f"cannot add to the team library 'planning' ({planning}): the folder is read-only for "
        "you; choose another library under Add to, or ask whoever looks after the folder "
        "(nothing was added)"
    )
    assert dialog.status.text() == (
        "Nothing was added. Correct the details (or the library to add to) and import again."
    )
    assert snapshot(planning) == before and not user_library.exists()
    assert dialog.targets.isEnabled() and dialog.import_button.isEnabled()


def test_reviewing_a_team_source_adds_its_items_to_the_team_folder(
    qtbot: Any,
    make_window: Any,
    content_dir: Path,
    teams: tuple[Path, Path],
    note: Path,
    user_library: Path,
) -> None:
    children = teams[0]
    corpus, source_id = _imported_into(children, note, content_dir)
    window = make_window(corpus=corpus, content_dir=content_dir)
    with qtbot.waitSignal(window.curation.reviewOpened) as opened:
        window.curation.open_review(source_id)
    view = opened.args[0]
    qtbot.waitUntil(lambda: not view.tasks.busy, timeout=30_000)
    assert view.suggestions, view.status.text()
    assert view.where.text() == (
        "Accepted items are added to the team library 'childrens-services'."
    )
    assert view.where.toolTip() == f"Folder: {children}"
    view.form.org.setCurrentIndex(view.form.org.findData("anytown-council"))
    with qtbot.waitSignal(window.corpusLoaded, timeout=20_000):
        QTest.keyClick(view.list, Qt.Key.Key_A)
    added = view.history[-1].item_ids
    written = yaml.safe_load((children / "items" / f"{source_id}.yaml").read_text("utf-8"))
    assert [item["id"] for item in written["items"]] == added
    assert not user_library.exists()
    assert window.corpus.by_id[added[0]].library == "childrens-services"
    view.close()


def test_a_source_in_a_read_only_team_folder_has_its_items_added_to_yours(
    qtbot: Any,
    make_window: Any,
    content_dir: Path,
    teams: tuple[Path, Path],
    note: Path,
    user_library: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    planning = teams[1]
    corpus, source_id = _imported_into(planning, note, content_dir)
    before = snapshot(planning)
    read_only(monkeypatch, planning)
    window = make_window(corpus=corpus, content_dir=content_dir)
    with qtbot.waitSignal(window.curation.reviewOpened) as opened:
        window.curation.open_review(source_id)
    view = opened.args[0]
    qtbot.waitUntil(lambda: not view.tasks.busy, timeout=30_000)
    assert view.where.text() == (
        "Accepted items are added to your library (the team library 'planning' is read-only "
        "for you)."
    )
    view.form.org.setCurrentIndex(view.form.org.findData("anytown-council"))
    with qtbot.waitSignal(window.corpusLoaded, timeout=20_000):
        QTest.keyClick(view.list, Qt.Key.Key_A)
    added = view.history[-1].item_ids
    written = yaml.safe_load((user_library / "items" / f"{source_id}.yaml").read_text("utf-8"))
    assert [item["id"] for item in written["items"]] == added
    assert snapshot(planning) == before
    assert window.corpus.by_id[added[0]].library == "yours"
    view.close()


def test_add_as_item_on_a_shipped_source_adds_to_your_library(
    qtbot: Any,
    make_window: Any,
    content_dir: Path,
    teams: tuple[Path, Path],
    user_library: Path,
) -> None:
    corpus = load_corpus(library_folders(content_dir))
    window = make_window(corpus=corpus, content_dir=content_dir)
    item = corpus.items[0]
    assert item.library == "shipped"
    source = corpus.sources[item.source]
    passage = "Councils report that recruiting experienced social workers is harder every year."
    start = source.text.index(passage)
    window.source_view.show_item(corpus, item)
    cursor = window.source_view.text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(passage), cursor.MoveMode.KeepAnchor)
    window.source_view.text.setTextCursor(cursor)
    with qtbot.waitSignal(window.curation.addOpened) as opened:
        window.curation.add_selection()
    dialog = opened.args[0]
    qtbot.addWidget(dialog)
    assert dialog.where.text() == "The item is added to your library."
    assert dialog.where.toolTip() == f"Folder: {user_library}"
    dialog.form.kind.setCurrentText("evidence")
    dialog.form.themes.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.form.locator.setText("para 1.1")
    with qtbot.waitSignal(window.corpusLoaded, timeout=20_000):
        dialog.add()
    assert dialog.written == user_library / "items" / f"{item.source}.yaml"
    written = yaml.safe_load(dialog.written.read_text(encoding="utf-8"))
    assert [entry["text"] for entry in written["items"]] == [passage]
    assert all(not (team / "items").exists() for team in teams)


def test_at_200_percent_text_the_import_dialog_shows_every_field_whole(
    qtbot: Any, teams: tuple[Path, Path], note: Path, user_library: Path, large_text: Any
) -> None:
    from PySide6.QtWidgets import QLineEdit

    dialog = ImportDialog(note, None, library_folders())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=30_000)
    dialog.targets.setCurrentIndex(1)  # a longer status line
    for field in [dialog.targets, *dialog.findChildren(QLineEdit)]:
        assert field.height() >= field.sizeHint().height(), field.accessibleName()
    dialog.reject()


def test_import_pressed_before_the_reader_says_it_finished_still_imports(
    qtbot: Any,
    teams: tuple[Path, Path],
    note: Path,
    user_library: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefgen.gui.workers import TaskRunner

    dialog = ImportDialog(note, teams[0], library_folders())
    qtbot.addWidget(dialog)
    dialog.show()
    _read(dialog, qtbot)
    # The reader's result has enabled the form; its "finished" is still on its way (a loaded
    # machine): the click must not be dropped.
    monkeypatch.setattr(TaskRunner, "busy", property(lambda runner: True))
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        dialog.import_button.click()
    assert (teams[0] / "sources.yaml").is_file()


def test_a_new_organisation_while_curating_a_team_source_says_it_goes_to_the_team_folder(
    qtbot: Any, content_dir: Path, teams: tuple[Path, Path], user_library: Path
) -> None:
    from briefgen.gui.item_form import ItemForm
    from briefgen.gui.new_organisation import NewOrganisationDialog

    children = teams[0]
    corpus = load_corpus(library_folders(content_dir))
    form = ItemForm(corpus, library=children)
    qtbot.addWidget(form)
    assert form.new_org.toolTip() == (
        "Add an organisation briefgen does not list yet to the team library 'childrens-services'."
    )
    dialog = NewOrganisationDialog(corpus, children)
    qtbot.addWidget(dialog)
    said = [label.text() for label in dialog.findChildren(QLabel)]
    assert (
        "Whose view an item states, if briefgen does not list it yet. It is added to the team "
        f"library 'childrens-services', in:\n{children / 'organisations.yaml'}"
    ) in said
    mine = NewOrganisationDialog(corpus, user_library)
    qtbot.addWidget(mine)
    assert any("It is added to your library, in:" in label.text() for label in
               mine.findChildren(QLabel))  # fmt: skip


def test_a_review_left_open_while_its_team_folder_goes_refuses_to_make_it_again(
    qtbot: Any,
    content_dir: Path,
    teams: tuple[Path, Path],
    note: Path,
    user_library: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefgen.gui.review_view import ReviewView

    children = teams[0]
    corpus, source_id = _imported_into(children, note, content_dir)
    view = ReviewView(corpus, source_id, children)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.suggestionsReady, timeout=20_000):
        view.show()
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _headline, text: shown.append(text))
    children.rename(children.with_name("childrens-services-old"))  # the share drops
    view.form.org.setCurrentIndex(view.form.org.findData("anytown-council"))
    QTest.keyClick(view.list, Qt.Key.Key_A)
    QTest.keyClick(view.list, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: len(shown) == 2 and not view.writing)
    gone = (
        f"cannot add to the team library 'childrens-services' ({children}): the folder is not "
        "there any more (a shared drive may need connecting); reconnect it, or close this "
        "window and curate again to add to your own library (nothing was added)"
    )
    assert shown == [gone, gone]
    assert not children.exists() and view.verdicts[0] is None and not view.history
