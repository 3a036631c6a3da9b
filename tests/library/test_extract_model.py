"""Derived locators: pages, numbered paragraphs and headings as a reader cites them."""

from __future__ import annotations

from pathlib import Path

from briefgen.library.extract import LabelSource
from briefgen.library.extract.model import DocumentBuilder, ExtractedDocument, Metadata


def report() -> ExtractedDocument:
    builder = DocumentBuilder(Path("report.pdf"), "pdf")
    builder.start_page(0, "xii", LabelSource.PRINTED)
    start, end = builder.append("Funding<sup>2</sup>")
    builder.heading(start, end, "Funding<sup>2</sup>", 1)
    builder.append("\nIntroductory words.\n")
    builder.start_page(1, "12", LabelSource.PRINTED)
    start, _ = builder.append("4.3 The council agreed the budget. It ran on\n")
    builder.numbered_paragraph(start, "4.3")
    builder.start_page(2, "13", LabelSource.PRINTED)
    builder.append("to the next page.\n")
    long_title = "A very long heading that goes on and on about the many things in this section"
    start, end = builder.append(f"5 {long_title}\n")
    builder.heading(start, end - 1, long_title, 1, "5")
    builder.append("Closing words.")
    return builder.build(Metadata(title="Report"))


def test_locators_name_page_paragraph_or_heading():
    document = report()
    text = document.text

    def at(words: str) -> str:
        start = text.index(words)
        return document.locator(start, start + len(words))

    assert at("Introductory words.") == "p. xii, 'Funding'"
    assert at("The council agreed the budget.") == "p. 12, para 4.3"
    assert at("It ran on\nto the next page.") == "pp. 12–13, para 4.3"
    assert at("Closing words.") == (
        "p. 13, section 5, 'A very long heading that goes on and on about the many…'"
    )
    assert document.metadata.first_heading == "Funding"
    assert [p.label for p in document.pages] == ["xii", "12", "13"]
    assert document.pages[1].end == document.pages[2].start


def test_a_worded_heading_number_is_cited_as_printed():
    builder = DocumentBuilder(Path("plan.docx"), "docx")
    start, end = builder.append("Chapter 3 Housing\n")
    builder.heading(start, end - 1, "Housing", 1, "Chapter 3")
    builder.append("Words.")
    document = builder.build(Metadata())
    assert document.locator(end, end + 6) == "Chapter 3, 'Housing'"


def test_a_document_without_pages_or_headings_has_no_locator():
    builder = DocumentBuilder(Path("notes.txt"), "text")
    builder.append("Plain words.")
    assert builder.build(Metadata()).locator(0, 5) == ""
