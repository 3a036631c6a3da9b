"""`briefgen import FILE`: add a PDF, Word, Markdown or text document to a content library and
say what was found in it and how to quote it next."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from briefgen.counts import counted
from briefgen.terminal import EXIT_INTERRUPTED, printable

PROGRESS_AFTER_SECONDS = 1.0  # a file read faster than this shows no progress at all


class _Progress:
    """A one-line progress count on stderr, only on a terminal and only once a file has taken
    long enough for the wait to be noticed."""

    def __init__(self, stream: TextIO, name: str) -> None:
        self.stream = stream
        self.name = name
        self.started = time.perf_counter()
        self.shown = False
        self.enabled = stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or time.perf_counter() - self.started < PROGRESS_AFTER_SECONDS:
            return
        unit = "pages" if self.name.lower().endswith(".pdf") else "parts"
        self.stream.write(f"\rReading {self.name}: {done:,} of {total:,} {unit}…")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def add_import_command(commands: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        "import",
        help="add a PDF, Word or text document to your library",
        description="Import a document into your own content library (or the library --into "
        "names): the file is kept as it is, its text and page map are stored beside it, and "
        "it is listed in sources.yaml, ready for items that quote it. Details not given are "
        "taken from the file's own properties or first heading.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help=".pdf, .docx, .md or .txt")
    parser.add_argument("--title", default="", help="the document's full title")
    parser.add_argument("--publisher", default="", help="who published it")
    parser.add_argument(
        "--date", default="", help="as the document gives it: 2008, 'September 2008', 2008-09-30"
    )
    parser.add_argument("--short-title", default="", help="the title citations use")
    parser.add_argument("--id", default="", dest="source_id", help="the source's id")
    parser.add_argument(
        "--into", type=Path, metavar="DIR", help="library folder (default: your own library)"
    )
    parser.set_defaults(handler=cmd_import)
    return parser


def cmd_import(args: argparse.Namespace) -> int:
    """Import args.file and report what was done."""
    from briefgen.cli import library_folders
    from briefgen.library.folders import user_library_dir
    from briefgen.library.importer import ImportDetails, import_document

    folders = library_folders(args)
    library = args.into if args.into is not None else user_library_dir()
    details = ImportDetails(
        title=args.title,
        publisher=args.publisher,
        date=args.date,
        short_title=args.short_title,
        source_id=args.source_id,
    )
    progress = _Progress(sys.stderr, args.file.name)
    try:
        result = import_document(args.file, library, folders, details, progress=progress)
    except KeyboardInterrupt:  # Ctrl+C: the import took back whatever it had written
        progress.finish()
        print(
            f"briefgen: {printable(str(args.file))}: import stopped (Ctrl+C); nothing was added",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    finally:
        progress.finish()
    from briefgen.library.import_details import detail_origins

    print(report(result, detail_origins(result.document, details)))
    return 0


def report(result: Any, origins: dict[str, str] | None = None) -> str:
    """What the import did, in lines a person reads: id, pages, labels, where the details not
    given were taken from (`origins`), warnings and next step."""
    document = result.document
    entry = result.entry
    from briefgen.library.folders import user_library_dir

    made = "."
    if result.created_library:  # a team folder started by this import is not "your library"
        mine = os.path.realpath(result.library) == os.path.realpath(user_library_dir())
        made = " (your library, made now)." if mine else " (a new library, made now)."
    lines = [
        f"Imported '{printable(entry['title'])}' as '{result.source_id}' into "
        f"{printable(str(result.library))}{made}",
        f"  {printable(entry['publisher'])}, {printable(entry['date'])}; cited as "
        f"'{printable(entry['short_title'])}'.",
    ]
    if document.pages:
        printed = [p for p in document.pages if p.label_source != "pdf-page"]
        labels = (
            f"page numbers {printed[0].label}–{printed[-1].label} read from the pages"
            if printed
            else "no printed page numbers (locators use the PDF's page numbers)"
        )
        lines.append(f"  {counted(len(document.pages), 'page')}; {labels}.")
    lines.append(
        f"  {len(document.text):,} characters, {counted(len(document.headings), 'heading')}, "
        f"{counted(len(document.paragraphs), 'numbered paragraph')}."
    )
    if origins:
        taken = "; ".join(f"the {name} from {where}" for name, where in origins.items())
        lines.append(
            f"  Taken from the file: {printable(taken)}. If any is wrong, correct it in "
            f"{printable(str(result.library / 'sources.yaml'))}."
        )
    if result.organisation:
        lines.append(
            f"  Its publisher is new to briefgen: added as the organisation "
            f"'{result.organisation}' to "
            f"{printable(str(result.library / 'organisations.yaml'))}, so its items are "
            "attributed to it (edit its `short` name there: citations use it)."
        )
    lines += [f"warning: {printable(w)}" for w in document.warnings]
    lines += [f"note: {printable(n)}" for n in document.notices]
    if result.other_problems:
        lines.append(
            f"warning: your libraries have {counted(len(result.other_problems), 'other problem')}"
            "; run `briefgen check` to see them"
        )
    items = result.library / "items" / f"{result.source_id}.yaml"
    lines += [
        "",
        "Next: review the items briefgen suggests from it, and accept those worth quoting:",
        f"  briefgen suggest {result.source_id} --review {result.source_id}.review.yaml",
        f"  briefgen accept {result.source_id}.review.yaml",
        f"(or write items by hand in {printable(str(items))}; then run `briefgen check`).",
    ]
    return "\n".join(lines)
