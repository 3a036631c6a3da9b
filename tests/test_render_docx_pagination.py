"""Where the Word file lets a page break: an item's label, summary, quotation and citation stay
together, and a caption stays with its table, whatever the template's styles say."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as WordDocument
from docx.text.paragraph import Paragraph as WordParagraph
from tests.conftest import make_spec

from briefgen.content import Corpus
from briefgen.pack import build_pack
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
