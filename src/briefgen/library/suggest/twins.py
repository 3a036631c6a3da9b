"""Near copies: a sentence that another part of the document says again, in more words or
nearly the same ones, so that the passage is proposed once (docs/decisions/0206).

A summary bullet ("Engage far and wide") is often a shortened form of a body sentence
("Engage far and wide, seeking views from everyone, …"); `spans.drop_repeats` only finds copies
word for word. A sentence is a near copy of another under a different heading when

- it is a shortened form: its words, in order, are part of that sentence and of no other (a
  phrase found in several, "Design the Centre of Excellence", is the document's subject), and
  it has `FRAGMENT_WORDS` content words or more; or
- the other holds its rare words: content words (without common function words) weighted by
  how rare they are in this document (`log(n / df)` over its n sentences, so the words of its
  subject count for little); at least `SHARE` of the sentence's weight is in the other, and the
  shared weight is `EVIDENCE` above `log(n)`, so that finding those words together in one
  sentence by chance is unlikely (for independent words, e^-EVIDENCE sentences would).

Two sentences under one heading are never copies: a section does not restate itself, and
parallel points ("Option One: … delivered separately …", "Option Two: … delivered separately
… but with shared services") differ by the words one adds. The body's copy is kept rather than
a summary's; else the one holding the other, or the first where each holds the other (as for
copies word for word). A list's lead-in stays (its list needs it), and so does a sentence the
document repeats word for word elsewhere.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # type: ignore[import-untyped]

from briefgen.library.suggest import cues
from briefgen.library.suggest.sentences import Sentence, normalised
from briefgen.library.suggest.structure import DocumentStructure

# Chosen on the shipped documents and the sample report (decision 0206): every pair above both
# lines reads as one point made twice. The nearest that does not ("Councils have a critical role
# in the lives of…" / "…councils have a critical role in embracing a whole system…") shares 0.79
# of the weight, but only 9.0 above log(n).
SHARE = 0.75
EVIDENCE = 10.0
# A shortened form needs no rare words, only this many content words, word for word and in
# order in exactly one other sentence ("Design the Centre of Excellence" is in several: it is
# the document's subject, not a point made twice).
FRAGMENT_WORDS = 3


def near_copies(
    text: str,
    structure: DocumentStructure,
    sentences: Sequence[Sentence],
    kept: Sequence[Sentence],
    stay: Iterable[int] = (),
) -> tuple[list[Sentence], dict[int, list[tuple[int, int]]]]:
    """`kept` without the sentences another kept sentence says again in as many or more words,
    and, per keeper's start, the places of the near copies dropped for it. `sentences` are all
    of the document's, for how rare each word is; `stay` the starts of sentences never dropped
    (the caller's: one the document repeats word for word is a point it stands by; one bound to
    its neighbour, or an item of a list quoted whole, is part of a longer passage)."""
    phrases = {s.start: f" {normalised(text[s.start : s.end])} " for s in sentences}
    words = {start: _content_words(phrase) for start, phrase in phrases.items()}
    weight = _rarity(list(words.values()))
    baseline = math.log(max(len(sentences), 1))
    summary = {
        s.start: cues.is_summary(structure.heading_path(structure.blocks[s.block])) for s in kept
    }
    lead_ins = {b.lead_in for b in structure.blocks if b.lead_in >= 0}
    holders: dict[str, list[Sentence]] = {}
    for sentence in kept:
        for word in words[sentence.start]:
            holders.setdefault(word, []).append(sentence)

    def heft(sentence: Sentence) -> float:
        return sum(weight[w] for w in words[sentence.start])

    # The least likely keepers first: a summary's copy, then the sentence holding least.
    order = sorted(kept, key=lambda s: (not summary[s.start], heft(s), -s.start))
    dropped: set[int] = set()
    keepers: set[int] = set(stay)
    places: dict[int, list[tuple[int, int]]] = {}
    for sentence in order:
        own = words[sentence.start]
        total = heft(sentence)
        if sentence.start in keepers or sentence.block in lead_ins or not total:
            continue
        others = {o.start: o for word in _rarest(own, weight) for o in holders.get(word, ())}
        others.pop(sentence.start, None)
        # Where the sentence is a word-for-word fragment of others ("Engage far and wide").
        fragment_of = [o for o in others.values() if phrases[sentence.start] in phrases[o.start]]
        best: tuple[float, int] | None = None
        for other in others.values():
            if (
                other.start in dropped
                or (summary[other.start] and not summary[sentence.start])  # the body's copy stays
                or _same_section(structure, sentence, other)
            ):
                continue
            shared = sum(weight[w] for w in own & words[other.start])
            if (
                other.start > sentence.start
                and summary[other.start] == summary[sentence.start]
                and shared >= SHARE * heft(other)
            ):
                continue  # each holds the other: the first copy stays, as for exact copies
            rare = shared / total >= SHARE and shared - baseline >= EVIDENCE
            shortened = fragment_of == [other] and len(own) >= FRAGMENT_WORDS
            if (rare or shortened) and (best is None or shared > best[0]):
                best = (shared, other.start)
        if best is not None:
            dropped.add(sentence.start)
            keepers.add(best[1])
            places.setdefault(best[1], []).append((sentence.start, sentence.end))
    return [s for s in kept if s.start not in dropped], places


def _rarest(words: frozenset[str], weight: dict[str, float]) -> list[str]:
    """The rarest of `words` carrying just over `1 - SHARE` of their weight: a sentence holding
    `SHARE` of it holds one of them (so only their holders need comparing, not every sentence
    sharing a common word)."""
    ranked = sorted(words, key=lambda w: (-weight[w], w))
    needed = (1 - SHARE) * sum(weight[w] for w in words)
    chosen: list[str] = []
    held = 0.0
    for word in ranked:
        chosen.append(word)
        held += weight[word]
        if held > needed:
            break
    return chosen


def _content_words(sentence: str) -> frozenset[str]:
    return frozenset(w for w in normalised(sentence).split() if w not in ENGLISH_STOP_WORDS)


def _rarity(sentence_words: Sequence[frozenset[str]]) -> dict[str, float]:
    """Each word's weight: log(n / the number of sentences holding it)."""
    counts: dict[str, int] = {}
    for words in sentence_words:
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    total = len(sentence_words)
    return {word: math.log(total / count) for word, count in counts.items()}


def _same_section(structure: DocumentStructure, a: Sentence, b: Sentence) -> bool:
    return structure.blocks[a.block].heading == structure.blocks[b.block].heading
