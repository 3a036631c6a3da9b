"""The pack file: a versioned, human-readable YAML record of a `PackSpec`.

The CLI builds from it and the desktop app opens and saves it. Format (version 1):

    briefgen_pack: 1
    layout: committee-report          # member-briefing | committee-report | evidence-pack
    audience: scrutiny                # members | scrutiny | senior-officers | partners
    themes: [funding, workforce]      # empty means every theme
    meeting:
      title: ...
      meeting: Children's Services Scrutiny Committee
      date: 2026-12-03                # YYYY-MM-DD
      marking: OFFICIAL               # none, OFFICIAL or OFFICIAL-SENSITIVE
      large_print: false
      purpose: decision               # decision | discussion | noting
      wards: All wards
      author: {name: ..., role: ..., email: ..., phone: ...}
      contact: {name: ..., role: ..., email: ..., phone: ...}
    officer:
      summary: ...
      key_messages: [...]
      recommendations: [...]
      notes: ...
    items:
      exclude: [item ids]
      include: [item ids]
      order: [item ids]

Every value is read as text, then checked: `title: no` is the title "no" and `phone: 01234567`
keeps its leading zero (YAML's own guesses would make them false and an octal number). Unknown
fields are errors, so a misspelt one is not silently ignored. A field given twice is an error too
(YAML itself would keep the second value without a word). Saving over a pack file keeps the
comments an officer wrote in it (`briefgen.pack.comments`).
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from briefgen.atomic import write_atomic
from briefgen.content.yamlfile import duplicate_keys
from briefgen.errors import BriefgenError, PackFileError
from briefgen.pack.model import (
    LAYOUTS,
    PURPOSES,
    Contact,
    MeetingDetails,
    OfficerText,
    PackSpec,
    marking_from_text,
)
from briefgen.selection import AUDIENCES
from briefgen.spelling import closest

# libyaml's parser when PyYAML has it (much faster); both give the same nodes and values.
_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
FORMAT_VERSION = 1
SUFFIX = ".briefgen.yaml"
# The fields each part of the file may have; anything else is reported, with the closest name.
FIELDS: dict[str, tuple[str, ...]] = {
    "": ("briefgen_pack", "layout", "audience", "themes", "meeting", "officer", "items"),
    "meeting": (
        "title",
        "meeting",
        "date",
        "marking",
        "large_print",
        "purpose",
        "wards",
        "author",
        "contact",
    ),
    "meeting.author": tuple(f.name for f in fields(Contact)),
    "meeting.contact": tuple(f.name for f in fields(Contact)),
    "officer": ("summary", "key_messages", "recommendations", "notes"),
    "items": ("exclude", "include", "order"),
}
TRUE, FALSE = ("true", "yes", "on"), ("false", "no", "off", "")
EMPTY = ("", "null", "~")


def spec_to_data(spec: PackSpec) -> dict[str, Any]:
    """The plain-data form of `spec`, in the order a person reading the file expects."""
    meeting = spec.meeting

    def contact(person: Contact) -> dict[str, str]:
        return {f.name: getattr(person, f.name) for f in fields(Contact)}

    return {
        "briefgen_pack": FORMAT_VERSION,
        "layout": spec.layout,
        "audience": spec.audience,
        "themes": list(spec.themes),
        "meeting": {
            "title": meeting.title,
            "meeting": meeting.meeting,
            "date": meeting.meeting_date.isoformat() if meeting.meeting_date else "",
            "marking": meeting.marking,
            "large_print": meeting.large_print,
            "purpose": meeting.purpose,
            "wards": meeting.wards,
            "author": contact(meeting.author),
            "contact": contact(meeting.contact),
        },
        "officer": {
            "summary": spec.officer.summary,
            "key_messages": list(spec.officer.key_messages),
            "recommendations": list(spec.officer.recommendations),
            "notes": spec.officer.notes,
        },
        "items": {
            "exclude": list(spec.excluded),
            "include": list(spec.included),
            "order": list(spec.order),
        },
    }


HEADER = "# briefgen pack file (format 1). Build it with: briefgen build THIS_FILE -o pack.pdf\n"


def dumps(spec: PackSpec) -> str:
    return HEADER + yaml.safe_dump(
        spec_to_data(spec), sort_keys=False, allow_unicode=True, width=100
    )


def save_pack(spec: PackSpec, path: Path | str, keep_comments: bool = True) -> None:
    """Save `spec` to `path` atomically, keeping the comments of the file it replaces (see
    `briefgen.pack.comments`) unless `keep_comments` is false (the app's Save As over a
    different pack, whose comments describe that pack); `PackFileError` if it cannot be written."""
    path = Path(path)
    text = dumps(spec)
    earlier = _earlier_text(path) if keep_comments else ""
    if "#" in earlier:
        from briefgen.pack.comments import keep_comments as with_comments

        text = with_comments(earlier, text, HEADER)
    try:
        write_atomic(path, text.encode("utf-8"))
    except BriefgenError as error:
        raise PackFileError(str(error)) from None


def _earlier_text(path: Path) -> str:
    try:
        # "utf-8-sig": Windows Notepad may have saved the officer's edits with a byte-order mark.
        return path.read_text(encoding="utf-8-sig") if path.is_file() else ""
    except (OSError, UnicodeDecodeError):
        return ""  # not readable as a pack file: nothing of it to keep


class _Reader:
    """Typed access to the loaded data, with messages naming the file and the field."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, field_path: str, message: str) -> PackFileError:
        return PackFileError(f"{self.where}: '{field_path}' {message}")

    def mapping(self, data: Any, field_path: str) -> dict[str, Any]:
        if data is None or data in EMPTY:
            return {}
        if not isinstance(data, dict):
            raise self.fail(field_path, "must be a set of named fields")
        allowed = FIELDS[field_path]
        for name in data:
            if name not in allowed:
                close = closest(str(name), allowed)
                hint = f"did you mean '{close}'? " if close else ""
                where = f"{field_path}.{name}" if field_path else str(name)
                raise self.fail(
                    where, f"is not a pack file field; {hint}fields here: {', '.join(allowed)}"
                )
        return data

    def choice(
        self, data: dict[str, Any], name: str, field_path: str, allowed: tuple[str, ...]
    ) -> str:
        value = self.text(data, name, field_path)
        if value and value not in allowed:
            raise self.fail(field_path, f"is '{value}'; use one of: {', '.join(allowed)}")
        return value

    def flag(self, data: dict[str, Any], name: str, field_path: str) -> bool:
        value = data.get(name, "")
        if isinstance(value, str) and value.lower() in TRUE + FALSE:
            return value.lower() in TRUE
        raise self.fail(field_path, "must be true or false")

    def text(self, data: dict[str, Any], name: str, field_path: str) -> str:
        value = data.get(name, "")
        if value is None:
            return ""
        if isinstance(value, (list, dict)):
            raise self.fail(field_path, "must be text")
        return str(value)

    def text_list(self, data: dict[str, Any], name: str, field_path: str) -> list[str]:
        value = data.get(name) or []
        if isinstance(value, str):
            return [] if value in EMPTY else [value]
        if not isinstance(value, list) or any(isinstance(v, (list, dict)) for v in value):
            raise self.fail(field_path, "must be a list of text, like [a, b]")
        return [str(v) for v in value if v is not None]

    def contact(self, data: dict[str, Any], name: str, field_path: str) -> Contact:
        values = self.mapping(data.get(name), field_path)
        return Contact(
            **{f.name: self.text(values, f.name, f"{field_path}.{f.name}") for f in fields(Contact)}
        )


