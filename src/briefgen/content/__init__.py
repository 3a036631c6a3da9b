"""The content model: themes, organisations, sources, glossary and items, loaded and verified.

The content comes from one or more libraries (`briefgen.library.folders` says which): the
shipped one and any the user adds, read as one corpus. `load_corpus` reads and verifies
everything (what `briefgen check` runs); `open_corpus` gives the same corpus from the
verified-corpus cache when nothing it depends on has changed. The loader (and YAML) is imported
only when a load needs it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from briefgen.content.model import (
    ITEM_KINDS,
    Corpus,
    GlossaryEntry,
    Item,
    LibraryFolder,
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
    "LibraryFolder",
    "Organisation",
    "Source",
    "Theme",
    "default_content_dir",
    "load_corpus",
    "open_corpus",
]

Libraries = Path | str | Sequence[LibraryFolder] | None


def as_libraries(libraries: Libraries) -> tuple[LibraryFolder, ...]:
    """`libraries` as a list of library folders: a single folder (or None, the shipped content)
    is read alone, as the shipped library."""
    if libraries is None or isinstance(libraries, (str, os.PathLike)):
        folder = Path(libraries) if libraries is not None else default_content_dir()
        return (LibraryFolder(folder, "shipped", "shipped"),)
    return tuple(libraries)


def load_corpus(libraries: Libraries = None, reuse: bool = True) -> Corpus:
    """Load and verify the content: one folder (default: the shipped content) or the
    `LibraryFolder`s `briefgen.library.folders.library_folders` gives; raise `ContentError`
    listing every problem. Items files unchanged since an earlier load are not verified again
    unless `reuse` is false (see `briefgen.content.verified`)."""
    from briefgen.content.loader import load_corpus as load

    return load(as_libraries(libraries), reuse)


def open_corpus(libraries: Libraries = None, cache: bool = True) -> Corpus:
    """The corpus `load_corpus(libraries)` gives, from the cache if it is current (see
    `briefgen.content.cache`)."""
    folders = as_libraries(libraries)
    if not cache:
        return load_corpus(folders)
    from briefgen.content.cache import load_cached

    return load_cached(folders)
