"""The `briefgen` command line: argument parsing and messages only; the work is in the core.

User mistakes (bad content, bad options, unwritable output) print a message and exit non-zero;
only a bug prints a traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from briefgen.content import ITEM_KINDS, Corpus, LibraryFolder, load_corpus, open_corpus
from briefgen.counts import counted
from briefgen.errors import BriefgenError, ContentError
from briefgen.pack.labels import audience_label
from briefgen.selection import AUDIENCES, select_items
from briefgen.spelling import did_you_mean
from briefgen.terminal import EXIT_INTERRUPTED, printable

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse's parser, saying "unrecognised" in British English (its own message is the only
    one of its errors a user commonly meets that is spelt the American way)."""

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognised arguments: {' '.join(extras)}")
        return parsed


def library_folders(args: argparse.Namespace) -> tuple[LibraryFolder, ...]:
    """The libraries a command reads: `--content` (or the shipped content), the user's own,
    the team folders in the settings, `$BRIEFGEN_LIBRARY` and each `--library`."""
    from briefgen.library.folders import library_folders as folders

    return folders(args.content, args.libraries)


def _load(args: argparse.Namespace) -> Corpus:
    """The corpus for a command that uses it (from the verified-corpus cache when current)."""
    return open_corpus(library_folders(args))


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every library and verify every quote against its source."""
    started = time.perf_counter()
    # Never the corpus cache; items files verified unchanged before are not verified again.
    corpus = load_corpus(library_folders(args), reuse=not args.full)
    from briefgen.content.reviewed import review_kept

    notes = review_kept(corpus, reuse=not args.full)  # as review_corpus, changed items only
    elapsed = time.perf_counter() - started
    for note in notes:
        print(f"warning: {printable(str(note))}")
    warned = f"; {counted(len(notes), 'warning')} above" if notes else ""
    names = [library.name for library in corpus.libraries]
    libraries = f" in {len(names)} libraries ({', '.join(names)})" if len(names) > 1 else ""
    print(
        f"Content OK: {len(corpus.items)} items from {len(corpus.sources)} sources, "
        f"{len(corpus.themes)} themes{printable(libraries)}; every quote found in its source"
        f"{warned} ({elapsed:.2f} s)."
    )
    # Warnings are editorial (the quotes are exact): they fail the check only when asked to.
    return EXIT_PROBLEMS if notes and args.strict else EXIT_OK


def _check_choices(values: Sequence[str], allowed: Sequence[str], option: str) -> None:
    for value in values:
        if value not in allowed:
            raise BriefgenError(
                f"{option} '{value}' is not known{did_you_mean(value, allowed)}; choose from: "
                f"{', '.join(allowed)}"
            )


def item_record(corpus: Corpus, item_id: str) -> dict[str, object]:
    """The JSON shape of one item (`briefgen items --json`)."""
    item = corpus.item(item_id)
    return {
        "id": item.id,
        "kind": item.kind,
        "text": item.text,
        "locator": item.locator,
        "org": item.org,
        "themes": list(item.themes),
        "key": item.key,
        "source": item.source,
        "headline": item.headline,
        "citation": corpus.citation(item),
        "span": list(item.span),
        "content_file": item.content_file,
        "line": item.line,
        "library": item.library,
    }


def cmd_items(args: argparse.Namespace) -> int:
    """List the items a selection gives, as a table or as JSON."""
    corpus = _load(args)
    _check_choices(args.theme, list(corpus.themes), "--theme")
    _check_choices(args.kind, ITEM_KINDS, "--kind")
    _check_choices(args.org, list(corpus.organisations), "--org")
    _check_choices(args.source, list(corpus.sources), "--source")
    names = [library.name for library in corpus.libraries]
    _check_choices(args.from_library, names, "--library")
    items = select_items(
        corpus,
        themes=args.theme,
        audience=args.audience,
        kinds=args.kind,
        orgs=args.org,
        sources=args.source,
        search=args.search or "",
    )
    if args.from_library:
        items = [item for item in items if item.library in args.from_library]
    if args.json:
        import json

        json.dump([item_record(corpus, item.id) for item in items], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    # Piped output keeps whole quotes; a terminal gets one line per item.
    import shutil

    width = max(shutil.get_terminal_size((120, 24)).columns, 80) if sys.stdout.isatty() else 10**6
    id_width = max((len(item.id) for item in items), default=2)
    # Which library each item is from, once there is more than one.
    library_width = max(map(len, names)) + 2 if len(names) > 1 else 0
    library_head = f"{'library':<{library_width}}" if library_width else ""
    header = f"{'id':<{id_width}}  {library_head}{'kind':<17}  {'org':<12}  {'locator':<24}  text"
    print(header)
    print("-" * min(width, len(header) + 60))
    text_width = max(width - id_width - library_width - 63, 20)
    for item in items:
        key = "*" if item.key else " "
        # a quote of several paragraphs (a list quoted whole) on its one line of the table
        text, locator = printable(" ".join(item.text.split())), printable(item.locator)
        text = text if len(text) <= text_width else text[: text_width - 1] + "…"
        org = printable(corpus.organisations[item.org].short)
        locator = locator if len(locator) <= 24 else locator[:23] + "…"
        library = f"{printable(item.library):<{library_width}}" if library_width else ""
        print(
            f"{item.id:<{id_width}}  {library}{item.kind:<17}  {org:<12}  {locator:<24} {key}{text}"
        )
    print(f"\n{counted(len(items), 'item')} (* = key item for member briefings)")
    return EXIT_OK


def cmd_themes(args: argparse.Namespace) -> int:
    """List the themes with how many items each holds, by kind."""
    corpus = _load(args)
    several = len(corpus.libraries) > 1
    for theme in corpus.themes.values():
        items = [item for item in corpus.items if theme.id in item.themes]
        key = sum(item.key for item in items)
        library = f"  ({printable(theme.library)})" if several else ""
        print(
            f"{theme.id:<28} {printable(theme.label):<32} {len(items):>4} items ({key} key)"
            f"{library}"
        )
        if args.verbose:
            for kind in ITEM_KINDS:
                count = sum(item.kind == kind for item in items)
                if count:
                    print(f"    {kind:<20} {count:>4}")
    print(f"\n{len(corpus.items)} items in {len(corpus.themes)} themes")
    return EXIT_OK


def cmd_sources(args: argparse.Namespace) -> int:
    """List the source documents with how many items quote each."""
    corpus = _load(args)
    several = len(corpus.libraries) > 1
    # As wide as the longest id, so an imported source's long id keeps the columns in line.
    width = max([18, *(len(source_id) for source_id in corpus.sources)])
    for source in corpus.sources.values():
        count = sum(item.source == source.id for item in corpus.items)
        publisher, date = printable(source.publisher), printable(source.date)
        library = f"  ({printable(source.library)})" if several else ""
        print(f"{source.id:<{width}} {count:>4} items  {publisher}, {date}{library}")
        print(f"{'':<{width}}        {printable(source.title)}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefgen",
        description="Briefing packs of exact, cited quotes from policy documents.",
    )
    parser.add_argument(
        "--content",
        metavar="DIR",
        help="content directory to use (default: the project's content/ or $BRIEFGEN_CONTENT)",
    )
    parser.add_argument(
        "--library",
        action="append",
        default=[],
        dest="libraries",
        metavar="DIR",
        help="also read the content library in DIR (repeatable; as do $BRIEFGEN_LIBRARY, the "
        "user's own library and the team folders in libraries.yaml)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    check = commands.add_parser("check", help="validate the content and verify every quote")
    check.add_argument(
        "--strict", action="store_true", help="exit with status 1 when there are warnings too"
    )
    check.add_argument(
        "--full",
        action="store_true",
        help="verify every items file again, even those unchanged since the last check",
    )
    check.set_defaults(handler=cmd_check)

    items = commands.add_parser("items", help="list the items a selection gives")
    items.add_argument("--theme", action="append", default=[], metavar="T", help="theme id")
    items.add_argument("--kind", action="append", default=[], metavar="K", help="item kind")
    items.add_argument("--org", action="append", default=[], metavar="O", help="organisation")
    items.add_argument("--source", action="append", default=[], metavar="S", help="source id")
    items.add_argument(
        "--audience",
        choices=list(AUDIENCES),
        help="filter and order for: "
        + ", ".join(f"{name} ({audience_label(name)})" for name in AUDIENCES),
    )
    items.add_argument("--search", metavar="TEXT", help="words every listed item must contain")
    items.add_argument(
        "--library",
        action="append",
        default=[],
        dest="from_library",
        metavar="NAME",
        help="only items from this library (a name the library column shows)",
    )
    items.add_argument("--json", action="store_true", help="print a JSON array instead")
    items.set_defaults(handler=cmd_items)

    themes = commands.add_parser("themes", help="list the themes and their item counts")
    themes.add_argument("-v", "--verbose", action="store_true", help="counts by kind too")
    themes.set_defaults(handler=cmd_themes)

    sources = commands.add_parser("sources", help="list the source documents")
    sources.set_defaults(handler=cmd_sources)

    from briefgen.build_cli import add_build_command

    add_build_command(commands)
    from briefgen.verify_cli import add_verify_command

    add_verify_command(commands)
    from briefgen.curate_cli import add_curate_commands

    add_curate_commands(commands)

    from briefgen.import_cli import add_import_command

    add_import_command(commands)
    from briefgen.libraries_cli import add_libraries_command

    add_libraries_command(commands)
    return parser


# Options that name files: a file name may hold bytes that are not UTF-8, and must keep them.
_FILE_OPTIONS = frozenset(
    {
        "content",
        "libraries",
        "pack_file",
        "output",
        "template",
        "save_pack",
        "draft",
        "review",
        "review_file",
        "file",
        "into",
        "folder",  # briefgen libraries add DIR
    }
)


def _undecodable_option(args: argparse.Namespace) -> str | None:
    """The first text option holding bytes that are not UTF-8 (Python keeps them as lone
    surrogates, which no output can encode), as typed on the command line; None if none."""
    for name, value in vars(args).items():
        if name in _FILE_OPTIONS:
            continue
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and any("\udc80" <= char <= "\udcff" for char in text):
                return f"--{name.replace('_', '-')}"
    return None


def _message(error: BriefgenError) -> str:
    """`error` for the terminal, with the content and file names it quotes escaped: a content
    error one problem a line (a line break inside a problem escaped too)."""
    if isinstance(error, ContentError):
        head = str(error).split("\n", 1)[0]
        return "\n".join([head, *(printable(problem, keep="\t") for problem in error.problems)])
    return printable(str(error), keep="\n\t")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        parser = build_parser()  # the audience choices come from templates/audiences.yaml
    except BriefgenError as error:
        print(f"briefgen: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    args = parser.parse_args(argv)
    undecodable = _undecodable_option(args)
    if undecodable:
        parser.error(
            f"{undecodable} holds characters that are not UTF-8 text; retype it, or set the "
            "terminal to UTF-8"
        )
    try:
        return int(args.handler(args))
    except BriefgenError as error:
        print(f"briefgen: {_message(error)}", file=sys.stderr)
        return EXIT_PROBLEMS
    except BrokenPipeError:  # `briefgen items | head`
        return EXIT_OK
    except KeyboardInterrupt:  # Ctrl+C: every file briefgen writes is replaced whole, or not
        print(
            f"briefgen {args.command}: stopped (Ctrl+C); no file was left half-written",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    except OSError as error:  # the system refused, e.g. output redirected to a full disk
        reason = error.strerror.lower() if error.strerror else str(error)
        where = f": {error.filename}" if error.filename else ""
        print(f"briefgen: {reason}{where}", file=sys.stderr)
        return EXIT_PROBLEMS


if __name__ == "__main__":
    raise SystemExit(main())
