"""Candidate spans: sentences grouped into the passages an officer would quote.

A passage is one sentence or a few that belong together (a learned joiner decides, from the
curated items: "This means…" after a claim usually stays with it; the layout overrules it where
it parts two sentences, `pairs`). A report's own
recommendation is taken whole. A summary sentence the body repeats word for word is dropped
and its place noted on the body's copy. A list item that is only a fragment ("to the
Department…") keeps its lead-in when the two are adjacent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from briefgen.library.suggest import cues
from briefgen.library.suggest.pairs import SentencePair, restated_in_body, sentence_pairs
from briefgen.library.suggest.sentences import Sentence
from briefgen.library.suggest.structure import DocumentStructure

MAX_SENTENCES = 4
# Joined when the joiner gives at least this; higher trades recall for span (decisions 0181, 0184)
JOIN_THRESHOLD = 0.5
_FRAGMENT_START = re.compile(
    r"(?:and|or|but|that|to|which|who|for|of|in|on|with|by|if|where|when|as|from)\b"
)
_RECOMMENDATION_TEXT = re.compile(r"^(?:\*\*)?recommendation\s+(?:\d+|[a-z]+)\b", re.I)


# For each pair of adjacent sentences: the probability that the two belong to one item.
JoinScore = Callable[[Sequence[SentencePair]], list[float]]


@dataclass(slots=True)
class Candidate:
    """A passage that may become an item: `text[start:end]` and where it sits."""

    start: int
    end: int
    block: int
    sentences: int
    headings: tuple[str, ...]
    listed: bool
    label: str
    lead_in: tuple[int, int] | None = None
    recommendation: str = ""  # why it is one of the report's own recommendations, or ''
    summary_places: list[tuple[int, int]] = field(default_factory=list)
    in_summary: bool = False


def normalised(text: str) -> str:
    """A sentence's words for comparing copies: case, marks, spacing and hyphens ignored (a
    summary may print "coproduce" where the body has "co-produce")."""
    return " ".join(
        re.findall(r"[a-z0-9]+", re.sub(r"(?<=\w)[-\u2010\u2011](?=\w)", "", text.lower()))
    )


def drop_repeats(
    text: str, structure: DocumentStructure, sentences: Sequence[Sentence]
) -> tuple[list[Sentence], dict[int, list[tuple[int, int]]]]:
    """Keep one copy of each sentence the document repeats word for word (five words or more):
    the body's copy rather than a summary's, else the first. Returns the kept sentences and,
    per kept sentence's start, the places of the copies dropped."""
    copies: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        key = normalised(text[sentence.start : sentence.end])
        if key.count(" ") >= 4:
            copies.setdefault(key, []).append(sentence)
    dropped: set[int] = set()
    places: dict[int, list[tuple[int, int]]] = {}
    for group in copies.values():
        if len(group) < 2:
            continue
        in_body = [
            s
            for s in group
            if not cues.is_summary(structure.heading_path(structure.blocks[s.block]))
        ]
        keeper = (in_body or group)[0]
        for sentence in group:
            if sentence is not keeper:
                dropped.add(sentence.start)
                places.setdefault(keeper.start, []).append((sentence.start, sentence.end))
    return [s for s in sentences if s.start not in dropped], places


