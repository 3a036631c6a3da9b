"""The Word file: named styles, a contents field that already lists the headings, every quote
verbatim, marked headers and footers, UK English, large print, and a council's own template."""

from __future__ import annotations

import importlib.util
import io
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as WordParagraph
from lxml import etree
from tests.conftest import make_spec

from briefgen.content import Corpus
from briefgen.errors import RenderError
from briefgen.pack import LAYOUTS, build_pack
from briefgen.pack.model import Pack, Placeholder, Quote
from briefgen.pack.wording import assets_dir
from briefgen.render import RenderOptions, render
from briefgen.render.docx import OWN_STYLES, REQUIRED_STYLES
from briefgen.render.html import render_html_string
from briefgen.render.references import keep_labels_with_numbers
from briefgen.selection import AUDIENCES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


@pytest.fixture(scope="module")
def small(small_corpus: Corpus) -> Corpus:
    return small_corpus


Built = tuple[Pack, WordDocument, bytes]


@pytest.fixture(scope="module")
def built(small: Corpus) -> Callable[..., Built]:
    """Build (and remember) the Word file for a layout, audience and print size."""
    cache: dict[tuple[str, str, bool], Built] = {}

    def build(layout: str, audience: str = "members", large_print: bool = False) -> Built:
        key = (layout, audience, large_print)
        if key not in cache:
            pack = build_pack(small, make_spec(layout, audience, large_print=large_print))
            result = render(pack, small, "docx", RenderOptions())
            assert result.page_count is None
            cache[key] = (pack, Document(io.BytesIO(result.data)), result.data)
        return cache[key]

    return build


def quotes(pack: Pack) -> list[Quote]:
    return [block for s in pack.sections for block in s.blocks if isinstance(block, Quote)]


def styled(document: WordDocument, style: str) -> list[WordParagraph]:
    return [p for p in document.paragraphs if p.style is not None and p.style.name == style]


