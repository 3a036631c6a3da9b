"""Write library files for the officer — a new source entry, new items — without disturbing
what a person wrote: new records are appended as YAML text in a fixed field order, so the file
stays readable and diffable and hand edits and comments above survive; each write is atomic and
is read back before it replaces the file.

A library may sit on a shared drive or come from a colleague, so the writer holds to the rules
the loader reads by: it never reads or writes through a link that leads outside the library,
never reads a file past the content size limit or writes one over it, and refuses a field over
the field limit (`briefgen.limits`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from briefgen.atomic import write_atomic
from briefgen.content.paths import outside_target
from briefgen.content.yamlfile import Problems, SafeLoader, decode, read_bytes
from briefgen.errors import BriefgenError
from briefgen.limits import CONTENT_FILE_BYTES, FIELD_CHARACTERS, megabytes

# The order fields are written in: the order a person reads a record in.
SOURCE_ORDER = (
    "id",
    "title",
    "publisher",
    "date",
    "short_title",
    "file",
    "original",
    "map",
    "url",
    "organisations",
    "furniture",
)
ITEM_ORDER = ("id", "kind", "org", "locator", "themes", "key", "headline", "restates", "text")
ORGANISATION_ORDER = ("id", "name", "short")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # as the loader requires; also a file name

SOURCES_HEADER = (
    "# Source documents of this library, added by `briefgen import` (edit freely: new\n"
    "# entries are appended below, and comments and hand edits are kept).\n"
)
ORGANISATIONS_HEADER = (
    "# Whose view an item states, added to the shipped list. `short` is how a citation names\n"
    "# the organisation. `briefgen import` adds a document's publisher here when briefgen does\n"
    "# not know it (edit freely: new entries are appended below).\n"
)
ITEMS_HEADER = (
    "# Items quoted from '{title}'. Each `text` must appear word for word in the\n"
    "# source's text; `briefgen check` verifies it. `headline` is the officer's own summary.\n"
)

try:  # libyaml writes the same text as the pure-Python emitter, ten times faster
    _BaseDumper: type[yaml.SafeDumper] = yaml.CSafeDumper  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseDumper = yaml.SafeDumper


class _Dumper(_BaseDumper):  # type: ignore[misc, valid-type]
    """Lists of short words (themes) on one line; long text folded at a readable width."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Folded where every paragraph is one clean line: a quote's list items, a blank line apart
    # in the value (as_item_text), are folded with blank lines between them.
    paragraphs = value.split("\n\n")
    clean = all(p and "\n" not in p and p == p.strip() for p in paragraphs)
    style = ">" if (len(value) > 80 or len(paragraphs) > 1) and clean else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_record(dumper: yaml.SafeDumper, value: dict[str, Any]) -> yaml.MappingNode:
    # A record is always written a field a line, even when every field is a short text.
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=False)


_Dumper.add_representer(str, _represent_text)
_Dumper.add_representer(dict, _represent_record)


def _ordered(record: Mapping[str, Any], order: Sequence[str]) -> dict[str, Any]:
    unknown = sorted(set(record) - set(order))
    if unknown:
        raise ValueError(f"unknown fields {unknown}")
    # Left out, as a person writing the file would.
    empty: tuple[object, ...] = (None, "", [], (), False)
    fields = {name: record[name] for name in order if record.get(name) not in empty}
    for name, value in fields.items():
        texts = value if isinstance(value, (list, tuple)) else [value]
        longest = max((len(text) for text in texts if isinstance(text, str)), default=0)
        if longest > FIELD_CHARACTERS:
            raise BriefgenError(
                f"cannot add '{record.get('id', '')}': its '{name}' is {longest:,} characters "
                f"long, over briefgen's limit of {FIELD_CHARACTERS:,} for a field; shorten it"
            )
        if isinstance(value, tuple):
            fields[name] = list(value)
    return fields


def record_yaml(record: Mapping[str, Any], order: Sequence[str], indent: int = 0) -> str:
    """One record as a YAML list entry (`- id: …`), fields in `order`, indented by `indent`."""
    text = yaml.dump(
        [_ordered(record, order)],
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=92,
        default_flow_style=None,
    )
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))


