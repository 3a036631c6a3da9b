"""Acronyms: each glossary term explained where a pack first uses it, and a glossary of them.

Works over the finished drafts in reading order, so "first use" is where a reader meets it,
whatever order the layout wrote the sections in.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

from briefgen.content.model import GlossaryEntry
from briefgen.pack.glossary_terms import GlossaryMatcher
from briefgen.pack.model import Acronym, Block, BulletList, Paragraph, Quote, Table
from briefgen.pack.parts import Draft, Explained, PackParts


def _pattern(glossary: Sequence[GlossaryEntry]) -> GlossaryMatcher | None:
    return _matcher(tuple(glossary)) if glossary else None


@lru_cache(maxsize=8)
def _matcher(glossary: tuple[GlossaryEntry, ...]) -> GlossaryMatcher:
    return GlossaryMatcher(glossary)


def _texts(block: Paragraph | Quote | BulletList) -> tuple[str, ...]:
    if isinstance(block, Quote):
        return (block.headline, block.text, block.citation)
    if isinstance(block, BulletList):
        return block.entries
    return (block.text,)


@lru_cache(maxsize=8192)
def _found(pattern: GlossaryMatcher, text: str) -> tuple[str, ...]:
    """The glossary terms `text` uses (in any case, singular or plural), in order. Cached: the
    glossary and the explanations read the same texts, and the app rebuilds a pack from the
    same items after every click."""
    return tuple(entry.term for entry in pattern.find(text))


def _terms(drafts: Sequence[Draft], pattern: GlossaryMatcher) -> Iterator[tuple[int, str]]:
    """(position of the explained block, term) for every use of a term, in reading order."""
    position = 0
    for draft in drafts:
        for block in draft.blocks:
            if isinstance(block, Explained):
                for text in _texts(block.block):
                    for term in _found(pattern, text):
                        yield position, term
            position += 1


def explain_first_uses(
    drafts: Sequence[Draft], glossary: Sequence[GlossaryEntry]
) -> list[tuple[Block, ...]]:
    """Each draft's blocks as the pack prints them: an explained block carries the acronyms
    from `glossary` that it is the first to use (none when `glossary` is empty)."""
    first: dict[int, list[Acronym]] = {}
    pattern = _pattern(glossary)
    if pattern is not None:
        expansions = {entry.term: entry.expansion for entry in glossary}
        seen: set[str] = set()
        for position, term in _terms(drafts, pattern):
            if term not in seen:
                seen.add(term)
                first.setdefault(position, []).append(Acronym(term, expansions[term]))
    finished = []
    position = 0
    for draft in drafts:
        blocks: list[Block] = []
        for block in draft.blocks:
            if isinstance(block, Explained):
                blocks.append(block.block._replace(acronyms=tuple(first.get(position, ()))))
            else:
                blocks.append(block)
            position += 1
        finished.append(tuple(blocks))
    return finished


def glossary_drafts(parts: PackParts, body: Sequence[Draft], title: str, intro: str) -> list[Draft]:
    """A glossary of the acronyms `body` explains, with each one's meaning; none if it
    explains none."""
    pattern = _pattern(parts.acronyms)
    if pattern is None:
        return []
    used = {term for _, term in _terms(body, pattern)}
    if not used:
        return []
    labels = parts.wording["labels"]
    rows = tuple(
        (entry.term, meaning(entry))
        for entry in sorted(parts.acronyms, key=lambda entry: entry.term.casefold())
        if entry.term in used
    )
    # The caption says what the table holds, not the section heading above it again.
    table = Table(
        labels["glossary_caption"], (labels["glossary_term"], labels["glossary_meaning"]), rows
    )
    return [Draft(title, (Paragraph(intro), table))]


def meaning(entry: GlossaryEntry) -> str:
    """What `entry` stands for, then its explanation as a sentence of its own: explanations
    start with a capital ("The national membership body…"), which a colon would leave
    mid-sentence ("…departments: For example a trust"). The meaning starts a sentence too: a
    term's description, written lower-case to follow a dash in an acronyms line ("health and
    wellbeing board – the council-led board…"), is capitalised in the glossary."""
    expansion = sentence_start(entry.expansion)
    if not entry.explanation:
        return expansion
    return f"{expansion.rstrip('.')}. {entry.explanation}"


def sentence_start(text: str) -> str:
    """`text` with its first letter a capital, unless its first word is written with one later
    ("eBay", "iPad")."""
    first = text.split(" ", 1)[0]
    if first[:1].islower() and first[1:] == first[1:].lower():
        return first[:1].upper() + text[1:]
    return text
