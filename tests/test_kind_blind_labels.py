"""The blind curation passes' kinds (decision 0196) stay a record of every shipped item."""

import csv
from pathlib import Path

from briefgen.content import open_corpus
from briefgen.content.kinds import ITEM_KINDS

LABELS = Path(__file__).parents[1] / "benchmarks" / "data" / "kind_blind_labels.csv"


def test_every_shipped_item_has_both_passes_with_known_kinds() -> None:
    with LABELS.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    ids = [row["item"] for row in rows]
    assert len(ids) == len(set(ids))
    assert set(ids) == {item.id for item in open_corpus().items}
    for row in rows:
        assert row["a_kind"] in ITEM_KINDS and row["b_kind"] in ITEM_KINDS, row["item"]
        assert row["a_second"] in {"", *ITEM_KINDS} and row["b_second"] in {"", *ITEM_KINDS}
        assert {row["a_confidence"], row["b_confidence"]} <= {"high", "low"}
