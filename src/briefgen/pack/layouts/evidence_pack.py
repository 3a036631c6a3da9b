"""An evidence pack: every selected item quoted in full, by theme and then by kind, with the
comparison of positions."""

from __future__ import annotations

from briefgen.content.model import ITEM_KINDS
from briefgen.pack.acronyms import glossary_drafts
from briefgen.pack.parts import Draft, PackParts, explained, quote
from briefgen.pack.sections import (
    notes_drafts,
    positions_drafts,
    questions_drafts,
    sources_draft,
)


def lay_out(parts: PackParts) -> list[Draft]:
    words = parts.words
    body = [Draft(words["intro_heading"], (explained(words["intro"]),))]
    for theme in parts.themes:
        body.extend(_theme(parts, theme))
    body.extend(positions_drafts(parts, words["comparison"], words["comparison_intro"]))
    body.extend(notes_drafts(parts, words["notes"]))
    glossary = glossary_drafts(parts, body, words["glossary"], words["glossary_intro"])
    return [*body, *glossary, sources_draft(parts, words["sources"])]


def _theme(parts: PackParts, theme: str) -> list[Draft]:
    """A theme's introduction, then a subsection per kind of item, in the audience's order of
    kinds (kinds it does not list, from items added by hand, last)."""
    items = parts.items_in(theme)
    if not items:
        return []
    label = parts.theme_label(theme)
    drafts = [Draft(label, (explained(parts.corpus.themes[theme].intro),))]
    order = parts.audience.kinds

    def rank(kind: str) -> tuple[int, int]:
        return (order.index(kind) if kind in order else len(order), ITEM_KINDS.index(kind))

    for kind in sorted({item.kind for item in items}, key=rank):
        title = parts.words["kind_heading"].format(
            theme=label, kinds=parts.kind_label(kind, plural=True).lower()
        )
        quotes = tuple(quote(parts, item) for item in items if item.kind == kind)
        drafts.append(Draft(title, quotes, level=2))
    drafts.extend(questions_drafts(parts, theme, items, level=2))
    return drafts
