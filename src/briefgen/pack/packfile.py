"""The pack file: a versioned, human-readable YAML record of a `PackSpec`.

The CLI builds from it and the desktop app opens and saves it. Format (version 1):

    briefgen_pack: 1
    layout: committee-report          # member-briefing | committee-report | evidence-pack
    audience: scrutiny                # members (Councillors) | scrutiny | senior-officers | …
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
      key: [item ids]                 # marked key by the officer: they lead their theme
      not_key: [item ids]             # not key, whatever the content says

The fields, their kinds and their limits are declared once, in `briefgen.pack.model`; reading
and writing walk those declarations (`briefgen.pack.spec`). Every value is read as text, then
checked: `title: no` is the title "no" and `phone: 01234567` keeps its leading zero (YAML's own
guesses would make them false and an octal number). Unknown fields are errors, so a misspelt one
is not silently ignored. A field given twice is an error too (YAML itself would keep the second
value without a word). A value over its limit is an error naming its line, and a file of over
`MAX_FILE_BYTES` is not read at all. Saving over a pack file keeps the comments an officer wrote
in it (`briefgen.pack.comments`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from briefgen.atomic import write_atomic
from briefgen.content.yamlfile import duplicate_keys
from briefgen.errors import BriefgenError, PackFileError
from briefgen.pack.model import PackSpec
from briefgen.pack.spec import (
    EMPTY,
    Invalid,
    SpecField,
    TooLong,
    first_problem,
    mapping_keys,
    set_value,
    spec_fields,
    value_of,
)
from briefgen.spelling import closest

# libyaml's parser when PyYAML has it (much faster); both give the same nodes and values.
_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
FORMAT_VERSION = 1
SUFFIX = ".briefgen.yaml"
# Far more than the longest pack the fields' limits allow (README, "Pack files"), little enough
# to read at once: a bigger file is refused before it is parsed.
MAX_FILE_BYTES = 32 * 1024 * 1024
# The fields each part of the file may have; anything else is reported, with the closest name.
FIELDS: dict[str, tuple[str, ...]] = {
    path: ("briefgen_pack", *keys) if path == "" else keys
    for path, keys in mapping_keys(PackSpec).items()
}


def spec_to_data(spec: PackSpec) -> dict[str, Any]:
    """The plain-data form of `spec`, in the order a person reading the file expects."""
    data: dict[str, Any] = {"briefgen_pack": FORMAT_VERSION}
    for spec_field in spec_fields(PackSpec):
        *mappings, key = spec_field.path.split(".")
        part = data
        for name in mappings:
            part = part.setdefault(name, {})
        part[key] = spec_field.kind.write(value_of(spec, spec_field))
    return data


HEADER = "# briefgen pack file (format 1). Build it with: briefgen build THIS_FILE -o pack.pdf\n"


def dumps(spec: PackSpec) -> str:
    return HEADER + yaml.safe_dump(
        spec_to_data(spec), sort_keys=False, allow_unicode=True, width=100
    )


def save_pack(spec: PackSpec, path: Path | str, keep_comments: bool = True) -> None:
    """Save `spec` to `path` atomically, keeping the comments of the file it replaces (see
    `briefgen.pack.comments`) unless `keep_comments` is false (the app's Save As over a
    different pack, whose comments describe that pack); `PackFileError` if it cannot be written
    or a field is over its limit (a file briefgen could not open again)."""
    path = Path(path)
    problem = first_problem(spec)
    if problem:
        spec_field, invalid = problem
        raise PackFileError(f"{path}: {_subject(spec_field, invalid)} {invalid.reason}")
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


def _subject(spec_field: SpecField, invalid: Invalid) -> str:
    """How a message names the field at fault: "'officer.notes'", "'themes' entry 3"."""
    entry = f" entry {invalid.entry}" if invalid.entry else ""
    return f"'{spec_field.path}'{entry}"


def _shown(name: str) -> str:
    """A field name as a message quotes it: a long one (which YAML allows) cut short."""
    return name if len(name) <= 60 else name[:59] + "…"


class _Reader:
    """The loaded data's mappings, checked as they are first used, with messages naming the
    file and the field (and, for a value over its limit, the line)."""

    def __init__(self, data: dict[str, Any], where: str, lines: dict[str, int]) -> None:
        self.where = where
        self.lines = lines
        self.mappings: dict[str, dict[str, Any]] = {"": data}

    def fail(self, field_path: str, message: str) -> PackFileError:
        return PackFileError(f"{self.where}: '{field_path}' {message}")

    def mapping(self, field_path: str) -> dict[str, Any]:
        """The mapping at `field_path` ({} if absent), refusing any field it may not hold."""
        if field_path in self.mappings:
            return self.mappings[field_path]
        parent, _, name = field_path.rpartition(".")
        data = self.mapping(parent).get(name)
        if data is None or data in EMPTY:
            data = {}
        elif not isinstance(data, dict):
            raise self.fail(field_path, "must be a set of named fields")
        self.check_names(data, field_path)
        self.mappings[field_path] = data
        return data

    def check_names(self, data: dict[str, Any], field_path: str) -> None:
        allowed = FIELDS[field_path]
        for name in data:
            if name not in allowed:
                close = closest(str(name), allowed) if len(str(name)) <= 60 else None
                hint = f"did you mean '{close}'? " if close else ""
                where = _shown(f"{field_path}.{name}" if field_path else str(name))
                raise self.fail(
                    where, f"is not a pack file field; {hint}fields here: {', '.join(allowed)}"
                )

    def value(self, spec_field: SpecField) -> Any:
        parent, _, name = spec_field.path.rpartition(".")
        try:
            return spec_field.kind.read(self.mapping(parent).get(name))
        except TooLong as invalid:
            at = f"{spec_field.path}[{invalid.entry}]" if invalid.entry else spec_field.path
            line = self.lines.get(at, self.lines.get(spec_field.path))
            place = f"{self.where}:{line}" if line else self.where
            raise PackFileError(
                f"{place}: {_subject(spec_field, invalid)} {invalid.reason}"
            ) from None
        except Invalid as invalid:
            raise PackFileError(
                f"{self.where}: {_subject(spec_field, invalid)} {invalid.reason}"
            ) from None


def spec_from_data(
    data: Any, where: str = "pack file", lines: dict[str, int] | None = None
) -> PackSpec:
    """Build a `PackSpec` from loaded YAML, raising `PackFileError` naming the bad field;
    `lines` (field path, or "path[entry]", to its line) places a value over its limit."""
    if not isinstance(data, dict) or "briefgen_pack" not in data:
        raise PackFileError(
            f"{where}: this is not a pack saved by briefgen (it is empty or holds something "
            "else); open a pack you saved from briefgen, or start a new one with File > New"
        )
    read = _Reader(data, where, lines or {})
    version = data["briefgen_pack"]
    if version != str(FORMAT_VERSION) and not (
        isinstance(version, str) and version.isdigit() and len(version) <= 6
    ):
        raise read.fail("briefgen_pack", f"must be a format number, like {FORMAT_VERSION}")
    read.check_names(data, "")  # unknown fields at the top level
    if version != str(FORMAT_VERSION):
        raise PackFileError(
            f"{where}: pack file format {version} is not one this version of briefgen reads "
            f"(it reads format {FORMAT_VERSION}); update briefgen"
        )
    spec = PackSpec()
    for spec_field in spec_fields(PackSpec):
        set_value(spec, spec_field, read.value(spec_field))
    return spec


def loads(text: str, where: str = "pack file") -> PackSpec:
    # Every scalar as text (BaseLoader): the reader checks and converts each field itself.
    loader = _Loader(text)
    try:
        # What yaml.load does, with a look at the nodes in between: a key given twice would
        # otherwise keep its last value without a word, and the nodes know their lines.
        root = loader.get_single_node()
        lines = _field_lines(root, where) if root is not None else {}
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        # Where the mistake starts (a quote left open is reported where it opens), not where
        # the parser gave up.
        from briefgen.content.yamlfile import syntax_error_start

        line_number, _, problem = syntax_error_start(text, error)
        line = f":{line_number}" if line_number else ""
        raise PackFileError(
            f"{where}{line}: not valid YAML ({problem}); fix the file or save the pack again "
            "from briefgen"
        ) from None
    except yaml.YAMLError as error:
        raise PackFileError(f"{where}: not valid YAML ({error})") from None
    finally:
        loader.dispose()
    return spec_from_data(data, where, lines)


def _field_lines(root: yaml.Node, where: str) -> dict[str, int]:
    """The line of each field ("meeting.title") and list entry ("themes[2]") in the file;
    `PackFileError` for the first key (by line) given twice in one mapping, anywhere."""
    lines: dict[str, int] = {}
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
                path = f"{field_path}.{name}" if field_path else name
                lines[path] = key.start_mark.line + 1
                pending.append((value, path))
        elif isinstance(node, yaml.SequenceNode):
            for number, entry in enumerate(node.value, 1):
                lines[f"{field_path}[{number}]"] = entry.start_mark.line + 1
            pending.extend((entry, field_path) for entry in reversed(node.value))
    if repeats:
        line, first_line, field_path = min(repeats)
        first = "earlier on the same line" if first_line == line else f"first on line {first_line}"
        raise PackFileError(f"{where}:{line}: '{field_path}' is given twice ({first}); keep one")
    return lines


def load_pack(path: Path | str) -> PackSpec:
    """Read a pack file; raise `PackFileError` with a message naming the file and the problem."""
    path = Path(path)
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)  # no more, whatever the file (or device) holds
    except FileNotFoundError:
        raise PackFileError(f"{path}: pack file not found; check the name") from None
    except OSError as error:
        raise PackFileError(f"{path}: cannot read the pack file ({error.strerror})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise PackFileError(
            f"{path}: over {MAX_FILE_BYTES // 2**20} MB, far more than any pack file holds; "
            "is it really a briefgen pack?"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise PackFileError(
            f"{path}: not a UTF-8 text file; is it really a briefgen pack?"
        ) from None
    return loads(text, str(path))
