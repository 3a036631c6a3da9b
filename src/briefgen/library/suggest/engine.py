"""Suggest items for one source: candidates, learned labels, scores, and what not to propose.

Not proposed: a passage overlapping an item already curated from this source (in any library)
or a suggestion the officer rejected (by id or span). Not a flood: at most `default_limit`
suggestions (90 for a 3,000-word paper, 500 for 60,000 words) and only those scoring at least
`min_score`; a caller asks for more with a lower `min_score` or `limit=0`.
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import takewhile
from typing import Any

import numpy as np

from briefgen.library.organisations import attributed_org, organisation_names, publisher_org
from briefgen.library.quotespan import as_item_text
from briefgen.library.suggest import label
from briefgen.library.suggest.model import (
    Layout,
    SuggestModel,
    candidate_at,
    describe,
    read_layout,
)
from briefgen.library.suggest.sentences import normalised
from briefgen.library.suggest.spans import Candidate, candidates
from briefgen.library.suggest.structure import DocumentStructure, HeadingLike

DEFAULT_MIN_SCORE = 0.3
RECOMMENDATION_SCORE = 0.95  # a report's own recommendation ranks in the top fifth
# An item listed under a heading that names its kind ("Risks and Challenges"), a question put to
# the reader or a labelled option is what the document itself offers as a point: it ranks above
# most prose.
LAYOUT_SCORE = 0.8
Locate = Callable[[int, int], str]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed item: `text` is exactly `source_text[start:end]`."""

    id: str
    text: str
    start: int
    end: int
    kind: str
    org: str
    themes: tuple[str, ...]
    locator: str
    score: float
    reason: str
    summary_places: tuple[tuple[int, int], ...] = ()  # other copies, word for word or near
    lead_in: tuple[int, int] | None = None  # the paragraph introducing its list, if listed
    # The next likeliest kind, when the model (not the layout) chose `kind` and was unsure.
    other_kind: str = ""
    # Offsets in the source where a new paragraph of the passage starts (a list quoted whole).
    breaks: tuple[int, ...] = ()

    def quote_text(self) -> str:
        """The passage as an items file holds it: a line per paragraph, a blank line between."""
        return as_item_text(self.text, [b - self.start for b in self.breaks])

    @property
    def kind_text(self) -> str:
        """The kind as listings show it: "position", or "position or evidence?" when unsure."""
        return f"{self.kind} or {self.other_kind}?" if self.other_kind else self.kind

    def as_dict(self) -> dict[str, Any]:
        """The fields `briefgen suggest --json` prints."""
        return {
            "id": self.id,
            "text": self.text,
            "kind": self.kind,
            "org": self.org,
            "themes": list(self.themes),
            "locator": self.locator,
            "score": round(self.score, 3),
            "reason": self.reason,
            "start": self.start,
            "end": self.end,
            "summary_places": [list(place) for place in self.summary_places],
            "lead_in": list(self.lead_in) if self.lead_in else None,
            "other_kind": self.other_kind,
        }


def suggestion_id(text: str) -> str:
    """A stable id from the passage's words, so a rejection survives re-extraction."""
    return "sugg-" + hashlib.sha1(normalised(text).encode()).hexdigest()[:10]


def default_limit(words: int) -> int:
    """How many suggestions a document of `words` words gets by default: 90 at 3,000 words and
    500 at 60,000. Up to 3,000 words it grows as the square root of the length, beyond as its
    logarithm (through both points): a longer report repeats itself more."""
    if words <= 3000:
        return max(10, round(90 * math.sqrt(max(words, 1) / 3000)))
    return round(90 + 410 * math.log(words / 3000) / math.log(20))


