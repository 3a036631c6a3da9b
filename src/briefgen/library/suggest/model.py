"""The learned part: kind, themes, relevance and sentence grouping, from the curated items.

Everything is fitted offline from the libraries' own items with scikit-learn (TF-IDF features
over a passage's words plus tokens for its headings and wording cues, and logistic regression),
with fixed seeds, in a fraction of a second; nothing is downloaded. The same passage features
serve three jobs: which kind an item is, whether a passage is the sort an officer curates
(relevance), and whether two sentences belong in one item (grouping); which themes it touches
is learned in `themes`, from the themes' definitions too.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]
from sklearn.feature_extraction import DictVectorizer  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.multiclass import OneVsRestClassifier  # type: ignore[import-untyped]

from briefgen.errors import BriefgenError
from briefgen.library.suggest import cues
from briefgen.library.suggest.pairs import SentencePair, restated_in_body, sentence_pairs
from briefgen.library.suggest.sentences import Sentence, normalised, split_sentences
from briefgen.library.suggest.spans import Candidate, candidates
from briefgen.library.suggest.structure import DocumentStructure, HeadingLike, derive_structure
from briefgen.library.suggest.themes import (
    CONTEXT_WORDS,
    HEADING_WORDS,
    ThemeDefinition,
    ThemeModel,
)

SEED = 0
MIN_ITEMS = 10
# How much the layout and wording tokens count beside the words, per job; chosen on the
# leave-one-out benchmark (decisions 0081, 0180): kinds follow cues, themes follow words.
CUE_WEIGHT = 0.5
THEME_CUE_WEIGHT = 0.1  # finding the nearest curated items: words first, cues a little
RELEVANCE_CUE_WEIGHT = 0.3
NEIGHBOURS = 20  # curated items a reason may count ("close to 14 curated risk items")
# The runner-up kind is offered beside the model's when at least this share as likely: the
# two together are right for 0.67 of matched items against 0.62 for the kind alone (0197).
OTHER_KIND_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class CuratedSpan:
    """A curated item's place in its source and what the curator said about it."""

    start: int
    end: int
    kind: str
    themes: tuple[str, ...]
    org: str


@dataclass(frozen=True, slots=True)
class TrainingDocument:
    """A source's text with its curated items, as the model learns from it."""

    text: str
    items: tuple[CuratedSpan, ...]
    furniture: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Layout:
    """A text read once: its structure and sentences."""

    text: str
    structure: DocumentStructure
    sentences: tuple[Sentence, ...]


def read_layout(
    text: str, furniture: Sequence[str] = (), headings: Sequence[HeadingLike] | None = None
) -> Layout:
    """Read `text`'s structure (with an extractor's `headings`, if given) and sentences."""
    structure = derive_structure(text, headings=headings, furniture=furniture)
    return Layout(text, structure, tuple(split_sentences(text, structure)))


# A passage as the model sees it: its words, tokens for its headings, list and cues, and the
# words around it.
Passage = tuple[str, list[str], str]


def describe(layout: Layout, candidate: Candidate) -> Passage:
    """The words of `candidate`, the tokens naming its place and wording cues, and its context:
    its paragraph with the ones before and after it under the same heading."""
    text = layout.text[candidate.start : candidate.end]
    tokens = (
        cues.heading_tokens(_sections(layout.structure, candidate.headings))
        + cues.cue_tokens(text)
        + cues.kind_tokens(text)
    )
    if candidate.listed:
        tokens.append("is_listed")
    if candidate.label and candidate.label[0].isdigit():
        tokens.append("is_numbered")
    if candidate.lead_in:
        lead = layout.text[candidate.lead_in[0] : candidate.lead_in[1]]
        tokens += ["lead_" + word for word in normalised(lead).split()[-8:]]
    if candidate.in_summary:
        tokens.append("in_summary")
    tokens.append(f"sentences_{min(candidate.sentences, 3)}")
    return text, tokens, _context(layout, candidate.block)


