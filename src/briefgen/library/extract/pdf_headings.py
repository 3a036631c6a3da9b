"""Which lines of a PDF are headings, and at what level: from the PDF's outline (bookmarks)
where it has one that matches the page text, else from type sizes and weights."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.library.extract.pdf_layout import Line, body_style
from briefgen.library.extract.structure import split_heading_number

# A heading is set this much larger than the body text, or bold where the body is not.
HEADING_SIZE_RATIO = 1.15
MAX_HEADING_CHARS = 200
# The outline is used when at least this share of its entries is found on their pages.
OUTLINE_MATCH_SHARE = 0.5
# Headings deeper than this are read as this level.
MAX_LEVEL = 6


@dataclass(frozen=True, slots=True)
class Bookmark:
    """One outline entry: its depth (0 at the top), title and the page it points to."""

    level: int
    title: str
    page: int


# Where a heading line is: (page, line index in that page's body lines) -> (group, level).
# Lines of one group are one heading (a title set over two lines).
HeadingMap = dict[tuple[int, int], tuple[int, int]]


def find_headings(pages: Sequence[Sequence[Line]], outline: Sequence[Bookmark]) -> HeadingMap:
    """The heading lines of `pages`: the outline's where most of its entries are found on
    their pages, else those set larger or bolder than the body. Outlines often leave out the
    title page (Word bookmarks headings, not the Title style), so headings by type before the
    first bookmarked one are kept too."""
    from_outline = _outline_headings(pages, outline)
    by_type = _font_headings(pages)
    matched = len({group for group, _ in from_outline.values()})
    if not outline or matched < OUTLINE_MATCH_SHARE * len(outline):
        return by_type
    first = min(from_outline)
    before = {key: (-1 - group, level) for key, (group, level) in by_type.items() if key < first}
    return {**before, **from_outline}


def _squashed(text: str) -> str:
    """Text compared without spacing, case, typographic quotes or footnote marks, so a title
    set over two lines still matches its bookmark."""
    text = re.sub(r"<sup>[^<]*</sup>|[\s\ufffe\x02\u00ad-]", "", text.lower())
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


def _outline_headings(pages: Sequence[Sequence[Line]], outline: Sequence[Bookmark]) -> HeadingMap:
    found: HeadingMap = {}
    cursor: dict[int, int] = {}  # per page, where the next bookmark is looked for
    for group, bookmark in enumerate(outline):
        title = _squashed(bookmark.title)
        if not title or not 0 <= bookmark.page < len(pages):
            continue
        lines = pages[bookmark.page]
        for start in range(cursor.get(bookmark.page, 0), len(lines)):
            joined, end = _squashed(lines[start].text), start + 1
            if not title.startswith(joined):
                # The line may print a number the bookmark leaves out ("4 Funding").
                joined = _squashed(split_heading_number(lines[start].text.strip())[1])
                if not joined or not title.startswith(joined):
                    continue
            while joined != title and end < len(lines):
                following = _squashed(lines[end].text)
                if not title.startswith(joined + following):
                    break
                joined += following
                end += 1
            if joined == title:
                level = min(bookmark.level + 1, MAX_LEVEL)
                found.update({(bookmark.page, i): (group, level) for i in range(start, end)})
                cursor[bookmark.page] = end
                break
    return found


def _font_headings(pages: Sequence[Sequence[Line]]) -> HeadingMap:
    levels = _style_levels(pages)
    found: HeadingMap = {}
    group = 0
    for page, lines in enumerate(pages):
        previous_level = 0
        for i, line in enumerate(lines):
            level = _level(line, levels)
            if level and level != previous_level:
                group += 1
            if level:
                found[(page, i)] = (group, level)
            previous_level = level
    return found


def _style_levels(pages: Sequence[Sequence[Line]]) -> dict[tuple[float, bool], int]:
    """The heading level of each type style larger (or bolder) than the body's, which is the
    style most characters are set in."""
    styles = {(round(line.size, 1), line.bold) for lines in pages for line in lines}
    body_size, body_bold = body_style(pages)
    heading_styles = sorted(
        (
            style
            for style in styles
            if style[0] >= body_size * HEADING_SIZE_RATIO
            or (style[1] and not body_bold and style[0] >= body_size * 0.95)
        ),
        key=lambda style: (-style[0], not style[1]),
    )
    return {style: min(level + 1, MAX_LEVEL) for level, style in enumerate(heading_styles)}


def _level(line: Line, levels: dict[tuple[float, bool], int]) -> int:
    """`line`'s heading level by its type, or 0 if it is body text."""
    text = line.text.strip()
    if line.footnote or not text or len(text) > MAX_HEADING_CHARS or text.endswith(","):
        return 0
    return levels.get((round(line.size, 1), line.bold), 0)
