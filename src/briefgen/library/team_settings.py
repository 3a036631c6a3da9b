"""The team folders listed in the settings file `libraries.yaml`, read as the loader reads them
and added, renamed or removed for the app's Team folders… dialog and `briefgen libraries`:
each change is checked by the loader's rules first and written atomically, the rest of the
file (comments, blank lines, how it is indented) kept as the officer left it (decision 0204).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
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
_FIX = "fix or delete the file"
_LIST_FIX = "a list of folders, one per line starting '- '"


class TeamFolder(NamedTuple):
    """One team folder of the settings file: the name listings show for it, the folder as the
    file writes it, where that is, and whether the file gives the name (a renamed folder)."""

    name: str
    folder: str
    path: Path
    named: bool


class _Entry(NamedTuple):
    folder: str
    name: str  # '' where the folder's own name is used
    first: int  # its first and last line in the file (0-based)
    last: int


class _Settings(NamedTuple):
    """The settings file as read: its text, entries, and where its list is."""

    path: Path
    lines: list[str]  # with their '\n'
    newline: str  # what the file ends its lines with
    entries: tuple[_Entry, ...]
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
    settings = _read(path if path is not None else settings_path())
    return _named(settings)


def _read(path: Path) -> _Settings:
    try:
        if not path.is_file():
            return _Settings(path, [], "\n", (), None, 0, False)
        if path.stat().st_size > SETTINGS_BYTES:
            raise BriefgenError(f"{path}: too large for a settings file; {_FIX}")
        data = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BriefgenError(f"{path}: cannot read the library settings ({error}); {_FIX}") from None
    return _parse(path, data)


def _parse(path: Path, data: str) -> _Settings:
    import yaml

    from briefgen.yamlloaders import SafeLoader

    newline = "\r\n" if "\r\n" in data else "\n"
    text = data.replace("\r\n", "\n")
    lines = text.splitlines(keepends=True)
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError as error:
        raise BriefgenError(f"{path}: cannot read the library settings ({error}); {_FIX}") from None
    if root is None:
        return _Settings(path, lines, newline, (), None, 0, False)
    keys = [key.value for key, _ in root.value] if isinstance(root, yaml.MappingNode) else [None]
    if any(key != "team_libraries" for key in keys) or len(keys) > 1:
        raise BriefgenError(
            f"{path}: the library settings hold one field, 'team_libraries', a list of "
            f"folders; {_FIX}"
        )
    if not keys:  # `{}`
        return _Settings(path, lines, newline, (), None, 0, False)
    key, value = root.value[0]
    if value.tag == _NULL:
        return _Settings(path, lines, newline, (), key.start_mark.line, _last_line(key), False)
    if not isinstance(value, yaml.SequenceNode):
        raise BriefgenError(
            f"{path}:{value.start_mark.line + 1}: 'team_libraries' must be {_LIST_FIX}"
        )
    entries = tuple(_entry(path, node, lines) for node in value.value)
    _check_names(path, entries)
    block = not value.flow_style and all(entry.first > key.start_mark.line for entry in entries)
    last = max([_last_line(value), *(entry.last for entry in entries)])
    return _Settings(path, lines, newline, entries, key.start_mark.line, last, block)


def _entry(path: Path, node: yaml.Node, lines: list[str]) -> _Entry:
    """One entry: a folder (`- /mnt/shared/team`), or a folder with its name (`- folder: …`
    and `name: …`)."""
    import yaml

    line = node.start_mark.line
    first = line
    while first > 0 and not lines[first].lstrip().startswith("-"):  # '-' alone on its line
        first -= 1
    if isinstance(node, yaml.ScalarNode) and node.tag == _STR and node.value:
        return _Entry(node.value, "", first, _last_line(node))
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
            f"{path}:{line + 1}: 'team_libraries' must be {_LIST_FIX}; a folder given a name "
            "has two lines, 'folder: DIR' and 'name: NAME'"
        )
    name = fields.get("name", "")
    problem = name_problem(name) if "name" in fields else ""
    if problem:
        raise BriefgenError(f"{path}:{line + 1}: {problem}; {_FIX}")
    return _Entry(fields["folder"], name, first, _last_line(node))


def _last_line(node: yaml.Node) -> int:
    """The last line `node`'s text is on (a mapping's: its last value's)."""
    import yaml

    if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
        return _last_line(node.value[-1][1])
    end = node.end_mark
    return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line


