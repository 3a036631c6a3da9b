"""Sentence boundaries inside each paragraph and list item, from a well-kept segmenter.

nupunkt is the one used (docs/decisions/0080 compares it with pysbd and syntok on the shipped
sources); the other two stay callable here so the comparison can be rerun
(`benchmarks/segmenter_bench.py`). Segmenters see one block at a time: paragraphs and list
items come from the layout (`structure`), sentences from the segmenter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from briefgen.library.suggest.structure import DocumentStructure

# (start, end) of each sentence in the string given.
Splitter = Callable[[str], list[tuple[int, int]]]

_LEADING = " \t\r\n*"
_TRAILING = " \t\r\n*"
# Conversion marks the segmenter should not see: footnote markers glued to a full stop hide the
# sentence end ("rising.<sup>2</sup> Yet"), bold marks hide a capital. They are blanked with
# spaces of the same length, so offsets still point into the source.
_MARKS = re.compile(r"<sup>[^<]{0,20}</sup>|\*\*|\\(?=[_*])")


def normalised(text: str) -> str:
    """A sentence's words for comparing copies: case, marks, spacing and hyphens ignored (a
    summary may print "coproduce" where the body has "co-produce")."""
    return " ".join(
        re.findall(r"[a-z0-9]+", re.sub(r"(?<=\w)[-\u2010\u2011](?=\w)", "", text.lower()))
    )


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence at `text[start:end]`, inside block `block` of the structure."""

    start: int
    end: int
    block: int


@cache
def _nupunkt_model() -> Any:
    import nupunkt

    return nupunkt.load_default_model()  # shipped inside the wheel; nothing is downloaded


def nupunkt_spans(text: str) -> list[tuple[int, int]]:
    """Sentences by nupunkt's Punkt model (trained on legal and financial English)."""
    return [(int(start), int(end)) for start, end in _nupunkt_model().span_tokenize(text)]


@cache
def _pysbd_segmenter() -> Any:
    import pysbd  # type: ignore[import-untyped]

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def pysbd_spans(text: str) -> list[tuple[int, int]]:
    """Sentences by pysbd's rules (the Golden Rules set)."""
    return [(span.start, span.end) for span in _pysbd_segmenter().segment(text)]


def syntok_spans(text: str) -> list[tuple[int, int]]:
    """Sentences by syntok's tokenizer-driven segmenter."""
    import syntok.segmenter  # type: ignore[import-untyped]

    spans: list[tuple[int, int]] = []
    for paragraph in syntok.segmenter.analyze(text):
        for sentence in paragraph:
            first, last = sentence[0], sentence[-1]
            spans.append((first.offset, last.offset + len(last.value)))
    return spans


SEGMENTERS: dict[str, Splitter] = {
    "nupunkt": nupunkt_spans,
    "pysbd": pysbd_spans,
    "syntok": syntok_spans,
}


def split_sentences(
    text: str, structure: DocumentStructure, splitter: Splitter = nupunkt_spans
) -> list[Sentence]:
    """Every sentence of every block of `structure`, trimmed of spaces and bold marks."""
    found: list[Sentence] = []
    for index, block in enumerate(structure.blocks):
        body = _MARKS.sub(lambda mark: " " * len(mark.group()), text[block.start : block.end])
        for start, end in splitter(body):
            while start < end and body[start] in _LEADING:
                start += 1
            while end > start and body[end - 1] in _TRAILING:
                end -= 1
            if end > start and any(c.isalnum() for c in body[start:end]):
                found.append(Sentence(block.start + start, block.start + end, index))
    return found
