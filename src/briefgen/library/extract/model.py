"""What every extractor produces: the text quotes are verified against, and where things are in it.

Offsets are indices into `ExtractedDocument.text`. A page, heading or numbered paragraph starts at
an offset and runs to the next one's start (or its own `end`), so finding "where is offset 4,210"
is a binary search. Locators are derived from those maps: "p. 12, para 4.3" or "p. 12, 'Funding'".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from briefgen.library.extract.errors import ExtractError
from briefgen.library.extract.limits import MAX_LOCATOR_HEADING_CHARS, MAX_TEXT_CHARS


class LabelSource(StrEnum):
    """Where a page's label came from, weakest last: a locator is only as good as its label."""

    PDF_LABEL = "pdf-label"  # the PDF's own /PageLabels
    PRINTED = "printed"  # a number printed in the page's header or footer
    INFERRED = "inferred"  # not printed here, but the pages either side are numbered in sequence
    PDF_PAGE = "pdf-page"  # nothing printed: the page's position in the file, counting from 1


@dataclass(frozen=True, slots=True)
class Page:
    """Page `index` (0-based in the file) holds `text[start:end]` and is printed as `label`."""

    start: int
    end: int
    index: int
    label: str
    label_source: LabelSource


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading at `text[start:end]`; `number` is its visible number ("4", "4.3") or ''."""

    start: int
    end: int
    title: str
    level: int
    number: str = ""


@dataclass(frozen=True, slots=True)
class NumberedParagraph:
    """A paragraph numbered on the page ("4.3"), running from `start` to `end`."""

    start: int
    end: int
    number: str


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the file says about itself, for prefilling the import form; '' where unknown."""

    title: str = ""
    author: str = ""
    publisher: str = ""
    date: str = ""
    first_heading: str = ""


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    """A document's text and maps from offsets to pages, headings and paragraph numbers.

    `warnings` need the user's attention (pages without text); `notices` tell them what was done
    (the encoding a text file was read in, external links that were ignored).
    """

    path: Path
    kind: str  # "pdf", "docx", "markdown", "text"
    text: str
    pages: tuple[Page, ...] = ()
    headings: tuple[Heading, ...] = ()
    paragraphs: tuple[NumberedParagraph, ...] = ()
    metadata: Metadata = field(default_factory=Metadata)
    warnings: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()

    def page_at(self, offset: int) -> Page | None:
        """The page holding `offset`, or None for a document without pages (Word, text)."""
        i = bisect_right(self.pages, offset, key=_start) - 1
        return self.pages[i] if i >= 0 else None

    def heading_at(self, offset: int) -> Heading | None:
        """The last heading that starts at or before `offset` (the section it is in)."""
        i = bisect_right(self.headings, offset, key=_start) - 1
        return self.headings[i] if i >= 0 else None

    def paragraph_at(self, offset: int) -> NumberedParagraph | None:
        """The numbered paragraph holding `offset`, if it is in one."""
        i = bisect_right(self.paragraphs, offset, key=_start) - 1
        if i >= 0 and offset < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def locator(self, start: int, end: int) -> str:
        """Where `text[start:end]` sits, as a reader finds it: "p. 12, para 4.3", "p. 12,
        'Funding'", "pp. 12–13, para 4.3"; Word and text files have no pages, so "para 4.3" or
        "section 4, 'Funding'". '' when nothing is known (a text file without headings)."""
        parts: list[str] = []
        first, last = self.page_at(start), self.page_at(max(start, end - 1))
        if first is not None and last is not None:
            if first.index == last.index:
                parts.append(f"p. {first.label}")
            else:
                parts.append(f"pp. {first.label}–{last.label}")
        paragraph = self.paragraph_at(start)
        if paragraph is not None:
            parts.append(f"para {paragraph.number}")
        else:
            heading = self.heading_at(start)
            if heading is not None:
                parts.append(_heading_locator(heading))
        return ", ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        """The maps as plain data (for the library's JSON file beside the text); not the text."""
        return {
            "kind": self.kind,
            "pages": [[p.start, p.end, p.index, p.label, p.label_source.value] for p in self.pages],
            "headings": [[h.start, h.end, h.title, h.level, h.number] for h in self.headings],
            "paragraphs": [[p.start, p.end, p.number] for p in self.paragraphs],
            "metadata": {
                "title": self.metadata.title,
                "author": self.metadata.author,
                "publisher": self.metadata.publisher,
                "date": self.metadata.date,
                "first_heading": self.metadata.first_heading,
            },
            "warnings": list(self.warnings),
            "notices": list(self.notices),
        }

    @classmethod
    def from_dict(cls, path: Path, text: str, data: dict[str, Any]) -> ExtractedDocument:
        """Rebuild a document from `text` and the maps `as_dict` wrote."""
        return cls(
            path=path,
            kind=str(data["kind"]),
            text=text,
            pages=tuple(
                Page(int(s), int(e), int(i), str(label), LabelSource(src))
                for s, e, i, label, src in data["pages"]
            ),
            headings=tuple(
                Heading(int(s), int(e), str(t), int(lv), str(n))
                for s, e, t, lv, n in data["headings"]
            ),
            paragraphs=tuple(
                NumberedParagraph(int(s), int(e), str(n)) for s, e, n in data["paragraphs"]
            ),
            metadata=Metadata(**{key: str(value) for key, value in data["metadata"].items()}),
            warnings=tuple(str(w) for w in data["warnings"]),
            notices=tuple(str(n) for n in data["notices"]),
        )


_FOOTNOTE_MARK = re.compile(r"<sup>[^<]*</sup>")


def _start(span: Page | Heading | NumberedParagraph) -> int:
    return span.start


def _heading_locator(heading: Heading) -> str:
    title = heading.title
    if len(title) > MAX_LOCATOR_HEADING_CHARS:
        # Cut at a word boundary, so the locator never ends in half a word.
        title = title[:MAX_LOCATOR_HEADING_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    if heading.number and " " in heading.number:  # Word's "Chapter 3", "Part B": as printed
        return f"{heading.number}, '{title}'"
    if heading.number:
        return f"section {heading.number}, '{title}'"
    return f"'{title}'"


class DocumentBuilder:
    """Collects text and marks while an extractor walks a file; `build` closes the spans."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        self.kind = kind
        self._parts: list[str] = []
        self.length = 0
        self._pages: list[tuple[int, int, str, LabelSource]] = []
        self._headings: list[tuple[int, int, str, int, str]] = []
        self._paragraphs: list[tuple[int, str]] = []
        self.warnings: list[str] = []
        self.notices: list[str] = []

    def append(self, text: str) -> tuple[int, int]:
        """Add `text` to the document; return where it sits."""
        start = self.length
        self._parts.append(text)
        self.length += len(text)
        if self.length > MAX_TEXT_CHARS:
            raise ExtractError(
                self.path,
                f"has more than {MAX_TEXT_CHARS:,} characters of text; briefgen imports reports, "
                "not data files: split it or import the part you need",
            )
        return start, self.length

    def ends_with_newline(self) -> bool:
        """Whether the text so far is empty or ends a line (so the next block starts one)."""
        return not self._parts or self._parts[-1].endswith("\n")

    def start_page(self, index: int, label: str, source: LabelSource) -> None:
        """Page `index` begins at the current end of the text."""
        self._pages.append((self.length, index, label, source))

    def heading(self, start: int, end: int, title: str, level: int, number: str = "") -> None:
        """Mark `text[start:end]` as a heading (its title without footnote markers)."""
        title = " ".join(_FOOTNOTE_MARK.sub("", title).split())
        self._headings.append((start, end, title, level, number))

    def numbered_paragraph(self, start: int, number: str) -> None:
        """Mark a paragraph numbered `number` starting at `start`."""
        self._paragraphs.append((start, number))

    def build(self, metadata: Metadata) -> ExtractedDocument:
        """The finished document: each page ends where the next begins, each numbered paragraph
        at the next numbered paragraph or heading."""
        text = "".join(self._parts)
        ends = [page[0] for page in self._pages[1:]] + [len(text)]
        pages = tuple(
            Page(start, end, index, label, source)
            for (start, index, label, source), end in zip(self._pages, ends, strict=False)
        )
        headings = tuple(Heading(*h) for h in sorted(self._headings))
        boundaries = sorted({h.start for h in headings} | {p[0] for p in self._paragraphs})
        paragraphs = []
        for start, number in sorted(self._paragraphs):
            i = bisect_right(boundaries, start)
            end = boundaries[i] if i < len(boundaries) else len(text)
            paragraphs.append(NumberedParagraph(start, end, number))
        if not metadata.first_heading and headings:
            metadata = replace(metadata, first_heading=headings[0].title)
        return ExtractedDocument(
            path=self.path,
            kind=self.kind,
            text=text,
            pages=pages,
            headings=headings,
            paragraphs=tuple(paragraphs),
            metadata=metadata,
            warnings=tuple(self.warnings),
            notices=tuple(self.notices),
        )