def inside_library(library: Path, name: str) -> Path:
    """`library / name`, refused if it, or the folder it is in, leads outside the library
    through a symbolic link (nothing outside is read or written)."""
    real_root = os.path.realpath(library)
    path = library / name
    for step in (path.parent, path):  # a link that does not lead anywhere yet counts too
        outside = outside_target(step, real_root)
        if outside is not None:
            raise BriefgenError(
                f"cannot add to {path}: it leads to {outside}, outside the library {library}; "
                "replace the link with the file itself (briefgen writes nothing outside)"
            )
    return path


def _read_existing(path: Path, library: Path) -> str | None:
    """The text of `path` before the append (None if it is new), read as the loader reads it."""
    if not os.path.lexists(path):
        return None
    problems = Problems()
    data = read_bytes(path, problems, os.path.realpath(library), "library file")
    text = decode(data, str(path), problems, "library file") if data is not None else None
    if text is None:
        reason = problems.lines[0] if problems else str(path)
        raise BriefgenError(f"cannot add to {path}: {reason} (it is unchanged)")
    return text


def _append(
    path: Path, library: Path, header: str, block: str, expected: list[dict[str, Any]], key: str
) -> None:
    """Append `block` to `path` (or start it with `header`), check that the new file reads back
    with `expected` as its last records, and replace the file atomically."""
    old = _read_existing(path, library)
    old = header if old is None else old
    if old and not old.endswith("\n"):
        old += "\n"
    new = old + block
    size = len(new.encode("utf-8"))
    if size > CONTENT_FILE_BYTES:
        raise BriefgenError(
            f"cannot add to {path}: it would be {megabytes(size)}, over briefgen's limit of "
            f"{megabytes(CONTENT_FILE_BYTES)} for a content file; start another file (it is "
            "unchanged)"
        )
    try:
        data = yaml.load(new, Loader=SafeLoader)
    except yaml.YAMLError as error:
        raise BriefgenError(
            f"cannot add to {path}: the file does not read as YAML ({error}); fix it by hand "
            "and try again (it is unchanged)"
        ) from None
    records = data.get(key) if isinstance(data, dict) else data
    written = records[-len(expected) :] if isinstance(records, list) else None
    wanted = [_ordered(record, list(record)) for record in expected]
    if written != wanted:
        raise BriefgenError(
            f"cannot add to {path}: its last entries would not read back as written (is the "
            "file's last list indented differently?); fix it by hand and try again (it is "
            "unchanged)"
        )
    write_atomic(path, new.encode("utf-8"))


def _check_id(value: object, what: str) -> str:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise BriefgenError(
            f"cannot add {what} '{value}': an id must be lower-case letters, digits and hyphens"
        )
    return value


def append_source(library: Path, source: Mapping[str, Any]) -> None:
    """Add `source` (a sources.yaml record) at the end of the library's `sources.yaml`."""
    _check_id(source.get("id"), "source")
    path = inside_library(library, "sources.yaml")
    block = "\n" + record_yaml(source, SOURCE_ORDER)
    _append(path, library, SOURCES_HEADER, block, [dict(source)], key="")


def append_organisation(library: Path, organisation: Mapping[str, Any]) -> None:
    """Add `organisation` (id, name, short) at the end of the library's `organisations.yaml`."""
    _check_id(organisation.get("id"), "organisation")
    path = inside_library(library, "organisations.yaml")
    block = "\n" + record_yaml(organisation, ORGANISATION_ORDER)
    _append(path, library, ORGANISATIONS_HEADER, block, [dict(organisation)], key="")


def append_items(
    library: Path, source_id: str, title: str, items: Sequence[Mapping[str, Any]]
) -> Path:
    """Add `items` at the end of `items/<source_id>.yaml` (created, with its `source:` line,
    if new). Returns the file written."""
    _check_id(source_id, "items for source")
    for item in items:
        _check_id(item.get("id"), "item")
    path = inside_library(library, f"items/{source_id}.yaml")
    # The title goes in a comment: any line break in it would end the comment early.
    header = ITEMS_HEADER.format(title=" ".join(title.split())) + f"source: {source_id}\nitems:\n"
    block = "".join(record_yaml(item, ITEM_ORDER, indent=2) for item in items)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BriefgenError(
            f"cannot make the folder {path.parent}: {error.strerror or error}; check the "
            "library folder (nothing was written)"
        ) from None
    _append(path, library, header, block, [dict(item) for item in items], key="items")
    return path
