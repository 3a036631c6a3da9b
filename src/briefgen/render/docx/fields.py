"""Word fields: the contents, and "Page X of Y" in the footer.

A field shows what was last written into it until Word updates it (`properties` asks Word to
update them on open), so each is written with a result a reader can use as it is: the contents
already list every heading, linked to it; the page numbers read 1.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from docx.shared import Pt
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from briefgen.render.docx import oxml
from briefgen.render.docx.writer import Writer

CONTENTS_INSTRUCTION = 'TOC \\o "1-{levels}" \\h \\z \\u'  # headings 1 to `levels`


def add_contents(
    writer: Writer,
    heading: str,
    entries: Sequence[tuple[int, str, str, str]],
    levels: int = 3,
    new_page: bool = True,
) -> None:
    """The contents: a TOC field whose result already lists the headings (level, number, title,
    bookmark), each linked to its heading, so it reads right before Word refreshes it. Page
    numbers come with the refresh: until then there is no number, and no dot leader to one.
    `new_page` False: on the cover sheet, below its facts (a committee report's)."""
    title = writer.paragraph("TOC Heading", heading)
    title.paragraph_format.page_break_before = new_page
    paragraph = None
    for level, number, text, bookmark in entries or [(1, "", "", "")]:
        first = paragraph is None
        paragraph = writer.paragraph(f"toc {min(max(level, 1), 3)}")
        if first:
            oxml.add_field_start(paragraph, CONTENTS_INSTRUCTION.format(levels=levels))
        if text:
            run = writer.run(paragraph, f"{number}\t{text}" if number else text)
            oxml.link_to_bookmark(run, bookmark)
    assert paragraph is not None
    oxml.add_field_end(paragraph)


def set_contents_close(writer: Writer) -> None:
    """Set the contents entries closer (1 pt above and below, as the PDF's 0.5 mm), for a
    cover sheet that carries them. By their styles: Word's refresh of the field rewrites the
    entries, and direct formatting with them."""
    for level in (1, 2, 3):
        style = writer.styles.get(f"toc {level}")
        if isinstance(style, ParagraphStyle):
            style.paragraph_format.space_before = Pt(1)
            style.paragraph_format.space_after = Pt(1)


def add_page_of(writer: Writer, paragraph: Paragraph, label: str) -> None:
    """`label` ("Page {page} of {pages}") with PAGE and NUMPAGES fields for the placeholders."""
    for piece in re.split(r"(\{pages\}|\{page\})", label):
        if piece == "{page}":
            add_field(writer, paragraph, "PAGE", "1")
        elif piece == "{pages}":
            add_field(writer, paragraph, "NUMPAGES", "1")
        elif piece:
            writer.run(paragraph, piece)


def add_field(writer: Writer, paragraph: Paragraph, instruction: str, shown: str = "") -> None:
    """A complex field: `instruction`, and `shown` as what a reader sees until Word updates it."""
    oxml.add_field_start(paragraph, instruction)
    if shown:
        writer.run(paragraph, shown)
    oxml.add_field_end(paragraph)
