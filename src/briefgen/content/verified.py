"""Items files verified in an earlier run, kept so that after an edit only the files that
changed are read and verified again (`briefgen check` on a library of 10,000 items).

A file's result is reused only while everything it was worked out from is the same: the file's
exact bytes and the name it is reported under; the code that reads and verifies it (and the
YAML library and Python that ran it); and, through `depends`, the facts about the rest of the
corpus it used: the text, furniture, file name and map of the source it quotes, and that the
organisations and themes it names still exist (for a file with problems, every organisation,
theme and source id, which its did-you-mean hints are drawn from). What crosses files, such as
an item id used twice, is checked afresh at every load. One cache file per library, in the
user's cache folder; an unreadable one is ignored and rewritten, never an error.

Unlike the whole-corpus cache, keys are BLAKE2 digests: an exact key would hold a copy of a
source text for every items file quoting it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from functools import cache

from briefgen import diskcache
from briefgen.content.cache import code_files
from briefgen.content.itemsfile import FileResult
from briefgen.content.model import LibraryFolder

FORMAT = b"briefgen verified items 1"

# (file key, dependencies, pickled result): each result stays pickled until it is used, so
# keeping one new result does not pickle all the others again.
Entry = tuple[bytes, bytes, bytes]


@cache
def code_digest() -> bytes:
    import yaml

    parts: list[bytes] = [yaml.__version__.encode(), sys.version.encode()]
    parts.append(b"libyaml" if getattr(yaml, "__with_libyaml__", False) else b"python")
    for path in code_files():
        parts += (path.name.encode(), path.read_bytes())
    return digest(parts)


def digest(parts: Iterable[bytes]) -> bytes:
    """One digest of `parts`, each preceded by its length so no two lists give the same bytes."""
    hasher = hashlib.blake2b(digest_size=32)
    for part in parts:
        hasher.update(len(part).to_bytes(8, "big"))
        hasher.update(part)
    return hasher.digest()


class VerifiedItems:
    """The kept results of one library's items files, by file name within the library."""

    def __init__(self, library: LibraryFolder, reuse: bool = True) -> None:
        self.path = diskcache.entry_path("verified", library.path)
        real = os.path.realpath(library.path).encode("utf-8", "surrogatepass")
        self.key = FORMAT + code_digest() + real + b"\0" + library.name.encode()
        kept = diskcache.read(self.path, self.key) if reuse else diskcache.MISSING
        self.kept: dict[str, Entry] = kept if isinstance(kept, dict) else {}
        self.current: dict[str, Entry] = {}
        self.changed = False

    def result(
        self,
        name: str,
        data: bytes,
        where: str,
        verify: Callable[[], FileResult],
        depends: Callable[[FileResult], bytes | None],
    ) -> FileResult:
        """The result for the items file `name` (bytes `data`, reported as `where`): the kept
        one if it still holds, else `verify()`'s. `depends` gives what a result relies on in
        the rest of the corpus now, or None if that has certainly changed."""
        file_key = digest((where.encode("utf-8", "surrogatepass"), data))
        entry = self.kept.get(name)
        if entry is not None and entry[0] == file_key:
            kept = _unpickle(entry[2])
            # Same bytes, so the same source, organisations and themes named as last time.
            now = depends(kept) if kept is not None else None
            if kept is not None and now is not None and now == entry[1]:
                self.current[name] = entry
                return kept
        result = verify()
        now = depends(result)
        if now is not None:
            self.current[name] = (file_key, now, pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
        self.changed = True
        return result

    def save(self) -> None:
        """Keep the results of this load (files no longer there are dropped)."""
        if self.changed or self.current.keys() != self.kept.keys():
            diskcache.write(self.path, self.key, self.current)


def _unpickle(data: bytes) -> FileResult | None:
    try:
        result = pickle.loads(data)
    except Exception:  # a damaged entry is verified again
        return None
    return result if isinstance(result, FileResult) else None
