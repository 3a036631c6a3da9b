"""What is not an item however it reads: the document's furniture and asides to its reader.

A published report carries more than its points: a title page ("Published: 2025-10-23"),
notes on how to read it ("The rest of this paper discusses…"), invitations to reply
("Anonymous feedback is welcome…"), footnotes, and quotations of other authors set off by an
attribution line ("-- E. F. Schumacher, Small is Beautiful"). Worded like positions, they
would otherwise be suggested as the publisher's own (decision 0188).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# What a document says about itself or to its reader is not one of its points (decision 0188):
# how it is laid out ("The rest of this paper discusses…", "Each page footer contains…"), where
# to read on ("see Appendix 2"), how to reply or keep in touch ("feedback is welcome", a web or
# email address). A heading that names such a section ("How to use this document", "To provide
# feedback", "Contact us") covers every passage under it.
_READER_HEADING = re.compile(
    r"\bhow to (?:use|read|respond|comment)\b|^(?:to |how to )?(?:provide|give|send|giving|"
    r"providing|sending|your) (?:us )?(?:feedback|comments|views)\b|\bfeedback form\b|"
    r"\bcontact (?:us|details)\b|\bfind us\b|\bget in touch\b|\bkeep in touch\b|"
    r"\babout (?:this|the) (?:document|report|paper)\b|\backnowledge?ments?\b|"
    r"\bfurther information\b|\bcopyright\b|\bdisclaimer\b",
    re.I,
)
_DOCUMENT_NOUN = (
    r"(?:(?:the )?(?:rest|remainder) of (?:this|the) (?:document|paper|report)|"
    r"this (?:document|paper|report|section|chapter)|each (?:page|section|chapter)\b[^.]{0,20}|"
    r"the (?:subsequent|following|next|previous|above|below) (?:sections?|chapters?|pages?)|"
    r"(?:the |these )?appendi(?:x|ces))"
)
_ABOUT_THE_DOCUMENT: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"^\W*(?:\w+\W+){{0,3}}?{_DOCUMENT_NOUN}\s(?:\w+\s)?(?:is designed|is intended|"
        r"provides?|discuss\w*|describes?|contains?|conclud\w*|sets? out|outlines?|"
        r"summaris\w*|explains?|is structured|is organised|covers?|can be read|looks? at)\b",
        re.I,
    ),
    re.compile(
        r"\b(?:read|see) (?:the )?(?:next|following|previous|above|below) (?:section|chapter|"
        r"page)s?\b|\bsee (?:appendix|annex|section|chapter|page|p\.)\s*\w|"
        r"\b(?:the )?(?:below|above|following) (?:diagram|figure|table|chart|graph)s? "
        r"(?:shows?|outlines?|sets? out|summaris\w*|illustrat\w*)\b|"
        # "In the detailed appendices to this paper, we cite…": where the document puts what
        r"^\W*(?:below|above|in (?:this|the|these)(?: \w+)? (?:section|chapter|paper|report|"
        r"document|appendix|appendices|annex|annexes)(?: (?:to|of) this (?:paper|report|"
        r"document))?),? we (?:outline|set out|describe|discuss|summarise|explain|look at|cite|"
        r"highlight|list|present)\b|"
        r"^\W*for the purposes? of this (?:paper|report|document|section)\b|"
        r"\bwe (?:want|would like|['’]d like) to (?:know|hear) (?:if|whether|what|how|your|from)\b",
        re.I,
    ),
    re.compile(
        r"\b(?:feedback|comments?|response) (?:form|page)s?\b|\bfeedback is welcome\b|"
        r"\bwelcome (?:your |any |further )?(?:feedback|comments|input|thoughts)\b|"
        r"\b(?:email|e-mail|contact|write to|find) us\b|\bkeep track of our work\b|"
        r"\bvisit (?:our|this|the) (?:website|webpage|web page|site|link|page)\b|"
        # An address from the start of its run: "\b[\w.-]+@" starts again at every "." or "-"
        # and is quadratic on a long dotted or hyphenated run.
        r"https?://|\bwww\.|(?<![\w.-])[.-]*+\w[\w.-]*+@[\w-]+\.[a-z.]{2,}",
        re.I,
    ),
)


def is_reader_guidance(titles: Iterable[str]) -> bool:
    """True under a heading about reading, answering or contacting ("How to use this
    document", "To provide feedback", "Find us on the internet"): nothing there is an item."""
    return any(_READER_HEADING.search(title) for title in titles)


def about_the_document(sentence: str) -> bool:
    """True for a sentence about the document itself or to its reader rather than about its
    subject: how it is laid out, where to read on, how to give feedback or get in touch."""
    words = " ".join(sentence.split())  # a PDF's lines break anywhere
    return any(pattern.search(words) for pattern in _ABOUT_THE_DOCUMENT)


_LABEL_LINE = re.compile(r"^[A-Z][A-Za-z ]{1,25}:\s*\S[^.!?]*$")
_SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to with".split())


def is_title_or_label(text: str) -> bool:
    """True for a title-page line or a label rather than a statement: "Published: 2025-10-23",
    a name or title in capitals throughout ("The Children's Services Review Board"), or a line
    with hardly a word in it (the rest of a web address broken over two lines)."""
    stripped = " ".join(text.strip().strip("*").split())
    words = stripped.split()
    if len(re.findall(r"\b[A-Za-z]{2,}\b", stripped)) < 2:
        return True
    if not words or len(words) > 16 or stripped[-1] in ".!?;:,":
        return False
    if len(words) <= 6 and _LABEL_LINE.match(stripped):
        return True
    content = [w for w in words if w.lower() not in _SMALL_WORDS and w[:1].isalpha()]
    return len(content) >= 2 and all(w[0].isupper() for w in content)


# An attribution line closes a quotation: a dash, then a name ("-- John Gall, Systemantics…",
# "— E. F. Schumacher", "– Local Government Association, 2014"): capitalised words or initials
# up to a comma, a bracket or the line's end. "– Councils should…" (a dash bullet) is not one.
_ATTRIBUTION = re.compile(
    r"(?:--|—|―|–|~)\s*(?:[A-Z][\w'’.-]*\s+){0,5}[A-Z][\w'’.-]*\s*(?:[,(:]|$)"
)
# The document speaking for itself: a quotation of someone else does not say "we" for it.
_OWN_VOICE = re.compile(r"\b(?:we|our|ours|us|we['’](?:re|ll|ve|d))\b", re.I)
MAX_QUOTED_PARAGRAPHS = 6


def is_attribution(line: str) -> bool:
    """True for a line naming the author of the quotation above it ("-- John Gall, …")."""
    stripped = " ".join(line.split())
    return len(stripped.split()) <= 30 and _ATTRIBUTION.match(stripped) is not None


def own_voice(paragraph: str) -> bool:
    """True when a paragraph speaks as the document ("we", "our"), or introduces what follows
    (ends with a colon): either marks where a quotation above an attribution line begins."""
    return _OWN_VOICE.search(paragraph) is not None or paragraph.rstrip(" *").endswith(":")


HEADING_WORDS = 5


def is_heading_like(paragraph: str) -> bool:
    """True for a paragraph of a few words without a stop ("To provide feedback"): a heading
    the extractor did not mark as one, not a statement."""
    stripped = paragraph.strip().strip("*").rstrip().rstrip("\"'”’)").rstrip()
    return bool(stripped) and len(stripped.split()) <= HEADING_WORDS and stripped[-1] not in ".!?"
