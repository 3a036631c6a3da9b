"""Curation of suggested items, shared by `briefgen suggest/accept` and the app's review view:
what was rejected for a source, checking an accepted quote is still a span of its source, and
writing accepted items (and rejections) into a library atomically.

Rejections live in the library as `suggestions/<source>.rejected.yaml` (a `rejected:` list of
suggestion ids with their text, for a person reading it); every library's are read back, so a
passage rejected once is not proposed again whoever's library recorded it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from briefgen.atomic import write_atomic
from briefgen.content import ITEM_KINDS, Corpus
from briefgen.content.quotes import closest_passage, locate, normalise_source
from briefgen.errors import BriefgenError
from briefgen.library.destinations import GONE_REMEDY, check_still_there
from briefgen.library.quotespan import as_item_text
from briefgen.library.suggest import (
    DEFAULT_MIN_SCORE,
    Suggestion,
    suggest_for_source,
    suggestion_id,
    train,
)
from briefgen.library.writer import append_items, inside_library, record_yaml
from briefgen.limits import CONTENT_FILE_BYTES, megabytes
from briefgen.spelling import did_you_mean

REJECTED_HEADER = (
    "# Suggestions rejected for source '{source}': `briefgen suggest` and the app's review\n"
    "# view do not propose them again. Delete an entry to have it proposed again.\n"
)
REJECTED_ORDER = ("id", "text")


def rejected_file(library: Path, source_id: str) -> Path:
    """Where `library` records the suggestions rejected for `source_id`."""
    return library / "suggestions" / f"{source_id}.rejected.yaml"


def read_rejected(libraries: Iterable[Path], source_id: str) -> list[str]:
    """The suggestion ids rejected for `source_id` in any of `libraries`."""
    ids: list[str] = []
    for library in libraries:
        path = rejected_file(library, source_id)
        if not path.is_file():
            continue
        try:
            if path.stat().st_size > CONTENT_FILE_BYTES:
                raise BriefgenError(
                    f"{path}: over briefgen's limit of {megabytes(CONTENT_FILE_BYTES)} for a "
                    "content file; fix or delete the file"
                )
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            raise BriefgenError(
                f"{path}: cannot read the rejected suggestions ({error}); fix or delete the file"
            ) from None
        entries = data.get("rejected") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise BriefgenError(
                f"{path}: expected a 'rejected:' list of entries with 'id'; fix or delete the file"
            )
        ids += [str(e["id"]) for e in entries if isinstance(e, dict) and e.get("id")]
    return ids


def record_rejected(library: Path, source_id: str, texts: Sequence[str]) -> Path | None:
    """Add the passages `texts` to the rejections for `source_id` in `library` (atomic)."""
    if not texts:
        return None
    # As the library writer: never through a link leading outside the library.
    path = inside_library(library, str(rejected_file(library, source_id).relative_to(library)))
    known = set(read_rejected([library], source_id))  # first: it names a file it cannot read
    old = (
        path.read_text(encoding="utf-8")
        if path.is_file()
        else REJECTED_HEADER.format(source=source_id) + f"source: {source_id}\nrejected:\n"
    )
    if not old.endswith("\n"):
        old += "\n"
    block = "".join(
        record_yaml(
            {"id": suggestion_id(text), "text": as_item_text(text)}, REJECTED_ORDER, indent=2
        )
        for text in dict.fromkeys(texts)
        if suggestion_id(text) not in known
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, (old + block).encode("utf-8"))
    return path


def library_paths(corpus: Corpus) -> list[Path]:
    """The folders of every library `corpus` was read from, and the user's own library (which
    may hold only rejections, and then is not read as a library)."""
    from briefgen.library.folders import user_library_dir

    paths = [library.path for library in corpus.libraries]
    user = user_library_dir()
    return paths if user in paths else [*paths, user]


def suggestions_for(
    corpus: Corpus, source_id: str, *, min_score: float = DEFAULT_MIN_SCORE, every: bool = False
) -> list[Suggestion]:
    """Suggestions for a source of `corpus`, leaving out its curated items and every passage
    rejected for it in any library; `every` lifts the score floor and the cap.

    The model learns from every other source, not this one: the items an officer has
    accepted from a document so far would teach it that the rest of the document is not worth
    quoting (seven accepted of a hundred suggestions took the rest from 0.87 to below 0.5, and
    the next run showed 16). Learning without it is also how the benchmark measures."""
    model = train(corpus, leave_out=[source_id])
    return suggest_for_source(
        corpus,
        source_id,
        model,
        rejected=read_rejected(library_paths(corpus), source_id),
        min_score=0.0 if every else min_score,
        limit=0 if every else None,
    )


def item_id_for(source_id: str, text: str, taken: Iterable[str]) -> str:
    """An id for an item quoting `text` that none in `taken` has: the source id and part of
    the passage's stable suggestion id."""
    used = set(taken)
    base = f"{source_id}-{suggestion_id(text).removeprefix('sugg-')[:6]}"
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    """Where a quote sits in its source, or why it is not a span of it."""

    span: tuple[int, int] | None
    problem: str = ""


