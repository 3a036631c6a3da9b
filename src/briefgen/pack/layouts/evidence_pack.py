"""An evidence pack: a one-page summary, then every selected item quoted in full, by theme and
then by kind, with the comparison of positions; the contents list the themes, not each kind."""

from __future__ import annotations

from briefgen.content.model import ITEM_KINDS
from briefgen.pack.acronyms import glossary_drafts
from briefgen.pack.model import BulletList
from briefgen.pack.parts import Draft, DraftBlock, Explained, PackParts, explained, quote
from briefgen.pack.sections import (
    counts_table,
    notes_drafts,
    positions_drafts,
    questions_drafts,
    sources_draft,
)


def lay_out(parts: PackParts) -> list[Draft]:
    words = parts.words
    body = [
        Draft(words["summary"], _summary(parts)),
        Draft(words["intro_heading"], (explained(words["intro"]),)),
    ]
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


def _summary(parts: PackParts) -> tuple[DraftBlock, ...]:
    """A page a reader can stop at: the key messages (the officer's, or briefgen's headlines of
    the key items), then how many items the pack quotes by theme and organisation."""
    words = parts.words
    messages = [" ".join(m.split()) for m in parts.spec.officer.key_messages if m.strip()]
    blocks: list[DraftBlock] = []
    if messages:
        intro, role = words["key_messages_intro"], "officer"
    else:
        messages = [item.headline for item in parts.items if item.key and item.headline]
        intro, role = words["key_messages_from_items"], "briefgen"
    if messages:
        blocks += [explained(intro), Explained(BulletList(tuple(messages), role=role))]
    sources = len({item.source for item in parts.items})
    # The bare numbers keep their names: a council's own wording from before the counted
    # forms puts its nouns after them ("{items} items").
    items, themes = len(parts.items), len(parts.themes)
    counts = words["summary_intro"].format(
        items=items,
        sources=sources,
        themes=themes,
        counted_items=counted(words["summary_items"], items),
        counted_sources=counted(words["summary_sources"], sources),
        counted_themes=counted(words["summary_themes"], themes),
    )
    return (*blocks, explained(counts), counts_table(parts))


def counted(forms: list[str], count: int) -> str:
    """`count` in the singular or plural of `forms` ("1 theme", "14 themes")."""
    return (forms[0] if count == 1 else forms[1]).format(count=count)
