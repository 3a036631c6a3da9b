"""`briefgen suggest` and `briefgen accept`: suggested items for a source or a file, written to a
review file for the officer to edit, then accepted into a library in one command."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.content import Corpus
from briefgen.counts import counted
from briefgen.errors import BriefgenError
from briefgen.spelling import did_you_mean
from briefgen.terminal import printable

if TYPE_CHECKING:  # the engine (scikit-learn, numpy) is imported only when a command runs it
    from briefgen.library.suggest import Suggestion

# The engine's own default, repeated here so `briefgen --help` need not import the engine; a
# test checks the two agree.
DEFAULT_MIN_SCORE = 0.3


def _suggest_file(corpus: Corpus, path: Path, min_score: float, every: bool) -> list[Suggestion]:
    """Suggestions on a document not in any library: extracted, nothing written."""
    from briefgen.library.extract import extract
    from briefgen.library.suggest import suggest, train

    document = extract(path)
    return suggest(
        document.text,
        train(corpus),
        publisher=document.metadata.publisher,
        organisations=[(o.id, o.name, o.short) for o in corpus.organisations.values()],
        headings=document.headings,
        min_score=0.0 if every else min_score,
        limit=0 if every else None,
        locate=document.locator,
    )


# The one-line table needs this many columns to show any of a passage's text; a narrower
# terminal (80 columns, say) gets each suggestion on a few lines instead.
WIDE_TABLE_COLUMNS = 139
INDENT = " " * 7


def _table_width() -> int:
    """The terminal's width in columns; unlimited when the output is not a terminal."""
    if not sys.stdout.isatty():
        return 10**6
    return max(shutil.get_terminal_size((120, 24)).columns, 60)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_table(suggestions: list[Suggestion]) -> None:
    width = _table_width()
    if width < WIDE_TABLE_COLUMNS:
        _print_stacked(suggestions, width)
        print(f"\n{counted(len(suggestions), 'suggestion')}")
        return
    print(f"{'score':>5}  {'kind':<22}  {'org':<12}  {'themes':<30}  {'locator':<20}  text")
    print("-" * min(width, 150))
    text_width = max(min(width, 200) - 99, 40)
    for s in suggestions:
        text = _cut(printable(" ".join(s.text.split())), text_width)
        themes = _cut(", ".join(s.themes), 30)
        locator = _cut(printable(s.locator), 20)
        kind = _cut(s.kind_text, 22)
        print(f"{s.score:>5.2f}  {kind:<22}  {s.org:<12}  {themes:<30}  {locator:<20}  {text}")
        print(f"{'':>5}  ({printable(s.reason)})")
    print(f"\n{counted(len(suggestions), 'suggestion')}")


def _print_stacked(suggestions: list[Suggestion], width: int) -> None:
    """Each suggestion on a few lines that fit `width`: score, kind, org and locator; the
    passage (two lines at most); its themes; why it was suggested."""
    room = width - len(INDENT)
    for s in suggestions:
        org = s.org or "no organisation"
        print(_cut(f"{s.score:>5.2f}  {s.kind_text} · {org} · {printable(s.locator)}", width))
        lines = textwrap.wrap(printable(" ".join(s.text.split())), room)
        if len(lines) > 2:
            lines = [lines[0], _cut(lines[1] + " " + lines[2], room)]
        for line in lines:
            print(INDENT + line)
        print(INDENT + _cut(f"themes: {', '.join(s.themes)}", room))
        print(INDENT + _cut(f"why: {printable(s.reason)}", room))


