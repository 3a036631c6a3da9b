"""Content speed (issue: installable project and corpus).

Targets: `briefgen check` on the shipped corpus under 1 s as a whole process; a generated corpus
of 200 documents and 10,000 items loads and verifies in under 3 s, growing linearly.

    .venv/bin/python benchmarks/content_bench.py [--json] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_corpus import generate

from briefgen.content import load_corpus
from briefgen.content.paths import SHIPPED_CONTENT

BRIEFGEN = Path(sys.executable).with_name("briefgen")


def time_process(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def time_load(content: Path, runs: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        corpus = load_corpus(content, reuse=False)  # every quote verified, each run
        times.append(time.perf_counter() - started)
        count = len(corpus.items)
    return statistics.median(times), count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    rows = []
    check = time_process([str(BRIEFGEN), "check"], args.runs)
    _, shipped_items = time_load(SHIPPED_CONTENT, args.runs)
    rows.append(
        {"measure": "briefgen check (whole process), shipped corpus", "items": shipped_items,
         "seconds": round(check, 3), "target": 1.0}
    )  # fmt: skip
    with tempfile.TemporaryDirectory() as scratch:
        for documents, items in ((50, 2500), (100, 5000), (200, 10000)):
            content = generate(Path(scratch) / f"c{documents}", documents, items)
            seconds, count = time_load(content, max(1, args.runs // 2))
            rows.append(
                {"measure": f"load + verify, generated {documents} documents", "items": count,
                 "seconds": round(seconds, 3), "target": 3.0 if items == 10000 else None,
                 "us_per_item": round(seconds / count * 1e6, 1)}
            )  # fmt: skip
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'measure':<50} {'items':>6} {'seconds':>8} {'target':>7} {'µs/item':>8}")
    for row in rows:
        target = f"{row['target']:.1f}" if row["target"] else ""
        per_item = row.get("us_per_item", "")
        print(
            f"{row['measure']:<50} {row['items']:>6} {row['seconds']:>8.3f} "
            f"{target:>7} {per_item:>8}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
