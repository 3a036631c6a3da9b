"""Small pickled caches in the user's cache folder, for work that is slow to redo at every start.

Each entry is stored with the key that produced it (every byte the value depends on, compared
exactly: no digest, so no hash library to import and no collision to reason about) and is used
only while that key still matches. Writes are atomic; an entry that cannot be
read or written is treated as missing, never as an error, so a cache can only make a start
faster, never wrong. The folder is `$BRIEFGEN_CACHE_DIR`, else the platform's user cache folder.
"""

from __future__ import annotations

import os
import pickle
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

CACHE_DIR_VARIABLE = "BRIEFGEN_CACHE_DIR"
MISSING = object()


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    if configured:
        return Path(configured)
    from briefgen.userdirs import user_cache_dir

    return user_cache_dir()


def entry_path(kind: str, origin: Path) -> Path:
    """The cache file for `kind` made from `origin` (one per file or folder, named by a checksum
    of its path). Two origins that share a name only take turns: keys include the origin."""
    name = zlib.crc32(str(origin.resolve()).encode("utf-8", "surrogatepass"))
    return cache_dir() / f"{kind}-{name:08x}.pickle"


def read(path: Path, key: bytes) -> Any:
    """The value stored at `path` under `key`, or `MISSING`."""
    try:
        stored_key, value = pickle.loads(path.read_bytes())
    except Exception:
        return MISSING
    return value if stored_key == key else MISSING


def write(path: Path, key: bytes, value: Any) -> None:
    """Store `value` under `key` at `path`, atomically; failures are ignored."""
    try:
        from briefgen.atomic import write_atomic

        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:
        pass


def cached(kind: str, origin: Path, key: bytes, make: Callable[[], T]) -> T:
    """What `make()` gives for `origin`, from the cache while `key` is unchanged, else made
    afresh and stored (under `kind`)."""
    path = entry_path(kind, origin)
    value = read(path, key)
    if value is MISSING:
        value = make()
        write(path, key, value)
    return value  # type: ignore[no-any-return]
