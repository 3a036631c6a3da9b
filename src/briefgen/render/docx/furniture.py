"""The page furniture: running header and footer, the protective marking on every page.

The template's own header and footer are replaced: the marking must be on every page, the cover
included, and the footer carries the date and "Page X of Y" in the document's own margins.
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.enum.text import WD_PARAGRAPH_ALIGNMENT, WD_TAB_ALIGNMENT
from docx.section import _Footer, _Header
from docx.shared import Emu
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from briefgen.pack.model import Pack
from briefgen.render.docx import oxml
from briefgen.render.docx.fields import add_page_of
from briefgen.render.docx.writer import Writer
from briefgen.render.running import fit_line

Story = _Header | _Footer


def add_page_furniture(writer: Writer, pack: Pack) -> None:
    """Running header and footer: the marking centred in both; the title and meeting above, the
    date and "Page X of Y" below. The cover has its own pair, still showing the marking."""
    section = writer.document.sections[0]
    section.different_first_page_header_footer = True
    writer.document.settings.odd_and_even_pages_header_footer = False
    width = writer.text_width()
    header, cover_header = fresh(section.header), fresh(section.first_page_header)
    if pack.marking:
        for story in (header, cover_header):
            add_marking(writer, story, pack.marking)
    else:
        cover_header.add_paragraph()  # a header holds at least one paragraph
    line = story_paragraph(writer, header, "Header")
    meeting = pack.spec.meeting.meeting.strip()
    points, size = width / 12700, writer.font_size("Header")
    # Each on one line, shortened with an ellipsis if need be: a header must not wrap.
    if pack.large_print:
        # One centred line at 16 pt: the title (the meeting is on the cover), as the PDF does.
        line.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
        writer.run(line, fit_line(pack.title, points, size))
    else:
        set_tabs(writer, line, "Header", [(width, WD_TAB_ALIGNMENT.RIGHT)])
        title = fit_line(pack.title, points * (0.55 if meeting else 1.0), size)
        writer.run(line, title + (f"\t{fit_line(meeting, points * 0.4, size)}" if meeting else ""))
    for story in (fresh(section.footer), fresh(section.first_page_footer)):
        add_footer(writer, story, pack, width)


def add_footer(writer: Writer, story: Story, pack: Pack, width: int) -> None:
    """Date, marking and "Page X of Y" on one line; in large print, the marking on a line of
    its own above (three items at 16 pt do not fit one line)."""
    if pack.large_print:
        if pack.marking:
            add_marking(writer, story, pack.marking)
        line = story_paragraph(writer, story, "Footer")
        set_tabs(writer, line, "Footer", [(width, WD_TAB_ALIGNMENT.RIGHT)])
        writer.run(line, pack.date_text + "\t")
    else:
        line = story_paragraph(writer, story, "Footer")
        stops = [(width // 2, WD_TAB_ALIGNMENT.CENTER), (width, WD_TAB_ALIGNMENT.RIGHT)]
        set_tabs(writer, line, "Footer", stops)
        writer.run(line, pack.date_text + "\t")
        if pack.marking:
            writer.run(line, pack.marking, "Label")
        writer.run(line, "\t")
    add_page_of(writer, line, pack.wording["page_of"])


def fresh(story: Story) -> Story:
    """`story` (a header or footer) with its own, empty content: the template's is replaced."""
    story.is_linked_to_previous = False
    oxml.clear_story(story.part.element)
    return story


def story_paragraph(writer: Writer, story: Story, style: str) -> Paragraph:
    paragraph = story.add_paragraph()
    writer.set_style(paragraph, style)
    return paragraph


def add_marking(writer: Writer, story: Story, marking: str) -> Paragraph:
    """The protective marking, centred on a line of its own."""
    paragraph = story_paragraph(writer, story, "Marking")
    paragraph.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
    writer.run(paragraph, marking)
    return paragraph


def set_tabs(
    writer: Writer, paragraph: Paragraph, style: str, stops: Iterable[tuple[int, WD_TAB_ALIGNMENT]]
) -> None:
    """Tab stops measured from this document's margins, clearing the style's own."""
    tab_stops = paragraph.paragraph_format.tab_stops
    own = writer.styles[style]
    for stop in own.paragraph_format.tab_stops if isinstance(own, ParagraphStyle) else ():
        tab_stops.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
    for position, alignment in stops:
        tab_stops.add_tab_stop(Emu(position), alignment)