def part_xml(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def instructions(element: etree._Element) -> list[str]:
    return [node.text.strip() for node in element.iter(f"{W}instrText")]


def resolved(style: object, attribute: str) -> object:
    """A font attribute as `style` gives it, following its `basedOn` chain."""
    while style is not None:
        value = getattr(style.font, attribute)  # type: ignore[attr-defined]
        if value is not None:
            return value
        style = style.base_style  # type: ignore[attr-defined]
    return None


# --- Structure and styles --------------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("audience", list(AUDIENCES))
def test_every_layout_and_audience_builds_with_every_quote_verbatim(
    built: Callable[..., Built], layout: str, audience: str
) -> None:
    pack, document, data = built(layout, audience)
    assert data.startswith(b"PK")
    quote_texts = [p.text for p in styled(document, "Quote")]
    assert quotes(pack)
    for quote in quotes(pack):
        # One Quote paragraph per paragraph of the source (split only at blank lines).
        for part in re.split(r"\n\s*\n", quote.text):
            assert part.strip() in quote_texts, quote.item_id
    headings = [p for p in document.paragraphs if p.style.name.startswith("Heading ")]
    assert len(headings) == len(pack.sections)


def test_sections_quotes_and_citations_come_in_the_pdf_order(
    built: Callable[..., Built], small: Corpus
) -> None:
    pack, document, _ = built("evidence-pack", "senior-officers")
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading ")]
    assert headings == [s.title for s in pack.sections]
    prefix = pack.wording["citation_prefix"] + " "
    citations = [p.text.removeprefix(prefix) for p in styled(document, "Citation")]
    assert citations == [keep_labels_with_numbers(q.citation) for q in quotes(pack)]
    # The PDF is printed from this HTML: the same items in the same order.
    html = render_html_string(pack, small)
    assert re.findall(r'data-item="([^"]+)"', html) == [q.item_id for q in quotes(pack)]


def test_paragraphs_use_named_word_styles(built: Callable[..., Built]) -> None:
    _, briefing, _ = built("member-briefing", "scrutiny")
    names = {p.style.name for p in briefing.paragraphs}
    assert {"Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "Quote"} <= names
    assert {"Citation", "Briefing Headline", "TOC Heading", "toc 1", "toc 2"} <= names
    _, report, _ = built("committee-report", "members")
    names = {p.style.name for p in report.paragraphs}
    assert {"List Number", "Placeholder", "Numbered Paragraph", "Heading 1"} <= names
    assert [p.text for p in styled(report, "Title")] == ["Children's services: delivery options"]


def test_briefgen_headline_is_explained_once_and_never_in_the_quote_style(
    built: Callable[..., Built],
) -> None:
    pack, document, _ = built("member-briefing", "members")
    headlines = [q for q in quotes(pack) if q.headline]
    assert headlines
    quote_texts = {p.text for p in styled(document, "Quote")}
    labelled = [p.text for p in styled(document, "Briefing Headline")]
    for quote in headlines:
        assert quote.headline not in quote_texts
        assert f"{quote.kind_label}\n{quote.headline}" in labelled
    # How a summary and a quotation differ is said once, before the first quotation; no item
    # carries a label of its own.
    key = pack.wording["reading_key"]
    texts = [p.text for p in document.paragraphs]
    assert texts.count(key) == 1
    assert texts.index(key) < texts.index(f"{headlines[0].kind_label}\n{headlines[0].headline}")
    assert not any("not a quotation" in text for text in texts)


def test_member_briefing_explains_acronyms_after_the_block(built: Callable[..., Built]) -> None:
    pack, document, _ = built("member-briefing", "members")
    label = pack.wording["acronyms"]
    notes = [p.text for p in document.paragraphs if p.text.startswith(label)]
    expected = [a for s in pack.sections for b in s.blocks for a in getattr(b, "acronyms", ())]
    assert expected
    joined = "\n".join(notes)
    for acronym in expected:
        assert f"{acronym.term} – {acronym.expansion}" in joined


# --- Contents field and settings -------------------------------------------------------------


def contents_paragraphs(document: WordDocument) -> list[WordParagraph]:
    """The paragraphs from the TOC field's begin to its end."""
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if "TOC" in " ".join(instructions(p._p)))
    for end in range(start, len(paragraphs)):
        chars = [c.get(qn("w:fldCharType")) for c in paragraphs[end]._p.iter(qn("w:fldChar"))]
        if chars.count("end") > chars.count("begin") - (end == start):
            return paragraphs[start : end + 1]
    raise AssertionError("the contents field has no end")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_contents_field_already_lists_the_headings(
    built: Callable[..., Built], layout: str
) -> None:
    pack, document, _ = built(layout, "scrutiny")
    entries = contents_paragraphs(document)
    # The levels the PDF's contents list: the same entries once Word refreshes the field.
    levels = {"member-briefing": 2, "committee-report": 1, "evidence-pack": 1}[layout]
    assert instructions(entries[0]._p)[0] == f'TOC \\o "1-{levels}" \\h \\z \\u'
    expected = [
        (f"toc {s.level}", f"{s.number}\t{s.title}" if s.number else s.title)
        for s in pack.sections
        if s.in_contents
    ]
    assert [(p.style.name, p.text) for p in entries] == expected
    heading = entries[0]._p.getprevious()
    assert WordParagraph(heading, None).text == pack.wording["contents"]


def test_committee_report_headings_are_its_numbered_sections(built: Callable[..., Built]) -> None:
    # The numbers themselves are Word's list numbers (tests/test_render_docx_numbering.py).
    pack, document, _ = built("committee-report", "scrutiny")
    headings = styled(document, "Heading 1")
    top = [s for s in pack.sections if s.level == 1]
    # Appendices are lettered in their titles ("Appendix A: glossary"), not numbered; the
    # numbers of the others are Word's, not typed.
    assert [h.text for h in headings] == [s.title for s in top]
    assert all(s.number for s in top if not s.appendix)


def test_update_fields_is_set_before_compat(built: Callable[..., Built]) -> None:
    _, _, data = built("member-briefing")
    settings = part_xml(data, "word/settings.xml")
    tags = [child.tag for child in settings]
    update = settings.find(f"{W}updateFields")
    assert update is not None and update.get(f"{W}val") == "true"
    assert tags.index(f"{W}updateFields") < tags.index(f"{W}compat")


def test_language_is_uk_english_in_styles_settings_and_properties(
    built: Callable[..., Built],
) -> None:
    _, document, data = built("member-briefing")
    styles = part_xml(data, "word/styles.xml")
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang is not None and lang.get(f"{W}val") == "en-GB"
    settings = part_xml(data, "word/settings.xml")
    assert settings.find(f"{W}themeFontLang").get(f"{W}val") == "en-GB"
    assert document.core_properties.language == "en-GB"


def test_core_properties_describe_the_pack(small: Corpus) -> None:
    spec = make_spec("committee-report", "scrutiny")
    spec.themes = ["delivery-models", "markets-commissioning"]
    spec.meeting.author.name = "Jo Bloggs"
    pack = build_pack(small, spec)
    properties = Document(io.BytesIO(render(pack, small, "docx").data)).core_properties
    assert properties.title == pack.title
    assert properties.subject == pack.subject
    assert properties.author == "Jo Bloggs"
    assert properties.keywords == ", ".join(pack.keywords)


def test_long_core_properties_are_cut_at_a_word(built: Callable[..., Built]) -> None:
    pack, document, _ = built("committee-report", "scrutiny")  # every theme: a long subject
    subject = document.core_properties.subject
    assert len(pack.subject) > 255 >= len(subject)
    assert subject.endswith("…") and pack.subject.startswith(subject[:-1])
    assert pack.subject[len(subject) - 1] in " ,"


def test_page_is_a4(built: Callable[..., Built]) -> None:
    _, document, _ = built("member-briefing")
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1)
    assert abs(section.page_height - Mm(297)) < Mm(1)