def cmd_suggest(args: argparse.Namespace) -> int:
    """Suggest items for a source of the libraries, or for a document file."""
    from briefgen.cli import EXIT_OK, _load
    from briefgen.library.curate import suggestions_for

    corpus = _load(args)
    target = args.source
    if target in corpus.sources:
        suggestions = suggestions_for(corpus, target, min_score=args.min_score, every=args.all)
    elif Path(target).is_file():
        if args.review:
            raise BriefgenError(
                f"--review needs a source of the library; import '{target}' first with "
                "`briefgen import`, then suggest on its source id"
            )
        suggestions = _suggest_file(corpus, Path(target), args.min_score, args.all)
    else:
        hint = did_you_mean(target, list(corpus.sources))
        raise BriefgenError(
            f"'{target}' is neither a source id nor a file{hint}; `briefgen sources` lists the "
            "sources"
        )
    if args.review:
        from briefgen.library.reviewfile import write_review

        write_review(Path(args.review), corpus, target, suggestions)
        print(
            f"Wrote {counted(len(suggestions), 'suggestion')} for '{target}' to {args.review}.\n"
            "Set `accept: yes` or `accept: no` on each (and `org:` where it is empty), then "
            f"run:\n  briefgen accept {args.review}"
        )
        return EXIT_OK
    if args.json:
        json.dump([s.as_dict() for s in suggestions], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    _print_table(suggestions)
    return EXIT_OK


def cmd_accept(args: argparse.Namespace) -> int:
    """Add a review file's accepted items to a library (`--into`, else the one holding the
    review's source if it is the user's or a team's they can write to, else the user's), and
    record its rejected ones."""
    from briefgen.cli import EXIT_OK
    from briefgen.content import open_corpus
    from briefgen.library.destinations import (
        curation_library,
        library_at,
        library_label,
        user_library,
    )
    from briefgen.library.folders import library_folders
    from briefgen.library.reviewfile import accept_review, read_review

    review = read_review(Path(args.review_file))
    extra = list(args.libraries)
    if args.into:
        into = Path(args.into)
        # A library to add to is read too (its ids are taken), once it is one: it may hold
        # only rejections so far.
        if (into / "sources.yaml").is_file() or (into / "items").is_dir():
            extra.append(into)
    corpus = open_corpus(library_folders(args.content, extra))
    why = ""
    if args.into:
        target = library_at(into, corpus.libraries)
    elif review.source in corpus.sources:
        target, why = curation_library(corpus, review.source)
    else:  # accept_review says the source is not known
        target = user_library()
    result = accept_review(corpus, review, target.path)
    where = (f" ({result.items_file})" if result.items_file else "") + (
        f", as {why}" if why else ""
    )
    print(
        f"Added {counted(result.accepted, 'item')} to {library_label(target)}{where}; recorded "
        f"{counted(result.rejected, 'rejected suggestion')}; "
        f"{counted(result.undecided, 'entry', 'entries')} left undecided."
    )
    return EXIT_OK


def add_curate_commands(commands: Any) -> None:
    """The `suggest` and `accept` subcommands."""
    suggest = commands.add_parser(
        "suggest",
        help="suggest items to quote from a source (or a document file)",
        description="Suggest passages of a source worth quoting, with kind, organisation, "
        "themes, locator, score and reason. Items already curated and suggestions rejected "
        "for the source are not proposed again. Given a file, it is read and nothing is written.",
    )
    suggest.add_argument("source", metavar="SOURCE_ID_OR_FILE")
    suggest.add_argument("--json", action="store_true", help="print a JSON array instead")
    suggest.add_argument(
        "--min-score",
        type=float,
        default=DEFAULT_MIN_SCORE,
        metavar="S",
        help=f"lowest score to show (default {DEFAULT_MIN_SCORE})",
    )
    suggest.add_argument(
        "--all", action="store_true", help="every candidate: no lowest score and no cap"
    )
    suggest.add_argument(
        "--review", metavar="FILE.yaml", help="write the suggestions to a review file to edit"
    )
    suggest.set_defaults(handler=cmd_suggest)

    accept = commands.add_parser(
        "accept",
        help="add a review file's accepted items to a library",
        description="Add the entries marked `accept: yes` to a library (each quote must "
        "still be word for word from its source) and record those marked `accept: no` so they "
        "are not suggested again. They go to the library holding the source when that is your "
        "own or a team folder, so colleagues see them beside it; a shipped source's (or one in a "
        "team folder you cannot write to) go to your own library.",
    )
    accept.add_argument("review_file", metavar="FILE.yaml")
    accept.add_argument(
        "--into",
        metavar="DIR",
        help="library to add to instead (default: the source's library if it is yours or a "
        "team's, else your own)",
    )
    accept.set_defaults(handler=cmd_accept)
