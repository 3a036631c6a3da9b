"""Sentences made into clauses that complete briefgen's own stems: a recommendation after "The
committee is recommended to:", a headline after "the risk that". See docs/decisions/0110."""

from __future__ import annotations

import re
from collections.abc import Iterable

# "That the committee notes ...", "That Cabinet agrees ...", "That members note ...": the
# subject a recommendation names, which the stem already says.
_SUBJECT = re.compile(
    r"^that\s+(?:the\s+)?(?:(?:overview\s+and\s+)?scrutiny\s+)?"
    r"(?:committee|sub-committee|cabinet|board|panel|council|members|partnership(?:\s+board)?)"
    r"\s+(?:is\s+asked\s+to\s+|be\s+asked\s+to\s+)?",
    re.IGNORECASE,
)
_TO = re.compile(r"^(?:that\s+)?to\s+", re.IGNORECASE)
_THAT = re.compile(r"^that\s+", re.IGNORECASE)


def _base_form(verb: str) -> str:
    """A verb after a third-person subject in the form that follows "to": "notes" -> "note",
    "identifies" -> "identify", "discusses" -> "discuss"; anything else unchanged."""
    lower = verb.lower()
    if lower.endswith("ies") and len(lower) > 4:
        return verb[:-3] + "y"
    if lower.endswith(("sses", "shes", "ches", "xes", "zes")):
        return verb[:-2]
    if lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3:
        return verb[:-1]
    return verb


def _lower_first(text: str) -> str:
    """`text` with its first letter in lower case unless its first word is a name or an
    acronym ("Note" -> "note"; "DfE", "Ofsted's" kept)."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:].islower() and first[0].isupper():
        return text[0].lower() + text[1:]
    return text


def recommendation_clause(text: str) -> str | None:
    """An officer's recommendation as a clause completing "The committee is recommended to:",
    or None if it cannot be one.

    "That the committee notes the report." -> "note the report."; "That Cabinet is asked to
    approve ..." -> "approve ..."; "To ask for a report." -> "ask for a report."; "Note the
    report." -> "note the report."; "That a working group be set up" -> None (it names a
    subject the stem does not)."""
    words = " ".join(text.split())
    subject = _SUBJECT.match(words)
    if subject:
        rest = words[subject.end() :]
        if subject.group(0).rstrip().lower().endswith(" to"):  # "is asked to note"
            return _lower_first(rest)
        verb, _, tail = rest.partition(" ")
        return _lower_first(f"{_base_form(verb)} {tail}".strip())
    to = _TO.match(words)
    if to:
        return _lower_first(words[to.end() :])
    if _THAT.match(words):
        return None
    return _lower_first(words)


def headline_clause(headline: str, common_words: Iterable[str] = ()) -> str:
    """A headline ("Providers could pick the easy services.") as a clause inside one of
    briefgen's questions: its full stop dropped, and its first word in lower case if that word
    is an ordinary word (one of `common_words`, the lower-case words the sources use), so
    "Ofsted" and "DfE" keep their capitals."""
    clause = " ".join(headline.split()).rstrip(". ")
    first = re.match(r"[A-Za-z]+", clause)
    if first and first.group(0).lower() in set(common_words) and first.group(0)[1:].islower():
        clause = clause[0].lower() + clause[1:]
    return clause
