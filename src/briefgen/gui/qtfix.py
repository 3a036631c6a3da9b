"""A guard against a PySide6 6.12 bug that would crash the app after a few thousand Qt calls.

PySide6 6.12's wheels return `None` from void methods (and `True` from `Signal.emit`) without
taking a reference, which is harmless on Python 3.12+ where those objects are immortal, but on
Python 3.11 each call drops a reference that was never taken: after some thousands of calls
(`processEvents`, `setText`, ...) CPython frees `None` and aborts with
"Fatal Python error: none_dealloc". Until PySide6 fixes it, we give `None`, `True` and `False`
a reference count so large that it cannot reach zero in the life of a process. This mimics what
Python 3.12 does for them (PEP 683). Qt-free: no Qt import here.
"""

from __future__ import annotations

import ctypes
import platform
import sys

# Enough headroom for a million leaked references a second for about nine years.
_HEADROOM = 1 << 48
_done = False


def protect_singletons() -> None:
    """Make `None`, `True` and `False` effectively immortal on CPython before 3.12 (once)."""
    global _done
    if _done or sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object header (a Py_ssize_t).
        ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
    _done = True
