"""The `briefgen` console script: run `briefgen.cli.main` and exit with its code, failing when
what it printed could not be written (output redirected to a full disk)."""

from __future__ import annotations

import contextlib
import os
import sys


def run() -> int:
    from briefgen.cli import main

    return main()


def _discard_standard_output() -> None:
    """Point standard output at the null device, so the interpreter's own flush at exit does
    not fail a second time and print a traceback for output already reported lost."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def start() -> None:
    """The console script: run the command, flush what it printed, and exit with its code."""
    code = run()
    try:
        if sys.stdout is not None:  # None when started with no standard output at all
            sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        _discard_standard_output()  # a closed pipe (`briefgen items | head`) takes no more
    except OSError as error:
        # Output redirected to a full disk: what was printed is lost, so the command failed,
        # as `main` says when the same happens while it runs.
        from briefgen.cli import EXIT_PROBLEMS

        _discard_standard_output()
        if sys.stderr is not None:
            reason = error.strerror.lower() if error.strerror else str(error)
            with contextlib.suppress(OSError, ValueError):
                print(f"briefgen: {reason}", file=sys.stderr)
        code = code or EXIT_PROBLEMS
    sys.exit(code)
