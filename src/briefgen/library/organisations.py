"""Whose view a passage states: the names a text may call each organisation by, the
organisation a source's publisher line names, and attribution phrases ("the Department for
Education issued", "the LGA argues") that report another organisation's view.

Kept apart from the suggestion engine (no scikit-learn here), so import and the app can match
a publisher to an organisation as the engine does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OrganisationName:
    """An organisation's id and the names a text may call it by."""

    id: str
    names: tuple[str, ...]


def organisation_names(organisations: Iterable[tuple[str, str, str]]) -> list[OrganisationName]:
    """Names for each `(id, name, short)`: the name without its bracketed note, the short name,
    and a bracketed alias ("(the government position …)" gives "the government")."""
    found = []
    for org_id, name, short in organisations:
        names = {name.split("(")[0].strip(), short.strip()}
        bracket = re.search(r"\((the [a-z]+)", name)
        if bracket:
            names.add(bracket.group(1))
        if "the government" in names:  # whoever speaks for the government reports its view
            names.update(_GOVERNMENT_ACTORS)
        # longest first, so "Prime Minister announced" is quoted whole rather than "Minister …"
        ordered = sorted((n for n in names if len(n) > 1), key=lambda n: (-len(n), n))
        found.append(OrganisationName(org_id, tuple(ordered)))
    return found


def publisher_org(publisher: str, names: Sequence[OrganisationName]) -> str:
    """The organisation whose name best matches a source's `publisher` line ('' if none does)."""
    publisher_words = set(re.findall(r"\w+", re.sub(r"\([^)]*\)", "", publisher).lower()))
    best, best_score = "", 0.0
    for org in names:
        for name in org.names:
            words = set(re.findall(r"\w+", name.lower()))
            if not words:
                continue
            score = len(words & publisher_words) / len(words | publisher_words)
            if score > best_score:
                best, best_score = org.id, score
    return best if best_score >= 0.3 else ""


_GOVERNMENT_ACTORS = ("Government", "Prime Minister", "Secretary of State", "Minister")
_REPORTING = (
    r"(?:announced|issued|said|says|states|stated|argues|argued|believes|proposes|proposed|"
    r"commenced|expects|intends|identified|published|set out|launched|consulted|"
    r"concern was|wants|announcement)"
)


def attributed_org(
    text: str, context: str, names: Sequence[OrganisationName], own: str
) -> tuple[str, str]:
    """An organisation other than `own` that `text` (or the lead-in `context`) reports the
    view of, with the phrase that says so; ('', '') when the source speaks for itself."""
    for where in (text, context):
        if not where:
            continue
        for org in names:
            if org.id == own:
                continue
            for name in org.names:
                pattern = rf"\b{re.escape(name)}\b(?:'s)?[^.;:]{{0,60}}?\b{_REPORTING}\b"
                match = re.search(pattern, where, re.I if name.islower() else 0)
                if match is None and name.istitle() and " " not in name:
                    match = re.search(
                        rf"\bthe {re.escape(name)}\b[^.;:]{{0,60}}?\b{_REPORTING}", where, re.I
                    )
                if match is None:
                    match = re.search(
                        rf"\b(?:{_REPORTING}) by (?:the )?{re.escape(name)}\b", where, re.I
                    )
                if match:
                    return org.id, match.group(0)
    return "", ""
