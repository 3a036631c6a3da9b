"""Read content files keeping line numbers, so every message can point at file:line.

Every file is read only from inside its content folder (after symbolic links) and only up to
its size limit (`briefgen.limits`): content comes from shared drives and colleagues.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG

import yaml
from yaml.scanner import ScannerError

from briefgen.content.paths import outside_target
from briefgen.limits import CONTENT_FILE_BYTES, megabytes
from briefgen.spelling import did_you_mean
from briefgen.yamlloaders import SafeLoader as _Loader

SafeLoader = _Loader  # for other readers of content YAML (the library writer's read-back)


@dataclass
class Problems:
    """Collects every content problem as `file:line: message`, so one run reports them all."""

    lines: list[str] = field(default_factory=list)

    def add(self, where: str, line: int, message: str) -> None:
        self.lines.append(f"{where}:{line}: {message}" if line else f"{where}: {message}")

    def __bool__(self) -> bool:
        return bool(self.lines)


def display_path(path: Path) -> str:
    """`path` relative to the working directory when it is below it, as users typed it. A link
    keeps its own name (resolving it would name its target instead), and only its folder is
    resolved when the working directory was reached through other links."""
    absolute = Path(os.path.abspath(path))
    cwd = Path.cwd()
    real_folder = absolute.parent.resolve() / absolute.name
    for candidate, base in ((absolute, cwd), (real_folder, cwd.resolve())):
        if candidate.is_relative_to(base):
            return str(candidate.relative_to(base))
    return str(path)


# What to do about a file over its size limit, by what the file is.
_SHRINK = {
    "source text": "split the document into parts, each a source of its own",
    "items file": "split its items over several items files",
}


def read_bytes(
    path: Path,
    problems: Problems,
    real_root: str,
    what: str = "file",
    limit: int = CONTENT_FILE_BYTES,
) -> bytes | None:
    """The bytes of `path`, or record why not and return None: missing, unreadable, over
    `limit` bytes, or leading (through a symbolic link) outside the content folder `real_root`,
    which is then not read at all."""
    where = display_path(path)
    target = outside_target(path, real_root)
    if target is not None:
        problems.add(
            where,
            0,
            f"this {what} is a link to {target}, outside the content folder; copy the file "
            "into the content folder instead (briefgen reads nothing outside it)",
        )
        return None
    try:
        status = path.stat()
        if not S_ISREG(status.st_mode):  # a folder, or a pipe that would wait for ever
            problems.add(where, 0, f"this {what} is not a file; replace it with the file itself")
            return None
        data = b""
        if status.st_size <= limit:
            with path.open("rb") as stream:
                data = stream.read(limit + 1)  # never more, whatever the size said
    except FileNotFoundError:
        problems.add(where, 0, f"{what} not found; check the file name and that it exists")
        return None
    except OSError as error:
        problems.add(where, 0, f"cannot read this {what} ({error.strerror}); check its permissions")
        return None
    if status.st_size > limit or len(data) > limit:
        size = max(status.st_size, len(data))
        problems.add(
            where,
            0,
            f"this {what} is {megabytes(size)}, over briefgen's limit of {megabytes(limit)}; "
            f"{_SHRINK.get(what, 'keep only what briefgen needs in it')}",
        )
        return None
    return data


def decode(data: bytes, where: str, problems: Problems, what: str = "file") -> str | None:
    """`data` as UTF-8 text, or record where it is not and return None."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        problems.add(
            where,
            line,
            f"cannot read the characters in this {what}: byte 0x{byte:02x} is not UTF-8; "
            "re-save the file as UTF-8",
        )
        return None


def read_text(
    path: Path,
    problems: Problems,
    real_root: str,
    what: str = "file",
    limit: int = CONTENT_FILE_BYTES,
) -> str | None:
    """Read `path` as UTF-8 (see `read_bytes`), or record why not and return None."""
    data = read_bytes(path, problems, real_root, what, limit)
    return None if data is None else decode(data, display_path(path), problems, what)


def compose(path: Path, problems: Problems, real_root: str, what: str = "file") -> yaml.Node | None:
    """Parse `path` into YAML nodes (with marks), or record the syntax error and return None."""
    text = read_text(path, problems, real_root, what)
    if text is None:
        return None
    return parse(text, display_path(path), problems)


