"""Who a pack is for: the audience profiles declared in `templates/audiences.yaml`.

A profile says which kinds of item an audience gets and in what order, which themes lead,
and whether its pack suggests questions or explains acronyms, so the selection and the
layouts ask the profile rather than naming audiences in code. The file is checked like the
content (every problem with its file and line) and kept in the disk cache while its bytes are
unchanged, so a build need not import the YAML parser.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from briefgen import diskcache
from briefgen.content.model import ITEM_KINDS
from briefgen.content.paths import templates_dir
from briefgen.errors import BriefgenError
from briefgen.spelling import did_you_mean

FILE_NAME = "audiences.yaml"
CACHE_FORMAT = b"briefgen audiences cache 2\n"
ALL_KINDS = "all"
BRIEFING_ITEMS = 5  # a member briefing's items per theme when a profile does not say


class Audience(NamedTuple):
    """Who a pack is for: which kinds of item they get, in what order, and what comes first."""

    id: str
    kinds: tuple[str, ...]  # in the order the audience should meet them
    key_only: bool = False  # short packs carry only the items flagged `key`
    themes_first: tuple[str, ...] = ()  # themes that lead the pack whatever else is chosen
    questions: bool = False  # suggested questions for the committee after each theme
    explain_acronyms: bool = False  # acronyms explained at first use and in a glossary
    briefing_items: int = BRIEFING_ITEMS  # the most items a member briefing quotes per theme


def load_audiences() -> dict[str, Audience]:
    """The audience profiles by id, in the file's order (cached until the file changes); raise
    `BriefgenError` naming every problem in the file."""
    path = templates_dir() / FILE_NAME
    try:
        mtime = path.stat().st_mtime
    except OSError:
        raise BriefgenError(
            f"{path}: audience profiles not found; copy {FILE_NAME} from briefgen's own "
            "templates folder"
        ) from None
    return _load(path, mtime)


@lru_cache(maxsize=4)
def _load(path: Path, mtime: float) -> dict[str, Audience]:
    try:
        text = path.read_bytes()
    except OSError as error:
        raise BriefgenError(f"{path}: cannot read the audience profiles ({error})") from None
    return diskcache.cached("audiences", path, CACHE_FORMAT + text, lambda: _parse(path))


def _parse(path: Path) -> dict[str, Audience]:
    """Read and check the profiles: the content's own record reader, then the kinds."""
    from briefgen.content.listfiles import check_id, read_list_file
    from briefgen.content.records import Field
    from briefgen.content.yamlfile import Problems, display_path

    fields = (
        Field("id"),
        Field("kinds", "list"),
        Field("key_only", "bool", required=False),
        Field("themes_first", "list", required=False),
        Field("questions", "bool", required=False),
        Field("explain_acronyms", "bool", required=False),
        Field("briefing_items", required=False),
    )
    problems = Problems()
    records = read_list_file(path, fields, "audience", problems, os.path.realpath(path.parent))
    audiences = {}
    for record in records:
        where, label = record["_where"], f"audience '{record['id']}'"
        check_id(record, "audience", problems)
        kinds = tuple(record["kinds"])
        if kinds == (ALL_KINDS,):
            kinds = ITEM_KINDS
        for kind in kinds:
            if kind not in ITEM_KINDS:
                problems.add(
                    where,
                    record["_line_kinds"],
                    f"{label}: unknown kind '{kind}'{did_you_mean(kind, ITEM_KINDS)}; "
                    f"kinds are {', '.join(ITEM_KINDS)} (or write 'kinds: {ALL_KINDS}')",
                )
        if not kinds:
            problems.add(
                where, record["_line"], f"{label}: list the kinds of item this audience gets"
            )
        briefing_items = record.get("briefing_items", str(BRIEFING_ITEMS))
        if not briefing_items.isdigit() or int(briefing_items) < 1:
            problems.add(
                where,
                record["_line_briefing_items"],
                f"{label}: 'briefing_items' is '{briefing_items}'; write a whole number, 1 or more",
            )
            briefing_items = str(BRIEFING_ITEMS)
        audiences[record["id"]] = Audience(
            id=record["id"],
            kinds=kinds,
            key_only=bool(record.get("key_only")),
            themes_first=tuple(record.get("themes_first", ())),
            questions=bool(record.get("questions")),
            explain_acronyms=bool(record.get("explain_acronyms")),
            briefing_items=int(briefing_items),
        )
    if not records and not problems:
        problems.add(
            display_path(path), 0, "no audiences; declare at least one (see briefgen's own file)"
        )
    if problems:
        count = len(problems.lines)
        head = f"{count} problem{'s' if count != 1 else ''} in the audience profiles:"
        raise BriefgenError("\n".join([head, *problems.lines]))
    return audiences


class _Audiences(Mapping[str, Audience]):
    """The profiles as a mapping from id, read from the file when first asked (so importing
    this module reads nothing) and afresh when the file changes."""

    def __getitem__(self, audience_id: str) -> Audience:
        return load_audiences()[audience_id]

    def __iter__(self) -> Iterator[str]:
        return iter(load_audiences())

    def __len__(self) -> int:
        return len(load_audiences())


AUDIENCES: Mapping[str, Audience] = _Audiences()
