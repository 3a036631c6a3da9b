"""Read and verify one items file on its own, into a result that can be kept and reused.

The result of a file depends only on its bytes and on a few facts about the rest of the corpus
(the source it quotes, which organisations and themes exist), so it is the unit the
verification cache keeps (`briefgen.content.verified`). What depends on other items files (an
item id used twice) is not decided here: the result records each id it claims, in order among
its problems, and the loader checks them across every file when it replays the result.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from briefgen.content.model import ITEM_KINDS, Item, Organisation, Source, Theme
from briefgen.content.quotes import NormalisedText, closest_passage, locate
from briefgen.content.records import ITEM_FIELDS, ITEMS_FILE_FIELDS, read_record
from briefgen.content.sourcemap import Locate
from briefgen.content.yamlfile import (
    Problems,
    decode,
    key_problems,
    line_of,
    mapping,
    parse,
    scalar,
    sequence,
)
from briefgen.spelling import did_you_mean

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
MAX_THEMES = 3
MAX_HEADLINE_WORDS = 15
NO_LOCATOR = frozenset({"locator"})


class Claim(NamedTuple):
    """Item `item_id` is defined at `where`:`line`: a duplicate if another file has it too."""

    item_id: str
    where: str
    line: int
    label: str


class FileResult(NamedTuple):
    """What one items file gives: its problems and id claims in file order, its items, and
    what it depends on besides its own bytes."""

    source_id: str  # the source it names ('' when it names none)
    events: tuple[str | Claim, ...]
    items: tuple[Item, ...]
    orgs: tuple[str, ...]  # the organisation ids its items name
    themes: tuple[str, ...]  # the theme ids its items name
    clean: bool  # no problems of its own (duplicate ids are checked across files)
    restates: tuple[tuple[str, str], ...] = ()  # (item id, "where:line" of its `restates`)


class Recorder(Problems):
    """The problems of one file, with the ids it claims in order between them."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[str | Claim] = []

    def add(self, where: str, line: int, message: str) -> None:
        super().add(where, line, message)
        self.events.append(self.lines[-1])

    def claim(self, item_id: str, where: str, line: int, label: str) -> None:
        self.events.append(Claim(item_id, where, line, label))


@dataclass
class ItemsContext:
    """What items files are checked against: the corpus's sources, organisations and themes.
    A source's normalised text is made only when a file quoting it is verified."""

    sources: dict[str, Source]
    unreadable: set[str]
    organisations: dict[str, Organisation]
    themes: dict[str, Theme]
    locators: dict[str, Locate]
    normalise: Callable[[Source], NormalisedText]
    _normalised: dict[str, NormalisedText] = field(default_factory=dict)

    def normalised(self, source_id: str) -> NormalisedText:
        if source_id not in self._normalised:
            self._normalised[source_id] = self.normalise(self.sources[source_id])
        return self._normalised[source_id]


def replay(result: FileResult, problems: Problems, seen_ids: dict[str, str]) -> None:
    """Record `result`'s problems, and a duplicate for each id an earlier file (or item)
    already claimed, in the order a full read meets them."""
    for event in result.events:
        if isinstance(event, str):
            problems.lines.append(event)
        elif event.item_id in seen_ids:
            problems.add(
                event.where,
                event.line,
                f"{event.label}: duplicate id, first used at {seen_ids[event.item_id]}; "
                "give this item a new id",
            )
        else:
            seen_ids[event.item_id] = f"{event.where}:{event.line}"


def check_restatements(items: list[Item], lines: dict[str, str], problems: Problems) -> None:
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


def verify_items_file(data: bytes, where: str, library: str, context: ItemsContext) -> FileResult:
    """Read and verify the items file `where` (its bytes `data`), in library `library`."""
    recorder = Recorder()
    text = decode(data, where, recorder, "items file")
    root = parse(text, where, recorder) if text is not None else None
    source_id, items = "", list[Item]()
    orgs: set[str] = set()
    themes: set[str] = set()
    restates: dict[str, str] = {}
    if root is not None:
        source_id, items = _read_items(
            root, where, library, context, recorder, orgs, themes, restates
        )
    return FileResult(
        source_id=source_id,
        events=tuple(recorder.events),
        items=tuple(items),
        orgs=tuple(sorted(orgs)),
        themes=tuple(sorted(themes)),
        clean=not recorder.lines,
        restates=tuple(restates.items()),
    )


