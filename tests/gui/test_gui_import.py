"""File → Import document…: read in a worker, a form prefilled from the file, the import off the
GUI thread with progress and Cancel, and the new source listed after."""

from __future__ import annotations

import time
from pathlib import Path

import pikepdf
import pytest
from PySide6.QtCore import Qt, QTimer
from tests.gui.slow import slowed
from tests.library import documents, hostile

from briefgen.gui import dialogs, import_dialog
from briefgen.gui.import_dialog import ImportDialog
from briefgen.library.folders import LIBRARY_PATH_VARIABLE, library_folders


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gui-import") / "report.pdf"
    path.write_bytes(documents.report_pdf_bytes())
    return path


def dialog_for(qtbot, path: Path, library: Path) -> ImportDialog:
    dialog = ImportDialog(path, library, library_folders())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_form_is_prefilled_from_the_file_and_the_import_writes_the_library(
    qtbot, report_pdf, user_library
):
    dialog = dialog_for(qtbot, report_pdf, user_library)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=30_000)
    assert dialog.fields["title"].text() == "Anytown Annual Report"
    assert dialog.fields["short_title"].text() == "Anytown Annual Report"
    assert "5 pages" in dialog.status.text()
    assert "Taken from the file: the title from the file's properties" in dialog.status.text()
    assert dialog.fields["title"].cursorPosition() == 0  # shown from its start
    assert dialog.progress.value() == dialog.progress.maximum() == 1
    # The PDF names no publisher: the import says so, and the form stays for a correction.
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=30_000)
    assert "does not say its publisher" in dialog.error.text()
    assert dialog.form.isEnabled() and not user_library.exists()
    dialog.fields["publisher"].setText("Anytown Council")
    dialog.fields["date"].setText("2025-09")
    with qtbot.waitSignal(dialog.imported, timeout=30_000) as signal:
        dialog.import_button.click()
    result = signal.args[0]
    assert result.source_id == "anytown-annual-report-2025"
    assert result.entry["date"] == "September 2025"
    assert (user_library / "originals/anytown-annual-report-2025.pdf").is_file()
    assert dialog.import_result is result and not dialog.isVisible()


def test_a_file_that_cannot_be_read_says_why_and_offers_only_close(qtbot, tmp_path, user_library):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    dialog = dialog_for(qtbot, empty, user_library)
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=30_000)
    assert (
        dialog.error.text()
        == f"{empty}: is empty (0 bytes); check it was saved or downloaded whole"
    )
    assert dialog.cancel_button.text() == "Close" and not dialog.import_button.isEnabled()


def test_a_pdf_bomb_with_markup_in_its_name_is_refused_in_plain_words(
    qtbot, tmp_path, user_library, monkeypatch
):
    # A name (or a notice quoting a link target) holding markup is shown as it is, not drawn.
    monkeypatch.setattr("briefgen.library.extract.pdf_streams.MAX_PDF_STREAM_BYTES", 100_000)

    def bomb(pdf: pikepdf.Pdf) -> None:
        pdf.pages[0].Contents = hostile.flate_stream(pdf, b"BT ET" + b" " * 200_000)

    path = hostile.pdf_of(tmp_path / "<b>Agenda.pdf", ["x"], bomb)
    dialog = dialog_for(qtbot, path, user_library)
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=30_000)
    assert dialog.error.text().startswith(f"{path}: is refused: one of its streams inflates")
    assert dialog.status.text() == "<b>Agenda.pdf cannot be imported."
    for label in (dialog.status, dialog.notes, dialog.error):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert not user_library.exists()


def test_cancel_while_reading_a_long_file_stops_the_worker(qtbot, tmp_path, user_library):
    short = tmp_path / "short.pdf"
    short.write_bytes(documents.pdf_bytes("<h1>Annex</h1><p>Each page repeats this line.</p>"))
    long = tmp_path / "long.pdf"
    with pikepdf.open(short) as source, pikepdf.new() as pdf:
        for _ in range(400):
            pdf.pages.extend(source.pages)
        pdf.save(long)
    dialog = dialog_for(qtbot, long, user_library)
    qtbot.waitUntil(lambda: dialog.progress.maximum() == 400, timeout=30_000)
    dialog.cancel_button.click()
    assert dialog.cancel_event.is_set() and not dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.tasks.busy, timeout=30_000)
    assert dialog.document is None and not user_library.exists()


def test_cancel_during_the_import_leaves_nothing(qtbot, report_pdf, user_library, monkeypatch):
    real = import_dialog.import_document
    dialog = dialog_for(qtbot, report_pdf, user_library)

    def cancelled_part_way(*args, **kwargs):
        dialog.cancel_event.set()  # as if Cancel were pressed while the files were written
        return real(*args, **kwargs)

    monkeypatch.setattr(import_dialog, "import_document", cancelled_part_way)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=30_000)
    dialog.fields["publisher"].setText("P")
    dialog.fields["date"].setText("2025")
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.tasks.busy, timeout=30_000)
    assert dialog.import_result is None and not user_library.exists()


