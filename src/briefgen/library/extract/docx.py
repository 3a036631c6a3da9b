"""Word import through python-docx: paragraphs and tables in document order, headings from their
styles' outline levels, and the numbers Word shows before numbered paragraphs and headings.

Word documents have no fixed pages (pages depend on the printer and fonts), so they get no page
labels: locators name the numbered paragraph or the heading instead (docs/decisions/0031).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from briefgen.library.extract.docx_numbering import (
    ListNumber,
    Numbering,
    int_value,
    style_numbering,
)
from briefgen.library.extract.docx_package import check_package, doctype_error
from briefgen.library.extract.errors import ExtractError
from briefgen.library.extract.limits import MAX_DOCX_BYTES, MAX_OLE_SCAN_BYTES
from briefgen.library.extract.model import DocumentBuilder, ExtractedDocument, Metadata
from briefgen.library.extract.progress import CancelCheck, Monitor, ProgressCallback
from briefgen.library.extract.sniff import check_size, looks_like, read_head

_HEADING_NAME = re.compile(r"(?i)heading\s*([1-9])$")
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Text that is not on the page: the other copy of a text box, and text a tracked move took away.
_SKIPPED = (_MC_FALLBACK, qn("w:moveFrom"))
# Run content a reader sees, and what each becomes in the text.
_TEXT, _TAB, _BREAK, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_NO_BREAK_HYPHEN, _PARAGRAPH, _TABLE = qn("w:noBreakHyphen"), qn("w:p"), qn("w:tbl")
_CONTAINERS = (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:smartTag"))
# A footnote or endnote whose mark the author chose (*, †, a): the mark is the run's own text.
_NOTE_REFERENCES = (qn("w:footnoteReference"), qn("w:endnoteReference"))
_CUSTOM_MARK = qn("w:customMarkFollows")
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
# Progress is reported every this many top-level blocks.
_PROGRESS_EVERY = 200


def extract_docx(
    path: Path, progress: ProgressCallback | None = None, cancel: CancelCheck | None = None
) -> ExtractedDocument:
    """Read the Word file at `path`; `progress` hears (body blocks done, blocks in all)."""
    monitor = Monitor(path, progress, cancel)
    check_size(path, MAX_DOCX_BYTES, "Word file")
    kind = looks_like(read_head(path))
    if kind == "pdf":
        raise ExtractError(
            path, "is a PDF with a Word name; rename it to end in .pdf and import it again"
        )
    if kind == "ole" and _is_encrypted_package(path):
        raise ExtractError(
            path, "is protected by a password; open it in Word, remove the password (File, "
            "Info, Protect Document), save it, and import that"
        )  # fmt: skip
    if kind == "ole":
        raise ExtractError(
            path, "is a legacy Word 97–2003 file (.doc) or another old Office file; open it in "
            "Word or LibreOffice, save it as .docx, and import that"
        )  # fmt: skip
    if kind != "zip":
        raise ExtractError(path, "is not a Word file (.docx); open it in Word and save it as .docx")
    notices = check_package(path)
    monitor.check()
    try:
        document = docx.Document(io.BytesIO(path.read_bytes()))
    except Exception:
        raise ExtractError(
            path, "is damaged or not a Word document; open it in Word and save it again as .docx"
        ) from None  # fmt: skip
    _check_parsed(path, document)
    reader = _Reader(path, document)
    reader.builder.notices.extend(notices)
    reader.builder.notices.extend(_embedded_chunks(path, document))
    blocks = list(reader.body.iterchildren()) if reader.body is not None else []
    for done, block in enumerate(blocks, start=1):
        reader.block(block)
        if done % _PROGRESS_EVERY == 0 or done == len(blocks):
            monitor.step(done, len(blocks))
    if not reader.builder.length or not reader.text_seen:
        raise ExtractError(path, "has no text; check it is the document you meant")
    return reader.builder.build(_metadata(document))


class _Reader:
    """Walks the body, keeping the list counters and style lookups of one document."""

    def __init__(self, path: Path, document: docx.document.Document) -> None:
        self.builder = DocumentBuilder(path, "docx")
        self.body: etree._Element | None = document.element.body
        styles = document.styles.element
        self.heading_levels = _heading_levels(styles)
        numbering_part = _numbering_xml(document)
        self.numbering = Numbering(numbering_part, style_numbering(styles))
        self.default_style = next(
            (
                str(s.get(qn("w:styleId")))
                for s in styles.iterfind(qn("w:style"))
                if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true")
            ),
            "",
        )
        self.text_seen = False

    def block(self, element: etree._Element) -> None:
        if element.tag == _PARAGRAPH:
            self.paragraph(element)
        elif element.tag == _TABLE:
            for row in element.iterfind(qn("w:tr")):
                for cell in row.iterfind(qn("w:tc")):
                    for child in cell.iterchildren():
                        self.block(child)
        elif element.tag in _CONTAINERS:
            for child in element.iterchildren():
                self.block(child)

    def paragraph(self, paragraph: etree._Element) -> None:
        properties = paragraph.find(qn("w:pPr"))
        style_element = properties.find(qn("w:pStyle")) if properties is not None else None
        style = self.default_style
        if style_element is not None:
            style = str(style_element.get(qn("w:val")))
        text = "".join(_run_text(paragraph)).strip()
        list_number = self._list_number(properties, style)
        level = self._outline_level(properties, style)
        if not text and list_number is None:
            return
        self.text_seen = self.text_seen or bool(text)
        shown = list_number.shown.strip() if list_number is not None else ""
        start, end = self.builder.append(f"{shown} {text}".strip() if shown else text)
        self.builder.append("\n")
        if level is not None and text:
            number = list_number.cited if list_number is not None else ""
            self.builder.heading(start, end, text, level, number)
        elif list_number is not None:
            self.builder.numbered_paragraph(start, list_number.cited)

    def _list_number(self, properties: etree._Element | None, style: str) -> ListNumber | None:
        num_pr = properties.find(qn("w:numPr")) if properties is not None else None
        num_id: str | None = None
        ilvl: int | None = None
        if num_pr is not None:
            id_element, level_element = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
            if id_element is not None:
                num_id = str(id_element.get(qn("w:val")))
            if level_element is not None:
                ilvl = int_value(level_element, 0)
        style_num_id, style_ilvl = self.numbering.of_style(style)
        num_id = num_id if num_id is not None else style_num_id
        ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0":
            return None
        return self.numbering.next_number(num_id, ilvl, style)

    def _outline_level(self, properties: etree._Element | None, style: str) -> int | None:
        if properties is not None:
            outline = properties.find(qn("w:outlineLvl"))
            if outline is not None:
                value = int_value(outline, 9)
                return value + 1 if value < 9 else None
        return self.heading_levels.get(style)


def _run_text(paragraph: etree._Element) -> Iterator[str]:
    """The characters a reader sees in `paragraph`, in order: text, tabs and breaks as spaces
    and line ends, deleted text and field codes left out (they are other elements). A note's
    own mark ("plan†") is written `<sup>†</sup>`, as the PDF import writes a raised one, so that
    quotes read past it (a numbered note's reference has no text: decision 0031)."""
    for element in paragraph.iter(_TEXT, _TAB, _BREAK, _CR, _NO_BREAK_HYPHEN):
        if any(ancestor.tag in _SKIPPED for ancestor in element.iterancestors()):
            continue
        if element.tag == _TEXT:
            text = element.text or ""
            mark = text.strip() and _custom_note_mark(element)
            yield f"<sup>{text.strip()}</sup>" if mark else text
        elif element.tag == _NO_BREAK_HYPHEN:
            yield "-"
        elif element.tag == _TAB:
            yield " "
        else:
            yield "\n"


def _custom_note_mark(text: etree._Element) -> bool:
    """Whether `text` (a `w:t`) is the mark of a note whose reference says its mark follows."""
    run = text.getparent()
    reference = next(run.iter(*_NOTE_REFERENCES), None) if run is not None else None
    return reference is not None and reference.get(_CUSTOM_MARK, "0").lower() in ("1", "true", "on")


def _heading_levels(styles: etree._Element) -> dict[str, int]:
    """Each paragraph style that makes a heading, and its level (Title is level 0)."""
    own: dict[str, int] = {}
    based_on: dict[str, str] = {}
    for style in styles.iterfind(qn("w:style")):
        style_id = str(style.get(qn("w:styleId"), ""))
        name = style.find(qn("w:name"))
        name_text = str(name.get(qn("w:val"), "")) if name is not None else ""
        outline = style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        if outline is not None and int_value(outline, 9) < 9:
            own[style_id] = int_value(outline, 9) + 1
        elif match := _HEADING_NAME.match(name_text):
            own[style_id] = int(match.group(1))
        elif name_text.lower() == "title":
            own[style_id] = 0
        parent = style.find(qn("w:basedOn"))
        if parent is not None:
            based_on[style_id] = str(parent.get(qn("w:val")))
    levels: dict[str, int] = {}
    for style_id in {*own, *based_on}:
        current: str | None = style_id
        seen: set[str] = set()
        while current is not None and current not in seen and current not in own:
            seen.add(current)
            current = based_on.get(current)
        if current is not None and current in own:
            levels[style_id] = own[current]
    return levels


def _numbering_xml(document: docx.document.Document) -> etree._Element | None:
    """numbering.xml's root, or None if the document has no lists (python-docx would add one)."""
    for relationship in document.part.rels.values():
        if relationship.reltype.endswith("/numbering") and not relationship.is_external:
            element: etree._Element = relationship.target_part.element
            return element
    return None


def _check_parsed(path: Path, document: docx.document.Document) -> None:
    """Refuse a document any of whose XML parts declares a document type: `check_package`
    looks for one in parts named .xml or .rels, and python-docx reads its parts by content
    type, whatever they are named."""
    for part in document.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if isinstance(element, etree._Element):
            info = element.getroottree().docinfo
            if info.internalDTD is not None or info.externalDTD is not None:
                raise doctype_error(path, str(part.partname).lstrip("/"))


def _embedded_chunks(path: Path, document: docx.document.Document) -> list[str]:
    """A notice for each part of the body kept in another format (an "altChunk": HTML, RTF or
    another document, which Word merges in when it opens the file): briefgen does not read
    them, so their text is missing from the import."""
    notices = []
    for relationship in document.part.rels.values():
        if relationship.reltype.endswith("/aFChunk") and not relationship.is_external:
            notices.append(
                f"{path}: part of its text is kept in another format inside it "
                f"({str(relationship.target_part.partname).lstrip('/')}), which briefgen does "
                "not read; to "
                "include it, open the file in Word, save it again (Word merges that part "
                "into the document), and import that"
            )
    return notices


def _is_encrypted_package(path: Path) -> bool:
    """Whether an OLE file is a password-protected .docx: Word stores those as an OLE file
    holding an "EncryptedPackage" stream (its directory names the stream in UTF-16)."""
    try:
        with path.open("rb") as stream:
            return _ENCRYPTED_PACKAGE in stream.read(MAX_OLE_SCAN_BYTES)
    except OSError:
        return False


def _metadata(document: docx.document.Document) -> Metadata:
    core = document.core_properties
    date = core.created.date().isoformat() if core.created else ""
    return Metadata(
        title=" ".join((core.title or "").split()),
        author=" ".join((core.author or "").split()),
        publisher=_company(document),
        date=date,
    )


def _company(document: docx.document.Document) -> str:
    """The organisation in the extended properties (docProps/app.xml), which python-docx skips."""
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            try:
                root = etree.fromstring(part.blob, _SAFE_PARSER)
            except etree.XMLSyntaxError:
                return ""
            company = root.find(f"{{{_EXTENDED}}}Company")
            return " ".join((company.text or "").split()) if company is not None else ""
    return ""
