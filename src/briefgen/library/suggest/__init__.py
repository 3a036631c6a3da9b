"""Suggested items: passages of a source worth curating, with kind, themes, org and a reason.

    model = train(corpus)                       # learned from the curated items, < 1 s
    for s in suggest_for_source(corpus, "lga-2013", model):
        print(s.score, s.kind, s.locator, s.text)

`suggest` works on any text (an extractor's output: pass its headings and `locator`).
"""

from briefgen.library.suggest.corpus import suggest_for_source, train, training_documents
from briefgen.library.suggest.engine import (
    DEFAULT_MIN_SCORE,
    Suggestion,
    default_limit,
    suggest,
    suggestion_id,
)
from briefgen.library.suggest.model import (
    CuratedSpan,
    SuggestError,
    SuggestModel,
    TrainingDocument,
)
from briefgen.library.suggest.structure import DocumentStructure, HeadingLike, derive_structure

__all__ = [
    "DEFAULT_MIN_SCORE",
    "CuratedSpan",
    "DocumentStructure",
    "HeadingLike",
    "SuggestError",
    "SuggestModel",
    "Suggestion",
    "TrainingDocument",
    "default_limit",
    "derive_structure",
    "suggest",
    "suggest_for_source",
    "suggestion_id",
    "train",
    "training_documents",
]
