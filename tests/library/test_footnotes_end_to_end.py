"""A footnote at the foot of a PDF page, as Word sets one (10 pt under 11 pt text): imported as its
own line after the sentence running over the page break, which reads on whole, and never
suggested as an item (decision 0193)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.library import documents

from briefgen.content import Corpus
from briefgen.content.quotes import locate, normalise_source
from briefgen.library.extract import ExtractedDocument, extract
from briefgen.library.extract.pdf_reader import read_pdf
from briefgen.library.extract.progress import Monitor
from briefgen.library.suggest import Suggestion, suggest, train

SENTENCES = " ".join(
    f"Sentence {n} of the long paragraph about the council budget." for n in range(1, 22)
)
NOTE = "Cabinet minutes, 4 March 2025, item 7, which records the decision and the vote."
PAGES = (
    "<style>body { font-size: 11pt } .note { float: footnote; font-size: 10pt }</style>"
    f'<p>The council agreed the plan<span class="note">{NOTE}</span> in March. {SENTENCES}</p>'
    "<p>Councils should publish their plans for family support every year.</p>"
)


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("footnotes") / "footnoted.pdf"
    path.write_bytes(documents.pdf_bytes(PAGES))
    return path


@pytest.fixture(scope="module")
def document(pdf_path: Path) -> ExtractedDocument:
    return extract(pdf_path)


@pytest.fixture(scope="module")
def suggestions(document: ExtractedDocument, shipped_corpus: Corpus) -> list[Suggestion]:
    return suggest(
        document.text,
        train(shipped_corpus),
        headings=document.headings,
        locate=document.locator,
        min_score=0.0,
        limit=0,
    )


def test_the_footnote_is_its_own_line_after_the_sentence_running_over_the_page(
    document: ExtractedDocument,
) -> None:
    text = document.text
    note_at = text.index(f"\n<sup>1</sup> {NOTE}\n")
    # Page 1 ends inside sentence 13, which runs on at the top of page 2 with no note between;
    # the note follows the first line on page 2 that ends a sentence.
    assert "Sentence 13 of the long paragraph\nabout the council budget. Sentence 14" in text
    assert document.pages[1].start < note_at
    assert text[:note_at].endswith("\nparagraph about the council budget.")
    assert "The council agreed the plan<sup>1</sup> in March." in text.splitlines()


def test_the_sentence_over_the_page_break_reads_on_whole(document: ExtractedDocument) -> None:
    quote = "Sentence 13 of the long paragraph about the council budget."
    span = locate(quote, normalise_source(document.text))
    assert span is not None
    assert document.locator(*span) == "pp. 1–2"
    assert NOTE not in document.text[span[0] : span[1]]


def test_no_suggestion_is_or_carries_the_footnote(
    document: ExtractedDocument, suggestions: list[Suggestion]
) -> None:
    assert suggestions
    for suggestion in suggestions:
        assert document.text[suggestion.start : suggestion.end] == suggestion.text
        assert "Cabinet minutes" not in suggestion.text, suggestion.text
    assert any("Sentence 13 of the" in s.text for s in suggestions)


def test_a_line_ending_in_a_raised_reference_is_set_in_the_texts_type(pdf_path: Path) -> None:
    # Measured at its last digit, "…the plan¹" read as small print, and a page's last line
    # ending so (and opening with a number) would have been taken for a footnote.
    lines = read_pdf(pdf_path, Monitor(pdf_path, None, None))[0][0]
    sizes = {line.text.strip(): line.size for line in lines}
    assert sizes["The council agreed the plan<sup>1</sup>"] == sizes["in March."]
