"""How long a pack runs in print, and the warning when it passes its layout's length norm.

The PDF build measures each section on its laid-out pages (`render/pdf.py`). The Word build
lays nothing out (Word does that when the file is opened), so it estimates: `estimate` walks
the pack's blocks and adds up their heights in the PDF's page geometry (`assets/pack.css`),
wrapping text at an average character width (fitted against 55 laid-out packs of 3 to 46
pages: off by 0.13 pages on average, never by more than one; `tests/test_length.py` checks
some). Imports nothing heavy: the Word build stays quick.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from briefgen.pack.model import BulletList, Pack, Paragraph, Placeholder, Quote, Section, Table
from briefgen.pack.wording import acronym_line

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


# --- The estimate, in points, in the PDF's geometry (assets/pack.css) -------------------------

PAGE_HEIGHT = 711.0  # A4 less the 24 mm and 22 mm margins
TEXT_WIDTH = 482.0  # A4 less two 20 mm margins
GUTTER = 34.0  # a committee report's paragraph numbers hang in 12 mm
CHAR_WIDTH = 0.50  # average advance of the body font, in ems, for running English text
BODY = 10.5  # pt
LINE = 1.5  # line height, in ems


def _lines(text: str, width: float, size: float = BODY, bold: bool = False) -> int:
    per_line = width / (size * CHAR_WIDTH * (1.08 if bold else 1.0))
    return max(1, math.ceil(len(text) / per_line)) if text else 0


def _text(text: str, width: float, size: float = BODY, bold: bool = False) -> float:
    return _lines(text, width, size, bold) * size * LINE


def _block_height(block: object, width: float, label: str) -> float:
    """The height of one block, with the space below it (`label`: a placeholder's lead-in)."""
    if isinstance(block, Quote):
        inner = width - 14.0  # the rule and padding that set a quotation off
        height = 14.0 + BODY * 0.2  # the kind label's line
        if block.headline:
            height += _text(block.headline, width, bold=True) + BODY * 0.45
        for part in block.text.split("\n\n"):
            height += _text(part, inner) + BODY * 0.4
        height += _text(block.citation, inner, size=9.0) + 9.0 * 0.3
        if block.acronyms:
            height += _text(acronym_line(block.acronyms), inner, size=9.0) + 9.0 * 0.7
        return height + BODY * 1.3
    if isinstance(block, Paragraph):
        return _text(block.label + " " + block.text, width) + BODY * 0.7
    if isinstance(block, Placeholder):
        return _text(f"{label} {block.text}", width - 30.0) + 25.0 + BODY * 0.9
    if isinstance(block, BulletList):
        return sum(_text(entry, width - 18.0) + BODY * 0.3 for entry in block.entries) + 7.0
    if isinstance(block, Table):
        columns = max(1, len(block.header))
        cell = width / columns - 8.0

        def row_height(cells: tuple[str, ...]) -> float:
            return max(_text(c, cell, size=9.5) for c in cells) + 8.0

        return 30.0 + row_height(block.header) + sum(row_height(row) for row in block.rows)
    return 0.0


def _heading_height(section: Section, width: float) -> float:
    size = 15.0 if section.level == 1 else 12.5
    title = f"{section.number} {section.title}".strip()
    return _text(title, width, size=size, bold=True) / LINE * 1.25 + size * 2.0


def _contents_height(pack: Pack) -> float:
    entries = [section for section in pack.sections if section.in_contents]
    return 60.0 + sum(BODY * LINE + 6.8 for _ in entries)


def estimate(pack: Pack) -> tuple[int, list[SectionLength]]:
    """The pack's page count in print, and each section's length in pages, estimated from its
    text without laying it out. A cover page, the contents, then the sections; the evidence pack
    gives its contents a page to themselves, as the PDF does."""
    width = TEXT_WIDTH - (GUTTER if any(s.number for s in pack.sections) else 0.0)
    heights = [
        _heading_height(section, width)
        + sum(_block_height(b, width, pack.wording["placeholder"]) for b in section.blocks)
        for section in pack.sections
    ]
    contents = _contents_height(pack) / PAGE_HEIGHT
    if pack.spec.layout == "evidence-pack":
        contents = math.ceil(contents)
    body = sum(heights) / PAGE_HEIGHT
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
        lengths.append(SectionLength(section.title, section.level, height / PAGE_HEIGHT, quotes))
    return pages, lengths
