"""The file names briefgen suggests for a pack and its exports: from the pack's title, safe on
every file system, with the suffix the registry or the pack file format gives."""

from __future__ import annotations

import re
from pathlib import Path

from briefgen.pack.labels import layout_label
from briefgen.pack.model import PackSpec
from briefgen.pack.wording import load_wording
from briefgen.render import FORMATS


def untitled_pack() -> str:
    """What a pack is called before it has a title or a file: "Untitled pack"."""
    return str(load_wording()["names"]["untitled_pack"])


def safe_file_stem(title: str, fallback: str = "") -> str:
    """A file name from a pack title that every file system accepts: no slashes, colons or
    control characters, at most 80 characters; `fallback` (else "Briefing pack") if none is
    left."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title)
    stem = " ".join(stem.split()).strip(". ")
    return stem[:80].rstrip(". ") or fallback or str(load_wording()["names"]["file_fallback"])


def default_export_name(spec: PackSpec, format_name: str) -> str:
    """The suggested export file name: the title, else the layout's name."""
    suffix = FORMATS[format_name].suffix
    return safe_file_stem(spec.meeting.title, layout_label(spec.layout)) + suffix


def default_pack_name(spec: PackSpec) -> str:
    """The suggested pack file name: the title, else "Untitled pack"."""
    from briefgen.pack.packfile import SUFFIX

    return safe_file_stem(spec.meeting.title, untitled_pack()) + SUFFIX


def with_suffix(path: Path, suffix: str) -> Path:
    """`path` ending in `suffix` (".pdf", ".briefgen.yaml"), added if the officer left it off."""
    return path if path.name.lower().endswith(suffix) else path.with_name(path.name + suffix)
