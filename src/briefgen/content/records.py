"""The fields of each kind of content record, declared once, and the check of one record.

`read_record` turns one YAML mapping into plain values, recording every problem with its
line: a missing, unknown, repeated, empty or over-long field, or a value of the wrong type.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from briefgen.content.yamlfile import (
    Problems,
    boolean,
    key_problems,
    line_of,
    mapping,
    scalar,
    sequence,
)
from briefgen.limits import FIELD_CHARACTERS


@dataclass(frozen=True)
class Field:
    """One field of a record in a content file: its name, type and whether it must be there."""

    name: str
    type: str = "text"  # text | bool | list
    required: bool = True


THEME_FIELDS = (Field("id"), Field("label"), Field("intro"), Field("rule", required=False))
ORG_FIELDS = (Field("id"), Field("name"), Field("short"))
GLOSSARY_FIELDS = (Field("term"), Field("expansion"), Field("explanation", required=False))
SOURCE_FIELDS = (
    Field("id"),
    Field("title"),
    Field("publisher"),
    Field("date"),
    Field("short_title"),
    Field("file"),
    Field("url", required=False),
    Field("furniture", "list", required=False),
    Field("organisations", "list", required=False),
    Field("original", required=False),  # an imported file, kept as it came
    Field("map", required=False),  # where pages, headings and paragraphs are in `file`
)
ITEMS_FILE_FIELDS = ("source", "items")
ITEM_FIELDS = (
    Field("id"),
    Field("kind"),
    Field("text"),
    Field("locator"),
    Field("org"),
    Field("themes", "list"),
    Field("key", "bool", required=False),
    Field("headline", required=False),
    Field("restates", required=False),
)


def read_record(
    node: yaml.Node,
    fields: tuple[Field, ...],
    where: str,
    label: str,
    problems: Problems,
    optional: frozenset[str] = frozenset(),
) -> dict[str, Any] | None:
    """Check one mapping against `fields`; return plain values, or None if it is unusable.
    Fields named in `optional` may be left out here although `fields` requires them."""
    line = line_of(node)
    values = mapping(node)
    if values is None:
        problems.add(where, line, f"{label}: expected a mapping of fields (name: value)")
        return None
    assert isinstance(node, yaml.MappingNode)
    for key_line, message in key_problems(node, [f.name for f in fields]):
        problems.add(where, key_line, f"{label}: {message}")
    record: dict[str, Any] = {"_line": line}
    ok = True
    for spec in fields:
        value_node = values.get(spec.name)
        if value_node is None or (scalar(value_node) == "" and value_node.tag.endswith(":null")):
            if spec.required and spec.name not in optional:
                problems.add(where, line, f"{label}: missing field '{spec.name}'; add it")
                ok = False
            continue
        field_line = line_of(value_node)
        record[f"_line_{spec.name}"] = field_line
        if spec.type == "bool":
            flag = boolean(value_node)
            if flag is None:
                problems.add(where, field_line, f"{label}: '{spec.name}' must be true or false")
                ok = False
            record[spec.name] = flag
        elif spec.type == "list":
            entries = sequence(value_node)
            if entries is None and scalar(value_node) is not None:
                entries = [value_node]  # a single value where a list is expected is fine
            texts = [scalar(entry) for entry in entries or []]
            if entries is None or any(text is None for text in texts):
                problems.add(
                    where,
                    field_line,
                    f"{label}: '{spec.name}' must be a list of names, like [a, b]",
                )
                ok = False
            record[spec.name] = [text.strip() for text in texts if text is not None]
            if any(len(text) > FIELD_CHARACTERS for text in record[spec.name]):
                problems.add(where, field_line, _too_long(label, spec.name, record[spec.name]))
                ok = False
        else:
            text = scalar(value_node)
            if text is None:
                problems.add(where, field_line, f"{label}: '{spec.name}' must be text, not a list")
                ok = False
            elif not text.strip():
                problems.add(where, field_line, f"{label}: '{spec.name}' is empty; write it out")
                ok = False
            elif len(text) > FIELD_CHARACTERS:
                problems.add(where, field_line, _too_long(label, spec.name, [text]))
                ok = False
            record[spec.name] = (text or "").strip()
    return record if ok else None


def _too_long(label: str, name: str, texts: list[str]) -> str:
    longest = max(len(text) for text in texts)
    remedy = "quote a shorter passage" if name == "text" else "shorten it"
    return (
        f"{label}: '{name}' is {longest:,} characters long, over briefgen's limit of "
        f"{FIELD_CHARACTERS:,} for a field; {remedy}"
    )
