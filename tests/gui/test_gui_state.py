"""The app's Qt-free decisions: item rows, including and reordering, checks before export,
the preview's trimmed spec, tidying an old pack, and crash-recovery files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from briefgen.content import Corpus
from briefgen.errors import RenderError
from briefgen.gui.recovery import RecoveryStore
from briefgen.gui.state import (
    check_export,
    count_text,
    default_export_name,
    export_pack,
    item_rows,
    missing_notice,
    move_item,
    move_item_to,
    preview_spec,
    render_preview,
    safe_file_stem,
    set_included,
    theme_counts,
    tidy_spec,
    with_suffix,
)
from briefgen.pack import PackSpec, pack_items


def ids(rows: list) -> list[str]:
    return [row.item.id for row in rows]


def spec_for(*themes: str, audience: str = "senior-officers") -> PackSpec:
    return PackSpec(audience=audience, themes=list(themes))


def test_rows_keep_excluded_items_in_place_unticked(corpus: Corpus) -> None:
    spec = spec_for("workforce")
    before = ids(item_rows(corpus, spec))
    set_included(spec, "wf-risk-stall", False)
    rows = item_rows(corpus, spec)
    assert ids(rows) == before
    assert [row.included for row in rows] == [item_id != "wf-risk-stall" for item_id in before]
    assert "wf-risk-stall" not in [item.id for item in pack_items(corpus, spec)]
    set_included(spec, "wf-risk-stall", True)
    assert spec.excluded == []


def test_moving_an_item_records_the_order_the_pack_then_uses(corpus: Corpus) -> None:
    spec = spec_for("workforce")
    rows = item_rows(corpus, spec)
    first, second, third = ids(rows)
    assert move_item(spec, rows, third, -1)
    assert [item.id for item in pack_items(corpus, spec)] == [first, third, second]
    rows = item_rows(corpus, spec)
    assert not move_item(spec, rows, first, -1), "already first in its theme"


def test_items_never_move_out_of_their_theme(corpus: Corpus) -> None:
    spec = spec_for("workforce", "funding")
    rows = item_rows(corpus, spec)
    themes = [row.theme for row in rows]
    last_of_first_theme = max(n for n, theme in enumerate(themes) if theme == themes[0])
    assert not move_item(spec, rows, rows[last_of_first_theme].item.id, 1)
    # A drop far into the next theme puts the item at the end of its own theme.
    moved = rows[0].item.id
    assert move_item_to(spec, rows, moved, len(rows))
    after = item_rows(corpus, spec)
    assert after[last_of_first_theme].item.id == moved
    assert [row.theme for row in after] == themes


def test_moving_among_filtered_rows_skips_hidden_ones(corpus: Corpus) -> None:
    spec = spec_for("workforce")
    rows = item_rows(corpus, spec)
    first, second, third = ids(rows)
    assert move_item(spec, rows, third, -1, visible=[0, 2])
    assert ids(item_rows(corpus, spec)) == [third, first, second]


def test_order_for_other_themes_is_kept(corpus: Corpus) -> None:
    spec = spec_for("workforce", "funding")
    rows = item_rows(corpus, spec)
    workforce = [row.item.id for row in rows if row.theme == "workforce"]
    move_item(spec, rows, workforce[-1], -1)
    kept = list(spec.order)
    funding = [row.item.id for row in item_rows(corpus, spec) if row.theme == "funding"]
    move_item(spec, item_rows(corpus, spec), funding[-1], -1)
    assert [i for i in spec.order if i in workforce] == [i for i in kept if i in workforce]


def test_theme_counts_follow_the_audience(corpus: Corpus) -> None:
    everyone = theme_counts(corpus, "senior-officers")
    members = theme_counts(corpus, "members")
    assert everyone["workforce"] == 3
    assert members["workforce"] == 2  # key recommendations, positions and risks only
    assert everyone["skills-employment"] == 0


def test_count_text_says_how_many_are_included_and_shown() -> None:
    assert count_text(24, 31) == "24 of 31 items included"
    assert count_text(1, 1) == "1 of 1 item included"
    assert count_text(24, 31, 5) == "24 of 31 items included (5 shown)"


def test_export_checks_say_what_to_do(corpus: Corpus, tmp_path: Path) -> None:
    spec = spec_for("workforce")
    assert check_export(corpus, spec, tmp_path / "pack.pdf", "pdf").ok
    missing = check_export(corpus, spec, tmp_path / "nowhere" / "pack.pdf", "pdf")
    assert not missing.ok and "does not exist. Choose another folder." in missing.message
    assert not check_export(None, spec, tmp_path / "pack.pdf", "pdf").ok
    empty = check_export(corpus, spec_for("skills-employment"), tmp_path / "p.pdf", "pdf")
    assert not empty.ok and "choose more themes" in empty.message
    folder = check_export(corpus, spec, tmp_path, "pdf")
    assert not folder.ok and "is a folder" in folder.message


def test_file_names_come_from_the_title() -> None:
    spec = PackSpec()
    spec.meeting.title = 'Cabinet: "delivery" options / 2026'
    assert default_export_name(spec, "pdf") == "Cabinet delivery options 2026.pdf"
    assert default_export_name(PackSpec(), "docx") == "Member briefing.docx"
    assert safe_file_stem("...") == "Briefing pack"
    assert with_suffix(Path("a/report"), ".briefgen.yaml") == Path("a/report.briefgen.yaml")
    assert with_suffix(Path("a/r.briefgen.yaml"), ".briefgen.yaml") == Path("a/r.briefgen.yaml")


def test_preview_of_a_long_pack_shows_its_first_items(corpus: Corpus) -> None:
    spec = spec_for()
    total = len(pack_items(corpus, spec))
    trimmed, counted = preview_spec(corpus, spec, limit=3)
    assert counted == total
    assert [i.id for i in pack_items(corpus, trimmed)] == [
        i.id for i in pack_items(corpus, spec)[:3]
    ]
    assert spec.excluded == [], "the officer's spec is not changed"
    same, _ = preview_spec(corpus, spec, limit=total)
    assert same is spec


def test_a_preview_of_part_of_a_pack_keeps_only_the_font_warning(
    corpus: Corpus, fake_render: Any
) -> None:
    fake_render.warnings = ("The member briefing runs to 9 pages; its length norm is 6.",)
    spec = spec_for()
    spec.meeting.title = "Funding 😀"
    preview = render_preview(corpus, spec, limit=1)
    assert preview.trimmed
    # The part's length says nothing of the whole's; the title prints the same in both.
    assert len(preview.warnings) == 1 and "U+1F600 (😀) in the title" in preview.warnings[0]
    whole = render_preview(corpus, spec)
    assert not whole.trimmed and whole.warnings == fake_render.warnings


def test_an_old_pack_with_unknown_choices_is_tidied_and_told(corpus: Corpus) -> None:
    spec = PackSpec(layout="poster", audience="everyone", themes=["workforce", "gone"])
    spec.meeting.marking = "SECRET"
    notes = tidy_spec(corpus, spec)
    assert spec.themes == ["workforce"] and spec.layout == "member-briefing"
    assert spec.audience == "members" and spec.meeting.marking == ""
    assert any("gone" in note for note in notes)


def test_missing_items_notice_names_them() -> None:
    text = missing_notice(["lga-rec-9"])
    assert "an item that is no longer in the content: lga-rec-9" in text
    many = missing_notice([f"x-{n}" for n in range(15)])
    assert "15 items" in many and "and 3 more" in many


def test_export_names_a_missing_word_renderer(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_docx(*args: object) -> None:
        raise ModuleNotFoundError("No module named 'briefgen.render.docx'")

    monkeypatch.setattr("briefgen.render.render", no_docx)
    with pytest.raises(RenderError, match="Word export is not available"):
        export_pack(corpus, spec_for("workforce"), tmp_path / "a.docx", "docx")
    assert not (tmp_path / "a.docx").exists()


def test_recovery_files_of_crashed_processes_are_found(tmp_path: Path) -> None:
    dead_pid = 2**22 + 12345  # above Linux's pid_max default, so no process has it
    crashed = RecoveryStore(tmp_path, pid=dead_pid)
    spec = spec_for("funding")
    spec.meeting.title = "Unsaved work"
    crashed.save(spec, tmp_path / "report.briefgen.yaml")
    running = RecoveryStore(tmp_path)
    running.save(PackSpec(), None)  # this process's own file is never offered
    found = running.pending()
    assert len(found) == 1
    assert found[0].spec.meeting.title == "Unsaved work"
    assert found[0].pack_path == tmp_path / "report.briefgen.yaml"
    assert "report.briefgen.yaml, last autosaved" in found[0].describe()
    RecoveryStore.forget(found[0])
    assert running.pending() == []
    running.discard()
    assert not any(p for p in (tmp_path / "recovery").iterdir() if str(os.getpid()) in p.name)


def test_export_results_say_counted_pages_and_estimated_ones_apart(tmp_path: Path) -> None:
    from briefgen.gui.state import ExportResult

    pdf = ExportResult(tmp_path / "a.pdf", "pdf", 1, (), 3)
    word = ExportResult(tmp_path / "a.docx", "docx", None, (), 3, estimated_pages=4)
    assert pdf.pages_text == ", 1 page"
    assert word.pages_text == ", about 4 pages in print"
    assert ExportResult(tmp_path / "a.html", "html", None, (), 3).pages_text == ""