def parse(text: str, where: str, problems: Problems) -> yaml.Node | None:
    """Parse `text` (the file `where`) into YAML nodes, or record the syntax error."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        line, column, problem = syntax_error_start(text, error)
        at = f" at column {column}" if column else ""
        problems.add(where, line, f"not valid YAML{at}: {problem}")
        return None
    except yaml.YAMLError as error:
        problems.add(where, 0, f"not valid YAML: {error}")
        return None
    if root is None:  # nothing but blank lines and comments: never what a content file means
        problems.add(
            where,
            1,
            "the file is empty; restore its content (e.g. from version control) or delete it",
        )
    return root


_QUOTE_REMEDY = "end the text with the same quote mark, or write it in a block (>-) without one"


def syntax_error_start(text: str, error: yaml.MarkedYAMLError) -> tuple[int, int, str]:
    """Where the mistake behind `error` starts, as (line, column, what is wrong and how to fix
    it). The parser reports where it gave up, which for a quote left open can be a hundred
    lines below: the quote's opening mark is what the author must find."""
    problem = error.problem or "not valid here"
    if isinstance(error, ScannerError) and "quoted scalar" in (error.context or ""):
        opening = error.context_mark  # the problem is at the end of the file
        if opening is not None:
            never = f"this quote mark is never closed; {_QUOTE_REMEDY}"
            return opening.line + 1, opening.column + 1, never
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return 0, 0, problem
    quoted = _quoted_text_ending_on(text, mark)
    if quoted is not None:
        opening, closing = quoted.start_mark, quoted.end_mark
        if opening.line < closing.line:
            where = (
                f"this quote mark is closed only on line {closing.line + 1}, where the file "
                "stops making sense"
            )
        else:  # "He said "no" today", 'Council's view'
            where = (
                f"this quote mark is closed at column {closing.column}, before the text ends "
                "(a quote mark inside it?)"
            )
        return opening.line + 1, opening.column + 1, f"{where}; {_QUOTE_REMEDY}"
    return (
        mark.line + 1,
        mark.column + 1,
        f"{problem}; check the indentation, and put text containing ': ' or starting with a "
        "quote mark in a block (>-)",
    )


def _quoted_text_ending_on(text: str, mark: yaml.Mark) -> yaml.ScalarToken | None:
    """The quoted text that closes on the line where the parser failed, before the failure:
    the sign of a quote mark that ended the text early (one inside it), or of a quote left open
    further up whose "closing" mark is really the next text's opening one."""
    found = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.index >= mark.index:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and token.end_mark.line == mark.line
            ):
                found = token
    except yaml.YAMLError:
        pass  # the tokens up to the failure are all that is needed
    return found


def line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def mapping(node: yaml.Node) -> dict[str, yaml.Node] | None:
    """A mapping node as `{key: value node}`, or None when `node` is not a mapping."""
    if not isinstance(node, yaml.MappingNode):
        return None
    return {str(key.value): value for key, value in node.value}


def duplicate_keys(node: yaml.MappingNode) -> list[tuple[str, int, int]]:
    """Each key `node` gives again, as (key, line of the repeat, line where it was first given):
    YAML loaders keep the last value and say nothing."""
    first_lines: dict[str, int] = {}
    duplicates = []
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue  # a list or mapping as a key: the constructor refuses it
        name = str(key.value)
        if name in first_lines:
            duplicates.append((name, line_of(key), first_lines[name]))
        else:
            first_lines[name] = line_of(key)
    return duplicates


def first_mention(line: int, first_line: int) -> str:
    """Where a key given twice was first given, as messages say it."""
    return "earlier on the same line" if first_line == line else f"first on line {first_line}"


def key_problems(node: yaml.MappingNode, known: Sequence[str]) -> list[tuple[int, str]]:
    """(line, message) for each key of `node` that is given twice or is not one of `known`, in
    the file's order: a misspelt key would otherwise be ignored, and a repeated one would
    silently replace the first (a second `items:` list drops every item of the first)."""
    found = [
        (line, f"field '{name}' is given twice ({first_mention(line, first_line)}); keep one")
        for name, line, first_line in duplicate_keys(node)
    ]
    for key, _ in node.value:
        name = str(key.value)
        if name not in known:
            found.append((line_of(key), f"unknown field '{name}'{did_you_mean(name, known)}"))
    return sorted(found, key=lambda problem: problem[0])


def scalar(node: yaml.Node) -> str | None:
    """The text of a scalar node exactly as written (so `2014` stays "2014"), else None."""
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    return None


def boolean(node: yaml.Node) -> bool | None:
    value = scalar(node)
    if value is None:
        return None
    return {"true": True, "yes": True, "false": False, "no": False}.get(value.lower())


def sequence(node: yaml.Node) -> list[yaml.Node] | None:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return None
