"""Build a `Pack` from a `PackSpec`: the selection, the layout's sections, and the cover.

The layout (`briefgen.pack.layouts`) writes the sections from explicit `PackParts`; what
depends on the whole pack (acronyms explained at first use, unique anchors) is worked out
over its result; the cover and the file's properties come last.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from briefgen.audiences import AUDIENCES
from briefgen.content.model import Corpus, Item
from briefgen.content.paths import templates_dir
from briefgen.errors import BriefgenError
from briefgen.pack.acronyms import explain_first_uses
from briefgen.pack.layouts import LAYOUT_PLANS
from briefgen.pack.model import LAYOUTS, MARKINGS, PURPOSES, Pack, PackSpec, Quote, Section
from briefgen.pack.parts import PackParts, finish
from briefgen.pack.sections import contact_lines, with_reading_key
from briefgen.pack.wording import load_wording, uk_date
from briefgen.selection import (
    is_key,
    primary_theme,
    select_items,
    theme_order,
    without_restatements,
)
from briefgen.spelling import did_you_mean

# The default title names this many themes, then "and more".
TITLE_THEMES = 3


def check_spec(corpus: Corpus, spec: PackSpec) -> None:
    """Raise `BriefgenError` naming every choice in `spec` that briefgen does not know."""
    problems = []
    if spec.layout not in LAYOUTS:
        problems.append(f"unknown layout '{spec.layout}'; choose from {', '.join(LAYOUTS)}")
    if spec.audience not in AUDIENCES:
        problems.append(f"unknown audience '{spec.audience}'; choose from {', '.join(AUDIENCES)}")
    elif spec.audience not in load_wording()["audiences"]:
        problems.append(
            f"audience '{spec.audience}' has no name in the wording; add it under 'audiences:' "
            f"in {templates_dir() / 'wording.yaml'}"
        )
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
    for item_id in (*spec.included, *spec.excluded, *spec.order, *spec.in_body, *spec.in_appendix):
        if not corpus.has_item(item_id):
            seen[item_id] = None
    return list(seen)


def pack_items(corpus: Corpus, spec: PackSpec) -> list[Item]:
    """The items the pack quotes, in pack order: the selection for the themes and audience, less
    `excluded`, plus `included`, grouped by theme, the items the officer marked key first in
    each theme (docs/decisions/0130), with `order` applied among them and among the rest."""
    selected = with_key_flags(
        spec,
        select_items(
            corpus,
            spec.themes,
            spec.audience,
            key_items=spec.key_items,
            not_key=spec.not_key,
        ),
    )
    excluded = set(spec.excluded)
    chosen = [item for item in selected if item.id not in excluded]
    present = {item.id for item in chosen}
    for item_id in spec.included:
        if corpus.has_item(item_id) and item_id not in present and item_id not in excluded:
            chosen.append(with_key_flags(spec, [corpus.item(item_id)])[0])
            present.add(item_id)
    chosen = without_restatements(chosen)
    themes = ordered_themes(corpus, spec, chosen)
    theme_rank = {theme: rank for rank, theme in enumerate(themes)}
    order_rank = {item_id: rank for rank, item_id in enumerate(spec.order)}
    leading = set(spec.key_items)
    natural = {item.id: rank for rank, item in enumerate(chosen)}
    return sorted(
        chosen,
        key=lambda item: (
            theme_rank[primary_theme(item, themes)],
            item.id not in leading,
            order_rank.get(item.id, len(order_rank)),
            natural[item.id],
        ),
    )


def with_key_flags(spec: PackSpec, items: list[Item]) -> list[Item]:
    """`items` with the officer's key flags (`spec.key_items`, `spec.not_key`) over the
    content's, so every layout sees the items as the officer marked them."""
    if not (spec.key_items or spec.not_key):
        return items
    marked = [(item, is_key(item, spec.key_items, spec.not_key)) for item in items]
    return [item if item.key == key else item._replace(key=key) for item, key in marked]


def ordered_themes(corpus: Corpus, spec: PackSpec, items: Iterable[Item] = ()) -> list[str]:
    """The pack's themes in order; an included item from an unchosen theme brings its theme."""
    themes = theme_order(corpus, spec.themes, AUDIENCES.get(spec.audience))
    extra = {item.themes[0] for item in items if not set(item.themes) & set(themes)}
    return themes + [t for t in corpus.themes if t in extra]


