"""Adjacent sentences as the joiner sees them, and where the layout alone keeps them apart.

The learned joiner (`model.SuggestModel.join`) weighs each pair of adjacent sentences in a
block by their words; curators of different documents cut their items differently, so those
weights are soft. Three things in the layout are firmer and part the pair whatever the words
say (decision 0184):
- bold marks set one sentence apart from the other: the author has picked it out as a point;
- a copy of a sentence repeated elsewhere was dropped from between them, so the two are not
  adjacent in the text and a passage holding both would quote the dropped copy too;
- one of them is a summary sentence that the body restates (a body sentence or heading shares
  most of its longer words): it is one of the points the report makes, and stands on its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from briefgen.library.suggest import cues
from briefgen.library.suggest.sentences import Sentence
from briefgen.library.suggest.structure import DocumentStructure

EMPHASIS = "set apart in bold"
COPY_BETWEEN = "a repeated sentence dropped between them"
RESTATED = "a summary point the body restates"

# A summary sentence is restated when a body sentence or heading shares at least this many of
# its longer words (four letters or more), and this share of the shorter one's.
RESTATED_WORDS = 5
RESTATED_SHARE = 0.75
_LONG_WORD = re.compile(r"[a-z]{4,}")
_BOLD = re.compile(r"\*\*")


@dataclass(frozen=True, slots=True)
class SentencePair:
    """Two adjacent sentences of a block: their text, the second's place (from 1) in a block
    of `count` sentences, and `parted`, why the layout keeps them apart (or '')."""

    first: str
    second: str
    position: int
    count: int
    parted: str = ""


def sentence_pairs(
    text: str,
    structure: DocumentStructure,
    group: Sequence[Sentence],
    restated: frozenset[int] = frozenset(),
    dropped: Sequence[int] = (),
) -> list[SentencePair]:
    """Each pair of adjacent sentences in `group` (one block's kept sentences, in text order);
    `restated` holds the starts of summary sentences the body restates (`restated_in_body`),
    `dropped` the starts, in order, of repeated sentences dropped for another copy."""
    if not group:
        return []
    block = structure.blocks[group[0].block]
    body = text[block.start : block.end]
    pairs = []
    for position, (a, b) in enumerate(pairwise(group), start=1):
        if bisect_left(dropped, a.end) < bisect_left(dropped, b.start):
            parted = COPY_BETWEEN
        elif _emphasised(body, a.start - block.start, a.end - block.start) != _emphasised(
            body, b.start - block.start, b.end - block.start
        ):
            parted = EMPHASIS
        elif a.start in restated or b.start in restated:
            parted = RESTATED
        else:
            parted = ""
        pairs.append(
            SentencePair(text[a.start : a.end], text[b.start : b.end], position, len(group), parted)
        )
    return pairs


def joined_to_a_neighbour(
    text: str,
    structure: DocumentStructure,
    sentences: Sequence[Sentence],
    kept: Sequence[Sentence],
    restated: frozenset[int],
    join: Callable[[Sequence[SentencePair]], list[float]] | None,
    threshold: float,
) -> set[int]:
    """The starts of `kept` sentences the joiner puts in one passage with a neighbour (a pair
    not parted scoring `threshold` or more): such a sentence is not a point standing alone
    ("Solace believes … a crucial role in education." heads a paragraph whose next sentence
    opens "They have…"), so it is not dropped as a near copy of a sentence elsewhere."""
    if join is None:
        return set()
    kept_starts = {s.start for s in kept}
    dropped = sorted(s.start for s in sentences if s.start not in kept_starts)
    by_block: dict[int, list[Sentence]] = {}
    for sentence in kept:
        by_block.setdefault(sentence.block, []).append(sentence)
    groups = [group for group in by_block.values() if len(group) > 1]
    pairs = [p for g in groups for p in sentence_pairs(text, structure, g, restated, dropped)]
    neighbours = [(a.start, b.start) for g in groups for a, b in pairwise(g)]
    bound: set[int] = set()
    for (first, second), pair, score in zip(neighbours, pairs, join(pairs), strict=True):
        if not pair.parted and score >= threshold:
            bound |= {first, second}
    return bound


def _emphasised(body: str, start: int, end: int) -> bool:
    """True when most of `body[start:end]` lies inside bold marks (`**…**`)."""
    inside = body[:start].count("**") % 2 == 1
    bold = 0
    position = start
    for mark in _BOLD.finditer(body, start, end):
        if inside:
            bold += mark.start() - position
        inside = not inside
        position = mark.end()
    if inside:
        bold += end - position
    return bold * 2 > end - start


def restated_in_body(
    text: str, structure: DocumentStructure, sentences: Sequence[Sentence]
) -> frozenset[int]:
    """The starts of the summary sentences whose point the body makes again: a sentence outside
    any summary, or a heading, shares `RESTATED_WORDS` of its longer words and `RESTATED_SHARE`
    of the shorter one's."""
    summary: list[tuple[int, set[str]]] = []
    body: list[set[str]] = [_long_words(heading.title) for heading in structure.headings]
    for sentence in sentences:
        words = _long_words(text[sentence.start : sentence.end])
        if cues.is_summary(structure.heading_path(structure.blocks[sentence.block])):
            summary.append((sentence.start, words))
        else:
            body.append(words)
    if not summary:
        return frozenset()
    holders: dict[str, list[int]] = {}
    for index, words in enumerate(body):
        for word in words:
            holders.setdefault(word, []).append(index)
    found = set()
    for start, words in summary:
        shared = Counter(index for word in words for index in holders.get(word, ()))
        if any(
            count >= RESTATED_WORDS and count >= RESTATED_SHARE * min(len(words), len(body[index]))
            for index, count in shared.items()
        ):
            found.add(start)
    return frozenset(found)


def _long_words(text: str) -> set[str]:
    return set(_LONG_WORD.findall(text.lower()))
