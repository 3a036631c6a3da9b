"""Content library speed (issue 15: content libraries).

A library of 50 sources and 10,000 items generated from the shipped sources' real sentences,
read beside the shipped content (`--library`). Loading and verifying in this process, then
`briefgen check` (which also prints the editorial warnings of `content/review.py`) and
`briefgen items` as whole processes: cold (no kept results), warm, and after one items file is
edited; the target is `check` under 1 s after one edit. The shipped texts hold about 1,200
usable sentences, so each is quoted about sixteen times across the library: the warnings'
duplicate search meets far more shared wording than in a library of distinct documents.

    .venv/bin/python benchmarks/library_bench.py [--json] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_corpus import generate_library

SOURCES, ITEMS = 50, 10_000


def briefgen(*args: str) -> list[str]:
    return [sys.executable, "-m", "briefgen.cli", *args]


def time_process(command: list[str], env: dict[str, str], before: Callable[[], None]) -> float:
    before()
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        library = generate_library(Path(scratch) / "team", SOURCES, ITEMS)
        cache = Path(scratch) / "cache"
        env = dict(
            os.environ,
            BRIEFGEN_CACHE_DIR=str(cache),
            BRIEFGEN_USER_LIBRARY=str(Path(scratch) / "no-user-library"),
            BRIEFGEN_CONFIG_DIR=str(Path(scratch) / "no-config"),
            BRIEFGEN_LIBRARY="",
        )
        edited = library / "items" / "lib-17.yaml"
        original = edited.read_text(encoding="utf-8")
        edits = iter(range(10**6))

        def forget() -> None:
            for path in cache.glob("*"):
                path.unlink()

        def nothing() -> None:
            pass

        # The first item's quote without its last word (still a span of its source).
        first_end = original.index("\n  - id: lib-17-001")
        shortened = original[:first_end].rsplit(" ", 1)[0] + original[first_end:]

        def edit() -> None:
            """As an officer would: a locator corrected, the quote cut by a word or restored."""
            run = next(edits)
            text = shortened if run % 2 else original
            edited.write_text(
                text.replace("locator: para 1\n", f"locator: para 1.{run}\n", 1),
                encoding="utf-8",
            )

        check = briefgen("--library", str(library), "check")
        items = briefgen("--library", str(library), "items")
        measures: list[tuple[str, list[str], Callable[[], None], float | None]] = [
            ("check, cold (nothing kept)", check, forget, None),
            ("check, warm (nothing changed)", check, nothing, None),
            ("check after one items file is edited", check, edit, 1.0),
            ("items listing, cold (nothing kept)", items, forget, None),
            ("items listing, warm", items, nothing, None),
            ("items listing after one items file is edited", items, edit, None),
        ]
        rows = []
        # Loading and verifying alone, in this process (what `check` does before its warnings).
        os.environ.update(env)
        from briefgen.content import load_corpus
        from briefgen.library.folders import library_folders

        folders = library_folders(None, [library])
        for name, before in (("cold", forget), ("warm", nothing), ("after one edit", edit)):
            times = []
            for _ in range(args.runs):
                before()
                started = time.perf_counter()
                load_corpus(folders)
                times.append(time.perf_counter() - started)
            rows.append(
                {"measure": f"load + verify in process, {name}", "target": None,
                 "seconds": round(statistics.median(times), 3), "slowest": round(max(times), 3)}
            )  # fmt: skip
        for name, command, before, target in measures:
            subprocess.run(command, check=True, capture_output=True, env=env)  # fills caches
            times = [time_process(command, env, before) for _ in range(args.runs)]
            rows.append(
                {"measure": name, "seconds": round(statistics.median(times), 3), "target": target,
                 "slowest": round(max(times), 3)}
            )  # fmt: skip
        total = subprocess.run(check, check=True, capture_output=True, text=True, env=env)
    if args.json:
        print(json.dumps({"sources": SOURCES, "items": ITEMS, "rows": rows}, indent=2))
        return 0
    print(f"Library of {SOURCES} sources and {ITEMS:,} items, read beside the shipped content")
    print(total.stdout.strip().splitlines()[-1])  # after its warnings; nothing kept
    print(f"{'measure (whole process, median)':<48} {'seconds':>8} {'slowest':>8} {'target':>7}")
    for row in rows:
        target = f"{row['target']:.1f}" if row["target"] else ""
        print(f"{row['measure']:<48} {row['seconds']:>8.3f} {row['slowest']:>8.3f} {target:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
