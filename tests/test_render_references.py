"""A reference's label stays with its number ("p. 4", "para 2", "Recommendation 6") in the PDF,
the HTML it is printed from and the Word file, while the content and the quotes keep their
ordinary spaces (docs/decisions/0201)."""

from __future__ import annotations

import io
import re
import zipfile

import pypdf
import pytest
from docx import Document
from tests.conftest import make_spec

from briefgen.content import Corpus
from briefgen.pack import build_pack
from briefgen.pack.model import Pack, Quote
from briefgen.render import RenderOptions, render
from briefgen.render.docx.body import quote_paragraphs
from briefgen.render.references import keep_labels_with_numbers, unbroken_words

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("p. 4", "p.␣4"),
        ("pp. 4–5", "pp.␣4–5"),
        ("pp. 12-13, para 4.3", "pp.␣12-13, para␣4.3"),
        ("para 2", "para␣2"),
        ("Paras 3(b) and 4", "Paras␣3(b) and 4"),
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


def test_joining_twice_changes_nothing_more() -> None:
    once = keep_labels_with_numbers("pp. 4–5, para 4.3, Option Four")
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


def with_citations(pack: Pack, citations: list[str]) -> Pack:
    """`pack` with its first section's quotations given `citations` in turn, one quotation
    repeated as often as needed (the quoted words themselves unchanged)."""
    first = next(b for s in pack.sections for b in s.blocks if isinstance(b, Quote))
    blocks = tuple(first._replace(citation=citation, number="") for citation in citations)
    return pack._replace(sections=(pack.sections[0]._replace(blocks=blocks), *pack.sections[1:]))


@pytest.fixture(scope="module")
def long_pack(small_corpus: Corpus) -> Pack:
    pack = build_pack(small_corpus, make_spec("evidence-pack", "members"))
    return with_citations(pack, long_citations(36))


def test_a_label_never_ends_a_line_of_the_pdf(long_pack: Pack, small_corpus: Corpus) -> None:
    result = render(long_pack, small_corpus, "pdf", RenderOptions())
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(result.data)).pages)
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
