"""Take records out of an items or rejections file by id, leaving every other line as it was.

Undoing a decision in the review view used to put the whole file back as the decision found
it. When something else wrote to the same file in between (Add as item in the main window, a
colleague on a team share, another review), that put-back would have removed their records
too. Undo now restores the old bytes only while the file is exactly as the decision left it;
otherwise it takes out just the records the decision added, here (decision 0211).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

from briefgen.atomic import write_atomic
from briefgen.errors import BriefgenError


def _records(text: str, key: str) -> tuple[Any, list[tuple[str, int, int]]]:
    """The file's data, and each record's id with its first and last line (0-based, end
    exclusive) in `text`."""
    data = yaml.safe_load(text) if text.strip() else None
    root = yaml.compose(text) if text.strip() else None
    spans: list[tuple[str, int, int]] = []
    if not isinstance(root, yaml.MappingNode):
        return data, spans
    for name, value in root.value:
        if name.value != key or not isinstance(value, yaml.SequenceNode):
            continue
        entries = value.value
        for index, entry in enumerate(entries):
            if not isinstance(entry, yaml.MappingNode):
                continue
            ids = [v.value for k, v in entry.value if k.value == "id"]
            end = entries[index + 1].start_mark.line if index + 1 < len(entries) else None
            if end is None:  # the last record runs to its own last line
                end = entry.end_mark.line + (1 if entry.end_mark.column else 0)
            if ids:
                spans.append((str(ids[0]), entry.start_mark.line, end))
    return data, spans


def record_ids(data: bytes | None, key: str) -> set[str]:
    """The ids of the records under `key` in a file's bytes (none for an absent file)."""
    if not data:
        return set()
    return {record_id for record_id, _, _ in _records(data.decode("utf-8"), key)[1]}


def remove_records(path: Path, key: str, ids: Collection[str]) -> int:
    """Remove the records under `key` whose id is in `ids` from `path` (atomic); the number
    removed. The result is read back first: anything but the old data less those records
    leaves the file as it was and raises."""
    if not path.is_file() or not ids:
        return 0
    text = path.read_text(encoding="utf-8")
    data, spans = _records(text, key)
    lines = text.splitlines(keepends=True)
    dropped = [(start, end) for record_id, start, end in spans if record_id in ids]
    if not dropped:
        return 0
    kept = [
        line
        for number, line in enumerate(lines)
        if not any(start <= number < end for start, end in dropped)
    ]
    expected = dict(data)
    expected[key] = [r for r in data[key] if not (isinstance(r, dict) and r.get("id") in ids)]
    if not expected[key]:  # "items:" with nothing under it would read as no list at all
        kept = [f"{key}: []\n" if line.rstrip() == f"{key}:" else line for line in kept]
    new_text = "".join(kept)
    try:
        again = yaml.safe_load(new_text)
    except yaml.YAMLError:
        again = None
    if again != expected:
        raise BriefgenError(
            f"{path}: the records {', '.join(sorted(ids))} could not be taken out without "
            "changing others; remove them by hand (each starts '- id: …'), then reload"
        )
    write_atomic(path, new_text.encode("utf-8"))
    return len(dropped)
