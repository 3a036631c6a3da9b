"""Numbers a reader cites by, recognised in plain lines of text: "4.3 " opening a paragraph and
"2 Funding" opening a heading. Shared by the PDF, Markdown and text extractors."""

from __future__ import annotations

import re

# A committee-report paragraph number: two to four levels ("4.3", "10.2.1"), optionally followed
# by a full stop, then a space. Single numbers ("12.") are left alone: they are as often list
# items or figures wrapped to the start of a line, and a continued Word list prints 6–10 for
# "the five recommendations", which is no locator.
_PARAGRAPH_NUMBER = re.compile(r"(\d{1,3}(?:\.\d{1,3}){1,3})\.?(?:[ \t\u00a0]+|$)")
# What may follow a paragraph number: the start of a sentence.
_SENTENCE_START = re.compile(r"[\"'‘“(\[A-Z]")
# The end of a sentence or a block, after which a new numbered paragraph may start.
_BLOCK_END = re.compile(r"[.:;!?)\]\"'’”]\s*$")
_TRAILING_FOOTNOTE = re.compile(r"(?:<sup>[^<]*</sup>)+$")
_ROMAN = re.compile(r"(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_NUMERALS = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
_HEADING_NUMBER = re.compile(r"(\d{1,3}(?:\.\d{1,3}){0,3}|[A-Z]|[IVX]{1,5})[.)]?[ \t\u00a0]+(?=\S)")


def paragraph_number(line: str, previous: str | None) -> str | None:
    """The paragraph number opening `line` ("4.3"), or None.

    `previous` is the line before (None at the start of the document or after a heading): a
    number only opens a paragraph where the line before ended one, so "rose by\\n4.3 per cent"
    is not paragraph 4.3. `line` may be the number alone, the paragraph's text on the next line.
    """
    match = _PARAGRAPH_NUMBER.match(line)
    if match is None:
        return None
    rest = line[match.end() :]
    if rest and not _SENTENCE_START.match(rest):
        return None
    if previous is not None:
        previous = _TRAILING_FOOTNOTE.sub("", previous.rstrip())
    if previous and not _BLOCK_END.search(previous):
        return None
    return match.group(1)


def split_heading_number(title: str) -> tuple[str, str]:
    """Split "4.3 Funding" into ("4.3", "Funding"); ("", title) when the heading has no number.

    Letters and roman numerals count only when followed by a full stop or bracket ("A. Scope",
    "IV) Costs"), so "A new approach" keeps its first word."""
    match = _HEADING_NUMBER.match(title)
    if match is None:
        return "", title
    number = match.group(1)
    if not number[0].isdigit() and match.group(0)[len(number)] not in ".)":
        return "", title
    return number, title[match.end() :]


def roman_value(text: str) -> int | None:
    """The value of a lower- or upper-case roman numeral, or None if `text` is not one."""
    lower = text.lower()
    if not lower or _ROMAN.match(lower) is None:
        return None
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    total = 0
    for char, following in zip(lower, [*lower[1:], ""], strict=True):
        value = values[char]
        total += -value if following and values[following] > value else value
    return total


def to_roman(value: int, upper: bool) -> str:
    """`value` as a roman numeral, in the case the document prints."""
    out = []
    for amount, numeral in _ROMAN_NUMERALS:
        while value >= amount:
            out.append(numeral)
            value -= amount
    text = "".join(out)
    return text.upper() if upper else text
