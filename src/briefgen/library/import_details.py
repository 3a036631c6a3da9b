"""The details an imported source is listed with (title, publisher, date, short title, id):
prefilled from the file's own metadata, dates written as a reader sees them, ids made unique."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path

from briefgen.errors import BriefgenError
from briefgen.library.extract import ExtractedDocument
from briefgen.library.writer import ID_PATTERN

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(MONTHS, 1)}
_MONTH_NUMBERS |= {name[:3].lower(): number for number, name in enumerate(MONTHS, 1)}
_MONTH_NUMBERS["sept"] = 9
MAX_ID_CHARACTERS = 40
MAX_SHORT_TITLE = 60


@dataclass(frozen=True, slots=True)
class ImportDetails:
    """How a source is listed; '' means "work it out from the file"."""

    title: str = ""
    publisher: str = ""
    date: str = ""
    short_title: str = ""
    source_id: str = ""


def reader_date(value: str) -> str:
    """A date as the document gives it ("2008", "September 2008", "2008-09", "2008-09-30",
    "30 September 2008") written as a reader sees it: "2008", "September 2008", "30 September
    2008". Anything else is refused with the forms accepted."""
    text = " ".join(value.replace(",", " ").split())
    try:
        if re.fullmatch(r"\d{4}", text):
            return text
        match = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", text)
        if match:
            year, month, day = (int(part) if part else 0 for part in match.groups())
            return _written(year, month, day)
        match = re.fullmatch(r"(?:(\d{1,2})(?:st|nd|rd|th)? )?([A-Za-z]+)\.? (\d{4})", text)
        if match and match.group(2).lower() in _MONTH_NUMBERS:
            day = int(match.group(1) or 0)
            return _written(int(match.group(3)), _MONTH_NUMBERS[match.group(2).lower()], day)
    except ValueError:
        pass
    raise BriefgenError(
        f"the date '{value}' is not one briefgen understands; give it as the document does: "
        "2008, September 2008, 2008-09 or 2008-09-30"
    )


def _written(year: int, month: int, day: int) -> str:
    """Year, month and day (0 when not given) as words; impossible dates raise ValueError."""
    Date(year, month, day or 1)  # checks the month and day exist
    month_name = MONTHS[month - 1]
    return f"{day} {month_name} {year}" if day else f"{month_name} {year}"


# Where a report prints its date: on its cover or first page, often labelled ("Published:
# 2025-10-23", "Date of publication: October 2025"), else on a line of its own ("October 2025").
_DATE_LABEL = re.compile(
    r"(?im)^[ \t]*(?:first[ \t]+)?(?:published(?:[ \t]+on)?|date[ \t]+of[ \t]+publication|"
    r"publication[ \t]+date|date[ \t]+published|issued|date)[ \t]*[:\-–—]?[ \t]*"
    r"(?P<date>[^\n]{4,40}?)[ \t]*\.?[ \t]*$"
)
_DATE_LINE = re.compile(r"(?m)^[ \t]*(?P<date>[^\n]{6,30}?)[ \t]*$")
_UK_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
FIRST_PAGE_CHARACTERS = 2000  # where to look in a document without pages (Word, text)


def _as_reader_date(value: str) -> str:
    """`value` as `reader_date` writes it (a UK 23/10/2025 read day first), or '' if none."""
    numeric = _UK_NUMERIC.fullmatch(value.strip())
    if numeric:
        value = f"{numeric.group(3)}-{numeric.group(2)}-{numeric.group(1)}"
    try:
        return reader_date(value)
    except BriefgenError:
        return ""