def _check_names(path: Path, entries: Sequence[_Entry]) -> None:
    """A name given twice (written by hand) is an error: items would not say which is which."""
    seen: dict[str, _Entry] = {}
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


def _where(settings: _Settings, folder: str) -> Path:
    """A folder as written, a relative one taken from the settings file's own folder ('..'
    taken away, so messages and the app name it plainly)."""
    return Path(os.path.normpath(settings.path.parent / Path(folder).expanduser()))


def _named(settings: _Settings) -> tuple[TeamFolder, ...]:
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


# --- changing the list -----------------------------------------------------------------------


def add_team_folder(folder: Path | str, name: str = "", path: Path | None = None) -> TeamFolder:
    """List `folder` (a library, or an empty folder to start one) as a team folder, under
    `name` or its own name; return it as listed. Refused, naming it and the remedy, where the
    loader would refuse it or it is read already."""
    settings = _read(path if path is not None else settings_path())
    where = Path(os.path.abspath(Path(folder).expanduser()))
    check_new_folder(where, _named(settings))
    if name:
        _check_new_name(name, _named(settings), None)
    entry = _Entry(str(where), name, 0, 0)
    _write(settings, [*settings.entries, entry], ("add", len(settings.entries)))
    return _named(_read(settings.path))[-1]


def rename_team_folder(which: str, name: str, path: Path | None = None) -> TeamFolder:
    """Give the team folder `which` (its name or folder) the name `name`."""
    settings = _read(path if path is not None else settings_path())
    listed = _named(settings)
    index = find_team_folder(which, listed, settings.path)
    _check_new_name(name, listed, index)
    entries = list(settings.entries)
    entries[index] = entries[index]._replace(name=name)
    _write(settings, entries, ("rename", index))
    return _named(_read(settings.path))[index]


def remove_team_folder(which: str, path: Path | None = None) -> TeamFolder:
    """Take the team folder `which` (its name or folder) off the list; its files are left
    exactly as they are."""
    settings = _read(path if path is not None else settings_path())
    listed = _named(settings)
    index = find_team_folder(which, listed, settings.path)
    entries = [entry for number, entry in enumerate(settings.entries) if number != index]
    _write(settings, entries, ("remove", index))
    return listed[index]


def find_team_folder(which: str, listed: Sequence[TeamFolder], settings: Path) -> int:
    """The index of the listed folder named `which` (or whose folder it is)."""
    tests: tuple[Callable[[TeamFolder], bool], ...] = (
        lambda f: f.name == which,
        lambda f: f.name.casefold() == which.casefold(),
        lambda f: which in (f.folder, str(f.path)),
        lambda f: os.path.realpath(f.path) == os.path.realpath(Path(which).expanduser()),
    )
    for matches in tests:
        found = [index for index, folder in enumerate(listed) if matches(folder)]
        if found:
            return found[0]
    from briefgen.spelling import did_you_mean

    names = [folder.name for folder in listed]
    if not names:
        raise BriefgenError(f"no team folder is named '{which}': {settings} lists none")
    raise BriefgenError(
        f"no team folder is named '{which}'{did_you_mean(which, names)}; the team folders are "
        + ", ".join(f"'{name}'" for name in names)
    )


