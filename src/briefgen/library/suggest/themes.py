"""Which themes a passage touches, learned from the curated items and the themes' own words.

A theme's label, introduction and rule say in a few phrases what it covers ("budgets, cuts,
grants, costs"). Each phrase is a short example of the theme beside the curated items, so the
words a curator tags by count even where the training documents never used them, and a theme a
library has only just defined is suggested before any item carries it (decision 0183).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

if TYPE_CHECKING:
    from briefgen.library.suggest.model import Passage

# Chosen on the leave-one-out benchmark (decisions 0181, 0183).
HEADING_WORDS = 0.5  # the nearest heading's words beside the passage's ("Funding" says funding)
CONTEXT_WORDS = 1.0  # the words of its paragraph and the ones either side (decision 0181)
DEFINITION_WEIGHT = 3.0  # a phrase of a theme's definition counts as three curated items
THEME_STRENGTH = 8.0  # inverse regularisation of the per-theme classifiers
# A definition is a list of phrases: "budgets, cuts, grants, costs, spending or how services
# are paid for" gives six.
_PHRASE_BREAK = re.compile(r"[,;:.()]|\band\b|\bor\b")


@dataclass(frozen=True, slots=True)
class ThemeDefinition:
    """A theme as its library defines it: `description` is what it covers (intro and rule)."""

    id: str
    label: str
    description: str


def definition_phrases(definition: ThemeDefinition) -> list[str]:
    """The label and each phrase of the description; a "not …" phrase says what the theme is
    not, so it is no example of it."""
    phrases = [p.strip() for p in _PHRASE_BREAK.split(definition.description)]
    return [definition.label] + [p for p in phrases if p and not p.lower().startswith("not ")]


class ThemeModel:
    """One logistic regression per theme over the words of a passage, its nearest heading and
    the paragraphs round it: TF-IDF of single words without English stop words, fitted on the
    curated items, their context and the definitions (a theme is in its content words)."""

    def __init__(
        self,
        examples: Sequence[Passage],
        themes: Sequence[tuple[str, ...]],
        definitions: Sequence[ThemeDefinition] = (),
    ) -> None:
        # each row: words, heading words, context; a definition's phrase is headed by its label
        rows = [(text, _heading_words(tokens), context) for text, tokens, context in examples]
        labels = [set(item) for item in themes]
        for definition in definitions:
            for phrase in definition_phrases(definition):
                rows.append((phrase, definition.label, ""))
                labels.append({definition.id})
        weights = np.r_[np.ones(len(themes)), np.full(len(rows) - len(themes), DEFINITION_WEIGHT)]
        self.theme_ids = sorted(set().union(*labels))
        self.words = TfidfVectorizer(sublinear_tf=True, max_df=0.9, stop_words="english")
        # the words and contexts are read once, to learn the vocabulary and as features
        read = self.words.fit_transform(
            [text for text, _, _ in rows] + [context for _, _, context in examples]
        )
        contexts = sparse.vstack(
            [read[len(rows) :], sparse.csr_matrix((len(rows) - len(examples), read.shape[1]))]
        )
        matrix = (
            read[: len(rows)]
            + HEADING_WORDS * self.words.transform([heading for _, heading, _ in rows])
            + CONTEXT_WORDS * contexts
        ).tocsr()
        # a theme every row carries, or none, is a constant probability, not a classifier
        self._models: list[LogisticRegression | float] = []
        for theme in self.theme_ids:
            target = [int(theme in row_labels) for row_labels in labels]
            if len(set(target)) < 2:
                self._models.append(float(target[0]))
                continue
            classifier = LogisticRegression(
                C=THEME_STRENGTH,
                solver="liblinear",
                dual=True,
                class_weight="balanced",
                random_state=0,
                max_iter=500,
            )
            self._models.append(classifier.fit(matrix, target, sample_weight=weights))

    def _features(self, rows: Sequence[tuple[str, str, str]]) -> Any:
        """TF-IDF of each row's words, plus its heading's words and its context's, weighted."""
        return (
            self.words.transform([text for text, _, _ in rows])
            + HEADING_WORDS * self.words.transform([heading for _, heading, _ in rows])
            + CONTEXT_WORDS * self.words.transform([context for _, _, context in rows])
        )

    def probabilities(self, passages: Sequence[Passage]) -> Any:
        """Per passage (rows) the probability of each theme (columns, `theme_ids` order)."""
        if not passages:
            return np.zeros((0, len(self._models)))
        matrix = self._features(
            [(text, _heading_words(tokens), context) for text, tokens, context in passages]
        )
        rows = matrix.shape[0]
        return np.column_stack(
            [
                np.full(rows, model)
                if isinstance(model, float)
                else model.predict_proba(matrix)[:, 1]
                for model in self._models
            ]
        ).reshape(rows, len(self._models))


def _heading_words(tokens: Sequence[str]) -> str:
    """The nearest heading's words, from a passage's `head_` tokens."""
    return " ".join(token[5:] for token in tokens if token.startswith("head_"))