def suggest(
    text: str,
    model: SuggestModel,
    *,
    publisher: str = "",
    organisations: Iterable[tuple[str, str, str]] = (),
    headings: Sequence[HeadingLike] | None = None,
    furniture: Sequence[str] = (),
    curated: Iterable[tuple[int, int]] = (),
    rejected: Iterable[str | tuple[int, int]] = (),
    min_score: float = DEFAULT_MIN_SCORE,
    limit: int | None = None,
    locate: Locate | None = None,
) -> list[Suggestion]:
    """Suggest items from `text`, best first.

    `organisations` are `(id, name, short)`; `publisher` picks the source's own. `headings` are
    an extractor's (objects with start, title, level); without them they are read from the text.
    `curated` are spans already made into items; `rejected` suggestion ids or spans. `locate`
    replaces the layout's locator (an extractor's knows pages)."""
    layout = read_layout(text, furniture, headings)
    structure = layout.structure
    names = organisation_names(organisations)
    own = publisher_org(publisher, names)
    taken = sorted(curated)
    refused_ids = {r for r in rejected if isinstance(r, str)}
    refused_spans = [r for r in rejected if not isinstance(r, str)]
    pool = [
        c
        for c in candidates(text, structure, layout.sentences, model.join)
        if not _overlaps(c, taken)
        and not any(_mostly(c.start, c.end, s) for s in refused_spans)
        and suggestion_id(text[c.start : c.end]) not in refused_ids
    ]
    if not pool:
        return []
    predictions = model.predict([describe(layout, c) for c in pool])
    theme_probs = _themes_with_copies(model, layout, pool, predictions.theme_probs)
    found: list[Suggestion] = []
    for row, candidate in enumerate(pool):
        passage = text[candidate.start : candidate.end]
        lead = text[candidate.lead_in[0] : candidate.lead_in[1]] if candidate.lead_in else ""
        kind, firm_reason, by_layout = label.choose_kind(
            passage, candidate, structure, predictions.kinds[row], lead
        )
        score = float(predictions.relevance[row])
        if candidate.recommendation or candidate.ask:  # the document's own asks too (0188)
            score = max(score, RECOMMENDATION_SCORE)
        elif by_layout:
            score = max(score, LAYOUT_SCORE)
        neighbours = [model.item_kinds[i] for i in predictions.nearest[row]]
        context = _context(text, structure, candidate)
        org, phrase = attributed_org(passage, context, names, own)
        reasons = [
            firm_reason or label.reason(passage, kind, candidate, structure, neighbours),
            f"attributed: '{' '.join(phrase.split())}'" if phrase else "",
            label.summary_note(structure, candidate.summary_places, locate, _near(text, candidate)),
        ]
        found.append(
            Suggestion(
                id=suggestion_id(passage),
                text=passage,
                start=candidate.start,
                end=candidate.end,
                kind=kind,
                org=org or own,
                themes=label.choose_themes(model.theme_ids, theme_probs[row]),
                locator=(
                    locate(candidate.start, candidate.end)
                    if locate
                    else label.locate(structure, candidate)
                ),
                score=round(score, 4),
                reason="; ".join(r for r in reasons if r),
                summary_places=tuple(candidate.summary_places),
                lead_in=candidate.lead_in,
                # only the model's own guess is offered with its runner-up (decision 0197)
                other_kind="" if firm_reason else predictions.other_kinds[row],
                breaks=paragraph_starts(structure, candidate.start, candidate.end),
            )
        )
    found.sort(key=lambda s: (-s.score, s.start))
    cap = default_limit(len(text.split())) if limit is None else limit
    chosen: list[Suggestion] = []
    for suggestion in found:
        if suggestion.score < min_score or (cap and len(chosen) >= cap):
            break
        if not any(_mostly(suggestion.start, suggestion.end, (c.start, c.end)) for c in chosen):
            chosen.append(suggestion)
    return chosen


def _near(text: str, candidate: Candidate) -> dict[tuple[int, int], bool]:
    """Per near copy of `candidate`: whether it has fewer words than the passage."""
    words = len(text[candidate.start : candidate.end].split())
    return {(s, e): len(text[s:e].split()) < words for s, e in candidate.near_places}


def _themes_with_copies(
    model: SuggestModel, layout: Layout, pool: Sequence[Candidate], theme_probs: Any
) -> Any:
    """Each passage's theme probabilities, averaged with those of its near copies read in their
    own places: the curator may have met the point in either, and the words around each say
    what it is about (a key proposition's list, the section setting it out in detail)."""
    copies = [(row, place) for row, c in enumerate(pool) for place in c.near_places]
    if not copies:
        return theme_probs
    described = [describe(layout, candidate_at(layout, *place)) for _, place in copies]
    totals = np.array(theme_probs, dtype=float)
    counts = np.ones(len(pool))
    for (row, _), probabilities in zip(copies, model.predict(described).theme_probs, strict=True):
        totals[row] += probabilities
        counts[row] += 1
    return totals / counts[:, np.newaxis]


def _overlaps(candidate: Candidate, taken: Sequence[tuple[int, int]]) -> bool:
    places = [(candidate.start, candidate.end), *candidate.summary_places]
    return any(s < e_taken and s_taken < e for s, e in places for s_taken, e_taken in taken)


def _mostly(start: int, end: int, other: tuple[int, int]) -> bool:
    """True when the spans share at least half of the shorter one."""
    shared = min(end, other[1]) - max(start, other[0])
    return shared > 0 and shared >= 0.5 * min(end - start, other[1] - other[0])


def _context(text: str, structure: DocumentStructure, candidate: Candidate) -> str:
    """What may attribute a passage: its list's lead-in, or for a quotation set in italics
    (`*…*`) the paragraph before it."""
    if candidate.lead_in:
        return text[candidate.lead_in[0] : candidate.lead_in[1]]
    block = structure.blocks[candidate.block]
    body = text[block.start : block.end].strip()
    if body.startswith("*") and not body.startswith("**") and candidate.block > 0:
        previous = structure.blocks[candidate.block - 1]
        return text[previous.start : previous.end]
    return ""


def paragraph_starts(structure: DocumentStructure, start: int, end: int) -> tuple[int, ...]:
    """Where the paragraphs (a list's items) after the first begin within `start`–`end`
    (the blocks are in text order: found by bisection, as every suggestion asks)."""
    blocks = structure.blocks
    first = bisect_right(blocks, start, key=lambda block: block.start)
    starts = (blocks[index].start for index in range(first, len(blocks)))
    return tuple(takewhile(lambda at: at < end, starts))
