"""An edited Word draft read back: its paragraphs as a reader sees them, where briefgen's
bookmarks are, and the list of quotations briefgen wrote into it.

The file comes from an officer's drive after days in Word, so it is read as any outside Word file
is (`render.docx.package`: sizes bounded, links to outside the file dropped, never followed).
Text is read as it would stand with every tracked change accepted.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any, NamedTuple

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from briefgen import draftmarks
from briefgen.draftmarks import MarkedQuote
from briefgen.errors import BriefgenError
from briefgen.render.docx.package import (
    WORD_PACKAGE_BYTES,
    TooLarge,
    Unreadable,
    check_file_size,
    safe_package,
)
from briefgen.verify.numbering import ListNumbers

_P, _T, _TAB, _BR, _CR = qn("w:p"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_HYPHEN, _PSTYLE, _VAL = qn("w:noBreakHyphen"), qn("w:pStyle"), qn("w:val")
_START, _END, _ID, _NAME = qn("w:bookmarkStart"), qn("w:bookmarkEnd"), qn("w:id"), qn("w:name")
_DELETED = frozenset({qn("w:del"), qn("w:moveFrom")})  # tracked: gone once accepted
_TRACKED = frozenset({qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo")})
_CHARACTERS = {_TAB: "\t", _BR: "\n", _CR: "\n", _HYPHEN: "-"}
_HEADINGS = frozenset({"Title", "Heading 1", "Heading 2", "Heading 3"})
# A paragraph number as the Word writer types it: "5.3" (or an appendix's "A.2") and a tab.
_NUMBER = re.compile(r"\s*((?:\d+|[A-Z])(?:\.\d+)*)\t")


class DraftParagraph(NamedTuple):
    """One paragraph of the body, as a reader sees it."""

    text: str
    style: str  # its paragraph style's name ("Quote", "Citation", "Heading 2", "Normal")
    number: str  # the paragraph number it starts with ("5.3"), or ""
    tracked: bool  # it holds tracked changes (its text counts them as accepted)


class Draft(NamedTuple):
    """What `briefgen verify` needs from a Word draft."""

    paragraphs: list[DraftParagraph]
    bookmarks: dict[str, tuple[int, int]]  # name: its first and last paragraph's index
    quotations: list[MarkedQuote] | None  # briefgen's list, None if the draft carries none


def read_draft(path: Path) -> Draft:
    """The draft at `path`; `BriefgenError` saying how to fix it if it cannot be read."""
    if path.suffix.lower() != ".docx":
        raise BriefgenError(
            f"{path} is not a Word document (.docx); open it in Word or LibreOffice and save it "
            "as a Word document (.docx), then check that file"
        )
    try:
        check_file_size(path.stat().st_size)
        with path.open("rb") as file:
            package = safe_package(file.read(WORD_PACKAGE_BYTES + 1))
        document = Document(io.BytesIO(package.data))
    except OSError as error:
        raise BriefgenError(
            f"cannot read {path} ({error.strerror or error}); check the file name"
        ) from None
    except TooLarge as error:
        raise BriefgenError(
            f"{path} is too large to check safely: {error}; save it again from Word without "
            "embedded fonts or large pictures"
        ) from None
    except (Unreadable, PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as error:
        detail = str(error).strip() or type(error).__name__
        raise BriefgenError(
            f"{path} is not a Word document briefgen can read ({detail[:160]}); open it in Word "
            "and save it again as a Word document (.docx)"
        ) from None
    styles = {style.style_id: style.name or "" for style in document.styles}
    numbers = ListNumbers(document, styles)
    paragraphs, bookmarks = _read_body(document.element.body, styles, numbers)
    return Draft(paragraphs, bookmarks, _quotations(document))


def _read_body(
    body: Any, styles: dict[str, str], numbers: ListNumbers
) -> tuple[list[DraftParagraph], dict[str, tuple[int, int]]]:
    """The body's paragraphs in reading order (table cells included), and where each bookmark
    starts and ends, in one pass over the XML."""
    texts: list[list[str]] = []
    elements: list[Any] = []
    index_of: dict[Any, int] = {}  # lxml keeps one proxy per element while `elements` holds it
    tracked: list[bool] = []
    starts: dict[str, tuple[str, int]] = {}  # bookmark id: (name, first paragraph)
    ends: dict[str, int] = {}
    for element in body.iter(_P, _T, _TAB, _BR, _CR, _HYPHEN, _START, _END, *_TRACKED):
        tag = element.tag
        if tag == _P:
            index_of[element] = len(elements)
            elements.append(element)
            texts.append([])
            tracked.append(False)
            continue
        owner = _owner(element)
        if tag in (_START, _END) and owner is None:
            # Between paragraphs: a bookmark starts at the next one, ends at the one before.
            index = len(elements) if tag == _START else len(elements) - 1
        elif owner is None:
            continue
        else:
            index = index_of[owner]
        if tag == _START:
            starts[element.get(_ID, "")] = (element.get(_NAME, ""), index)
        elif tag == _END:
            ends[element.get(_ID, "")] = max(index, 0)
        elif tag in _TRACKED:
            tracked[index] = True
        elif not _deleted(element, owner):
            texts[index].append(element.text or "" if tag == _T else _CHARACTERS[tag])
    paragraphs = []
    for element, parts, changed in zip(elements, texts, tracked, strict=True):
        text = "".join(parts)
        style_element = element.find(f"{qn('w:pPr')}/{_PSTYLE}")
        style_id = style_element.get(_VAL, "") if style_element is not None else ""
        style = styles.get(style_id, "Normal")
        # The number Word shows (a heading-linked list), else the one typed ("5.3" and a tab).
        shown = numbers.number(element, style_id)
        typed = _NUMBER.match(text)
        if style in _HEADINGS:
            shown = ""
        elif not shown and typed:
            shown = typed.group(1)
        paragraphs.append(DraftParagraph(text, style, shown, changed))
    bookmarks: dict[str, tuple[int, int]] = {}
    for bookmark_id, (name, first) in starts.items():
        last = ends.get(bookmark_id)
        if last is None or not paragraphs:
            continue  # an unclosed bookmark marks nothing
        first = min(first, len(paragraphs) - 1)
        bookmarks.setdefault(name, (first, max(first, last)))
    return paragraphs, bookmarks


def _owner(element: Any) -> Any | None:
    """The paragraph `element` is in (the innermost, for a text box's), if any."""
    parent = element.getparent()
    while parent is not None and parent.tag != _P:
        parent = parent.getparent()
    return parent


def _deleted(element: Any, owner: Any) -> bool:
    """Whether `element` is inside a tracked deletion or move away within its paragraph."""
    parent = element.getparent()
    while parent is not None and parent is not owner:
        if parent.tag in _DELETED:
            return True
        parent = parent.getparent()
    return False


def _quotations(document: Any) -> list[MarkedQuote] | None:
    """briefgen's list of the quotations it wrote, from the draft's custom XML parts."""
    for part in document.part.package.iter_parts():
        name = str(part.partname)
        if not name.startswith("/customXml/") or "itemProps" in name:
            continue
        quotations = draftmarks.parse_manifest(part.blob)
        if quotations is not None:
            return quotations
    return None
