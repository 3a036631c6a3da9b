"""PDF import through pypdfium2: the text of each page, its printed page label, headings and
paragraph numbers, with running headers and footers dropped (docs/decisions/0030)."""

from __future__ import annotations

import ctypes
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c

from briefgen.library.extract.errors import ExtractError
from briefgen.library.extract.limits import MAX_PDF_BYTES, MAX_PDF_PAGES
from briefgen.library.extract.model import (
    DocumentBuilder,
    ExtractedDocument,
    LabelSource,
    Metadata,
)
from briefgen.library.extract.pdf_headings import Bookmark, find_headings
from briefgen.library.extract.pdf_layout import (
    Line,
    PageLabel,
    attach_hanging_numbers,
    find_furniture,
    join_hyphenated,
    line_end_break,
    printed_labels,
    vocabulary,
)
from briefgen.library.extract.progress import CancelCheck, Monitor, ProgressCallback
from briefgen.library.extract.sniff import check_size, looks_like, read_head
from briefgen.library.extract.structure import paragraph_number, split_heading_number

# PDFium may not be called from two threads at once, even for different documents (pypdfium2's
# documentation); imports run in worker threads, so PDF reading is serialised here. The ctypes
# buffers below are used only under this lock.
_PDFIUM = threading.Lock()
OCR_ADVICE = "run it through OCR, for example `ocrmypdf`, and import the result"
# PDFium marks a hyphen it found at a line end (and joins the line) with one of these.
_LINE_END_HYPHEN = re.compile(r"([^\W\d_][\w'’-]*)[\ufffe\x02]([^\W\d_]+)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
     "\ufb05": "st", "\ufb06": "st"}
)  # fmt: skip
# Digits glued to the end of a word or sentence: a footnote reference if set smaller.
_GLUED_DIGITS = re.compile(r"(?<=[^\W\d_]|[.,;:)’”])\d{1,3}(?=[\s.,;:)]|$)")
_LINE = re.compile(r"[^\r\n]+")
_OPENS_WITH_STOP = re.compile(r"[.,;:!?)](?!\.)")
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
UNREADABLE_SHARE = 0.3  # a page with more unknown glyphs than this cannot be quoted
SUPERSCRIPT_RATIO = 0.85  # a superscript is set smaller than the text it follows …
SUPERSCRIPT_RISE = 0.15  # … or raised above its baseline by this share of the type size


def extract_pdf(
    path: Path, progress: ProgressCallback | None = None, cancel: CancelCheck | None = None
) -> ExtractedDocument:
    """Read the PDF at `path` page by page; `progress` hears (pages done, pages in all)."""
    monitor = Monitor(path, progress, cancel)
    check_size(path, MAX_PDF_BYTES, "PDF")
    if looks_like(read_head(path)) != "pdf":
        raise ExtractError(path, "is not a PDF (it does not start as one); check the file")
    with _PDFIUM:
        pages, pdf_labels, info, outline = _read(path, monitor)
    return _assemble(path, pages, pdf_labels, info, outline)


def _read(
    path: Path, monitor: Monitor
) -> tuple[list[list[Line]], list[str], dict[str, str], list[Bookmark]]:
    """Every page's lines, the PDF's own page labels ('' where none), its document info and
    its outline."""
    pdf = _open(path)
    try:
        count = len(pdf)
        if count == 0:
            raise ExtractError(path, "has no pages; check the file opens in a PDF reader")
        if count > MAX_PDF_PAGES:
            raise ExtractError(
                path, f"has {count:,} pages, more than the {MAX_PDF_PAGES:,} briefgen imports; "
                "split it and import the part you need"
            )  # fmt: skip
        pages: list[list[Line]] = []
        for index in range(count):
            monitor.check()
            try:
                pages.append(list(_page_lines(pdf, index)))
            except pypdfium2.PdfiumError:
                pages.append([])  # a damaged page reads as one without text, and is named
            monitor.step(index + 1, count)
        pdf_labels = [pdf.get_page_label(index) for index in range(count)]
        info: dict[str, str] = pdf.get_metadata_dict()
        outline = _outline(pdf)
    finally:
        pdf.close()
    return pages, pdf_labels, info, outline


