"""Build a `Pack` from a `PackSpec`: the selection, the layout's sections, and all added wording.

Each layout is one function that lays out sections from the same parts, so PDF and Word (which
both walk the result) always carry the same sections, items and citations in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple

from briefgen.content.model import ITEM_KINDS, Corpus, GlossaryEntry, Item
from briefgen.errors import BriefgenError
from briefgen.pack.glossary_terms import GlossaryMatcher
from briefgen.pack.model import (
    LAYOUTS,
    MARKINGS,
    PURPOSES,
    Acronym,
    Block,
    BulletList,
    Contact,
    Pack,
    PackSpec,
    Paragraph,
    Placeholder,
    Quote,
    Section,
    SourceReference,
    Table,
)
from briefgen.pack.wording import load_wording, uk_date
from briefgen.selection import (
    AUDIENCES,
    primary_theme,
    select_items,
    theme_order,
    without_restatements,
)
from briefgen.spelling import did_you_mean

# Kinds that state a view, counted in the comparison of positions.
VIEW_KINDS = ("recommendation", "position", "proposition", "principle", "risk")


def check_spec(corpus: Corpus, spec: PackSpec) -> None:
    """Raise `BriefgenError` naming every choice in `spec` that briefgen does not know."""
    problems = []
    if spec.layout not in LAYOUTS:
        problems.append(f"unknown layout '{spec.layout}'; choose from {', '.join(LAYOUTS)}")
    if spec.audience not in AUDIENCES:
        problems.append(f"unknown audience '{spec.audience}'; choose from {', '.join(AUDIENCES)}")
    for theme in spec.themes:
        if theme not in corpus.themes:
            problems.append(
                f"unknown theme '{theme}'{did_you_mean(theme, corpus.themes)}; see `briefgen "
                "themes` for the list"
            )
    if spec.meeting.marking not in MARKINGS:
        problems.append(
            f"unknown protective marking '{spec.meeting.marking}'; use OFFICIAL, "
            "OFFICIAL-SENSITIVE or none"
        )
    if spec.meeting.purpose not in PURPOSES:
        problems.append(
            f"unknown purpose '{spec.meeting.purpose}'; choose from {', '.join(PURPOSES)}"
        )
    if problems:
        raise BriefgenError("; ".join(problems))


def missing_items(corpus: Corpus, spec: PackSpec) -> list[str]:
    """Item ids the pack refers to (included, excluded or ordered) that the corpus no longer has."""
    seen: dict[str, None] = {}
    for item_id in (*spec.included, *spec.excluded, *spec.order):
        if not corpus.has_item(item_id):
            seen[item_id] = None
    return list(seen)


def pack_items(corpus: Corpus, spec: PackSpec) -> list[Item]:
    """The items the pack quotes, in pack order: the selection for the themes and audience, less
    `excluded`, plus `included`, grouped by theme, with `order` applied within each theme."""
    selected = select_items(corpus, themes=spec.themes, audience=spec.audience)
    excluded = set(spec.excluded)
    chosen = [item for item in selected if item.id not in excluded]
    present = {item.id for item in chosen}
    for item_id in spec.included:
        if corpus.has_item(item_id) and item_id not in present and item_id not in excluded:
            chosen.append(corpus.item(item_id))
            present.add(item_id)
    chosen = without_restatements(chosen)
    themes = ordered_themes(corpus, spec, chosen)
    theme_rank = {theme: rank for rank, theme in enumerate(themes)}
    order_rank = {item_id: rank for rank, item_id in enumerate(spec.order)}
    natural = {item.id: rank for rank, item in enumerate(chosen)}
    return sorted(
        chosen,
        key=lambda item: (
            theme_rank[primary_theme(item, themes)],
            order_rank.get(item.id, len(order_rank)),
            natural[item.id],
        ),
    )


def ordered_themes(corpus: Corpus, spec: PackSpec, items: Iterable[Item] = ()) -> list[str]:
    """The pack's themes in order; an included item from an unchosen theme brings its theme."""
    themes = theme_order(corpus, spec.themes, AUDIENCES.get(spec.audience))
    extra = {item.themes[0] for item in items if not set(item.themes) & set(themes)}
    return themes + [t for t in corpus.themes if t in extra]


