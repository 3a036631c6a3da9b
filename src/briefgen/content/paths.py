"""Where briefgen's folders are: content, templates and assets (kept apart from the loaders, so
finding them imports nothing heavy)."""

from __future__ import annotations

import os
from pathlib import Path

# What ships inside the package (so an installed wheel finds it from any working directory):
# the shipped content library, the templates and wording, and the assets (fonts, logo, CSS,
# the reference Word document).
PACKAGE_DATA = Path(__file__).resolve().parents[1] / "data"
SHIPPED_CONTENT = PACKAGE_DATA / "content"
SHIPPED_TEMPLATES = PACKAGE_DATA / "templates"
SHIPPED_ASSETS = PACKAGE_DATA / "assets"


def default_content_dir() -> Path:
    """The shipped library: `$BRIEFGEN_CONTENT` if set, else the content briefgen ships."""
    configured = os.environ.get("BRIEFGEN_CONTENT")
    return Path(configured) if configured else SHIPPED_CONTENT


def outside_target(path: str | Path, real_root: str) -> str | None:
    """Where `path` leads after every symbolic link, when that is outside the folder `real_root`
    (already resolved); None when it stays inside. A content folder from a shared drive or a
    colleague must not make briefgen read (and quote) files elsewhere, such as /etc/passwd."""
    real = os.path.realpath(path)
    inside = real == real_root or real.startswith(os.path.join(real_root, ""))
    return None if inside else real


def templates_dir() -> Path:
    """`$BRIEFGEN_TEMPLATES` if set, else the templates briefgen ships."""
    configured = os.environ.get("BRIEFGEN_TEMPLATES")
    return Path(configured) if configured else SHIPPED_TEMPLATES


def assets_dir() -> Path:
    """`$BRIEFGEN_ASSETS` if set (a council's own logo and styles), else the assets briefgen
    ships."""
    configured = os.environ.get("BRIEFGEN_ASSETS")
    return Path(configured) if configured else SHIPPED_ASSETS


# What makes a folder a library: any one of these in it.
LIBRARY_MARKS = ("sources.yaml", "organisations.yaml", "items")
# What Windows and file managers leave in any folder (besides hidden files): not a sign that a
# team's new shared folder holds someone's other work.
_FOLDER_LITTER = frozenset({"desktop.ini", "thumbs.db"})


def is_library(folder: Path) -> bool:
    """True when `folder` holds a library's files (sources, organisations or items)."""
    return any(os.path.lexists(folder / name) for name in LIBRARY_MARKS)


def holds_other_files(folder: Path) -> bool:
    """True when `folder` holds anything but hidden files and the litter a file manager leaves:
    a folder that is not a library and holds this is somebody's other work, not a new one."""
    return any(
        not entry.name.startswith(".") and entry.name.lower() not in _FOLDER_LITTER
        for entry in folder.iterdir()
    )
