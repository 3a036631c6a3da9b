"""Footnotes at the foot of a PDF page: which lines they are, and where their text goes so that
no sentence of the body has a footnote inside it (docs/decisions/0030, 0193, 0206).

Pure functions over a page's lines (`pdf_reader` takes them out of the PDF), so each rule can be
tested on a few strings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefgen.library.extract.pdf_layout import Line

# A footnote is set smaller than the body. This much smaller, its type alone says so; smaller at
# all (Word's 10 pt notes under 11 pt text are 0.91 of it), only when its number is one of the
# references raised in the page's text above it.
FOOTNOTE_RATIO = 0.9
REFERENCED_RATIO = 0.97
# A note's mark: a number, a note symbol (the order books give them: *, †, ‡, §, ‖, ¶, then
# doubled) or a lower-case letter. Only a number makes a note without a reference to it.
SYMBOLS = "*†‡§‖¶"
_MARK = r"\d{1,3}|([*†‡§‖¶])\2{0,2}|[a-z]"
_NOTE_START = re.compile(rf"({_MARK})[.)]?(?:\s+|$)")
_REFERENCE = re.compile(r"<sup>(\d{1,3}|([*†‡§‖¶])\2{0,2}|[a-z])</sup>")
# The end of a sentence, past closing quotes and brackets and a footnote reference after it.
_SENTENCE_END = re.compile(r"[.!?:…][\"'’”)\]]*(?:<sup>[^<]*</sup>)*\s*$")


def gather_footnotes(lines: Sequence[Line], body_size: float) -> list[Line]:
    """`lines` with the footnotes at the foot of the page each made one `Line`, written
    "<sup>3</sup> Its text." as the shipped sources write them (quote verification and the
    suggestions skip such a line whole).

    The footnotes are the lines at the end of the page, set smaller than the body and printed
    below the line before them (a caption or side note in small type sits beside the text; a
    running footer may come first in the page's order, so the body's lowest line is no guide),
    from the first that opens with a mark: a mark the page's text raises as a reference
    (`<sup>3</sup>`, `<sup>†</sup>`, `<sup>a</sup>`), or any number where the type is clearly
    smaller. A later line opens the next note when its mark follows on (3 after 2, † after *,
    b after a) or, for a number or symbol, is referenced; any other line goes on the note above
    ("12 March 2025." wrapped from a date, "a decision of the cabinet" wrapped from a note)."""
    top = len(lines)
    while top > 0 and 0 < lines[top - 1].size < body_size * REFERENCED_RATIO:
        top -= 1
    if top == 0 or top == len(lines):
        return list(lines)  # nothing small at the foot, or the whole page is small print
    references = {_mark(m[0]) for line in lines[:top] for m in _REFERENCE.findall(line.text)}
    first = next(
        (
            i
            for i in range(top, len(lines))
            if _opens_note(lines[i], body_size, references)
            and all(line.y <= lines[i - 1].y for line in lines[i:])
        ),
        None,
    )
    if first is None:
        return list(lines)
    notes: list[Line] = []
    mark = ""
    for line in lines[first:]:
        text = line.text.strip()
        start = _NOTE_START.match(text)
        if start is not None and (not notes or _next_note(mark, _mark(start.group(1)), references)):
            mark = _mark(start.group(1))
            rest = text[start.end() :]
            notes.append(Line(f"<sup>{mark}</sup> {rest}".rstrip(), line.size, line.bold,
                              line.x, line.y, footnote=True))  # fmt: skip
        else:  # an address or a word broken at the line's end goes on without a space
            joiner = "" if notes[-1].text.endswith(("/", "-")) else " "
            notes[-1].text = f"{notes[-1].text}{joiner}{text}"
    return [*lines[:first], *notes]


def _mark(printed: str) -> str:
    """A mark as references and notes are matched: "03" is "3"."""
    return str(int(printed)) if printed.isdigit() else printed


def _opens_note(line: Line, body_size: float, references: set[str]) -> bool:
    start = _NOTE_START.match(line.text.strip())
    if start is None:
        return False
    mark = _mark(start.group(1))
    return mark in references or (mark.isdigit() and line.size < body_size * FOOTNOTE_RATIO)


def _next_note(previous: str, mark: str, references: set[str]) -> bool:
    """Whether a line opening with `mark` starts the note after the one marked `previous`:
    of the same kind, and following on or referenced on the page. A letter must follow on:
    a wrapped line may open with the word "a"."""
    if previous.isdigit() or mark.isdigit():
        return previous.isdigit() and mark.isdigit() and (int(mark) == int(previous) + 1
                                                          or mark in references)  # fmt: skip
    if previous.isalpha() or mark.isalpha():
        return previous.isalpha() and mark.isalpha() and ord(mark) == ord(previous) + 1
    return mark in references or mark == _next_symbol(previous)


def _next_symbol(previous: str) -> str:
    """The symbol after `previous` in the order books number notes: * † ‡ § ‖ ¶, ** †† …"""
    at = SYMBOLS.index(previous[0])
    if at + 1 < len(SYMBOLS):
        return SYMBOLS[at + 1] * len(previous)
    return SYMBOLS[0] * (len(previous) + 1)


def reading_order(
    pages: Sequence[Sequence[Line]], headings: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int, Line]]:
    """Every line as (page, index on the page, line), each page's footnotes moved to where the
    sentence running over the page's foot ends (on the next page, at the first line ending a
    sentence or before its first heading, at the latest before its own footnotes).

    A footnote between two pages would otherwise sit inside the sentence that runs on across
    them, and a passage quoted from it would carry the footnote's words."""
    heading_lines = set(headings)
    order: list[tuple[int, int, Line]] = []
    waiting: list[tuple[int, int, Line]] = []  # footnotes until the sentence ends
    open_sentence = False  # the last body line ended within a sentence
    for page, lines in enumerate(pages):
        for index, line in enumerate(lines):
            if waiting and (
                (line.footnote and waiting[0][0] != page) or (page, index) in heading_lines
            ):
                order += waiting
                waiting = []
            if line.footnote:
                (waiting if open_sentence else order).append((page, index, line))
                continue
            order.append((page, index, line))
            open_sentence = _SENTENCE_END.search(line.text) is None
            if waiting and not open_sentence:
                order += waiting
                waiting = []
        if waiting and waiting[0][0] != page:  # no sentence ended on the next page either
            order += waiting
            waiting = []
    return [*order, *waiting]