# --- Header, footer, cover -------------------------------------------------------------------


def test_header_and_footer_carry_marking_title_meeting_and_page_x_of_y(
    built: Callable[..., Built],
) -> None:
    pack, document, _ = built("committee-report", "scrutiny")
    section = document.sections[0]
    assert section.different_first_page_header_footer
    header = [p.text for p in section.header.paragraphs]
    assert header[0] == "OFFICIAL-SENSITIVE"
    assert section.header.paragraphs[0].alignment == 1  # centred
    assert pack.title in header[1] and "Children's Services Scrutiny Committee" in header[1]
    cover_header = [p.text for p in section.first_page_header.paragraphs]
    assert cover_header == ["OFFICIAL-SENSITIVE"]
    for footer in (section.footer, section.first_page_footer):
        text = "\n".join(p.text for p in footer.paragraphs)
        assert "OFFICIAL-SENSITIVE" in text and pack.date_text in text
        assert re.search(r"Page \d+ of \d+", text)
        fields = instructions(footer._element)
        assert fields == ["PAGE", "NUMPAGES"]


def test_page_label_and_contents_heading_come_from_the_wording(
    built: Callable[..., Built], small: Corpus
) -> None:
    pack, _, _ = built("member-briefing")
    wording = {**pack.wording, "page_of": "p. {page} / {pages}", "contents": "In this pack"}
    result = render(pack._replace(wording=wording), small, "docx")
    document = Document(io.BytesIO(result.data))
    footer = document.sections[0].footer.paragraphs[0]
    assert footer.text.endswith("p. 1 / 1")
    assert styled(document, "TOC Heading")[0].text == "In this pack"


def test_no_marking_leaves_the_header_with_title_only(small: Corpus) -> None:
    pack = build_pack(small, make_spec("member-briefing", marking=""))
    document = Document(io.BytesIO(render(pack, small, "docx").data))
    section = document.sections[0]
    assert section.header.paragraphs[0].text.startswith(pack.title)
    assert "OFFICIAL" not in "".join(p.text for p in section.footer.paragraphs)
    assert [p.text for p in section.first_page_header.paragraphs] == [""]


def test_cover_has_logo_with_alt_text_title_and_facts(built: Callable[..., Built]) -> None:
    pack, document, data = built("committee-report", "scrutiny")
    body = part_xml(data, "word/document.xml")
    doc_pr = next(
        body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
    )
    assert doc_pr.get("descr") == pack.wording["logo_alt"]
    facts = [p.text for p in document.paragraphs if p.style.name.startswith("Cover Fact")]
    assert f"{pack.wording['marking']}\tOFFICIAL-SENSITIVE" in facts
    assert f"{pack.wording['purpose']}\tThis report is for discussion." in facts
    # A committee report's cover sheet carries its contents (the body keeps to five sides);
    # the other layouts give the contents a page of their own.
    assert not styled(document, "TOC Heading")[0].paragraph_format.page_break_before
    _, briefing, _ = built("member-briefing", "scrutiny")
    assert styled(briefing, "TOC Heading")[0].paragraph_format.page_break_before


