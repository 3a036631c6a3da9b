"""A reference's label stays with its number ("p. 4", "para 2", "Recommendation 6") in the PDF,
the HTML it is printed from and the Word file, and a range or list ("paras 4 and 5") where the
line or column has room, while the content and the quotes keep their ordinary spaces
(docs/decisions/0201, 0208)."""

from __future__ import annotations

import io
import re
import zipfile

import pypdfium2
import pytest
from docx import Document
from tests.conftest import make_spec

from briefgen.content import Corpus
from briefgen.pack import build_pack
from briefgen.pack.model import Pack, Quote, Table
from briefgen.render import RenderOptions, render
from briefgen.render.docx.body import quote_paragraphs
from briefgen.render.references import keep_labels_with_numbers, unbroken_words
from briefgen.render.tables import WORD_EMS, fit_table, kept_together

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("p. 4", "p.␣4"),
        ("pp. 4–5", "pp.␣4–5"),
        ("pp. 12-13, para 4.3", "pp.␣12-13, para␣4.3"),
        ("para 2", "para␣2"),
        ("Paras 3(b) and 4", "Paras␣3(b)␣and␣4"),
        ("paragraph 7", "paragraph␣7"),
        ("Section 5", "Section␣5"),
        ("Section 2, para 2.6.4, Option Four", "Section␣2, para␣2.6.4, Option␣Four"),
        ("Recommendation 6", "Recommendation␣6"),
        ("RECOMMENDATION 12a", "RECOMMENDATION␣12a"),
        ("item 3", "item␣3"),
        ("Chapter iv", "Chapter␣iv"),
        ("Part XII", "Part␣XII"),
        ("page ii", "page␣ii"),
        ("Appendix B; Annex C2", "Appendix␣B; Annex␣C2"),
        ("Table 3 and Figure 1.2", "Table␣3 and Figure␣1.2"),
        ("question 9, option one", "question␣9, option␣one"),
        ("§ 12", "§␣12"),
        ("inherent danger 1, design parameter 2", "inherent danger␣1, design parameter␣2"),
        ("Summary para 5 (repeated at para 4.3)", "Summary para␣5 (repeated at para␣4.3)"),
        ("para\t9", "para␣9"),
    ],
)
def test_a_label_is_joined_to_its_number(text: str, expected: str) -> None:
    assert keep_labels_with_numbers(text) == expected.replace("␣", NBSP)


@pytest.mark.parametrize(
    "text",
    [
        "Appendix, Alternative Delivery Models",  # a label with no number after it
        "Section on funding",
        "the 2016 report",  # a number with no label before it
        "app. 4",  # "pp." inside another word
        "para 4x7",  # not a number a label takes
        "Part Ireland",  # "I" begins a word, not a roman numeral
        "page mix",  # a word that reads as a long roman numeral
        "section a council writes",  # a lower-case letter is a word, not Annex A
        "LGA, Rewiring Public Services: Children's Services",
        "para\n2",  # a line the writer broke stays broken
    ],
)
def test_other_text_is_left_as_it_is(text: str) -> None:
    assert keep_labels_with_numbers(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("paras 4 and 5", "paras␣4␣and␣5"),
        ("pages 3 to 5", "pages␣3␣to␣5"),
        ("pp. 4 – 5", "pp.␣4␣–␣5"),
        ("Parts I to IV", "Parts␣I␣to␣IV"),
        ("Annex B or C", "Annex␣B␣or␣C"),
        ("Options One, Two and Three", "Options␣One, Two␣and␣Three"),
        ("paras 4, 5, and 6", "paras␣4,␣5,␣and␣6"),
        ("paras 4, 5 & 6", "paras␣4,␣5␣&␣6"),
        # Longer than a line should keep whole: the label keeps its number and "and" the
        # number after it; a line may end after a comma or before "and", never after it.
        ("Recommendations 2, 3 and 6", "Recommendations␣2, 3␣and␣6"),
        ("Recommendations 2 and 3", "Recommendations␣2 and␣3"),
        ("Recommendations 12 to 15", "Recommendations␣12 to␣15"),
        ("Recommendations 2, 3, 4, 5 and 9", "Recommendations␣2, 3, 4, 5␣and␣9"),
        ("see paras 4.3 and 4.4 (LGA)", "see paras␣4.3␣and␣4.4 (LGA)"),
    ],
)
def test_a_range_or_list_stays_together_where_the_line_has_room(text: str, expected: str) -> None:
    assert keep_labels_with_numbers(text) == expected.replace("␣", NBSP)


