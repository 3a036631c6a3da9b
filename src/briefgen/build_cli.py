"""`briefgen build`: turn a pack file or command-line choices into a PDF, Word or HTML pack."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from briefgen.atomic import check_writable, write_atomic
from briefgen.counts import counted, pages_text
from briefgen.errors import BriefgenError
from briefgen.pack.model import LAYOUTS, MARKINGS, PURPOSES, PackSpec, marking_from_text
from briefgen.selection import AUDIENCES


def _meeting_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-22"
        ) from None


def _marking(text: str) -> str:
    value = marking_from_text(text)
    if value is None:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a protective marking; use none, OFFICIAL or OFFICIAL-SENSITIVE"
        )
    return value


def add_build_command(commands: Any) -> argparse.ArgumentParser:
    build = commands.add_parser(
        "build",
        help="build a briefing pack (PDF, Word or HTML)",
        description="Build a briefing pack from a saved pack file, or from the options given. "
        "Options given with a pack file override what the file says.",
    )
    build.add_argument("pack_file", nargs="?", metavar="PACK_FILE", help="a saved .briefgen.yaml")
    build.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
    build.add_argument(
        "--format",
        choices=("pdf", "docx", "html"),
        help="output format (default: from the output file's suffix)",
    )
    build.add_argument("--layout", choices=LAYOUTS)
    build.add_argument("--audience", choices=list(AUDIENCES))
    build.add_argument("--theme", action="append", metavar="T", help="theme id (repeatable)")
    build.add_argument("--title")
    build.add_argument("--meeting", help="committee or meeting name")
    build.add_argument("--date", type=_meeting_date, metavar="YYYY-MM-DD", help="meeting date")
    build.add_argument(
        "--marking", type=_marking, metavar="M", help="none, OFFICIAL or OFFICIAL-SENSITIVE"
    )
    build.add_argument(
        "--large-print", action=argparse.BooleanOptionalAction, help="UKAAF large print"
    )
    build.add_argument("--purpose", choices=PURPOSES, help="committee report purpose")
    build.add_argument("--wards", help="wards affected (committee reports)")
    for who in ("author", "contact"):
        build.add_argument(f"--{who}", metavar="NAME", help=f"{who} officer's name")
        for part in ("role", "email", "phone"):
            build.add_argument(f"--{who}-{part}", metavar=part.upper())
    build.add_argument("--summary", help="report summary (officer's text)")
    build.add_argument("--key-message", action="append", metavar="TEXT", help="repeatable")
    build.add_argument("--recommendation", action="append", metavar="TEXT", help="repeatable")
    build.add_argument("--notes", help="officer's notes")
    build.add_argument("--exclude", action="append", metavar="ITEM", help="leave out an item")
    build.add_argument("--include", action="append", metavar="ITEM", help="add an item")
    build.add_argument(
        "--template", type=Path, metavar="FILE", help="council Word template (.dotx or .docx)"
    )
    build.add_argument("--save-pack", type=Path, metavar="FILE", help="also save the pack file")
    build.set_defaults(handler=cmd_build)
    return build


def spec_from_args(args: argparse.Namespace) -> PackSpec:
    """The pack file's spec (or a new one) with every option the user gave applied over it."""
    if args.pack_file:
        from briefgen.pack.packfile import load_pack  # YAML parsing, only for a pack file

        spec = load_pack(args.pack_file)
    else:
        spec = PackSpec()
    meeting = spec.meeting
    simple = {
        "layout": (spec, "layout"),
        "audience": (spec, "audience"),
        "title": (meeting, "title"),
        "meeting": (meeting, "meeting"),
        "date": (meeting, "meeting_date"),
        "marking": (meeting, "marking"),
        "large_print": (meeting, "large_print"),
        "purpose": (meeting, "purpose"),
        "wards": (meeting, "wards"),
        "summary": (spec.officer, "summary"),
        "notes": (spec.officer, "notes"),
    }
    for option, (target, attribute) in simple.items():
        value = getattr(args, option)
        if value is not None:
            setattr(target, attribute, value)
    for who in ("author", "contact"):
        person = getattr(meeting, who)
        if getattr(args, who) is not None:
            person.name = getattr(args, who)
        for part in ("role", "email", "phone"):
            value = getattr(args, f"{who}_{part}")
            if value is not None:
                setattr(person, part, value)
    if args.theme:
        spec.themes = list(args.theme)
    if args.key_message:
        spec.officer.key_messages = list(args.key_message)
    if args.recommendation:
        spec.officer.recommendations = list(args.recommendation)
    if args.exclude:
        spec.excluded = [*spec.excluded, *args.exclude]
    if args.include:
        spec.included = [*spec.included, *args.include]
    if spec.meeting.marking not in MARKINGS:
        raise BriefgenError(
            f"unknown protective marking '{spec.meeting.marking}'; use OFFICIAL, "
            "OFFICIAL-SENSITIVE or none"
        )
    return spec