def _outline(pdf: pypdfium2.PdfDocument) -> list[Bookmark]:
    """The PDF's bookmarks that point at a page, in order (a broken outline reads as none)."""
    bookmarks = []
    try:
        for item in pdf.get_toc():
            destination = item.get_dest()
            index = destination.get_index() if destination is not None else None
            if index is not None:
                bookmarks.append(Bookmark(int(item.level), str(item.get_title()), int(index)))
    except pypdfium2.PdfiumError:
        return []
    return bookmarks


def _open(path: Path) -> pypdfium2.PdfDocument:
    try:
        return pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as error:
        reason = str(error).lower()
        if "password" in reason:
            raise ExtractError(
                path,
                "is protected by a password; open it in a PDF reader, save or print a copy "
                "without the password, and import that",
            ) from None
        raise ExtractError(
            path,
            "is damaged or incomplete and cannot be read as a PDF; download or save it again "
            "and check it opens in a PDF reader",
        ) from None


def _page_lines(pdf: pypdfium2.PdfDocument, index: int) -> Iterator[Line]:
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        # Character styles can be asked for by index only if Python counts characters as
        # PDFium does (a character outside the BMP is two to PDFium).
        styled = len(text) == textpage.count_chars()
        for match in _LINE.finditer(text):
            line_text = match.group()
            if not line_text.strip():
                continue
            if not styled:
                yield Line(_clean(line_text))
                continue
            first = match.start() + len(line_text) - len(line_text.lstrip())
            last = match.start() + len(line_text.rstrip()) - 1
            size_first, bold_first = _style(textpage, first)
            size_last, bold_last = _style(textpage, last)
            line_text = _mark_superscripts(textpage, line_text, match.start())
            x, y = _origin(textpage, first)
            yield Line(
                _clean(line_text), min(size_first, size_last), bold_first and bold_last, x, y
            )
    finally:
        textpage.close()
        page.close()


def _clean(text: str) -> str:
    text = text.translate(_LIGATURES).replace("\t", " ")
    if _CONTROL.search(text) is None:
        return text
    # Keep PDFium's line-end hyphen marks for `_assemble`; drop other control characters.
    return _CONTROL.sub(lambda m: m.group() if m.group() in "\ufffe\x02" else "", text)


_FONT_NAME = ctypes.create_string_buffer(128)
_FONT_FLAGS = ctypes.c_int()


def _style(textpage: pypdfium2.PdfTextPage, index: int) -> tuple[float, bool]:
    size = float(pdfium_c.FPDFText_GetFontSize(textpage.raw, index))
    pdfium_c.FPDFText_GetFontInfo(
        textpage.raw, index, _FONT_NAME, len(_FONT_NAME), ctypes.byref(_FONT_FLAGS)
    )
    name = _FONT_NAME.value.decode("latin-1").lower()
    weight = int(pdfium_c.FPDFText_GetFontWeight(textpage.raw, index))
    return size, weight >= 600 or any(word in name for word in _BOLD_NAMES)


def _mark_superscripts(textpage: pypdfium2.PdfTextPage, line: str, offset: int) -> str:
    """Write footnote references glued to a word ("achievable81") as `<sup>81</sup>`, which
    quote verification skips, when they sit above the line or are set smaller."""
    pieces, cursor = [], 0
    for match in _GLUED_DIGITS.finditer(line):
        before, digit = offset + match.start() - 1, offset + match.start()
        before_size = float(pdfium_c.FPDFText_GetFontSize(textpage.raw, before))
        digit_size = float(pdfium_c.FPDFText_GetFontSize(textpage.raw, digit))
        rise = _baseline(textpage, digit) - _baseline(textpage, before)
        if before_size > 0 and (
            digit_size < before_size * SUPERSCRIPT_RATIO or rise > before_size * SUPERSCRIPT_RISE
        ):
            pieces += [line[cursor : match.start()], f"<sup>{match.group()}</sup>"]
            cursor = match.end()
    return "".join(pieces) + line[cursor:] if pieces else line


_ORIGIN_X, _ORIGIN_Y = ctypes.c_double(), ctypes.c_double()