@pytest.mark.parametrize(
    "text",
    [
        "Table 3 and I think",  # a list is of numbers of one kind
        "para 4, 12 councils said",  # commas with no "and": not a list
        "Section 5 and the rest",
        "para 4 and\n5",  # a line the writer broke stays broken
    ],
)
def test_what_only_looks_like_a_list_joins_only_the_label(text: str) -> None:
    label, rest = text.split(" ", 1)
    assert keep_labels_with_numbers(text) == label + NBSP + rest


def test_a_narrow_room_keeps_only_label_with_number_and_and_with_its_number() -> None:
    assert keep_labels_with_numbers("paras 4 and 5", max_chars=8) == "paras␣4 and␣5".replace(
        "␣", NBSP
    )
    assert unbroken_words("(pages 3 to 5)") == [f"(pages{NBSP}3", f"to{NBSP}5)"]


def test_joining_twice_changes_nothing_more() -> None:
    once = keep_labels_with_numbers("pp. 4–5, para 4.3, Option Four, paras 4, 5 and 6")
    assert keep_labels_with_numbers(once) == once


def test_a_label_and_its_number_are_measured_as_one_word() -> None:
    assert unbroken_words(" Outcomes (Recommendation 6); and 2 more ") == [
        "Outcomes",
        f"(Recommendation{NBSP}6);",
        "and",
        "2",
        "more",
    ]


# Citations long enough to wrap, the filler one letter longer each time, so that in one of
# them or another the line ends between a label and its number unless they are joined.
LABELLED = ("Recommendation 6", "para 2", "pp. 4–5")
FILLER = "Rewiring Public Services: Children's Services and the local delivery of them "


def long_citations(count: int) -> list[str]:
    return [
        f"LGA, {FILLER}{'x' * width} {LABELLED[width % len(LABELLED)]}, and after"
        for width in range(count)
    ]


# Each printed whole, or broken only where the rule allows (after a comma of a long list).
LISTED = ("paras 4 and 5", "pages 3 to 5", "Recommendations 2, 3 and 6")
ALLOWED_BREAKS = {"Recommendations 2, 3 and 6": ("Recommendations 2,", "3 and 6")}


def listed_citations(count: int) -> list[str]:
    return [
        f"LGA, {'x' * width} {FILLER}{LISTED[width % len(LISTED)]}, and after"
        for width in range(count)
    ]


def with_citations(pack: Pack, citations: list[str]) -> Pack:
    """`pack` with its first section's quotations given `citations` in turn, one quotation
    repeated as often as needed (the quoted words themselves unchanged)."""
    first = next(b for s in pack.sections for b in s.blocks if isinstance(b, Quote))
    blocks = tuple(first._replace(citation=citation, number="") for citation in citations)
    return pack._replace(sections=(pack.sections[0]._replace(blocks=blocks), *pack.sections[1:]))


@pytest.fixture(scope="module")
def long_pack(small_corpus: Corpus) -> Pack:
    pack = build_pack(small_corpus, make_spec("evidence-pack", "members"))
    return with_citations(pack, long_citations(36) + listed_citations(36))


@pytest.fixture(scope="module")
def long_pdf_text(long_pack: Pack, small_corpus: Corpus) -> str:
    result = render(long_pack, small_corpus, "pdf", RenderOptions())
    pdf = pypdfium2.PdfDocument(result.data)
    return "\n".join(page.get_textpage().get_text_bounded() for page in pdf).replace("\r", "")


def test_a_label_never_ends_a_line_of_the_pdf(long_pdf_text: str) -> None:
    text = long_pdf_text
    # What a reader copies: each reference whole, its space a space or a no-break space.
    for label in LABELLED:
        word, number = label.rsplit(" ", 1)
        whole = rf"{re.escape(word)}[ {NBSP}]{number},\s+and\s+after"
        assert len(re.findall(whole, text)) == 12, label
        assert not re.search(rf"{re.escape(word)}\s*\n\s*{number}", text), label
    # The quotation itself is printed with its ordinary spaces.
    assert NBSP not in text.split("Source:")[0]


def test_the_html_and_word_file_carry_the_no_break_space_and_the_quotes_do_not(
    long_pack: Pack, small_corpus: Corpus
) -> None:
    quote = next(b for b in long_pack.sections[0].blocks if isinstance(b, Quote))
    html = render(long_pack, small_corpus, "html").data.decode("utf-8")
    cites = re.findall(r"<cite>(.*?)</cite>", html)
    assert f"Recommendation{NBSP}6, and after" in cites[0]
    assert f"para{NBSP}2, and after" in cites[1]
    assert f"pp.{NBSP}4–5, and after" in cites[2]
    assert all(NBSP not in q for q in re.findall(r"<blockquote.*?</blockquote>", html, re.S))

    data = render(long_pack, small_corpus, "docx").data
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert f'<w:t xml:space="preserve"> LGA, {FILLER}' in xml
    assert f"Recommendation{NBSP}6, and after</w:t>" in xml
    document = Document(io.BytesIO(data))
    prefix = long_pack.wording["citation_prefix"] + " "
    citations = [p.text for p in document.paragraphs if p.text.startswith(prefix)]
    # A reader sees "p. 4": the same words as the content, with the no-break space as a space.
    assert [c.removeprefix(prefix).replace(NBSP, " ") for c in citations[:36]] == long_citations(36)
    quoted = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    parts = quote_paragraphs(quote.text)
    assert quoted[: 36 * len(parts)] == parts * 36
    assert all(NBSP not in text for text in quoted)