def spec_from_data(data: Any, where: str = "pack file") -> PackSpec:
    """Build a `PackSpec` from loaded YAML, raising `PackFileError` naming the bad field."""
    read = _Reader(where)
    if not isinstance(data, dict) or "briefgen_pack" not in data:
        raise PackFileError(
            f"{where}: not a briefgen pack file (it has no 'briefgen_pack: {FORMAT_VERSION}' line)"
        )
    version = data["briefgen_pack"]
    if version != str(FORMAT_VERSION) and not (isinstance(version, str) and version.isdigit()):
        raise read.fail("briefgen_pack", f"must be a format number, like {FORMAT_VERSION}")
    read.mapping(data, "")  # unknown fields at the top level
    if version != str(FORMAT_VERSION):
        raise PackFileError(
            f"{where}: pack file format {version} is not one this version of briefgen reads "
            f"(it reads format {FORMAT_VERSION}); update briefgen"
        )
    meeting_data = read.mapping(data.get("meeting"), "meeting")
    raw_date = read.text(meeting_data, "date", "meeting.date")
    meeting_date: date | None = None
    if raw_date not in EMPTY:
        try:
            meeting_date = date.fromisoformat(raw_date)
        except ValueError:
            raise read.fail(
                "meeting.date",
                f"is '{raw_date}', which is not a date; write it as YYYY-MM-DD, e.g. 2026-12-03",
            ) from None
    large_print = read.flag(meeting_data, "large_print", "meeting.large_print")
    marking = marking_from_text(read.text(meeting_data, "marking", "meeting.marking"))
    if marking is None:
        raise read.fail("meeting.marking", "must be none, OFFICIAL or OFFICIAL-SENSITIVE")
    officer_data = read.mapping(data.get("officer"), "officer")
    items_data = read.mapping(data.get("items"), "items")
    return PackSpec(
        layout=read.choice(data, "layout", "layout", LAYOUTS) or "member-briefing",
        audience=read.choice(data, "audience", "audience", tuple(AUDIENCES)) or "members",
        themes=read.text_list(data, "themes", "themes"),
        meeting=MeetingDetails(
            title=read.text(meeting_data, "title", "meeting.title"),
            meeting=read.text(meeting_data, "meeting", "meeting.meeting"),
            meeting_date=meeting_date,
            author=read.contact(meeting_data, "author", "meeting.author"),
            contact=read.contact(meeting_data, "contact", "meeting.contact"),
            marking=marking,
            large_print=large_print,
            purpose=read.choice(meeting_data, "purpose", "meeting.purpose", PURPOSES)
            or "discussion",
            wards=read.text(meeting_data, "wards", "meeting.wards"),
        ),
        officer=OfficerText(
            summary=read.text(officer_data, "summary", "officer.summary"),
            key_messages=read.text_list(officer_data, "key_messages", "officer.key_messages"),
            recommendations=read.text_list(
                officer_data, "recommendations", "officer.recommendations"
            ),
            notes=read.text(officer_data, "notes", "officer.notes"),
        ),
        excluded=read.text_list(items_data, "exclude", "items.exclude"),
        included=read.text_list(items_data, "include", "items.include"),
        order=read.text_list(items_data, "order", "items.order"),
    )


