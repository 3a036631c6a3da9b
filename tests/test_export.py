"""Export and preview as the app and the command line call them: checks before an export, the
file written (read back), what the result reports, and the preview of part of a long pack."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.small_content import FakeRenderer

from briefgen.content import Corpus
from briefgen.errors import BriefgenError, RenderError
from briefgen.export import (
    ExportResult,
    check_export,
    export_pack,
    preview_spec,
    render_preview,
)
from briefgen.pack import PackSpec, pack_items
from briefgen.render import FORMATS, RenderOptions, document_formats, format_for_path


@pytest.fixture
def fake_render(monkeypatch: pytest.MonkeyPatch) -> FakeRenderer:
    fake = FakeRenderer()
    monkeypatch.setattr("briefgen.render.render", fake)
    return fake


def spec_for(*themes: str, audience: str = "senior-officers") -> PackSpec:
    return PackSpec(audience=audience, themes=list(themes))


def test_export_checks_say_what_to_do(app_corpus: Corpus, tmp_path: Path) -> None:
    spec = spec_for("workforce")
    assert check_export(app_corpus, spec, tmp_path / "pack.pdf", "pdf").ok
    missing = check_export(app_corpus, spec, tmp_path / "nowhere" / "pack.pdf", "pdf")
    assert not missing.ok and "does not exist. Choose another folder." in missing.message
    loading = check_export(None, spec, tmp_path / "pack.pdf", "pdf")
    assert not loading.ok and "still loading" in loading.message
    empty = check_export(app_corpus, spec_for("skills-employment"), tmp_path / "p.pdf", "pdf")
    assert not empty.ok and "choose more themes" in empty.message
    folder = check_export(app_corpus, spec, tmp_path, "pdf")
    assert not folder.ok and "is a folder" in folder.message


def test_an_unknown_format_is_refused_naming_the_ones_offered(
    app_corpus: Corpus, tmp_path: Path
) -> None:
    check = check_export(app_corpus, spec_for("workforce"), tmp_path / "pack.odt", "odt")
    assert check.message == "briefgen cannot write '.odt' files. Choose PDF or Word."


def test_formats_are_named_by_the_registry() -> None:
    assert document_formats() == ["pdf", "docx"], "HTML is for checking, not a document"
    assert [FORMATS[name].name for name in FORMATS] == ["PDF", "Word", "HTML"]
    assert format_for_path(Path("Pack.DOCX")) == "docx"
    assert format_for_path(Path("pack.briefgen.yaml")) is None


@pytest.mark.parametrize(
    ("page_count", "estimated", "text"),
    [
        (1, None, ", 1 page"),
        (3, 9, ", 3 pages"),
        (None, 4, ", about 4 pages in print"),
        (None, None, ""),
    ],
)
def test_export_results_say_counted_pages_and_estimated_ones_apart(
    tmp_path: Path, page_count: int | None, estimated: int | None, text: str
) -> None:
    result = ExportResult(tmp_path / "a.pdf", "pdf", page_count, (), 3, estimated)
    assert result.pages_text == text


def test_export_writes_the_pack_and_reports_what_it_is(app_corpus: Corpus, tmp_path: Path) -> None:
    import docx

    spec = spec_for("workforce", audience="members")
    spec.meeting.title = "Workforce briefing"
    target = tmp_path / "workforce.docx"
    result = export_pack(app_corpus, spec, target, "docx")
    text = "\n".join(paragraph.text for paragraph in docx.Document(str(target)).paragraphs)
    assert "Workforce briefing" in text
    assert "Councils should agree a regional memorandum of understanding" in text
    assert (result.path, result.format_name, result.item_count) == (target, "docx", 2)
    assert (result.document_name, result.audience_label) == ("Member briefing", "Councillors")
    assert result.page_count is None and result.estimated_pages
    assert result.pages_text.endswith("in print")


def test_export_passes_the_render_options_on(
    app_corpus: Corpus, tmp_path: Path, fake_render: FakeRenderer
) -> None:
    options = RenderOptions(template=tmp_path / "council.dotx")
    export_pack(app_corpus, spec_for("funding"), tmp_path / "a.docx", "docx", options)
    assert fake_render.options == [options]
    assert (tmp_path / "a.docx").read_bytes() == b"PK fake docx"


def test_a_failed_export_leaves_the_earlier_file(
    app_corpus: Corpus, tmp_path: Path, fake_render: FakeRenderer
) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"the earlier export")
    fake_render.error = RenderError("the PDF could not be laid out")
    with pytest.raises(BriefgenError, match="could not be laid out"):
        export_pack(app_corpus, spec_for("funding"), target, "pdf")
    assert target.read_bytes() == b"the earlier export"


def test_export_names_a_missing_word_renderer(
    app_corpus: Corpus, tmp_path: Path, fake_render: FakeRenderer
) -> None:
    fake_render.error = ModuleNotFoundError("No module named 'briefgen.render.docx'")
    with pytest.raises(RenderError, match=r"^Word export is not available"):
        export_pack(app_corpus, spec_for("workforce"), tmp_path / "a.docx", "docx")
    assert not (tmp_path / "a.docx").exists()


def test_preview_of_a_long_pack_shows_its_first_items(app_corpus: Corpus) -> None:
    spec = spec_for()
    total = len(pack_items(app_corpus, spec))
    trimmed, counted = preview_spec(app_corpus, spec, limit=3)
    assert counted == total
    assert [i.id for i in pack_items(app_corpus, trimmed)] == [
        i.id for i in pack_items(app_corpus, spec)[:3]
    ]
    assert spec.excluded == [], "the officer's spec is not changed"
    same, _ = preview_spec(app_corpus, spec, limit=total)
    assert same is spec


def test_a_preview_of_part_of_a_pack_keeps_only_the_font_warning(
    app_corpus: Corpus, fake_render: FakeRenderer
) -> None:
    fake_render.warnings = ("The member briefing runs to 9 pages; its length norm is 6.",)
    spec = spec_for()
    spec.meeting.title = "Funding 😀"
    preview = render_preview(app_corpus, spec, limit=1)
    assert preview.trimmed and preview.format_name == "pdf"
    # The part's length says nothing of the whole's; the title prints the same in both.
    assert len(preview.warnings) == 1 and "U+1F600 (😀) in the title" in preview.warnings[0]
    whole = render_preview(app_corpus, spec)
    assert not whole.trimmed and whole.warnings == fake_render.warnings


def test_the_preview_falls_back_to_html_without_the_pdf_renderer(
    app_corpus: Corpus, fake_render: FakeRenderer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pdf(pack: object, corpus: object, format_name: str, options: object = None) -> object:
        if format_name == "pdf":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return fake_render(pack, corpus, format_name, options)

    monkeypatch.setattr("briefgen.render.render", no_pdf)
    preview = render_preview(app_corpus, spec_for("funding"))
    assert preview.format_name == "html" and preview.data.startswith(b"<h1>")
    assert "libpango" in preview.fallback_reason
    assert render_preview(app_corpus, spec_for("funding"), want_pdf=False).fallback_reason == ""
