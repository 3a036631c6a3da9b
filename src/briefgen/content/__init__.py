"""The content model: themes, organisations, sources, glossary and items, loaded and verified.

`load_corpus` reads and verifies everything (what `briefgen check` runs); `open_corpus` gives
the same corpus from the verified-corpus cache when nothing it depends on has changed. The
loader (and YAML) is imported only when a load needs it.
"""

from __future__ import annotations

from pathlib import Path

from briefgen.content.model import (
    ITEM_KINDS,
    Corpus,
    GlossaryEntry,
    Item,
    Organisation,
    Source,
    Theme,
)
from briefgen.content.paths import default_content_dir

__all__ = [
    "ITEM_KINDS",
    "Corpus",
    "GlossaryEntry",
    "Item",
    "Organisation",
    "Source",
    "Theme",
    "default_content_dir",
    "load_corpus",
    "open_corpus",
]


def load_corpus(content_dir: Path | str | None = None) -> Corpus:
    """Load and verify everything under `content_dir` (default: the shipped content); raise
    `ContentError` listing every problem."""
    from briefgen.content.loader import load_corpus as load

    return load(Path(content_dir) if content_dir is not None else None)


def open_corpus(content_dir: Path | str | None = None, cache: bool = True) -> Corpus:
    """The corpus under `content_dir`, as `load_corpus` gives it, from the cache if it is
    current (see `briefgen.content.cache`)."""
    folder = Path(content_dir) if content_dir is not None else default_content_dir()
    if not cache:
        return load_corpus(folder)
    from briefgen.content.cache import load_cached

    return load_cached(folder)
