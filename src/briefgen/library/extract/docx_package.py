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

_CHUNK = 64 * 1024
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
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
    """Inflate `member` chunk by chunk, without keeping it; its actual size."""
    size = 0
    limit = min(MAX_DOCX_PART_BYTES, room, member.file_size)
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise _bomb(path, member.filename, "inflates past its declared size")
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
        raise ExtractError(
            path, f"is damaged (its part {member.filename} cannot be read); open it in Word "
            "and save it again as .docx"
        ) from None  # fmt: skip
    return size


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
        target = str(relationship.get("Target", ""))[:120]
        notices.append(
            f"{path}: links to an external {kind} ({target}); briefgen never follows such "
            "links, so whatever it points at is not imported"
        )
    return notices