class _Context(NamedTuple):
    """What every layout function needs, built once per pack (`anchors` fills as it goes)."""

    corpus: Corpus
    spec: PackSpec
    wording: dict[str, Any]
    layout_words: dict[str, Any]
    items: list[Item]
    themes: list[str]
    acronyms: _AcronymTracker | None
    anchors: set[str]

    def kind_label(self, kind: str, plural: bool = False) -> str:
        return str(self.wording["kinds"][kind][1 if plural else 0])

    def citation(self, item: Item) -> str:
        source = self.corpus.sources[item.source]
        org = self.corpus.organisations[item.org].short
        return f"{org}, {source.short_title}, {item.locator}"

    def anchor(self, title: str) -> str:
        base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "section"
        anchor, counter = base, 2
        while anchor in self.anchors:
            anchor, counter = f"{base}-{counter}", counter + 1
        self.anchors.add(anchor)
        return anchor

    def section(
        self,
        title: str,
        blocks: Sequence[Block] = (),
        level: int = 1,
        number: str = "",
        in_contents: bool = True,
    ) -> Section:
        return Section(title, self.anchor(title), level, number, tuple(blocks), in_contents)

    def quote(self, item: Item, number: str = "") -> Quote:
        acronyms: tuple[Acronym, ...] = ()
        if self.acronyms is not None:
            acronyms = self.acronyms.first_uses(item.headline, item.text, self.citation(item))
        return Quote(
            item_id=item.id,
            kind=item.kind,
            kind_label=self.kind_label(item.kind),
            text=item.text,
            citation=self.citation(item),
            headline=item.headline,
            number=number,
            acronyms=acronyms,
        )

    def paragraph(
        self, text: str, role: str = "briefgen", number: str = "", label: str = ""
    ) -> Paragraph:
        acronyms = self.acronyms.first_uses(text) if self.acronyms is not None else ()
        return Paragraph(" ".join(text.split()), role, number, acronyms, label)

    def items_in(self, theme: str, kinds: Iterable[str] | None = None) -> list[Item]:
        wanted = set(kinds) if kinds is not None else None
        return [
            item
            for item in self.items
            if primary_theme(item, self.themes) == theme and (wanted is None or item.kind in wanted)
        ]


class _AcronymTracker:
    """Finds each glossary term's first use, so a member briefing can explain it there."""

    def __init__(self, glossary: Sequence[GlossaryEntry]) -> None:
        self.entries = {entry.term: entry for entry in glossary}
        self.matcher = GlossaryMatcher(glossary)
        self.seen: list[str] = []

    def first_uses(self, *texts: str) -> tuple[Acronym, ...]:
        found = []
        for text in texts:
            for entry in self.matcher.find(text):
                if entry.term not in self.seen:
                    self.seen.append(entry.term)
                    found.append(Acronym(entry.term, entry.expansion))
        return tuple(found)


class _Numberer:
    """Consecutive paragraph numbers within a numbered section: 3.1, 3.2, ..."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.section = 0
        self.paragraph = 0

    def next_section(self) -> str:
        if not self.enabled:
            return ""
        self.section += 1
        self.paragraph = 0
        return str(self.section)

    def __call__(self) -> str:
        if not self.enabled:
            return ""
        self.paragraph += 1
        return f"{self.section}.{self.paragraph}"


def _questions(ctx: _Context, theme: str, items: Sequence[Item]) -> list[Block]:
    """Suggested scrutiny questions for a theme: briefgen's own, from the wording file."""
    words = ctx.wording["questions"]
    questions = list(words["themes"].get(theme, []))
    for kind in ITEM_KINDS:
        if any(item.kind == kind for item in items):
            questions.extend(words["kinds"].get(kind, []))
    if not questions:
        return []
    return [
        ctx.paragraph(words["heading"], label="", role="briefgen"),
        BulletList(tuple(questions), role="briefgen"),
    ]


def _questions_section(
    ctx: _Context, theme: str, items: Sequence[Item], level: int
) -> list[Section]:
    if ctx.spec.audience != "scrutiny":
        return []
    blocks = _questions(ctx, theme, items)
    if not blocks:
        return []
    words = ctx.wording["questions"]
    label = ctx.corpus.themes[theme].label
    return [
        ctx.section(
            f"{words['heading']}: {label}",
            [ctx.paragraph(words["intro"]), blocks[1]],
            level=level,
        )
    ]


