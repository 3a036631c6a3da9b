"""Load the content libraries into one `Corpus`, validating everything and verifying every quote.

Each library is a folder in the content format; the first is the shipped content (or
`--content`), which must hold themes, organisations and the glossary; the others may add to
them. Ids are unique across all libraries, and an item may quote a source from any of them.
All problems are collected and raised together as one `ContentError`, each naming file:line,
the record and how to fix it (the way MkDocs reports every config problem before it stops).
Items files whose results still hold are not read again (`briefgen.content.verified`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any

from briefgen.content.itemsfile import (
    ID_PATTERN,
    FileResult,
    ItemsContext,
    check_restatements,
    replay,
)
from briefgen.content.itemsfile import verify_items_file as verify
from briefgen.content.model import (
    Corpus,
    GlossaryEntry,
    Item,
    LibraryFolder,
    Organisation,
    Source,
    Theme,
)
from briefgen.content.paths import outside_target
from briefgen.content.quotes import normalise_source
from briefgen.content.records import (
    GLOSSARY_FIELDS,
    ORG_FIELDS,
    SOURCE_FIELDS,
    THEME_FIELDS,
    Field,
    read_record,
)
from briefgen.content.sourcemap import Locate, read_map
from briefgen.content.verified import VerifiedItems, digest
from briefgen.content.yamlfile import (
    Problems,
    compose,
    display_path,
    line_of,
    mapping,
    read_bytes,
    read_text,
    scalar,
    sequence,
)
from briefgen.errors import ContentError
from briefgen.limits import SOURCE_TEXT_BYTES
from briefgen.spelling import did_you_mean


def _read_list_file(
    path: Path,
    fields: tuple[Field, ...],
    noun: str,
    problems: Problems,
    real_root: str,
    key: str = "id",
    library: LibraryFolder | None = None,
) -> list[dict[str, Any]]:
    """Read a file holding a YAML list of records (themes, organisations, sources, glossary,
    audiences). A library's file: only the shipped library must have one, and its ids are
    checked across libraries by the caller; any other file (`library` None) must exist and its
    ids must be unique within it."""
    if library is not None and library.kind != "shipped" and not os.path.lexists(path):
        return []
    root = compose(path, problems, real_root)
    if root is None:
        return []
    where = display_path(path)
    entries = sequence(root)
    if entries is None:
        problems.add(where, line_of(root), f"expected a list of {noun}s, each starting with '- '")
        return []
    records = []
    for index, node in enumerate(entries, start=1):
        values = mapping(node) or {}
        name = scalar(values[key]) if key in values else None
        label = f"{noun} '{name}'" if name else f"{noun} {index}"
        record = read_record(node, fields, where, label, problems)
        if record is not None:
            record["_where"] = where
            record["_library"] = library
            records.append(record)
    if library is None:
        _check_unique(records, key, noun, problems)
    return records


def _read_lists(
    name: str,
    fields: tuple[Field, ...],
    noun: str,
    problems: Problems,
    libraries: Sequence[tuple[LibraryFolder, str]],
    key: str = "id",
) -> list[dict[str, Any]]:
    """The records of the file `name` in every library, each id used only once across them."""
    records = []
    for library, real_root in libraries:
        path = library.path / name
        records += _read_list_file(path, fields, noun, problems, real_root, key, library)
    _check_unique(records, key, noun, problems)
    return records


def _check_unique(records: list[dict[str, Any]], key: str, noun: str, problems: Problems) -> None:
    first: dict[str, dict[str, Any]] = {}
    for record in records:
        value = record[key]
        if value in first:
            earlier = first[value]
            problems.add(
                record["_where"],
                record["_line"],
                f"{noun} '{value}': duplicate id, first used at {earlier['_where']}:"
                f"{earlier['_line']}; give one of them a new id",
            )
        else:
            first[value] = record


def _check_id(record: dict[str, Any], noun: str, problems: Problems) -> bool:
    if ID_PATTERN.match(record["id"]):
        return True
    problems.add(
        record["_where"],
        record["_line"],
        f"{noun} '{record['id']}': id must be lower-case letters, digits and hyphens",
    )
    return False


def _inside(name: str) -> bool:
    """Whether `name` is a relative path that stays inside the folder it is taken from."""
    path = PurePosixPath(name.replace("\\", "/"))
    return not (path.is_absolute() or ".." in path.parts or ":" in str(path))


class _Sources:
    """The sources of every library, with what items files are checked against."""

    def __init__(self) -> None:
        self.sources: dict[str, Source] = {}
        self.unreadable: set[str] = set()  # listed, but their text could not be read
        self.locators: dict[str, Locate] = {}  # imported sources with a map
        self.maps: dict[str, bytes] = {}  # the bytes of each map, as results depend on them
        self.digests: dict[str, bytes] = {}

    def state(self, source_id: str) -> bytes:
        """What an items file quoting `source_id` depends on in that source."""
        if source_id not in self.digests:
            source = self.sources.get(source_id)
            if source is None:
                known = b"unreadable" if source_id in self.unreadable else b"unknown"
                self.digests[source_id] = digest((source_id.encode(), known))
            else:
                parts = [source_id, source.file, source.text, *source.furniture]
                self.digests[source_id] = digest(
                    [part.encode("utf-8", "surrogatepass") for part in parts]
                    + [b"map", self.maps.get(source_id, b"none")]
                )
        return self.digests[source_id]


def _load_sources(
    libraries: Sequence[tuple[LibraryFolder, str]],
    organisations: dict[str, Organisation],
    problems: Problems,
) -> _Sources:
    """The sources listed in each library's sources.yaml, with their texts and maps."""
    found = _Sources()
    records = _read_lists("sources.yaml", SOURCE_FIELDS, "source", problems, libraries)
    real_roots = {library.path: real_root for library, real_root in libraries}
    for order, record in enumerate(records):
        where, line = record["_where"], record["_line"]
        library: LibraryFolder = record["_library"]
        real_root = real_roots[library.path]
        label = f"source '{record['id']}'"
        if not _check_id(record, "source", problems) or record["id"] in found.sources:
            continue
        furniture = record.get("furniture", [])
        for pattern in furniture:
            try:
                re.compile(pattern)
            except re.error as error:
                problems.add(
                    where,
                    record.get("_line_furniture", line),
                    f"{label}: furniture pattern '{pattern}' is not a valid regular "
                    f"expression ({error})",
                )
                furniture = []
        voices = record.get("organisations", [])
        for org in voices:
            if org not in organisations:
                problems.add(
                    where,
                    record.get("_line_organisations", line),
                    f"{label}: unknown organisation '{org}'"
                    f"{did_you_mean(org, list(organisations))}; list ids from organisations.yaml",
                )
        for field in ("file", "map"):
            if field in record and not _inside(record[field]):
                problems.add(
                    where,
                    record[f"_line_{field}"],
                    f"{label}: its {field} '{record[field]}' must be a name inside the content "
                    "folder's sources/ folder; copy the file there and give its name",
                )
                record.pop(field)
        if "file" not in record:
            continue
        _check_original(record, label, library, real_root, problems)
        path = library.path / "sources" / record["file"]
        text = read_text(path, problems, real_root, "source text", SOURCE_TEXT_BYTES)
        if text is None:
            problems.add(
                where,
                record.get("_line_file", line),
                f"{label}: its file 'sources/{record['file']}' could not be read (see above)",
            )
            found.unreadable.add(record["id"])
            continue
        map_path = None
        if "map" in record:
            map_path = library.path / "sources" / record["map"]
            locate, found.maps[record["id"]] = read_map(map_path, text, problems, real_root, label)
            if locate is not None:
                found.locators[record["id"]] = locate
        found.sources[record["id"]] = Source(
            id=record["id"],
            title=record["title"],
            publisher=record["publisher"],
            date=record["date"],
            short_title=record["short_title"],
            file=record["file"],
            path=path,
            text=text,
            url=record.get("url", ""),
            order=order,
            furniture=tuple(furniture),
            organisations=tuple(voices),
            library=library.name,
            original=record.get("original", ""),
            map_path=map_path if record["id"] in found.locators else None,
        )
    return found


