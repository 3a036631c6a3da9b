"""Which lines of a source's text are headings, and at what level: read from the text itself
(`#` marks, lines in bold or in capitals, numbered headings, short title-like lines) for a plain
conversion, or matched to the headings an extractor reports. Apart from `structure` so the
heading rules read on their own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefgen.library.suggest.structure import HeadingLike


_HASHES = re.compile(r"[ \t]*(#{1,6})[ \t]+")
_FOOTNOTE = re.compile(r"https?:|www\.|:\s|\bIbid\b|\b(?:19|20)\d\d\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NUMBERED_LINE = re.compile(r"[ \t]*(?:[-*•][ \t]+)?(\d{1,2}(?:\.\d{1,2}){0,3})\.?[ \t]")
_NUMBER_PREFIX = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+")
# What ends a sentence, or a line of text that is no heading.
END_PUNCT = '.!?;:"”’)…'
_LEAD_IN_WORD = re.compile(r"\b(?:by|are|include|includes|following|to)\Z", re.I)


def ends_lead_in(text: str) -> bool:
    """Whether `text` ends as a paragraph introducing a list does ("…as follows:", "…include",
    "…below..."), whatever marks and spaces come after. Read back from the end, not searched
    for: a regular expression took minutes over a long run of dots (a form's fill-in lines)."""
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] == "_"):  # `\W`, from the end
        end -= 1
    marks = text[end:]
    return (
        ":" in marks
        or "…" in marks
        or "..." in marks
        or _LEAD_IN_WORD.search(text, 0, end) is not None
    )


def heading_title(line: str) -> str:
    """A heading's visible words: marks, numbers and bullets taken away."""
    line = _HASHES.sub("", line, count=1).replace("**", "").replace("\\", "")
    return " ".join(line.split()).strip(" -–:.")


def heading_level(line: str, next_blank: bool, section: bool = False) -> int:
    """The level of `line` as a heading, or 0 if it is text; `section` when the paragraph after
    it is numbered beneath its number ("2. …" before "2.1. …")."""
    stripped = line.strip()
    hashes = _HASHES.match(line)
    words = _WORD.findall(stripped)
    if not words:
        return 0
    if hashes:
        # A footnote number promoted to a heading ("# 17. For example: ...") is not a heading.
        body = stripped[hashes.end() - (len(line) - len(line.lstrip())) :]
        if re.match(r"\d+\.\s", body) and _FOOTNOTE.search(body):
            return 0
        number = re.match(r"(\d{1,2}(?:\.\d{1,2})*)\.?\s", body)
        if number:  # "### 3. DRIVERS" is a sibling of "## 2. BACKGROUND", whatever its marks
            return 1 + number.group(1).count(".")
        return min(len(hashes.group(1)), 4)
    if stripped.startswith("➤"):
        return 0
    letters = [c for c in stripped if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    if len(words) <= 12 and letters and upper / len(letters) > 0.9 and len(letters) > 3:
        return 1
    if stripped.startswith("**") and stripped.endswith("**") and len(words) <= 14:
        return 2
    numbered = re.match(r"\d{1,2}(\.\d{1,2})*\.?\s+(?=[A-Z])", stripped)
    if numbered and section and stripped[-1] not in ".!?:;" and not ends_lead_in(stripped):
        # "2. Councils should have maximum flexibility…" over "2.1. …", "2.2. …" is the title
        # of section 2, however long
        return 1 + numbered.group().strip(". ").count(".")
    if stripped[-1] in END_PUNCT or len(words) > 10 or not next_blank:
        return 0
    if numbered and _FOOTNOTE.search(stripped):
        return 0
    if numbered:
        return 1 + stripped[: numbered.end()].strip(". ").count(".")
    if stripped[0].isupper() and not stripped.startswith(("- ", "* ")):
        return 3
    return 0


def section_lines(lines: Sequence[str]) -> frozenset[int]:
    """The lines that number a section whose first paragraph follows them numbered beneath it:
    "2. Councils should…" where the next line with text starts "2.1."."""
    found: set[int] = set()
    following = ""
    for number in range(len(lines) - 1, -1, -1):
        line = lines[number]
        if not line.strip():
            continue
        own = _NUMBERED_LINE.match(line)
        if own and following.startswith(own.group(1) + "."):
            found.add(number)
        following = own.group(1) if own else ""
    return frozenset(found)


def extractor_heading_lines(
    lines: Sequence[str], starts: Sequence[int], headings: Sequence[HeadingLike]
) -> set[int]:
    """The numbers of the lines that are an extractor's headings (a heading may run over two
    lines; its number, "3.", may be left out of its title)."""
    found: set[int] = set()
    for heading in headings:
        title = " ".join(heading.title.split())
        number = bisect_right(starts, heading.start) - 1
        while 0 <= number < len(lines) and starts[number] <= heading.start + len(title):
            words = " ".join(_NUMBER_PREFIX.sub("", lines[number]).split())
            if not words or words not in title:
                break
            found.add(number)
            number += 1
    return found
