"""Writing library files for the officer: appended in a fixed order, read back before the file
is replaced, hand edits and comments kept, and the loader accepts the result."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefgen.errors import BriefgenError
from briefgen.library.writer import append_items, append_source

SOURCE = {
    "id": "ofsted-2026",
    "title": "Ofsted annual report: children's services 2026 — with a long, long title",
    "publisher": "Ofsted",
    "date": "November 2026",
    "short_title": "Ofsted annual report 2026",
    "file": "ofsted-2026.txt",
}
ITEM = {
    "id": "ofsted26-rec-1",
    "kind": "recommendation",
    "org": "ofsted",
    "locator": "p. 12, para 4.3",
    "themes": ("workforce", "inspection-improvement"),
    "key": True,
    "headline": "More social workers: 'now'.",
    "text": (
        "Local authorities should: #1 review their workforce plans, including agency use, "
        "before the end of March 2027 — and report 'progress' to members."
    ),
}


def test_a_new_source_is_appended_after_hand_edits(tmp_path: Path) -> None:
    sources = tmp_path / "sources.yaml"
    sources.write_text("# my notes\n- id: mine\n  title: Mine  # kept\n", encoding="utf-8")
    append_source(tmp_path, SOURCE)
    text = sources.read_text(encoding="utf-8")
    assert text.startswith("# my notes\n- id: mine\n  title: Mine  # kept\n")
    records = yaml.safe_load(text)
    assert records[0] == {"id": "mine", "title": "Mine"}
    assert records[1] == SOURCE
    assert list(records[1]) == list(SOURCE)  # the fixed order


def test_items_are_appended_readably_and_read_back_exactly(tmp_path: Path) -> None:
    path = append_items(tmp_path, "ofsted-2026", "Ofsted annual report", [ITEM])
    second = dict(ITEM, id="ofsted26-rec-2", key=False, headline="")
    append_items(tmp_path, "ofsted-2026", "Ofsted annual report", [second])
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["source"] == "ofsted-2026"
    assert data["items"][0] == dict(ITEM, themes=list(ITEM["themes"]))
    assert data["items"][1]["text"] == ITEM["text"]
    assert "key" not in data["items"][1] and "headline" not in data["items"][1]
    assert "  - id: ofsted26-rec-1\n    kind: recommendation\n" in text
    assert "themes: [workforce, inspection-improvement]" in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_a_file_that_would_not_read_back_is_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "items" / "ofsted-2026.yaml"
    path.parent.mkdir()
    broken = "source: ofsted-2026\nitems: []\n"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(BriefgenError, match=r"does not read as YAML|would not read back"):
        append_items(tmp_path, "ofsted-2026", "Ofsted", [ITEM])
    assert path.read_text(encoding="utf-8") == broken
    assert [p.name for p in path.parent.iterdir()] == ["ofsted-2026.yaml"]
