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
SETTINGS_BYTES = 100_000  # a list of folders; anything larger is not a settings file
RESERVED_NAMES = ("shipped", "yours")


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


def team_folders_setting() -> list[Path]:
    """The team folders named in the settings file (`team_libraries: [DIR, …]`), or none. A
    relative folder is taken from the settings file's own folder, not the working one."""
    path = settings_file()
    if not path.is_file():
        return []
    import yaml

    fix = "fix or delete the file"
    try:
        if path.stat().st_size > SETTINGS_BYTES:
            raise BriefgenError(f"{path}: too large for a settings file; {fix}")
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise BriefgenError(f"{path}: cannot read the library settings ({error}); {fix}") from None
    if not isinstance(data, dict) or set(data) - {"team_libraries"}:
        raise BriefgenError(
            f"{path}: the library settings hold one field, 'team_libraries', a list of "
            f"folders; {fix}"
        )
    folders = data.get("team_libraries") or []
    if not isinstance(folders, list) or not all(isinstance(f, str) and f for f in folders):
        raise BriefgenError(
            f"{path}: 'team_libraries' must be a list of folders, one per line starting '- '"
        )
    return [path.parent / Path(folder).expanduser() for folder in folders]


def _team_name(real: str, taken: set[str]) -> str:
    """The name listings show for a team folder: its own name, made unique with a number."""
    base = Path(real).name or real
    name, number = base, 2
    while name in taken or name in RESERVED_NAMES:
        name, number = f"{base}-{number}", number + 1
    return name


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
    team = team_folders_setting()
    team += [Path(p) for p in os.environ.get(LIBRARY_PATH_VARIABLE, "").split(os.pathsep) if p]
    team += [Path(p) for p in extra]
    seen = {os.path.realpath(library.path) for library in folders}
    taken = {library.name for library in folders}
    for folder in team:
        if not folder.is_dir():
            raise BriefgenError(
                f"the library folder {folder} does not exist or is not a folder; check the "
                "name (a shared drive may need connecting) or remove it from the settings"
            )
        real = os.path.realpath(folder)
        if real in seen:
            continue
        seen.add(real)
        name = _team_name(real, taken)
        taken.add(name)
        folders.append(LibraryFolder(folder, "team", name))
    return tuple(folders)
