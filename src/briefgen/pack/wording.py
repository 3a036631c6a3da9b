"""Load `templates/wording.yaml`: the one copy of every heading, intro, placeholder and question."""

from __future__ import annotations

import os
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from briefgen import diskcache
from briefgen.errors import BriefgenError

CACHE_FORMAT = b"briefgen wording cache 2\n"

PROJECT_ROOT = Path(__file__).resolve().parents[3]


def templates_dir() -> Path:
    """`$BRIEFGEN_TEMPLATES` if set, else the project's own `templates/`."""
    configured = os.environ.get("BRIEFGEN_TEMPLATES")
    return Path(configured) if configured else PROJECT_ROOT / "templates"


def assets_dir() -> Path:
    """`$BRIEFGEN_ASSETS` if set (a council's own logo and styles), else the project's `assets/`."""
    configured = os.environ.get("BRIEFGEN_ASSETS")
    return Path(configured) if configured else PROJECT_ROOT / "assets"


@lru_cache(maxsize=4)
def _load(path: Path, mtime: float) -> dict[str, Any]:
    """The parsed wording: from the disk cache while the file's bytes are unchanged (a command
    line build then need not import the YAML parser at all), else parsed and stored."""
    try:
        text = path.read_bytes()
    except OSError as error:
        raise BriefgenError(
            f"{path}: cannot read the pack wording ({error}); restore the file"
        ) from None
    key = CACHE_FORMAT + text  # the file itself, compared exactly
    cache_path = diskcache.entry_path("wording", path)
    data = diskcache.read(cache_path, key)
    if isinstance(data, dict):
        return data
    data = _parse(path, text)
    diskcache.write(cache_path, key, data)
    return data


def _parse(path: Path, text: bytes) -> dict[str, Any]:
    import yaml

    try:  # LibYAML's loader: the same safe subset, about ten times faster
        from yaml import CSafeLoader as SafeLoader
    except ImportError:  # pragma: no cover - PyYAML built without LibYAML
        from yaml import SafeLoader  # type: ignore[assignment]

    try:
        data = yaml.load(text.decode("utf-8"), Loader=SafeLoader)
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        raise BriefgenError(
            f"{path}: cannot read the pack wording ({error}); restore the file"
        ) from None
    if not isinstance(data, dict):
        raise BriefgenError(f"{path}: expected a mapping of wording sections; restore the file")
    return data


def load_wording() -> dict[str, Any]:
    """The wording as nested dicts (cached until the file changes)."""
    path = templates_dir() / "wording.yaml"
    try:
        mtime = path.stat().st_mtime
    except OSError:
        raise BriefgenError(f"{path}: pack wording not found; reinstall briefgen") from None
    return _load(path, mtime)


def uk_date(value: date) -> str:
    """A date as UK documents write it: 22 November 2026."""
    return f"{value.day} {value:%B %Y}"
