"""Import one document into a content library, all or nothing: the original kept untouched under
`originals/`, its extracted text and map under `sources/`, and a new entry in `sources.yaml`.

New files are written under temporary names inside the library, renamed into place, and the entry
appended last; any failure (or Cancel) removes what was written, so the library is left exactly
as it was. The library is loaded afterwards to prove the new source reads.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from briefgen.content.model import LibraryFolder, Organisation
from briefgen.errors import BriefgenError, ContentError
from briefgen.library.extract import (
    CancelCheck,
    ExtractCancelled,
    ExtractedDocument,
    ProgressCallback,
    extract,
)
from briefgen.library.extract.progress import Monitor
from briefgen.library.import_details import ImportDetails, choose_id, prefilled, slug
from briefgen.library.organisations import organisation_names, publisher_org
from briefgen.library.writer import append_organisation, append_source
from briefgen.limits import CONTENT_FILE_BYTES, SOURCE_TEXT_BYTES, megabytes

__all__ = ["ImportDetails", "ImportResult", "import_document", "read_document"]

HASH_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did: the source's id and entry, the library it went into (and whether
    that library was made for it), and the extracted document (pages, warnings, notices)."""

    source_id: str
    library: Path
    entry: dict[str, str]
    document: ExtractedDocument
    created_library: bool
    other_problems: tuple[str, ...] = ()
    organisation: str = ""  # the id of the organisation added for its publisher, if one was


@dataclass(frozen=True, slots=True)
class _Known:
    """A source already in a library: its id, title, the library's name and original file."""

    source_id: str
    title: str
    library: LibraryFolder
    original: Path | None


def read_document(
    path: Path | str,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ExtractedDocument:
    """Extract `path` (as `extract`), after checking it is a file that can be read."""
    path = Path(path)
    if not path.is_file():
        what = "a folder" if path.is_dir() else "not found"
        raise BriefgenError(f"{path}: {what}; give the document file to import")
    return extract(path, progress, cancel)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _known_sources(folders: Sequence[LibraryFolder]) -> Iterator[_Known]:
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
            yield _Known(record["id"], str(record.get("title", "")), library, file)


def _check_not_imported(path: Path, known: Sequence[_Known], library: Path) -> None:
    """Refuse a file whose bytes are already an original in some library."""
    size, digest = path.stat().st_size, ""
    for source in known:
        original = source.original
        try:
            if original is None or not original.is_file() or original.stat().st_size != size:
                continue
        except OSError:
            continue
        digest = digest or _sha256(path)
        if _sha256(original) == digest:
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


def _folder_error(library: Path, error: OSError) -> BriefgenError:
    """A failure to write in the library, said as the officer can act on it."""
    if error.errno == errno.ENOSPC or error.errno == errno.EDQUOT:
        reason = "the disk holding it is full; free some space and import again"
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = (
            "the folder is read-only for you; choose a library you can write to with --into, "
            "or ask whoever looks after the folder"
        )
    else:
        reason = (error.strerror or str(error)).lower()
    return BriefgenError(f"cannot import into {library}: {reason} (nothing was added)")


class _Staging:
    """Files written for one import: temporary until `commit`, removed again by `undo`."""

    def __init__(self, library: Path) -> None:
        self.library = library
        self.temporary: list[Path] = []
        self.placed: list[Path] = []
        self.folders: list[Path] = []

    def folder(self, path: Path) -> None:
        """Make `path` (and its parents) if missing, remembering which to remove on undo."""
        missing = []
        for step in (path, *path.parents):
            if step.exists():
                break
            missing.append(step)
        path.mkdir(parents=True, exist_ok=True)
        self.folders.extend(reversed(missing))

    def stage(self, target: Path, data: bytes | Path) -> None:
        """Write `data` (bytes, or a file copied byte for byte) to a temporary name beside
        `target`."""
        self.folder(target.parent)
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".import", dir=target.parent
        )
        temp = Path(name)
        self.temporary.append(temp)
        with os.fdopen(handle, "wb") as stream:
            if isinstance(data, Path):
                with data.open("rb") as source:
                    shutil.copyfileobj(source, stream, HASH_CHUNK)
            else:
                stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o644)
        self.placed.append(target)

    def commit(self) -> None:
        """Rename every staged file into place (none may exist already)."""
        for target in self.placed:
            if os.path.lexists(target):
                raise BriefgenError(
                    f"cannot import: {target} already exists; move it out of the library or "
                    "choose another --id (nothing was added)"
                )
        done: list[Path] = []
        try:
            for temp, target in zip(self.temporary, self.placed, strict=True):
                os.replace(temp, target)
                done.append(target)
        finally:
            self.placed = done

    def undo(self) -> None:
        """Remove everything this import wrote, newest first."""
        for path in [*self.temporary, *self.placed]:
            with contextlib.suppress(OSError):
                path.unlink()
        for folder in reversed(self.folders):
            with contextlib.suppress(OSError):
                folder.rmdir()


