"""The map of an imported source: where its pages, headings and numbered paragraphs sit in its
text, so an item that leaves out `locator` gets one from where its quote is ("p. 12, para 4.3").

The map is the JSON file the importer writes beside the text (`sources/<id>.map.json`): the
extractors' structure map (`ExtractedDocument.as_dict`) plus `text_sha256`, the SHA-256 of the
text it maps, so a text edited by hand after import cannot be given locators from a map that no
longer fits it. The extractors' own class reads it back and works out each locator.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.content.yamlfile import Problems, decode, display_path, read_bytes
from briefgen.limits import SOURCE_MAP_BYTES

if TYPE_CHECKING:
    from briefgen.content.model import Source
    from briefgen.library.extract.model import (
        ExtractedDocument,
        Heading,
        NumberedParagraph,
        Page,
    )

Locate = Callable[[int, int], str]  # (start, end) offsets in the source's text -> a locator

MAP_PROBLEMS = (KeyError, TypeError, ValueError, AttributeError, IndexError, RecursionError)


def read_map(
    path: Path, text: str, problems: Problems, real_root: str, label: str
) -> tuple[Locate | None, bytes]:
    """The locator function of the map at `path` for the source `text`, and the map's bytes;
    (None, bytes read) after recording why the map cannot be used."""
    document, data = read_map_document(path, text, problems, real_root, label)
    return (document.locator if document is not None else None), data


def read_map_document(
    path: Path, text: str, problems: Problems, real_root: str, label: str
) -> tuple[ExtractedDocument | None, bytes]:
    """The structure map at `path` for the source `text` (its pages, headings and numbered
    paragraphs), and the map's bytes; (None, bytes read) after recording why it cannot be used."""
    data = read_bytes(path, problems, real_root, "source map", SOURCE_MAP_BYTES)
    if data is None:
        return None, b""
    where = display_path(path)
    content = decode(data, where, problems, "source map")
    if content is None:
        return None, data
    again = "import the document again, or write each item's locator by hand and remove `map`"
    try:
        fields: Any = json.loads(content)
        if not isinstance(fields, dict):
            raise TypeError("not a JSON object")
        stated = fields.pop("text_sha256")
        if not isinstance(stated, str):
            raise TypeError("text_sha256 must be text")
        document = _document(path, text, fields)
    except ImportError:
        problems.add(
            where, 0, f"{label}: this version of briefgen cannot read source maps; {again}"
        )
        return None, data
    except MAP_PROBLEMS as error:
        problems.add(where, 0, f"{label}: not a source map briefgen can read ({error}); {again}")
        return None, data
    if stated != hashlib.sha256(text.encode("utf-8")).hexdigest():
        problems.add(
            where,
            0,
            f"{label}: the source's text has changed since this map was made, so it no longer "
            f"says where its pages are; {again}",
        )
        return None, data
    return document, data


def _document(path: Path, text: str, fields: dict[str, Any]) -> ExtractedDocument:
    """The extractors' structure map for `text`, checked to lie within it."""
    # The extractors' model, imported only for a source that has a map.
    from briefgen.library.extract.model import ExtractedDocument

    document = ExtractedDocument.from_dict(path, text, fields)
    groups: tuple[tuple[Page | Heading | NumberedParagraph, ...], ...] = (
        document.pages,
        document.headings,
        document.paragraphs,
    )
    if any(not 0 <= span.start <= span.end <= len(text) for group in groups for span in group):
        raise ValueError("it places pages or headings outside the text")
    return document


def source_map(source: Source) -> ExtractedDocument | None:
    """An imported source's structure map, as the loader checked it: its headings (from the
    PDF's bookmarks or the Word file's styles) and its locators ("p. 12, para 4.3"); None
    for a source without a map, or whose map cannot be used (the loader has said why)."""
    if source.map_path is None:
        return None
    real_root = os.path.realpath(source.map_path.parent)
    document, _ = read_map_document(source.map_path, source.text, Problems(), real_root, source.id)
    return document
