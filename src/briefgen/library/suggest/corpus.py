"""The bridge to a loaded corpus: learn from its curated items, suggest for one of its sources."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from briefgen.content import Corpus, Source
from briefgen.content.sourcemap import source_map
from briefgen.library.quotespan import as_item_text
from briefgen.library.suggest.engine import (
    DEFAULT_MIN_SCORE,
    Suggestion,
    paragraph_starts,
    suggest,
)
from briefgen.library.suggest.model import (
    CuratedSpan,
    Layout,
    SuggestModel,
    TrainingDocument,
    read_layout,
)
from briefgen.library.suggest.themes import ThemeDefinition


def training_documents(corpus: Corpus, leave_out: Iterable[str] = ()) -> list[TrainingDocument]:
    """Every source of `corpus` with curated items, except the ids in `leave_out`."""
    skipped = set(leave_out)
    documents = []
    for source_id, source in corpus.sources.items():
        if source_id in skipped:
            continue
        items = tuple(
            CuratedSpan(item.span[0], item.span[1], item.kind, item.themes, item.org)
            for item in corpus.items
            if item.source == source_id
        )
        if items:
            documents.append(TrainingDocument(source.text, items, tuple(source.furniture)))
    return documents


def train(corpus: Corpus, leave_out: Iterable[str] = ()) -> SuggestModel:
    """A model learned from the curated items of `corpus` (sources in `leave_out` unseen) and
    its themes' definitions."""
    return SuggestModel(training_documents(corpus, leave_out), theme_definitions(corpus))


def theme_definitions(corpus: Corpus) -> list[ThemeDefinition]:
    """Every theme of `corpus` as the suggestions learn it: label, introduction and rule."""
    return [
        ThemeDefinition(theme.id, theme.label, f"{theme.intro} {theme.rule}")
        for theme in corpus.themes.values()
    ]


def suggest_for_source(
    corpus: Corpus,
    source_id: str,
    model: SuggestModel,
    *,
    skip_curated: bool = True,
    rejected: Iterable[str | tuple[int, int]] = (),
    min_score: float = DEFAULT_MIN_SCORE,
    limit: int | None = None,
) -> list[Suggestion]:
    """Suggestions for the corpus's source `source_id`; its curated items are not proposed
    again unless `skip_curated` is False (the benchmark's leave-one-out)."""
    source = corpus.sources[source_id]
    mapped = source_map(source)  # headings read from the file, and page locators
    curated = [i.span for i in corpus.items if i.source == source_id] if skip_curated else []
    return suggest(
        source.text,
        model,
        publisher=source.publisher,
        organisations=[(o.id, o.name, o.short) for o in corpus.organisations.values()],
        # a map without headings (a plain text's) leaves them to be read from the text
        headings=(mapped.headings or None) if mapped is not None else None,
        furniture=source.furniture,
        curated=curated,
        rejected=rejected,
        min_score=min_score,
        limit=limit,
        locate=mapped.locator if mapped is not None else None,
    )


def passage_item_text(source: Source, start: int, end: int) -> str:
    """The passage `start`–`end` of `source` as an items file holds it: a line a paragraph of
    the source's layout, a blank line between (decision 0210), as a suggestion's would be.
    Reads the source's layout once (a large report's takes a while: call it off the GUI
    thread)."""
    breaks = paragraph_starts(_layout(source).structure, start, end)
    return as_item_text(source.text[start:end], [b - start for b in breaks])


@lru_cache(maxsize=4)
def _layout(source: Source) -> Layout:
    """A source's layout as its suggestions read it, kept for the next quote from it."""
    mapped = source_map(source)
    headings = (mapped.headings or None) if mapped is not None else None
    return read_layout(source.text, source.furniture, headings)