def printed_date(document: ExtractedDocument) -> tuple[str, str]:
    """The publication date printed on the document's first page, as a reader sees it, and the
    line it was read from; ('', '') if none. A labelled date wins over a line that is only a
    date; a bare year is too often something else (a title's "2025 to 2030") to count."""
    end = document.pages[1].start if len(document.pages) > 1 else FIRST_PAGE_CHARACTERS
    first_page = document.text[:end]
    for match in _DATE_LABEL.finditer(first_page):
        date = _as_reader_date(match.group("date"))
        if date:
            return date, " ".join(match.group().split())
    for match in _DATE_LINE.finditer(first_page):
        value = match.group("date")
        date = "" if re.fullmatch(r"\d{4}", value.strip()) else _as_reader_date(value)
        if date:
            return date, " ".join(value.split())
    return "", ""


# A publisher's line under a cover's title: "Published by …", or a short line naming a body.
_PUBLISHED_BY = re.compile(
    r"^(?:published|prepared|produced|issued)\s+by\s+(?P<name>[^\n]{2,80}?)\.?$", re.I
)
_BODY_WORD = re.compile(
    r"\b(?:Consortium|Council|Association|Network|Trust|Partnership|Society|Institute|"
    r"Foundation|Commission|Alliance|Agency|Board|Department|Ministry|Authority|Federation|"
    r"Forum|Collaborative|Commissioner|Inspectorate|Office for [A-Z]\w+)\b"
)
COVER_LINES = 8  # a publisher's line comes in the first few lines of the first page


def printed_publisher(document: ExtractedDocument) -> tuple[str, str]:
    """The publisher printed near the top of the first page, and its line; ('', '') if none.
    Taken: a "Published by …" line, or a short line (up to eight words, no full stop, not part
    of the title) naming a body ("The D2I Consortium", "Anytown Borough Council"), without a
    leading "The" as citations give it."""
    end = document.pages[1].start if len(document.pages) > 1 else FIRST_PAGE_CHARACTERS
    title = " ".join(document.metadata.first_heading.split())
    lines = [" ".join(line.split()) for line in document.text[:end].splitlines()]
    for line in [line for line in lines if line][:COVER_LINES]:
        labelled = _PUBLISHED_BY.match(line)
        if labelled:
            return _without_the(labelled.group("name")), line
        if line in title or len(line.split()) > 8 or line.endswith((".", ":", "?")):
            continue
        if _BODY_WORD.search(line) and line[:1].isupper():
            return _without_the(line), line
    return "", ""


def _without_the(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip(), flags=re.I)


def detail_origins(document: ExtractedDocument, given: ImportDetails) -> dict[str, str]:
    """Where `prefilled` takes each detail not in `given` from, in words for the officer
    ("the first heading", "page 1 ('Published: 2025-10-23')"); details it cannot fill are
    left out."""
    metadata = document.metadata
    origins: dict[str, str] = {}
    if not given.title.strip():
        origins["title"] = (
            "the file's properties"
            if metadata.title.strip()
            else "the first heading"
            if metadata.first_heading.strip()
            else "the file's name"
        )
    if not given.publisher.strip():
        if metadata.publisher.strip():
            origins["publisher"] = "the file's properties"
        elif metadata.author.strip():
            origins["publisher"] = "the file's author"
        elif line := printed_publisher(document)[1]:
            first = "page 1" if document.pages else "the start of the document"
            origins["publisher"] = f"{first} ('{line}')"
    if not given.date.strip():
        date, line = printed_date(document)
        first = "page 1" if document.pages else "the start of the document"
        if date:
            origins["date"] = f"{first} ('{line}')"
        elif metadata.date and _as_reader_date(metadata.date):
            origins["date"] = (
                "the file's properties (when the file was made, which may not be when the "
                "document was published)"
            )
    return origins


def prefilled(document: ExtractedDocument, given: ImportDetails) -> ImportDetails:
    """`given` with its empty fields filled from the file: PDF document info or Word core
    properties, else the first heading, else the file name; the date printed on the first
    page before the file's own (which is when the file was made, not published). The id is
    left to `choose_id`."""
    metadata = document.metadata
    title = _plain(given.title) or _plain(metadata.title) or _plain(metadata.first_heading)
    title = title or _title_from_name(document.path)
    publisher = (
        _plain(given.publisher)
        or _plain(metadata.publisher)
        or _plain(metadata.author)
        or printed_publisher(document)[0]
    )
    date = given.date.strip()
    if date:
        date = reader_date(date)
    else:
        date = printed_date(document)[0] or _as_reader_date(metadata.date)
    short_title = _plain(given.short_title) or short_title_of(title)
    return replace(
        given,
        title=title,
        publisher=_plain(publisher),
        date=date,
        short_title=short_title,
    )


