"""What a reader of the printed pack sees around page breaks and tables: no caption repeating
its heading, no table row left alone on a page, no introduction (with the acronyms it explains)
left at a page foot without the quotation it introduces."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pypdf
import pytest
from docx import Document
from tests.conftest import make_spec

from briefgen.content import Corpus
from briefgen.pack import build_pack
from briefgen.pack.model import Acronym, Pack, Paragraph, Quote, Section, Table
from briefgen.render import RenderResult, render


@pytest.fixture(scope="module")
def built(small_corpus: Corpus) -> Callable[[str, str], tuple[Pack, RenderResult]]:
    """Build (and remember) a layout for members in `fmt`."""
    cache: dict[tuple[str, str], tuple[Pack, RenderResult]] = {}

    def build(layout: str, fmt: str) -> tuple[Pack, RenderResult]:
        if (layout, fmt) not in cache:
            pack = build_pack(small_corpus, make_spec(layout, "members"))
            cache[layout, fmt] = (pack, render(pack, small_corpus, fmt))
        return cache[layout, fmt]

    return build


def lines(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [line.strip() for page in reader.pages for line in page.extract_text().splitlines()]


@pytest.mark.parametrize("layout", ["member-briefing", "committee-report"])
def test_the_glossary_table_caption_does_not_repeat_its_heading(
    built: Callable[[str, str], tuple[Pack, RenderResult]], layout: str
) -> None:
    pack, pdf = built(layout, "pdf")
    heading = next(s.title for s in pack.sections if s.title.casefold().endswith("glossary"))
    printed = lines(pdf.data)
    assert pack.wording["glossary_caption"] in printed
    for index, line in enumerate(printed):
        if line == heading:  # the heading itself, or the report's list of appendices
            assert heading not in printed[index + 1 : index + 4]
    _, word = built(layout, "docx")
    document = Document(io.BytesIO(word.data))
    captions = [p.text.split("\t")[-1] for p in document.paragraphs if p.style.name == "Caption"]
    assert pack.wording["glossary_caption"] in captions
    assert heading not in captions


# --- Tables at a page break ---------------------------------------------------------------------

TABLES = 14
ROWS = 5


def tables_pack(pack: Pack) -> Pack:
    """`pack` with sections each holding a paragraph of a different length and a table of
    `ROWS` rows labelled "T3R2" (table 3, row 2), so that the tables meet page breaks at every
    row."""
    sections = tuple(
        Section(
            f"Table section {table}",
            f"table-section-{table}",
            blocks=(
                Paragraph(" ".join(["Filler words for the page."] * (3 + 7 * table % 19))),
                Table(
                    f"Table {table}",
                    ("Row", "Meaning"),
                    tuple((f"T{table}R{row}", "A meaning. " * 4) for row in range(1, ROWS + 1)),
                ),
            ),
        )
        for table in range(1, TABLES + 1)
    )
    return pack._replace(sections=sections)


def test_no_table_leaves_its_last_row_alone_on_a_page(
    built: Callable[[str, str], tuple[Pack, RenderResult]], small_corpus: Corpus
) -> None:
    pack = tables_pack(built("evidence-pack", "pdf")[0])
    reader = pypdf.PdfReader(io.BytesIO(render(pack, small_corpus, "pdf").data))
    pages = [page.extract_text() for page in reader.pages]
    split = 0
    for table in range(1, TABLES + 1):
        rows_by_page = [
            [row for row in range(1, ROWS + 1) if f"T{table}R{row}" in text] for text in pages
        ]
        shown = [rows for rows in rows_by_page if rows]
        if len(shown) > 1:
            split += 1
            assert len(shown[-1]) > 1, (table, shown)
    assert split  # some table did meet a page break


def test_the_word_table_keeps_its_last_two_rows_together(
    built: Callable[[str, str], tuple[Pack, RenderResult]], small_corpus: Corpus
) -> None:
    pack = tables_pack(built("evidence-pack", "pdf")[0])
    document = Document(io.BytesIO(render(pack, small_corpus, "docx").data))
    table = next(t for t in document.tables if t.rows[1].cells[0].text == "T1R1")

    def kept(row: int) -> bool:
        return all(
            p.paragraph_format.keep_with_next for c in table.rows[row].cells for p in c.paragraphs
        )

    # Rows: 0 the header (kept by its style), then T1R1 (1) to T1R5 (5).
    assert [kept(row) for row in range(1, ROWS + 1)] == [False, False, False, True, False]


# --- An introduction, its acronyms and what it introduces ---------------------------------------


def introductions_pack(pack: Pack) -> Pack:
    """`pack` with sections each holding an introduction of a different length that explains
    an acronym ("X3") and then introduces a quotation ("Q3 …")."""
    sections = tuple(
        Section(
            f"Theme {n}",
            f"theme-{n}",
            blocks=(
                Paragraph(
                    " ".join(["An introduction to the theme."] * (4 + 9 * n % 23)),
                    acronyms=(Acronym(f"X{n}", "an expansion"),),
                ),
                Quote(f"item-{n}", "risk", "Risk", f"Q{n} " + "Quoted words. " * 40, "Source"),
            ),
        )
        for n in range(1, 15)
    )
    return pack._replace(sections=sections)


def test_an_introduction_and_its_acronyms_stay_with_the_quotation_they_introduce(
    built: Callable[[str, str], tuple[Pack, RenderResult]], small_corpus: Corpus
) -> None:
    pack = introductions_pack(built("member-briefing", "pdf")[0])
    reader = pypdf.PdfReader(io.BytesIO(render(pack, small_corpus, "pdf").data))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    for n in range(1, 15):
        acronyms = next(i for i, text in enumerate(pages) if f"X{n} – an expansion" in text)
        quotation = next(i for i, text in enumerate(pages) if f"Q{n} Quoted" in text)
        assert acronyms == quotation, n
    document = Document(io.BytesIO(render(pack, small_corpus, "docx").data))
    notes = [p for p in document.paragraphs if p.text.startswith("Acronyms: X")]
    assert len(notes) == 14
    assert all(p.paragraph_format.keep_with_next for p in notes)


def test_a_table_of_counts_too_wide_for_the_page_is_split_into_groups_of_columns(
    built: Callable[[str, str], tuple[Pack, RenderResult]], small_corpus: Corpus
) -> None:
    organisations = [f"Org{n}" for n in range(1, 10)]
    rows = tuple(
        (f"Theme number {t}", *(str((t * o) % 23) for o in range(1, 10)), str(t * 9))
        for t in range(1, 15)
    )
    table = Table(
        "Items by theme and organisation",
        ("Theme", *organisations, "Total"),
        rows,
        column_label="Organisation",
    )
    pack = built("evidence-pack", "pdf")[0]
    pack = pack._replace(sections=(Section("Summary", "summary", blocks=(table,)),))
    reader = pypdf.PdfReader(io.BytesIO(render(pack, small_corpus, "pdf").data))
    pages = [page.extract_text() for page in reader.pages]
    printed = [line.strip() for text in pages for line in text.splitlines()]
    # Two tables, each repeating the themes, not fourteen small ones of "Organisation | theme".
    assert not any(line.startswith("Organisation") for line in printed)
    headers = {line for line in printed if line.startswith("Theme Org")}
    assert headers == {"Theme Org1 Org2 Org3 Org4 Org5", "Theme Org6 Org7 Org8 Org9 Total"}
    assert all(any(line.startswith(f"Theme number {t} ") for line in printed) for t in (1, 14))
    assert len([text for text in pages if "Theme number" in text]) <= 3


# --- Wording -------------------------------------------------------------------------------------


def test_the_evidence_pack_summary_counts_one_theme_and_one_source_in_the_singular(
    small_corpus: Corpus,
) -> None:
    spec = make_spec("evidence-pack", "members")
    spec.themes = ["markets-commissioning"]
    pack = build_pack(small_corpus, spec)
    reader = pypdf.PdfReader(io.BytesIO(render(pack, small_corpus, "pdf").data))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "This pack quotes 1 item from 1 source document on 1 theme." in text


def test_a_glossary_meaning_puts_its_explanation_in_a_sentence_of_its_own(
    built: Callable[[str, str], tuple[Pack, RenderResult]],
) -> None:
    pack, pdf = built("member-briefing", "pdf")
    text = " ".join(" ".join(lines(pdf.data)).split())
    # Not "Local Government Association: The national…", a capital after a colon.
    assert "Local Government Association. The national membership body" in text
    start = text.index(pack.wording["glossary_caption"])
    glossary = text[start : text.index("Sources", start)]
    assert "Local Government Association" in glossary
    assert not re.search(r": [A-Z][a-z]", glossary)
