"""Import one document into a content library, all or nothing: the original kept untouched under
`originals/`, its extracted text and map under `sources/`, and a new entry in `sources.yaml`.

New files are written under temporary names inside the library, renamed into place, and the entry
appended last; any failure (or Cancel) removes what was written, so the library is left exactly
as it was (`import_staging`). The library is loaded afterwards to prove the new source reads.
What an import refuses before it writes anything is `import_checks`'s.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.atomic import file_snapshot, restore
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
from briefgen.library.import_checks import check_library, check_not_imported, known_sources
from briefgen.library.import_details import ImportDetails, choose_id, prefilled, slug
from briefgen.library.import_staging import Staging, folder_error
from briefgen.library.organisations import organisation_names, publisher_org
from briefgen.library.writer import append_organisation, append_source
from briefgen.limits import SOURCE_TEXT_BYTES, megabytes

__all__ = ["ImportDetails", "ImportResult", "import_document", "read_document"]


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


def read_document(
    path: Path | str,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ExtractedDocument:
    """Extract `path` (as `extract`), after checking it is a file that can be read."""
    path = Path(path)
    if not path.is_file():
        what = (
            "a folder"
            if path.is_dir()
            else "not a file but a device or pipe"
            if path.exists()
            else "not found"
        )
        raise BriefgenError(f"{path}: {what}; give the document file to import")
    return extract(path, progress, cancel)


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
    check_library(library, folders)
    known = list(known_sources([*folders, LibraryFolder(library, "team", library.name)]))
    check_not_imported(path, known, library)
    if document is None:
        document = read_document(path, progress, cancel)
    monitor = Monitor(path, None, cancel)
    text = document.text.encode("utf-8")
    _check_size(path, text)
    details = prefilled(document, details or ImportDetails())
    source_id = choose_id(details, {source.source_id for source in known})
    entry = _entry(source_id, details, path.suffix.lower())
    created = not (library / "sources.yaml").exists() and not (library / "items").exists()
    staging = Staging(library)
    sources_file = library / "sources.yaml"
    try:
        staging.folder(library)
        monitor.check()
        staging.stage(library / entry["original"], path)
        staging.stage(library / "sources" / entry["file"], text)
        staging.stage(library / "sources" / entry["map"], _map_bytes(document, text))
        monitor.check()  # the last moment Cancel is heard: after this the import completes
        staging.commit()
        old_sources = file_snapshot(sources_file)
        append_source(library, entry)
        organisations_file = library / "organisations.yaml"
        old_organisations = file_snapshot(organisations_file)
        try:
            other, known_organisations = _verify_loads(folders, library, source_id)
            organisation = new_publisher_organisation(details.publisher, known_organisations)
            if organisation is not None:
                append_organisation(library, organisation)
        except BaseException:
            for written, old in (
                (organisations_file, old_organisations),
                (sources_file, old_sources),
            ):
                with contextlib.suppress(OSError):  # the failure to report is the first
                    restore(written, old)
            raise
    except ExtractCancelled:
        staging.undo()
        raise
    except OSError as error:
        staging.undo()
        raise folder_error(library, error) from None
    except BaseException:
        staging.undo()
        raise
    added = organisation["id"] if organisation is not None else ""
    return ImportResult(source_id, library, entry, document, created, other, added)