def _entry(source_id: str, details: ImportDetails, suffix: str) -> dict[str, str]:
    missing = [
        option
        for option, value in (("--publisher", details.publisher), ("--date", details.date))
        if not value
    ]
    if missing:
        examples = {"--publisher": "--publisher 'Anytown Council'", "--date": "--date 2008-09"}
        raise BriefgenError(
            f"the document does not say its {' or '.join(m[2:] for m in missing)}; give "
            f"{' and '.join(missing)} (for example {' '.join(examples[m] for m in missing)}); "
            "nothing was added"
        )
    return {
        "id": source_id,
        "title": details.title,
        "publisher": details.publisher,
        "date": details.date,
        "short_title": details.short_title,
        "file": f"{source_id}.txt",
        "original": f"originals/{source_id}{suffix}",
        "map": f"{source_id}.map.json",
    }


def _map_bytes(document: ExtractedDocument, text: bytes) -> bytes:
    fields: dict[str, Any] = document.as_dict()
    fields["text_sha256"] = hashlib.sha256(text).hexdigest()
    return (json.dumps(fields, ensure_ascii=False, indent=None) + "\n").encode("utf-8")


def _check_size(path: Path, text: bytes) -> None:
    if len(text) > SOURCE_TEXT_BYTES:
        raise BriefgenError(
            f"{path}: its text is {megabytes(len(text))}, over briefgen's limit of "
            f"{megabytes(SOURCE_TEXT_BYTES)} for a source's text; import the part you need "
            "(split the document) (nothing was added)"
        )


def _verify_loads(
    folders: Sequence[LibraryFolder], library: Path, source_id: str
) -> tuple[tuple[str, ...], Mapping[str, Organisation] | None]:
    """Load every library with the new source; raise if the new source does not load, return
    problems that were there before (they do not stop the import) and, when there are none,
    the organisations the libraries know."""
    from briefgen.content import load_corpus

    real = os.path.realpath(library)
    if not any(os.path.realpath(folder.path) == real for folder in folders):  # made just now
        from briefgen.library.folders import user_library_dir

        mine = os.path.realpath(user_library_dir()) == real
        added = (
            LibraryFolder(library, "user", "yours")
            if mine
            else LibraryFolder(library, "team", library.name or "library")
        )
        folders = [*folders, added]
    try:
        corpus = load_corpus(folders)
    except ContentError as error:
        ours = [p for p in error.problems if f"'{source_id}'" in p or f"{source_id}." in p]
        if ours:
            raise BriefgenError(
                "the imported source does not load, so nothing was added:\n" + "\n".join(ours)
            ) from None
        return tuple(error.problems), None
    if source_id not in corpus.sources:  # pragma: no cover - the loader reports why
        raise BriefgenError(f"the imported source '{source_id}' does not load (nothing was added)")
    return (), corpus.organisations


