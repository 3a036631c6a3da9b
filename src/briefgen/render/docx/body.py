"""The pack's cover and sections as Word paragraphs and tables, in the pack's order.

One helper per kind of block, named for what it adds (`add_quote`, `add_citation`,
`add_placeholder`, `add_table`...), each in the named styles of the reference or the council's
template; every word comes from the pack or `pack.wording`, as in the PDF.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Emu, Mm
from docx.text.paragraph import Paragraph as WordParagraph

from briefgen.draftmarks import MarkedQuote, citation_bookmark, quote_bookmark
from briefgen.errors import RenderError
from briefgen.pack.model import (
    Acronym,
    Block,
    BulletList,
    Pack,
    Paragraph,
    Placeholder,
    Quote,
    Section,
    Table,
)
from briefgen.pack.wording import assets_dir
from briefgen.render.docx import oxml, oxml_lists
from briefgen.render.docx.largeprint import LARGE_PRINT_LOGO_WIDTH
from briefgen.render.docx.writer import Writer
from briefgen.render.references import keep_labels_with_numbers
from briefgen.render.tables import fit_table, kept_together, stays_whole

LOGO_NAMES = ("logo.png", "logo.jpg", "logo.jpeg")  # Word needs a raster copy of logo.svg
LOGO_WIDTH = Mm(62)
# A table cell's left and right margins together, in points (the Briefing Table style: 85 and
# 113 twips).
TABLE_CELL_PADDING = 10.0
# A table with at least this many rows below its header keeps its last two rows on one page; a
# shorter one's rows (a theme each in the comparison) may stand alone.
MIN_ROWS_KEPT = 4


# --- The cover ---------------------------------------------------------------------------------


def add_cover(writer: Writer, pack: Pack) -> None:
    """Logo, layout name, title, meeting and date, the cover facts and briefgen's note."""
    logo = add_logo(writer, pack.wording["logo_alt"], pack.large_print)
    writer.paragraph("Subtitle", pack.subtitle)
    writer.paragraph("Title", pack.title)
    meeting_paragraph = writer.paragraph("Cover Meeting")
    if pack.contents_on_cover and not pack.large_print:
        # A cover sheet that carries the contents is set closer, as in the PDF (6 and 8 mm).
        if logo is not None:
            logo.paragraph_format.space_after = Mm(6)
        meeting_paragraph.paragraph_format.space_after = Mm(8)
    meeting = pack.spec.meeting.meeting.strip()
    if meeting:
        writer.run(meeting_paragraph, meeting + "\n")
    writer.run(meeting_paragraph, pack.date_text)
    labels = pack.wording
    # The meeting and date are set large under the title; the facts do not repeat them.
    facts = [
        (label, value)
        for label, value in pack.cover_facts
        if label not in (labels["meeting"], labels["date"])
    ]
    for index, (label, value) in enumerate(facts):
        add_cover_fact(writer, label, value, first=index == 0)


def add_logo(writer: Writer, alt_text: str, large_print: bool) -> WordParagraph | None:
    """The council logo from the assets folder, with `alt_text` for screen readers; its
    paragraph, or None where there is no logo."""
    folder = assets_dir()
    path = next((folder / name for name in LOGO_NAMES if (folder / name).is_file()), None)
    if path is None:
        writer.warnings.append(
            f"the Word cover has no logo: add logo.png to {folder} (Word cannot show logo.svg "
            "on its own)"
        )
        return None
    paragraph = writer.paragraph("Logo")
    run = paragraph.add_run()
    try:
        run.add_picture(str(path), width=LARGE_PRINT_LOGO_WIDTH if large_print else LOGO_WIDTH)
    except Exception as error:  # python-docx raises several types for a bad image
        raise RenderError(
            f"{path} is not an image Word can show ({error}); replace it with a PNG"
        ) from None
    oxml.describe_picture(run, oxml.xml_text(alt_text))
    return paragraph


def add_cover_fact(writer: Writer, label: str, value: str, first: bool = False) -> None:
    """One label and value line; the first has the heavy rule that opens the facts."""
    paragraph = writer.paragraph("Cover Fact First" if first else "Cover Fact")
    writer.run(paragraph, label, "Label")
    writer.run(paragraph, "\t" + value)


# --- Sections ----------------------------------------------------------------------------------


def add_heading(
    writer: Writer, section: Section, bookmark: str, page_break_before: bool = False
) -> None:
    """A real Heading 1-3 (navigation pane, contents), numbered in a committee report, and the
    target of its contents entry."""
    paragraph = writer.paragraph(f"Heading {min(max(section.level, 1), 3)}")
    if page_break_before:
        paragraph.paragraph_format.page_break_before = True
    listed = writer.outline is not None and writer.outline.heading(paragraph, section.number)
    typed = section.number and not listed
    writer.run(paragraph, f"{section.number}\t{section.title}" if typed else section.title)
    oxml.add_bookmark(paragraph, bookmark, bookmark.removeprefix("_Toc"))
    writer.section_title = section.title
    if writer.gutter:
        writer.set_indent(paragraph, writer.gutter, -writer.gutter if section.number else 0)


