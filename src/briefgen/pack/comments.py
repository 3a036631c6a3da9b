"""Keep an officer's comments when briefgen saves over a pack file they have annotated.

A pack file is written afresh from the pack on every save, so comments typed into it by hand
(why a theme is left out, who asked for an item) would be lost. Before saving over a file,
its comment lines are collected with the field they stand above ("meeting.title"), and put
back above that field in the new text, indented as it is; comments after the last field stay
at the end. A comment above or between the entries of a list goes above the list's own field
(the entries are written afresh). Comments at the end of a line of values are not kept (the
value they describe may have changed).

The fields are found by YAML's own parser, never by pattern, so a "#" inside a quoted or
multi-line value is never taken for a comment and nothing is inserted inside a value.
"""

from __future__ import annotations

from collections.abc import Iterator

import yaml

_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def keep_comments(old_text: str, new_text: str, header: str = "") -> str:
    """`new_text` with the comment lines of `old_text` above the same fields; `header` (the
    comment briefgen writes at the top of every pack file) is not repeated. If either text is
    not YAML, `new_text` unchanged."""
    try:
        old_keys = dict(_key_lines(old_text))
        new_keys = list(_key_lines(new_text))
        lists = _list_lines(old_text)
    except yaml.YAMLError:
        return new_text
    old_lines = old_text.splitlines()
    inside_values = _value_lines(old_text)
    above: dict[str, list[str]] = {}
    waiting: list[str] = []
    by_line = {line: path for path, line in old_keys.items()}
    header_lines = set(header.strip().splitlines())
    for number, line in enumerate(old_lines):
        if number in by_line:
            if waiting:
                above[by_line[number]] = waiting
                waiting = []
            continue
        comment = line.strip()
        if not comment.startswith("#") or number in inside_values or comment in header_lines:
            continue
        if number in lists:
            above.setdefault(lists[number], []).append(comment)
        else:
            waiting.append(comment)
    if not above and not waiting:
        return new_text
    # Each line keeps its own ending: YAML, like `splitlines`, also ends a line at U+2028,
    # U+2029 and U+0085, which a value may hold, and only the "\n"s are briefgen's.
    lines = new_text.splitlines(keepends=True)
    starts = {line: path for path, line in new_keys}
    leftover = [
        comment for path, comments in above.items() if path not in dict(new_keys)
        for comment in comments
    ]  # fmt: skip
    result: list[str] = []
    for number, line in enumerate(lines):
        path = starts.get(number)
        if path in above:
            indent = " " * (len(line) - len(line.lstrip(" ")))
            result += [f"{indent}{comment}\n" for comment in above[path]]
        result.append(line)
    result += [f"{comment}\n" for comment in leftover + waiting]
    return "".join(result)


def _key_lines(text: str) -> Iterator[tuple[str, int]]:
    """Each mapping key in `text` as its dotted field path and the 0-based line it is on."""
    root = yaml.compose(text, Loader=_Loader)
    pending: list[tuple[yaml.Node, str]] = [(root, "")] if root is not None else []
    while pending:
        node, path = pending.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
                field = f"{path}.{name}" if path else name
                yield field, key.start_mark.line
                pending.append((value, field))
        elif isinstance(node, yaml.SequenceNode):
            pending.extend((entry, path) for entry in node.value)


def _list_lines(text: str) -> dict[int, str]:
    """The lines between the field of each list and its last entry, with the field."""
    owners: dict[int, str] = {}
    root = yaml.compose(text, Loader=_Loader)
    pending: list[tuple[yaml.Node, str, int]] = [(root, "", -1)] if root is not None else []
    while pending:
        node, path, key_line = pending.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
                pending.append((value, f"{path}.{name}" if path else name, key.start_mark.line))
        elif isinstance(node, yaml.SequenceNode) and node.value:
            # From the field's own line: a comment above the first entry is the list's too.
            first = key_line if key_line >= 0 else node.value[0].start_mark.line
            owners.update(dict.fromkeys(range(first + 1, node.value[-1].start_mark.line), path))
    return owners


def _value_lines(text: str) -> set[int]:
    """The lines inside multi-line scalar values, where a "#" is text, not a comment."""
    root = yaml.compose(text, Loader=_Loader)
    lines: set[int] = set()
    pending = [root] if root is not None else []
    while pending:
        node = pending.pop()
        if isinstance(node, yaml.ScalarNode):
            end = node.end_mark  # just after the value: a block value ends at a line's start
            last = end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line
            lines.update(range(node.start_mark.line, last + 1))
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                pending += (key, value)
        elif isinstance(node, yaml.SequenceNode):
            pending += node.value
    return lines
