"""Sentence segmenters compared on the shipped sources (issue 16, decision 0080).

For pysbd, nupunkt and syntok: the time to split every paragraph and list item of the five
shipped sources (best of N runs, after a warm-up that loads each segmenter), and how often a
curated item starts on a sentence start and ends on a sentence end (spaces and bold marks
trimmed). An item the segmenter cut in the middle could not be suggested whole.

    .venv/bin/python benchmarks/segmenter_bench.py [--json] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import time

from briefgen.content import open_corpus
from briefgen.library.suggest.sentences import SEGMENTERS, split_sentences
from briefgen.library.suggest.structure import derive_structure


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    corpus = open_corpus()
    layouts = {
        sid: derive_structure(source.text, furniture=source.furniture)
        for sid, source in corpus.sources.items()
    }
    words = sum(len(source.text.split()) for source in corpus.sources.values())
    rows = []
    for name, splitter in SEGMENTERS.items():
        split_sentences("Warm up. Load the model.", derive_structure("Warm up."), splitter)
        best = float("inf")
        found = {}
        for _ in range(args.runs):
            started = time.perf_counter()
            found = {
                sid: split_sentences(corpus.sources[sid].text, layout, splitter)
                for sid, layout in layouts.items()
            }
            best = min(best, time.perf_counter() - started)
        starts = {sid: {s.start for s in sentences} for sid, sentences in found.items()}
        ends = {sid: {s.end for s in sentences} for sid, sentences in found.items()}
        on_start = sum(item.span[0] in starts[item.source] for item in corpus.items)
        on_end = sum(item.span[1] in ends[item.source] for item in corpus.items)
        both = sum(
            item.span[0] in starts[item.source] and item.span[1] in ends[item.source]
            for item in corpus.items
        )
        total = len(corpus.items)
        rows.append(
            {
                "segmenter": name,
                "sentences": sum(len(s) for s in found.values()),
                "seconds": round(best, 3),
                "words_per_second": round(words / best),
                "item_start_on_boundary": round(on_start / total, 3),
                "item_end_on_boundary": round(on_end / total, 3),
                "item_both_on_boundaries": round(both / total, 3),
            }
        )
    if args.json:
        print(json.dumps({"words": words, "items": len(corpus.items), "rows": rows}, indent=2))
        return 0
    print(f"{words} words in 5 sources, {len(corpus.items)} curated items")
    print(f"{'segmenter':<10} {'sentences':>9} {'seconds':>8} {'words/s':>9} "
          f"{'start':>6} {'end':>6} {'both':>6}")  # fmt: skip
    for row in rows:
        print(
            f"{row['segmenter']:<10} {row['sentences']:>9} {row['seconds']:>8.3f} "
            f"{row['words_per_second']:>9} {row['item_start_on_boundary']:>6.3f} "
            f"{row['item_end_on_boundary']:>6.3f} {row['item_both_on_boundaries']:>6.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
