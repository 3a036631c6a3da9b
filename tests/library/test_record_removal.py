"""Undo takes out only the records a decision added, leaving every other line as it was."""

from __future__ import annotations

from pathlib import Path

import yaml

from briefgen.library.record_removal import record_ids, remove_records

FILE = """\
# Items quoted from 'Plan'. Hand edits below are kept.
source: plan
items:
  - id: plan-1
    kind: position
    text: First.
  # a curator's note on the second
  - id: plan-2
    kind: risk
    text: >-
      Second, folded
      over two lines.
  - id: plan-3
    kind: evidence
    text: Third.
"""


def test_a_record_in_the_middle_goes_and_every_other_line_stays(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(FILE, encoding="utf-8")
    assert record_ids(path.read_bytes(), "items") == {"plan-1", "plan-2", "plan-3"}
    assert remove_records(path, "items", {"plan-2"}) == 1
    text = path.read_text(encoding="utf-8")
    assert "plan-2" not in text and "Second, folded" not in text
    assert text.startswith("# Items quoted from 'Plan'. Hand edits below are kept.\n")
    assert [r["id"] for r in yaml.safe_load(text)["items"]] == ["plan-1", "plan-3"]


def test_the_last_records_going_leave_an_empty_list(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(FILE, encoding="utf-8")
    assert remove_records(path, "items", {"plan-1", "plan-2", "plan-3", "plan-9"}) == 3
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == {"source": "plan", "items": []}


def test_nothing_to_remove_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    assert remove_records(path, "items", {"plan-1"}) == 0 and not path.exists()
    path.write_text(FILE, encoding="utf-8")
    before = path.stat().st_mtime_ns
    assert remove_records(path, "items", {"plan-9"}) == 0
    assert path.stat().st_mtime_ns == before and record_ids(None, "items") == set()