def check_new_folder(where: Path, listed: Sequence[TeamFolder]) -> None:
    """Refuse `where` as a new team folder as the loader would refuse it (not there, or holding
    other files and no library), or when briefgen reads it already."""
    from briefgen.content.paths import default_content_dir, holds_other_files, is_library
    from briefgen.library.folders import user_library_dir

    head = f"cannot add {where} as a team folder"
    if not where.is_dir():
        what = "a file, not a folder" if where.exists() else "not there"
        raise BriefgenError(
            f"{head}: it is {what}; choose the team's folder (a shared drive may need connecting)"
        )
    real = os.path.realpath(where)
    for folder in listed:
        if os.path.realpath(folder.path) == real:
            raise BriefgenError(f"{head}: it is listed already, as '{folder.name}'")
    if os.path.realpath(user_library_dir()) == real:
        raise BriefgenError(f"{head}: it is your own library, which briefgen reads already")
    if os.path.realpath(default_content_dir()) == real:
        raise BriefgenError(f"{head}: it is the content briefgen ships, read already")
    if not is_library(where) and holds_other_files(where):
        raise BriefgenError(
            f"{head}: it is not a briefgen library (it holds other files, and no sources.yaml, "
            "organisations.yaml or items/ folder); choose the library's own folder, or make a "
            "new, empty folder to start the team's library in"
        )


def _check_new_name(name: str, listed: Sequence[TeamFolder], index: int | None) -> None:
    problem = name_problem(name)
    if problem:
        raise BriefgenError(problem)
    for number, folder in enumerate(listed):
        if number != index and folder.name.casefold() == name.casefold():
            raise BriefgenError(
                f"the team folder {folder.path} is named '{folder.name}' already; choose "
                "another name"
            )


def _write(settings: _Settings, entries: Sequence[_Entry], change: tuple[str, int]) -> None:
    """Write `entries` to the settings file in one step, every other line as it was; where the
    list cannot be edited line by line (written as `[a, b]`), the list is written out again
    and the lines above it kept."""
    wanted = [(entry.folder, entry.name) for entry in entries]

    def holds_wanted(text: str) -> bool:
        try:
            return [(e.folder, e.name) for e in _parse(settings.path, text).entries] == wanted
        except BriefgenError:
            return False

    text = _edited(settings, entries, change)
    if not holds_wanted(text):  # a list line by line edits cannot reach: written out again
        text = "".join(_lines_above(settings)) + "team_libraries:\n" + _block(entries, "  ")
    if not holds_wanted(text):
        raise BriefgenError(f"cannot update {settings.path}; {_FIX}")  # never expected
    from briefgen.atomic import write_atomic

    try:
        settings.path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BriefgenError(
            f"cannot make the settings folder {settings.path.parent}: "
            f"{error.strerror or error}; nothing was changed"
        ) from None
    write_atomic(settings.path, text.replace("\n", settings.newline).encode("utf-8"))


def _lines_above(settings: _Settings) -> list[str]:
    """The lines above the list (its comments), or the file's opening comments and blank
    lines where it has no list."""
    if settings.key_line is not None:
        return settings.lines[: settings.key_line]
    above = []
    for line in settings.lines:
        if line.strip() and not line.lstrip().startswith("#"):
            break
        above.append(line if line.endswith("\n") else line + "\n")
    return above


def _edited(settings: _Settings, entries: Sequence[_Entry], change: tuple[str, int]) -> str:
    lines = list(settings.lines)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    kind, index = change
    if settings.block and settings.entries:
        indent = re.match(r"\s*", lines[settings.entries[0].first])
        spaces = indent.group(0) if indent else "  "
        if kind == "add":
            after = settings.entries[-1].last + 1
            lines[after:after] = [_block([entries[-1]], spaces)]
        else:
            old = settings.entries[index]
            new = [_block([entries[index]], spaces)] if kind == "rename" else []
            lines[old.first : old.last + 1] = new
        return "".join(lines)
    if settings.key_line is None:  # no list yet: one is added at the end
        return "".join(lines) + "team_libraries:\n" + _block(entries, "  ")
    lines[settings.key_line : settings.value_last + 1] = [
        "team_libraries:\n" + _block(entries, "  ")
    ]
    return "".join(lines)


def _block(entries: Sequence[_Entry], indent: str) -> str:
    """`entries` as '- ' lines indented by `indent`."""
    records = [{"folder": e.folder, "name": e.name} if e.name else e.folder for e in entries]
    if not records:
        return ""
    import yaml

    dumped = yaml.safe_dump(
        records, allow_unicode=True, default_flow_style=False, sort_keys=False, width=10**6
    )
    return "".join(indent + line for line in dumped.splitlines(keepends=True))