def _check_original(
    record: dict[str, Any], label: str, library: LibraryFolder, real_root: str, problems: Problems
) -> None:
    """An imported source's `original` must be a file inside its library (it is not read)."""
    original = record.get("original")
    if original is None:
        return
    where, line = record["_where"], record["_line_original"]
    path = library.path / original
    if not _inside(original):
        problems.add(
            where,
            line,
            f"{label}: its original '{original}' must be a path inside the library folder, "
            "such as originals/<source id>.pdf",
        )
        return
    outside = outside_target(path, real_root)
    if outside is not None:
        problems.add(
            where,
            line,
            f"{label}: its original '{original}' leads to {outside}, outside the library "
            "folder; keep the imported file in the library's originals/ folder",
        )
    elif not path.is_file():
        problems.add(
            where,
            line,
            f"{label}: its original file '{original}' is missing or not a file; put the "
            "imported file back, or remove 'original'",
        )


def _dependencies(result: FileResult, context: ItemsContext, sources: _Sources) -> bytes | None:
    """What `result` relies on outside its own file, now; None when that has certainly
    changed (an organisation or theme its items name is gone)."""
    state = sources.state(result.source_id)
    if result.clean:
        named = all(org in context.organisations for org in result.orgs) and all(
            theme in context.themes for theme in result.themes
        )
        return state if named else None
    # Its messages suggest the nearest ids ("did you mean"), from every id there is.
    ids = (context.organisations, context.themes, context.sources, sorted(context.unreadable))
    return digest([state, *("\n".join(names).encode() for names in ids)])


