"""Selection: themes + audience + filters -> the ordered items a pack or a listing shows.

Pure functions over a `Corpus`; the CLI, the pack builder and the desktop app all call
`select_items`, so an officer sees the same items everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from briefgen.content.model import ITEM_KINDS, Corpus, Item


class Audience(NamedTuple):
    """Who a pack is for: which kinds of item they get, in what order, and what comes first."""

    id: str
    kinds: tuple[str, ...]  # in the order the audience should meet them
    key_only: bool = False  # short packs carry only the items flagged `key`
    themes_first: tuple[str, ...] = ()  # themes that lead the pack whatever else is chosen


# PRODUCT.md "Audiences": members get a short pack of key recommendations, positions and risks;
# scrutiny gets risks, what good looks like and evidence; senior officers get everything;
# partners get partnership and integration first and what is asked of them.
AUDIENCES: dict[str, Audience] = {
    audience.id: audience
    for audience in (
        Audience(
            "members",
            kinds=("recommendation", "position", "proposition", "risk"),
            key_only=True,
        ),
        Audience(
            "scrutiny",
            kinds=(
                "risk",
                "success-criterion",
                "evidence",
                "recommendation",
                "driver",
                "option",
                "example",
            ),
        ),
        Audience("senior-officers", kinds=ITEM_KINDS),
        Audience(
            "partners",
            kinds=(
                "recommendation",
                "principle",
                "proposition",
                "position",
                "risk",
                "option",
                "success-criterion",
                "example",
                "evidence",
            ),
            themes_first=("partnership-integration",),
        ),
    )
}


def audience_ids() -> tuple[str, ...]:
    return tuple(AUDIENCES)


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


def select_items(
    corpus: Corpus,
    themes: Iterable[str] = (),
    audience: str | None = None,
    kinds: Iterable[str] = (),
    orgs: Iterable[str] = (),
    sources: Iterable[str] = (),
    search: str = "",
) -> list[Item]:
    """The items for `themes` (all if none) and `audience` (every kind if None), narrowed by the
    optional filters, ordered by theme, then the audience's kind order, then document order."""
    rule = AUDIENCES[audience] if audience else None
    ordered_themes = theme_order(corpus, themes, rule)
    theme_rank = {theme: rank for rank, theme in enumerate(ordered_themes)}
    kind_order = rule.kinds if rule else ITEM_KINDS
    kind_rank = {kind: rank for rank, kind in enumerate(kind_order)}
    wanted_kinds, wanted_orgs, wanted_sources = set(kinds), set(orgs), set(sources)
    source_rank = {source_id: source.order for source_id, source in corpus.sources.items()}

    chosen: list[tuple[tuple[int, int, int, int], Item]] = []
    for item in corpus.items:
        if not any(theme in theme_rank for theme in item.themes):
            continue
        if item.kind not in kind_rank or (rule and rule.key_only and not item.key):
            continue
        if wanted_kinds and item.kind not in wanted_kinds:
            continue
        if wanted_orgs and item.org not in wanted_orgs:
            continue
        if wanted_sources and item.source not in wanted_sources:
            continue
        if search and not matches_search(item, search, corpus):
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


def without_restatements(items: list[Item]) -> list[Item]:
    """`items` less any that restates another of them (`restates`), so a pack quotes the same
    words once: a summary paragraph repeating the body, a conclusion repeating a proposition."""
    present = {item.id for item in items}
    return [item for item in items if item.restates not in present]