# --- Ranges and lists (decision 0208) ------------------------------------------------------------


def test_a_range_or_list_never_breaks_inside_in_a_pdf_citation(long_pdf_text: str) -> None:
    text = long_pdf_text.replace(NBSP, " ")
    for reference in LISTED:
        pieces = ALLOWED_BREAKS.get(reference, (reference,))
        printed = r"\s+".join(
            r"[ ]".join(re.escape(word) for word in piece.split()) for piece in pieces
        )
        assert len(re.findall(rf"{printed},\s+and\s+after", text)) == 12, reference


NARROW = (
    "Outcomes (paras 4 and 5); pages 3 to 5",
    "Recommendations 2, 3 and 6",
    "Section 5; paras 12.1 to 12.14",
)


def narrow_table(columns: int) -> Table:
    """A comparison of `columns` - 1 organisations whose every cell gives references."""
    header = ("Theme", *(f"Organisation {n}" for n in range(1, columns)))
    rows = tuple(
        (theme, *(NARROW[(n + row) % len(NARROW)] for n in range(1, columns)))
        for row, theme in enumerate(("Funding", "Workforce", "Partnership"))
    )
    return Table("References by organisation", header, rows, "", "")


@pytest.mark.parametrize(("width", "size"), [(482.0, 9.0), (436.0, 18.0), (160.0, 9.0)])
def test_a_table_joins_no_reference_wider_than_its_column(width: float, size: float) -> None:
    for part in fit_table(narrow_table(7), width, size, 10.0):
        printed = kept_together(part, width, size, 10.0)
        for index, share in enumerate(part.shares):
            room = share * width - 10.0
            for row, original in zip(printed.rows, part.table.rows, strict=True):
                least = unbroken_words(original[index])  # what the column is sized to hold
                for run in re.split(r"[^\S\u00a0]+", row[index]):
                    assert run in least or len(run) * WORD_EMS * size <= room, (run, room)


def test_a_narrow_table_keeps_what_fits_and_breaks_what_does_not(
    small_corpus: Corpus,
) -> None:
    """Seven columns in the PDF: each column is narrower than "Recommendations 2, 3 and 6",
    so it breaks after its comma, while "paras 4 and 5" and "pages 3 to 5" fit whole; no
    character lies outside the text frame, and the Word table joins the same."""
    pack = build_pack(small_corpus, make_spec("evidence-pack", "members"))
    first = pack.sections[0]
    table = narrow_table(7)
    pack = pack._replace(
        sections=(first._replace(blocks=(*first.blocks, table)), *pack.sections[1:])
    )
    pdf = pypdfium2.PdfDocument(render(pack, small_corpus, "pdf").data)
    lines: list[str] = []
    margin = 20 * 72 / 25.4
    for page in pdf:
        textpage = page.get_textpage()
        for index in range(textpage.count_chars()):
            left, _, right, _ = textpage.get_charbox(index)
            if right > left:
                assert margin - 1 <= left and right <= page.get_width() - margin + 1
        lines += textpage.get_text_bounded().replace(NBSP, " ").splitlines()
    assert any(line.strip().endswith("Recommendations 2,") for line in lines)
    for whole in ("paras 4 and 5", "pages 3 to 5", "3 and 6", "paras 12.1 to 12.14"):
        assert any(whole in line for line in lines), whole
    # No line ends with a label, "and" or "to" that the next line's number belongs to.
    assert not re.search(
        r"(?:paras|pages|Recommendations|Section| and| to)\s*\n\s*\d", "\n".join(lines)
    )

    document = Document(io.BytesIO(render(pack, small_corpus, "docx").data))
    cells = {
        cell.text
        for word_table in document.tables
        if word_table.rows[0].cells[1].text == "Organisation 1"
        for row in word_table.rows
        for cell in row.cells
    }
    assert f"Outcomes (paras{NBSP}4{NBSP}and{NBSP}5); pages{NBSP}3{NBSP}to{NBSP}5" in cells
    assert f"Recommendations{NBSP}2, 3{NBSP}and{NBSP}6" in cells
