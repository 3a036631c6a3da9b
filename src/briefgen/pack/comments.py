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

import yaml

from briefgen.yamlloaders import BaseLoader


def keep_comments(old_text: str, new_text: str, header: str = "") -> str:
    """`new_text` with the comment lines of `old_text` above the same fields; `header` (the
    comment briefgen writes at the top of every pack file) is not repeated. If either text is
    not YAML, `new_text` unchanged."""
    try:
        old = _Layout(old_text)
        new_keys = _Layout(new_text).keys
    except yaml.YAMLError:
        return new_text
    above: dict[str, list[str]] = {}
    waiting: list[str] = []
    by_line = {line: path for path, line in old.keys.items()}
    header_lines = set(header.strip().splitlines())
    for number, line in enumerate(old_text.splitlines()):
        if number in by_line:
            if waiting:
                above[by_line[number]] = waiting
                waiting = []
            continue
        comment = line.strip()
        if not comment.startswith("#") or number in old.in_values or comment in header_lines:
            continue
        if number in old.in_lists:
            above.setdefault(old.in_lists[number], []).append(comment)
        else:
            waiting.append(comment)
    if not above and not waiting:
        return new_text
    # Each line keeps its own ending: YAML, like `splitlines`, also ends a line at U+2028,
    # U+2029 and U+0085, which a value may hold, and only the "\n"s are briefgen's.
    lines = new_text.splitlines(keepends=True)
    starts = {line: path for path, line in new_keys.items()}
    leftover = [
        comment for path, comments in above.items() if path not in new_keys
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


class _Layout:
    """Where a YAML text's fields, lists and values are, from one pass over its nodes.

    `keys`: each mapping key's dotted field path and the 0-based line it is on. `in_lists`:
    the lines from a list's field to its last entry, with the field (a comment there belongs
    to the list). `in_values`: the lines inside multi-line scalar values, where a "#" is text.
    """

    def __init__(self, text: str) -> None:
        self.keys: dict[str, int] = {}
        self.in_lists: dict[int, str] = {}
        self.in_values: set[int] = set()
        root = yaml.compose(text, Loader=BaseLoader)
        pending: list[tuple[yaml.Node, str, int]] = [(root, "", -1)] if root is not None else []
        seen: set[int] = set()
        while pending:
            node, path, key_line = pending.pop()
            if id(node) in seen:  # an alias: walking it again could take for ever (nested ones)
                continue
            seen.add(id(node))
            if isinstance(node, yaml.ScalarNode):
                end = node.end_mark  # just after the value: a block value ends at a line's start
                last = (
                    end.line - 1
                    if end.column == 0 and end.line > node.start_mark.line
                    else end.line
                )
                self.in_values.update(range(node.start_mark.line, last + 1))
            elif isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
                    field = f"{path}.{name}" if path else name
                    self.keys.setdefault(field, key.start_mark.line)
                    pending += ((key, path, -1), (value, field, key.start_mark.line))
            elif isinstance(node, yaml.SequenceNode):
                if node.value:
                    # From the field's own line: a comment above the first entry is the list's.
                    first = key_line if key_line >= 0 else node.value[0].start_mark.line
                    last = node.value[-1].start_mark.line
                    self.in_lists.update(dict.fromkeys(range(first + 1, last), path))
                pending += ((entry, path, -1) for entry in node.value)
