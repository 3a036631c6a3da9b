"""Load the content directory into a `Corpus`, validating everything and verifying every quote.

All problems are collected and raised together as one `ContentError`, each naming file:line,
the record and how to fix it (the way MkDocs reports every config problem before it stops).
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from briefgen.content.model import (
    ITEM_KINDS,
    Corpus,
    GlossaryEntry,
    Item,
    Organisation,
    Source,
    Theme,
)
from briefgen.content.paths import default_content_dir, outside_target
from briefgen.content.quotes import NormalisedText, closest_passage, locate, normalise_source
from briefgen.content.records import (
    GLOSSARY_FIELDS,
    ITEM_FIELDS,
    ITEMS_FILE_FIELDS,
    ORG_FIELDS,
    SOURCE_FIELDS,
    THEME_FIELDS,
    Field,
    read_record,
)
from briefgen.content.yamlfile import (
    Problems,
    compose,
    display_path,
    key_problems,
    line_of,
    mapping,
    read_text,
    scalar,
    sequence,
)
from briefgen.errors import ContentError
from briefgen.limits import SOURCE_TEXT_BYTES
from briefgen.spelling import did_you_mean

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
MAX_THEMES = 3
MAX_HEADLINE_WORDS = 15


def _read_list_file(
    path: Path,
    fields: tuple[Field, ...],
    noun: str,
    problems: Problems,
    real_root: str,
    key: str = "id",
) -> list[dict[str, Any]]:
    """Read a file holding a YAML list of records (themes, organisations, sources, glossary)."""
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
            records.append(record)
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


def _load_sources(
    content_dir: Path,
    organisations: dict[str, Organisation],
    problems: Problems,
    real_root: str,
    unreadable: set[str],
) -> tuple[dict[str, Source], dict[str, NormalisedText]]:
    """The sources listed in sources.yaml with their texts; the id of each listed source whose
    text could not be read goes into `unreadable`."""
    sources: dict[str, Source] = {}
    normalised: dict[str, NormalisedText] = {}
    records = _read_list_file(
        content_dir / "sources.yaml", SOURCE_FIELDS, "source", problems, real_root
    )
    for order, record in enumerate(records):
        where, line = record["_where"], record["_line"]
        label = f"source '{record['id']}'"
        if not _check_id(record, "source", problems) or record["id"] in sources:
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
        name = PurePosixPath(str(record["file"]).replace("\\", "/"))
        if name.is_absolute() or ".." in name.parts or ":" in str(name):
            problems.add(
                where,
                record.get("_line_file", line),
                f"{label}: its file '{record['file']}' must be a name inside the content "
                "folder's sources/ folder; copy the text there and give its name",
            )
            continue
        path = content_dir / "sources" / record["file"]
        text = read_text(path, problems, real_root, "source text", SOURCE_TEXT_BYTES)
        if text is None:
            problems.add(
                where,
                record.get("_line_file", line),
                f"{label}: its file 'sources/{record['file']}' could not be read (see above)",
            )
            unreadable.add(record["id"])
            continue
        sources[record["id"]] = Source(
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
        )
        normalised[record["id"]] = normalise_source(text, furniture)
    return sources, normalised


def _load_item_file(
    path: Path,
    corpus_parts: dict[str, Any],
    seen_ids: dict[str, str],
    problems: Problems,
    real_root: str,
) -> list[Item]:
    root = compose(path, problems, real_root, "items file")
    if root is None:
        return []
    where = display_path(path)
    top = mapping(root)
    if isinstance(root, yaml.MappingNode):
        for key_line, message in key_problems(root, ITEMS_FILE_FIELDS):
            problems.add(where, key_line, message)
    if top is None or "items" not in top or "source" not in top:
        problems.add(
            where,
            line_of(root),
            "an items file needs 'source: <source id>' and 'items:' followed by a list of items",
        )
        return []
    sources: dict[str, Source] = corpus_parts["sources"]
    normalised: dict[str, NormalisedText] = corpus_parts["normalised"]
    source_id = scalar(top["source"]) or ""
    source_known = source_id in sources
    if source_id in corpus_parts["unreadable"]:
        problems.add(
            where,
            line_of(top["source"]),
            f"source '{source_id}' has no text to check these quotes against: its file could "
            "not be read (see above)",
        )
    elif not source_known:
        problems.add(
            where,
            line_of(top["source"]),
            f"unknown source '{source_id}'{did_you_mean(source_id, list(sources))}; "
            "sources are listed in sources.yaml",
        )
    entries = sequence(top["items"])
    if entries is None:
        problems.add(where, line_of(top["items"]), "'items' must be a list, each starting '- '")
        return []
    items = []
    for index, node in enumerate(entries, start=1):
        values = mapping(node) or {}
        item_id = scalar(values["id"]) if "id" in values else None
        label = f"item '{item_id}'" if item_id else f"item {index}"
        record = read_record(node, ITEM_FIELDS, where, label, problems)
        if record is None:
            continue
        line = record["_line"]
        ok = True
        if not ID_PATTERN.match(record["id"]):
            problems.add(where, line, f"{label}: id must be lower-case letters, digits and hyphens")
            ok = False
        if record["id"] in seen_ids:
            problems.add(
                where,
                line,
                f"{label}: duplicate id, first used at {seen_ids[record['id']]}; "
                "give this item a new id",
            )
            ok = False
        else:
            seen_ids[record["id"]] = f"{where}:{line}"
        if record["kind"] not in ITEM_KINDS:
            problems.add(
                where,
                record["_line_kind"],
                f"{label}: unknown kind '{record['kind']}'"
                f"{did_you_mean(record['kind'], ITEM_KINDS)}; kinds are {', '.join(ITEM_KINDS)}",
            )
            ok = False
        orgs: dict[str, Organisation] = corpus_parts["organisations"]
        if record["org"] not in orgs:
            problems.add(
                where,
                record["_line_org"],
                f"{label}: unknown organisation '{record['org']}'"
                f"{did_you_mean(record['org'], list(orgs))}; add it to organisations.yaml or fix "
                "the spelling",
            )
            ok = False
        themes: dict[str, Theme] = corpus_parts["themes"]
        for theme in record["themes"]:
            if theme not in themes:
                problems.add(
                    where,
                    record["_line_themes"],
                    f"{label}: unknown theme '{theme}'{did_you_mean(theme, list(themes))}",
                )
                ok = False
        if not 1 <= len(record["themes"]) <= MAX_THEMES:
            problems.add(
                where,
                record["_line_themes"],
                f"{label}: give one to {MAX_THEMES} themes (it has {len(record['themes'])})",
            )
            ok = False
        headline = record.get("headline", "")
        if len(headline.split()) > MAX_HEADLINE_WORDS:
            problems.add(
                where,
                record["_line_headline"],
                f"{label}: headline has {len(headline.split())} words; keep it to "
                f"{MAX_HEADLINE_WORDS} or fewer",
            )
            ok = False
        span = (0, 0)
        if source_known:
            found = locate(record["text"], normalised[source_id])
            if found is None:
                miss = closest_passage(record["text"], normalised[source_id])
                problems.add(
                    where,
                    record["_line_text"],
                    f"{label}: quote not found in source '{source_id}' "
                    f"({sources[source_id].file}): {miss.describe()}",
                )
                ok = False
            else:
                span = found
        if ok and source_known:
            items.append(
                Item(
                    id=record["id"],
                    kind=record["kind"],
                    text=" ".join(record["text"].split()),
                    locator=record["locator"],
                    org=record["org"],
                    themes=tuple(record["themes"]),
                    source=source_id,
                    key=bool(record.get("key", False)),
                    headline=headline,
                    span=span,
                    content_file=where,
                    line=line,
                    restates=record.get("restates", ""),
                )
            )
            if record.get("restates"):
                corpus_parts["restates"][record["id"]] = f"{where}:{record['_line_restates']}"
    return items


def _check_restatements(items: list[Item], lines: dict[str, str], problems: Problems) -> None:
    """`restates` must name another item that is not itself a restatement (no chains)."""
    by_id = {item.id: item for item in items}
    for item in items:
        if not item.restates:
            continue
        where, _, line = lines[item.id].rpartition(":")
        label = f"item '{item.id}'"
        target = by_id.get(item.restates)
        if target is None or target.id == item.id:
            problems.add(
                where,
                int(line),
                f"{label}: restates '{item.restates}', which is not another item"
                f"{did_you_mean(item.restates, [i for i in by_id if i != item.id])}; name the "
                "item whose words it repeats",
            )
        elif target.restates:
            problems.add(
                where,
                int(line),
                f"{label}: restates '{target.id}', which itself restates '{target.restates}'; "
                f"name '{target.restates}' instead",
            )


def load_corpus(content_dir: Path | None = None) -> Corpus:
    """Load and verify everything under `content_dir`; raise `ContentError` listing all problems."""
    content_dir = Path(content_dir) if content_dir is not None else default_content_dir()
    problems = Problems()
    if not content_dir.is_dir():
        raise ContentError(
            [f"{display_path(content_dir)}: content directory not found; check the path"]
        )
    real_root = os.path.realpath(content_dir)
    theme_records = _read_list_file(
        content_dir / "themes.yaml", THEME_FIELDS, "theme", problems, real_root
    )
    themes = {
        r["id"]: Theme(
            r["id"], r["label"], " ".join(r["intro"].split()), " ".join(r.get("rule", "").split())
        )
        for r in theme_records
        if _check_id(r, "theme", problems)
    }
    org_records = _read_list_file(
        content_dir / "organisations.yaml", ORG_FIELDS, "organisation", problems, real_root
    )
    organisations = {
        r["id"]: Organisation(r["id"], r["name"], r["short"])
        for r in org_records
        if _check_id(r, "organisation", problems)
    }
    glossary_records = _read_list_file(
        content_dir / "glossary.yaml",
        GLOSSARY_FIELDS,
        "glossary entry",
        problems,
        real_root,
        key="term",
    )
    glossary = tuple(
        GlossaryEntry(r["term"], r["expansion"], " ".join(r.get("explanation", "").split()))
        for r in glossary_records
    )
    unreadable: set[str] = set()
    sources, normalised = _load_sources(content_dir, organisations, problems, real_root, unreadable)
    restates: dict[str, str] = {}
    parts = {
        "unreadable": unreadable,
        "themes": themes,
        "organisations": organisations,
        "sources": sources,
        "normalised": normalised,
        "restates": restates,
    }
    items: list[Item] = []
    seen_ids: dict[str, str] = {}
    item_dir = content_dir / "items"
    outside = outside_target(item_dir, real_root)
    if outside is not None:  # not even listed
        problems.add(
            display_path(item_dir),
            0,
            f"this folder is a link to {outside}, outside the content folder; copy the items "
            "files into the content folder instead (briefgen reads nothing outside it)",
        )
    else:
        item_files = sorted(item_dir.glob("*.yaml")) if item_dir.is_dir() else []
        if not item_files:
            problems.add(display_path(item_dir), 0, "no item files (*.yaml) found")
        for path in item_files:
            items.extend(_load_item_file(path, parts, seen_ids, problems, real_root))
        _check_restatements(items, restates, problems)
    if problems:
        raise ContentError(problems.lines)
    order = {source_id: source.order for source_id, source in sources.items()}
    items.sort(key=lambda item: (order[item.source], item.span[0]))
    return Corpus(
        themes=themes,
        organisations=organisations,
        sources=sources,
        glossary=glossary,
        items=tuple(items),
        root=content_dir,
    )