def add_blocks(writer: Writer, blocks: Sequence[Block]) -> None:
    for block, following in zip(blocks, (*blocks[1:], None), strict=False):
        match block:
            case Quote():
                add_quote(writer, block, writer.pack.wording)
            case Paragraph():
                # A paragraph that introduces a list, table or quotation stays with it.
                keep = following is not None and not isinstance(following, Paragraph)
                add_text(writer, block, keep_with_next=keep)
            case Placeholder():
                add_placeholder(writer, block, writer.pack.wording["placeholder"])
            case BulletList():
                add_list(writer, block)
            case Table():
                add_table(writer, block)
            case _:
                raise TypeError(f"no Word output for block {block!r}")


def add_text(writer: Writer, block: Paragraph, keep_with_next: bool = False) -> None:
    """A paragraph of briefgen's, the officer's or a source's text, with its number and
    bold lead-in if it has them."""
    style = "Numbered Paragraph" if block.number else "Normal"
    paragraph = writer.paragraph(style)
    writer.number(paragraph, block.number, style)
    if block.label:
        writer.run(paragraph, block.label, "Label")
        writer.run(paragraph, " ")
    writer.run(paragraph, block.text)
    if keep_with_next:
        paragraph.paragraph_format.keep_with_next = True
    acronyms = add_acronyms(writer, block.acronyms, writer.pack.wording["acronyms"])
    if keep_with_next and acronyms is not None:  # the acronyms it explains come between
        acronyms.paragraph_format.keep_with_next = True


def add_placeholder(writer: Writer, block: Placeholder, label: str) -> None:
    """Text the officer must complete: boxed, shaded and labelled ("To complete:")."""
    paragraph = writer.paragraph("Placeholder")
    writer.number(paragraph, block.number, "Placeholder")
    writer.run(paragraph, label, "Placeholder Label")
    writer.run(paragraph, " " + block.text)


def add_quote(writer: Writer, quote: Quote, words: dict[str, str]) -> None:
    """One item: its kind and briefgen's summary, then the source's exact words in the Quote
    style (an editor's "[…]", in a run of its own, where they start or stop mid-thought), then
    the citation; the acronyms it uses first, if any, after it."""
    style = "Briefing Headline" if quote.headline else "Item Label"
    label = writer.paragraph(style)
    keep_with_next(label)
    writer.number(label, quote.number, style)
    writer.run(label, quote.kind_label, "Kind Label")
    if quote.headline:
        writer.run(label, "\n" + quote.headline)
    parts = quote_paragraphs(quote.text)
    paragraphs = []
    for index, part in enumerate(parts):
        paragraph = writer.paragraph("Quote")
        if index == 0 and quote.elided_start:
            writer.run(paragraph, words["elision"] + " ", "Note")
        writer.run(paragraph, part)
        if index == len(parts) - 1 and quote.elided_end:
            writer.run(paragraph, " " + words["elision"], "Note")
        writer.indent(paragraph, "Quote")
        if not writer.pack.large_print:  # large print lets a long quotation break, as the PDF
            keep_with_next(paragraph)  # the last keeps with its citation
        paragraphs.append(paragraph)
    citation = add_citation(writer, quote.citation, words["citation_prefix"])
    if paragraphs:
        mark_quote(writer, quote, parts, (paragraphs[0], paragraphs[-1]), citation)
    add_acronyms(writer, quote.acronyms, words["acronyms"], style="Citation")


def mark_quote(
    writer: Writer,
    quote: Quote,
    parts: Sequence[str],
    paragraphs: tuple[WordParagraph, WordParagraph],
    citation: WordParagraph,
) -> None:
    """Bookmark the quotation's paragraphs (`paragraphs`: its first and last, holding `parts`)
    and its citation, and list it, for `briefgen verify` to find after the draft is edited
    (docs/decisions/0100)."""
    number = len(writer.quotations) + 1
    first, last = paragraphs
    oxml.add_bookmark(first, quote_bookmark(number), writer.next_bookmark_id(), last=last)
    oxml.add_bookmark(citation, citation_bookmark(number), writer.next_bookmark_id())
    written = MarkedQuote(
        number=number,
        item_id=quote.item_id,
        source_id="",  # filled in by the renderer, which has the corpus
        text="\n\n".join(parts),
        citation=f"{writer.pack.wording['citation_prefix']} {quote.citation}",
        paragraph=quote.number,
        section=writer.section_title,
    )
    writer.quotations.append(written)


