"""Candidate spans: sentences grouped into the passages an officer would quote.

A passage is one sentence or a few that belong together (a learned joiner decides, from the
curated items: "This means…" after a claim usually stays with it; the layout overrules it where
it parts two sentences, `pairs`). A report's own recommendation is taken whole. A summary
sentence the body repeats word for word, or says again in more words (`twins`), is dropped and
its place noted on the body's copy. A list item that is only a fragment ("to the
Department…") keeps its lead-in when the two are adjacent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from briefgen.library.suggest import cues, furniture
from briefgen.library.suggest.pairs import (
    SentencePair,
    joined_to_a_neighbour,
    restated_in_body,
    sentence_pairs,
)
from briefgen.library.suggest.sentences import Sentence, normalised
from briefgen.library.suggest.structure import DocumentStructure
from briefgen.library.suggest.twins import near_copies

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
    ask: str = ""  # where a listed ask or commitment of the document's own is listed, or ''
    ask_kind: str = ""  # "commitment" (what the document will do) or "ask" (what others should)
    summary_places: list[tuple[int, int]] = field(default_factory=list)
    near_places: list[tuple[int, int]] = field(default_factory=list)  # of those, near copies
    in_summary: bool = False


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
    *,
    keep_asides: bool = False,
) -> list[Candidate]:
    """Group each block's sentences into passages; recommendations whole, repeats once;
    nothing of the document's furniture or its asides to the reader (`furniture`) unless
    `keep_asides` (the relevance model learns from them as passages nobody curated)."""
    own = sentences if keep_asides else _own_points(text, structure, sentences)
    kept, places = drop_repeats(text, structure, own)
    near: dict[int, list[tuple[int, int]]] = {}
    restated = restated_in_body(text, structure, sentences)
    if not keep_asides:  # the relevance model learns from what the curators saw
        bound = joined_to_a_neighbour(
            text, structure, sentences, kept, restated, join, JOIN_THRESHOLD
        )
        listed = _in_whole_lists(text, structure, kept)
        stays = {*places, *bound, *(s.start for s in kept if s.block in listed)}
        kept, near = near_copies(text, structure, sentences, kept, stays)
        for start, copies in near.items():
            places.setdefault(start, []).extend(copies)
    near_starts = {place[0] for copies in near.values() for place in copies}
    kept_starts = {s.start for s in kept}
    dropped = sorted(s.start for s in sentences if s.start not in kept_starts)
    by_block: dict[int, list[Sentence]] = {}
    for sentence in kept:
        by_block.setdefault(sentence.block, []).append(sentence)
    reasons: dict[int, str] = {}
    asks: dict[int, tuple[str, str]] = {}
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
        asks[block_index] = _ask(text[block.start : block.end], block.listed, headings, lead_text)
        if not reasons[block_index]:
            pairs += sentence_pairs(text, structure, group, restated, dropped)
    scores = join(pairs) if join is not None else [0.0] * len(pairs)
    together = iter(
        0.0 if pair.parted else score for pair, score in zip(pairs, scores, strict=True)
    )
    whole_lists = _whole_lists(text, structure, asks)
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
                ask=asks[block_index][0],
                ask_kind=asks[block_index][1],
                in_summary=cues.is_summary(headings),
            )
            for sentence in run:
                candidate.summary_places += places.get(sentence.start, [])
            candidate.near_places = [p for p in candidate.summary_places if p[0] in near_starts]
            if block.lead_in >= 0 and block.listed:
                first = run[0] is group[0]
                whole = block.lead_in in whole_lists
                taken = _attach_lead_in(text, structure, candidate, by_block, first, whole)
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
    return _list_passages(text, structure, found, whole_lists)


def _in_whole_lists(
    text: str, structure: DocumentStructure, sentences: Sequence[Sentence]
) -> set[int]:
    """The blocks of `sentences` that are items of a list quoted whole (`_whole_lists`): the
    list is one passage, so none of its items is dropped as a near copy of a sentence
    elsewhere."""
    asks: dict[int, tuple[str, str]] = {}
    for index in {s.block for s in sentences}:
        block = structure.blocks[index]
        lead = structure.blocks[block.lead_in] if block.lead_in >= 0 else None
        asks[index] = _ask(
            text[block.start : block.end],
            block.listed,
            structure.heading_path(block),
            text[lead.start : lead.end] if lead else "",
        )
    whole = _whole_lists(text, structure, asks)
    return {index for index in asks if structure.blocks[index].lead_in in whole}


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
    whole: bool = False,
) -> tuple[int, int] | None:
    """Note the list's lead-in; take its last sentence into the span where the item is a bare
    fragment ("to the Department…") that directly follows it: only the first item and its
    lead-in make one exact span (`first`: this passage opens the item, rather than continuing
    it), or that heads a list quoted `whole`. Returns the lead-in sentence so taken, if any."""
    block = structure.blocks[candidate.block]
    lead = structure.blocks[block.lead_in]
    candidate.lead_in = (lead.start, lead.end)
    first_word = text[candidate.start : candidate.end].lstrip("*")
    lead_sentences = by_block.get(block.lead_in)
    if (
        first
        and block.lead_in == candidate.block - 1
        and lead_sentences
        and (whole or _is_fragment(first_word))
    ):
        candidate.start = lead_sentences[-1].start
        return lead_sentences[-1].start, lead_sentences[-1].end
    return None


def _is_fragment(passage: str) -> bool:
    """True for a list item that means nothing without its lead-in: it opens with a linking
    word ("to the Department…") or ends as if its sentence went on ("local services help
    children, and")."""
    return bool(_FRAGMENT_START.match(passage) or _GOES_ON.search(passage.rstrip(" *")))


_GOES_ON = re.compile(r"(?:,|\b(?:and|or))$")


def _own_points(
    text: str, structure: DocumentStructure, sentences: Sequence[Sentence]
) -> list[Sentence]:
    """The sentences that may be the document's points: not under a heading about reading or
    answering it, not about the document itself, not a title-page line, label or unmarked
    heading."""
    kept = []
    for sentence in sentences:
        block = structure.blocks[sentence.block]
        if furniture.is_reader_guidance(structure.heading_path(block)):
            continue
        words = text[sentence.start : sentence.end]
        if furniture.about_the_document(words):
            continue
        paragraph = text[block.start : block.end]
        # an item of a list under its lead-in is a point of the list, however title-like
        # ("we will: … Design the Centre of Excellence")
        in_list = block.listed and block.lead_in >= 0
        if (not in_list and furniture.is_title_or_label(paragraph)) or (
            not block.listed and furniture.is_heading_like(paragraph)
        ):
            continue
        kept.append(sentence)
    return kept


def _ask(block_text: str, listed: bool, headings: Sequence[str], lead_in: str) -> tuple[str, str]:
    """Where a listed item is one of the document's own asks or commitments, and which: an
    item opening with a bare verb ("Design the Centre…") under a lead-in ending on what will
    or should be done ("…we will:", "Councils should:") or a heading such as "Next steps"."""
    if not listed or not cues.opens_with_bare_verb(block_text):
        return "", ""
    kind = cues.ask_lead(lead_in) if lead_in else ""
    if kind:
        return "listed after '…" + " ".join(lead_in.split()[-6:]) + "'", kind
    if cues.ask_heading(headings):
        return f"listed under '{headings[-1]}'", "commitment"
    return "", ""


# A list quoted whole, lead-in to last item, goes up to this many words; a longer one is left
# to its first item. A list of phrases this short ("Innovation hosting and collaboration")
# means nothing item by item.
MAX_LIST_SENTENCE_WORDS = 90
PHRASE_WORDS = 6
ASK_PHRASE_WORDS = 8  # the sample report's longest commitment of this sort has seven


def _whole_lists(
    text: str, structure: DocumentStructure, asks: dict[int, tuple[str, str]]
) -> set[int]:
    """The lead-ins whose lists are quoted whole: every item goes on the lead-in's sentence
    ("…make sure that: the ecosystem works, …, and enablers are well delivered."), or every
    item is a short capitalised phrase without a stop, the name of a thing. A list of the
    document's own asks is whole only when every ask is such a phrase ("we will: Engage far
    and wide; Experiment with key delivery approaches; …"): one alone says nothing of who
    will do it, and the lead-in can only be quoted with the first."""
    items: dict[int, list[str]] = {}
    has_asks: set[int] = set()
    unmarked: set[int] = set()  # lists whose bullets the extractor did not keep
    for index, block in enumerate(structure.blocks):
        if block.listed and block.lead_in >= 0:
            items.setdefault(block.lead_in, []).append(text[block.start : block.end])
            if index in asks and asks[index][0]:
                has_asks.add(block.lead_in)
            if not block.marker:
                unmarked.add(block.lead_in)
    whole = set()
    for lead_in, bodies in items.items():
        # lower-case items, each but the last ending on a comma, "and" or "or": one sentence
        fragments = all(b.lstrip("*")[:1].islower() for b in bodies) and (
            all(_GOES_ON.search(b.rstrip(" *")) for b in bodies[:-1])
            if len(bodies) > 1
            else lead_in in unmarked
        )
        # names of things ("Innovation hosting and collaboration"), or asks as short as
        # headings ("Evaluate evidence to inform our design work"): capitalised, no stop
        longest = ASK_PHRASE_WORDS if lead_in in has_asks else PHRASE_WORDS
        phrases = len(bodies) > 1 and all(
            len(b.split()) <= longest
            and b.lstrip("*")[:1].isupper()
            and b.rstrip(" *")[-1] not in ".!?"
            for b in bodies
        )
        if phrases or (fragments and lead_in not in has_asks):
            whole.add(lead_in)
    return whole


def _list_passages(
    text: str, structure: DocumentStructure, found: list[Candidate], whole_lists: set[int]
) -> list[Candidate]:
    """A list quoted whole (`_whole_lists`) becomes one passage: its first item, which has
    taken the lead-in's last sentence, is extended over the rest. An item left ending as if its
    sentence went on ("…children, and") is dropped unless it took its lead-in, and so is a
    short lead-in left on its own ("Within this year's work, we will:")."""
    kept: list[Candidate] = []
    extended: Candidate | None = None
    lead_ins = whole_lists | {b.lead_in for b in structure.blocks if b.listed and b.lead_in >= 0}
    for candidate in found:
        block = structure.blocks[candidate.block]
        opening = text[block.start : block.end].lstrip("*")
        passage = text[candidate.start : candidate.end].rstrip(" *")
        if (
            not candidate.listed
            and candidate.sentences == 1
            and passage.endswith(":")
            and len(passage.split()) <= 8
            and candidate.block in lead_ins
        ):
            continue
        whole = candidate.listed and block.lead_in in whole_lists
        took_lead_in = candidate.lead_in is not None and candidate.start < block.start
        if not whole:
            extended = None
            # "local services help children, and" alone, without the lead-in it goes on
            if not (candidate.listed and _GOES_ON.search(passage)) or took_lead_in:
                kept.append(candidate)
        elif took_lead_in:
            kept.append(candidate)
            extended = candidate
        elif (
            extended is not None
            and structure.blocks[extended.block].lead_in == block.lead_in
            and len(text[extended.start : candidate.end].split()) <= MAX_LIST_SENTENCE_WORDS
        ):
            extended.end = candidate.end
            extended.sentences += candidate.sentences
        elif not _is_fragment(opening):
            kept.append(candidate)
    return kept
