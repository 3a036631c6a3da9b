"""Reading a PDF's lines as a person reads the page: printed page numbers, running headers and
footers, headings by type size, and words hyphenated at a line end.

Pure functions over lines already taken out of the PDF (`pdf.py` does the taking), so each rule
can be tested on a few strings. See docs/decisions/0030 for why each rule is what it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.library.extract.model import LabelSource
from briefgen.library.extract.structure import roman_value, to_roman

# Running headers and footers are looked for among the first and last lines of each page: PDF
# content order puts a footer first as often as last.
EDGE_LINES = 3
# A line at a page edge that repeats (digits aside) on this many pages is furniture; in a
# document of fewer pages, on every page.
FURNITURE_MIN_PAGES = 3


@dataclass(slots=True)
class Line:
    """One line of a page's text with the type it starts and ends in, and where it starts."""

    text: str
    size: float = 0.0
    bold: bool = False
    x: float = 0.0  # the first character's origin, in PDF points from the page's lower left
    y: float = 0.0  # its baseline
    footnote: bool = False  # one whole footnote, written "<sup>3</sup> Its text."
    unmapped: int = 0  # characters PDFium gave as control codes (no letter known), left out


@dataclass(frozen=True, slots=True)
class PageLabel:
    label: str
    source: LabelSource


# A line that is nothing but a page number: "12", "- 12 -", "Page 12", "Page 12 of 40", "xii".
_NUMBER_LINE = re.compile(
    r"(?i)(?:page\s+)?[-–—]?\s*(\d{1,4}|[ivxlcdm]{1,8})\s*[-–—]?(?:\s+of\s+\d{1,4})?"
)
# A number at either end of a running header or footer: "Annual report 2025 | 12", "12 Title".
_CONTINUATION = re.compile(r"[a-z.,;:!?)\]’”]")
_PAGE_WORD = re.compile(r"\bpage\s+(\d{1,4}|[ivxlcdm]{1,8})\b", re.I)
# ("Page 12 of 40" anywhere in the line; the 40 at its end never keeps step with the pages.)
_EDGE_NUMBER = re.compile(
    r"\bpage\s+(\d{1,4}|[ivxlcdm]{1,8})\b|^(\d{1,4}|[ivxlcdm]{1,8})\b|\b(\d{1,4}|[ivxlcdm]{1,8})$",
    re.I,
)


def _furniture_key(text: str) -> str:
    """A line with its numbers masked, so "Page 3" and "Page 4" are the same furniture."""
    masked = re.sub(r"\d+", "#", " ".join(text.lower().split()))
    return "#" if roman_value(masked) is not None else masked


def _edge_indices(count: int) -> list[int]:
    if count <= 2 * EDGE_LINES:
        return list(range(count))
    return [*range(EDGE_LINES), *range(count - EDGE_LINES, count)]


def _positions(index: int, count: int) -> list[tuple[int, int]]:
    """Where an edge line sits: (0, n) for the n-th line from the top, (1, n) from the bottom."""
    places = []
    if index < EDGE_LINES:
        places.append((0, index))
    if index >= count - EDGE_LINES:
        places.append((1, count - 1 - index))
    return places


def find_furniture(pages: Sequence[Sequence[Line]]) -> list[set[int]]:
    """For each page, the indices of lines that are running headers or footers: lines at a page
    edge whose text (numbers masked) recurs at the same place (say, the second line from the
    bottom) on other pages. Lines that open with a small letter or a stop continue a sentence,
    so they are never furniture."""
    keys_per_page = [
        {
            i: _furniture_key(lines[i].text)
            for i in _edge_indices(len(lines))
            if lines[i].text.strip() and not _CONTINUATION.match(lines[i].text.lstrip())
        }
        for lines in pages
    ]
    counts = Counter(
        (place, key)
        for keys, lines in zip(keys_per_page, pages, strict=True)
        for i, key in keys.items()
        for place in _positions(i, len(lines))
    )
    needed = FURNITURE_MIN_PAGES if len(pages) > FURNITURE_MIN_PAGES else max(2, len(pages))
    found = [
        {
            i
            for i, key in keys.items()
            if key != "#"
            and any(counts[(place, key)] >= needed for place in _positions(i, len(lines)))
        }
        for keys, lines in zip(keys_per_page, pages, strict=True)
    ]
    # A page is never emptied: where every line "repeats", the pages are copies of one form
    # (or one page), and their text is the content.
    return [
        set()
        if len(lines) <= 2 * EDGE_LINES
        and all(i in furniture or keys.get(i) == "#" for i in range(len(lines)))
        else furniture
        for furniture, keys, lines in zip(found, keys_per_page, pages, strict=True)
    ]


