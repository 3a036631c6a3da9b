"""The kind rules officers see when they choose a kind: one for every kind, the same words as the
curation guide's table, and printed at the head of a review file they edit."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from briefgen.content import ITEM_KINDS, Corpus
from briefgen.content.kinds import kind_rules
from briefgen.library.reviewfile import read_review, write_review
from briefgen.library.suggest import Suggestion

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "curation-kinds.md"


def test_every_kind_has_one_line_rule_in_pack_order() -> None:
    rules = kind_rules()
    assert list(rules) == list(ITEM_KINDS)
    assert all(rule.endswith(".") and "\n" not in rule for rule in rules.values())
    assert rules["risk"].startswith("A harm that may happen")


def test_the_curation_guide_table_states_the_same_rules() -> None:
    rows = re.findall(r"^\| ([a-z-]+) \| (.+?) \| .+ \|$", GUIDE.read_text(encoding="utf-8"), re.M)
    in_guide = {kind: rule for kind, rule in rows if kind in ITEM_KINDS}
    assert in_guide == kind_rules()


def test_review_file_header_lists_each_kind_and_its_rule(
    tmp_path: Path, shipped_corpus: Corpus
) -> None:
    suggestion = _suggestion(
        "It's about people, not institutions.",
        kind="evidence",
        org="lga-interviewees",
        themes=("families-communities",),
        locator="What people have said",
        score=0.5,
        reason="a passage wholly in quotation marks",
    )
    written = _written_review(tmp_path, shipped_corpus, suggestion)
    for kind, rule in kind_rules().items():
        assert f"#   {kind}: {rule}\n" in written
    assert yaml.safe_load(written)["items"][0]["kind"] == "evidence"
    assert read_review(tmp_path / "review.yaml").entries[0].record["kind"] == "evidence"


def test_review_file_says_when_the_kind_is_unsure(tmp_path: Path, shipped_corpus: Corpus) -> None:
    suggestion = _suggestion(
        "Demand for children's social care has risen sharply.",
        kind="driver",
        org="lga",
        themes=("funding",),
        locator="p. 4",
        score=0.6,
        reason="states a trend",
        other_kind="evidence",
    )
    written = _written_review(tmp_path, shipped_corpus, suggestion)
    assert "  # score 0.60: states a trend; kind unsure: driver or evidence\n" in written
    assert read_review(tmp_path / "review.yaml").entries[0].record["kind"] == "driver"


def _suggestion(quote: str, **fields: Any) -> Suggestion:
    """A suggestion of `quote` as the whole of its text."""
    return Suggestion(id="s1", text=quote, start=0, end=len(quote), **fields)


def _written_review(tmp_path: Path, corpus: Corpus, suggestion: Suggestion) -> str:
    """The review file written for `suggestion` (at tmp_path/review.yaml), as text."""
    path = tmp_path / "review.yaml"
    write_review(path, corpus, "lga-2013", [suggestion])
    return path.read_text(encoding="utf-8")
