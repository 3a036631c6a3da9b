"""The per-user folders briefgen keeps caches, recovery files and the user's library in.

platformdirs applies each platform's rules (XDG on Linux, ignoring blank or relative values;
`~/Library` on macOS; `%LOCALAPPDATA%` on Windows); the `BRIEFGEN_*` variables that move a folder
are read by the modules that own each folder.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP = "briefgen"


def user_cache_dir() -> Path:
    """`~/.cache/briefgen`, `~/Library/Caches/briefgen` or `%LOCALAPPDATA%\\briefgen\\Cache`."""
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def user_data_dir() -> Path:
    """`~/.local/share/briefgen`, `~/Library/Application Support/briefgen` or
    `%LOCALAPPDATA%\\briefgen`."""
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def user_config_dir() -> Path:
    """`~/.config/briefgen`, `~/Library/Application Support/briefgen` or
    `%LOCALAPPDATA%\\briefgen` (settings such as the team libraries)."""
    return Path(platformdirs.user_config_dir(APP, appauthor=False))