def _origin(textpage: pypdfium2.PdfTextPage, index: int) -> tuple[float, float]:
    """Where character `index` starts: x, and y of its baseline."""
    pdfium_c.FPDFText_GetCharOrigin(
        textpage.raw, index, ctypes.byref(_ORIGIN_X), ctypes.byref(_ORIGIN_Y)
    )
    return float(_ORIGIN_X.value), float(_ORIGIN_Y.value)


def _baseline(textpage: pypdfium2.PdfTextPage, index: int) -> float:
    return _origin(textpage, index)[1]


def _assemble(
    path: Path,
    pages: list[list[Line]],
    pdf_labels: list[str],
    info: dict[str, str],
    outline: Sequence[Bookmark] = (),
) -> ExtractedDocument:
    """The document from every page's lines: furniture dropped, labels chosen, broken words
    joined, headings and paragraph numbers marked."""
    count = len(pages)
    furniture = find_furniture(pages)
    printed, number_lines = printed_labels(pages, furniture)
    body = [
        attach_hanging_numbers(
            [line for i, line in enumerate(lines) if i not in furniture[p] | number_lines[p]]
        )
        for p, lines in enumerate(pages)
    ]
    empty = [p for p, lines in enumerate(pages) if not lines]
    if len(empty) == count:
        raise ExtractError(
            path, f"has no text on {count} of {count} pages (it is probably scanned); {OCR_ADVICE}"
        )
    garbled = [p for p, lines in enumerate(pages) if lines and _unreadable(lines)]
    if len(garbled) + len(empty) == count:
        raise ExtractError(
            path, "has text that cannot be read (its fonts do not say which letters they "
            f"draw); {OCR_ADVICE}"
        )  # fmt: skip
    words = vocabulary([line.text for lines in body for line in lines])
    headings = find_headings(body, outline)
    builder = DocumentBuilder(path, "pdf")
    labels = [_label(index, pdf_labels[index], printed[index]) for index in range(count)]
    flat = [(p, i, line) for p, lines in enumerate(body) for i, line in enumerate(lines)]
    previous: str | None = None
    heading: _OpenHeading | None = None
    position = 0
    next_page = 0
    while position < len(flat):
        page, index, line = flat[position]
        # A line that opens with a stop continues the one before (PDFium breaks the line after
        # a raised footnote reference: "services4" / ". This …").
        joined = previous is not None and _OPENS_WITH_STOP.match(line.text.lstrip()) is not None
        if not builder.ends_with_newline() and not joined:
            builder.append("\n")
        while next_page <= page:
            builder.start_page(next_page, labels[next_page].label, labels[next_page].source)
            next_page += 1
        text, position = _whole_words(flat, position, words)
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
        previous = None if level else text
        position += 1
    _close_heading(builder, heading)
    while next_page < count:
        builder.start_page(next_page, labels[next_page].label, labels[next_page].source)
        next_page += 1
    _warn(builder, path, labels, empty, garbled)
    return builder.build(_metadata(info))


def _whole_words(
    flat: list[tuple[int, int, Line]], position: int, words: set[str]
) -> tuple[str, int]:
    """The text of line `position` with a word broken at its end completed from the next
    line (or page), and PDFium's joined-hyphen marks resolved; and the last line it used."""
    text = flat[position][2].text
    while position + 1 < len(flat):
        following = flat[position + 1][2].text
        broken = line_end_break(text, following)
        if broken is None:
            break
        left, right, soft = broken
        text = text.rstrip()[: -1 - len(left)] + join_hyphenated(left, right, soft, words)
        text += following.lstrip()[len(right) :]
        position += 1
    if "\ufffe" in text or "\x02" in text:
        text = _LINE_END_HYPHEN.sub(
            lambda m: join_hyphenated(m.group(1), m.group(2), False, words), text
        )
        text = text.replace("\ufffe", "-").replace("\x02", "-")
    return text.strip(), position


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
    """Whether most of a page's characters are U+FFFD: glyphs PDFium could not map to text."""
    characters = sum(len(line.text) for line in lines)
    unknown = sum(line.text.count("\ufffd") for line in lines)
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
