"""A committee report in the shape councils use: numbered sections and paragraphs, a body of
four or five sides that carries the report's own reasoning (the officer's summary, key
messages, recommendations and options, the strongest items as evidence), and the other
selected items quoted in Appendix A; placeholders for what only the council can write."""

from __future__ import annotations

from briefgen.content.model import ITEM_KINDS, Item
from briefgen.pack.acronyms import glossary_drafts
from briefgen.pack.choose import strongest
from briefgen.pack.clauses import recommendation_clause
from briefgen.pack.model import Block, BulletList, Paragraph, Placeholder
from briefgen.pack.parts import (
    Draft,
    DraftBlock,
    Explained,
    PackParts,
    explained,
    number_chapters,
    officer_paragraphs,
    paragraph,
    placeholder,
    quote,
)
from briefgen.pack.sections import (
    contact_lines,
    notes_drafts,
    report_questions_drafts,
    source_references,
    theme_drafts,
)

# Options and risks have their own sections; every other kind is background.
BACKGROUND_KINDS = tuple(kind for kind in ITEM_KINDS if kind not in ("option", "risk"))
APPENDIX_LETTERS = "ABCDEFGH"


def body_items(parts: PackParts) -> set[str]:
    """The ids of the items the body quotes: on each theme the strongest background items,
    the main risks and the sources' strongest options (`briefgen.pack.choose`, with the
    numbers in templates/wording.yaml), with the officer's `in_body` and `in_appendix` moves."""
    words, kinds = parts.words, parts.audience.kinds
    chosen: list[Item] = []
    for theme in parts.themes:
        background = parts.items_in(theme, BACKGROUND_KINDS)
        chosen += strongest(background, kinds, int(words["body_items_per_theme"]))
    risks = [item for item in parts.items if item.kind == "risk"]
    chosen += strongest(risks, kinds, int(words["body_risks"]))
    options = [item for item in parts.items if item.kind == "option"]
    chosen += strongest(options, kinds, int(words["body_source_options"]))
    ids = {item.id for item in chosen} | set(parts.spec.in_body)
    return ids - set(parts.spec.in_appendix)


def lay_out(parts: PackParts) -> list[Draft]:
    words, meeting = parts.words, parts.spec.meeting
    in_body = body_items(parts) & {item.id for item in parts.items}
    body = parts._replace(items=tuple(i for i in parts.items if i.id in in_body))
    appendix = parts._replace(items=tuple(i for i in parts.items if i.id not in in_body))
    purpose = parts.wording["purposes"][meeting.purpose]
    background = Draft(words["background"], (explained(words["background_intro"]),))
    wards = Paragraph(meeting.wards or words["wards_default"], "officer")
    chapters = [
        [Draft(words["summary"], _summary(parts))],
        [Draft(words["purpose"], (explained(purpose),))],
        [Draft(words["recommendations"], _recommendations(parts))],
        [Draft(words["wards"], (wards,))],
        [background, *theme_drafts(body, BACKGROUND_KINDS, questions=False)],
        _options(body),
        [Draft(words["risks"], _risks(body)), *report_questions_drafts(body)],
        [Draft(words["financial"], (placeholder(words["financial_placeholder"]),))],
        [Draft(words["legal"], (placeholder(words["legal_placeholder"]),))],
        [Draft(words["equality"], (placeholder(words["equality_placeholder"]),))],
        notes_drafts(parts, words["notes"]),
        [Draft(words["background_papers"], _background_papers(parts))],
        [Draft(words["references"], _references(parts))],
    ]
    appendices = _appendices(parts, appendix, [d for c in chapters for d in c])
    titles = [chapter[0].title for chapter in appendices]
    if titles:
        listed = BulletList(tuple(titles), role="briefgen")
        chapters.append([Draft(words["appendices"], (listed,))])
    chapters.append([Draft(words["contact"], _contact(parts))])
    numbered = number_chapters(chapters)
    lettered = number_chapters(appendices, APPENDIX_LETTERS)
    # An appendix's title names its letter; its paragraphs are numbered A.1, A.2, ...
    return numbered + [draft._replace(number="", appendix=True) for draft in lettered]


def _summary(parts: PackParts) -> tuple[DraftBlock, ...]:
    """The officer's summary (or a placeholder for it), then their key messages."""
    words = parts.words
    summary = officer_paragraphs(parts.spec.officer.summary)
    blocks: list[DraftBlock] = list(summary) or [placeholder(words["summary_placeholder"])]
    messages = [" ".join(m.split()) for m in parts.spec.officer.key_messages if m.strip()]
    if messages:
        blocks.append(explained(words["key_messages_intro"]))
        blocks.append(Explained(BulletList(tuple(messages), role="officer")))
    return tuple(blocks)