def test_file_menu_import_then_the_window_lists_the_new_source(
    qtbot, make_window, content_dir, report_pdf, user_library, monkeypatch
):
    window = make_window(content_dir=content_dir)
    monkeypatch.setattr(import_dialog, "ask_document", lambda parent: report_pdf)
    asked: list[str] = []
    monkeypatch.setattr(
        dialogs, "ask_review_import", lambda parent, title: asked.append(title) or False
    )
    menu = window.menuBar().actions()[0].menu()
    assert window.commands.import_document in menu.actions()
    window.commands.import_document.trigger()
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is not None)  # libraries found
    dialog = window.findChild(ImportDialog)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=30_000)
    dialog.fields["publisher"].setText("Anytown Council")
    dialog.fields["date"].setText("2025")
    with qtbot.waitSignal(window.corpusLoaded, timeout=20_000):
        dialog.import_button.click()
    assert "anytown-annual-report-2025" in window.corpus.sources
    assert window.statusBar().currentMessage() == (
        "Imported Anytown Annual Report into your library."
    )
    # The rest is in the notice, which wraps (the status bar cut it off at the screen's edge).
    assert window.notice.isVisible() and window.notice.message() == (
        "Anytown Annual Report is in your library as 'anytown-annual-report-2025'. Its "
        "publisher, new to briefgen, is now the organisation 'anytown-council' there (its "
        "short name, in organisations.yaml, is what citations print)."
    )
    assert window.notice.height() < window.height() // 3
    assert "anytown-council" in window.corpus.organisations
    assert asked == ["Anytown Annual Report"]  # answered No: no review opened
    assert window.curation.review is None


def test_after_an_import_yes_opens_the_review_of_the_new_document(
    qtbot, make_window, content_dir, report_pdf, user_library, monkeypatch
):
    window = make_window(content_dir=content_dir)
    monkeypatch.setattr(import_dialog, "ask_document", lambda parent: report_pdf)
    monkeypatch.setattr(dialogs, "ask_review_import", lambda parent, title: True)
    window.commands.import_document.trigger()
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is not None)  # libraries found
    dialog = window.findChild(ImportDialog)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=30_000)
    dialog.fields["publisher"].setText("Anytown Council")
    dialog.fields["date"].setText("2025")
    with qtbot.waitSignal(window.corpusLoaded, timeout=20_000):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: window.curation.review is not None)  # once its library is found
    review = window.curation.review
    assert review is not None and review.isVisible()
    assert review.source_id == "anytown-annual-report-2025"
    assert review.windowTitle() == "Review suggested items — Anytown Annual Report"
    review.close()


def test_a_quote_reshaped_onto_another_page_is_cited_there(qtbot, report_pdf, user_library):
    """The review view's locator follows the quote when the officer drags or keys it onto
    another page of an imported document, unless they wrote the locator themselves."""
    from briefgen import cli
    from briefgen.content import load_corpus
    from briefgen.content.sourcemap import source_map
    from briefgen.gui.review_view import ReviewView

    assert cli.main(["import", str(report_pdf), "--publisher", "P", "--date", "2025"]) == 0
    corpus = load_corpus(library_folders())
    source_id = next(s for s in corpus.sources if s.startswith("anytown"))
    view = ReviewView(corpus, source_id, user_library)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.suggestionsReady, timeout=30_000):
        view.show()
    locate = source_map(corpus.sources[source_id]).locator
    first = min(view.suggestions, key=lambda s: s.start)
    view.list.setCurrentRow(view.suggestions.index(first))
    assert view.form.locator.text() == first.locator
    text = view.source.text
    end = next(  # a sentence's end on a later page than the suggestion's
        i + 1
        for i in range(first.end, len(text))
        if text[i] == "." and locate(first.start, i + 1) != first.locator
    )
    view.text.set_span(first.start, end)
    assert view.form.locator.text() == locate(first.start, end) != first.locator
    view.form.locator.setText("my own words")  # the officer's locator is left alone
    view.text.set_span(first.start, first.end)
    assert view.form.locator.text() == "my own words"


def test_the_libraries_are_found_off_the_gui_thread_then_the_import_opens(
    qtbot, make_window, content_dir, report_pdf, user_library, monkeypatch
):
    from briefgen.library import folders

    slowed(monkeypatch, folders, "library_folders", 0.5)  # a team folder on a slow share
    window = make_window(content_dir=content_dir)
    ticks: list[bool] = []
    QTimer.singleShot(50, lambda: ticks.append(window.findChild(ImportDialog) is None))
    started = time.monotonic()
    import_dialog.import_into_library(window, report_pdf)
    assert time.monotonic() - started < 0.25  # did not wait for the folders
    assert window.statusBar().currentMessage() == "Finding the libraries…"
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is not None, timeout=10_000)
    assert ticks == [True]  # the window ran while the folders were looked at
    dialog = window.findChild(ImportDialog)
    assert dialog.isVisible() and dialog.target.kind == "user"
    dialog.reject()


def test_a_team_folder_gone_is_said_and_nothing_opens(
    qtbot, make_window, content_dir, report_pdf, tmp_path, monkeypatch
):
    gone = tmp_path / "gone"
    monkeypatch.setenv(LIBRARY_PATH_VARIABLE, str(gone))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, head, text: shown.append((head, text))
    )
    window = make_window(content_dir=content_dir)
    import_dialog.import_into_library(window, report_pdf)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == [
        (
            "The libraries cannot be read.",
            f"the library folder {gone} does not exist or is not a folder; check the name (a "
            "shared drive may need connecting) or remove it from $BRIEFGEN_LIBRARY or --library",
        )
    ]
    assert window.findChild(ImportDialog) is None