def _positions_table(ctx: _Context) -> Table:
    """Organisations against themes: how many view-stating items each organisation has."""
    words = ctx.layout_words
    # Only organisations with a view in the pack: evidence they report or questions they ask
    # would give a column of dashes.
    orgs = [
        org
        for org in ctx.corpus.organisations
        if any(i.org == org and i.kind in VIEW_KINDS for i in ctx.items)
    ]
    header = (
        words.get("comparison_theme", "Theme"),
        *(ctx.corpus.organisations[o].short for o in orgs),
    )
    rows = []
    for theme in ctx.themes:
        in_theme = [i for i in ctx.items if theme in i.themes and i.kind in VIEW_KINDS]
        if not in_theme:
            continue
        cells = []
        for org in orgs:
            tally = {
                kind: sum(i.org == org and i.kind == kind for i in in_theme) for kind in VIEW_KINDS
            }
            counts = [
                f"{count} {ctx.kind_label(kind, plural=count != 1).lower()}"
                for kind, count in tally.items()
                if count
            ]
            cells.append("; ".join(counts) if counts else words.get("comparison_empty", "–"))
        rows.append((ctx.corpus.themes[theme].label, *cells))
    caption = words.get("table_caption", "")  # says what the cells count; the heading names it
    return Table(caption, tuple(header), tuple(rows))


def _source_references(ctx: _Context) -> list[SourceReference]:
    used = []
    for item in ctx.items:
        if item.source not in used:
            used.append(item.source)
    references = []
    for source_id in used:
        source = ctx.corpus.sources[source_id]
        text = f"{source.publisher} ({source.date}). {source.title}."
        if source.url:
            text += f" {source.url}"
        references.append(SourceReference(source_id, text))
    return references


def _glossary_section(ctx: _Context, title: str, intro: str) -> list[Section]:
    if ctx.acronyms is None or not ctx.acronyms.seen:
        return []
    rows = tuple(
        (
            term,
            ctx.acronyms.entries[term].expansion
            + (
                f": {ctx.acronyms.entries[term].explanation}"
                if ctx.acronyms.entries[term].explanation
                else ""
            ),
        )
        for term in sorted(ctx.acronyms.seen, key=str.casefold)
    )
    labels = ctx.wording["labels"]
    table = Table(title, (labels["glossary_term"], labels["glossary_meaning"]), rows)
    return [ctx.section(title, [Paragraph(intro), table])]


def _notes_section(ctx: _Context, numberer: _Numberer | None = None) -> list[Section]:
    notes = ctx.spec.officer.notes.strip()
    if not notes:
        return []
    number = numberer.next_section() if numberer else ""
    blocks = [
        Paragraph(" ".join(chunk.split()), "officer", numberer() if numberer else "")
        for chunk in re.split(r"\n\s*\n", notes)
        if chunk.strip()
    ]
    return [ctx.section(ctx.layout_words["notes"], blocks, number=number)]


def _member_briefing(ctx: _Context) -> list[Section]:
    words = ctx.layout_words
    sections = []
    messages = [" ".join(m.split()) for m in ctx.spec.officer.key_messages if m.strip()]
    if messages:
        intro, role = ctx.paragraph(words["key_messages_intro"]), "officer"
    else:
        # No key messages yet: briefgen's own headlines of the main items stand in, as such.
        messages = [i.headline for i in ctx.items if i.key and i.headline][:6]
        if not messages:
            messages = [i.headline for i in ctx.items if i.headline][:6]
        intro, role = ctx.paragraph(words["key_messages_from_items"]), "briefgen"
    acronyms = ctx.acronyms.first_uses(*messages) if ctx.acronyms is not None else ()
    key_blocks: list[Block] = [intro, BulletList(tuple(messages), role=role, acronyms=acronyms)]
    sections.append(ctx.section(words["key_messages"], key_blocks))
    sections.append(ctx.section(words["themes_heading"]))
    for theme in ctx.themes:
        items = ctx.items_in(theme)
        if not items:
            continue
        blocks: list[Block] = [ctx.paragraph(ctx.corpus.themes[theme].intro)]
        blocks.extend(ctx.quote(item) for item in items)
        sections.append(ctx.section(ctx.corpus.themes[theme].label, blocks, level=2))
        sections.extend(_questions_section(ctx, theme, items, level=3))
    table = _positions_table(ctx)
    if table.rows:
        sections.append(
            ctx.section(words["agreement"], [ctx.paragraph(words["agreement_intro"]), table])
        )
    sections.extend(_notes_section(ctx))
    sections.extend(_glossary_section(ctx, words["glossary"], words["glossary_intro"]))
    sections.append(_sources_section(ctx, words["sources"]))
    return sections


def _sources_section(
    ctx: _Context, title: str, intro: str = "", numberer: _Numberer | None = None
) -> Section:
    number = numberer.next_section() if numberer else ""
    blocks: list[Block] = []
    if intro:
        blocks.append(Paragraph(" ".join(intro.split()), number=numberer() if numberer else ""))
    references = tuple(reference.text for reference in _source_references(ctx))
    blocks.append(BulletList(references, role="briefgen", ordered=bool(numberer)))
    return ctx.section(title, blocks, number=number)


