"""Tables fit the page in every layout and print size: a comparison of many organisations is
turned round or split, its text lies inside the page's text frame in the PDF, its Word grid sums
to the text width, and no column is narrower than its longest word."""

from __future__ import annotations

import io
from collections.abc import Callable

import pypdfium2
import pytest
from docx import Document
from docx.oxml.ns import qn
from tests.conftest import make_spec

from briefgen.content import Corpus
from briefgen.pack import build_pack
from briefgen.pack.model import Pack, Section, Table
from briefgen.render import render
from briefgen.render.tables import (
    BOLD_WORD_EMS,
    WORD_EMS,
    column_shares,
    fit_table,
    reshape,
    transposed,
)

MM = 72 / 25.4
ORGANISATIONS = (
    "SESL/SEEC",
    "LGA/Solace",
    "LGA",
    "Solace",
    "Commissioner",
    "DfE",
    "Prime Minister",
    "Association of Directors of Children's Services",
)
THEMES = ("Inspection and improvement", "Workforce", "Funding")


def wide_table(themes: tuple[str, ...] = THEMES) -> Table:
    """A comparison of eight organisations on `themes`, with long words in the cells."""
    rows = tuple(
        (
            theme,
            *(
                f"{index} recommendations; characteristically interdepartmental position"
                for index in range(len(ORGANISATIONS))
            ),
        )
        for theme in themes
    )
    return Table(
        "Positions by theme and organisation", ("Theme", *ORGANISATIONS), rows, "", "Organisation"
    )


def test_a_wide_table_with_few_rows_is_turned_round() -> None:
    table = wide_table()
    (only,) = reshape(table, 6)
    assert only == transposed(table)
    assert only.header == ("Organisation", *THEMES)
    assert [row[0] for row in only.rows] == list(ORGANISATIONS)
    assert only.rows[2][1] == table.rows[0][3]  # LGA on inspection


def test_a_wide_table_with_many_rows_becomes_one_table_per_row() -> None:
    table = wide_table()
    parts = reshape(table, 3)
    assert [part.header for part in parts] == [("Organisation", theme) for theme in THEMES]
    assert parts[0].caption == table.caption and not parts[1].caption
    assert [row[0] for row in parts[1].rows] == list(ORGANISATIONS)


def test_a_wide_table_that_does_not_name_its_columns_is_split_keeping_its_first_column() -> None:
    table = wide_table()._replace(column_label="")
    parts = reshape(table, 4)
    assert [part.header[0] for part in parts] == ["Theme"] * 3
    assert [h for part in parts for h in part.header[1:]] == list(ORGANISATIONS)
    assert all(len(part.header) <= 4 for part in parts)


def test_column_shares_sum_to_one_and_give_each_column_its_longest_word() -> None:
    table = Table("", ("Term", "Meaning"), (("OFFICIAL-SENSITIVE", "A marking " * 20),))
    shares = column_shares(table, 480.0, 10.0, 10.0)
    assert sum(shares) == pytest.approx(1.0)
    assert shares[0] * 480 >= len("OFFICIAL-SENSITIVE") * WORD_EMS * 10
    assert shares[1] > shares[0]


@pytest.mark.parametrize("width,size", [(482.0, 10.0), (436.0, 18.0), (482.0, 18.0)])
def test_fitted_parts_hold_their_longest_words_side_by_side(width: float, size: float) -> None:
    for part in fit_table(wide_table(), width, size, 10.0):
        for index, share in enumerate(part.shares):
            words = [row[index] for row in part.table.rows] + [part.table.header[index]]
            longest = max(len(word) for text in words for word in text.split())
            assert share * width >= longest * WORD_EMS * size, (part.table.header, index)


# --- Read back from the files --------------------------------------------------------------------


def with_table(pack: Pack, table: Table) -> Pack:
    """`pack` with `table` added to its first section."""
    first = pack.sections[0]
    section = Section(first.title, first.anchor, first.level, first.number, (*first.blocks, table))
    return pack._replace(sections=(section, *pack.sections[1:]))


Builder = Callable[[str, bool, Table], tuple[Pack, bytes]]


@pytest.fixture(scope="module")
def build(small_corpus: Corpus) -> Builder:
    def make(format_name: str, large_print: bool, table: Table) -> tuple[Pack, bytes]:
        layout = "evidence-pack"
        pack = build_pack(small_corpus, make_spec(layout, "partners", large_print=large_print))
        pack = with_table(pack, table)
        return pack, render(pack, small_corpus, format_name).data

    return make


CASES = [
    (False, wide_table()),
    (True, wide_table()),
    (True, wide_table((*THEMES, "Early help", "Partnership", "Delegation"))),
]


@pytest.mark.parametrize("large_print,table", CASES)
def test_pdf_tables_lie_inside_the_text_frame_with_no_word_broken(
    build: Builder, large_print: bool, table: Table
) -> None:
    _, data = build("pdf", large_print, table)
    margin = (18 if large_print else 20) * MM
    pdf = pypdfium2.PdfDocument(data)
    text = ""
    for page in pdf:
        width = page.get_width()
        textpage = page.get_textpage()
        for index in range(textpage.count_chars()):
            left, _, right, _ = textpage.get_charbox(index)
            if right > left:  # a printed character, not a space or line break
                assert margin - 1 <= left and right <= width - margin + 1, (left, right)
        text += textpage.get_text_bounded() + "\n"
    words = set(text.split())
    for cell in (*table.header, *(c for row in table.rows for c in row)):
        for word in cell.split():
            assert word in words, word  # a word broken across lines would be missing


@pytest.mark.parametrize("large_print,table", CASES)
def test_word_table_grids_sum_to_the_text_width_and_hold_their_longest_words(
    build: Builder, large_print: bool, table: Table
) -> None:
    _, data = build("docx", large_print, table)
    document = Document(io.BytesIO(data))
    section = document.sections[0]
    text_width = (section.page_width - section.left_margin - section.right_margin) / 635  # twips
    size = 18 if large_print else 10
    tables = document.tables[-(len(fit_table(table, text_width / 20, size, 10.0))) :]
    for word_table in tables:
        grid = [int(col.get(qn("w:w"))) for col in word_table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert text_width - len(grid) <= sum(grid) <= text_width + 1
        for index, column in enumerate(grid):
            texts = [row.cells[index].text for row in word_table.rows]
            header_words = texts[0].split()
            longest = max(
                [len(w) * WORD_EMS * size for t in texts[1:] for w in t.split()]
                + [len(w) * BOLD_WORD_EMS * size for w in header_words]
            )
            assert column / 20 >= longest + 9, (texts[0], column / 20, longest)  # + cell margins
    assert len(tables[0].columns) <= (3 if large_print else 6)
