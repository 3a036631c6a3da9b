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
      marking: OFFICIAL               # "", OFFICIAL or OFFICIAL-SENSITIVE
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
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from briefgen.atomic import write_atomic
from briefgen.errors import BriefgenError, PackFileError
from briefgen.pack.model import Contact, MeetingDetails, OfficerText, PackSpec

FORMAT_VERSION = 1
SUFFIX = ".briefgen.yaml"


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


def dumps(spec: PackSpec) -> str:
    header = (
        "# briefgen pack file (format 1). Build it with: briefgen build THIS_FILE -o pack.pdf\n"
    )
    return header + yaml.safe_dump(
        spec_to_data(spec), sort_keys=False, allow_unicode=True, width=100
    )


def save_pack(spec: PackSpec, path: Path | str) -> None:
    """Save `spec` to `path` atomically; raise `PackFileError` if it cannot be written."""
    try:
        write_atomic(Path(path), dumps(spec).encode("utf-8"))
    except BriefgenError as error:
        raise PackFileError(str(error)) from None


class _Reader:
    """Typed access to the loaded data, with messages naming the file and the field."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, field_path: str, message: str) -> PackFileError:
        return PackFileError(f"{self.where}: '{field_path}' {message}")

    def mapping(self, data: Any, field_path: str) -> dict[str, Any]:
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise self.fail(field_path, "must be a set of named fields")
        return data

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
            return [value]
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
    if version != FORMAT_VERSION:
        raise PackFileError(
            f"{where}: pack file format {version!r} is not one this version of briefgen reads "
            f"(it reads format {FORMAT_VERSION}); update briefgen"
        )
    meeting_data = read.mapping(data.get("meeting"), "meeting")
    raw_date = meeting_data.get("date")
    meeting_date: date | None
    if raw_date in (None, ""):
        meeting_date = None
    elif isinstance(raw_date, date):
        meeting_date = raw_date
    else:
        try:
            meeting_date = date.fromisoformat(str(raw_date))
        except ValueError:
            raise read.fail(
                "meeting.date", f"is '{raw_date}'; write the date as YYYY-MM-DD"
            ) from None
    large_print = meeting_data.get("large_print", False)
    if not isinstance(large_print, bool):
        raise read.fail("meeting.large_print", "must be true or false")
    officer_data = read.mapping(data.get("officer"), "officer")
    items_data = read.mapping(data.get("items"), "items")
    return PackSpec(
        layout=read.text(data, "layout", "layout") or "member-briefing",
        audience=read.text(data, "audience", "audience") or "members",
        themes=read.text_list(data, "themes", "themes"),
        meeting=MeetingDetails(
            title=read.text(meeting_data, "title", "meeting.title"),
            meeting=read.text(meeting_data, "meeting", "meeting.meeting"),
            meeting_date=meeting_date,
            author=read.contact(meeting_data, "author", "meeting.author"),
            contact=read.contact(meeting_data, "contact", "meeting.contact"),
            marking=read.text(meeting_data, "marking", "meeting.marking"),
            large_print=large_print,
            purpose=read.text(meeting_data, "purpose", "meeting.purpose") or "discussion",
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
    try:
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = f":{mark.line + 1}" if mark else ""
        raise PackFileError(
            f"{where}{line}: not valid YAML ({error.problem}); fix the file or save the pack again "
            "from briefgen"
        ) from None
    except yaml.YAMLError as error:
        raise PackFileError(f"{where}: not valid YAML ({error})") from None
    return spec_from_data(data, where)


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
