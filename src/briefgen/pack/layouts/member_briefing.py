"""A member briefing: a few pages for councillors, key messages first, acronyms explained."""

from __future__ import annotations

from briefgen.pack.acronyms import glossary_drafts
from briefgen.pack.model import BulletList
from briefgen.pack.parts import Draft, Explained, PackParts, explained
from briefgen.pack.sections import (
    notes_drafts,
    positions_drafts,
    sources_draft,
    theme_drafts,
)

# With no key messages written yet, the headlines of this many items stand in for them.
STAND_IN_MESSAGES = 6


def lay_out(parts: PackParts) -> list[Draft]:
    words = parts.words
    body = [
        _key_messages(parts),
        Draft(words["themes_heading"]),
        *theme_drafts(parts),
        *positions_drafts(parts, words["agreement"], words["agreement_intro"]),
        *notes_drafts(parts, words["notes"]),
    ]
    glossary = glossary_drafts(parts, body, words["glossary"], words["glossary_intro"])
    return [*body, *glossary, sources_draft(parts, words["sources"])]


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
