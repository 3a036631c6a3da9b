"""A Word file from outside briefgen made safe to open: bounded in size, with no outside links.

House templates come from IT, colleagues and shared drives. Before python-docx sees one, every
part is read with a cap (a 1 MB file can claim, or hold, a part that inflates to gigabytes), a
.dotx is relabelled as a document (python-docx opens only those), and every external
relationship (a remote attached template, a linked picture, a web link) is dropped with what
refers to it, so no Word file briefgen writes makes Word fetch anything when it is opened.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from typing import NamedTuple

from lxml import etree

# Limits on a Word package read as a template (decimal megabytes, as file managers show them).
# A council template is usually under 1 MB and its styles part under 0.2 MB.
WORD_PART_BYTES = 20_000_000  # any one part, once unpacked
WORD_PACKAGE_BYTES = 50_000_000  # the file itself, and all its parts together once unpacked
WORD_PACKAGE_PARTS = 2_000  # parts in one package (Word's own files have 10 to 50)

TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_HYPERLINK = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}hyperlink"
# What an officer would call each kind of outside link (the last part of the relationship type).
_KINDS = {
    "attachedTemplate": "an attached template",
    "image": "a linked picture",
    "hyperlink": "a web link",
    "oleObject": "a linked object",
    "subDocument": "a linked document",
    "frame": "a linked frame",
}
# No DTDs, entities or network: the parts are data.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class TooLarge(Exception):
    """A package over one of the limits; the text says which, for the user."""


class Unreadable(Exception):
    """Not a zip package that can be read; the text is the underlying reason."""


class SafePackage(NamedTuple):
    data: bytes  # a package python-docx can open
    dropped: tuple[str, ...]  # the outside links left out ("a linked picture at http://...")


def megabytes(size: int) -> str:
    """`size` bytes as "20 MB" or "2.1 MB", rounded up so a size over a limit never reads as it."""
    tenths = -(-size // 100_000)
    return f"{tenths // 10}.{tenths % 10}".removesuffix(".0") + " MB"


def check_file_size(size: int) -> None:
    """`TooLarge` if a package file of `size` bytes is over the limit, before it is read."""
    if size > WORD_PACKAGE_BYTES:
        raise TooLarge(
            f"the file is {megabytes(size)}, over the limit of {megabytes(WORD_PACKAGE_BYTES)}"
        )


def safe_package(data: bytes) -> SafePackage:
    """`data` (a .docx or .dotx) read within the limits, as a document without outside links.

    `TooLarge` naming the limit, or `Unreadable`, if it cannot be."""
    check_file_size(len(data))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            members = source.infolist()
            _check_declared(members)
            parts = _read_bounded(source, members)
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, EOFError, zlib.error) as error:
        raise Unreadable(str(error).strip() or type(error).__name__) from None
    types = parts.get("[Content_Types].xml")
    if types is None:
        raise Unreadable("there is no [Content_Types].xml")
    parts["[Content_Types].xml"] = types.replace(TEMPLATE_MAIN.encode(), DOCUMENT_MAIN.encode())
    dropped = _drop_external_relationships(parts)
    dates = {info.filename: info.date_time for info in reversed(members)}
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_STORED) as target:  # python-docx inflates it
        for name, content in parts.items():  # a name given twice is written once
            target.writestr(zipfile.ZipInfo(name, dates[name]), content)
    return SafePackage(output.getvalue(), tuple(dict.fromkeys(dropped)))


def _check_declared(members: list[zipfile.ZipInfo]) -> None:
    """Refuse on the sizes the package declares, before inflating anything."""
    if len(members) > WORD_PACKAGE_PARTS:
        raise TooLarge(f"it has {len(members)} parts, over the limit of {WORD_PACKAGE_PARTS}")
    for info in members:
        if info.file_size > WORD_PART_BYTES:
            raise TooLarge(_part_too_large(info.filename, info.file_size))
    total = sum(info.file_size for info in members)
    if total > WORD_PACKAGE_BYTES:
        raise TooLarge(_total_too_large(total))


def _read_bounded(source: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> dict[str, bytes]:
    """Every part, each read with a cap: a part that inflates past what it declared, or past a
    limit, stops being read there (zipfile also stops at the declared size and checks the CRC)."""
    parts: dict[str, bytes] = {}
    total = 0
    for info in members:
        if info.is_dir():
            continue
        with source.open(info) as member:
            content = member.read(WORD_PART_BYTES + 1)
        if len(content) > WORD_PART_BYTES:
            raise TooLarge(_part_too_large(info.filename, len(content)))
        total += len(content)
        if total > WORD_PACKAGE_BYTES:
            raise TooLarge(_total_too_large(total))
        parts[info.filename] = content
    return parts


def _part_too_large(name: str, size: int) -> str:
    return (
        f"its part {name} unpacks to {megabytes(size)}, over the limit of "
        f"{megabytes(WORD_PART_BYTES)} for one part"
    )


def _total_too_large(size: int) -> str:
    return (
        f"its parts unpack to {megabytes(size)} or more, over the limit of "
        f"{megabytes(WORD_PACKAGE_BYTES)} for a whole file"
    )


def _drop_external_relationships(parts: dict[str, bytes]) -> list[str]:
    """Remove every relationship that points outside the package, and what refers to it in the
    part it belongs to; describe each one removed."""
    dropped: list[str] = []
    for name in [name for name in parts if name.endswith(".rels")]:
        relationships = _parse(parts[name])
        if relationships is None:
            continue
        removed: set[str] = set()
        for relationship in list(relationships.iter(_RELATIONSHIP)):
            if (relationship.get("TargetMode") or "").lower() != "external":
                continue
            removed.add(relationship.get("Id") or "")
            dropped.append(_describe(relationship))
            relationships.remove(relationship)
        if not removed:
            continue
        parts[name] = _serialise(relationships)
        source = _source_part(name)
        if source in parts:
            parts[source] = _without_references(parts[source], removed)
    return dropped


def _source_part(rels_name: str) -> str:
    """The part a relationships part describes (word/_rels/settings.xml.rels: word/settings.xml)."""
    folder, file_name = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), file_name.removesuffix(".rels"))


def _without_references(content: bytes, removed: set[str]) -> bytes:
    """`content` (an XML part) without the elements that refer to the relationships `removed`:
    a hyperlink keeps its text and loses its target; anything else (an attached template, a
    linked picture) goes."""
    root = _parse(content)
    if root is None:
        return content
    changed = False
    for element in list(root.iter()):
        for attribute, value in list(element.attrib.items()):
            if not str(attribute).startswith(_R) or str(value) not in removed:
                continue
            changed = True
            parent = element.getparent()
            if element.tag == _HYPERLINK:
                del element.attrib[attribute]
            elif parent is not None:
                parent.remove(element)
            break
    return _serialise(root) if changed else content


def _parse(content: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(content, _PARSER)
    except etree.XMLSyntaxError:
        return None  # python-docx reports it, if the part is one it reads


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _describe(relationship: etree._Element) -> str:
    kind = (relationship.get("Type") or "").rsplit("/", 1)[-1]
    target = _printable(relationship.get("Target") or "")
    return f"{_KINDS.get(kind, f'a link ({_printable(kind)})')} at {target}"


def _printable(text: str, limit: int = 100) -> str:
    """`text` cut to `limit` characters, with control and direction characters escaped."""
    shown = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
