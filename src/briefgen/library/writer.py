"""Write library files for the officer — a new source entry, new items — without disturbing
what a person wrote: new records are appended as YAML text in a fixed field order, so the file
stays readable and diffable and hand edits and comments above survive; each write is atomic and
is read back before it replaces the file."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from briefgen.atomic import write_atomic
from briefgen.errors import BriefgenError

# The order fields are written in: the order a person reads a record in.
SOURCE_ORDER = (
    "id",
    "title",
    "publisher",
    "date",
    "short_title",
    "file",
    "original",
    "url",
    "furniture",
)
ITEM_ORDER = ("id", "kind", "org", "locator", "themes", "key", "headline", "text")

SOURCES_HEADER = (
    "# Source documents of this library, added by `briefgen import` (edit freely: new\n"
    "# entries are appended below, and comments and hand edits are kept).\n"
)
ITEMS_HEADER = (
    "# Items quoted from '{title}'. Each `text` must appear word for word in the\n"
    "# source's text; `briefgen check` verifies it. `headline` is the officer's own summary.\n"
)


class _Dumper(yaml.SafeDumper):
    """Lists of short words (themes) on one line; long text folded at a readable width."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = ">" if len(value) > 80 and "\n" not in value and value == value.strip() else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)


def _ordered(record: Mapping[str, Any], order: Sequence[str]) -> dict[str, Any]:
    unknown = sorted(set(record) - set(order))
    if unknown:
        raise ValueError(f"unknown fields {unknown}")
    # Left out, as a person writing the file would leave them out.
    empty: tuple[object, ...] = (None, "", [], (), False)
    return {name: record[name] for name in order if record.get(name) not in empty}


def record_yaml(record: Mapping[str, Any], order: Sequence[str], indent: int = 0) -> str:
    """One record as a YAML list entry (`- id: …`), fields in `order`, indented by `indent`."""
    fields = _ordered(record, order)
    for name, value in fields.items():
        if isinstance(value, tuple):
            fields[name] = list(value)
    text = yaml.dump(
        [fields],
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=92,
        default_flow_style=None,
    )
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))


def _append(path: Path, header: str, block: str, expected: list[dict[str, Any]], key: str) -> None:
    """Append `block` to `path` (or start it with `header`), check that the new file reads back
    with `expected` as its last records, and replace the file atomically."""
    old = path.read_text(encoding="utf-8") if path.exists() else header
    if old and not old.endswith("\n"):
        old += "\n"
    new = old + block
    try:
        data = yaml.safe_load(new)
    except yaml.YAMLError as error:
        raise BriefgenError(
            f"cannot add to {path}: the file does not read as YAML ({error}); fix it by hand "
            "and try again (it is unchanged)"
        ) from None
    records = data.get(key) if isinstance(data, dict) else data
    written = records[-len(expected) :] if isinstance(records, list) else None
    wanted = [_plain(_ordered(record, list(record))) for record in expected]
    if written != wanted:
        raise BriefgenError(
            f"cannot add to {path}: its last entries would not read back as written (is the "
            "file's last list indented differently?); fix it by hand and try again (it is "
            "unchanged)"
        )
    write_atomic(path, new.encode("utf-8"))


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    return {name: list(v) if isinstance(v, tuple) else v for name, v in record.items()}


def append_source(library: Path, source: Mapping[str, Any]) -> None:
    """Add `source` (a sources.yaml record) at the end of the library's `sources.yaml`."""
    block = "\n" + record_yaml(source, SOURCE_ORDER)
    _append(library / "sources.yaml", SOURCES_HEADER, block, [dict(source)], key="")


def append_items(
    library: Path, source_id: str, title: str, items: Sequence[Mapping[str, Any]]
) -> Path:
    """Add `items` at the end of `items/<source_id>.yaml` (created, with its `source:` line,
    if new). Returns the file written."""
    path = library / "items" / f"{source_id}.yaml"
    header = ITEMS_HEADER.format(title=title.replace("\n", " ")) + f"source: {source_id}\nitems:\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    block = "".join(record_yaml(item, ITEM_ORDER, indent=2) for item in items)
    _append(path, header, block, [dict(item) for item in items], key="items")
    return path
