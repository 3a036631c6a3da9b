"""Read the content files that hold a YAML list of records (themes, organisations, sources,
glossary, audiences), each record checked against its fields and its id checked well formed and
used once; shared by the loader and the audience profiles.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefgen.content.itemsfile import ID_PATTERN
from briefgen.content.model import LibraryFolder
from briefgen.content.records import Field, read_record
from briefgen.content.yamlfile import (
    Problems,
    compose,
    display_path,
    line_of,
    mapping,
    scalar,
    sequence,
)


def read_list_file(
    path: Path,
    fields: tuple[Field, ...],
    noun: str,
    problems: Problems,
    real_root: str,
    key: str = "id",
    library: LibraryFolder | None = None,
) -> list[dict[str, Any]]:
    """Read a file holding a YAML list of records (themes, organisations, sources, glossary,
    audiences). A library's file: only the shipped library must have one, and its ids are
    checked across libraries by the caller; any other file (`library` None) must exist and its
    ids must be unique within it."""
    if library is not None and library.kind != "shipped" and not os.path.lexists(path):
        return []
    root = compose(path, problems, real_root)
    if root is None:
        return []
    where = display_path(path)
    entries = sequence(root)
    if entries is None:
        problems.add(where, line_of(root), f"expected a list of {noun}s, each starting with '- '")
        return []
    records = []
    for index, node in enumerate(entries, start=1):
        values = mapping(node) or {}
        name = scalar(values[key]) if key in values else None
        label = f"{noun} '{name}'" if name else f"{noun} {index}"
        record = read_record(node, fields, where, label, problems)
        if record is not None:
            record["_where"] = where
            record["_library"] = library
            records.append(record)
    if library is None:
        _check_unique(records, key, noun, problems)
    return records


def read_lists(
    name: str,
    fields: tuple[Field, ...],
    noun: str,
    problems: Problems,
    libraries: Sequence[tuple[LibraryFolder, str]],
    key: str = "id",
) -> list[dict[str, Any]]:
    """The records of the file `name` in every library, each id used only once across them."""
    records = []
    for library, real_root in libraries:
        path = library.path / name
        records += read_list_file(path, fields, noun, problems, real_root, key, library)
    _check_unique(records, key, noun, problems)
    return records


def _check_unique(records: list[dict[str, Any]], key: str, noun: str, problems: Problems) -> None:
    first: dict[str, dict[str, Any]] = {}
    for record in records:
        value = record[key]
        if value in first:
            earlier = first[value]
            problems.add(
                record["_where"],
                record["_line"],
                f"{noun} '{value}': duplicate id, first used at {earlier['_where']}:"
                f"{earlier['_line']}; give one of them a new id",
            )
        else:
            first[value] = record


def check_id(record: dict[str, Any], noun: str, problems: Problems) -> bool:
    if ID_PATTERN.match(record["id"]):
        return True
    problems.add(
        record["_where"],
        record["_line"],
        f"{noun} '{record['id']}': id must be lower-case letters, digits and hyphens",
    )
    return False
