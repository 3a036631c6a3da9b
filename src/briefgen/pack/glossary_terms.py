"""Find glossary terms in a pack's text as a reader writes them: "SOLACE" for Solace, "GCSE"
for GCSEs, "City Deal" for City Deals, without taking the word "solace" or "sen" for a term.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from briefgen.content.model import GlossaryEntry


def _key(text: str) -> str:
    """How a term is looked up: case, hyphens and a plural ending do not matter, so "GCSEs" and
    "GCSE", "City Deals" and "City Deal", "sector led" and "sector-led" find the same entry."""
    text = text.removesuffix("'s").removesuffix("\u2019s")  # "Ofsted's"
    key = text.replace("-", " ").casefold()
    if len(key) > 2 and key.endswith("ies") and " " not in text[-4:]:
        return key[:-3] + "y"  # "academies"
    if len(text) > 2 and text.endswith("s") and (text[-2].isupper() or " " in text):
        return key[:-1]  # "GCSEs", "City Deals"; a word that merely ends in s ("Solace") keeps it
    return key


def _pattern(key: str) -> str:
    """A regular expression for `key` written singular or plural, with spaces or hyphens."""
    if key.endswith("y"):
        body = re.escape(key[:-1]) + r"(?:y|ies)(?:['\u2019]s)?"
    else:
        body = re.escape(key) + r"(?:['\u2019]?s|es)?"
    return body.replace(r"\ ", "[ -]")


def _needs_capitals(term: str) -> bool:
    """Whether an all-lower-case match would be an ordinary word, not the term: true for a
    one-word acronym or name ("SEN", "DfE", "Solace", "Ofsted"); a phrase ("family nurse
    partnership") is the term in any case."""
    return " " not in term and any(char.isupper() for char in term)


class GlossaryMatcher:
    """Finds the glossary entries a text uses, in any case and singular or plural."""

    def __init__(self, glossary: Sequence[GlossaryEntry]) -> None:
        self.entries: dict[str, GlossaryEntry] = {}
        for entry in glossary:  # the first entry for a key wins ("GP" over a later "GPs")
            self.entries.setdefault(_key(entry.term), entry)
        keys = sorted(self.entries, key=len, reverse=True)  # "SEND" before "SEN"
        self.pattern = (
            re.compile(
                r"(?<![\w-])(" + "|".join(map(_pattern, keys)) + r")(?![\w-])", re.IGNORECASE
            )
            if keys
            else None
        )

    def find(self, text: str) -> Iterator[GlossaryEntry]:
        """The entries `text` uses, in order of first appearance (repeats included)."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            entry = self.entries.get(_key(match.group(1)))
            if entry is None or (match.group(1).islower() and _needs_capitals(entry.term)):
                continue
            yield entry
