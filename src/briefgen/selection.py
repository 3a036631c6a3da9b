"""Selection: themes + audience + filters -> the ordered items a pack or a listing shows.

Pure functions over a `Corpus`; the CLI, the pack builder and the desktop app all call
`select_items`, so an officer sees the same items everywhere. What each audience gets is its
profile (`briefgen.audiences`), not code.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import NamedTuple

from briefgen.audiences import AUDIENCES, Audience
from briefgen.content.model import ITEM_KINDS, Corpus, Item

__all__ = [
    "AUDIENCES",
    "Audience",
    "ItemFilter",
    "matches_search",
    "primary_theme",
    "select_items",
    "theme_order",
]


def theme_order(corpus: Corpus, themes: Iterable[str], audience: Audience | None) -> list[str]:
    """The chosen `themes` in the order a pack presents them: the audience's first, then the
    corpus's own theme order. No themes chosen means all of them."""
    chosen = set(themes) or set(corpus.themes)
    leading = [t for t in (audience.themes_first if audience else ()) if t in chosen]
    return leading + [t for t in corpus.themes if t in chosen and t not in leading]


def primary_theme(item: Item, ordered_themes: list[str]) -> str:
    """The theme an item is shown under: its own most relevant theme among those chosen."""
    chosen = set(ordered_themes)
    for theme in item.themes:
        if theme in chosen:
            return theme
    return ordered_themes[0]


def matches_search(item: Item, search: str, corpus: Corpus | None = None) -> bool:
    """Case-insensitive match of every word of `search` in the item's text, headline, locator,
    id or organisation, so "social worker caseload" finds items holding all three words."""
    words = search.casefold().split()
    if not words:
        return True
    haystack = " ".join((item.text, item.headline, item.locator, item.id, item.org)).casefold()
    if corpus is not None and item.org in corpus.organisations:
        haystack += " " + corpus.organisations[item.org].short.casefold()
    return all(word in haystack for word in words)


class ItemFilter(NamedTuple):
    """The filters an officer narrows a list with: kinds, organisations, sources and words to
    search for (an empty filter keeps everything)."""

    kinds: frozenset[str] = frozenset()
    orgs: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    search: str = ""

    @classmethod
    def of(
        cls,
        kinds: Iterable[str] = (),
        orgs: Iterable[str] = (),
        sources: Iterable[str] = (),
        search: str = "",
    ) -> ItemFilter:
        return cls(frozenset(kinds), frozenset(orgs), frozenset(sources), search.strip())

    def keeps(self, item: Item, corpus: Corpus | None = None) -> bool:
        """Whether `item` passes every filter (the search through `matches_search`)."""
        return (
            (not self.kinds or item.kind in self.kinds)
            and (not self.orgs or item.org in self.orgs)
            and (not self.sources or item.source in self.sources)
            and (not self.search or matches_search(item, self.search, corpus))
        )


def select_items(
    corpus: Corpus,
    themes: Iterable[str] = (),
    audience: str | None = None,
    kinds: Iterable[str] = (),
    orgs: Iterable[str] = (),
    sources: Iterable[str] = (),
    search: str = "",
    key_items: Collection[str] = (),
    not_key: Collection[str] = (),
) -> list[Item]:
    """The items for `themes` (all if none) and `audience` (every kind if None), narrowed by the
    optional filters, ordered by theme, then the audience's kind order, then document order.
    For an audience that takes key items only, `key_items` and `not_key` are the officer's
    marks over the content's `key` flags."""
    profile = AUDIENCES[audience] if audience else None
    ordered_themes = theme_order(corpus, themes, profile)
    theme_rank = {theme: rank for rank, theme in enumerate(ordered_themes)}
    kind_rank = {kind: rank for rank, kind in enumerate(profile.kinds if profile else ITEM_KINDS)}
    narrowed = ItemFilter.of(kinds, orgs, sources, search)
    narrowing = narrowed != ItemFilter()
    source_rank = {source_id: source.order for source_id, source in corpus.sources.items()}

    chosen: list[tuple[tuple[int, int, int, int], Item]] = []
    for item in corpus.items:
        if not any(theme in theme_rank for theme in item.themes):
            continue
        if item.kind not in kind_rank:
            continue
        if profile and profile.key_only and not is_key(item, key_items, not_key):
            continue
        if narrowing and not narrowed.keeps(item, corpus):
            continue
        rank = (
            theme_rank[primary_theme(item, ordered_themes)],
            kind_rank[item.kind],
            source_rank[item.source],
            item.span[0],
        )
        chosen.append((rank, item))
    chosen.sort(key=lambda pair: pair[0])
    return without_restatements([item for _, item in chosen])


def same_words(text: str) -> str:
    """`text` as the words it says, for comparing quotes: case, punctuation, quotation marks
    and spacing do not matter."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def without_restatements(items: list[Item]) -> list[Item]:
    """`items` less any that restates another of them (`restates`), and less any with the same
    words as an earlier one, so a pack quotes the same words once: a summary paragraph
    repeating the body, a conclusion repeating a proposition."""
    present = {item.id for item in items}
    seen: set[str] = set()
    kept = []
    for item in items:
        words = same_words(item.text)
        if item.restates in present or words in seen:
            continue
        seen.add(words)
        kept.append(item)
    return kept


def is_key(item: Item, key_items: Collection[str], not_key: Collection[str]) -> bool:
    """Whether `item` is key: the officer's mark if there is one, else the content's flag."""
    if item.id in key_items:
        return True
    return item.key and item.id not in not_key
