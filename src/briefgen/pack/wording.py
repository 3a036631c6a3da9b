"""Load `templates/wording.yaml`: the one copy of every heading, intro, placeholder and question."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from briefgen import diskcache
from briefgen.content.paths import SHIPPED_TEMPLATES, assets_dir, templates_dir
from briefgen.errors import BriefgenError
from briefgen.pack.model import Acronym

__all__ = ["acronym_line", "assets_dir", "load_wording", "templates_dir", "uk_date"]

CACHE_FORMAT = b"briefgen wording cache 2\n"
SHIPPED = SHIPPED_TEMPLATES / "wording.yaml"  # briefgen's own: every key it needs


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
    # The key is the file itself, compared exactly; a council's own copy is checked against
    # briefgen's, so briefgen's is part of its key (a new key is asked for after an upgrade).
    key = CACHE_FORMAT + text
    if path.resolve() != SHIPPED.resolve():
        key += b"\0" + SHIPPED.read_bytes()
    return diskcache.cached("wording", path, key, lambda: _parse(path, text))


def _parse(path: Path, text: bytes) -> dict[str, Any]:
    import yaml

    from briefgen.yamlloaders import SafeLoader

    try:
        data = yaml.load(text.decode("utf-8"), Loader=SafeLoader)
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        raise BriefgenError(
            f"{path}: cannot read the pack wording ({error}); restore the file"
        ) from None
    if not isinstance(data, dict):
        raise BriefgenError(f"{path}: expected a mapping of wording sections; restore the file")
    if path.resolve() != SHIPPED.resolve():
        missing = _missing(data, load_wording(SHIPPED))
        if missing:
            raise BriefgenError(
                f"{path}: no wording for {', '.join(missing)}; copy it from {SHIPPED}"
            )
    return data


# Keyed by ids a council's own files may choose: questions for its themes, names for its audiences.
_OPTIONAL = {("questions", "themes"), ("questions", "kinds"), ("audiences",)}


def _missing(
    data: dict[str, Any], shipped: dict[str, Any], path: tuple[str, ...] = ()
) -> list[str]:
    """The keys of briefgen's own wording that a council's own copy (`data`) lacks."""
    missing = []
    for key, value in shipped.items():
        here = (*path, key)
        if here in _OPTIONAL:
            continue
        if not isinstance(data, dict) or key not in data:
            missing.append(".".join(here))
        elif isinstance(value, dict):
            missing.extend(_missing(data[key], value, here))
    return missing


def load_wording(path: Path | None = None) -> dict[str, Any]:
    """The wording as nested dicts (cached until the file changes): `path`, else the templates
    folder's; a council's own copy must have every key briefgen's has."""
    path = path or templates_dir() / "wording.yaml"
    try:
        mtime = path.stat().st_mtime
    except OSError:
        raise BriefgenError(f"{path}: pack wording not found; reinstall briefgen") from None
    return _load(path, mtime)


def uk_date(value: date) -> str:
    """A date as UK documents write it: 22 November 2026."""
    return f"{value.day} {value:%B %Y}"


def acronym_line(acronyms: tuple[Acronym, ...]) -> str:
    """The acronyms a block uses first, as the line printed after it: "LGA – Local Government
    Association; DfE – Department for Education"."""
    return "; ".join(f"{acronym.term} – {acronym.expansion}" for acronym in acronyms)
