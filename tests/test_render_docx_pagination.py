"""Where the Word file lets a page break: an item's label, summary, quotation and citation stay
together, and a caption stays with its table, whatever the template's styles say."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as WordDocument
from docx.shared import Pt
from docx.text.paragraph import Paragraph as WordParagraph
from tests.conftest import make_spec

from briefgen.content import Corpus
from briefgen.pack import build_pack
from briefgen.pack.model import Contact
from briefgen.pack.wording import assets_dir
from briefgen.render import RenderOptions, render

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def house_template(path: Path) -> Path:
    """A council template whose Quote and Caption styles are Word's own: no keep-with-next,
    no keep-lines (the reference's pagination lives in briefgen's styles only)."""
    document = Document(str(assets_dir() / "reference.docx"))
    for name in ("Quote", "Caption"):
        properties = document.styles[name].element.pPr
        for tag in ("keepNext", "keepLines"):
            for element in properties.findall(f"{W}{tag}"):
                properties.remove(element)
    document.save(str(path))
    return path


def effective(paragraph: WordParagraph, attribute: str) -> bool:
    """`attribute` of the paragraph's format, as set on it or by its style's `basedOn` chain."""
    value = getattr(paragraph.paragraph_format, attribute)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.paragraph_format, attribute)
        style = style.base_style
    return bool(value)


def styled(document: WordDocument, *names: str) -> list[WordParagraph]:
    return [p for p in document.paragraphs if p.style is not None and p.style.name in names]


@pytest.fixture(scope="module")
def house_built(small_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> WordDocument:
    template = house_template(tmp_path_factory.mktemp("house") / "council.docx")
    pack = build_pack(small_corpus, make_spec("evidence-pack", "senior-officers"))
    result = render(pack, small_corpus, "docx", RenderOptions(template=template))
    return Document(io.BytesIO(result.data))


def test_an_item_keeps_label_summary_quotation_and_citation_together_in_a_house_template(
    house_built: WordDocument,
) -> None:
    assert not house_built.styles["Quote"].paragraph_format.keep_with_next  # the house's own
    labels = styled(house_built, "Briefing Headline", "Item Label")
    quotations = styled(house_built, "Quote")
    assert labels and quotations
    for paragraph in (*labels, *quotations):
        assert effective(paragraph, "keep_with_next"), paragraph.text[:60]
        assert effective(paragraph, "keep_together"), paragraph.text[:60]
    # The last paragraph of each quotation keeps with its citation.
    for paragraph in quotations:
        following = paragraph._p.getnext()
        assert following is not None
        assert WordParagraph(following, paragraph._parent).style.name in ("Quote", "Citation")


def test_a_caption_stays_with_its_table_in_a_house_template(house_built: WordDocument) -> None:
    captions = styled(house_built, "Caption")
    assert captions
    for caption in captions:
        assert effective(caption, "keep_with_next"), caption.text
        assert caption._p.getnext().tag == f"{W}tbl", caption.text


def test_large_print_lets_a_long_quotation_break_but_keeps_its_label_with_it(
    small_corpus: Corpus,
) -> None:
    pack = build_pack(small_corpus, make_spec("evidence-pack", "members", large_print=True))
    document = Document(io.BytesIO(render(pack, small_corpus, "docx").data))
    for paragraph in styled(document, "Quote"):
        assert not effective(paragraph, "keep_together")
    for paragraph in styled(document, "Briefing Headline", "Item Label"):
        assert effective(paragraph, "keep_with_next")


@pytest.mark.parametrize("layout", ["committee-report", "member-briefing"])
def test_the_contents_stay_in_one_piece(small_corpus: Corpus, layout: str) -> None:
    """Each entry keeps with the next, by its style (Word's refresh of the field rewrites the
    entries): on a committee report's cover sheet the contents move whole to the next page
    rather than run over it, as in the PDF."""
    pack = build_pack(small_corpus, make_spec(layout, "scrutiny"))
    document = Document(io.BytesIO(render(pack, small_corpus, "docx").data))
    heading = styled(document, "TOC Heading")
    entries = styled(document, "toc 1", "toc 2", "toc 3")
    assert len(heading) == 1 and len(entries) > 5
    for paragraph in (*heading, *entries):
        assert effective(paragraph, "keep_with_next"), paragraph.text
        assert paragraph.paragraph_format.keep_with_next is None  # the style's, not direct


# --- Where the contents start, and what keeps an item's headline on its page (decision 0208) ---


def compact_template(path: Path) -> Path:
    """A council template whose cover and contents styles are small and tight: the contents
    fit below the cover facts."""
    document = Document(str(assets_dir() / "reference.docx"))
    for name in (
        "Normal",
        "Subtitle",
        "Title",
        "Cover Meeting",
        "Cover Fact",
        "Cover Fact First",
        "Logo",
        "TOC Heading",
        "toc 1",
        "Heading 1",
    ):
        style = document.styles[name]
        style.font.size = Pt(8)
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.line_spacing = 1.0
    document.save(str(path))
    return path


def contents_heading(data: bytes) -> WordParagraph:
    (heading,) = styled(Document(io.BytesIO(data)), "TOC Heading")
    return heading


def test_a_committee_reports_contents_start_page_two_when_they_do_not_fit_the_cover(
    small_corpus: Corpus,
) -> None:
    """An author and a contact officer too: the cover facts leave too little room, and the
    heading starts page 2 itself (LibreOffice would leave it alone on the cover), its entries
    after it."""
    officer = Contact(name="Jo Bloggs", role="Policy Officer", email="jo@example.gov.uk")
    spec = make_spec("committee-report", "scrutiny", author=officer, contact=officer)
    pack = build_pack(small_corpus, spec)
    heading = contents_heading(render(pack, small_corpus, "docx").data)
    assert heading.paragraph_format.page_break_before is True
    assert heading._p.getprevious() is not None
    assert WordParagraph(heading._p.getprevious(), heading._parent).style.name.startswith("Cover")


def test_a_committee_reports_contents_stay_on_a_cover_set_close_where_they_fit(
    small_corpus: Corpus,
) -> None:
    """Three cover facts: the contents fit below them (the logo and meeting 6 and 8 mm above
    the next, the entries 1 pt apart, as in the PDF), and the report starts on the cover."""
    pack = build_pack(small_corpus, make_spec("committee-report", "scrutiny"))
    document = Document(io.BytesIO(render(pack, small_corpus, "docx").data))
    (heading,) = styled(document, "TOC Heading")
    assert heading.paragraph_format.page_break_before is False
    assert effective(heading, "keep_with_next")  # Word moves it with the entries if need be
    (logo,) = styled(document, "Logo")
    (meeting,) = styled(document, "Cover Meeting")
    assert logo.paragraph_format.space_after.mm == pytest.approx(6, abs=0.05)
    assert meeting.paragraph_format.space_after.mm == pytest.approx(8, abs=0.05)
    entry = document.styles["toc 1"].paragraph_format
    assert entry.space_before == Pt(1) and entry.space_after == Pt(1)
    first = styled(document, "Heading 1")[0]
    assert not effective(first, "page_break_before")


def test_a_committee_reports_contents_stay_on_the_cover_where_a_tight_template_has_room(
    small_corpus: Corpus, tmp_path: Path
) -> None:
    officer = Contact(name="Jo Bloggs", role="Policy Officer", email="jo@example.gov.uk")
    spec = make_spec("committee-report", "scrutiny", author=officer, contact=officer)
    pack = build_pack(small_corpus, spec)
    options = RenderOptions(template=compact_template(tmp_path / "compact.docx"))
    heading = contents_heading(render(pack, small_corpus, "docx", options).data)
    assert heading.paragraph_format.page_break_before is False


def test_the_evidence_pack_and_member_briefing_contents_start_a_page(small_corpus: Corpus) -> None:
    for layout in ("evidence-pack", "member-briefing"):
        pack = build_pack(small_corpus, make_spec(layout, "members"))
        heading = contents_heading(render(pack, small_corpus, "docx").data)
        assert heading.paragraph_format.page_break_before is True, layout


@pytest.mark.parametrize("layout", ["member-briefing", "committee-report", "evidence-pack"])
def test_word_keeps_an_items_headline_with_its_quotation_in_every_layout(
    small_corpus: Corpus, layout: str
) -> None:
    """What Word paginates by: the label or headline keeps with the next paragraph and in one
    piece, never breaks a page before itself, and widow control is on by the document
    defaults, so Word moves a headline at a page foot over with its quotation."""
    pack = build_pack(small_corpus, make_spec(layout, "senior-officers"))
    document = Document(io.BytesIO(render(pack, small_corpus, "docx").data))
    labels = styled(document, "Briefing Headline", "Item Label")
    assert labels
    for paragraph in labels:
        assert paragraph.paragraph_format.keep_with_next is True
        assert paragraph.paragraph_format.keep_together is True
        assert not effective(paragraph, "page_break_before")
        following = WordParagraph(paragraph._p.getnext(), paragraph._parent)
        assert following.style.name == "Quote", paragraph.text
    defaults = document.styles.element.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
    assert defaults is not None and defaults.find(f"{W}widowControl") is not None
    for name in ("Briefing Headline", "Item Label", "Quote", "Heading 1", "Heading 2"):
        assert document.styles[name].paragraph_format.widow_control is not False, name
