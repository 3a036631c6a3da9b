"""The `briefgen` command's entry point: `briefgen.cli.main`, run as the short-lived process it is.

Two garbage-collector settings take about 15 ms off a small Word build (see
docs/decisions/0006). The youngest generation is collected after 50,000 new objects rather
than 700: importing python-docx and building a pack create hundreds of thousands of objects
and free almost none, so the default setting spends its time walking live objects; cycles are
still collected, so a long PDF build's memory stays bounded (the all-themes evidence pack
peaks within 3% of the default). And everything is frozen before the process ends, so the
interpreter's final collection does not walk every object again.

The console script (`start`) then ends the process at once: by then every output has been
written, flushed, synced and closed (`briefgen.atomic`), so tearing down each module and object
one by one, which takes 2 ms, does nothing the operating system does not do anyway. Tests and
the app call `main` or `run` and keep the interpreter's usual behaviour.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys

YOUNG_GENERATION_THRESHOLD = 50_000


def run() -> int:
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, older, oldest)
    from briefgen.cli import main

    try:
        return main()
    finally:
        gc.freeze()


def start() -> None:
    """The `briefgen` console script: run the command, flush what it printed, and exit."""
    code = run()
    try:
        if sys.stdout is not None:  # None when started with no standard output at all
            sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        pass  # a closed pipe (`briefgen items | head`) has nothing more to take
    except OSError as error:
        # Output redirected to a full disk: what was printed is lost, so the command failed,
        # as `main` says when the same happens while it runs (the interpreter's own exit
        # would have given 120).
        from briefgen.cli import EXIT_PROBLEMS

        if sys.stderr is not None:
            reason = error.strerror.lower() if error.strerror else str(error)
            with contextlib.suppress(OSError, ValueError):
                print(f"briefgen: {reason}", file=sys.stderr)
        code = code or EXIT_PROBLEMS
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()
    os._exit(code)
