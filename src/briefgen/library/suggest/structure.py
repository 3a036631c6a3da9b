"""A source's layout (headings, paragraphs, list items and their lead-ins) as offsets into its text.

Suggestions need to know where a passage sits: under which heading, whether it is the third item
of a numbered list, which sentence introduces that list. An extractor (PDF, Word) knows its
headings; a plain conversion such as the shipped `content/sources/*.txt` does not, so
`derive_structure` reads them from the text itself: `#` marks, lines in bold or in capitals,
numbered headings, short title-like lines. Paragraphs and list items are always read from the
text's lines, which every extractor keeps.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from briefgen.content.quotes import COMMON_FURNITURE
from briefgen.library.suggest import furniture


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


# A block as first read, before it is linked to its heading and lead-in.
RawBlock = tuple[int, int, str, bool, str]  # start, end, label, listed, marker


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
_HASHES = re.compile(r"[ \t]*(#{1,6})[ \t]+")
_FOOTNOTE = re.compile(r"https?:|www\.|:\s|\bIbid\b|\b(?:19|20)\d\d\b")
_FOOTNOTE_TEXT = re.compile(
    r"https?://|www\.|\bIbid\b|^[-\s]*\d+\.?\s+(?:See |As outlined in )|,\s*(?:19|20)\d\d\.?\s*$"
)
# A contents entry: a short title, then its page number ("Summary\t1", "Conclusion 14").
_CONTENTS = re.compile(r"[ \t]*[A-Za-z][\w ,'’&:-]{1,70}?(?:\t+|\s+)\d{1,3}[ \t]*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NUMBERED_LINE = re.compile(r"[ \t]*(?:[-*•][ \t]+)?(\d{1,2}(?:\.\d{1,2}){0,3})\.?[ \t]")
# A line that cannot end there: a comma or a word that needs what follows.
_RUNS_ON = re.compile(
    r"(?:,|\b(?:and|or|of|the|a|an|to|for|in|on|with|by|how|that|which|as|at|from))\s*$", re.I
)
_NUMBER_PREFIX = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+")
_END_PUNCT = '.!?;:"”’)…'
_LEAD_IN_END = re.compile(r"(?:[:…]|\.{3,}|\b(?:by|are|include|includes|following|to))\W*$", re.I)


def _clean(line: str) -> str:
    """A heading's visible words: marks, numbers and bullets taken away."""
    line = _HASHES.sub("", line, count=1).replace("**", "").replace("\\", "")
    return " ".join(line.split()).strip(" -–:.")


def _furniture_pattern(furniture: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in (*COMMON_FURNITURE, *furniture)))