def test_missing_png_logo_is_a_warning_not_a_failure(
    small: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assets = tmp_path / "assets"
    shutil.copytree(assets_dir(), assets)
    (assets / "logo.png").unlink()
    monkeypatch.setenv("BRIEFGEN_ASSETS", str(assets))
    pack = build_pack(small, make_spec("member-briefing"))
    result = render(pack, small, "docx")
    assert len(result.warnings) == 1 and "add logo.png" in result.warnings[0]
    assert not Document(io.BytesIO(result.data)).inline_shapes


# --- Blocks ------------------------------------------------------------------------------------


def test_data_tables_have_a_header_row_that_repeats(built: Callable[..., Built]) -> None:
    for layout in ("member-briefing", "evidence-pack"):  # the report has no tables
        _, document, _ = built(layout, "members")
        assert document.tables, layout
        for table in document.tables:
            assert table.style.name == "Briefing Table"
            rows = table.rows
            assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
            assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in rows[1:])
            assert {c.paragraphs[0].style.name for c in rows[0].cells} == {"Table Heading"}


def test_placeholders_are_boxed_shaded_and_labelled(built: Callable[..., Built]) -> None:
    pack, document, _ = built("committee-report", "members")
    expected = [b for s in pack.sections for b in s.blocks if isinstance(b, Placeholder)]
    found = styled(document, "Placeholder")
    label = pack.wording["placeholder"]
    assert [p.text for p in found] == [f"{label} {b.text}" for b in expected]
    style = document.styles["Placeholder"].element
    borders = style.find(f"{qn('w:pPr')}/{qn('w:pBdr')}")
    assert {child.tag for child in borders} >= {qn("w:top"), qn("w:left"), qn("w:bottom")}
    assert style.find(f"{qn('w:pPr')}/{qn('w:shd')}").get(qn("w:fill"))


def test_committee_report_numbers_paragraphs_like_the_pdf(built: Callable[..., Built]) -> None:
    from tests.test_render_docx_numbering import outline_list_id, pack_numbers, word_numbers

    pack, document, _ = built("committee-report", "scrutiny")
    assert styled(document, "Numbered Paragraph")
    assert word_numbers(document, outline_list_id(document)) == pack_numbers(pack)


def test_each_numbered_list_starts_again_and_recommendations_are_lettered(
    built: Callable[..., Built],
) -> None:
    _, document, data = built("committee-report", "scrutiny")
    lists: dict[str, list[str]] = {}
    for paragraph in styled(document, "List Number"):
        num_id = paragraph._p.pPr.numPr.numId.val
        lists.setdefault(str(num_id), []).append(paragraph.text)
    assert len(lists) == 2  # the recommendations and the references
    numbering = part_xml(data, "word/numbering.xml")
    formats = {}
    for num_id in lists:
        num = numbering.find(f"{W}num[@{W}numId='{num_id}']")
        assert num.find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val") == "1"
        abstract_id = num.find(f"{W}abstractNumId").get(f"{W}val")
        abstract = numbering.find(f"{W}abstractNum[@{W}abstractNumId='{abstract_id}']")
        formats[lists[num_id][0]] = abstract.find(f"{W}lvl/{W}numFmt").get(f"{W}val")
    assert formats["note the report."] == "lowerLetter"
    assert sorted(formats.values()) == ["decimal", "lowerLetter"]


def test_text_with_control_characters_still_builds(small: Corpus) -> None:
    pack = build_pack(small, make_spec("member-briefing", title="Budget\x0b 2027\x00 report"))
    document = Document(io.BytesIO(render(pack, small, "docx").data))
    assert styled(document, "Title")[0].text == "Budget 2027 report"