def _placeholder_or_officer(
    entries: Sequence[str], placeholder: str, numberer: _Numberer
) -> list[Block]:
    texts = [" ".join(entry.split()) for entry in entries if entry.strip()]
    if not texts:
        return [Placeholder(" ".join(placeholder.split()), numberer())]
    return [Paragraph(text, "officer", numberer()) for text in texts]


def _committee_report(ctx: _Context) -> list[Section]:
    words = ctx.layout_words
    spec = ctx.spec
    number = _Numberer(enabled=True)
    sections = []

    def numbered(title: str, blocks_of: Callable[[], list[Block]]) -> None:
        section_number = number.next_section()
        sections.append(ctx.section(title, blocks_of(), number=section_number))

    summary = [p for p in re.split(r"\n\s*\n", spec.officer.summary) if p.strip()]
    numbered(
        words["summary"],
        lambda: _placeholder_or_officer(summary, words["summary_placeholder"], number),
    )
    numbered(
        words["purpose"],
        lambda: [ctx.paragraph(ctx.wording["purposes"][spec.meeting.purpose], number=number())],
    )

    def recommendations() -> list[Block]:
        recs = [" ".join(r.split()) for r in spec.officer.recommendations if r.strip()]
        if not recs:
            return [Placeholder(" ".join(words["recommendations_placeholder"].split()), number())]
        return [
            ctx.paragraph(words["recommendations_intro"], number=number()),
            BulletList(tuple(recs), role="officer", ordered=True),
        ]

    numbered(words["recommendations"], recommendations)
    numbered(
        words["wards"],
        lambda: [Paragraph(spec.meeting.wards or words["wards_default"], "officer", number())],
    )

    background_kinds = [k for k in ITEM_KINDS if k not in ("option", "risk")]
    section_number = number.next_section()
    sections.append(
        ctx.section(
            words["background"],
            [ctx.paragraph(words["background_intro"], number=number())],
            number=section_number,
        )
    )
    for theme in ctx.themes:
        items = ctx.items_in(theme, background_kinds)
        if not items:
            continue
        blocks: list[Block] = [ctx.paragraph(ctx.corpus.themes[theme].intro, number=number())]
        blocks.extend(ctx.quote(item, number()) for item in items)
        sections.append(ctx.section(ctx.corpus.themes[theme].label, blocks, level=2))
        sections.extend(_questions_section(ctx, theme, items, level=3))

    def options() -> list[Block]:
        blocks: list[Block] = [ctx.paragraph(words["options_intro"], number=number())]
        source_options = [i for i in ctx.items if i.kind == "option"]
        if source_options:
            blocks.append(ctx.paragraph(words["options_from_sources"], number=number()))
            blocks.extend(ctx.quote(item, number()) for item in source_options)
        blocks.extend(Placeholder(text, number()) for text in words["option_placeholders"])
        return blocks

    numbered(words["options"], options)

    def risks() -> list[Block]:
        source_risks = [i for i in ctx.items if i.kind == "risk"]
        if not source_risks:
            return [
                ctx.paragraph(words["risks_none"], number=number()),
                Placeholder(" ".join(words["risks_placeholder"].split()), number()),
            ]
        blocks: list[Block] = [ctx.paragraph(words["risks_intro"], number=number())]
        blocks.extend(ctx.quote(item, number()) for item in source_risks)
        blocks.append(Placeholder(" ".join(words["risks_placeholder"].split()), number()))
        return blocks

    numbered(words["risks"], risks)
    for key in ("financial", "legal", "equality"):
        numbered(
            words[key],
            lambda key=key: [Placeholder(" ".join(words[f"{key}_placeholder"].split()), number())],
        )
    sections.extend(_notes_section(ctx, number))
    sections.append(
        _sources_section(ctx, words["background_papers"], words["background_papers_intro"], number)
    )

    def contact() -> list[Block]:
        person = (
            spec.meeting.contact if not spec.meeting.contact.is_empty() else spec.meeting.author
        )
        if person.is_empty():
            return [Placeholder(words["contact_placeholder"], number())]
        return [Paragraph(line, "officer", number()) for line in _contact_lines(person)]

    numbered(words["contact"], contact)
    return sections


def _contact_lines(person: Contact) -> list[str]:
    lines = [", ".join(part for part in (person.name, person.role) if part)]
    if person.email:
        lines.append(f"Email: {person.email}")
    if person.phone:
        lines.append(f"Telephone: {person.phone}")
    return [line for line in lines if line]


