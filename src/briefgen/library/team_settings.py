"""The team folders listed in the settings file `libraries.yaml`, as the loader, the app's
Team folders… dialog and `briefgen libraries` read them: each with the name listings show, and
where in the file it is written (for `team_edits`); and how each folder is now (decision 0204).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from briefgen.errors import BriefgenError

if TYPE_CHECKING:  # PyYAML is imported only where a settings file is read or written: a
    import yaml  # build with warm caches imports no YAML at all (decision 0006)

SETTINGS_BYTES = 100_000  # a list of folders; anything larger is not a settings file
RESERVED_NAMES = ("shipped", "yours")
NAME_CHARACTERS = 40
# A name listings, messages and `briefgen items --library NAME` show: a letter or digit first,
# then letters, digits, spaces and the punctuation of a team's name ("Children's services").
_NAME = re.compile(r"[^\W_][\w .,&'()-]*")
_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
FIX = "fix or delete the file"
_LISTFIX = "a list of folders, one per line starting '- '"


class TeamFolder(NamedTuple):
    """One team folder of the settings file: the name listings show for it, the folder as the
    file writes it, where that is, and whether the file gives the name (a renamed folder)."""

    name: str
    folder: str
    path: Path
    named: bool


class Entry(NamedTuple):
    folder: str
    name: str  # '' where the folder's own name is used
    first: int  # its first and last line in the file (0-based)
    last: int


class SettingsFile(NamedTuple):
    """The settings file as read: its text, entries, and where its list is."""

    path: Path
    lines: list[str]  # with their '\n'
    newline: str  # what the file ends its lines with
    entries: tuple[Entry, ...]
    key_line: int | None  # the line of 'team_libraries:'; None when the file has none
    value_last: int  # the list's last line
    block: bool  # a list of '- ' lines, edited line by line


# --- reading -------------------------------------------------------------------------------


def settings_path() -> Path:
    from briefgen.library.folders import settings_file

    return settings_file()


def read_team_folders(path: Path | None = None) -> tuple[TeamFolder, ...]:
    """The team folders the settings file at `path` (default: the user's) lists, in its order,
    none when there is no file; `BriefgenError` naming the file and line if it is wrong."""
    settings = read_settings(path if path is not None else settings_path())
    return named_folders(settings)


def read_settings(path: Path) -> SettingsFile:
    try:
        if not path.is_file():
            return SettingsFile(path, [], "\n", (), None, 0, False)
        if path.stat().st_size > SETTINGS_BYTES:
            raise BriefgenError(f"{path}: too large for a settings file; {FIX}")
        data = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BriefgenError(f"{path}: cannot read the library settings ({error}); {FIX}") from None
    return parse_settings(path, data)


def parse_settings(path: Path, data: str) -> SettingsFile:
    import yaml

    from briefgen.yamlloaders import SafeLoader

    newline = "\r\n" if "\r\n" in data else "\n"
    text = data.replace("\r\n", "\n")
    lines = text.splitlines(keepends=True)
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError as error:
        raise BriefgenError(f"{path}: cannot read the library settings ({error}); {FIX}") from None
    if root is None:
        return SettingsFile(path, lines, newline, (), None, 0, False)
    keys = [key.value for key, _ in root.value] if isinstance(root, yaml.MappingNode) else [None]
    if any(key != "team_libraries" for key in keys) or len(keys) > 1:
        raise BriefgenError(
            f"{path}: the library settings hold one field, 'team_libraries', a list of "
            f"folders; {FIX}"
        )
    if not keys:  # `{}`
        return SettingsFile(path, lines, newline, (), None, 0, False)
    key, value = root.value[0]
    if value.tag == _NULL:
        return SettingsFile(path, lines, newline, (), key.start_mark.line, _last_line(key), False)
    if not isinstance(value, yaml.SequenceNode):
        raise BriefgenError(
            f"{path}:{value.start_mark.line + 1}: 'team_libraries' must be {_LISTFIX}"
        )
    entries = tuple(_entry(path, node, lines) for node in value.value)
    _check_names(path, entries)
    block = not value.flow_style and all(entry.first > key.start_mark.line for entry in entries)
    last = max([_last_line(value), *(entry.last for entry in entries)])
    return SettingsFile(path, lines, newline, entries, key.start_mark.line, last, block)


def _entry(path: Path, node: yaml.Node, lines: list[str]) -> Entry:
    """One entry: a folder (`- /mnt/shared/team`), or a folder with its name (`- folder: …`
    and `name: …`)."""
    import yaml

    line = node.start_mark.line
    first = line
    while first > 0 and not lines[first].lstrip().startswith("-"):  # '-' alone on its line
        first -= 1
    if isinstance(node, yaml.ScalarNode) and node.tag == _STR and node.value:
        return Entry(node.value, "", first, _last_line(node))
    fields: dict[str, str] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            known = key.value in ("folder", "name") and key.value not in fields
            if known and isinstance(value, yaml.ScalarNode) and value.tag == _STR:
                fields[key.value] = value.value
                continue
            fields = {}
            break
    if not fields.get("folder"):
        raise BriefgenError(
            f"{path}:{line + 1}: 'team_libraries' must be {_LISTFIX}; a folder given a name "
            "has two lines, 'folder: DIR' and 'name: NAME'"
        )
    name = fields.get("name", "")
    problem = name_problem(name) if "name" in fields else ""
    if problem:
        raise BriefgenError(f"{path}:{line + 1}: {problem}; {FIX}")
    return Entry(fields["folder"], name, first, _last_line(node))


def _last_line(node: yaml.Node) -> int:
    """The last line `node`'s text is on (a mapping's: its last value's)."""
    import yaml

    if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
        return _last_line(node.value[-1][1])
    end = node.end_mark
    return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line


def _check_names(path: Path, entries: Sequence[Entry]) -> None:
    """A name given twice (written by hand) is an error: items would not say which is which."""
    seen: dict[str, Entry] = {}
    for entry in entries:
        if not entry.name:
            continue
        other = seen.get(entry.name.casefold())
        if other is not None:
            raise BriefgenError(
                f"{path}:{entry.first + 1}: the name '{entry.name}' is given to two team "
                f"folders (lines {other.first + 1} and {entry.first + 1}); give each its own"
            )
        seen[entry.name.casefold()] = entry


def _where(settings: SettingsFile, folder: str) -> Path:
    """A folder as written, a relative one taken from the settings file's own folder ('..'
    taken away, so messages and the app name it plainly)."""
    return Path(os.path.normpath(settings.path.parent / Path(folder).expanduser()))


def named_folders(settings: SettingsFile) -> tuple[TeamFolder, ...]:
    """The entries with the names listings show: a given name as it is, else the folder's own
    name, made unique with a number ("team-2") and never 'shipped' or 'yours'."""
    taken = {entry.name.casefold() for entry in settings.entries if entry.name}
    taken.update(RESERVED_NAMES)
    folders = []
    for entry in settings.entries:
        path = _where(settings, entry.folder)
        name = entry.name or unique_name(os.path.realpath(path), taken)
        taken.add(name.casefold())
        folders.append(TeamFolder(name, entry.folder, path, bool(entry.name)))
    return tuple(folders)


def unique_name(real: str, taken: set[str]) -> str:
    """The name listings show for a folder at `real`: its own name, made unique with a number;
    `taken` holds the names in use, case-folded."""
    base = Path(real).name or real
    name, number = base, 2
    while name.casefold() in taken:
        name, number = f"{base}-{number}", number + 1
    return name


def name_problem(name: str) -> str:
    """Why `name` cannot name a team folder, else ''."""
    if not name.strip():
        return "a team folder's name cannot be empty"
    if name.casefold() in RESERVED_NAMES:
        return f"'{name}' names a library of briefgen's own; choose another name"
    if len(name) > NAME_CHARACTERS or not _NAME.fullmatch(name) or name != name.strip():
        return (
            f"'{name}' cannot name a team folder: use up to {NAME_CHARACTERS} letters, digits, "
            "spaces and - ' & ( ) . , starting with a letter or digit"
        )
    return ""


# --- what each listed folder is like now ----------------------------------------------------


class FolderState(NamedTuple):
    """How a listed folder is now: `key` ("reachable", "read-only", "missing", "not a
    library"), a short label for a list, and a sentence saying what it means."""

    key: str
    label: str
    detail: str


def folder_state(folder: TeamFolder) -> FolderState:
    """Look at `folder` on disk (slow on a network share: call it off the GUI thread)."""
    from briefgen.content.model import LibraryFolder
    from briefgen.content.paths import holds_other_files, is_library
    from briefgen.library.destinations import write_refusal

    try:
        if not folder.path.is_dir():
            return FolderState(
                "missing",
                "Missing",
                f"The folder of '{folder.name}', {folder.path}, is not there: connect the "
                "shared drive, or remove it from the list. The content cannot load until you "
                "do one or the other.",
            )
        if not is_library(folder.path) and holds_other_files(folder.path):
            return FolderState(
                "not a library",
                "Not a library",
                f"The folder of '{folder.name}', {folder.path}, holds other files and no "
                "sources.yaml, organisations.yaml or items/ folder: remove it from the list "
                "and add the library's own folder.",
            )
    except OSError as error:
        return FolderState(
            "missing", "Missing", f"The folder of '{folder.name}' cannot be read ({error})."
        )
    if write_refusal(LibraryFolder(folder.path, "team", folder.name)) is not None:
        return FolderState(
            "read-only",
            "Read-only",
            f"The folder of '{folder.name}', {folder.path}, is read-only for you: its "
            "documents and items are read, and what you accept from them goes to your own "
            "library.",
        )
    empty = "" if is_library(folder.path) else " It is empty until the first import into it."
    return FolderState("reachable", "Reachable", f"{folder.path} is reachable.{empty}")
