"""Which content libraries briefgen reads, in order: the shipped one (or `--content`), the
user's own, the team folders named in the settings file, `$BRIEFGEN_LIBRARY` and `--library`.

Each library is a folder in the content format (`sources.yaml`, `sources/`, `items/`, and
optionally `organisations.yaml`, `themes.yaml`, `glossary.yaml`). Only the user's own library
and team folders are written to; the shipped one is read-only.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import platformdirs

from briefgen.content.paths import default_content_dir
from briefgen.errors import BriefgenError

USER_LIBRARY_VARIABLE = "BRIEFGEN_USER_LIBRARY"  # moves the user's own library (tests)
LIBRARY_PATH_VARIABLE = "BRIEFGEN_LIBRARY"  # extra libraries, as a path list
CONFIG_DIR_VARIABLE = "BRIEFGEN_CONFIG_DIR"  # moves the settings file (tests)
SETTINGS_NAME = "libraries.yaml"


class LibraryFolder(NamedTuple):
    """One library: its folder, what it is, and the name listings show for it."""

    path: Path
    kind: str  # "shipped", "user" or "team"
    name: str

    @property
    def writable(self) -> bool:
        return self.kind != "shipped"


def user_library_dir() -> Path:
    """The user's own library: `$BRIEFGEN_USER_LIBRARY`, else `library/` in the user data
    folder (created on first import)."""
    configured = os.environ.get(USER_LIBRARY_VARIABLE, "").strip()
    if configured:
        return Path(configured)
    return Path(platformdirs.user_data_dir("briefgen", appauthor=False)) / "library"


def settings_file() -> Path:
    """The settings file listing team folders (`libraries.yaml` in the user config folder)."""
    configured = os.environ.get(CONFIG_DIR_VARIABLE, "").strip()
    folder = (
        Path(configured)
        if configured
        else Path(platformdirs.user_config_dir("briefgen", appauthor=False))
    )
    return folder / SETTINGS_NAME


def team_folders_setting() -> list[Path]:
    """The team folders named in the settings file (`team_libraries: [DIR, …]`), or none."""
    path = settings_file()
    if not path.is_file():
        return []
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise BriefgenError(
            f"{path}: cannot read the library settings ({error}); fix or delete the file"
        ) from None
    folders = data.get("team_libraries", []) if isinstance(data, dict) else None
    if not isinstance(folders, list) or not all(isinstance(f, str) for f in folders):
        raise BriefgenError(
            f"{path}: 'team_libraries' must be a list of folders, one per line starting '- '"
        )
    return [Path(folder).expanduser() for folder in folders]


def library_folders(
    content_dir: Path | None = None, extra: Sequence[Path] = (), include_user: bool = True
) -> list[LibraryFolder]:
    """Every library to read, shipped first. `content_dir` replaces the shipped library (the
    `--content` option); `extra` are `--library` folders. A folder named twice is read once;
    the user's own library is read only once it exists."""
    folders = [LibraryFolder(content_dir or default_content_dir(), "shipped", "shipped")]
    user = user_library_dir()
    if include_user and (user / "sources.yaml").is_file():
        folders.append(LibraryFolder(user, "user", "yours"))
    team = list(team_folders_setting())
    team += [Path(p) for p in os.environ.get(LIBRARY_PATH_VARIABLE, "").split(os.pathsep) if p]
    team += list(extra)
    for folder in team:
        if not folder.is_dir():
            raise BriefgenError(
                f"the library folder {folder} does not exist or is not a folder; check the "
                "name (a shared drive may need connecting) or remove it from the settings"
            )
        folders.append(LibraryFolder(folder, "team", folder.name))
    unique: list[LibraryFolder] = []
    seen: set[Path] = set()
    for library in folders:
        real = library.path.resolve()
        if real not in seen:
            seen.add(real)
            unique.append(library)
    return unique
