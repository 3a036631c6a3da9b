"""The dialogs' wording that comes from the core: export file types from the renderer registry,
and what an export dialog's answer means."""

from __future__ import annotations

from pathlib import Path

from briefgen.gui import dialogs
from briefgen.gui.items_panel import count_text


def test_export_file_types_come_from_the_registry() -> None:
    assert dialogs.export_filters() == {
        "pdf": "PDF document, to print (*.pdf)",
        "docx": "Word document, to edit (*.docx)",
    }


def test_the_typed_suffix_decides_the_format() -> None:
    word = dialogs.export_filters()["docx"]
    assert dialogs.export_target(Path("a/brief.pdf"), word) == (Path("a/brief.pdf"), "pdf")
    assert dialogs.export_target(Path("a/brief.DOCX"), "") == (Path("a/brief.DOCX"), "docx")


def test_without_a_suffix_the_chosen_file_type_adds_its_own() -> None:
    word = dialogs.export_filters()["docx"]
    assert dialogs.export_target(Path("a/brief"), word) == (Path("a/brief.docx"), "docx")
    # A suffix the app does not export is part of the name; PDF if no file type was chosen.
    assert dialogs.export_target(Path("a/brief.v2"), "") == (Path("a/brief.v2.pdf"), "pdf")
    assert dialogs.export_target(Path("a/b.html"), word) == (Path("a/b.html.docx"), "docx")


def test_count_text_says_how_many_are_included_and_shown() -> None:
    assert count_text(24, 31) == "24 of 31 items included"
    assert count_text(1, 1) == "1 of 1 item included"
    assert count_text(24, 31, 5) == "24 of 31 items included (5 shown)"
    assert count_text(24, 31, 31) == "24 of 31 items included"
    assert count_text(24, 31, None, 9) == "24 of 31 items included, 9 quoted"
    assert count_text(24, 31, 5, 24) == "24 of 31 items included (5 shown)"
