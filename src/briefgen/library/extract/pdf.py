"""PDF import through pypdfium2: the text of each page, its printed page label, headings and
paragraph numbers, with running headers and footers dropped (docs/decisions/0030)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefgen.counts import counted
from briefgen.library.extract.errors import ExtractError
from briefgen.library.extract.limits import MAX_PDF_BYTES
from briefgen.library.extract.model import (
    DocumentBuilder,
    ExtractedDocument,
    LabelSource,
    Metadata,
)
from briefgen.library.extract.pdf_footnotes import gather_footnotes, reading_order
from briefgen.library.extract.pdf_forms import check_forms
from briefgen.library.extract.pdf_headings import Bookmark, find_headings
from briefgen.library.extract.pdf_layout import (
    SAME_BASELINE,
    Line,
    PageLabel,
    attach_hanging_numbers,
    body_style,
    find_furniture,
    join_hyphenated,
    line_end_break,
    printed_labels,
    vocabulary,
)
from briefgen.library.extract.pdf_reader import read_pdf
from briefgen.library.extract.pdf_streams import check_streams
from briefgen.library.extract.progress import CancelCheck, Monitor, ProgressCallback
from briefgen.library.extract.sniff import check_size, looks_like, read_head
from briefgen.library.extract.structure import paragraph_number, split_heading_number
from briefgen.terminal import printable

OCR_ADVICE = (
    "run it through OCR software outside briefgen (for example `ocrmypdf`) and import the result"
)
# PDFium marks a hyphen it found at a line end (and joins the line) with one of these.
_LINE_END_HYPHEN = re.compile(r"([^\W\d_][\w'’-]*)[\ufffe\x02]([^\W\d_]+)")
_OPENS_WITH_STOP = re.compile(r"[.,;:!?)](?!\.)")
UNREADABLE_SHARE = 0.3  # a page with more unknown glyphs than this cannot be quoted


def extract_pdf(
    path: Path, progress: ProgressCallback | None = None, cancel: CancelCheck | None = None
) -> ExtractedDocument:
    """Read the PDF at `path` page by page; `progress` hears (pages done, pages in all)."""
    monitor = Monitor(path, progress, cancel)
    check_size(path, MAX_PDF_BYTES, "PDF")
    if looks_like(read_head(path)) != "pdf":
        raise ExtractError(path, "is not a PDF (it does not start as one); check the file")
    if check_streams(path, monitor):
        check_forms(path, monitor)
    pages, pdf_labels, info, outline, attached = read_pdf(path, monitor)
    return _assemble(path, pages, pdf_labels, info, outline, attached)


def _assemble(
    path: Path,
    pages: list[list[Line]],
    pdf_labels: list[str],
    info: dict[str, str],
    outline: Sequence[Bookmark] = (),
    attached: Sequence[str] = (),
) -> ExtractedDocument:
    """The document from every page's lines: furniture dropped, labels chosen, broken words
    joined, headings and paragraph numbers marked."""
    count = len(pages)
    empty = [p for p, lines in enumerate(pages) if not lines]
    if len(empty) == count:
        raise ExtractError(
            path, f"has no text to quote: none of its {count} pages has any (it is probably "
            f"scanned, and briefgen does not read text in images); {OCR_ADVICE}"
        )  # fmt: skip
    garbled = [p for p, lines in enumerate(pages) if lines and _unreadable(lines)]
    if len(garbled) + len(empty) == count:
        raise ExtractError(
            path, "has text that cannot be read (its fonts do not say which letters they "
            f"draw); {OCR_ADVICE}"
        )  # fmt: skip
    # A line of nothing but control codes (glyphs with no letter) has nothing to quote.
    pages = [[line for line in lines if line.text.strip()] for lines in pages]
    furniture = find_furniture(pages)
    printed, number_lines = printed_labels(pages, furniture)
    body = [
        attach_hanging_numbers(
            [line for i, line in enumerate(lines) if i not in furniture[p] | number_lines[p]]
        )
        for p, lines in enumerate(pages)
    ]
    body_size, _ = body_style(body)
    body = [gather_footnotes(lines, body_size) for lines in body]
    words = vocabulary([line.text for lines in body for line in lines])
    headings = find_headings(body, outline)
    builder = DocumentBuilder(path, "pdf")
    labels = [_label(index, pdf_labels[index], printed[index]) for index in range(count)]
    flat = reading_order(body, list(headings))
    previous: str | None = None
    written: Line | None = None  # the line written last
    heading: _OpenHeading | None = None
    consumed: set[int] = set()  # lines already read as the end of a word broken before them
    position = -1
    next_page = 0
    while position + 1 < len(flat):
        position += 1
        if position in consumed:
            continue
        page, index, line = flat[position]
        # PDFium breaks a line after a raised footnote reference: what follows on the same
        # baseline ("services4" / ". This …", "plans.2" / " It goes") continues the line.
        opens_with_stop = _OPENS_WITH_STOP.match(line.text.lstrip()) is not None
        joined = (
            previous is not None
            and written is not None
            and not written.footnote
            and (opens_with_stop or _beside_reference(written, line))
        )
        if not builder.ends_with_newline() and not joined:
            builder.append("\n")
        elif joined and not opens_with_stop:
            builder.append(" ")
        while next_page <= page:
            builder.start_page(next_page, labels[next_page].label, labels[next_page].source)
            next_page += 1
        text = _whole_words(flat, position, words, consumed)
        start, end = builder.append(text)
        group, level = headings.get((page, index), (-1, 0))
        if level and heading and heading.group == group and heading.end == start - 1:
            heading.end, heading.title = end, f"{heading.title} {text}"
        elif level:
            _close_heading(builder, heading)
            heading = _OpenHeading(start, end, level, text, group)
        else:
            _close_heading(builder, heading)
            heading = None
            number = paragraph_number(text, previous)
            if number is not None:
                builder.numbered_paragraph(start, number)
        if not line.footnote:
            previous = None if level else text
        written = line
    _close_heading(builder, heading)
    while next_page < count:
        builder.start_page(next_page, labels[next_page].label, labels[next_page].source)
        next_page += 1
    _warn(builder, path, labels, empty, garbled)
    if attached:
        names = ", ".join(printable(name) for name in attached[:5])
        more = f" and {len(attached) - 5} more" if len(attached) > 5 else ""
        builder.notices.append(
            f"{path}: has {counted(len(attached), 'file')} attached ({names}{more}), which "
            f"briefgen never opens, so {'its' if len(attached) == 1 else 'their'} text is not "
            "imported; to quote one, save it from a PDF reader and import it on its own"
        )
    document = builder.build(_metadata(info))
    if not document.text.strip():  # every line was a page number or running header
        raise ExtractError(
            path, "has no text to quote: all its pages hold is page numbers and running "
            "headers or footers; check it is the document you meant"
        )  # fmt: skip
    return document


def _whole_words(
    flat: list[tuple[int, int, Line]], position: int, words: set[str], consumed: set[int]
) -> str:
    """The text of line `position` with a word broken at its end completed from the next body
    line (on the next page, past the footnotes), which joins `consumed`; and PDFium's
    joined-hyphen marks resolved."""
    text = flat[position][2].text
    following_at = position + 1
    while not flat[position][2].footnote:
        while following_at < len(flat) and flat[following_at][2].footnote:
            following_at += 1
        if following_at >= len(flat):
            break
        following = flat[following_at][2].text
        broken = line_end_break(text, following)
        if broken is None:
            break
        left, right, soft = broken
        text = text.rstrip()[: -1 - len(left)] + join_hyphenated(left, right, soft, words)
        text += following.lstrip()[len(right) :]
        consumed.add(following_at)
        following_at += 1
    if "\ufffe" in text or "\x02" in text:
        text = _LINE_END_HYPHEN.sub(
            lambda m: join_hyphenated(m.group(1), m.group(2), False, words), text
        )
        text = text.replace("\ufffe", "-").replace("\x02", "-")
    return text.strip()


def _beside_reference(before: Line, line: Line) -> bool:
    """Whether `line` goes on along the baseline of `before`, which ends in a footnote
    reference (PDFium starts a new line after the raised digits)."""
    return (
        before.text.rstrip().endswith("</sup>")
        and line.x > before.x
        and abs(line.y - before.y) <= SAME_BASELINE * max(line.size, before.size)
    )


def _warn(
    builder: DocumentBuilder,
    path: Path,
    labels: list[PageLabel],
    empty: list[int],
    garbled: list[int],
) -> None:
    """Name the pages whose text could not be taken (scanned, or fonts without letters)."""
    count = len(labels)
    if empty:
        builder.warnings.append(
            f"{path}: no text on {len(empty)} of {count} pages ({_page_list(empty, labels)}); "
            f"they may be scanned images, and quotes from them cannot be verified; to include "
            f"them, {OCR_ADVICE}"
        )
    if garbled:
        builder.warnings.append(
            f"{path}: the text of {len(garbled)} of {count} pages ({_page_list(garbled, labels)}) "
            "cannot be read (its fonts do not say which letters they draw), and quotes from "
            f"them will not verify; to include them, {OCR_ADVICE}"
        )


def _unreadable(lines: list[Line]) -> bool:
    """Whether most of a page's characters are glyphs PDFium could not map to text: U+FFFD,
    or control codes (left out of the text)."""
    characters = sum(len(line.text) + line.unmapped for line in lines)
    unknown = sum(line.text.count("\ufffd") + line.unmapped for line in lines)
    return unknown > UNREADABLE_SHARE * characters


@dataclass(slots=True)
class _OpenHeading:
    """A heading being read, which may run on over the next line."""

    start: int
    end: int
    level: int
    title: str
    group: int


def _close_heading(builder: DocumentBuilder, heading: _OpenHeading | None) -> None:
    if heading is not None:
        number, rest = split_heading_number(heading.title)
        builder.heading(heading.start, heading.end, rest, heading.level, number)


def _label(index: int, pdf_label: str, printed: PageLabel | None) -> PageLabel:
    if pdf_label:
        return PageLabel(pdf_label, LabelSource.PDF_LABEL)
    if printed is not None:
        return printed
    return PageLabel(str(index + 1), LabelSource.PDF_PAGE)


def _page_list(indices: list[int], labels: list[PageLabel]) -> str:
    """ "PDF pages 3, 7 and 9" with the printed labels where they differ, cut after ten."""
    shown = [
        str(i + 1) if labels[i].label == str(i + 1) else f"{i + 1} (printed {labels[i].label})"
        for i in indices[:10]
    ]
    more = f" and {len(indices) - 10} more" if len(indices) > 10 else ""
    if len(shown) == 1:
        return f"PDF page {shown[0]}"
    joined = ", ".join(shown[:-1]) + (f", {shown[-1]}" if more else f" and {shown[-1]}")
    return f"PDF pages {joined}{more}"


def _metadata(info: dict[str, str]) -> Metadata:
    title = " ".join(info.get("Title", "").split())
    title = re.sub(r"(?i)^microsoft (word|powerpoint) - |\.(docx?|pdf|odt)$", "", title)
    date = re.match(r"D:(\d{4})(\d{2})?(\d{2})?", info.get("CreationDate", ""))
    return Metadata(
        title=title,
        author=" ".join(info.get("Author", "").split()),
        date="-".join(part for part in date.groups() if part) if date else "",
    )
