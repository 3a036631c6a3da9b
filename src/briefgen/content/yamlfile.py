"""Read YAML content files keeping line numbers, so every message can point at file:line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from briefgen.yamlloaders import SafeLoader as _Loader


@dataclass
class Problems:
    """Collects every content problem as `file:line: message`, so one run reports them all."""

    lines: list[str] = field(default_factory=list)

    def add(self, where: str, line: int, message: str) -> None:
        self.lines.append(f"{where}:{line}: {message}" if line else f"{where}: {message}")

    def __bool__(self) -> bool:
        return bool(self.lines)


def display_path(path: Path) -> str:
    """`path` relative to the working directory when it is below it, as users typed it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_text(path: Path, problems: Problems, what: str = "file") -> str | None:
    """Read `path` as UTF-8, or record why not (missing, unreadable, not UTF-8) and return None."""
    where = display_path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.add(where, 0, f"{what} not found; check the file name and that it exists")
        return None
    except OSError as error:
        problems.add(where, 0, f"cannot read this {what} ({error.strerror}); check its permissions")
        return None
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


def compose(path: Path, problems: Problems) -> yaml.Node | None:
    """Parse `path` into YAML nodes (with marks), or record the syntax error and return None."""
    text = read_text(path, problems)
    if text is None:
        return None
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        column = f" at column {mark.column + 1}" if mark else ""
        problems.add(
            display_path(path),
            line,
            f"not valid YAML{column}: {error.problem}; check the indentation, and put text "
            "containing ': ' or starting with a quote mark in a block (>-)",
        )
        return None
    except yaml.YAMLError as error:
        problems.add(display_path(path), 0, f"not valid YAML: {error}")
        return None
    if root is None:  # nothing but blank lines and comments: never what a content file means
        problems.add(
            display_path(path),
            1,
            "the file is empty; restore its content (e.g. from version control) or delete it",
        )
    return root


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