def new_publisher_organisation(
    publisher: str, organisations: Mapping[str, Organisation] | None
) -> dict[str, str] | None:
    """The organisations.yaml record to add for a document's `publisher` when none of
    `organisations` is it (None when one is, or when they are unknown), so its items and
    suggestions can be attributed to it. "Is it" is the suggestion engine's own test
    (`organisations.publisher_org`), so a publisher import takes for a known organisation is
    the one the engine attributes the document to."""
    if organisations is None or not re.search(r"\w", publisher):
        return None
    names = organisation_names((o.id, o.name, o.short) for o in organisations.values())
    if publisher_org(publisher, names):
        return None
    base = slug(publisher, 30)
    candidate, number = base, 2
    while candidate in organisations:
        candidate, number = f"{base}-{number}", number + 1
    name = " ".join(publisher.split())
    short = re.split(r"\s*[(,;]", name, maxsplit=1)[0] or name
    return {"id": candidate, "name": name, "short": short}


def import_document(
    path: Path | str,
    library: Path | str,
    folders: Sequence[LibraryFolder],
    details: ImportDetails | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    document: ExtractedDocument | None = None,
) -> ImportResult:
    """Import `path` into `library` (made if it does not exist yet). `folders` are every library
    read, for unique ids and the already-imported check; `document`, if given, is the file's
    extraction already made (the app extracts first to prefill its form)."""
    path, library = Path(path), Path(library)
    if not path.is_file():
        read_document(path)  # raises the message
    _check_library(library, folders)
    known = list(_known_sources([*folders, LibraryFolder(library, "team", library.name)]))
    _check_not_imported(path, known, library)
    if document is None:
        document = read_document(path, progress, cancel)
    monitor = Monitor(path, None, cancel)
    text = document.text.encode("utf-8")
    _check_size(path, text)
    details = prefilled(document, details or ImportDetails())
    source_id = choose_id(details, {source.source_id for source in known})
    entry = _entry(source_id, details, path.suffix.lower())
    created = not (library / "sources.yaml").exists() and not (library / "items").exists()
    staging = _Staging(library)
    sources_file = library / "sources.yaml"
    old_sources: bytes | None = None
    try:
        staging.folder(library)
        monitor.check()
        staging.stage(library / entry["original"], path)
        staging.stage(library / "sources" / entry["file"], text)
        staging.stage(library / "sources" / entry["map"], _map_bytes(document, text))
        monitor.check()  # the last moment Cancel is heard: after this the import completes
        staging.commit()
        if sources_file.is_file():
            old_sources = sources_file.read_bytes()
        append_source(library, entry)
        organisations_file = library / "organisations.yaml"
        old_organisations = (
            organisations_file.read_bytes() if organisations_file.is_file() else None
        )
        try:
            other, known_organisations = _verify_loads(folders, library, source_id)
            organisation = new_publisher_organisation(details.publisher, known_organisations)
            if organisation is not None:
                append_organisation(library, organisation)
        except BaseException:
            _restore(organisations_file, old_organisations)
            _restore(sources_file, old_sources)
            raise
    except ExtractCancelled:
        staging.undo()
        raise
    except OSError as error:
        staging.undo()
        raise _folder_error(library, error) from None
    except BaseException:
        staging.undo()
        raise
    added = organisation["id"] if organisation is not None else ""
    return ImportResult(source_id, library, entry, document, created, other, added)


def _check_library(library: Path, folders: Sequence[LibraryFolder]) -> None:
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
    marks = ("sources.yaml", "organisations.yaml", "items")
    is_library = any(os.path.lexists(library / name) for name in marks)
    if library.is_dir() and not is_library and any(library.iterdir()):
        raise BriefgenError(
            f"cannot import into {library}: it is not a briefgen library (it has no "
            "sources.yaml, organisations.yaml or items/ folder, and other files); give a "
            "library, or a new or empty folder to start one"
        )


def _restore(path: Path, old: bytes | None) -> None:
    """Put sources.yaml back as it was before the entry was appended."""
    from briefgen.atomic import write_atomic

    if old is None:
        with contextlib.suppress(OSError):
            path.unlink()
    else:
        write_atomic(path, old)
