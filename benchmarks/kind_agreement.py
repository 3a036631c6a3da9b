"""How far curators agree on an item's kind, beside the suggestions' kind (issue 16).

The kind target (0.70 of matched items) is only meaningful against how consistently the kinds
can be filed at all. Two blind curation passes (decision 0196) filed every shipped item again
from the written rules (`docs/curation-kinds.md`), seeing the quote, its headings and the text
before it, but not its kind or id; their labels are in `data/kind_blind_labels.csv`.

For each shipped document this prints:
- pass A / pass B: the share of items each blind pass files as the corpus does;
- A = B: the share the two passes file alike (both are helper sessions of one kind, so this
  says how repeatable a reading is, not how far two people would agree);
- sure: items both passes were confident of, and the share of those the corpus files alike;
- model: the suggestions' kind against the corpus over matched items, leaving the document out
  (as `suggest_bench.py` counts it), and against the passes where they agree.

    .venv/bin/python benchmarks/kind_agreement.py [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

from suggest_bench import rounded, word_positions

from briefgen.content import open_corpus
from briefgen.library.suggest import suggest_for_source, train

LABELS = Path(__file__).with_name("data") / "kind_blind_labels.csv"


def read_labels() -> dict[str, dict[str, str]]:
    with LABELS.open(newline="", encoding="utf-8") as handle:
        return {row["item"]: row for row in csv.DictReader(handle)}


def model_kinds(corpus, source_id) -> dict[str, str]:
    """The suggested kind of each curated item a suggestion covers (half its words or more)."""
    source = corpus.sources[source_id]
    found = suggest_for_source(
        corpus, source_id, train(corpus, leave_out=[source_id]), skip_curated=False
    )
    places = [
        (word_positions(source.text, start, end), s.kind)
        for s in found
        for start, end in [(s.start, s.end), *s.summary_places]
    ]
    kinds = {}
    for item in (i for i in corpus.items if i.source == source_id):
        mine = word_positions(source.text, *item.span)
        shares = [(len(mine & words) / max(1, len(mine)), kind) for words, kind in places]
        best, kind = max(shares, key=lambda pair: pair[0], default=(0.0, ""))
        if best >= 0.5:
            kinds[item.id] = kind
    return kinds


def share(pairs) -> float:
    pairs = list(pairs)
    return sum(a == b for a, b in pairs) / max(1, len(pairs))


def figures(items, labels, model) -> dict[str, float]:
    rows = [(i, labels[i.id]) for i in items if i.id in labels]
    sure = [(i, r) for i, r in rows if r["a_confidence"] == r["b_confidence"] == "high"]
    agreed = [(i, r) for i, r in rows if r["a_kind"] == r["b_kind"] and i.id in model]
    matched = [i for i in items if i.id in model]
    return {
        "items": len(rows),
        "pass_a": share((i.kind, r["a_kind"]) for i, r in rows),
        "pass_b": share((i.kind, r["b_kind"]) for i, r in rows),
        "a_b": share((r["a_kind"], r["b_kind"]) for _, r in rows),
        "sure": len(sure),
        "sure_corpus": share((i.kind, r["a_kind"]) for i, r in sure),
        "model": share((i.kind, model[i.id]) for i in matched),
        "model_passes": share((r["a_kind"], model[i.id]) for i, r in agreed),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    corpus = open_corpus()
    labels = read_labels()
    rows, model = [], {}
    for source_id in corpus.sources:
        kinds = model_kinds(corpus, source_id)
        model.update(kinds)
        items = [i for i in corpus.items if i.source == source_id]
        rows.append({"source": source_id, **figures(items, labels, kinds)})
    overall = {"source": "overall", **figures(corpus.items, labels, model)}
    moves = Counter(
        (i.kind, labels[i.id]["a_kind"])
        for i in corpus.items
        if i.id in labels and labels[i.id]["a_kind"] == labels[i.id]["b_kind"] != i.kind
    )
    if args.json:
        differ = [{"corpus": a, "passes": b, "items": n} for (a, b), n in moves.most_common()]
        out = {"rows": rows, "overall": overall, "passes_differ_from_corpus": differ}
        print(json.dumps(rounded(out), indent=2))
        return 0
    names = ("pass_a", "pass_b", "a_b", "sure_corpus", "model", "model_passes")
    print("kind: blind curation passes and the suggestions, against the corpus")
    print(f"{'source':<16} {'items':>5} {'pass A':>7} {'pass B':>7} {'A = B':>7} "
          f"{'sure':>5} {'sure=':>6} {'model':>7} {'m=AB':>6}")  # fmt: skip
    for row in [*rows, overall]:
        a, b, ab, sure_c, m, mp = (row[n] for n in names)
        print(f"{row['source']:<16} {row['items']:>5} {a:>7.2f} {b:>7.2f} {ab:>7.2f} "
              f"{row['sure']:>5} {sure_c:>6.2f} {m:>7.2f} {mp:>6.2f}")  # fmt: skip
    print("\nwhere both passes file an item alike and the corpus does not (corpus -> passes):")
    for (was, now), count in moves.most_common():
        print(f"  {count:>3}  {was} -> {now}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
