"""Load the content libraries into one `Corpus`, validating everything and verifying every quote.

Each library is a folder in the content format; the first is the shipped content (or
`--content`), which must hold themes, organisations and the glossary; the others may add to
them. Ids are unique across all libraries, and an item may quote a source from any of them.
All problems are collected and raised together as one `ContentError`, each naming file:line,
the record and how to fix it (the way MkDocs reports every config problem before it stops).
Items files whose results still hold are not read again (`briefgen.content.verified`). The
files of records are read by `listfiles`, each library's sources by `sourcesfile`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from briefgen.content.itemsfile import FileResult, ItemsContext, check_restatements, replay
from briefgen.content.itemsfile import verify_items_file as verify
from briefgen.content.listfiles import check_id, read_lists
from briefgen.content.model import Corpus, GlossaryEntry, Item, LibraryFolder, Organisation, Theme
from briefgen.content.paths import holds_other_files, is_library, outside_target
from briefgen.content.quotes import normalise_source
from briefgen.content.records import GLOSSARY_FIELDS, ORG_FIELDS, THEME_FIELDS
from briefgen.content.sourcesfile import LoadedSources, load_sources
from briefgen.content.verified import VerifiedItems, digest
from briefgen.content.yamlfile import Problems, display_path, read_bytes
from briefgen.errors import ContentError


def _dependencies(
    result: FileResult, context: ItemsContext, sources: LoadedSources
) -> bytes | None:
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
    organisations.yaml or items/) or empty: a mistyped --library is named before anything
    else is reported. An empty folder is a library with nothing in it yet (a team's new shared
    folder, waiting for its first import), as an import into it takes it to be."""
    for library in libraries:
        where = display_path(library.path)
        if not library.path.is_dir():
            if library.kind == "shipped":
                raise ContentError([f"{where}: content directory not found; check the path"])
            raise ContentError([f"{where}: library folder not found; check the path"])
        if (
            library.kind != "shipped"
            and not is_library(library.path)
            and holds_other_files(library.path)
        ):
            raise ContentError(
                [
                    f"{where}: not a briefgen library (it holds other files, and no "
                    "sources.yaml, organisations.yaml or items/ folder); check the folder's "
                    "name, or start a library in a new or empty folder"
                ]
            )


def load_corpus(libraries: Sequence[LibraryFolder], reuse: bool = True) -> Corpus:
    """Load and verify every library in `libraries` as one corpus; raise `ContentError` listing
    all problems. `reuse` takes the results of items files unchanged since an earlier load."""
    _check_folders(libraries)
    problems = Problems()
    roots = [(library, os.path.realpath(library.path)) for library in libraries]
    theme_records = read_lists("themes.yaml", THEME_FIELDS, "theme", problems, roots)
    themes = {
        r["id"]: Theme(
            r["id"],
            r["label"],
            " ".join(r["intro"].split()),
            " ".join(r.get("rule", "").split()),
            library=r["_library"].name,
        )
        for r in theme_records
        if check_id(r, "theme", problems)
    }
    org_records = read_lists("organisations.yaml", ORG_FIELDS, "organisation", problems, roots)
    organisations = {
        r["id"]: Organisation(r["id"], r["name"], r["short"])
        for r in org_records
        if check_id(r, "organisation", problems)
    }
    glossary_records = read_lists(
        "glossary.yaml", GLOSSARY_FIELDS, "glossary entry", problems, roots, key="term"
    )
    glossary = tuple(
        GlossaryEntry(r["term"], r["expansion"], " ".join(r.get("explanation", "").split()))
        for r in glossary_records
    )
    found = load_sources(roots, organisations, problems)
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