def _plain(text: str) -> str:
    """`text` on one line, without control or format characters (a file's own title may hold
    NUL, escape sequences or a right-to-left override) or unpaired surrogates (which cannot
    be written as UTF-8)."""
    kept = (
        " "
        if unicodedata.category(c) == "Cc"
        else ""
        if unicodedata.category(c) in ("Cf", "Cs")
        else c
        for c in text
    )
    return " ".join("".join(kept).split())


def _title_from_name(path: Path) -> str:
    """A title made from the file's name; a name not in UTF-8 (old Windows files copied to
    Linux) is read as Windows-1252."""
    stem = os.fsencode(path.stem)
    try:
        name = stem.decode("utf-8")
    except UnicodeDecodeError:
        name = stem.decode("cp1252", errors="replace")
    words = re.sub(r"[_\-.]+", " ", _plain(name)).split()
    return " ".join(words).capitalize() if words else "Imported document"


# A long title is cut before one of these, so what is left reads as a whole phrase
# ("Imagining a Centre of Excellence" from "… for Children's Services Data and Digital …").
_PHRASE_BREAK = re.compile(r"\s(?=(?:for|in|on|of|to|with|from|about|by|at|across)\s)", re.I)
MIN_SHORT_TITLE = 20


def short_title_of(title: str) -> str:
    """A title short enough for a citation: the part before a colon or dash if that is long
    enough to mean something, else its words up to about 60 characters, cut before a word
    such as "for" or "in" where it can be (a citation should not end in "…")."""
    head = re.split(r"\s*(?::|\s[–—-]\s)\s*", title, maxsplit=1)[0]
    if 12 <= len(head) <= MAX_SHORT_TITLE:
        return head
    if len(title) <= MAX_SHORT_TITLE:
        return title
    breaks = [
        m.start()
        for m in _PHRASE_BREAK.finditer(title)
        if MIN_SHORT_TITLE <= m.start() <= MAX_SHORT_TITLE
    ]
    if breaks:
        return title[: breaks[-1]].rstrip(" ,;:–—-")
    cut = title[:MAX_SHORT_TITLE].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return cut + "…"


def slug(text: str, limit: int = MAX_ID_CHARACTERS) -> str:
    """`text` as an id: lower-case ASCII words joined by hyphens, at most `limit` characters,
    cut at a word (a single over-long word is cut)."""
    text = re.sub(r"['’]", "", text)  # "Children's" is one word
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit and out:
            break
        out = candidate[:limit]
    return out or "document"


def choose_id(details: ImportDetails, taken: Collection[str]) -> str:
    """The source id: `details.source_id` if given (refused if taken or badly formed), else one
    made from the short title and year, numbered if another source has it already."""
    given = details.source_id.strip()
    if given:
        if not ID_PATTERN.match(given):
            raise BriefgenError(
                f"--id '{given}' is not a valid id: use lower-case letters, digits and hyphens, "
                "starting with a letter or digit (for example 'housing-strategy-2024')"
            )
        if given in taken:
            raise BriefgenError(
                f"--id '{given}' is already the id of a source; choose another (or leave "
                "--id out and briefgen will choose one)"
            )
        return given
    year = re.search(r"\d{4}", details.date)
    base = slug(details.short_title or details.title)
    if year and not base.endswith(year.group()):
        # Room for "-2025", still cut at a word: "imagining-a-centre-of-excellence-2025".
        base = f"{slug(details.short_title or details.title, MAX_ID_CHARACTERS - 5)}-{year.group()}"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