def _item_files(library: LibraryFolder, real_root: str, problems: Problems) -> list[Path]:
    """The items files of `library`: the shipped one must have some."""
    item_dir = library.path / "items"
    outside = outside_target(item_dir, real_root)
    if outside is not None:  # not even listed
        problems.add(
            display_path(item_dir),
            0,
            f"this folder is a link to {outside}, outside the content folder; copy the items "
            "files into the content folder instead (briefgen reads nothing outside it)",
        )
        return []
    item_files = sorted(item_dir.glob("*.yaml")) if item_dir.is_dir() else []
    if not item_files and library.kind == "shipped":
        problems.add(display_path(item_dir), 0, "no item files (*.yaml) found")
    return item_files


def _check_folders(libraries: Sequence[LibraryFolder]) -> None:
    """Each library must be a folder, and any but the shipped one a library (sources.yaml,
    organisations.yaml or items/): a mistyped --library is named before anything else is
    reported."""
    for library in libraries:
        where = display_path(library.path)
        if not library.path.is_dir():
            if library.kind == "shipped":
                raise ContentError([f"{where}: content directory not found; check the path"])
            raise ContentError([f"{where}: library folder not found; check the path"])
        if library.kind != "shipped" and not any(
            os.path.lexists(library.path / name)
            for name in ("sources.yaml", "organisations.yaml", "items")
        ):
            raise ContentError(
                [
                    f"{where}: not a briefgen library (it has no sources.yaml, "
                    "organisations.yaml or items/ folder); check the folder named"
                ]
            )


def load_corpus(libraries: Sequence[LibraryFolder], reuse: bool = True) -> Corpus:
    """Load and verify every library in `libraries` as one corpus; raise `ContentError` listing
    all problems. `reuse` takes the results of items files unchanged since an earlier load."""
    _check_folders(libraries)
    problems = Problems()
    roots = [(library, os.path.realpath(library.path)) for library in libraries]
    theme_records = _read_lists("themes.yaml", THEME_FIELDS, "theme", problems, roots)
    themes = {
        r["id"]: Theme(
            r["id"],
            r["label"],
            " ".join(r["intro"].split()),
            " ".join(r.get("rule", "").split()),
            library=r["_library"].name,
        )
        for r in theme_records
        if _check_id(r, "theme", problems)
    }
    org_records = _read_lists("organisations.yaml", ORG_FIELDS, "organisation", problems, roots)
    organisations = {
        r["id"]: Organisation(r["id"], r["name"], r["short"])
        for r in org_records
        if _check_id(r, "organisation", problems)
    }
    glossary_records = _read_lists(
        "glossary.yaml", GLOSSARY_FIELDS, "glossary entry", problems, roots, key="term"
    )
    glossary = tuple(
        GlossaryEntry(r["term"], r["expansion"], " ".join(r.get("explanation", "").split()))
        for r in glossary_records
    )
    found = _load_sources(roots, organisations, problems)
    context = ItemsContext(
        sources=found.sources,
        unreadable=found.unreadable,
        organisations=organisations,
        themes=themes,
        locators=found.locators,
        normalise=lambda source: normalise_source(source.text, source.furniture),
    )
    items: list[Item] = []
    seen_ids: dict[str, str] = {}
    restates: dict[str, str] = {}  # where each item's `restates` is, for messages
    for library, real_root in roots:
        kept = VerifiedItems(library, reuse)
        for path in _item_files(library, real_root, problems):
            data = read_bytes(path, problems, real_root, "items file")
            if data is None:
                continue
            where = display_path(path)
            result = kept.result(
                path.relative_to(library.path).as_posix(),
                data,
                where,
                partial(verify, data, where, library.name, context),
                partial(_dependencies, context=context, sources=found),
            )
            replay(result, problems, seen_ids)
            items.extend(result.items)
            restates.update(result.restates)
        kept.save()
    check_restatements(items, restates, problems)
    if problems:
        raise ContentError(problems.lines)
    order = {source_id: source.order for source_id, source in found.sources.items()}
    items.sort(key=lambda item: (order[item.source], item.span[0]))
    return Corpus(
        themes=themes,
        organisations=organisations,
        sources=found.sources,
        glossary=glossary,
        items=tuple(items),
        root=libraries[0].path,
        libraries=tuple(libraries),
    )