def _read_items(
    root: yaml.Node,
    where: str,
    library: str,
    context: ItemsContext,
    problems: Recorder,
    orgs_named: set[str],
    themes_named: set[str],
    restates: dict[str, str],
) -> tuple[str, list[Item]]:
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
        return "", []
    sources = context.sources
    source_id = scalar(top["source"]) or ""
    source_known = source_id in sources
    if source_id in context.unreadable:
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
        return source_id, []
    # Items of an imported source may leave out `locator`: it is worked out from its map.
    derive = context.locators.get(source_id) if source_known else None
    optional = NO_LOCATOR if derive is not None else frozenset()
    items = []
    for index, node in enumerate(entries, start=1):
        values = mapping(node) or {}
        item_id = scalar(values["id"]) if "id" in values else None
        label = f"item '{item_id}'" if item_id else f"item {index}"
        record = read_record(node, ITEM_FIELDS, where, label, problems, optional)
        if record is None:
            continue
        orgs_named.add(record["org"])
        themes_named.update(record["themes"])
        line = record["_line"]
        ok = _check_item(record, label, where, context, problems)
        span = (0, 0)
        if source_known:
            normalised = context.normalised(source_id)
            found = locate(record["text"], normalised)
            if found is None:
                miss = closest_passage(record["text"], normalised)
                problems.add(
                    where,
                    record["_line_text"],
                    f"{label}: quote not found in source '{source_id}' "
                    f"({sources[source_id].file}): {miss.describe()}",
                )
                ok = False
            else:
                span = found
        locator = record.get("locator", "")
        if ok and source_known and not locator and derive is not None:
            locator = derive(*span)
            if not locator:
                problems.add(
                    where,
                    line,
                    f"{label}: no locator, and its source's map does not say where this "
                    "passage is (no page, heading or numbered paragraph); add 'locator'",
                )
                ok = False
        if ok and source_known:
            items.append(
                Item(
                    id=record["id"],
                    kind=record["kind"],
                    text=_paragraphs_kept(record["text"]),
                    locator=locator,
                    org=record["org"],
                    themes=tuple(record["themes"]),
                    source=source_id,
                    key=bool(record.get("key", False)),
                    headline=record.get("headline", ""),
                    span=span,
                    content_file=where,
                    line=line,
                    restates=record.get("restates", ""),
                    library=library,
                )
            )
            if record.get("restates"):
                restates[record["id"]] = f"{where}:{record['_line_restates']}"
    return source_id, items


def _check_item(
    record: dict[str, Any], label: str, where: str, context: ItemsContext, problems: Recorder
) -> bool:
    """Check one item's id, kind, organisation, themes and headline; False if any is wrong.
    Its id is claimed in place, so a duplicate is reported where a full read reports it."""
    line, item_id, kind, org = record["_line"], record["id"], record["kind"], record["org"]
    themes: list[str] = record["themes"]
    ok = True
    if not ID_PATTERN.match(item_id):
        problems.add(where, line, f"{label}: id must be lower-case letters, digits and hyphens")
        ok = False
    problems.claim(item_id, where, line, label)
    if kind not in ITEM_KINDS:
        problems.add(
            where,
            record["_line_kind"],
            f"{label}: unknown kind '{kind}'"
            f"{did_you_mean(kind, ITEM_KINDS)}; kinds are {', '.join(ITEM_KINDS)}",
        )
        ok = False
    if org not in context.organisations:
        problems.add(
            where,
            record["_line_org"],
            f"{label}: unknown organisation '{org}'"
            f"{did_you_mean(org, list(context.organisations))}; add it to organisations.yaml or "
            "fix the spelling",
        )
        ok = False
    themes_line = record["_line_themes"]
    for theme in themes:
        if theme not in context.themes:
            problems.add(
                where,
                themes_line,
                f"{label}: unknown theme '{theme}'{did_you_mean(theme, list(context.themes))}",
            )
            ok = False
    if not 1 <= len(themes) <= MAX_THEMES:
        problems.add(
            where,
            themes_line,
            f"{label}: give one to {MAX_THEMES} themes (it has {len(themes)})",
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
    return ok


def _paragraphs_kept(text: str) -> str:
    """An item's text with its whitespace made single spaces, except that a blank line (a
    list quoted whole, decision 0210) stays one: the packs print each paragraph as its own."""
    paragraphs = (" ".join(part.split()) for part in re.split(r"\n[ \t]*\n", text))
    return "\n\n".join(part for part in paragraphs if part)
