"""The review file: suggestions written in the items format for an officer to edit, then
accepted into a library in one step (`briefgen suggest --review`, `briefgen accept`).

Each entry is an item with an `accept:` field the officer sets: `yes` adds it to the library,
`no` records it as rejected (not proposed again), left empty it is decided later (kept out of
both). The officer may edit kind, org, themes, key, locator and headline, and trim the text, but
the text must stay an exact span of the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefgen.atomic import write_atomic
from briefgen.content import Corpus
from briefgen.content.kinds import kind_rules
from briefgen.errors import BriefgenError
from briefgen.library.curate import item_id_for, item_record, record_problems, record_rejected
from briefgen.library.suggest import Suggestion
from briefgen.library.writer import ITEM_ORDER, append_items, record_yaml

REVIEW_HEADER = """\
# Suggested items, written by `briefgen suggest --review`, for
# '{title}'.
#
# For each entry set `accept: yes` to add it to your library or `accept: no` to reject it (it
# will not be suggested again); leave `accept:` empty to decide later. Then run:
#   briefgen accept {name}
# Edit kind, org, themes and locator as you like, and write the headline in your own words.
# You may trim `text` at either end, but it must stay word for word from the source.
#   org: whose view or finding the quote states, one of:
{organisations}
#     For another, first add it to organisations.yaml in your library:
#       - id: anytown   (then `org: anytown` here)
#         name: Anytown Council
#         short: Anytown
#   key: yes puts the item in member briefings, which quote only key items.
# Kinds, as briefgen's curation guide defines them:
{kinds}
source: {source}
items:
"""
REVIEW_FIELDS = ("accept", *ITEM_ORDER)
QUOTE_REMEDY = (
    "; put back the source's words there (a quote may be cut only at its start or end, never "
    "changed)"
)
# Written even when empty, for the officer to fill in; `restates` is left out.
REVIEW_ORDER = ("id", "accept", "kind", "org", "locator", "themes", "key", "headline", "text")
_EMPTY = {"accept": "", "org": "", "key": " no", "headline": "", "locator": ""}


def _organisation_lines(corpus: Corpus) -> str:
    """The organisations' ids and short names as comment lines, a few to a line."""
    names = [f"{org.id} ({org.short})" for org in corpus.organisations.values()]
    lines, line = [], "#    "
    for name in names:
        if len(line) + len(name) + 2 > 92 and line.strip("# "):
            lines.append(line.rstrip(", "))
            line = "#    "
        line += f" {name},"
    lines.append(line.rstrip(","))
    return "\n".join(lines)


def _entry_yaml(record: dict[str, Any]) -> str:
    """One review entry, every field of `REVIEW_ORDER` on its own line, empty ones included."""
    fields: dict[str, str] = {}
    current = ""
    for line in record_yaml(record, ITEM_ORDER, indent=2).splitlines(keepends=True):
        name = line[4:].split(":", 1)[0] if line.startswith(("  - ", "    ")) else ""
        if name in REVIEW_ORDER and (line.startswith("  - ") or line[4:5] != " "):
            current = name
        fields[current] = fields.get(current, "") + line
    parts = []
    for name in REVIEW_ORDER:
        if name in fields:
            parts.append(fields[name])
        else:
            parts.append(f"    {name}:{_EMPTY.get(name, '')}\n")
    return "".join(parts)


def write_review(path: Path, corpus: Corpus, source_id: str, suggestions: list[Suggestion]) -> None:
    """Write `suggestions` for `source_id` to the review file `path` (atomic)."""
    title = " ".join(corpus.sources[source_id].title.split())
    kinds = "\n".join(f"#   {kind}: {rule}" for kind, rule in kind_rules().items())
    parts = [
        REVIEW_HEADER.format(
            title=title,
            name=path.name,
            source=source_id,
            organisations=_organisation_lines(corpus),
            kinds=kinds,
        )
    ]
    taken = set(corpus.by_id)
    for suggestion in suggestions:
        item_id = item_id_for(source_id, suggestion.text, taken)
        taken.add(item_id)
        record = item_record(suggestion, item_id)
        reason = " ".join(suggestion.reason.split())
        if suggestion.other_kind:  # the model was unsure between two kinds (decision 0197)
            reason += f"; kind unsure: {suggestion.kind} or {suggestion.other_kind}"
        parts.append(f"  # score {suggestion.score:.2f}: {reason}\n")
        parts.append(_entry_yaml(record))
    write_atomic(path, "".join(parts).encode("utf-8"))


@dataclass
class ReviewEntry:
    """One entry of a review file, with the line it starts on."""

    line: int
    accept: bool | None
    record: dict[str, Any]
    field_lines: dict[str, int] = field(default_factory=dict)  # where each field starts


@dataclass
class ReviewFile:
    """A review file as read: its source and entries."""

    path: Path
    source: str
    entries: list[ReviewEntry] = field(default_factory=list)