def test_a_paragraph_of_over_ten_million_characters_still_builds(small: Corpus) -> None:
    # libxml2 refuses a text node that long unless told otherwise; a pasted document can be.
    spec = make_spec("member-briefing")
    spec.officer.notes = "word " * 2_100_000
    data = render(build_pack(small, spec), small, "docx").data
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert spec.officer.notes.strip().encode() in package.read("word/document.xml")


# --- Large print -------------------------------------------------------------------------------


def test_large_print_is_18pt_sans_left_aligned_without_italics(
    built: Callable[..., Built],
) -> None:
    _, document, data = built("member-briefing", "members", True)
    styles = document.styles
    assert resolved(styles["Normal"], "size") == Pt(18)
    for name in ("Quote", "Citation", "Briefing Note", "Table Text", "List Bullet"):
        assert resolved(styles[name], "size") >= Pt(18), name
    assert resolved(styles["Heading 1"], "size") > resolved(styles["Heading 2"], "size") > Pt(18)
    assert resolved(styles["Footer"], "size") >= Pt(16)
    xml = etree.tostring(part_xml(data, "word/styles.xml")) + etree.tostring(
        part_xml(data, "word/document.xml")
    )
    assert b"<w:i/>" not in xml and b"<w:i " not in xml and b"<w:iCs" not in xml
    for paragraph in document.paragraphs:
        assert paragraph.alignment in (None, 0), paragraph.text  # left
        style = paragraph.style
        while style is not None and style.paragraph_format.alignment is None:
            style = style.base_style
        assert style is None or style.paragraph_format.alignment == 0, paragraph.text
    fonts = part_xml(data, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}ascii") == "Arial"


