"""Load the sources listed in each library's sources.yaml: their texts read, their maps and
imported originals checked, and what an items file quoting one depends on in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

from briefgen.content.listfiles import check_id, read_lists
from briefgen.content.model import LibraryFolder, Organisation, Source
from briefgen.content.paths import outside_target
from briefgen.content.records import SOURCE_FIELDS
from briefgen.content.sourcemap import Locate, read_map
from briefgen.content.verified import digest
from briefgen.content.yamlfile import Problems, read_text
from briefgen.limits import SOURCE_TEXT_BYTES
from briefgen.spelling import did_you_mean


def _inside(name: str) -> bool:
    """Whether `name` is a relative path that stays inside the folder it is taken from."""
    path = PurePosixPath(name.replace("\\", "/"))
    return not (path.is_absolute() or ".." in path.parts or ":" in str(path))


class LoadedSources:
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


def load_sources(
    libraries: Sequence[tuple[LibraryFolder, str]],
    organisations: dict[str, Organisation],
    problems: Problems,
) -> LoadedSources:
    """The sources listed in each library's sources.yaml, with their texts and maps."""
    found = LoadedSources()
    records = read_lists("sources.yaml", SOURCE_FIELDS, "source", problems, libraries)
    real_roots = {library.path: real_root for library, real_root in libraries}
    for order, record in enumerate(records):
        where, line = record["_where"], record["_line"]
        library: LibraryFolder = record["_library"]
        real_root = real_roots[library.path]
        label = f"source '{record['id']}'"
        if not check_id(record, "source", problems) or record["id"] in found.sources:
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
