"""The `briefgen` command's entry point: `briefgen.cli.main`, run as the short-lived process it is.

Two garbage-collector settings take about a tenth off a small Word build (see
docs/decisions/0006): no collections while modules import (they create many objects and free
almost none), and everything frozen before the process ends, so the interpreter's final
collection does not walk every object again. Tests and the app call `main` itself.
"""

from __future__ import annotations

import gc


def run() -> int:
    gc.disable()
    try:
        from briefgen.cli import main
    finally:
        gc.enable()
    try:
        return main()
    finally:
        gc.freeze()