def build_pack(corpus: Corpus, spec: PackSpec, today: date | None = None) -> Pack:
    """Lay out `spec` as a `Pack`; raise `BriefgenError` if it names an unknown choice."""
    check_spec(corpus, spec)
    layout = LAYOUT_PLANS[spec.layout]
    parts = pack_parts(corpus, spec)
    drafts = with_reading_key(parts, layout.lay_out(parts))
    sections = finish(drafts, explain_first_uses(drafts, parts.acronyms))
    sections = [s._replace(in_contents=s.level <= layout.contents_levels) for s in sections]
    pack = _pack(parts, sections, today or date.today(), layout.states_purpose)
    return pack._replace(
        contents_levels=layout.contents_levels, contents_on_cover=layout.contents_on_cover
    )


def pack_parts(corpus: Corpus, spec: PackSpec) -> PackParts:
    """What the layout lays out for a checked `spec`: its items, themes, wording and audience
    (also what the app asks which items a committee report quotes in its body)."""
    wording = load_wording()
    layout = LAYOUT_PLANS[spec.layout]
    audience = AUDIENCES[spec.audience]
    items = pack_items(corpus, spec)
    explains = layout.explains_acronyms or audience.explain_acronyms
    return PackParts(
        corpus=corpus,
        spec=spec,
        wording=wording,
        words=wording["layouts"][spec.layout],
        audience=audience,
        items=tuple(items),
        themes=tuple(ordered_themes(corpus, spec, items)),
        acronyms=corpus.glossary if explains else (),
    )


def quoted_ids(sections: Iterable[Section]) -> list[str]:
    """The ids of the items `sections` quote, in order of first appearance."""
    quoted = (b.item_id for s in sections for b in s.blocks if isinstance(b, Quote))
    return list(dict.fromkeys(quoted))


def _pack(parts: PackParts, sections: list[Section], today: date, states_purpose: bool) -> Pack:
    """The pack: `sections` with the cover, running header and file properties."""
    wording, meeting = parts.wording, parts.spec.meeting
    quoted = quoted_ids(sections)
    labels, words = wording["labels"], wording["pack"]
    # A member briefing for partners is a partner briefing: the cover names it for its readers.
    document = parts.words.get("names", {}).get(parts.audience.id, parts.words["name"])
    theme_labels = [parts.theme_label(theme) for theme in parts.themes]
    date_text = uk_date(meeting.meeting_date or today)
    audience_label = wording["audiences"][parts.audience.id]
    named = ", ".join(theme_labels[:TITLE_THEMES])
    if len(theme_labels) > TITLE_THEMES:
        named = words["more_themes"].format(themes=named)
    title = meeting.title.strip() or words["untitled"].format(document=document, themes=named)
    facts: list[tuple[str, str]] = []
    if meeting.meeting.strip():
        facts.append((labels["meeting"], meeting.meeting.strip()))
    facts.append((labels["date"], date_text))
    facts.append((labels["audience"], audience_label))
    if states_purpose:
        facts.append((labels["purpose"], wording["purposes"][meeting.purpose]))
    author = ", ".join(p for p in (meeting.author.name, meeting.author.role) if p)
    if author:
        facts.append((labels["prepared_by"], author))
    if not meeting.contact.is_empty():
        facts.append((labels["contact_officer"], " · ".join(contact_lines(meeting.contact, words))))
    if meeting.marking:
        facts.append((labels["marking"], meeting.marking))
    return Pack(
        spec=parts.spec,
        title=title,
        subtitle=document,
        meeting_line=", ".join(part for part in (meeting.meeting.strip(), date_text) if part),
        date_text=date_text,
        marking=meeting.marking,
        large_print=meeting.large_print,
        audience_label=audience_label,
        sections=tuple(sections),
        item_ids=tuple(item.id for item in parts.items),
        source_ids=tuple(dict.fromkeys(parts.corpus.item(i).source for i in quoted)),
        quoted_ids=tuple(quoted),
        page_limit=parts.words.get("page_limit"),
        cover_facts=tuple(facts),
        wording={key: str(value) for key, value in labels.items()},
        subject=words["subject"].format(
            document=document, audience=audience_label.lower(), themes=", ".join(theme_labels)
        ),
        author=meeting.author.name,
        keywords=tuple(theme_labels),
    )