def _evidence_pack(ctx: _Context) -> list[Section]:
    words = ctx.layout_words
    sections = [ctx.section(words["intro_heading"], [ctx.paragraph(words["intro"])])]
    for theme in ctx.themes:
        items = ctx.items_in(theme)
        if not items:
            continue
        label = ctx.corpus.themes[theme].label
        sections.append(ctx.section(label, [ctx.paragraph(ctx.corpus.themes[theme].intro)]))
        kinds_order = AUDIENCES[ctx.spec.audience].kinds
        for kind in sorted(
            {i.kind for i in items}, key=lambda k: kinds_order.index(k) if k in kinds_order else 99
        ):
            in_kind = [i for i in items if i.kind == kind]
            sections.append(
                ctx.section(
                    f"{label}: {ctx.kind_label(kind, plural=True).lower()}",
                    [ctx.quote(item) for item in in_kind],
                    level=2,
                )
            )
        sections.extend(_questions_section(ctx, theme, items, level=2))
    table = _positions_table(ctx)
    if table.rows:
        sections.append(
            ctx.section(words["comparison"], [ctx.paragraph(words["comparison_intro"]), table])
        )
    sections.extend(_notes_section(ctx))
    sections.extend(_glossary_section(ctx, words["glossary"], words["glossary_intro"]))
    sections.append(_sources_section(ctx, words["sources"]))
    return sections


LAYOUT_BUILDERS: dict[str, Callable[[_Context], list[Section]]] = {
    "member-briefing": _member_briefing,
    "committee-report": _committee_report,
    "evidence-pack": _evidence_pack,
}


def build_pack(corpus: Corpus, spec: PackSpec, today: date | None = None) -> Pack:
    """Lay out `spec` as a `Pack`; raise `BriefgenError` if it names an unknown choice."""
    check_spec(corpus, spec)
    wording = load_wording()
    layout_words = wording["layouts"][spec.layout]
    items = pack_items(corpus, spec)
    themes = ordered_themes(corpus, spec, items)
    explain_acronyms = spec.layout == "member-briefing" or spec.audience == "members"
    ctx = _Context(
        corpus=corpus,
        spec=spec,
        wording=wording,
        layout_words=layout_words,
        items=items,
        themes=themes,
        acronyms=_AcronymTracker(corpus.glossary) if explain_acronyms else None,
        anchors=set(),
    )
    sections = LAYOUT_BUILDERS[spec.layout](ctx)
    meeting = spec.meeting
    labels = wording["labels"]
    shown_date = meeting.meeting_date or today or date.today()
    date_text = uk_date(shown_date)
    audience_label = wording["audiences"][spec.audience]
    title = meeting.title.strip() or f"{layout_words['name']}: " + ", ".join(
        corpus.themes[t].label for t in themes[:3]
    ) + (" and more" if len(themes) > 3 else "")
    meeting_line = ", ".join(part for part in (meeting.meeting.strip(), date_text) if part)
    facts: list[tuple[str, str]] = []
    if meeting.meeting.strip():
        facts.append((labels["meeting"], meeting.meeting.strip()))
    facts.append((labels["date"], date_text))
    facts.append((labels["audience"], audience_label))
    if spec.layout == "committee-report":
        facts.append((labels["purpose"], wording["purposes"][meeting.purpose]))
    author = ", ".join(p for p in (meeting.author.name, meeting.author.role) if p)
    if author:
        facts.append((labels["prepared_by"], author))
    contact = " · ".join(_contact_lines(meeting.contact)) if not meeting.contact.is_empty() else ""
    if contact:
        facts.append((labels["contact_officer"], contact))
    if meeting.marking:
        facts.append((labels["marking"], meeting.marking))
    item_ids = tuple(item.id for item in items)
    source_ids = tuple(dict.fromkeys(item.source for item in items))
    return Pack(
        spec=spec,
        title=title,
        subtitle=layout_words["name"],
        meeting_line=meeting_line,
        date_text=date_text,
        marking=meeting.marking,
        large_print=meeting.large_print,
        audience_label=audience_label,
        sections=tuple(sections),
        item_ids=item_ids,
        source_ids=source_ids,
        page_limit=layout_words.get("page_limit"),
        cover_facts=tuple(facts),
        wording={key: str(value) for key, value in labels.items()},
        subject=f"{layout_words['name']} for {audience_label.lower()}: "
        + ", ".join(corpus.themes[t].label for t in themes),
        author=meeting.author.name,
        keywords=tuple(corpus.themes[t].label for t in themes),
    )
