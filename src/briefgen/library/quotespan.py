"""Trim or extend a quote by whole words or sentences of its source, so an officer shapes a
quote with the keyboard or the mouse and it stays an exact span of the source (never retyped)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise
from typing import Literal

Edge = Literal["start", "end"]
Unit = Literal["word", "sentence"]

_WORD = re.compile(r"\S+")


@lru_cache(maxsize=8)
def _words(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    spans = [m.span() for m in _WORD.finditer(text)]
    return tuple(s for s, _ in spans), tuple(e for _, e in spans)


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@lru_cache(maxsize=8)
def _sentences(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The sentences of `text` (nupunkt's), each cut at a paragraph break: a heading, a date or
    a publisher's name on a line of its own has no full stop, and would otherwise run on into
    the paragraph after it, so "extend by a sentence" took a cover page whole."""
    from briefgen.library.suggest.sentences import nupunkt_spans

    spans = []
    for start, end in nupunkt_spans(text):
        for gap in _PARAGRAPH_BREAK.finditer(text, start, end):
            if gap.start() > start:
                spans.append((start, gap.start()))
            start = gap.end()
        if end > start:
            spans.append((start, end))
    return tuple(s for s, _ in spans), tuple(e for _, e in spans)


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`–`end` widened to the whole words it touches, with no space at either end (an
    empty span where it touches none)."""
    starts, ends = _words(text)
    first = bisect_right(ends, start)  # the first word ending after `start`
    last = bisect_left(starts, end) - 1  # the last word starting before `end`
    if first >= len(starts) or last < first:
        return start, start
    return starts[first], ends[last]


def move_edge(
    text: str, start: int, end: int, edge: Edge, unit: Unit, grow: bool
) -> tuple[int, int]:
    """The span with its `edge` moved out (`grow`) or in by one word or sentence of `text`; a
    span never loses its last word, and stays put at the ends of the text."""
    starts, ends = _sentences(text) if unit == "sentence" else _words(text)
    if edge == "end":
        if grow:
            i = bisect_right(ends, end)
            return (start, ends[i]) if i < len(ends) else (start, end)
        i = bisect_left(ends, end) - 1
        return (start, ends[i]) if i >= 0 and ends[i] > start else (start, end)
    if grow:
        i = bisect_left(starts, start) - 1
        return (starts[i], end) if i >= 0 else (start, end)
    i = bisect_right(starts, start)
    return (starts[i], end) if i < len(starts) and starts[i] < end else (start, end)


def drag_edge(text: str, start: int, end: int, edge: Edge, offset: int) -> tuple[int, int]:
    """The span with its `edge` moved to the word boundary of `text` nearest `offset` (where a
    pointer is), word starts for the start and word ends for the end; it stops at the other
    edge's word, so the span never crosses itself nor loses its last word."""
    starts, ends = _words(text)
    if edge == "start":
        last = bisect_left(starts, end) - 1  # the span's last word
        if last < 0:
            return start, end
        return min(_nearest(starts, offset), starts[last]), end
    first = bisect_right(ends, start)  # the span's first word
    if first >= len(ends):
        return start, end
    return start, max(_nearest(ends, offset), ends[first])


def nearer_edge(start: int, end: int, offset: int) -> Edge:
    """The edge of `start`–`end` nearer `offset`: a Shift+click moves that one."""
    return "start" if offset - start < end - offset else "end"


def _nearest(bounds: tuple[int, ...], offset: int) -> int:
    """The value in sorted, non-empty `bounds` nearest `offset` (the earlier on a tie)."""
    i = bisect_left(bounds, offset)
    if i == 0:
        return bounds[0]
    if i == len(bounds):
        return bounds[-1]
    before, after = bounds[i - 1], bounds[i]
    return before if offset - before <= after - offset else after


# Line by line: one pattern for "spaces, a line break, a bullet" restarts at every space and
# is quadratic on a long run of spaces or tabs (a table in a PDF).
_BULLET = re.compile(r"^[ \t]*(?:[-•][ \t]+)?")


def as_item_text(passage: str, breaks: Iterable[int] = ()) -> str:
    """`passage` on one line for an items file: line breaks, and the list bullets that start
    lines, become single spaces, as the loader reads them (so it is still found). `breaks` are
    offsets in `passage` where a new paragraph starts (a list's next item): each becomes a
    blank line, which the loader keeps and the packs print as a paragraph break, so a list
    quoted whole reads as a list rather than "we will: Engage far and wide Experiment …"."""
    cuts = [0, *sorted(b for b in set(breaks) if 0 < b < len(passage)), len(passage)]
    pieces = (_one_line(passage[a:b], first=a == 0) for a, b in pairwise(cuts))
    return "\n\n".join(piece for piece in pieces if piece)


def _one_line(passage: str, first: bool) -> str:
    head, *rest = passage.split("\n")
    lines = [head if first else _BULLET.sub("", head, count=1)]
    lines += [_BULLET.sub("", line, count=1) for line in rest]
    return " ".join(" ".join(lines).split())