def _entry_problems(where: str, line: int, values: object) -> tuple[bool | None, list[str]]:
    if not isinstance(values, dict):
        return None, [f"{where}:{line}: an entry must be an item (fields like 'id: …')"]
    unknown = sorted(set(values) - set(REVIEW_FIELDS))
    problems = [f"{where}:{line}: unknown field '{name}'" for name in unknown]
    accept = values.get("accept")
    if accept not in (True, False, None):
        problems.append(f"{where}:{line}: 'accept' is '{accept}'; write yes, no, or leave it empty")
        accept = None
    return accept, problems


def read_review(path: Path) -> ReviewFile:
    """Read the review file `path`; problems name the file and line."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BriefgenError(
            f"{where}: no such review file; write one with `briefgen suggest SOURCE --review FILE`"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise BriefgenError(f"{where}: cannot read the review file ({error})") from None
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        raise BriefgenError(f"{where}:{line}: not readable as YAML ({error.problem})") from None
    except yaml.reader.ReaderError as error:  # a control character, often pasted in with a quote
        line = text.count("\n", 0, error.position) + 1
        raise BriefgenError(
            f"{where}:{line}: a character YAML does not allow (U+{error.character:04X}); "
            "delete it or retype the line"
        ) from None
    if (
        not isinstance(node, yaml.MappingNode)
        or not isinstance(data, dict)
        or not isinstance(data.get("source"), str)
    ):
        raise BriefgenError(f"{where}:1: a review file starts 'source: ID' then 'items:'")
    items = data.get("items") or []
    item_nodes = {k.value: v for k, v in node.value}.get("items")
    if not isinstance(items, list) or not isinstance(item_nodes, yaml.SequenceNode):
        raise BriefgenError(f"{where}:1: 'items' must be a list, each entry starting '- '")
    review = ReviewFile(path, data["source"])
    problems: list[str] = []
    for values, entry_node in zip(items, item_nodes.value, strict=True):
        line = entry_node.start_mark.line + 1
        accept, found = _entry_problems(where, line, values)
        problems += found
        if isinstance(values, dict):
            record = {k: v for k, v in values.items() if k != "accept"}
            field_lines = (
                {k.value: k.start_mark.line + 1 for k, _ in entry_node.value}
                if isinstance(entry_node, yaml.MappingNode)
                else {}
            )
            review.entries.append(ReviewEntry(line, accept, record, field_lines))
    if problems:
        raise BriefgenError("\n".join(problems))
    return review


@dataclass(frozen=True)
class AcceptResult:
    """What `accept_review` did."""

    items_file: Path | None
    accepted: int
    rejected: int
    undecided: int


def _added_before(corpus: Corpus, source_id: str, record: dict[str, Any]) -> bool:
    item = corpus.by_id.get(str(record.get("id")))
    return (
        item is not None
        and item.source == source_id
        and " ".join(item.text.split()) == " ".join(str(record.get("text") or "").split())
    )


def accept_review(corpus: Corpus, review: ReviewFile, library: Path) -> AcceptResult:
    """Add the accepted entries of `review` to `library` and record the rejected ones; nothing
    is written unless every accepted entry is a valid item whose text is a span of its source."""
    where = str(review.path)
    if review.source not in corpus.sources:
        raise BriefgenError(
            f"{where}:1: no source '{review.source}' in the libraries read; check the id, or "
            "give the library with --library"
        )
    problems: list[str] = []
    # Entries added by an earlier run (same id, same source) are skipped: the officer may
    # accept a file in several sittings.
    accepted = [
        e
        for e in review.entries
        if e.accept is True and not _added_before(corpus, review.source, e.record)
    ]
    ids_seen: set[str] = set()
    for entry in accepted:
        record = {k: v for k, v in entry.record.items() if k in ITEM_ORDER}
        label = f"item '{record.get('id')}'"
        found = record_problems(corpus, review.source, record)
        if record.get("id") in ids_seen:
            found.append(("id", f"the id '{record.get('id')}' is given twice in this file"))
        ids_seen.add(str(record.get("id")))
        # Each problem at the line of the field to fix (the quote's, the organisation's).
        problems += [
            f"{where}:{entry.field_lines.get(name, entry.line)}: {label}: {problem}"
            + (QUOTE_REMEDY if name == "text" else "")
            for name, problem in found
        ]
    if problems:
        raise BriefgenError(
            "\n".join(problems) + "\nnothing was added; fix the entries above and run it again"
        )
    records = [
        {k: v for k, v in e.record.items() if k in ITEM_ORDER and v not in (None, "")}
        for e in accepted
    ]
    items_file = (
        append_items(library, review.source, corpus.sources[review.source].title, records)
        if records
        else None
    )
    rejected = [str(e.record.get("text") or "") for e in review.entries if e.accept is False]
    record_rejected(library, review.source, [t for t in rejected if t])
    undecided = sum(e.accept is None for e in review.entries)
    return AcceptResult(items_file, len(records), len(rejected), undecided)
