"""A member briefing: a few pages for councillors (or any audience), key messages first, the
strongest items on each theme by one stated rule, acronyms explained."""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.audiences import Audience
from briefgen.content.model import Item
from briefgen.pack.acronyms import glossary_drafts
from briefgen.pack.choose import strongest
from briefgen.pack.model import BulletList
from briefgen.pack.parts import Draft, DraftBlock, Explained, PackParts, explained
from briefgen.pack.sections import (
    notes_drafts,
    positions_drafts,
    sources_draft,
    theme_drafts,
)
from briefgen.selection import primary_theme

# With no key messages written yet, the headlines of this many items stand in for them.
STAND_IN_MESSAGES = 6


def quoted_ids(items: Sequence[Item], themes: Sequence[str], audience: Audience) -> set[str]:
    """The ids of the `items` (in pack order) a briefing quotes: on each of `themes`, the
    `audience`'s `briefing_items` strongest (`briefgen.pack.choose`). Items are grouped by
    theme in one pass, so the app's item list can ask this on every refresh."""
    order = list(themes)
    by_theme: dict[str, list[Item]] = {theme: [] for theme in order}
    for item in items:
        group = by_theme.get(primary_theme(item, order))
        if group is not None:
            group.append(item)
    most = audience.briefing_items
    return {
        item.id for group in by_theme.values() for item in strongest(group, audience.kinds, most)
    }


def shown_items(parts: PackParts) -> list[Item]:
    """The items the briefing quotes, in pack order."""
    shown = quoted_ids(parts.items, parts.themes, parts.audience)
    return [item for item in parts.items if item.id in shown]


def lay_out(parts: PackParts) -> list[Draft]:
    words = parts.words
    shown = shown_items(parts)
    shown_ids = {item.id for item in shown}

    def left_out(theme: str, quoted: list[Item]) -> list[DraftBlock]:
        count = len(parts.items_in(theme)) - len(quoted)
        if count <= 0:
            return []
        template = words["left_out_one"] if count == 1 else words["left_out"]
        return [explained(template.format(count=count, theme=parts.theme_label(theme)))]

    # The briefing's view of the pack: the positions table and the key messages speak of what
    # it quotes, not of what it leaves to the evidence pack.
    briefing = parts._replace(items=tuple(shown))
    kinds = ", ".join(parts.kind_label(kind, plural=True).lower() for kind in parts.audience.kinds)
    rule = words["choice_rule"].format(most=parts.audience.briefing_items, kinds=kinds)
    body = [
        _key_messages(briefing),
        Draft(words["themes_heading"], (explained(rule),)),
        *theme_drafts(parts, shown=shown_ids, after=left_out),
        *positions_drafts(briefing, words["agreement"], words["agreement_intro"]),
        *notes_drafts(parts, words["notes"]),
    ]
    glossary = glossary_drafts(parts, body, words["glossary"], words["glossary_intro"])
    return [*body, *glossary, sources_draft(briefing, words["sources"])]


def _key_messages(parts: PackParts) -> Draft:
    """The officer's key messages; until they write some, briefgen's headlines of the main
    items, introduced as such."""
    words = parts.words
    messages = [" ".join(m.split()) for m in parts.spec.officer.key_messages if m.strip()]
    if messages:
        intro, role = words["key_messages_intro"], "officer"
    else:
        headlines = [i.headline for i in parts.items if i.key and i.headline]
        messages = (headlines or [i.headline for i in parts.items if i.headline])[
            :STAND_IN_MESSAGES
        ]
        intro, role = words["key_messages_from_items"], "briefgen"
    listed = Explained(BulletList(tuple(messages), role=role))
    return Draft(words["key_messages"], (explained(intro), listed))
