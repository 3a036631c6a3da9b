"""Quote verification: find an item's exact words in its source despite PDF-conversion marks.

The shipped source texts were converted from PDF, so they carry `**bold**`, `#` heading marks,
`<sup>n</sup>` footnote markers, typographic quotes and dashes, page furniture (running headers,
page numbers, footnote text) and sentences broken across page boundaries. Both the source and the
quote are normalised the same way; the normalised source keeps a map back to the original
characters so the loader can record where each quote sits in the shipped text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

_TYPOGRAPHIC = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2033": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u2026": "...",
    "\u00a0": " ",
    "\u202f": " ",
}

# Lines dropped from every source: bare page numbers, footnote texts ("<sup>3.</sup> Ibid.",
# "<sup>†</sup> Ibid.", "<sup>a</sup> Ibid."), horizontal rules. Per-source furniture (running
# headers and the like) comes from sources.yaml.
COMMON_FURNITURE: tuple[str, ...] = (
    r"\s*\d{1,3}\s*",
    r"\s*(?:-\s*)?(?:#\s*)?<sup>\s*(?:\d+\.?|[*†‡§‖¶]{1,3}|[a-z])\s*</sup>.*",
    r"\s*-{3,}\s*",
)

# Marks that vanish: heading hashes and list bullets at line start (so a quote can run from the
# words introducing a list into its first item), footnote markers (<sup>n</sup> or superscript
# digits), bold and italic asterisks.
_MARKS = (
    r"(?m:^[ \t]*#{1,6}[ \t]*)|(?m:^[ \t]*[-•][ \t]+)|<sup>[^<]{0,20}</sup>|[¹²³⁴⁵⁶⁷⁸⁹⁰]+"
    r"|\*\*|(?<![\w*])\*(?=\w)|(?<=\w)\*(?![\w*])"
)
_TYPO = "[" + "".join(_TYPOGRAPHIC) + "]"
# Only whitespace that changes: runs, and single tabs or newlines. A lone space is copied as is,
# which keeps the offset map short (one segment per line, not per word).
# A line break before a list bullet is a space too, with the bullet (an indented bullet's
# indentation would otherwise be taken as the run of whitespace, leaving its mark behind).
_SPACE = r"\s*\n[ \t]*[-•][ \t]+|\s{2,}|[^\S ]"


def _compile(furniture: Sequence[str]) -> re.Pattern[str]:
    lines = "|".join(f"(?:{pattern})" for pattern in (*COMMON_FURNITURE, *furniture))
    return re.compile(
        f"(?P<furniture>(?m:^(?:{lines})$\\n?))|(?P<mark>{_MARKS})|(?P<typo>{_TYPO})|(?P<space>{_SPACE})"
    )


_MARKS_PATTERN = re.compile(_MARKS)
_TRANSLATION = str.maketrans(_TYPOGRAPHIC)


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """`text` normalised, with `norm_starts[i]` / `orig_starts[i]` / `orig_ends[i]` per segment.

    A segment is either a copied run (`copied[i]`: offsets advance together) or one replacement
    (several original characters, such as a run of whitespace, become one normalised string).
    """

    text: str
    norm_starts: list[int]
    orig_starts: list[int]
    orig_ends: list[int]
    copied: list[bool]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised slice `start:end` back to offsets in the original text."""
        return self._orig_at(start, edge="start"), self._orig_at(end - 1, edge="end")

    def _orig_at(self, pos: int, edge: str) -> int:
        i = bisect_right(self.norm_starts, pos) - 1
        if self.copied[i]:
            offset = self.orig_starts[i] + (pos - self.norm_starts[i])
            return offset if edge == "start" else offset + 1
        return self.orig_starts[i] if edge == "start" else self.orig_ends[i]


def normalise_quote(text: str) -> str:
    """Normalise an item's text the way sources are normalised (no furniture: quotes have none).

    Quotes need no offset map, so this is the same transformation done with whole-string
    operations: drop marks, replace typographic characters, collapse whitespace."""
    return " ".join(_MARKS_PATTERN.sub("", text).translate(_TRANSLATION).split())