@dataclass(frozen=True, slots=True)
class _Candidate:
    line: int
    value: int
    printed: str
    roman: bool


def _candidates(lines: Sequence[Line], furniture: set[int]) -> list[_Candidate]:
    found = []
    for i in _edge_indices(len(lines)):
        text = " ".join(lines[i].text.split())
        whole = _NUMBER_LINE.fullmatch(text)
        matches = [whole.group(1)] if whole else []
        if not whole and i in furniture:
            matches = [g for m in _EDGE_NUMBER.finditer(text) for g in m.groups() if g]
        elif not whole:
            # "Page 12" says what it is even in a footer that is not repeated word for word.
            matches = [m.group(1) for m in _PAGE_WORD.finditer(text)]
        for printed in matches:
            if printed.isdigit():
                found.append(_Candidate(i, int(printed), printed, roman=False))
            elif (value := roman_value(printed)) is not None:
                found.append(_Candidate(i, value, printed, roman=True))
    return found


def printed_labels(
    pages: Sequence[Sequence[Line]], furniture: list[set[int]]
) -> tuple[list[PageLabel | None], list[set[int]]]:
    """The page numbers printed in headers and footers, and the lines that print them.

    A number counts only if it keeps step with the page index on at least one other page (the
    same offset, e.g. PDF page 14 printing "12" and page 15 printing "13"), so a year in a
    running header or a "3" that is a chapter number is not taken for a page number. Pages
    where nothing is printed get the number their neighbours imply, if both agree."""
    per_page = [_candidates(lines, furniture[i]) for i, lines in enumerate(pages)]
    offsets = Counter((c.roman, c.value - i) for i, cands in enumerate(per_page) for c in cands)
    minimum = 1 if len(pages) == 1 else 2
    chosen: list[tuple[bool, int, str] | None] = []
    number_lines: list[set[int]] = []
    for i, cands in enumerate(per_page):
        supported = [c for c in cands if offsets[(c.roman, c.value - i)] >= minimum]
        if not supported:
            chosen.append(None)
            number_lines.append(set())
            continue
        best = max(supported, key=lambda c: offsets[(c.roman, c.value - i)])
        chosen.append((best.roman, best.value - i, best.printed))
        number_lines.append({c.line for c in supported})
    labels: list[PageLabel | None] = [
        PageLabel(c[2], LabelSource.PRINTED) if c else None for c in chosen
    ]
    before_of: list[tuple[bool, int, str] | None] = []
    last: tuple[bool, int, str] | None = None
    for found in chosen:
        before_of.append(last)
        last = found or last
    after_of: list[tuple[bool, int, str] | None] = []
    last = None
    for found in reversed(chosen):
        after_of.append(last)
        last = found or last
    after_of.reverse()
    for i, label in enumerate(labels):
        if label is not None:
            continue
        before, after = before_of[i], after_of[i]
        if before and after and before[:2] == after[:2]:
            roman, offset, printed = before
            value = i + offset
            if value > 0:
                text = to_roman(value, printed.isupper()) if roman else str(value)
                labels[i] = PageLabel(text, LabelSource.INFERRED)
    return labels, number_lines