def _sections(structure: DocumentStructure, path: tuple[str, ...]) -> tuple[str, ...]:
    """A heading path without the document's title. An extractor reports a PDF's or Word
    file's title as a heading above every other one, so its words would be on every passage;
    the models learn from texts whose headings are sections, and would read those words as
    a section's (every suggestion scored 0.6 or more: decision 0189)."""
    headings = structure.headings
    titled = path and len(headings) > 1 and path[0] == headings[0].title
    if titled and all(h.level > headings[0].level for h in headings[1:]):
        return path[1:]
    return path


def _context(layout: Layout, index: int) -> str:
    """A block's text with its neighbours' under the same heading (a short passage such as
    "This must change." says little of its theme; the paragraph round it does)."""
    blocks = layout.structure.blocks
    heading = blocks[index].heading
    near = [b for b in blocks[max(0, index - 1) : index + 2] if b.heading == heading]
    return " ".join(layout.text[b.start : b.end] for b in near)


class Featuriser:
    """TF-IDF over a passage's words beside its layout and cue tokens, weighted `CUE_WEIGHT`
    so that a cue counts as much as the words (else a few dozen words drown "for example")."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        self.words = TfidfVectorizer(
            ngram_range=(1, 2), sublinear_tf=True, min_df=1, max_df=0.9, lowercase=True
        ).fit([text for text, _, _ in passages])
        self.tokens = DictVectorizer().fit([dict.fromkeys(t, 1.0) for _, t, _ in passages])
        names = self.tokens.get_feature_names_out()
        self._is_heading = np.array([n.startswith(("head_", "path_")) for n in names])
        self._is_kind = np.array([n.startswith("kind_") for n in names])

    def __call__(
        self,
        passages: Sequence[Passage],
        weight: float,
        headings: float,
        heading_words: float = 0,
        context_words: float = 0,
        kind_cues: float = 0,
    ) -> Any:
        """The feature matrix of `passages`: heading tokens scaled by `headings`, the kind
        classifier's own wording tokens by `kind_cues`, other layout and cue tokens by `weight`;
        with `heading_words`, the words of the nearest heading are
        added to the passage's own at that weight (a "Funding" heading says "funding"), and with
        `context_words` the words of the paragraphs round it."""
        words = self.words.transform([text for text, _, _ in passages])
        if heading_words:
            words = words + heading_words * self.words.transform(
                [
                    " ".join(t[5:] for t in tokens if t.startswith("head_"))
                    for _, tokens, _ in passages
                ]
            )
        if context_words:
            words = words + context_words * self.words.transform(
                [context for _, _, context in passages]
            )
        tokens = self.tokens.transform([dict.fromkeys(t, 1.0) for _, t, _ in passages])
        scale = sparse.diags(
            np.where(self._is_heading, headings, np.where(self._is_kind, kind_cues, weight))
        )
        return sparse.hstack([words, tokens.astype(np.float64) @ scale], format="csr")


def _join_features(pair: SentencePair) -> dict[str, float]:
    first, second = pair.first, pair.second
    words = second.lstrip("*\"'‘“(").split()
    opener = words[0].lower().strip(",;:") if words else ""
    return {
        f"opener={opener}": 1.0,
        f"first_ends={first.rstrip()[-1:]}": 1.0,
        "first_words": min(len(first.split()), 60) / 30,
        "second_words": min(len(second.split()), 60) / 30,
        "first_in_block": float(pair.position == 1),
        "last_in_block": float(pair.position == pair.count - 1),
        "block_sentences": min(pair.count, 8) / 4,
    }


def _classifier(strength: float, weight: str | None = "balanced") -> Any:
    """Logistic regression by liblinear: one-vs-rest, fast on sparse TF-IDF, deterministic;
    `weight` "balanced" evens out the classes, None keeps their curated shares."""
    return LogisticRegression(
        C=strength,
        solver="liblinear",
        dual=True,
        class_weight=weight,
        random_state=SEED,
        max_iter=500,
    )


def _covering(items: Sequence[CuratedSpan], start: int, end: int) -> CuratedSpan | None:
    for item in items:
        if item.start <= start and end <= item.end:
            return item
    return None


def _overlap_share(items: Sequence[CuratedSpan], start: int, end: int) -> float:
    covered = sum(max(0, min(end, i.end) - max(start, i.start)) for i in items)
    return covered / max(1, end - start)


class SuggestError(BriefgenError):
    """Suggestions cannot be made: too little to learn from."""


class _Constant:
    """What a classifier would say when its training labels were all one class."""

    def __init__(self, probability: float) -> None:
        self.probability = probability

    def predict_proba(self, matrix: Any) -> Any:
        rows = matrix.shape[0]
        return np.column_stack(
            [np.full(rows, 1 - self.probability), np.full(rows, self.probability)]
        )


def _fit_binary(matrix: Any, labels: Sequence[int], strength: float) -> Any:
    """A binary classifier, or a constant one when `labels` hold one class only."""
    if len(set(labels)) < 2:
        return _Constant(float(labels[0]) if labels else 0.0)
    return _classifier(strength).fit(matrix, labels)


class SuggestModel:
    """Classifiers fitted from the curated items of `documents` (see `train`), the themes' also
    from their `definitions`."""

    def __init__(
        self, documents: Sequence[TrainingDocument], definitions: Sequence[ThemeDefinition] = ()
    ) -> None:
        count = sum(len(doc.items) for doc in documents)
        kinds = {item.kind for doc in documents for item in doc.items}
        if count < MIN_ITEMS or len(kinds) < 2:
            raise SuggestError(
                f"Too few curated items to learn from: {count} item{'s' * (count != 1)} of "
                f"{len(kinds)} kind{'s' * (len(kinds) != 1)}. Suggestions need at least "
                f"{MIN_ITEMS} items of two kinds or more: curate a few by hand, or keep the "
                "shipped library among the libraries, and try again."
            )
        layouts = [read_layout(doc.text, doc.furniture) for doc in documents]
        self._fit_joiner(layouts, documents)
        passages: list[Passage] = []
        relevant: list[int] = []
        for layout, doc in zip(layouts, documents, strict=True):
            found = candidates(
                layout.text, layout.structure, layout.sentences, self.join, keep_asides=True
            )
            for candidate in found:
                passages.append(describe(layout, candidate))
                relevant.append(
                    int(_overlap_share(doc.items, candidate.start, candidate.end) >= 0.5)
                )
        examples: list[Passage] = []
        self.item_kinds: list[str] = []
        item_themes: list[tuple[str, ...]] = []
        for layout, doc in zip(layouts, documents, strict=True):
            for item in doc.items:
                examples.append(describe(layout, _as_candidate(layout, item)))
                self.item_kinds.append(item.kind)
                item_themes.append(item.themes)
        self.features = Featuriser(examples + passages)
        # the curated items a reason counts ("close to 14 curated risk items")
        self._items = self.features(examples, THEME_CUE_WEIGHT, 0.0, HEADING_WORDS, CONTEXT_WORDS)
        # kinds unweighted: a passage that could be a position or a driver is a position more
        # often than not, and the curated shares say so (decision 0180)
        self.kind_model = OneVsRestClassifier(_classifier(8.0, None)).fit(
            self._kind_features(examples), self.item_kinds
        )
        self.theme_model = ThemeModel(examples, item_themes, definitions)
        self.theme_ids = self.theme_model.theme_ids
        self.relevance_model = _fit_binary(
            self.features(passages, RELEVANCE_CUE_WEIGHT, RELEVANCE_CUE_WEIGHT), relevant, 1.0
        )

    def _kind_features(self, passages: Sequence[Passage]) -> Any:
        """What the kind classifier sees: words, layout and cue tokens, and its own wording
        tokens (who acts, problem or example wording: decision 0182), all cues at `CUE_WEIGHT`."""
        return self.features(passages, CUE_WEIGHT, CUE_WEIGHT, kind_cues=CUE_WEIGHT)

    def _fit_joiner(self, layouts: Sequence[Layout], documents: Sequence[TrainingDocument]) -> None:
        pairs: list[dict[str, float]] = []
        together: list[int] = []
        for layout, doc in zip(layouts, documents, strict=True):
            by_block: dict[int, list[Sentence]] = {}
            for sentence in layout.sentences:
                by_block.setdefault(sentence.block, []).append(sentence)
            restated = restated_in_body(layout.text, layout.structure, layout.sentences)
            for group in by_block.values():
                described = sentence_pairs(layout.text, layout.structure, group, restated)
                for (a, b), pair in zip(pairwise(group), described, strict=True):
                    holder = _covering(doc.items, a.start, a.end)
                    if holder is None and _covering(doc.items, b.start, b.end) is None:
                        continue
                    pairs.append(_join_features(pair))
                    together.append(int(holder is not None and b.end <= holder.end))
        self.join_vectoriser = DictVectorizer(sparse=False)  # a few dozen features
        matrix = self.join_vectoriser.fit_transform(pairs or [{"opener=": 1.0}])
        if len(set(together)) < 2:
            self.join_model: Any = _Constant(float(together[0]) if together else 0.0)
        else:  # unweighted: how often curators keep sentences together is itself the signal
            self.join_model = LogisticRegression(C=1.0, solver="liblinear", random_state=SEED)
            self.join_model.fit(matrix, together)

    def join(self, pairs: Sequence[SentencePair]) -> list[float]:
        """For each pair of adjacent sentences: the probability that the second continues the
        item the first begins."""
        if not pairs:
            return []
        features = self.join_vectoriser.transform([_join_features(pair) for pair in pairs])
        return [float(p) for p in self.join_model.predict_proba(features)[:, 1]]

    def predict(self, passages: Sequence[Passage]) -> Predictions:
        """Relevance, kind, themes and nearest curated items for each passage."""
        matrix = self.features(passages, THEME_CUE_WEIGHT, 0.0, HEADING_WORDS, CONTEXT_WORDS)
        with_cues = self._kind_features(passages)
        relevance = self.relevance_model.predict_proba(
            self.features(passages, RELEVANCE_CUE_WEIGHT, RELEVANCE_CUE_WEIGHT)
        )[:, 1]
        kind_probs = self.kind_model.predict_proba(with_cues)
        classes = self.kind_model.classes_
        ranked = np.argsort(-kind_probs, axis=1, kind="stable")
        kinds = [str(classes[order[0]]) for order in ranked]
        others = [
            str(classes[order[1]])
            if len(order) > 1 and probs[order[1]] >= OTHER_KIND_SHARE * probs[order[0]]
            else ""
            for probs, order in zip(kind_probs, ranked, strict=True)
        ]
        theme_probs = self.theme_model.probabilities(passages)
        similarity = (matrix @ self._items.T).toarray()
        nearest = np.argsort(-similarity, axis=1, kind="stable")[:, :NEIGHBOURS]
        return Predictions(relevance, kinds, theme_probs, nearest, others)


@dataclass(frozen=True, slots=True)
class Predictions:
    """Per passage: relevance probability, likeliest kind, per-theme probability (columns in
    `SuggestModel.theme_ids` order), the indices of the nearest curated items, and the next
    likeliest kind when it is nearly as likely ('' when the model is sure)."""

    relevance: Any
    kinds: list[str]
    theme_probs: Any
    nearest: Any
    other_kinds: list[str]


def _as_candidate(layout: Layout, item: CuratedSpan) -> Candidate:
    """A curated item placed in its source's layout, described as a candidate would be."""
    return candidate_at(layout, item.start, item.end)


def candidate_at(layout: Layout, start: int, end: int) -> Candidate:
    """The passage `layout.text[start:end]` placed in its layout, as a candidate: a curated
    item, or the near copy a suggestion stands for."""
    blocks = layout.structure.blocks
    index = max(0, bisect_right([b.start for b in blocks], start) - 1)
    block = blocks[index]
    lead = blocks[block.lead_in] if block.lead_in >= 0 else None
    headings = layout.structure.heading_path(block)
    return Candidate(
        start=start,
        end=end,
        block=index,
        sentences=sum(1 for s in layout.sentences if start <= s.start < end) or 1,
        headings=headings,
        listed=block.listed,
        label=block.label,
        lead_in=(lead.start, lead.end) if lead else None,
        in_summary=cues.is_summary(headings),
    )