def normalise_source(text: str, furniture: Sequence[str] = ()) -> NormalisedText:
    """Normalise a source text, dropping common and `furniture` lines, keeping the offset map."""
    return normalise(text, pattern=_compile(tuple(furniture)))


def normalise(text: str, pattern: re.Pattern[str]) -> NormalisedText:
    parts: list[str] = []
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    orig_ends: list[int] = []
    copied: list[bool] = []
    length = 0
    last_was_space = True  # also strips leading whitespace

    def emit(piece: str, orig_start: int, orig_end: int, is_copy: bool) -> None:
        nonlocal length, last_was_space
        if not piece:
            return
        if last_was_space and piece[0] == " ":
            piece = piece[1:]
            orig_start += 1 if is_copy else 0
            if not piece:
                return
        norm_starts.append(length)
        orig_starts.append(orig_start)
        orig_ends.append(orig_end)
        copied.append(is_copy)
        parts.append(piece)
        length += len(piece)
        last_was_space = piece[-1] == " "

    cursor = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        if start > cursor:
            emit(text[cursor:start], cursor, start, True)
        group = match.lastgroup
        if group == "typo":
            emit(_TYPOGRAPHIC[match.group()], start, end, False)
        elif group == "space":
            emit(" ", start, end, False)
        elif group == "furniture":
            # A dropped line still separates the words either side of it.
            emit(" ", start, end, False)
        cursor = end
    if cursor < len(text):
        emit(text[cursor:], cursor, len(text), True)
    if not norm_starts:
        norm_starts, orig_starts, orig_ends, copied = [0], [0], [0], [True]
    return NormalisedText("".join(parts), norm_starts, orig_starts, orig_ends, copied)


@dataclass(frozen=True, slots=True)
class QuoteMiss:
    """Why a quote was not found: the closest passage, to show the content's author what differs."""

    matched: str  # the longest stretch of the quote found in the source (start or end)
    quote_continues: str
    source_continues: str
    at_start: bool

    def describe(self) -> str:
        if len(self.matched) < 12:
            return (
                "no passage of the source resembles it; check the item's `source` and copy the "
                "sentence again from the source text"
            )
        if self.at_start:
            return (
                f"the source matches as far as '…{self.matched[-40:]}', then reads "
                f"'{self.source_continues[:50]}…' where the quote has "
                f"'{self.quote_continues[:50]}…'"
            )
        return (
            f"the source matches from '{self.matched[:40]}…' back to its start, but before it "
            f"reads '…{self.source_continues[-50:]}' where the quote has "
            f"'…{self.quote_continues[-50:]}'"
        )


def locate(quote: str, source: NormalisedText) -> tuple[int, int] | None:
    """Return the original-text span of `quote` in `source`, or None when it is not there."""
    needle = normalise_quote(quote)
    if not needle:
        return None
    position = source.text.find(needle)
    if position < 0:
        return None
    return source.original_span(position, position + len(needle))


def closest_passage(quote: str, source: NormalisedText) -> QuoteMiss:
    """Find where `quote` stops matching `source`: longest matching start, else longest end."""
    needle = normalise_quote(quote)
    haystack = source.text

    def longest(prefix: bool) -> int:
        low, high = 0, len(needle)
        while low < high:
            mid = (low + high + 1) // 2
            part = needle[:mid] if prefix else needle[len(needle) - mid :]
            if part in haystack:
                low = mid
            else:
                high = mid - 1
        return low

    head, tail = longest(prefix=True), longest(prefix=False)
    if head >= tail:
        matched = needle[:head]
        where = haystack.find(matched) + head if matched else 0
        return QuoteMiss(matched, needle[head:], haystack[where : where + 60], at_start=True)
    matched = needle[len(needle) - tail :]
    where = haystack.find(matched)
    return QuoteMiss(
        matched, needle[: len(needle) - tail], haystack[max(0, where - 60) : where], False
    )
