"""Sections more than one layout uses: themes of quotes, suggested questions, where the
organisations stand, counts of the items, the officer's notes and the sources."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import lru_cache
from itertools import zip_longest
from typing import Any

from briefgen.content.model import Corpus, Item
from briefgen.pack.choose import ranked
from briefgen.pack.clauses import headline_clause
from briefgen.pack.model import BulletList, Contact, Paragraph, Quote, Table
from briefgen.pack.parts import (
    Draft,
    DraftBlock,
    Explained,
    PackParts,
    explained,
    officer_paragraphs,
    paragraph,
    quote,
)

# Kinds that state a view, counted in the comparison of positions.
VIEW_KINDS = ("recommendation", "position", "proposition", "principle", "risk")


def theme_drafts(
    parts: PackParts,
    kinds: Iterable[str] | None = None,
    shown: Collection[str] | None = None,
    after: Callable[[str, list[Item]], list[DraftBlock]] | None = None,
    questions: bool = True,
) -> list[Draft]:
    """A subsection per theme: the theme's introduction, then its items (of `kinds`, and of the
    ids in `shown`, if given) quoted, then what `after` adds for the theme (a count of what was
    left out), then its suggested questions if the audience gets them (and `questions`)."""
    drafts = []
    for theme in parts.themes:
        items = [item for item in parts.items_in(theme, kinds) if shown is None or item.id in shown]
        if not items:
            continue
        blocks: list[DraftBlock] = [explained(parts.corpus.themes[theme].intro)]
        blocks.extend(quote(parts, item) for item in items)
        if after is not None:
            blocks.extend(after(theme, items))
        drafts.append(Draft(parts.theme_label(theme), tuple(blocks), level=2))
        if questions:
            drafts.extend(questions_drafts(parts, theme, items, level=3))
    return drafts


def with_reading_key(parts: PackParts, drafts: list[Draft]) -> list[Draft]:
    """`drafts` with the one note on how a summary and a quotation look different, before the
    first quotation (instead of a label on every item)."""
    for index, draft in enumerate(drafts):
        for position, block in enumerate(draft.blocks):
            inner = block.block if isinstance(block, Explained) else block
            if isinstance(inner, Quote):
                key = paragraph(parts.wording["labels"]["reading_key"])
                blocks = (*draft.blocks[:position], key, *draft.blocks[position:])
                return [*drafts[:index], draft._replace(blocks=blocks), *drafts[index + 1 :]]
    return drafts


def questions_drafts(
    parts: PackParts, theme: str, items: Sequence[Item], level: int
) -> list[Draft]:
    """Suggested questions on a theme for an audience that gets them (a scrutiny committee):
    briefgen's own, one for each of the strongest risks and success criteria the theme quotes,
    built from the item's headline (never its quoted words); a theme quoting neither gets the
    theme's own question from the wording file."""
    questions = suggested_questions(parts, theme, items)
    if not questions:
        return []
    words = parts.wording["questions"]
    title = words["heading"].format(theme=parts.theme_label(theme))
    blocks = (explained(words["intro"]), BulletList(tuple(questions), role="briefgen"))
    return [Draft(title, blocks, level=level, numbered=False)]


def report_questions_drafts(parts: PackParts) -> list[Draft]:
    """A committee report's suggested questions, for a committee that gets them: from the
    risks and success criteria its body quotes (`parts`: the body's items), in one list."""
    words = parts.wording["questions"]
    by_theme = [suggested_questions(parts, theme, parts.items_in(theme)) for theme in parts.themes]
    # Each theme's first question, then each one's second, ... up to the report's few.
    questions = [q for turn in zip_longest(*by_theme) for q in turn if q is not None]
    questions = questions[: int(words["per_report"])]
    if not questions:
        return []
    blocks = (explained(words["intro"]), BulletList(tuple(questions), role="briefgen"))
    return [Draft(words["heading_report"], blocks, level=2, numbered=False)]


def suggested_questions(parts: PackParts, theme: str, items: Sequence[Item]) -> list[str]:
    """The questions `questions_drafts` suggests on `theme` from `items`; none for an audience
    that does not get them."""
    if not parts.audience.questions:
        return []
    words = parts.wording["questions"]
    templates: dict[str, str] = words["kinds"]
    asked = [item for item in items if item.kind in templates and item.headline]
    strongest_first = ranked(asked, tuple(templates))[: int(words["per_theme"])]
    common = common_words(parts.corpus)
    questions = [
        templates[item.kind].format(headline=headline_clause(item.headline, common))
        for item in strongest_first
    ]
    return questions or list(words["themes"].get(theme, []))[:1]


def common_words(corpus: Corpus) -> frozenset[str]:
    """The words the corpus's items use in lower case: ordinary words, not names."""
    return _common_words(tuple(item.text for item in corpus.items))


@lru_cache(maxsize=4)
def _common_words(texts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(word for text in texts for word in re.findall(r"\b[a-z]+\b", text))


def positions_drafts(parts: PackParts, title: str, intro: str) -> list[Draft]:
    """Where the organisations stand: for each theme and each organisation with a view in the
    pack, briefgen's headlines of its strongest view-stating items with where each is in its
    source, or "no stated position"; none if no item states a view."""
    words = parts.wording["positions"]
    views = [item for item in parts.items if item.kind in VIEW_KINDS]
    # Only organisations with a view in the pack: evidence they report or questions they ask
    # would give a column of "no stated position".
    orgs = [org for org in parts.corpus.organisations if any(i.org == org for i in views)]
    header = (words["theme"], *(parts.corpus.organisations[o].short for o in orgs))
    per_cell = int(words["per_cell"])
    rows = []
    for theme in parts.themes:
        # Every item on the theme, not only those shown under it: the row answers "what does
        # each organisation say on this theme".
        in_theme = [item for item in views if theme in item.themes]
        if not in_theme:
            continue
        cells = []
        for org in orgs:
            said = ranked([item for item in in_theme if item.org == org], parts.audience.kinds)
            entries = [
                words["entry"].format(
                    headline=(item.headline or parts.kind_label(item.kind)).rstrip(". "),
                    locator=item.locator,
                )
                for item in said[:per_cell]
            ]
            if len(said) > per_cell:
                entries.append(words["more"].format(count=len(said) - per_cell))
            cells.append("; ".join(entries) if entries else words["none"])
        rows.append((parts.theme_label(theme), *cells))
    if not rows:
        return []
    table = Table(words["caption"], header, tuple(rows), column_label=words["organisation"])
    return [Draft(title, (explained(intro), table))]


def counts_table(parts: PackParts) -> Table:
    """How many items the pack quotes on each theme from each organisation, with totals."""
    words = parts.wording["counts"]
    orgs = [org for org in parts.corpus.organisations if any(i.org == org for i in parts.items)]
    header = (
        words["theme"],
        *(parts.corpus.organisations[org].short for org in orgs),
        words["total"],
    )
    rows = []
    for theme in parts.themes:
        items = parts.items_in(theme)
        if items:
            counts = [sum(item.org == org for item in items) for org in orgs]
            rows.append((parts.theme_label(theme), *map(str, counts), str(len(items))))
    totals = [sum(item.org == org for item in parts.items) for org in orgs]
    rows.append((words["total"], *map(str, totals), str(len(parts.items))))
    # Too many organisations for the page: turned round (organisations as rows) by the renderers.
    organisation = parts.wording["positions"]["organisation"]
    return Table(words["caption"], header, tuple(rows), column_label=organisation)


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
