"""The details an imported source is listed with (title, publisher, date, short title, id):
prefilled from the file's own metadata, dates written as a reader sees them, ids made unique."""

from __future__ import annotations

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


def prefilled(document: ExtractedDocument, given: ImportDetails) -> ImportDetails:
    """`given` with its empty fields filled from the file: PDF document info or Word core
    properties, else the first heading, else the file name. The id is left to `choose_id`."""
    metadata = document.metadata
    title = given.title.strip() or metadata.title.strip() or metadata.first_heading.strip()
    title = " ".join((title or _title_from_name(document.path)).split())
    publisher = given.publisher.strip() or metadata.publisher.strip() or metadata.author.strip()
    date = given.date.strip()
    if not date and metadata.date:
        try:
            date = reader_date(metadata.date)
        except BriefgenError:
            date = ""
    elif date:
        date = reader_date(date)
    short_title = " ".join(given.short_title.split()) or short_title_of(title)
    return replace(
        given,
        title=title,
        publisher=" ".join(publisher.split()),
        date=date,
        short_title=short_title,
    )


def _title_from_name(path: Path) -> str:
    words = re.sub(r"[_\-.]+", " ", path.stem).split()
    return " ".join(words).capitalize() if words else "Imported document"


def short_title_of(title: str) -> str:
    """A title short enough for a citation: the part before a colon or dash if that is long
    enough to mean something, else the first words up to about 60 characters."""
    head = re.split(r"\s*(?::|\s[–—-]\s)\s*", title, maxsplit=1)[0]
    if 12 <= len(head) <= MAX_SHORT_TITLE:
        return head
    if len(title) <= MAX_SHORT_TITLE:
        return title
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
