"""`briefgen build`: turn a pack file or command-line choices into a PDF, Word or HTML pack."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefgen.atomic import check_writable
from briefgen.audience_outputs import audience_outputs
from briefgen.counts import counted
from briefgen.errors import BriefgenError
from briefgen.pack.model import PackSpec
from briefgen.pack.spec import (
    Flag,
    Invalid,
    SpecField,
    first_problem,
    set_value,
    spec_fields,
    value_of,
)
from briefgen.render import FORMATS, format_for_path, suffixes
from briefgen.terminal import printable

# Where the values of an option given several times for several outputs (--audience) are kept.
SEVERAL = "several_outputs"


class _SpecOption(argparse.Action):
    """An option that sets a pack-spec field: its value is checked as the pack file's would be,
    and a bad one is a usage error in the same words ("--date is '3/12/2026', which is not a
    date; ...")."""

    def __init__(self, option_strings: list[str], dest: str, spec_field: SpecField) -> None:
        self.spec_field = spec_field
        # Absent unless given, as an empty value ("--date ''") is a value, as in a pack file.
        super().__init__(
            option_strings,
            dest,
            default=argparse.SUPPRESS,
            metavar=spec_field.metavar,
            help=_help(spec_field),
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        assert isinstance(values, str)
        try:
            value = self.spec_field.kind.add(values, getattr(namespace, self.dest, None))
        except Invalid as problem:
            parser.error(f"--{self.spec_field.option} {problem.reason}")
        if self.spec_field.several:  # one output per value: keep every one, in order
            value = [*getattr(namespace, SEVERAL, {}).get(self.dest, []), value]
            setattr(namespace, SEVERAL, {**getattr(namespace, SEVERAL, {}), self.dest: value})
            value = value[0]
        setattr(namespace, self.dest, value)


def _help(spec_field: SpecField) -> str | None:
    """The option's help, then its limits (or its choices, where the metavar does not list them)."""
    return "; ".join(part for part in (spec_field.help, spec_field.kind.describe()) if part) or None


def add_build_command(commands: Any) -> argparse.ArgumentParser:
    build: argparse.ArgumentParser = commands.add_parser(
        "build",
        help="build a briefing pack (PDF, Word or HTML)",
        description="Build a briefing pack from a saved pack file, or from the options given. "
        "Options given with a pack file override what the file says.",
    )
    build.add_argument("pack_file", nargs="?", metavar="PACK_FILE", help="a saved .briefgen.yaml")
    build.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
    build.add_argument(
        "--format",
        choices=tuple(FORMATS),
        help="output format (default: from the output file's suffix)",
    )
    for spec_field in spec_fields(PackSpec):
        if spec_field.option is None:
            continue
        if isinstance(spec_field.kind, Flag):
            build.add_argument(
                f"--{spec_field.option}",
                action=argparse.BooleanOptionalAction,
                default=argparse.SUPPRESS,
                help=spec_field.help,
            )
        else:
            build.add_argument(f"--{spec_field.option}", action=_SpecOption, spec_field=spec_field)
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
    given = vars(args)  # holds only the options given: an empty value is a value
    for spec_field in spec_fields(PackSpec):
        name = spec_field.option.replace("-", "_") if spec_field.option is not None else ""
        if name not in given:
            continue
        value = given[name]
        if spec_field.extend:
            value = [*value_of(spec, spec_field), *value]
        set_value(spec, spec_field, value)
    problem = first_problem(spec)  # only a pack file's list and an option's added together
    if problem:
        spec_field, invalid = problem
        raise BriefgenError(
            f"{args.pack_file} and --{spec_field.option} together: '{spec_field.path}' "
            f"{invalid.reason}"
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
    from briefgen.audience_outputs import build_audiences, write_builds
    from briefgen.cli import library_folders
    from briefgen.content import open_corpus
    from briefgen.pack import missing_items
    from briefgen.render import RenderOptions

    started = time.perf_counter()
    output = Path(args.output)
    implied = format_for_path(output)
    format_name = args.format or implied
    if format_name is None:
        raise BriefgenError(
            f"cannot tell the format of '{output}' from its name; end it in "
            f"{suffixes(FORMATS)}, or give --format"
        )
    if implied is not None and implied != format_name:
        raise BriefgenError(
            f"-o {output} names a .{implied} file but --format is {format_name}; name it "
            f"{output.stem}.{format_name} or leave out --format"
        )
    if args.template and not FORMATS[format_name].template:
        templated = {name: entry for name, entry in FORMATS.items() if entry.template}
        kinds = " or ".join(dict.fromkeys(entry.template for entry in templated.values()))
        raise BriefgenError(f"--template is a {kinds}; use it with a {suffixes(templated)} output")
    _check_paths(args, output)
    spec = spec_from_args(args)
    # --audience given more than once: one file per audience, named after it.
    outputs = audience_outputs(output, getattr(args, SEVERAL, {}).get("audience", [spec.audience]))
    if len(outputs) > 1:
        if args.save_pack:
            raise BriefgenError(
                "--save-pack with several --audience options: a pack file holds one audience; "
                "save it from a build for one audience"
            )
        for each in outputs:
            _check_paths(args, each.path)
    corpus = open_corpus(library_folders(args))
    # An id typed on the command line is a mistake to fix now; one a saved pack file names may
    # have been removed from the content since, which is worth a warning, not a failed build.
    for item_id in (*getattr(args, "include", ()), *getattr(args, "exclude", ())):
        if not corpus.has_item(item_id):
            from briefgen.spelling import did_you_mean

            raise BriefgenError(
                f"no item '{item_id}'{did_you_mean(item_id, corpus.by_id)}; see `briefgen items` "
                "for the ids"
            )
    for item_id in missing_items(corpus, spec):
        print(
            f"briefgen: warning: the pack refers to item '{printable(item_id)}', which is no "
            "longer in the content; it is left out",
            file=sys.stderr,
        )
    builds = build_audiences(
        corpus, spec, outputs, format_name, RenderOptions(template=args.template)
    )
    write_builds(builds)
    if args.save_pack:
        from briefgen.pack.packfile import save_pack

        save_pack(spec, args.save_pack)
    elapsed = time.perf_counter() - started
    for build in builds:
        # With several files, each warning says which file it is about.
        about = f"{build.path.name}: " if len(builds) > 1 else ""
        for warning in build.result.warnings:
            print(f"briefgen: warning: {about}{printable(warning, keep=chr(9))}", file=sys.stderr)
    for build in builds:
        pack, result = build.pack, build.result
        # A briefing quotes the strongest of the items selected: "10 of 103 items".
        quoted = len(pack.quoted_ids)
        items = counted(len(pack.item_ids), "item")
        items = f"{quoted} of {items}" if quoted < len(pack.item_ids) else items
        print(
            f"Wrote {build.path} ({pack.subtitle.lower()} for {pack.audience_label.lower()}, "
            f"{items}{result.pages_text}, {elapsed:.1f} s)"
        )
    return 0
