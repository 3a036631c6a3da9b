"""Reading a PDF with PDFium (pypdfium2): each page's lines with the type they are set in and
where they start, the PDF's page labels, document info and outline. What the lines mean is
worked out elsewhere (`pdf_layout`, `pdf_headings`, `pdf`)."""

from __future__ import annotations

import ctypes
import re
import threading
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pypdfium2
import pypdfium2.raw as pdfium_c

from briefgen.library.extract.errors import ExtractError
from briefgen.library.extract.limits import MAX_PDF_PAGE_OBJECTS, MAX_PDF_PAGES
from briefgen.library.extract.pdf_headings import Bookmark
from briefgen.library.extract.pdf_layout import Line
from briefgen.library.extract.progress import Monitor

# PDFium may not be called from two threads at once, even for different documents (pypdfium2's
# documentation); imports run in worker threads, so PDF reading is serialised here. The ctypes
# buffers below are used only under this lock.
_PDFIUM = threading.Lock()
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]")
# Control codes other than PDFium's line-end hyphen marks: glyphs whose font says no letter.
_UNMAPPED = re.compile(r"[\x00\x01\x03-\x08\x0b-\x1f\uffff]")
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
     "\ufb05": "st", "\ufb06": "st"}
)  # fmt: skip
# A footnote reference glued to the end of a word or sentence, if raised or set smaller: digits,
# a note symbol (*, †, ‡, §, ‖, ¶, or two or three of one), or a single lower-case letter (a
# word's last letter is tried too, and stays when it sits on the line in the line's type).
_GLUED_MARK = re.compile(
    r"(?<=[^\W\d_]|[.,;:)’”])(?:\d{1,3}|([*†‡§‖¶])\1{0,2}|[a-z])(?=[\s.,;:)]|$)"
)
_TRAILING_REFERENCE = re.compile(r"<sup>([^<]+)</sup>\s*$")
_LINE = re.compile(r"[^\r\n]+")
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
SUPERSCRIPT_RATIO = 0.85  # a superscript is set smaller than the text it follows …
SUPERSCRIPT_RISE = 0.15  # … or raised above its baseline by this share of the type size


PdfContents = tuple[list[list[Line]], list[str], dict[str, str], list[Bookmark], list[str]]


def read_pdf(path: Path, monitor: Monitor) -> PdfContents:
    """Every page's lines, the PDF's own page labels ('' where none), its document info, its
    outline and the names of the files attached to it; one thread at a time."""
    with _PDFIUM:
        return _read(path, monitor)


def _read(path: Path, monitor: Monitor) -> PdfContents:
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
                pages.append(list(_page_lines(pdf, index, path)))
            except pypdfium2.PdfiumError:
                pages.append([])  # a damaged page reads as one without text, and is named
            monitor.step(index + 1, count)
        pdf_labels = [_page_label(pdf, index) for index in range(count)]
        info = _metadata(pdf)
        outline = _outline(pdf)
        attached = _attachments(pdf)
    finally:
        pdf.close()
    return pages, pdf_labels, info, outline, attached


def _attachments(pdf: pypdfium2.PdfDocument) -> list[str]:
    """The names of the files attached to the PDF (never opened: they are not its text)."""
    names = []
    for index in range(max(0, int(pdfium_c.FPDFDoc_GetAttachmentCount(pdf.raw)))):
        attachment = pdfium_c.FPDFDoc_GetAttachment(pdf.raw, index)
        if attachment:
            names.append(_utf16(partial(pdfium_c.FPDFAttachment_GetName, attachment), wide=True))
    return names


def _outline(pdf: pypdfium2.PdfDocument) -> list[Bookmark]:
    """The PDF's bookmarks that point at a page, in order (a broken outline reads as none)."""
    bookmarks = []
    try:
        for item in pdf.get_toc():
            destination = item.get_dest()
            index = destination.get_index() if destination is not None else None
            if index is not None:
                title = _utf16(partial(pdfium_c.FPDFBookmark_GetTitle, item.raw))
                bookmarks.append(Bookmark(int(item.level), title, int(index)))
    except pypdfium2.PdfiumError:
        return []
    return bookmarks