def test_normal_print_body_is_11pt_and_nothing_is_under_9pt(built: Callable[..., Built]) -> None:
    _, document, data = built("member-briefing", "members")
    size = part_xml(data, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz")
    assert resolved(document.styles["Normal"], "size") is None  # from the document defaults
    assert size.get(f"{W}val") == "22"  # half-points
    # Labels, notes, citations, page furniture: a printed briefing has no text under 9 pt.
    sizes = [int(sz.get(f"{W}val")) for sz in part_xml(data, "word/styles.xml").iter(f"{W}sz")]
    assert min(sizes) >= 18


def test_a_long_title_is_shortened_to_one_header_line(small: Corpus) -> None:
    title = "Children's services: inspection, improvement and the workforce " * 3
    for large_print in (False, True):
        spec = make_spec("member-briefing", title=title.strip(), large_print=large_print)
        document = Document(io.BytesIO(render(build_pack(small, spec), small, "docx").data))
        line = document.sections[0].header.paragraphs[-1].text
        shown = line.split("\t")[0]
        assert shown.endswith("…") and title.startswith(shown[:-1])
        assert len(shown) < (60 if large_print else 70)


# --- A council's own template -------------------------------------------------------------------


def make_template(path: Path, *, remove: tuple[str, ...] = (), dotx: bool = False) -> Path:
    """A council template made from the reference: Georgia headings, US Letter, some body
    text, and without the styles in `remove`."""
    document = Document(str(assets_dir() / "reference.docx"))
    document.styles["Heading 1"].font.name = "Georgia"
    document.add_paragraph("Council template placeholder text")
    document.sections[0].page_width = Mm(216)
    for name in remove:
        document.styles[name].element.getparent().remove(document.styles[name].element)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    if dotx:
        data = relabel(data, DOCUMENT_MAIN, TEMPLATE_MAIN)
    path.write_bytes(data)
    return path


def relabel(data: bytes, old: str, new: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(old.encode(), new.encode())
            target.writestr(info, content)
    return out.getvalue()


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_council_template_replaces_the_reference(
    small: Corpus, tmp_path: Path, suffix: str
) -> None:
    template = make_template(tmp_path / f"council{suffix}", dotx=suffix == ".dotx")
    pack = build_pack(small, make_spec("committee-report", "scrutiny"))
    result = render(pack, small, "docx", RenderOptions(template=template))
    with zipfile.ZipFile(io.BytesIO(result.data)) as package:
        assert DOCUMENT_MAIN in package.read("[Content_Types].xml").decode()
    document = Document(io.BytesIO(result.data))
    assert document.styles["Heading 1"].font.name == "Georgia"
    assert abs(document.sections[0].page_width - Mm(216)) < Mm(1)
    texts = [p.text for p in document.paragraphs]
    assert "Council template placeholder text" not in texts
    for quote in quotes(pack):
        assert quote.text in texts
    assert template.read_bytes()[:2] == b"PK"  # the template itself is untouched


def test_template_without_briefgen_styles_gets_them_from_the_reference(
    small: Corpus, tmp_path: Path
) -> None:
    own = ("Citation", "Placeholder", "Briefing Headline", "Table Heading", "Label", "toc 1")
    template = make_template(tmp_path / "plain.docx", remove=own)
    assert not any(name in Document(str(template)).styles for name in own)
    pack = build_pack(small, make_spec("committee-report", "members"))
    document = Document(io.BytesIO(render(pack, small, "docx", RenderOptions(template)).data))
    for name in own:
        assert name in document.styles, name
    assert document.styles["Citation"].base_style.name == "Normal"
    assert styled(document, "Citation") and styled(document, "Placeholder")


def test_template_missing_styles_names_every_one(small: Corpus, tmp_path: Path) -> None:
    template = make_template(
        tmp_path / "house.dotx", remove=("Heading 2", "List Number"), dotx=True
    )
    pack = build_pack(small, make_spec("member-briefing"))
    with pytest.raises(RenderError) as raised:
        render(pack, small, "docx", RenderOptions(template=template))
    assert str(raised.value) == (
        f"the Word template {template} lacks the Word styles briefgen needs: Heading 2, "
        "List Number; add these styles to the template (in Word, use each once and save the "
        "template), or build without --template"
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.docx", b"not a zip file", "is not a Word document or template briefgen can read"),
        ("old.doc", b"\xd0\xcf\x11\xe0", "is not a .docx or .dotx file"),
        ("absent.dotx", None, "cannot read the Word template"),
    ],
)
def test_unreadable_template_is_a_clear_error(
    small: Corpus, tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    pack = build_pack(small, make_spec("member-briefing"))
    with pytest.raises(RenderError, match=re.escape(message)) as raised:
        render(pack, small, "docx", RenderOptions(template=path))
    assert str(path) in str(raised.value)
    assert "build without --template" in str(raised.value)


def test_a_zip_that_is_not_a_word_file_is_a_clear_error(small: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "spreadsheet.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("hello.txt", "not Word")
    pack = build_pack(small, make_spec("member-briefing"))
    with pytest.raises(RenderError, match="is not a Word document or template"):
        render(pack, small, "docx", RenderOptions(template=path))


# --- The reference itself ------------------------------------------------------------------------


def test_reference_docx_is_what_its_script_makes_and_has_every_style() -> None:
    script = Path(__file__).resolve().parents[1] / "scripts" / "make_reference_docx.py"
    spec = importlib.util.spec_from_file_location("make_reference_docx", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (assets_dir() / "reference.docx").read_bytes()
    made = module.make_reference()
    for part in ("word/styles.xml", "word/numbering.xml", "word/settings.xml"):
        assert etree.tostring(part_xml(made, part)) == etree.tostring(part_xml(committed, part)), (
            f"{part} differs: run scripts/make_reference_docx.py"
        )
    styles = Document(io.BytesIO(committed)).styles
    assert all(name in styles for name in (*REQUIRED_STYLES, *OWN_STYLES))


# --- The package's shape ----------------------------------------------------------------------


def test_only_the_oxml_module_works_below_python_docx() -> None:
    """Every other module of the Word writer uses python-docx's objects and `oxml`'s helpers:
    no element makers, no private attributes, no XML written as text."""
    package = Path(__file__).resolve().parents[1] / "src" / "briefgen" / "render" / "docx"
    below = re.compile(
        r"docx\.oxml|OxmlElement|SubElement|makeelement|\._(element|p|r|tbl|tr|tc|parent|body)\b"
        r"|<w:|\.xpath\("
    )
    found = {
        f"{path.name}:{number}: {line.strip()}"
        for path in package.glob("*.py")
        if path.name not in ("oxml.py", "oxml_document.py", "oxml_lists.py", "package.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if below.search(line)
    }
    assert not found, sorted(found)
    assert len(list(package.glob("*.py"))) >= 10  # the modules are where this test looks