def check_quote(corpus: Corpus, source_id: str, text: str) -> QuoteCheck:
    """Whether `text` is still an exact span of the source (after the loader's normalising),
    with the loader's closest-passage message when it is not."""
    source = corpus.sources[source_id]
    normalised = normalise_source(source.text, source.furniture)
    found = locate(text, normalised)
    if found is not None:
        return QuoteCheck(found)
    miss = closest_passage(text, normalised)
    return QuoteCheck(
        None, f"quote not found in source '{source_id}' ({source.file}): {miss.describe()}"
    )


def record_problems(
    corpus: Corpus, source_id: str, record: Mapping[str, Any]
) -> list[tuple[str, str]]:
    """What is wrong with an item `record` about to be added for `source_id`, as (field,
    problem) pairs (empty if nothing), each saying how to put it right."""
    problems: list[tuple[str, str]] = []
    kind = record.get("kind")
    kinds = ", ".join(ITEM_KINDS)
    if kind in (None, ""):
        problems.append(("kind", f"no kind; give one of {kinds}"))
    elif kind not in ITEM_KINDS:
        hint = did_you_mean(str(kind), ITEM_KINDS)
        problems.append(("kind", f"unknown kind '{kind}'{hint}; choose from {kinds}"))
    org = record.get("org")
    if org in (None, "") or org not in corpus.organisations:
        known = ", ".join(corpus.organisations)
        what = "no organisation" if org in (None, "") else f"unknown organisation '{org}'"
        hint = did_you_mean(str(org), corpus.organisations) if org else ""
        problems.append(
            (
                "org",
                f"{what}{hint}; give whose view or finding the quote states, one of {known} "
                "(for another, first add it to organisations.yaml in your library: id, name "
                "and short name)",
            )
        )
    themes = record.get("themes") or []
    if not themes:
        problems.append(("themes", "no themes; give at least one"))
    problems += [
        ("themes", f"unknown theme '{t}'{did_you_mean(str(t), corpus.themes)}")
        for t in themes
        if t not in corpus.themes
    ]
    if record.get("id") in corpus.by_id:
        problems.append(("id", f"the id '{record.get('id')}' is taken; choose another"))
    source = corpus.sources.get(source_id)
    mapped = source is not None and source.map_path is not None  # the loader works it out
    if not mapped and not str(record.get("locator") or "").strip():
        problems.append(
            ("locator", "no locator; say where the quote is (page, paragraph or section)")
        )
    check = check_quote(corpus, source_id, str(record.get("text") or ""))
    if check.problem:
        problems.append(("text", check.problem))
    return problems


def check_record(corpus: Corpus, source_id: str, record: Mapping[str, Any]) -> list[str]:
    """What is wrong with an item `record` about to be added for `source_id` (empty if none)."""
    return [problem for _, problem in record_problems(corpus, source_id, record)]


def add_items(
    corpus: Corpus, library: Path, source_id: str, records: Sequence[Mapping[str, Any]]
) -> Path:
    """Append item `records` for `source_id` to `library` (atomic); every quote must be a span.
    A team folder read with `corpus` and gone since is refused, not made again."""
    check_still_there(library, corpus.libraries, GONE_REMEDY)
    for record in records:
        problems = check_record(corpus, source_id, record)
        if problems:
            raise BriefgenError(f"cannot add item '{record.get('id')}': {'; '.join(problems)}")
    return append_items(library, source_id, corpus.sources[source_id].title, records)


def item_record(
    suggestion: Suggestion, item_id: str, headline: str = "", key: bool = False
) -> dict[str, Any]:
    """The items-file record for an accepted `suggestion`."""
    return {
        "id": item_id,
        "kind": suggestion.kind,
        "org": suggestion.org,
        "locator": suggestion.locator,
        "themes": list(suggestion.themes),
        "key": key,
        "headline": headline,
        "text": suggestion.quote_text(),  # a line a paragraph: the file reads as the page does
    }
