"""Footnotes marked with symbols (*, †, ‡, §) or letters at the foot of a PDF page: found as
numbered ones are, when set smaller and referenced by a raised mark in the page's text; each
its own line after the sentence running over the page break, nothing deleted (decision 0206)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph
from tests.library import documents

from briefgen.content import Corpus
from briefgen.content.quotes import locate, normalise_source
from briefgen.library.extract import ExtractedDocument, extract
from briefgen.library.extract.pdf_footnotes import gather_footnotes
from briefgen.library.extract.pdf_layout import Line
from briefgen.library.suggest import suggest, train


def texts(lines: list[Line], body_size: float = 11.0) -> list[str]:
    return [line.text for line in gather_footnotes(lines, body_size)]


def test_symbol_notes_referenced_on_the_page_are_one_line_each() -> None:
    lines = [
        Line("The council agreed the plan<sup>*</sup> in", 11.0, y=500.0),
        Line("March; its budget rose.<sup>†</sup>", 11.0, y=486.0),
        Line("* Cabinet minutes, item 7, on", 10.0, y=80.0),
        Line("12 March 2025.", 10.0, y=68.0),
        Line("† Budget book, table 3.", 10.0, y=56.0),
    ]
    assert texts(lines)[2:] == [
        "<sup>*</sup> Cabinet minutes, item 7, on 12 March 2025.",
        "<sup>†</sup> Budget book, table 3.",
    ]
    # The next symbol in the books' order opens a note even where the page does not raise it.
    unreferenced_next = [*lines, Line("‡ Minutes of 4 March.", 10.0, y=44.0)]
    assert texts(unreferenced_next)[-1] == "<sup>‡</sup> Minutes of 4 March."


def test_letter_notes_follow_on_and_a_wrapped_line_opening_with_a_stays_on_its_note() -> None:
    lines = [
        Line("The council agreed the plan<sup>a</sup> and the", 11.0, y=500.0),
        Line("budget.<sup>b</sup>", 11.0, y=486.0),
        Line("a. Cabinet minutes, which record", 10.0, y=80.0),
        Line("a decision of the cabinet.", 10.0, y=68.0),
        Line("b. Budget book, table 3.", 10.0, y=56.0),
    ]
    assert texts(lines)[2:] == [
        "<sup>a</sup> Cabinet minutes, which record a decision of the cabinet.",
        "<sup>b</sup> Budget book, table 3.",
    ]


def test_a_symbol_or_letter_line_in_small_print_without_a_reference_is_no_note() -> None:
    # A table's source line or a list in small type: nothing in the text above points to it.
    for foot in ("* Provisional figures for 2025.", "a Figures for 2025.", "† Provisional."):
        lines = [Line("Spending rose again this year.", 11.0, y=300.0), Line(foot, 7.0, y=60.0)]
        assert gather_footnotes(lines, 11.0) == lines


SENTENCES = " ".join(
    f"Sentence {n} of the long paragraph about the council budget." for n in range(1, 22)
)
CABINET = "Cabinet minutes, 4 March 2025, item 7, which records the decision and the vote."
BUDGET = "Budget book for 2025, table 3."


def marked_pdf(style: str) -> bytes:
    """Two notes in Word's proportions (10 pt under 11 pt) on a page whose last sentence runs
    over to the next, numbered by the CSS counter style `style`."""
    return documents.pdf_bytes(
        "<style>body { font-size: 11pt } .note { float: footnote; font-size: 10pt }"
        " @counter-style note-marks { system: symbolic; symbols: '*' '\u2020' '\u2021'; }"
        f" ::footnote-call {{ content: counter(footnote, {style}) }}"
        f" ::footnote-marker {{ content: counter(footnote, {style}) '. ' }}</style>"
        f'<p>The council agreed the plan<span class="note">{CABINET}</span> in March. Its '
        f'budget rose<span class="note">{BUDGET}</span> by a fifth. {SENTENCES}</p>'
        "<p>Councils should publish their plans for family support every year.</p>"
    )


@pytest.fixture(scope="module", params=[("note-marks", "*", "†"), ("lower-alpha", "a", "b")])
def marked(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[ExtractedDocument, str, str]:
    style, first, second = request.param
    path = tmp_path_factory.mktemp("marks") / f"{style}.pdf"
    path.write_bytes(marked_pdf(style))
    return extract(path), first, second


def test_marked_notes_are_lines_of_their_own_after_the_sentence_over_the_page(
    marked: tuple[ExtractedDocument, str, str],
) -> None:
    document, first, second = marked
    lines = document.text.splitlines()
    assert f"The council agreed the plan<sup>{first}</sup> in March." in lines
    assert (
        lines[lines.index(f"<sup>{first}</sup> {CABINET}") + 1] == f"<sup>{second}</sup> {BUDGET}"
    )
    note_at = document.text.index(f"\n<sup>{first}</sup> {CABINET}\n")
    assert document.pages[1].start < note_at  # after the sentence running over the break
    assert document.text[:note_at].endswith("the council budget.")
    # nothing deleted: the notes are lines of the text, and the body reads on without them
    assert f"<sup>{second}</sup> {BUDGET}" in lines
    source = normalise_source(document.text)
    for words in (SENTENCES, "Its budget rose by a fifth."):
        assert locate(words, source) is not None, words


def test_a_quote_reads_past_the_mark_and_over_the_page_break(
    marked: tuple[ExtractedDocument, str, str],
) -> None:
    document, _, _ = marked
    source = normalise_source(document.text)
    assert locate("The council agreed the plan in March.", source) is not None
    span = locate("Sentence 12 of the long paragraph about the council budget.", source)
    assert span is not None
    assert document.locator(*span) == "pp. 1–2"
    assert CABINET not in document.text[span[0] : span[1]]


def test_no_suggestion_is_or_carries_a_marked_note(
    marked: tuple[ExtractedDocument, str, str], shipped_corpus: Corpus
) -> None:
    document, _, _ = marked
    found = suggest(
        document.text,
        train(shipped_corpus),
        headings=document.headings,
        locate=document.locator,
        min_score=0.0,
        limit=0,
    )
    assert any("Sentence 12 of the" in s.text for s in found)
    for suggestion in found:
        assert document.text[suggestion.start : suggestion.end] == suggestion.text
        assert "Cabinet minutes" not in suggestion.text, suggestion.text
        assert "Budget book" not in suggestion.text, suggestion.text


def test_a_words_own_last_letter_or_a_raised_ordinal_is_not_taken_for_a_mark(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plain.pdf"
    path.write_bytes(
        documents.pdf_bytes(
            "<p>Councils plan a budget each year, from the 1<sup>st</sup> of May.</p>"
        )
    )
    text = extract(path).text
    assert "<sup>" not in text
    assert "from the 1st of May." in text


FOOTNOTES_XML = f"""<w:footnotes {nsdecls("w")}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>
</w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>†</w:t>
</w:r><w:r><w:t xml:space="preserve"> {CABINET}</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>a</w:t>
</w:r><w:r><w:t xml:space="preserve"> {BUDGET}</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def _note_reference(paragraph: Paragraph, note_id: int, mark: str) -> None:
    """A footnote reference whose mark the author chose, as Word writes one (Insert Footnote,
    Custom mark)."""
    paragraph._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:customMarkFollows="1" w:id="{note_id}"/><w:t>{mark}</w:t>'
            "</w:r>"
        )
    )


