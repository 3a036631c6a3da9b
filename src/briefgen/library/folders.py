"""Which content libraries briefgen reads, in order: the shipped one (or `--content`), the
user's own, the team folders named in the settings file, `$BRIEFGEN_LIBRARY` and `--library`.

Each library is a folder in the content format (`sources.yaml`, `sources/`, `items/`, and
optionally `organisations.yaml`, `themes.yaml`, `glossary.yaml`); the loader reads them all as
one corpus. Only the user's own library and team folders are written to; the shipped one is
read-only.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from briefgen.content.model import LibraryFolder
from briefgen.content.paths import default_content_dir, is_library
from briefgen.errors import BriefgenError

__all__ = ["LibraryFolder", "library_folders", "settings_file", "user_library_dir"]

USER_LIBRARY_VARIABLE = "BRIEFGEN_USER_LIBRARY"  # moves the user's own library (tests)
LIBRARY_PATH_VARIABLE = "BRIEFGEN_LIBRARY"  # extra libraries, as a path list
CONFIG_DIR_VARIABLE = "BRIEFGEN_CONFIG_DIR"  # moves the settings file (tests)
SETTINGS_NAME = "libraries.yaml"


def user_library_dir() -> Path:
    """The user's own library: `$BRIEFGEN_USER_LIBRARY`, else `library/` in the user data
    folder (created on first import)."""
    configured = os.environ.get(USER_LIBRARY_VARIABLE, "").strip()
    if configured:
        return Path(configured)
    from briefgen.userdirs import user_data_dir

    return user_data_dir() / "library"


def settings_file() -> Path:
    """The settings file listing team folders (`libraries.yaml` in the user config folder)."""
    configured = os.environ.get(CONFIG_DIR_VARIABLE, "").strip()
    if configured:
        return Path(configured) / SETTINGS_NAME
    from briefgen.userdirs import user_config_dir

    return user_config_dir() / SETTINGS_NAME


def library_folders(
    content_dir: Path | str | None = None,
    extra: Sequence[Path | str] = (),
    include_user: bool = True,
) -> tuple[LibraryFolder, ...]:
    """Every library to read, shipped first. `content_dir` replaces the shipped library (the
    `--content` option); `extra` are `--library` folders. A folder named twice is read once;
    the user's own library is read only once it has content (made by the first import, or
    by an organisation added in the app)."""
    shipped = Path(content_dir) if content_dir is not None else default_content_dir()
    folders = [LibraryFolder(shipped, "shipped", "shipped")]
    user = user_library_dir()
    if include_user and is_library(user):
        folders.append(LibraryFolder(user, "user", "yours"))
    from briefgen.library.team_settings import read_team_folders, unique_name

    # (folder, the name the settings give it or '', how to stop reading it when it is gone)
    team = [(f.path, f.name if f.named else "", _unlist(f.name)) for f in read_team_folders()]
    team += [
        (Path(p), "", _unlist())
        for p in os.environ.get(LIBRARY_PATH_VARIABLE, "").split(os.pathsep)
        if p
    ]
    team += [(Path(p), "", _unlist()) for p in extra]
    seen = {os.path.realpath(library.path) for library in folders}
    taken = {library.name for library in folders} | {name.casefold() for _, name, _ in team}
    for folder, given, remedy in team:
        if not folder.is_dir():
            raise BriefgenError(
                f"the library folder {folder} does not exist or is not a folder; check the "
                f"name (a shared drive may need connecting) or {remedy}"
            )
        real = os.path.realpath(folder)
        if real in seen:
            continue
        seen.add(real)
        name = given or unique_name(real, taken)
        taken.add(name.casefold())
        folders.append(LibraryFolder(folder, "team", name))
    return tuple(folders)


def _unlist(name: str = "") -> str:
    """How to stop reading a library folder: a team folder of the settings by name, in the
    app or on the command line; one named by `$BRIEFGEN_LIBRARY` or `--library` there."""
    if not name:
        return f"remove it from ${LIBRARY_PATH_VARIABLE} or --library"
    return (
        f"remove it from the team folders (File > Team folders… in the app, or "
        f'`briefgen libraries remove "{name}"`)'
    )