def _recommendations(parts: PackParts) -> tuple[DraftBlock, ...]:
    """The officer's recommendations to the committee (not the sources'), each a clause that
    completes the one stem; as written under "It is recommended:" if any cannot be one."""
    words = parts.words
    recommendations = [" ".join(r.split()) for r in parts.spec.officer.recommendations if r.strip()]
    if not recommendations:
        return (placeholder(words["recommendations_placeholder"]),)
    clauses = [recommendation_clause(text) for text in recommendations]
    if all(clause is not None for clause in clauses):
        stem, entries = words["recommendations_intro"], [c for c in clauses if c is not None]
    else:
        stem, entries = words["recommendations_as_written"], recommendations
    listed = BulletList(tuple(entries), role="officer", ordered=True)
    return (explained(stem), listed)


def _options(parts: PackParts) -> list[Draft]:
    """The council's options, the officer's (placeholders until there are three, one of them
    doing nothing), and the preferred option; then, apart and as evidence, the options the
    sources describe (`parts`: the body's items)."""
    words = parts.words
    officer = [" ".join(o.split()) for o in parts.spec.officer.options if o.strip()]
    blocks: list[DraftBlock] = [explained(words["options_intro"])]
    if officer:
        blocks.append(BulletList(tuple(officer), role="officer", ordered=True))
    folded = " ".join(officer).casefold()
    if not any(marker in folded for marker in words["do_nothing_words"]):
        blocks.append(placeholder(words["option_do_nothing"]))
        officer.append("")
    for number in range(len(officer) + 1, 4):
        blocks.append(placeholder(words["option_placeholder"].format(number=number)))
    blocks.append(placeholder(words["preferred_option"]))
    drafts = [Draft(words["options"], tuple(blocks))]
    source_options = [item for item in parts.items if item.kind == "option"]
    if source_options:
        evidence = (explained(words["source_options_intro"]),)
        quotes = tuple(quote(parts, item) for item in source_options)
        drafts.append(Draft(words["source_options"], evidence + quotes, level=2))
    return drafts


def _risks(parts: PackParts) -> tuple[DraftBlock, ...]:
    """The main risks the sources identify (`parts`: the body's items), then a placeholder for
    the council's assessment."""
    words = parts.words
    source_risks = [item for item in parts.items if item.kind == "risk"]
    assessment = placeholder(words["risks_placeholder"])
    if not source_risks:
        return (explained(words["risks_none"]), assessment)
    quotes = (quote(parts, item) for item in source_risks)
    return (explained(words["risks_intro"]), *quotes, assessment)


def _background_papers(parts: PackParts) -> tuple[Block, ...]:
    """The unpublished documents the officer relied on (s.100D), or "None": published works,
    the sources among them, are references (s.100D(5))."""
    words = parts.words
    papers = [" ".join(p.split()) for p in parts.spec.officer.background_papers if p.strip()]
    if not papers:
        return (paragraph(words["background_papers_none"]),)
    listed = BulletList(tuple(papers), role="officer", ordered=True)
    return (paragraph(words["background_papers_intro"]), listed)


def _references(parts: PackParts) -> tuple[Block, ...]:
    """The published documents the report quotes, body and appendix, in order of first use."""
    return (BulletList(tuple(source_references(parts)), role="briefgen", ordered=True),)


def _appendices(parts: PackParts, appendix: PackParts, body: list[Draft]) -> list[list[Draft]]:
    """Appendix A, the selected items the body does not quote, by theme; then the glossary, if
    the report explains acronyms. Each appendix's title carries its letter."""
    words = parts.words
    chapters: list[list[Draft]] = []
    themes = theme_drafts(appendix, questions=False)
    if themes:
        title = words["appendix_evidence"].format(letter=APPENDIX_LETTERS[len(chapters)])
        intro = explained(words["appendix_evidence_intro"])
        chapters.append([Draft(title, (intro,)), *themes])
    glossary_title = words["appendix_glossary"].format(letter=APPENDIX_LETTERS[len(chapters)])
    everything = body + [draft for chapter in chapters for draft in chapter]
    glossary = glossary_drafts(parts, everything, glossary_title, words["glossary_intro"])
    if glossary:
        chapters.append(glossary)
    return chapters


def _contact(parts: PackParts) -> tuple[Block, ...]:
    """The contact officer (or, failing one, the author)."""
    meeting = parts.spec.meeting
    person = meeting.contact if not meeting.contact.is_empty() else meeting.author
    if person.is_empty():
        return (Placeholder(parts.words["contact_placeholder"]),)
    lines = contact_lines(person, parts.wording["pack"])
    return tuple(Paragraph(line, "officer") for line in lines)
