"""What a committee clerk would otherwise put right by hand in the packs, read back from the PDF
and the Word file (decision 0208): a table of counts split after its first row, a glossary
meaning that starts lower-case."""

from __future__ import annotations

import io

import pypdfium2
import pytest
from docx import Document
from docx.table import Table as WordTable
from tests.conftest import make_spec

from briefgen.content import Corpus
from briefgen.pack import PackSpec, build_pack
from briefgen.pack.model import Pack, Paragraph, Table
from briefgen.render import render
from briefgen.render.tables import stays_whole

THEMES = ("Funding", "Workforce", "Partnership", "Education", "Safeguarding")  # a line each
COPIES = 6
FILLER = "A paragraph of the officer's to move the next table down the page. "


def counts_table(copy: int) -> Table:
    rows = tuple((theme, str(copy), "6", "2", "1", "10") for theme in THEMES)
    rows += (("Total", "2", "9", "8", "3", "22"),)
    header = ("Theme", "SESL/SEEC", "LGA", "Solace", "Commissioner", "Total")
    return Table(f"Counts, copy {copy:02d}", header, rows, "", "Organisation")


@pytest.fixture(scope="module")
def counted(small_corpus: Corpus) -> Pack:
    """A pack whose first section holds `COPIES` tables of counts, each after a paragraph a
    line longer than the last, so that some start near a page foot (two of the six would
    break across pages if nothing kept them whole)."""
    pack = build_pack(small_corpus, make_spec("evidence-pack", "members"))
    blocks = []
    for copy in range(COPIES):
        blocks += [Paragraph(FILLER * (2 + copy)), counts_table(copy)]
    first = pack.sections[0]
    return pack._replace(sections=(first._replace(blocks=tuple(blocks)), *pack.sections[1:]))


def test_a_table_of_counts_is_printed_on_one_page(counted: Pack, small_corpus: Corpus) -> None:
    pdf = pypdfium2.PdfDocument(render(counted, small_corpus, "pdf").data)
    pages = [page.get_textpage().get_text_bounded() for page in pdf]
    moved = 0
    for copy in range(COPIES):
        caption = f"Counts, copy {copy:02d}"
        (page,) = [index for index, text in enumerate(pages) if caption in text]
        text = pages[page].split(caption, 1)[1]
        assert all(f"{theme} " in text for theme in THEMES), caption  # every row, after it
        moved += pages[page].index(caption) < 200  # at the top of its page: moved whole
    assert moved  # some did need to move, or the test proves nothing


def test_a_word_table_of_counts_keeps_each_row_with_the_next(
    counted: Pack, small_corpus: Corpus
) -> None:
    document = Document(io.BytesIO(render(counted, small_corpus, "docx").data))
    tables = [t for t in document.tables if t.rows[0].cells[1].text == "SESL/SEEC"]
    assert len(tables) == COPIES
    for table in tables:
        assert kept_rows(table) == list(range(len(THEMES) + 1))  # all but the last


def test_a_table_of_sentences_may_still_break_between_rows(
    shipped_corpus: Corpus,
) -> None:
    """The comparison of positions: tall rows, a theme each (decision 0194)."""
    pack = build_pack(
        shipped_corpus,
        PackSpec(layout="evidence-pack", audience="senior-officers", themes=["funding"]),
    )
    positions = [
        block
        for section in pack.sections
        for block in section.blocks
        if isinstance(block, Table) and not stays_whole(block)
    ]
    assert positions
    document = Document(io.BytesIO(render(pack, shipped_corpus, "docx").data))
    captions = {block.caption for block in positions}
    for table in document.tables:
        caption = table._tbl.getprevious()
        if caption is not None and "".join(caption.itertext()) in captions:
            assert len(kept_rows(table)) <= 1


def kept_rows(table: WordTable) -> list[int]:
    """The rows whose paragraphs all keep with the next."""
    return [
        index
        for index, row in enumerate(table.rows)
        if all(p.paragraph_format.keep_with_next for cell in row.cells for p in cell.paragraphs)
    ]


@pytest.fixture(scope="module")
def briefing(shipped_corpus: Corpus) -> Pack:
    spec = PackSpec(
        layout="member-briefing", audience="members", themes=["partnership-integration", "funding"]
    )
    return build_pack(shipped_corpus, spec)


def test_every_glossary_meaning_starts_a_sentence(briefing: Pack, shipped_corpus: Corpus) -> None:
    """ "health and wellbeing board – the council-led board…" in an acronyms line; "The
    council-led board…" in the glossary's Meaning column, in Word and in the PDF."""
    document = Document(io.BytesIO(render(briefing, shipped_corpus, "docx").data))
    (glossary,) = [t for t in document.tables if t.rows[0].cells[0].text == "Term"]
    meanings = {row.cells[0].text: row.cells[1].text for row in glossary.rows[1:]}
    assert meanings["health and wellbeing board"].startswith("The council-led board")
    assert all(meaning[0].isupper() for meaning in meanings.values()), meanings
    pdf = pypdfium2.PdfDocument(render(briefing, shipped_corpus, "pdf").data)
    text = "".join(page.get_textpage().get_text_bounded() for page in pdf)
    assert "The council-led board for health and care." in " ".join(text.split())
    assert "board – the council-led board" in " ".join(text.split())  # the acronyms line


def test_each_appendix_starts_a_page_of_its_own(shipped_corpus: Corpus) -> None:
    """Appendix B (the glossary) followed Appendix A on the same page, its heading and first
    row at the page foot; each appendix is a document of its own."""
    spec = PackSpec(layout="committee-report", audience="members", themes=["workforce"])
    pack = build_pack(shipped_corpus, spec)
    titles = [s.title for s in pack.sections if s.appendix and s.level == 1]
    assert len(titles) == 2  # what the sources say, and the glossary
    pdf = pypdfium2.PdfDocument(render(pack, shipped_corpus, "pdf").data)
    for title in titles:
        # The last page naming it (after the contents and the Appendices list) is its own:
        # below the running header, nothing on it is printed higher than its heading.
        page = [page for page in pdf if title in page.get_textpage().get_text_range()][-1]
        textpage = page.get_textpage()
        start = textpage.get_text_range().index(title)
        heading_top = textpage.get_charbox(start)[3]
        body_top = page.get_height() - 30 * 72 / 25.4  # below the running header
        tops = [textpage.get_charbox(i)[3] for i in range(textpage.count_chars())]
        assert max(top for top in tops if top < body_top) <= heading_top + 1, title
    document = Document(io.BytesIO(render(pack, shipped_corpus, "docx").data))
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1" and p.text in titles]
    assert len(headings) == 2
    assert all(heading.paragraph_format.page_break_before for heading in headings)