def add_citation(writer: Writer, citation: str, prefix: str) -> WordParagraph:
    paragraph = writer.paragraph("Citation")
    writer.run(paragraph, prefix, "Label")
    writer.run(paragraph, " " + keep_labels_with_numbers(citation))
    writer.indent(paragraph, "Citation")
    return paragraph


def add_acronyms(
    writer: Writer, acronyms: Sequence[Acronym], label: str, style: str = "Briefing Note"
) -> WordParagraph | None:
    """The acronyms a block uses for the first time, spelt out (member briefings); the
    paragraph, or None for none."""
    if not acronyms:
        return None
    paragraph = writer.paragraph(style)
    writer.run(paragraph, label, "Label")
    writer.run(paragraph, " " + "; ".join(f"{a.term} – {a.expansion}" for a in acronyms))
    writer.indent(paragraph, style)
    return paragraph


def add_list(writer: Writer, block: BulletList) -> None:
    """Bullets, or a numbered list that starts again at 1 (or (a), for a committee's
    recommendations, as in the PDF)."""
    if block.number:
        writer.number(writer.paragraph("Numbered Paragraph"), block.number, "Numbered Paragraph")
    style = "List Number" if block.ordered else "List Bullet"
    list_id = None
    if block.ordered:
        list_id = writer.lists.restart(style, letters=writer.numbered and block.role == "officer")
    indent = writer.lists.indent(style) if (writer.gutter or writer.pack.large_print) else None
    for entry in block.entries:
        paragraph = writer.paragraph(style, entry)
        if list_id is not None:
            oxml_lists.set_list(paragraph, list_id)
        if indent is not None:
            left, hanging = indent
            writer.set_indent(paragraph, left, -hanging)
    add_acronyms(writer, block.acronyms, writer.pack.wording["acronyms"])


def add_table(writer: Writer, block: Table) -> None:
    """A data table in the table style, its caption above and its header row repeated on every
    page it runs onto; rows are never split across pages. Columns take their widths from their
    content and sum to the text width; a table too wide for the page is turned round or split
    (`briefgen.render.tables`), as in the PDF."""
    width = writer.text_width() - writer.gutter
    size = writer.font_size("Table Text")
    for index, part in enumerate(fit_table(block, width / 12700, size, TABLE_CELL_PADDING)):
        printed = kept_together(part, width / 12700, size, TABLE_CELL_PADDING)
        add_table_part(writer, printed, [int(width * share) for share in part.shares], index)


def add_table_part(writer: Writer, block: Table, widths: list[int], index: int) -> None:
    if block.caption or (block.number and index == 0):
        caption = writer.paragraph("Caption")
        keep_with_next(caption, whole=False)
        writer.number(caption, block.number if index == 0 else "", "Caption")
        writer.run(caption, block.caption)
    if writer.last_is_table:
        writer.paragraph("Normal")  # two tables in a row would merge into one
    widths[-1] += writer.text_width() - writer.gutter - sum(widths)  # rounding: sum exactly
    rows = (block.header, *block.rows)
    table = writer.document.add_table(rows=len(rows), cols=len(widths))
    table.style = writer.styles["Briefing Table"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    oxml.set_table_width(table, sum(widths), writer.gutter)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Emu(width)
    # A table of four rows or more never leaves its last row alone on a page (as the PDF):
    # the row before last keeps with it. A table of counts keeps every row with the next.
    kept_rows = range(len(rows) - 2, len(rows) - 1) if len(rows) > MIN_ROWS_KEPT else range(0)
    if stays_whole(block):
        kept_rows = range(len(rows) - 1)
    for row_index, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
        oxml.keep_row_whole(row, repeat_as_header=row_index == 0)
        for paragraph, value in zip(oxml.fit_row_cells(row, widths), values, strict=False):
            writer.set_style(paragraph, "Table Heading" if row_index == 0 else "Table Text")
            writer.run(paragraph, value)
            if row_index in kept_rows:
                keep_with_next(paragraph, whole=False)
    writer.last_is_table = True


def keep_with_next(paragraph: WordParagraph, whole: bool = True) -> None:
    """Keep `paragraph` on the page of the one after it (and, if `whole`, in one piece), as
    direct formatting: an item's label, summary, quotation and citation, and a caption with its
    table, stay together whatever a council template's Quote or Caption style says."""
    paragraph.paragraph_format.keep_with_next = True
    if whole:
        paragraph.paragraph_format.keep_together = True


def quote_paragraphs(text: str) -> list[str]:
    """The quoted text split only where the source has a blank line, as in the PDF."""
    return [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
