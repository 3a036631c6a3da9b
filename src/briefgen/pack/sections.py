"""Sections more than one layout uses: themes of quotes, suggested questions, where the
organisations stand, the officer's notes and the sources."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from briefgen.content.model import ITEM_KINDS, Item
from briefgen.pack.model import BulletList, Contact, Paragraph, Table
from briefgen.pack.parts import Draft, PackParts, explained, officer_paragraphs, quote

# Kinds that state a view, counted in the comparison of positions.
VIEW_KINDS = ("recommendation", "position", "proposition", "principle", "risk")


def theme_drafts(parts: PackParts, kinds: Iterable[str] | None = None) -> list[Draft]:
    """A subsection per theme: the theme's introduction, then its items (of `kinds`, if given)
    quoted, each followed by its suggested questions if the audience gets them."""
    drafts = []
    for theme in parts.themes:
        items = parts.items_in(theme, kinds)
        if not items:
            continue
        blocks = (explained(parts.corpus.themes[theme].intro), *(quote(parts, i) for i in items))
        drafts.append(Draft(parts.theme_label(theme), blocks, level=2))
        drafts.extend(questions_drafts(parts, theme, items, level=3))
    return drafts


def questions_drafts(
    parts: PackParts, theme: str, items: Sequence[Item], level: int
) -> list[Draft]:
    """Suggested questions on a theme for an audience that gets them (a scrutiny committee):
    briefgen's own, from the wording file, for the theme and for the kinds of its items."""
    if not parts.audience.questions:
        return []
    words = parts.wording["questions"]
    questions = list(words["themes"].get(theme, []))
    for kind in ITEM_KINDS:
        if any(item.kind == kind for item in items):
            questions.extend(words["kinds"].get(kind, []))
    if not questions:
        return []
    title = words["heading"].format(theme=parts.theme_label(theme))
    blocks = (explained(words["intro"]), BulletList(tuple(questions), role="briefgen"))
    return [Draft(title, blocks, level=level, numbered=False)]


def positions_drafts(parts: PackParts, title: str, intro: str) -> list[Draft]:
    """Where the organisations stand: a table of how many view-stating items each has on each
    theme; none if no item states a view."""
    words = parts.wording["positions"]
    # Only organisations with a view in the pack: evidence they report or questions they ask
    # would give a column of dashes.
    orgs = [
        org
        for org in parts.corpus.organisations
        if any(i.org == org and i.kind in VIEW_KINDS for i in parts.items)
    ]
    header = (words["theme"], *(parts.corpus.organisations[o].short for o in orgs))
    rows = []
    for theme in parts.themes:
        in_theme = [i for i in parts.items if theme in i.themes and i.kind in VIEW_KINDS]
        if not in_theme:
            continue
        cells = []
        for org in orgs:
            tally = {
                kind: sum(i.org == org and i.kind == kind for i in in_theme) for kind in VIEW_KINDS
            }
            counts = [
                words["count"].format(
                    count=count, kinds=parts.kind_label(kind, plural=count != 1).lower()
                )
                for kind, count in tally.items()
                if count
            ]
            cells.append("; ".join(counts) if counts else words["none"])
        rows.append((parts.theme_label(theme), *cells))
    if not rows:
        return []
    # The caption says what the cells count; the heading names the table.
    table = Table(words["caption"], header, tuple(rows), column_label=words["organisation"])
    return [Draft(title, (explained(intro), table))]


def notes_drafts(parts: PackParts, title: str) -> list[Draft]:
    """The officer's notes, if they wrote any."""
    notes = officer_paragraphs(parts.spec.officer.notes)
    return [Draft(title, tuple(notes))] if notes else []


def source_references(parts: PackParts) -> list[str]:
    """The full reference of each source the pack quotes, in order of first use."""
    references = []
    for source_id in dict.fromkeys(item.source for item in parts.items):
        source = parts.corpus.sources[source_id]
        text = f"{source.publisher} ({source.date}). {source.title}."
        references.append(f"{text} {source.url}" if source.url else text)
    return references


def sources_draft(parts: PackParts, title: str, intro: str = "", ordered: bool = False) -> Draft:
    """The sources the pack quotes, in order of first use (`ordered`: a numbered list)."""
    lead = (Paragraph(" ".join(intro.split())),) if intro else ()
    references = BulletList(tuple(source_references(parts)), role="briefgen", ordered=ordered)
    return Draft(title, (*lead, references))


def contact_lines(person: Contact, words: dict[str, Any]) -> list[str]:
    """A contact as lines: name and role, then email and telephone (`words`: the pack wording
    that labels them)."""
    lines = [", ".join(part for part in (person.name, person.role) if part)]
    if person.email:
        lines.append(words["email"].format(email=person.email))
    if person.phone:
        lines.append(words["telephone"].format(phone=person.phone))
    return [line for line in lines if line]