# A number standing alone: a hanging paragraph or heading number ("4.3", "4", "12.", "(b)").
_HANGING_NUMBER = re.compile(r"(?:\d{1,3}(?:\.\d{1,3}){0,3}\.?|\([a-z]{1,4}\)|[a-z]\))")
# How close two baselines must be, as a share of the type size, to be one line on the page.
SAME_BASELINE = 0.3


def attach_hanging_numbers(lines: Sequence[Line]) -> list[Line]:
    """Put each number that hangs in the margin back at the start of the line it sits beside.

    A paragraph or heading number set apart (a tab, a hanging indent, an absolutely placed
    box) is often its own text object, which PDFium gives in content order: before the
    heading, or after the whole paragraph. Where a number stands alone on a line and another
    line starts to its right on the same baseline, the page reads "4.1 The council …"; so
    does the text."""
    numbers = [
        i
        for i, line in enumerate(lines)
        if line.size > 0 and _HANGING_NUMBER.fullmatch(line.text.strip())
    ]
    if not numbers:
        return list(lines)
    moved: dict[int, str] = {}  # line index -> the number that belongs at its start
    taken: set[int] = set()
    for i in numbers:
        number = lines[i]
        beside = [
            j
            for j, line in enumerate(lines)
            if j not in numbers
            and j not in moved
            and line.x > number.x
            and abs(line.y - number.y) <= SAME_BASELINE * max(line.size, number.size)
        ]
        if beside:
            target = min(beside, key=lambda j: lines[j].x)
            moved[target] = number.text.strip()
            taken.add(i)
    result = []
    for j, line in enumerate(lines):
        if j in taken:
            continue
        if j in moved:
            line = Line(f"{moved[j]} {line.text.lstrip()}", line.size, line.bold, line.x, line.y)
        result.append(line)
    return result


def body_style(pages: Sequence[Sequence[Line]]) -> tuple[float, bool]:
    """The size and boldness most characters are set in: the body text's."""
    styles: Counter[tuple[float, bool]] = Counter()
    for lines in pages:
        for line in lines:
            styles[(round(line.size, 1), line.bold)] += len(line.text)
    return styles.most_common(1)[0][0] if styles else (0.0, False)


_SOFT_BREAKS = ("\u2010", "\u00ad")  # hyphens a layout engine adds where it breaks a word
_WORD_TAIL = re.compile(r"([^\W\d_][\w'’-]*)$")
_WORD_HEAD = re.compile(r"^([^\W\d_]+)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def vocabulary(lines: Sequence[str]) -> set[str]:
    """Every word (lower case) written whole in `lines`, to settle how to join a broken one."""
    words: set[str] = set()
    for line in lines:
        words.update(word.lower() for word in _WORD.findall(line))
    return words


def join_hyphenated(left: str, right: str, soft: bool, words: set[str]) -> str:
    """The word `left`-`right` broken at a line end, as it is to be read.

    PDFium cannot tell a real hyphen ("up-to-" + "date") from an optional one ("sub-" +
    "regional"); the page shows both with a hyphen. Keep the hyphen (so a quote copied from the
    page verifies), unless the layout engine's own hyphenation mark (`soft`) was used, and
    either way let the document decide when it writes the word whole elsewhere."""
    hyphenated, joined = f"{left}-{right}".lower(), f"{left}{right}".lower()
    if "-" in left:
        return f"{left}-{right}"
    if joined in words and hyphenated not in words:
        return left + right
    if hyphenated in words and joined not in words:
        return f"{left}-{right}"
    return left + right if soft else f"{left}-{right}"


def line_end_break(line: str, following: str) -> tuple[str, str, bool] | None:
    """If `line` ends in a word broken by a hyphen that `following` completes, the word's two
    halves and whether the hyphen was a soft one; else None."""
    stripped = line.rstrip()
    if not stripped or stripped[-1] not in ("-", *_SOFT_BREAKS):
        return None
    tail = _WORD_TAIL.search(stripped[:-1])
    head = _WORD_HEAD.match(following.lstrip())
    if tail is None or head is None or not head.group(1)[0].islower():
        return None
    return tail.group(1), head.group(1), stripped[-1] in _SOFT_BREAKS
