"""How long a pack runs in print, and the warning when it passes its layout's length norm.

The PDF build measures each section on its laid-out pages (`render/pdf.py`). The Word build
lays nothing out (Word does that when the file is opened), so it estimates: `estimate` walks
the pack's blocks and adds up their heights in the page geometry of the print size
(`assets/pack.css`, `large-print.css`; the Word file has the same pages), wrapping text at an
average character width fitted against laid-out packs: in standard print within a page of
both the PDF and the Word file (30 packs of 5 to 24 pages), in large print within 8% of the
Word file laid out by LibreOffice (15 packs of 11 to 55 pages; `tests/test_length.py` checks
some, docs/decisions/0122). Imports nothing heavy: the Word build stays quick.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from briefgen.pack.model import BulletList, Pack, Paragraph, Placeholder, Quote, Section, Table
from briefgen.pack.wording import acronym_line
from briefgen.render.tables import fit_table

# The length warning names at most this many sections: enough to act on, short enough to read.
MAX_SECTIONS_NAMED = 4


class SectionLength(NamedTuple):
    """How much of the printed document a section takes, in pages (fractions included)."""

    title: str
    level: int
    pages: float
    quotes: int = 0  # quotes in the section and its subsections: what an officer can leave out


def length_warning(
    pack: Pack, lengths: list[SectionLength], page_count: int, estimated: bool = False
) -> str:
    """The warning for a pack over its layout's page limit, naming the longest sections to trim
    (themes rather than the heading that groups them); "" if within the limit. An `estimated`
    count is worded as one ("about 9 pages")."""
    limit = pack.page_limit
    # The norm is for standard print; a large-print copy of the same pack is meant to run longer.
    if not limit or pack.large_print or page_count <= limit:
        return ""
    words = pack.wording
    candidates = _trimmable(lengths)
    candidates.sort(key=lambda length: length.pages, reverse=True)
    excess = page_count - limit
    named: list[str] = []
    covered = 0.0
    for candidate in candidates:
        # Nobody cuts a section to nothing: name enough to find half as much again as needed.
        if (covered >= 1.5 * excess and named) or len(named) == MAX_SECTIONS_NAMED:
            break
        pages = max(1, round(candidate.pages))
        count = words["pages_one"] if pages == 1 else words["pages_many"].format(count=pages)
        named.append(words["trim_section"].format(title=candidate.title, pages=count))
        covered += candidate.pages
    template = words["length_warning_estimated"] if estimated else words["length_warning"]
    document = pack.subtitle.lower()
    if any(section.appendix for section in pack.sections):
        document = words["body_of"].format(document=document)  # the norm is the body's
    warning = template.format(document=document, pages=page_count, limit=limit)
    return warning + (words["length_trim"].format(sections=", ".join(named)) if named else "")


def body_sections(pack: Pack) -> tuple[Section, ...]:
    """The sections before a report's appendices: what its length norm counts."""
    body = []
    for section in pack.sections:
        if section.appendix:
            break
        body.append(section)
    return tuple(body)


def starts_appendix(section: Section) -> bool:
    """Whether `section` opens an appendix (Appendix A, Appendix B…), which starts a page of
    its own in the PDF and Word, as each appendix of a council report does."""
    return section.appendix and section.level == 1


def quote_count(section: Section) -> int:
    return sum(isinstance(block, Quote) for block in section.blocks)


def _trimmable(lengths: list[SectionLength]) -> list[SectionLength]:
    """Top-level sections that quote the sources: the officer trims by leaving items out, and
    the fixed parts of the shape (the contact officer, say) are not theirs to cut. A section
    whose content is all in subsections (the member briefing's "What the documents say") is
    replaced by those subsections."""
    chosen = []
    for index, length in enumerate(lengths):
        children = []
        for later in lengths[index + 1 :]:
            if later.level <= length.level:
                break
            if later.level == length.level + 1:
                children.append(later)
        if length.level == 1 and children and length.pages - sum(c.pages for c in children) < 0.5:
            chosen.extend(children)
        elif length.level == 1:
            chosen.append(length)
    quoted = [length for length in chosen if length.quotes]
    # Half a page or more is worth naming; if no section is that long, the longest still are.
    return [length for length in quoted if length.pages >= 0.5] or quoted


# --- The estimate, in points, in the PDF's geometry (assets/pack.css, large-print.css) ---------


class Geometry(NamedTuple):
    """A print size's page and type, in points, as the stylesheets set them."""

    page_height: float  # A4 less the top and bottom margins
    text_width: float  # A4 less the side margins
    gutter: float  # a committee report's paragraph numbers hang in it
    body: float  # body text size
    small: float  # citations, acronyms, notes
    table: float  # table text
    headings: tuple[float, float]  # level 1 and level 2 headings
    char_width: float  # average advance of the body font, in ems, for running English text
    # How much of a page the text fills on average: at 18 pt a block pushed to the next page
    # leaves more of the last one empty.
    fill: float = 1.0