def _same_file(one: Path, other: Path) -> bool:
    return one.resolve() == other.resolve()


def _check_paths(args: argparse.Namespace, output: Path) -> None:
    """Refuse, before anything is written, a build that would overwrite the wrong file (the
    pack file with the output, the output with the saved pack, any file with a pack file whose
    name does not say it is one) or that could write one of its two files but not the other."""
    if args.pack_file and _same_file(output, Path(args.pack_file)):
        raise BriefgenError(
            f"-o {output} is the pack file being built; write the output to another file"
        )
    saved = args.save_pack
    if saved is None:
        return
    if not saved.name.lower().endswith((".yaml", ".yml")):
        raise BriefgenError(
            f"--save-pack {saved}: a pack file's name ends in .briefgen.yaml (e.g. "
            f"{saved.stem}.briefgen.yaml); nothing was written"
        )
    if _same_file(saved, output):
        raise BriefgenError(
            f"--save-pack {saved} is also the output file; give the pack file its own name"
        )
    check_writable(saved)  # the output is written first, and checked as it is


def cmd_build(args: argparse.Namespace) -> int:
    from briefgen.cli import library_folders
    from briefgen.content import open_corpus
    from briefgen.pack import build_pack, missing_items
    from briefgen.render import RenderOptions, format_for_path, render

    started = time.perf_counter()
    output = Path(args.output)
    implied = format_for_path(output)
    format_name = args.format or implied
    if format_name is None:
        raise BriefgenError(
            f"cannot tell the format of '{output}' from its name; end it in .pdf, .docx or "
            ".html, or give --format"
        )
    if implied is not None and implied != format_name:
        raise BriefgenError(
            f"-o {output} names a .{implied} file but --format is {format_name}; name it "
            f"{output.stem}.{format_name} or leave out --format"
        )
    if args.template and format_name != "docx":
        raise BriefgenError("--template is a Word template; use it with a .docx output")
    _check_paths(args, output)
    spec = spec_from_args(args)
    corpus = open_corpus(library_folders(args))
    # An id typed on the command line is a mistake to fix now; one a saved pack file names may
    # have been removed from the content since, which is worth a warning, not a failed build.
    for item_id in (*(args.include or ()), *(args.exclude or ())):
        if not corpus.has_item(item_id):
            from briefgen.spelling import did_you_mean

            raise BriefgenError(
                f"no item '{item_id}'{did_you_mean(item_id, corpus.by_id)}; see `briefgen items` "
                "for the ids"
            )
    for item_id in missing_items(corpus, spec):
        print(
            f"briefgen: warning: the pack refers to item '{item_id}', which is no longer in "
            "the content; it is left out",
            file=sys.stderr,
        )
    pack = build_pack(corpus, spec)
    result = render(pack, corpus, format_name, RenderOptions(template=args.template))
    write_atomic(output, result.data)
    if args.save_pack:
        from briefgen.pack.packfile import save_pack

        save_pack(spec, args.save_pack)
    for warning in result.warnings:
        print(f"briefgen: warning: {warning}", file=sys.stderr)
    pages = pages_text(result.page_count, result.estimated_pages)
    elapsed = time.perf_counter() - started
    print(
        f"Wrote {output} ({pack.subtitle.lower()} for {pack.audience_label.lower()}, "
        f"{counted(len(pack.item_ids), 'item')}{pages}, {elapsed:.1f} s)"
    )
    return 0
