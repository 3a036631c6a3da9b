"""Checks on a Word file's zip package before python-docx reads it: that it is one, that no part
inflates beyond the limits (a zip bomb), and which external relationships it carries (never
followed; the notice names them). See docs/decisions/0032."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from lxml import etree

from briefgen.library.extract.errors import ExtractError
from briefgen.library.extract.limits import (
    MAX_DOCX_PART_BYTES,
    MAX_DOCX_PARTS,
    MAX_DOCX_RATIO,
    MAX_DOCX_TOTAL_BYTES,
    RATIO_FLOOR_BYTES,
    describe_size,
)
from briefgen.terminal import printable

_CHUNK = 64 * 1024
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
# A document type declaration (and the entities it defines) in any encoding an XML part may
# use: Word never writes one and refuses files with one; a parser that does not expand its
# entities (briefgen's never do) drops the text after each one without a word.
_DOCTYPES = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))
_OVERLAP = max(len(marker) for marker in _DOCTYPES) - 1
_OPENDOCUMENT = b"application/vnd.oasis.opendocument"
_WORD_MAIN = b"wordprocessingml.document.main+xml"
# What a package is whose main part is not a Word document's, by its content types.
_OTHER_OFFICE_FILES = (
    (b"macroEnabled", "a macro-enabled Word document (.docm), which briefgen does not open; "
     "open it in Word, save it as a Word Document (.docx), and import that"),
    (b"wordprocessingml.template", "a Word template (.dotx), not a document; open it in "
     "Word, save it as a Word Document (.docx), and import that"),
    (b"spreadsheetml", "an Excel workbook with a Word name, not a document; save what you "
     "need to quote as PDF from Excel and import that"),
    (b"presentationml", "a PowerPoint presentation with a Word name, not a document; save it "
     "as PDF from PowerPoint and import that"),
)  # fmt: skip
# No DTDs, no entities, no network: a relationships part is plain XML.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _bomb(path: Path, part: str, detail: str) -> ExtractError:
    return ExtractError(
        path,
        f"is refused: its part {part} {detail} (a damaged file or a 'zip bomb'); open it in "
        "Word, save it as a new .docx, and import that",
    )


def check_package(path: Path) -> list[str]:
    """Check the zip at `path` part by part; return notices about external relationships.

    Every part's declared size, and then its actual size as it inflates (stopping at the
    limit, so a lying header costs no more memory than one chunk), is checked against
    `limits`; CRC errors and truncation are reported as damage."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise ExtractError(
            path, "is damaged or not a Word file (it is not a valid .docx package); open it "
            "in Word and save it again as .docx"
        ) from None  # fmt: skip
    with archive:
        members = archive.infolist()
        if len(members) > MAX_DOCX_PARTS:
            raise _bomb(path, "list", f"has {len(members):,} parts, over {MAX_DOCX_PARTS:,}")
        names = {member.filename for member in members}
        _check_kind(path, archive, names)
        if "word/document.xml" not in names and "[Content_Types].xml" not in names:
            raise ExtractError(
                path, "is a zip archive but not a Word document; choose the .docx itself"
            )
        declared_total = sum(member.file_size for member in members)
        if declared_total > MAX_DOCX_TOTAL_BYTES:
            raise _bomb(
                path, "set", f"would inflate to {describe_size(declared_total)}, over "
                f"{describe_size(MAX_DOCX_TOTAL_BYTES)}"
            )  # fmt: skip
        total = 0
        notices: list[str] = []
        for member in members:
            _check_declared(path, member)
            total += _inflate(path, archive, member, MAX_DOCX_TOTAL_BYTES - total)
            if member.filename.endswith(".rels"):
                notices += _external(path, archive.read(member))
    return notices


def _check_kind(path: Path, archive: zipfile.ZipFile, names: set[str]) -> None:
    """Refuse, saying what it is, a package that is not a Word document: an OpenDocument file,
    or another Office file (a workbook, a presentation, a macro-enabled document or a
    template, which python-docx refuses) given a .docx name."""
    if "mimetype" in names and _head(archive, "mimetype").startswith(_OPENDOCUMENT):
        raise ExtractError(
            path, "is an OpenDocument file (as LibreOffice saves), not a Word document; open "
            "it in LibreOffice, save it as Word (.docx), and import that"
        )  # fmt: skip
    if "[Content_Types].xml" not in names:
        return
    types = _head(archive, "[Content_Types].xml")
    if _WORD_MAIN in types:
        return
    for marker, what in _OTHER_OFFICE_FILES:
        if marker in types:
            raise ExtractError(path, f"is {what}")


def _head(archive: zipfile.ZipFile, name: str) -> bytes:
    """The first bytes of part `name` (damage in it is reported when every part is read)."""
    try:
        with archive.open(name) as stream:
            return stream.read(_CHUNK)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
        return b""


def _check_declared(path: Path, member: zipfile.ZipInfo) -> None:
    if member.file_size > MAX_DOCX_PART_BYTES:
        raise _bomb(
            path, member.filename, f"would inflate to {describe_size(member.file_size)}, "
            f"over {describe_size(MAX_DOCX_PART_BYTES)}"
        )  # fmt: skip
    if member.file_size > RATIO_FLOOR_BYTES and member.file_size > MAX_DOCX_RATIO * max(
        member.compress_size, 1
    ):
        raise _bomb(
            path, member.filename, f"inflates {member.file_size // max(member.compress_size, 1):,} "
            f"times, over {MAX_DOCX_RATIO}"
        )  # fmt: skip


def _inflate(path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo, room: int) -> int:
    """Inflate `member` chunk by chunk, without keeping it; its actual size. An XML part that
    declares a document type is refused."""
    size = 0
    limit = min(MAX_DOCX_PART_BYTES, room, member.file_size)
    xml = member.filename.lower().endswith((".xml", ".rels"))
    tail = b""
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise _bomb(path, member.filename, "inflates past its declared size")
                if xml and any(marker in tail + chunk for marker in _DOCTYPES):
                    raise doctype_error(path, member.filename)
                tail = chunk[-_OVERLAP:]
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
        raise ExtractError(
            path, f"is damaged (its part {member.filename} cannot be read); open it in Word "
            "and save it again as .docx"
        ) from None  # fmt: skip
    return size


def doctype_error(path: Path, part: str) -> ExtractError:
    """The refusal of a part with a document type declaration (entities, a DTD)."""
    return ExtractError(
        path,
        f"is refused: its part {part} declares a document type (entities or a DTD), which "
        "Word never writes and briefgen never follows (a 'billion laughs' file, or one made "
        "to pull in other files); ask for a copy saved from Word, or a PDF, and import that",
    )


def _external(path: Path, data: bytes) -> list[str]:
    """A notice per external relationship that is not a hyperlink (an attached template, a
    linked image or frame): they are never fetched, so what they point at is left out."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        raise ExtractError(
            path, "is damaged (a relationships part is not valid XML); open it in Word and "
            "save it again as .docx"
        ) from None  # fmt: skip
    notices = []
    for relationship in root.iterfind(f"{_RELS_NS}Relationship"):
        if relationship.get("TargetMode") != "External":
            continue
        kind = str(relationship.get("Type", "")).rsplit("/", 1)[-1]
        if relationship.get("Type") == _HYPERLINK:
            continue
        # Shown, never followed; escapes and right-to-left overrides in it shown as escapes.
        target = printable(str(relationship.get("Target", ""))[:120])
        notices.append(
            f"{path}: links to an external {kind} ({target}); briefgen never follows such "
            "links, so whatever it points at is not imported"
        )
    return notices
