"""Acronyms: each glossary term explained where a pack first uses it, and a glossary of them.

Works over the finished drafts in reading order, so "first use" is where a reader meets it,
whatever order the layout wrote the sections in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from briefgen.content.model import GlossaryEntry
from briefgen.pack.model import Acronym, Block, BulletList, Paragraph, Quote, Table
from briefgen.pack.parts import Draft, Explained, PackParts


def _pattern(glossary: Sequence[GlossaryEntry]) -> re.Pattern[str] | None:
    terms = sorted((entry.term for entry in glossary), key=len, reverse=True)
    return _compiled(tuple(terms)) if terms else None


@lru_cache(maxsize=8)
def _compiled(terms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, terms)) + r")(?![\w-])")


def _texts(block: Paragraph | Quote | BulletList) -> tuple[str, ...]:
    if isinstance(block, Quote):
        return (block.headline, block.text, block.citation)
    if isinstance(block, BulletList):
        return block.entries
    return (block.text,)


@lru_cache(maxsize=8192)
def _found(pattern: re.Pattern[str], text: str) -> tuple[str, ...]:
    """The terms `text` uses, in order. Cached: the glossary and the explanations read the
    same texts, and the app rebuilds a pack from the same items after every click."""
    return tuple(match.group(1) for match in pattern.finditer(text))


def _terms(drafts: Sequence[Draft], pattern: re.Pattern[str]) -> Iterator[tuple[int, str]]:
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
        (entry.term, entry.expansion + (f": {entry.explanation}" if entry.explanation else ""))
        for entry in sorted(parts.acronyms, key=lambda entry: entry.term.casefold())
        if entry.term in used
    )
    table = Table(title, (labels["glossary_term"], labels["glossary_meaning"]), rows)
    return [Draft(title, (Paragraph(intro), table))]
