"""What an import refuses before it writes anything: a document already imported into some
library (the same bytes as a kept original), and a folder that is not a library to import into.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from briefgen.content.model import LibraryFolder
from briefgen.content.paths import holds_other_files, is_library
from briefgen.errors import BriefgenError
from briefgen.library.extract.sniff import unreadable
from briefgen.limits import CONTENT_FILE_BYTES

HASH_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class KnownSource:
    """A source already in a library: its id, title, the library's name and original file."""

    source_id: str
    title: str
    library: LibraryFolder
    original: Path | None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def known_sources(folders: Sequence[LibraryFolder]) -> Iterator[KnownSource]:
    """Every source listed in the libraries' sources.yaml (read leniently: the loader reports
    problems in them; this only needs ids, titles and originals)."""
    for library in folders:
        path = library.path / "sources.yaml"
        try:
            if not path.is_file() or path.stat().st_size > CONTENT_FILE_BYTES:
                continue
            records = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        for record in records if isinstance(records, list) else []:
            if not isinstance(record, dict) or not isinstance(record.get("id"), str):
                continue
            original = record.get("original")
            file = library.path / original if isinstance(original, str) and original else None
            yield KnownSource(record["id"], str(record.get("title", "")), library, file)


def check_not_imported(path: Path, known: Sequence[KnownSource], library: Path) -> None:
    """Refuse a file whose bytes are already an original in some library (an original that
    cannot be read is passed over: the loader names it)."""
    try:
        size, digest = path.stat().st_size, ""
        for source in known:
            original = source.original
            try:
                if original is None or not original.is_file() or original.stat().st_size != size:
                    continue
                digest = digest or _sha256(path)
                same_bytes = _sha256(original) == digest
            except OSError as error:
                if error.filename == str(original):
                    continue
                raise
            if same_bytes:
                _already(path, source, library)
    except OSError as error:
        raise unreadable(path, error) from None


def _already(path: Path, source: KnownSource, library: Path) -> None:
    """Refuse `path`, whose bytes are `source`'s original, naming the library it is in."""
    same = os.path.realpath(source.library.path) == os.path.realpath(library)
    where = (
        "your library"
        if source.library.kind == "user" or same
        else f"the library '{source.library.name}'"
    )
    raise BriefgenError(
        f"{path}: already in {where} as '{source.source_id}' ({source.title}); "
        "write items for that source instead of importing the file again"
    )


def check_library(library: Path, folders: Sequence[LibraryFolder]) -> None:
    """Refuse a file, the shipped library, or a folder with other things in it that is not a
    library (a mistyped --into must not fill someone's home folder)."""
    if library.exists() and not library.is_dir():
        raise BriefgenError(f"cannot import into {library}: it is a file, not a library folder")
    real = os.path.realpath(library)
    if any(f.kind == "shipped" and os.path.realpath(f.path) == real for f in folders):
        raise BriefgenError(
            f"cannot import into {library}: it is the shipped content, which is read-only; "
            "leave out --into to use your own library"
        )
    if library.is_dir() and not is_library(library) and holds_other_files(library):
        raise BriefgenError(
            f"cannot import into {library}: it is not a briefgen library (it has no "
            "sources.yaml, organisations.yaml or items/ folder, and other files); give a "
            "library, or a new or empty folder to start one"
        )
