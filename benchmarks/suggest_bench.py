"""Suggested items against the curated ones (issue 16): leave one shipped document out.

For each shipped source: learn from the other four, suggest on it (default --min-score and
limit, its own curated items not given), and compare with its curated items.

- covered: at least half of a curated item's words lie inside one suggestion (or inside the
  summary copy a suggestion stands for); recall is the share of curated items covered;
- top-N precision: among the N best-scored suggestions (N = the document's curated items), the
  share sharing at least one word with a curated item;
- span: share of covered items whose words and the suggestion's have word Jaccard >= 0.8;
- kind / theme / org: over covered items, the suggested kind equals the curated one, a curated
  theme is among the suggested ones, the organisation is the curated one; beside the kind,
  how often the curated kind is the suggested one or the runner-up offered with it (0197).
Baseline: every sentence (nupunkt) as a suggestion, labelled with the training documents' most
common kind, their three most common themes and the publisher's organisation; its top-N
precision is the share of all sentences that overlap a curated item (any N of them).
Speed: suggesting on the five sources repeated to over 50,000 words (about 100 pages).

    .venv/bin/python benchmarks/suggest_bench.py [--json] [--misses N]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter

from briefgen.content import open_corpus
from briefgen.library.organisations import organisation_names, publisher_org
from briefgen.library.suggest import suggest, suggest_for_source, train
from briefgen.library.suggest.model import read_layout

TARGETS = {"recall": 0.9, "top_n": 0.85, "span": 0.7, "kind": 0.7, "theme": 0.8, "org": 0.9}
WORD = re.compile(r"\w+")


def word_positions(text: str, start: int, end: int) -> set[int]:
    return {m.start() for m in WORD.finditer(text, start, end)}


def evaluate(text, items, proposals, labels):
    """Figures for one document; `proposals` are (places, score, kind, themes, org, other)."""
    words = [word_positions(text, s, e) for s, e, *_ in proposals_places(proposals)]
    owners = [i for i, p in enumerate(proposals) for _ in p[0]]
    curated_words = set().union(*(word_positions(text, *i.span) for i in items))
    covered = span_ok = kind_ok = theme_ok = org_ok = either_ok = offered = 0
    misses = []
    for item in items:
        mine = word_positions(text, *item.span)
        best, best_share, best_jaccard = None, 0.0, 0.0
        for place_words, owner in zip(words, owners, strict=True):
            share = len(mine & place_words) / max(1, len(mine))
            if share > best_share:
                union = len(mine | place_words)
                best, best_share, best_jaccard = owner, share, len(mine & place_words) / union
        if best is None or best_share < 0.5:
            misses.append((best_share, item))
            continue
        covered += 1
        span_ok += best_jaccard >= 0.8
        _, _, kind, themes, org, other = labels(proposals[best])
        kind_ok += kind == item.kind
        either_ok += item.kind in (kind, other)
        offered += bool(other)
        theme_ok += bool(set(themes) & set(item.themes))
        org_ok += org == item.org
    ranked = sorted(proposals, key=lambda p: -p[1])[: len(items)]
    hits = sum(
        bool(set().union(*(word_positions(text, s, e) for s, e in p[0])) & curated_words)
        for p in ranked
    )
    figures = {
        "items": len(items),
        "suggestions": len(proposals),
        "recall": covered / len(items),
        "top_n": hits / max(1, len(ranked)),
        "span": span_ok / max(1, covered),
        "kind": kind_ok / max(1, covered),
        "theme": theme_ok / max(1, covered),
        "org": org_ok / max(1, covered),
        "kind_or_other": either_ok / max(1, covered),
    }
    return figures, misses, {"covered": covered, "span": span_ok, "kind": kind_ok,
                             "theme": theme_ok, "org": org_ok, "hits": hits,
                             "either": either_ok, "offered": offered}  # fmt: skip


def proposals_places(proposals):
    return [place for p in proposals for place in p[0]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--misses", type=int, default=12, help="worst misses to print")
    args = parser.parse_args()
    corpus = open_corpus()
    names = organisation_names((o.id, o.name, o.short) for o in corpus.organisations.values())
    rows, baselines, all_misses, totals, base_totals = [], [], [], Counter(), Counter()
    train_times = []
    for source_id, source in corpus.sources.items():
        items = [i for i in corpus.items if i.source == source_id]
        started = time.perf_counter()
        model = train(corpus, leave_out=[source_id])
        train_times.append(time.perf_counter() - started)
        found = suggest_for_source(corpus, source_id, model, skip_curated=False)
        proposals = [
            ([(s.start, s.end), *s.summary_places], s.score, s.kind, s.themes, s.org, s.other_kind)
            for s in found
        ]
        figures, misses, counts = evaluate(source.text, items, proposals, lambda p: p)
        rows.append({"source": source_id, **figures})
        totals.update(counts)
        totals.update({"items": len(items), "suggestions": len(found)})
        all_misses += [(share, item) for share, item in misses]
        # Baseline: every sentence, majority labels from the training documents.
        training = [i for i in corpus.items if i.source != source_id]
        kind = Counter(i.kind for i in training).most_common(1)[0][0]
        themes = tuple(t for t, _ in Counter(t for i in training for t in i.themes).most_common(3))
        org = publisher_org(source.publisher, names)
        sentences = read_layout(source.text, source.furniture).sentences
        base = [([(s.start, s.end)], 0.0, kind, themes, org, "") for s in sentences]
        base_figures, _, base_counts = evaluate(source.text, items, base, lambda p: p)
        curated_words = set().union(*(word_positions(source.text, *i.span) for i in items))
        overlapping = sum(
            bool(word_positions(source.text, s.start, s.end) & curated_words) for s in sentences
        )
        base_figures["top_n"] = overlapping / len(sentences)
        baselines.append({"source": source_id, **base_figures})
        base_counts["hits"] = overlapping * len(items) / len(sentences)
        base_totals.update(base_counts)
        base_totals.update({"items": len(items), "suggestions": len(sentences)})
    overall = _overall(totals)
    base_overall = _overall(base_totals)

    model = train(corpus)
    long_text = ""
    while len(long_text.split()) < 50_000:
        long_text += "\n\n".join(s.text for s in corpus.sources.values())
    organisations = [(o.id, o.name, o.short) for o in corpus.organisations.values()]
    started = time.perf_counter()
    long_found = suggest(long_text, model, publisher="Solace", organisations=organisations)
    long_seconds = time.perf_counter() - started
    speed = {
        "words": len(long_text.split()),
        "seconds": round(long_seconds, 3),
        "suggestions": len(long_found),
        "train_seconds_max": round(max(train_times), 3),
    }
    all_misses.sort(key=lambda m: m[0])
    worst = [
        {"item": item.id, "kind": item.kind, "best_share": round(share, 2), "text": item.text[:90]}
        for share, item in all_misses[: args.misses]
    ]
    if args.json:
        out = {"targets": TARGETS, "rows": rows, "overall": overall, "baseline": baselines,
               "baseline_overall": base_overall, "speed": speed, "worst_misses": worst}  # fmt: skip
        print(json.dumps(rounded(out), indent=2))
        return 0
    header = f"{'source':<16} {'items':>5} {'sugg':>5} " + " ".join(f"{k:>11}" for k in TARGETS)
    print("suggested (baseline: every sentence) — leave one document out")
    print(header)
    for row, base in [*zip(rows, baselines, strict=True), (overall, base_overall)]:
        cells = " ".join(f"{row[k]:>5.2f} ({base[k]:.2f})" for k in TARGETS)
        name = row.get("source", "overall")
        print(f"{name:<16} {row['items']:>5} {row['suggestions']:>5} {cells}")
    print(
        "target" + " " * 23 + " ".join(f"{'>= ' + format(v, '.2f'):>11}" for v in TARGETS.values())
    )
    print(
        f"\nkind, or the runner-up kind offered beside it: {overall['kind_or_other']:.2f} "
        f"(runner-up offered for {overall['other_offered']} of {totals['covered']} matched items)"
    )
    print(
        f"100-page text: {speed['words']} words, {speed['suggestions']} suggestions in "
        f"{speed['seconds']:.2f} s (target 5 s); "
        f"training at most {speed['train_seconds_max']:.2f} s"
    )
    print(f"\nworst misses ({len(all_misses)} curated items not covered):")
    for miss in worst:
        print(f"  {miss['best_share']:.2f} {miss['item']} [{miss['kind']}] {miss['text']}")
    return 0


def _overall(counts: Counter) -> dict[str, float]:
    covered = max(1, counts["covered"])
    return {
        "source": "overall",
        "items": counts["items"],
        "suggestions": counts["suggestions"],
        "recall": counts["covered"] / counts["items"],
        "top_n": counts["hits"] / counts["items"],
        "span": counts["span"] / covered,
        "kind": counts["kind"] / covered,
        "theme": counts["theme"] / covered,
        "org": counts["org"] / covered,
        "kind_or_other": counts["either"] / covered,
        "other_offered": counts["offered"],
    }


def rounded(value):
    """`value` with every float to three places (json.dumps never calls `default` on floats)."""
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dict):
        return {key: rounded(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [rounded(item) for item in value]
    return value


if __name__ == "__main__":
    raise SystemExit(main())