def _heading_level(line: str, next_blank: bool, section: bool = False) -> int:
    """The level of `line` as a heading, or 0 if it is text; `section` when the paragraph after
    it is numbered beneath its number ("2. …" before "2.1. …")."""
    stripped = line.strip()
    hashes = _HASHES.match(line)
    words = _WORD.findall(stripped)
    if not words:
        return 0
    if hashes:
        # A footnote number promoted to a heading ("# 17. For example: ...") is not a heading.
        body = stripped[hashes.end() - (len(line) - len(line.lstrip())) :]
        if re.match(r"\d+\.\s", body) and _FOOTNOTE.search(body):
            return 0
        number = re.match(r"(\d{1,2}(?:\.\d{1,2})*)\.?\s", body)
        if number:  # "### 3. DRIVERS" is a sibling of "## 2. BACKGROUND", whatever its marks
            return 1 + number.group(1).count(".")
        return min(len(hashes.group(1)), 4)
    if stripped.startswith("➤"):
        return 0
    letters = [c for c in stripped if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    if len(words) <= 12 and letters and upper / len(letters) > 0.9 and len(letters) > 3:
        return 1
    if stripped.startswith("**") and stripped.endswith("**") and len(words) <= 14:
        return 2
    numbered = re.match(r"\d{1,2}(\.\d{1,2})*\.?\s+(?=[A-Z])", stripped)
    if numbered and section and stripped[-1] not in ".!?:;" and not _LEAD_IN_END.search(stripped):
        # "2. Councils should have maximum flexibility…" over "2.1. …", "2.2. …" is the title
        # of section 2, however long
        return 1 + numbered.group().strip(". ").count(".")
    if stripped[-1] in _END_PUNCT or len(words) > 10 or not next_blank:
        return 0
    if numbered and _FOOTNOTE.search(stripped):
        return 0
    if numbered:
        return 1 + stripped[: numbered.end()].strip(". ").count(".")
    if stripped[0].isupper() and not stripped.startswith(("- ", "* ")):
        return 3
    return 0


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
    sections = _sections(lines)
    heading_lines = _heading_lines(lines, starts, headings or ())
    full_line = _full_line_length(lines)
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
            0 if headings is not None else _heading_level(content, next_blank, number in sections)
        )
        if level:
            found.append(Heading(start, _clean(content), level))
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
        # stop after a full one is a heading or a list's item.
        line_length = len(content.rstrip())
        wrapped = full_line > 0 and (
            _RUNS_ON.search(last_text) is not None
            or (
                last_line >= full_line
                and (line_length >= full_line or text[body_end - 1] in _END_PUNCT)
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
            text[body_end - 1] not in _END_PUNCT and not text[body_end - 1].isdigit()
        ) or (  # a printed line ending in a semicolon: a line below in lower case goes on
            text[body_end - 1] == ";" and full_line > 0
        )
        last_line, last_text = line_length, content
    if headings is not None:
        found = [Heading(h.start, h.title, h.level) for h in headings]
    starts_of_headings = [h.start for h in found]
    blocks = _without_quotations(text, blocks, starts_of_headings)
    blocks = _without_footnotes(text, blocks, starts_of_headings)
    blocks = _unmarked_items(text, blocks, starts_of_headings)
    return DocumentStructure(tuple(found), _link(text, found, blocks))


def _parted(heading_starts: Sequence[int], end: int, start: int) -> bool:
    """True when a heading starts between offsets `end` and `start`."""
    return bisect_right(heading_starts, start) > bisect_right(heading_starts, end)


def _without_quotations(
    text: str, blocks: list[RawBlock], heading_starts: Sequence[int]
) -> list[RawBlock]:
    """Leave out quotations of other authors and their attribution lines: the paragraphs
    just above a line such as "-- John Gall, Systemantics", back to one in which the
    document speaks for itself ("we", "our") or introduces the quotation (a colon), a list
    item or a heading (decision 0188)."""
    skipped: set[int] = set()
    for index, (start, end, _, _, marker) in enumerate(blocks):
        if not furniture.is_attribution(marker + text[start:end]):
            continue
        skipped.add(index)
        before = index - 1
        while (
            before >= 0
            and index - before <= furniture.MAX_QUOTED_PARAGRAPHS
            and not blocks[before][3]
            and not _parted(heading_starts, blocks[before][1], blocks[before + 1][0])
            and not furniture.own_voice(text[blocks[before][0] : blocks[before][1]])
        ):
            skipped.add(before)
            before -= 1
    return [block for index, block in enumerate(blocks) if index not in skipped]


_BARE_NUMBER = re.compile(r"[ \t]*(\d{1,3})[ \t]+")


def _without_footnotes(
    text: str, blocks: list[RawBlock], heading_starts: Sequence[int]
) -> list[RawBlock]:
    """Leave out footnotes printed as text: a run of lines numbered without a stop ("3 Our
    favourite introduction…", "4 Internal metrics are…") that ends its section, follows a
    paragraph rather than introducing a list, and whose numbers start past 1 without
    continuing a list above it (footnote numbers run on through the document)."""
    skipped: set[int] = set()
    listed_numbers: set[tuple[int, int]] = set()  # (section, number) of list items kept
    index = 0
    while index < len(blocks):
        number = _BARE_NUMBER.fullmatch(blocks[index][4])
        if number is None:
            index += 1
            continue
        last = index
        while (
            last + 1 < len(blocks)
            and (following := _BARE_NUMBER.fullmatch(blocks[last + 1][4])) is not None
            and int(following.group(1)) == int(number.group(1)) + last + 1 - index
            and not _parted(heading_starts, blocks[last][1], blocks[last + 1][0])
        ):
            last += 1
        section = bisect_right(heading_starts, blocks[index][0])
        first = int(number.group(1))
        ends_section = last + 1 == len(blocks) or _parted(
            heading_starts, blocks[last][1], blocks[last + 1][0]
        )
        previous = blocks[index - 1] if index else None
        after_paragraph = (
            previous is not None
            and not _parted(heading_starts, previous[1], blocks[index][0])
            and not previous[3]
            and not _LEAD_IN_END.search(text[previous[0] : previous[1]])
        )
        if (
            ends_section
            and after_paragraph
            and first > 1
            and (section, first - 1) not in (listed_numbers)
        ):
            skipped.update(range(index, last + 1))
        else:
            listed_numbers.update((section, first + k) for k in range(last + 1 - index))
        index = last + 1
    return [block for index, block in enumerate(blocks) if index not in skipped]


def _unmarked_items(
    text: str, blocks: list[RawBlock], heading_starts: Sequence[int]
) -> list[RawBlock]:
    """Mark as list items the paragraphs of a list whose bullets the extractor did not keep (a
    Word list): after a paragraph ending in a colon, one-line paragraphs without a closing
    stop, each a single sentence (or lines that go on the lead-in's sentence in lower case),
    and the one that closes a list whose items end in a comma, "and" or "or"."""
    marked = list(blocks)
    open_list = False  # the block before is a lead-in or an item of an unmarked list
    runs_on = False  # and that item ends as if the sentence went on
    for index, (start, end, label, listed, marker) in enumerate(blocks):
        body = text[start:end].rstrip(" *")
        parted = index > 0 and _parted(heading_starts, blocks[index - 1][1], start)
        one_sentence = "\n" not in body and not re.search(r"[.!?]\s+[A-Z]", body)
        lower = body[0].islower()  # goes on the lead-in's sentence, however many lines
        item = (one_sentence or lower) and (body[-1] not in ".!?:" or runs_on or lower)
        if open_list and not parted and not label and not listed and item:
            marked[index] = (start, end, label, True, marker)
            runs_on = bool(re.search(r"(?:[,;]|\b(?:and|or))$", body))
            open_list = body[-1] not in ".!?:"
            continue
        open_list = not listed and body.endswith(":")
        runs_on = False
    return marked


def _sections(lines: Sequence[str]) -> frozenset[int]:
    """The lines that number a section whose first paragraph follows them numbered beneath it:
    "2. Councils should…" where the next line with text starts "2.1."."""
    found: set[int] = set()
    following = ""
    for number in range(len(lines) - 1, -1, -1):
        line = lines[number]
        if not line.strip():
            continue
        own = _NUMBERED_LINE.match(line)
        if own and following.startswith(own.group(1) + "."):
            found.add(number)
        following = own.group(1) if own else ""
    return frozenset(found)


# A text whose lines are mostly this short was printed a line at a time (a PDF's runs to 60-100
# characters; a Word document's or a plain conversion's lines are whole paragraphs).
WRAPPED_LINE_CHARACTERS = 120


def _full_line_length(lines: Sequence[str]) -> int:
    """How long a line must be to count as full in a text printed a line at a time (nine
    tenths of the longest usual line), or 0 if the text keeps a paragraph to a line."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 10:
        return 0
    usual = lengths[int(len(lengths) * 0.9)]
    return int(usual * 0.9) if usual <= WRAPPED_LINE_CHARACTERS else 0


def _heading_lines(
    lines: Sequence[str], starts: Sequence[int], headings: Sequence[HeadingLike]
) -> set[int]:
    """The numbers of the lines that are an extractor's headings (a heading may run over two
    lines; its number, "3.", may be left out of its title)."""
    found: set[int] = set()
    for heading in headings:
        title = " ".join(heading.title.split())
        number = bisect_right(starts, heading.start) - 1
        while 0 <= number < len(lines) and starts[number] <= heading.start + len(title):
            words = " ".join(_NUMBER_PREFIX.sub("", lines[number]).split())
            if not words or words not in title:
                break
            found.add(number)
            number += 1
    return found


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
            lead_in = len(linked) if _LEAD_IN_END.search(text[start:end]) else -1
        lead = lead_in if listed else -1
        linked.append(Block(start, end, label, listed, lead, heading, para, marker.strip()))
    return tuple(linked)