STANDARD = Geometry(711.0, 482.0, 34.0, 11.0, 9.5, 10.0, (16.0, 13.5), 0.50)
# 30 and 24 mm margins top and bottom, 18 mm at the sides, 20 mm gutter; 18 pt everything.
# Fitted on 15 large-print packs of 11 to 64 pages: within a page or 8% of the laid-out PDF.
LARGE_PRINT = Geometry(689.0, 493.0, 57.0, 18.0, 18.0, 18.0, (26.0, 22.0), 0.52, 0.90)
# The large-print Word file, in Arial (narrower than Open Sans) on the same page: fitted on the
# same 15 packs laid out by LibreOffice (Liberation Sans, Arial's metrics): within 8%.
WORD_LARGE_PRINT = LARGE_PRINT._replace(char_width=0.48, fill=1.0)
LINE = 1.5  # line height, in ems


def _text(text: str, width: float, size: float, bold: bool = False, ems: float = 0.5) -> float:
    """The height of `text` wrapped in `width` at `size`, `ems` the font's average advance."""
    if not text:
        return 0.0
    per_line = width / (size * ems * (1.08 if bold else 1.0))
    return max(1, math.ceil(len(text) / per_line)) * size * LINE


def _block_height(block: object, width: float, label: str, geometry: Geometry) -> float:
    """The height of one block, with the space below it (`label`: a placeholder's lead-in)."""
    body, small = geometry.body, geometry.small

    def text(words: str, width: float, size: float, bold: bool = False) -> float:
        return _text(words, width, size, bold, geometry.char_width)

    if isinstance(block, Quote):
        inner = width - body * 1.3  # the rule and padding that set a quotation off
        height = body * 1.55  # the kind label's line
        if block.headline:
            height += text(block.headline, width, body, bold=True) + body * 0.45
        for passage in block.text.split("\n\n"):
            height += text(passage, inner, body) + body * 0.4
        height += text(block.citation, inner, small) + small * 0.3
        if block.acronyms:
            height += text(acronym_line(block.acronyms), inner, small) + small * 0.7
        return height + body * 1.3
    if isinstance(block, Paragraph):
        return text(block.label + " " + block.text, width, body) + body * 0.7
    if isinstance(block, Placeholder):
        return text(f"{label} {block.text}", width - 30.0, body) + 25.0 + body * 0.9
    if isinstance(block, BulletList):
        entries = (text(entry, width - body * 1.7, body) + body * 0.3 for entry in block.entries)
        return sum(entries) + body * 0.7
    if isinstance(block, Table):
        size = geometry.table
        height = 0.0
        for part in fit_table(block, width, size, TABLE_PADDING):
            cells = [width * share - TABLE_PADDING for share in part.shares]

            def row_height(row: tuple[str, ...], cells: list[float] = cells) -> float:
                texts = zip(row, cells, strict=False)
                return max(text(words, cell, size) for words, cell in texts) + 9.0

            rows = part.table.rows
            height += size * 3 + row_height(part.table.header) + sum(map(row_height, rows))
        return height
    return 0.0


TABLE_PADDING = 7.0  # a table cell's padding, in points (2.5 mm)


def _heading_height(section: Section, width: float, geometry: Geometry) -> float:
    size = geometry.headings[0] if section.level == 1 else geometry.headings[1]
    title = f"{section.number} {section.title}".strip()
    return _text(title, width, size, True, geometry.char_width) / LINE * 1.25 + size * 2.0


def _contents_height(pack: Pack, geometry: Geometry) -> float:
    entries = [section for section in pack.sections if section.in_contents]
    heading = geometry.headings[0] * 3.5
    return heading + sum(geometry.body * LINE + 6.8 for _ in entries)


def estimate(pack: Pack, word: bool = False) -> tuple[int, list[SectionLength]]:
    """The pack's page count in print, and each section's length in pages, estimated from its
    text without laying it out. A cover page, the contents, then the sections; the evidence pack
    gives its contents a page to themselves, as the PDF does. `word`: the Word file's length
    (in large print its Arial runs shorter than the PDF's Open Sans)."""
    large = WORD_LARGE_PRINT if word else LARGE_PRINT
    geometry = large if pack.large_print else STANDARD
    numbered = any(s.number for s in pack.sections)
    width = geometry.text_width - (geometry.gutter if numbered else 0.0)
    label = pack.wording["placeholder"]
    heights = [
        _heading_height(section, width, geometry)
        + sum(_block_height(b, width, label, geometry) for b in section.blocks)
        for section in pack.sections
    ]
    page = geometry.page_height * geometry.fill
    contents = _contents_height(pack, geometry) / page
    if pack.spec.layout == "evidence-pack":
        contents = math.ceil(contents)
    elif pack.contents_on_cover and not pack.large_print:
        contents = 0.0  # on the cover sheet, below its facts (large print's does not fit)
    body = sum(heights) / page
    pages = 1 + math.ceil(contents + body - 0.02)
    lengths = []
    for index, section in enumerate(pack.sections):
        height = heights[index]
        quotes = quote_count(section)
        following = zip(pack.sections[index + 1 :], heights[index + 1 :], strict=True)
        for later, later_height in following:
            if later.level <= section.level:
                break
            height += later_height
            quotes += quote_count(later)
        lengths.append(SectionLength(section.title, section.level, height / page, quotes))
    return pages, lengths