def loads(text: str, where: str = "pack file") -> PackSpec:
    # Every scalar as text (BaseLoader): the reader checks and converts each field itself.
    loader = _Loader(text)
    try:
        # What yaml.load does, with a look at the nodes in between: a key given twice would
        # otherwise keep its last value without a word.
        root = loader.get_single_node()
        if root is not None:
            _refuse_repeated_keys(root, where)
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = f":{mark.line + 1}" if mark else ""
        raise PackFileError(
            f"{where}{line}: not valid YAML ({error.problem}); fix the file or save the pack again "
            "from briefgen"
        ) from None
    except yaml.YAMLError as error:
        raise PackFileError(f"{where}: not valid YAML ({error})") from None
    finally:
        loader.dispose()
    return spec_from_data(data, where)


def _refuse_repeated_keys(root: yaml.Node, where: str) -> None:
    """Raise `PackFileError` for the first key (by line) given twice in one mapping, anywhere."""
    repeats: list[tuple[int, int, str]] = []
    checked: set[int] = set()
    pending: list[tuple[yaml.Node, str]] = [(root, "")]
    while pending:
        node, field_path = pending.pop()
        if id(node) in checked:  # an alias of a node already looked at
            continue
        checked.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for name, line, first_line in duplicate_keys(node):
                repeats.append((line, first_line, f"{field_path}.{name}" if field_path else name))
            # Reversed, so nodes come off the stack in the file's order and a mapping that is
            # reused through an alias is named where it is written.
            for key, value in reversed(node.value):
                name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
                pending.append((value, f"{field_path}.{name}" if field_path else name))
        elif isinstance(node, yaml.SequenceNode):
            pending.extend((entry, field_path) for entry in reversed(node.value))
    if repeats:
        line, first_line, field_path = min(repeats)
        first = "earlier on the same line" if first_line == line else f"first on line {first_line}"
        raise PackFileError(f"{where}:{line}: '{field_path}' is given twice ({first}); keep one")


def load_pack(path: Path | str) -> PackSpec:
    """Read a pack file; raise `PackFileError` with a message naming the file and the problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PackFileError(f"{path}: pack file not found; check the name") from None
    except OSError as error:
        raise PackFileError(f"{path}: cannot read the pack file ({error.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise PackFileError(
            f"{path}: not a UTF-8 text file; is it really a briefgen pack?"
        ) from None
    return loads(text, str(path))