def _utf16(read: Callable[[Any, int], int], wide: bool = False) -> str:
    """A string PDFium gives as UTF-16 through `read(buffer, size)` (which returns the size it
    needs; `wide` if it takes the buffer as 16-bit units), its malformed parts as U+FFFD:
    pypdfium2's own getters raise on a lone surrogate, which a hostile (or broken) file's
    title can hold."""
    size = int(read(None, 0))
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    read(ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)) if wide else buffer, size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace")


def _page_label(pdf: pypdfium2.PdfDocument, index: int) -> str:
    return _utf16(partial(pdfium_c.FPDF_GetPageLabel, pdf.raw, index))


def _metadata(pdf: pypdfium2.PdfDocument) -> dict[str, str]:
    """The document info (Title, Author, CreationDate, …), as pypdfium2's `get_metadata_dict`."""
    info = {}
    for key in pdf.METADATA_KEYS:
        name = (key + "\x00").encode("utf-8")
        info[key] = _utf16(partial(pdfium_c.FPDF_GetMetaText, pdf.raw, name))
    return info


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


def _page_lines(pdf: pypdfium2.PdfDocument, index: int, path: Path) -> Iterator[Line]:
    page = pdf[index]
    if pdfium_c.FPDFPage_CountObjects(page.raw) > MAX_PDF_PAGE_OBJECTS:  # before its text
        page.close()
        raise ExtractError(
            path,
            f"is refused: PDF page {index + 1} has more than {MAX_PDF_PAGE_OBJECTS:,} drawing "
            "objects (a damaged file or a 'PDF bomb', which would take far more memory than "
            "the file's size); open it in a PDF reader, print it to a new PDF, and import that",
        )
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
            unmapped = len(_UNMAPPED.findall(line_text))
            if not styled:
                yield Line(_clean(line_text), unmapped=unmapped)
                continue
            first = match.start() + len(line_text) - len(line_text.lstrip())
            last = match.start() + len(line_text.rstrip()) - 1
            line_text = _mark_superscripts(textpage, line_text, match.start())
            reference = _TRAILING_REFERENCE.search(line_text)
            if reference is not None:  # the line's type is its text's, not a raised note's
                last -= len(reference.group(1))
            size_first, bold_first = _style(textpage, first)
            size_last, bold_last = _style(textpage, last)
            x, y = _origin(textpage, first)
            size, bold = min(size_first, size_last), bold_first and bold_last
            yield Line(_clean(line_text), size, bold, x, y, unmapped=unmapped)
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
    """Write footnote references glued to a word ("achievable81", "plan†", "budgeta") as
    `<sup>81</sup>`, which quote verification skips, when they sit above the line or (a number
    or symbol) are set smaller. A letter must sit above the line: every word's last letter is a
    candidate, and most are on it, which the baselines alone tell."""
    pieces, cursor = [], 0
    line_baseline: float | None = None
    for match in _GLUED_MARK.finditer(line):
        before, mark = offset + match.start() - 1, offset + match.start()
        letter = match.group().isalpha()
        if letter:  # one look first, at the line's own baseline, for the many word ends
            if line_baseline is None:
                line_baseline = _baseline(textpage, offset + len(line) - len(line.lstrip()))
            if _baseline(textpage, mark) <= line_baseline:
                continue
        rise = _baseline(textpage, mark) - _baseline(textpage, before)
        before_size = float(pdfium_c.FPDFText_GetFontSize(textpage.raw, before))
        raised = rise > before_size * SUPERSCRIPT_RISE
        if before_size > 0 and (
            raised
            or (
                not letter
                and float(pdfium_c.FPDFText_GetFontSize(textpage.raw, mark))
                < before_size * SUPERSCRIPT_RATIO
            )
        ):
            pieces += [line[cursor : match.start()], f"<sup>{match.group()}</sup>"]
            cursor = match.end()
    return "".join(pieces) + line[cursor:] if pieces else line


_ORIGIN_X, _ORIGIN_Y = ctypes.c_double(), ctypes.c_double()


_ORIGIN_REFS = ctypes.byref(_ORIGIN_X), ctypes.byref(_ORIGIN_Y)


def _origin(textpage: pypdfium2.PdfTextPage, index: int) -> tuple[float, float]:
    """Where character `index` starts: x, and y of its baseline."""
    pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, *_ORIGIN_REFS)
    return float(_ORIGIN_X.value), float(_ORIGIN_Y.value)


def _baseline(textpage: pypdfium2.PdfTextPage, index: int) -> float:
    return _origin(textpage, index)[1]
