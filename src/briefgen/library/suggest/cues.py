"""Structural and wording cues: what a heading, a list or a phrase says about a passage.

Cues feed the learned model as extra tokens (so it learns how much each one counts) and give
the few firm answers no model should overrule: a report's own recommendation, a question put
to the reader, an item listed under "Risks". Organisations are read from a source's publisher
and from attribution phrases ("the Department for Education issued", "the LGA argues").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefgen.content import ITEM_KINDS

# Heading words that name the kind of every passage under them.
_HEADING_KINDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\brecommendations?\b", re.I), "recommendation"),
    (re.compile(r"\bsuccess (?:criteria|factors?)\b", re.I), "success-criterion"),
    (re.compile(r"\b(?:risks?|challenges|concerns)\b", re.I), "risk"),
    (re.compile(r"\bdrivers?\b", re.I), "driver"),
    (re.compile(r"\bprinciples?\b", re.I), "principle"),
    (re.compile(r"\bpropositions?\b", re.I), "proposition"),
    (re.compile(r"\boptions?\b", re.I), "option"),
    (re.compile(r"\bquestions?\b", re.I), "question"),
    (re.compile(r"\b(?:case stud(?:y|ies)|examples?)\b", re.I), "example"),
)
_RECOMMENDATION_LEAD = re.compile(
    r"\b(?:key |main |our )?recommendations? (?:are|is|include)\b|\bwe recommend\b", re.I
)
_OPTION_LABEL = re.compile(r"^[-\d. ]*(?:\*\*)?option\b", re.I)
_QUESTION_LABEL = re.compile(r"^(?:\*\*)?question\s+\d+\s*:", re.I)
_SUMMARY = re.compile(r"\bsummary\b|\bforeword\b|\bcontents\b", re.I)

_TEXT_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("modal", re.compile(r"\b(?:should|must|need to|needs to|ought to|will need)\b", re.I)),
    (
        "belief",
        re.compile(
            r"\bwe (?:firmly |strongly |therefore )?(?:believe|think|consider)\b|"
            r"\b(?:argues?|believes?|remain of the view|our view|we want|we welcome|"
            r"we support|we agree)\b",
            re.I,
        ),
    ),
    (
        "risk",
        re.compile(
            r"\b(?:risks?|danger|threat|concerns?|undermine|fail\w*|unsustainable|"
            r"pressures?|cuts?)\b",
            re.I,
        ),
    ),
    ("percent", re.compile(r"\d\s?%|\bper ?cent\b")),
    ("figure", re.compile(r"£\s?\d|\b\d[\d,.]*\s?(?:m|bn|million|billion)\b|\b\d{2,}\b")),
    ("year", re.compile(r"\b(?:19|20)\d\d\b")),
    ("example", re.compile(r"\bfor example\b|\bfor instance\b|\bsuch as\b|\be\.g\.", re.I)),
    ("place", re.compile(r"\bin (?:[A-Z][a-z]+ ){0,2}(?:[A-Z][a-z]+)(?:shire)?\b")),
    ("option", re.compile(r"\b(?:could|may|might|option|alternative|either)\b", re.I)),
    (
        "research",
        re.compile(
            r"\b(?:survey|research|data|figures|statistics|report(?:s|ed)?|"
            r"found|indicates?|shows?)\b",
            re.I,
        ),
    ),
    ("we", re.compile(r"\b(?:we|our)\b", re.I)),
)


def heading_kind(titles: Iterable[str]) -> str:
    """The kind a heading path names (the nearest heading that names one), or ''."""
    for title in reversed(tuple(titles)):
        for pattern, kind in _HEADING_KINDS:
            if pattern.search(title):
                return kind
    return ""


def is_summary(titles: Iterable[str]) -> bool:
    """True under a summary (or contents, foreword): its text often repeats the body's."""
    return any(_SUMMARY.search(title) for title in titles)


def recommendation_heading(titles: Sequence[str], para: int) -> bool:
    """True for the passage a recommendation heading introduces: under "Recommendation 3" (one
    recommendation) only the first paragraph, under "Recommendations" every one."""
    if not titles:
        return False
    if re.search(r"\brecommendations\b", titles[-1], re.I):
        return True
    return para == 1 and bool(re.search(r"\brecommendation\b", titles[-1], re.I))


def is_recommendation_lead(lead_in: str) -> bool:
    return bool(_RECOMMENDATION_LEAD.search(lead_in))


# Wording that settles a kind: (pattern, kind, reason). Each was checked against the curated
# items of the shipped corpus (decision 0081): a percentage is evidence in 15 of 15, a survey or
# research finding in 8 of 9, "Government … should" a recommendation in 9 of 11, a named council
# an example in 5 of 7.
_FIRM_WORDING: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"\d\s?%|\bper ?cent\b"), "evidence", "gives a percentage"),
    (
        re.compile(r"\b(?:survey|research|statistics|estimated)\b", re.I),
        "evidence",
        "reports research or a survey",
    ),
    (
        re.compile(
            r"\b(?:Government|DfE|Department for Education|Ofsted|the sector)\b[^.]{0,40}"
            r"\b(?:should|must|needs? to)\b"
        ),
        "recommendation",
        "says what Government or a national body should do",
    ),
    (
        re.compile(r"\b[A-Z][a-z]+(?:shire)? (?:County |City |Borough )?[Cc]ouncil\b"),
        "example",
        "names a council's own practice",
    ),
)


def firm_kind(text: str, label_text: str) -> tuple[str, str]:
    """A kind the words alone settle, and why: a question, an option by its label, a figure;
    ('', '') when they do not."""
    stripped = text.strip().strip("*").rstrip()
    if _QUESTION_LABEL.match(label_text) or _QUESTION_LABEL.match(stripped):
        return "question", "a numbered question put to the reader"
    if stripped.endswith("?"):
        return "question", "a question put to the reader"
    if _OPTION_LABEL.match(label_text) or _OPTION_LABEL.match(stripped):
        return "option", "labelled as an option"
    for pattern, kind, reason in _FIRM_WORDING:
        if pattern.search(text):
            return kind, reason
    return "", ""


def cue_tokens(text: str) -> list[str]:
    """Tokens naming the wording cues in `text` ("cue_modal", "cue_percent" …)."""
    tokens = [f"cue_{name}" for name, pattern in _TEXT_CUES if pattern.search(text)]
    if text.rstrip("*").rstrip().endswith("?"):
        tokens.append("cue_question")
    words = len(text.split())
    tokens.append("cue_short" if words < 12 else "cue_long" if words > 45 else "cue_medium")
    return tokens


def heading_tokens(titles: Sequence[str]) -> list[str]:
    """The heading path's words as tokens of their own ("head_risks"), nearest heading first."""
    tokens: list[str] = []
    for depth, title in enumerate(reversed(titles)):
        prefix = "head" if depth == 0 else "path"
        tokens += [f"{prefix}_{word.lower()}" for word in re.findall(r"[A-Za-z]{3,}", title)]
    kind = heading_kind(titles)
    if kind:
        tokens.append(f"headkind_{kind.replace('-', '_')}")
    return tokens


KINDS: frozenset[str] = frozenset(ITEM_KINDS)


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
