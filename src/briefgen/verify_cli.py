"""`briefgen verify`: check that an edited Word draft still quotes its sources exactly."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from briefgen.terminal import printable


def add_verify_command(commands: Any) -> argparse.ArgumentParser:
    verify: argparse.ArgumentParser = commands.add_parser(
        "verify",
        help="check an edited Word draft's quotations against their sources",
        description="Check a Word pack briefgen built, after it has been edited: every quotation "
        "briefgen put there must still be its source's exact words, with its citation beside "
        "it. Text the officer added is not checked. Exits 0 when every quotation matches, 1 "
        "when any has changed or gone.",
    )
    verify.add_argument("draft", type=Path, metavar="DRAFT", help="the edited Word file (.docx)")
    verify.add_argument("--json", action="store_true", help="print the findings as JSON")
    verify.set_defaults(handler=cmd_verify)
    return verify


def cmd_verify(args: argparse.Namespace) -> int:
    from briefgen.cli import library_folders
    from briefgen.content import open_corpus
    from briefgen.verify import check_draft, format_report, report_json

    corpus = open_corpus(library_folders(args))  # a draft may quote items of every library
    check = check_draft(args.draft, corpus)
    if args.json:
        json.dump(report_json(check), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        # The draft's words are the officer's: escaped, as content is, so none can pass for
        # terminal control.
        print(printable(format_report(check), keep="\n"))
    return 0 if check.ok else 1
