"""The per-user folders briefgen keeps caches and recovery files in, by each platform's rules.

The same folders `platformdirs` gives (`user_cache_dir` / `user_data_dir` for "briefgen"), worked
out here in a few lines because every command-line build looks up the cache folder, and the
library's import cost a millisecond and a half of a build that must beat pandoc.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "briefgen"


def _environ_dir(variable: str, default: Path) -> Path:
    value = os.environ.get(variable, "").strip()
    # A relative path is ignored, as the XDG rules and platformdirs say: it would name another
    # folder from every working directory, and autosaved work would not be found again.
    return Path(value) if os.path.isabs(value) else default


def user_cache_dir() -> Path:
    """`%LOCALAPPDATA%\\briefgen\\Cache`, `~/Library/Caches/briefgen` or `~/.cache/briefgen`."""
    home = Path.home()
    if sys.platform == "win32":
        return _environ_dir("LOCALAPPDATA", home / "AppData" / "Local") / APP / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / APP
    return _environ_dir("XDG_CACHE_HOME", home / ".cache") / APP


def user_data_dir() -> Path:
    """`%LOCALAPPDATA%\\briefgen`, `~/Library/Application Support/briefgen` or
    `~/.local/share/briefgen`."""
    home = Path.home()
    if sys.platform == "win32":
        return _environ_dir("LOCALAPPDATA", home / "AppData" / "Local") / APP
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / APP
    return _environ_dir("XDG_DATA_HOME", home / ".local" / "share") / APP
