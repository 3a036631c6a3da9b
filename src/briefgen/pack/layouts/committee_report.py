"""A committee report in the shape councils use: numbered sections and paragraphs, the
officer's summary and recommendations, the sources as evidence, and placeholders for what only
the council can write."""

from __future__ import annotations

from briefgen.content.model import ITEM_KINDS
from briefgen.pack.model import Block, BulletList, Paragraph, Placeholder
from briefgen.pack.parts import (
    Draft,
    DraftBlock,
    PackParts,
    explained,
    number_chapters,
    officer_paragraphs,
    placeholder,
    quote,
)
from briefgen.pack.sections import contact_lines, notes_drafts, sources_draft, theme_drafts

# Options and risks have their own sections; every other kind is background.
BACKGROUND_KINDS = tuple(kind for kind in ITEM_KINDS if kind not in ("option", "risk"))


def lay_out(parts: PackParts) -> list[Draft]:
    words, meeting = parts.words, parts.spec.meeting
    purpose = parts.wording["purposes"][meeting.purpose]
    background = Draft(words["background"], (explained(words["background_intro"]),))
    wards = Paragraph(meeting.wards or words["wards_default"], "officer")
    chapters = [
        [Draft(words["summary"], _summary(parts))],
        [Draft(words["purpose"], (explained(purpose),))],
        [Draft(words["recommendations"], _recommendations(parts))],
        [Draft(words["wards"], (wards,))],
        [background, *theme_drafts(parts, BACKGROUND_KINDS)],
        [Draft(words["options"], _options(parts))],
        [Draft(words["risks"], _risks(parts))],
        [Draft(words["financial"], (placeholder(words["financial_placeholder"]),))],
        [Draft(words["legal"], (placeholder(words["legal_placeholder"]),))],
        [Draft(words["equality"], (placeholder(words["equality_placeholder"]),))],
        notes_drafts(parts, words["notes"]),
        [
            sources_draft(
                parts, words["background_papers"], words["background_papers_intro"], ordered=True
            )
        ],
        [Draft(words["contact"], _contact(parts))],
    ]
    return number_chapters(chapters)


def _summary(parts: PackParts) -> tuple[Block, ...]:
    summary = officer_paragraphs(parts.spec.officer.summary)
    return tuple(summary) or (placeholder(parts.words["summary_placeholder"]),)


def _recommendations(parts: PackParts) -> tuple[DraftBlock, ...]:
    """The officer's recommendations to the committee (not the sources')."""
    words = parts.words
    recommendations = [" ".join(r.split()) for r in parts.spec.officer.recommendations if r.strip()]
    if not recommendations:
        return (placeholder(words["recommendations_placeholder"]),)
    listed = BulletList(tuple(recommendations), role="officer", ordered=True)
    return (explained(words["recommendations_intro"]), listed)


def _options(parts: PackParts) -> tuple[DraftBlock, ...]:
    """The options the sources describe, then placeholders for the council's own."""
    words = parts.words
    blocks: list[DraftBlock] = [explained(words["options_intro"])]
    source_options = [item for item in parts.items if item.kind == "option"]
    if source_options:
        blocks.append(explained(words["options_from_sources"]))
        blocks.extend(quote(parts, item) for item in source_options)
    blocks.extend(Placeholder(text) for text in words["option_placeholders"])
    return tuple(blocks)


def _risks(parts: PackParts) -> tuple[DraftBlock, ...]:
    """The risks the sources identify, then a placeholder for the council's assessment."""
    words = parts.words
    source_risks = [item for item in parts.items if item.kind == "risk"]
    assessment = placeholder(words["risks_placeholder"])
    if not source_risks:
        return (explained(words["risks_none"]), assessment)
    quotes = (quote(parts, item) for item in source_risks)
    return (explained(words["risks_intro"]), *quotes, assessment)


def _contact(parts: PackParts) -> tuple[Block, ...]:
    """The contact officer (or, failing one, the author)."""
    meeting = parts.spec.meeting
    person = meeting.contact if not meeting.contact.is_empty() else meeting.author
    if person.is_empty():
        return (Placeholder(parts.words["contact_placeholder"]),)
    lines = contact_lines(person, parts.wording["pack"])
    return tuple(Paragraph(line, "officer") for line in lines)