def candidates(
    text: str,
    structure: DocumentStructure,
    sentences: Sequence[Sentence],
    join: JoinScore | None,
) -> list[Candidate]:
    """Group each block's sentences into passages; recommendations whole, repeats once."""
    kept, places = drop_repeats(text, structure, sentences)
    restated = restated_in_body(text, structure, sentences)
    kept_starts = {s.start for s in kept}
    dropped = sorted(s.start for s in sentences if s.start not in kept_starts)
    by_block: dict[int, list[Sentence]] = {}
    for sentence in kept:
        by_block.setdefault(sentence.block, []).append(sentence)
    reasons: dict[int, str] = {}
    pairs: list[SentencePair] = []
    for block_index, group in by_block.items():
        block = structure.blocks[block_index]
        lead_text = ""
        if block.lead_in >= 0:
            lead = structure.blocks[block.lead_in]
            lead_text = text[lead.start : lead.end]
        headings = structure.heading_path(block)
        reasons[block_index] = _recommendation(
            text[block.start : block.end], headings, block.para, lead_text
        )
        if not reasons[block_index]:
            pairs += sentence_pairs(text, structure, group, restated, dropped)
    scores = join(pairs) if join is not None else [0.0] * len(pairs)
    together = iter(
        0.0 if pair.parted else score for pair, score in zip(pairs, scores, strict=True)
    )
    found: list[Candidate] = []
    absorbed: list[tuple[int, int]] = []  # lead-in sentences taken into their first item
    for block_index, group in by_block.items():
        block = structure.blocks[block_index]
        headings = structure.heading_path(block)
        why = reasons[block_index]
        runs = [list(group)] if why else _runs(group, together)
        for run in runs:
            candidate = Candidate(
                start=run[0].start,
                end=run[-1].end,
                block=block_index,
                sentences=len(run),
                headings=headings,
                listed=block.listed,
                label=block.label,
                recommendation=why,
                in_summary=cues.is_summary(headings),
            )
            for sentence in run:
                candidate.summary_places += places.get(sentence.start, [])
            if block.lead_in >= 0 and block.listed:
                first = run[0] is group[0]
                taken = _attach_lead_in(text, structure, candidate, by_block, first)
                if taken:
                    absorbed.append(taken)
            found.append(candidate)
    found = [c for c in found if not any(s <= c.start and c.end <= e for s, e in absorbed)]
    for candidate in found:  # a passage that ended with a lead-in now ends before it
        for start, end in absorbed:
            if candidate.start < start and candidate.end == end:
                candidate.end = max(x.end for x in by_block[candidate.block] if x.end <= start)
                candidate.sentences -= 1
    found.sort(key=lambda c: c.start)
    return found


def _recommendation(block_text: str, headings: Sequence[str], para: int, lead_in: str) -> str:
    if cues.recommendation_heading(headings, para):
        return f"under '{headings[-1]}'"
    if lead_in and cues.is_recommendation_lead(lead_in):
        return "listed after '" + " ".join(lead_in.split()[-6:]) + "'"
    if _RECOMMENDATION_TEXT.match(block_text.lstrip()):
        return "headed '" + " ".join(block_text.split()[:2]).strip("*:") + "'"
    return ""


def _runs(group: Sequence[Sentence], together: Iterator[float]) -> list[list[Sentence]]:
    """Split a block's sentences into runs, a new one wherever the join probability is low."""
    runs: list[list[Sentence]] = [[group[0]]]
    for sentence in group[1:]:
        if next(together) >= JOIN_THRESHOLD and len(runs[-1]) < MAX_SENTENCES:
            runs[-1].append(sentence)
        else:
            runs.append([sentence])
    return runs


def _attach_lead_in(
    text: str,
    structure: DocumentStructure,
    candidate: Candidate,
    by_block: dict[int, list[Sentence]],
    first: bool,
) -> tuple[int, int] | None:
    """Note the list's lead-in; take its last sentence into the span where the item is a bare
    fragment ("to the Department…") that directly follows it: only the first item and its
    lead-in make one exact span (`first`: this passage opens the item, rather than continuing
    it). Returns the lead-in sentence so taken, if any."""
    block = structure.blocks[candidate.block]
    lead = structure.blocks[block.lead_in]
    candidate.lead_in = (lead.start, lead.end)
    first_word = text[candidate.start : candidate.end].lstrip("*")
    lead_sentences = by_block.get(block.lead_in)
    if (
        first
        and block.lead_in == candidate.block - 1
        and lead_sentences
        and _FRAGMENT_START.match(first_word)
    ):
        candidate.start = lead_sentences[-1].start
        return lead_sentences[-1].start, lead_sentences[-1].end
    return None