def test_a_word_notes_own_mark_is_read_past_and_its_text_stays_out(tmp_path: Path) -> None:
    document = docx.Document()
    footnotes = Part(
        PackURI("/word/footnotes.xml"),
        CT.WML_FOOTNOTES,
        FOOTNOTES_XML.encode(),
        document.part.package,
    )
    document.part.relate_to(footnotes, RT.FOOTNOTES)
    paragraph = document.add_paragraph("The council agreed the plan")
    _note_reference(paragraph, 1, "†")
    paragraph.add_run(" in March. Its budget rose")
    _note_reference(paragraph, 2, "a")
    paragraph.add_run(" by a fifth.")
    path = tmp_path / "marked.docx"
    document.save(str(path))
    text = extract(path).text
    assert text.strip() == (
        "The council agreed the plan<sup>†</sup> in March. Its budget rose<sup>a</sup> by a fifth."
    )
    assert locate("The council agreed the plan in March.", normalise_source(text)) is not None
    assert locate("Its budget rose by a fifth.", normalise_source(text)) is not None


def test_a_line_holding_only_a_notes_symbol_does_not_stop_the_suggestions(
    shipped_corpus: Corpus,
) -> None:
    # LibreOffice sets a note's symbol apart on its own line; where the note is not found (no
    # reference to it above), the line stays text, and a list read after a lead-in met it.
    text = "# Plans\n\nWe will:\n\n*\n\nEngage far and wide with councils and partners.\n"
    found = suggest(text, train(shipped_corpus), min_score=0.0, limit=0)
    assert [s.text for s in found] == ["Engage far and wide with councils and partners."]
