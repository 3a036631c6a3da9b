"""Add, rename or remove a team folder in `libraries.yaml` for the app's Team folders… dialog
and `briefgen libraries`: each change checked by the loader's rules first and written
atomically, the rest of the file (comments, blank lines, indentation, line endings) kept as
the officer or IT left it (decision 0204)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from briefgen.errors import BriefgenError
from briefgen.library.team_settings import (
    FIX,
    Entry,
    SettingsFile,
    TeamFolder,
    name_problem,
    named_folders,
    parse_settings,
    read_settings,
    settings_path,
)


def add_team_folder(folder: Path | str, name: str = "", path: Path | None = None) -> TeamFolder:
    """List `folder` (a library, or an empty folder to start one) as a team folder, under
    `name` or its own name; return it as listed. Refused, naming it and the remedy, where the
    loader would refuse it or it is read already."""
    settings = read_settings(path if path is not None else settings_path())
    where = Path(os.path.abspath(Path(folder).expanduser()))
    check_new_folder(where, named_folders(settings))
    if name:
        _check_new_name(name, named_folders(settings), None)
    entry = Entry(str(where), name, 0, 0)
    _write(settings, [*settings.entries, entry], ("add", len(settings.entries)))
    return named_folders(read_settings(settings.path))[-1]


def rename_team_folder(which: str, name: str, path: Path | None = None) -> TeamFolder:
    """Give the team folder `which` (its name or folder) the name `name`."""
    settings = read_settings(path if path is not None else settings_path())
    listed = named_folders(settings)
    index = find_team_folder(which, listed, settings.path)
    _check_new_name(name, listed, index)
    entries = list(settings.entries)
    entries[index] = entries[index]._replace(name=name)
    _write(settings, entries, ("rename", index))
    return named_folders(read_settings(settings.path))[index]


def remove_team_folder(which: str, path: Path | None = None) -> TeamFolder:
    """Take the team folder `which` (its name or folder) off the list; its files are left
    exactly as they are."""
    settings = read_settings(path if path is not None else settings_path())
    listed = named_folders(settings)
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


def _write(settings: SettingsFile, entries: Sequence[Entry], change: tuple[str, int]) -> None:
    """Write `entries` to the settings file in one step, every other line as it was; where the
    list cannot be edited line by line (written as `[a, b]`), the list is written out again
    and the lines above it kept."""
    wanted = [(entry.folder, entry.name) for entry in entries]

    def holds_wanted(text: str) -> bool:
        try:
            written = parse_settings(settings.path, text).entries
        except BriefgenError:
            return False
        return [(entry.folder, entry.name) for entry in written] == wanted

    text = _edited(settings, entries, change)
    if not holds_wanted(text):  # a list line by line edits cannot reach: written out again
        text = "".join(_lines_above(settings)) + "team_libraries:\n" + _block(entries, "  ")
    if not holds_wanted(text):
        raise BriefgenError(f"cannot update {settings.path}; {FIX}")  # never expected
    from briefgen.atomic import write_atomic

    try:
        settings.path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BriefgenError(
            f"cannot make the settings folder {settings.path.parent}: "
            f"{error.strerror or error}; nothing was changed"
        ) from None
    write_atomic(settings.path, text.replace("\n", settings.newline).encode("utf-8"))


def _lines_above(settings: SettingsFile) -> list[str]:
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


def _edited(settings: SettingsFile, entries: Sequence[Entry], change: tuple[str, int]) -> str:
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


def _block(entries: Sequence[Entry], indent: str) -> str:
    """`entries` as '- ' lines indented by `indent`."""
    records = [{"folder": e.folder, "name": e.name} if e.name else e.folder for e in entries]
    if not records:
        return ""
    import yaml

    dumped = yaml.safe_dump(
        records, allow_unicode=True, default_flow_style=False, sort_keys=False, width=10**6
    )
    return "".join(indent + line for line in dumped.splitlines(keepends=True))
