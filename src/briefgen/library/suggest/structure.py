"""A source's layout (headings, paragraphs, list items and their lead-ins) as offsets into its text.

Suggestions need to know where a passage sits: under which heading, whether it is the third item
of a numbered list, which sentence introduces that list. An extractor (PDF, Word) knows its
headings; a plain conversion such as the shipped `content/sources/*.txt` does not, so
`derive_structure` reads them from the text itself: `#` marks, lines in bold or in capitals,
numbered headings, short title-like lines (`heading_lines`). Paragraphs and list items are
always read from the text's lines, which every extractor keeps, then passed over to leave out
quotations and footnotes (`block_passes`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from briefgen.content.quotes import COMMON_FURNITURE
from briefgen.library.suggest.block_passes import (
    RawBlock,
    unmarked_items,
    without_footnotes,
    without_quotations,
)
from briefgen.library.suggest.heading_lines import (
    END_PUNCT,
    ends_lead_in,
    extractor_heading_lines,
    heading_level,
    heading_title,
    section_lines,
)


class HeadingLike(Protocol):
    """A heading as an extractor reports it (`briefgen.library.extract` has one of this shape)."""

    @property
    def start(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def level(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading whose line starts at `start`; `title` without marks, `level` 1 for the top."""

    start: int
    title: str
    level: int


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph or list item at `text[start:end]` (list marker and number left outside).

    `label` is its printed number ("2.4", "3") or bullet ("-"); `listed` says it is an item of a
    list rather than a paragraph; `lead_in` is the index of the block that introduces its list
    (a paragraph ending in a colon or "by"), or -1; `heading` the index of the heading above it,
    or -1; `para` its place (from 1) among the blocks under that heading."""

    start: int
    end: int
    label: str
    listed: bool
    lead_in: int
    heading: int
    para: int
    marker: str = ""  # what precedes the text on its line: "2.6.1 **Option One** ", "- "


@dataclass(frozen=True, slots=True)
class DocumentStructure:
    """Headings and blocks of one text, both in text order."""

    headings: tuple[Heading, ...]
    blocks: tuple[Block, ...]

    def heading_path(self, block: Block) -> tuple[str, ...]:
        """The titles from the top-level heading down to the one `block` sits under."""
        path: list[Heading] = []
        index = block.heading
        while index >= 0:
            heading = self.headings[index]
            if not path or heading.level < path[-1].level:
                path.append(heading)
                if heading.level <= 1:
                    break
            index -= 1
        return tuple(heading.title for heading in reversed(path))


_MARKER = re.compile(
    r"[ \t]*(?:(?P<bullet>[-*•●▪➤–])[ \t]+)?"
    r"(?:(?P<number>(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|\(?[a-z]\)|\(?[ivx]{1,4}\)))[ \t]+)?"
    r"(?:\*\*(?P<label>[^*\n]{1,40})\*\*[ \t]+(?=\S))?"
)
_FOOTNOTE_TEXT = re.compile(
    r"https?://|www\.|\bIbid\b|^[-\s]*\d+\.?\s+(?:See |As outlined in )|,\s*(?:19|20)\d\d\.?\s*$"
)
# A contents entry: a short title, then its page number ("Summary\t1", "Conclusion 14").
_CONTENTS = re.compile(r"[ \t]*[A-Za-z][\w ,'’&:-]{1,70}?(?:\t+|\s+)\d{1,3}[ \t]*")
# A line that cannot end there: a comma or a word that needs what follows.
_RUNS_ON = re.compile(
    r"(?:,|\b(?:and|or|of|the|a|an|to|for|in|on|with|by|how|that|which|as|at|from))\s*$", re.I
)


def _furniture_pattern(furniture: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in (*COMMON_FURNITURE, *furniture)))


def derive_structure(
    text: str,
    headings: Sequence[HeadingLike] | None = None,
    furniture: Sequence[str] = (),
) -> DocumentStructure:
    """Read the headings (unless an extractor gave `headings`) and blocks of `text`.

    Lines matching the common page-furniture patterns or `furniture` (a source's own, from
    sources.yaml) are skipped; so are pull quotes (a long line in capitals or after ➤). A
    paragraph broken by a page boundary (no closing punctuation, the next one starts in lower
    case) is joined up again."""
    furniture_line = _furniture_pattern(furniture)
    found: list[Heading] = []
    blocks: list[RawBlock] = []
    joinable = False  # the last block may continue after a page break
    lines = text.splitlines(keepends=True)
    offset = 0
    starts: list[int] = []
    for line in lines:
        starts.append(offset)
        offset += len(line)
    sections = section_lines(lines)
    heading_lines = extractor_heading_lines(lines, starts, headings or ())
    longest = _usual_longest_line(lines)
    full_line = int(longest * 0.9)  # a line this long ran out of room
    last_line, last_text = 0, ""  # the last line read into a block, and its length
    for number, line in enumerate(lines):
        start = starts[number]
        content = line.rstrip("\r\n")
        if not content.strip() or furniture_line.fullmatch(content) or _CONTENTS.fullmatch(content):
            continue
        if number in heading_lines:  # an extractor's heading is a title, not a paragraph
            joinable = False
            continue
        next_blank = number + 1 >= len(lines) or not lines[number + 1].strip()
        level = (
            0 if headings is not None else heading_level(content, next_blank, number in sections)
        )
        if level:
            found.append(Heading(start, heading_title(content), level))
            joinable = False
            continue
        if content.lstrip().startswith("➤") or _is_pull_quote(content):
            continue
        marker = _MARKER.match(content)
        body_start = start + (marker.end() if marker else 0)
        body_end = start + len(content.rstrip())
        if body_end <= body_start:
            continue
        bullet = marker.group("bullet") if marker else None
        label = (marker.group("number") or bullet or "") if marker else ""
        label = label.strip(".") if label and label[0].isdigit() else label
        if label[:1].isdigit() and _FOOTNOTE_TEXT.search(content):
            continue  # a footnote's text: a reference, not a statement
        first = text[body_start]
        # A text printed a line at a time (a PDF's) runs a sentence on over a full line that
        # ends without a stop, whatever the next line starts with ("a “Centre of" /
        # "Excellence” – a national support offer") into a line that is full too or ends the
        # sentence, and after a comma or a word such as "and" or "of"; a short line without a
        # stop after a full one is a heading or a list's item. A line is full when it is long
        # or when the next line's first word would not have fitted on it ("…the expertise of
        # the Local" / "Government Association…").
        line_length = len(content.rstrip())
        first_word = len(text[body_start:body_end].split(maxsplit=1)[0])
        wrapped = full_line > 0 and (
            _RUNS_ON.search(last_text) is not None
            or (
                (last_line >= full_line or last_line + 1 + first_word > longest)
                and (line_length >= full_line or text[body_end - 1] in END_PUNCT)
            )
        )
        if joinable and not label and (first.islower() or wrapped):
            previous = blocks[-1]
            blocks[-1] = (previous[0], body_end, *previous[2:])
        else:
            # "- 2.4. On 29 November…" is a numbered paragraph, whatever its bullet
            listed = _is_list_number(label) or (bool(bullet) and "." not in label)
            blocks.append((body_start, body_end, label, listed, text[start:body_start]))
        joinable = (
            text[body_end - 1] not in END_PUNCT and not text[body_end - 1].isdigit()
        ) or (  # a printed line ending in a semicolon: a line below in lower case goes on
            text[body_end - 1] == ";" and full_line > 0
        )
        last_line, last_text = line_length, content
    if headings is not None:
        found = [Heading(h.start, h.title, h.level) for h in headings]
    starts_of_headings = [h.start for h in found]
    blocks = without_quotations(text, blocks, starts_of_headings)
    blocks = without_footnotes(text, blocks, starts_of_headings)
    blocks = unmarked_items(text, blocks, starts_of_headings)
    return DocumentStructure(tuple(found), _link(text, found, blocks))


# A text whose lines are mostly this short was printed a line at a time (a PDF's runs to 60-100
# characters; a Word document's or a plain conversion's lines are whole paragraphs).
WRAPPED_LINE_CHARACTERS = 120


def _usual_longest_line(lines: Sequence[str]) -> int:
    """The length of the longest usual line (the 90th percentile) in a text printed a line at
    a time, or 0 if the text keeps a paragraph to a line."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 10:
        return 0
    usual = lengths[int(len(lengths) * 0.9)]
    return usual if usual <= WRAPPED_LINE_CHARACTERS else 0


def _is_pull_quote(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return len(letters) > 40 and upper / len(letters) > 0.9


def _is_list_number(label: str) -> bool:
    """A list number ("3", "b)") rather than a paragraph number ("2.4")."""
    return bool(label) and "." not in label


def _link(text: str, headings: list[Heading], blocks: list[RawBlock]) -> tuple[Block, ...]:
    """Attach each block to its heading, its place under it and its list's lead-in."""
    linked: list[Block] = []
    heading = -1
    para = 0
    lead_in = -1
    for start, end, label, listed, marker in blocks:
        moved = heading
        while moved + 1 < len(headings) and headings[moved + 1].start <= start:
            moved += 1
        if moved != heading:
            heading, para, lead_in = moved, 0, -1
        para += 1
        if not listed:
            lead_in = len(linked) if ends_lead_in(text[start:end]) else -1
        lead = lead_in if listed else -1
        linked.append(Block(start, end, label, listed, lead, heading, para, marker.strip()))
    return tuple(linked)
