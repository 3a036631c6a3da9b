"""A cache of the verified corpus, so a build or the app's start does not re-verify every quote
when nothing has changed.

The cache is keyed by every byte that decides the result: each library's folder, kind and
name, each file under it (names and contents; for the imported originals, which the loader
only checks are there, names and kinds) and the source of the code that reads and verifies
them, compared exactly with the bytes stored with the cache (a few hundred kilobytes: cheaper
to read and compare than to hash). Any edit, to content or to the loader, misses the cache and
the corpus is loaded and verified in full, exactly as `load_corpus` does; only a corpus that
loaded without problems is stored. `briefgen check` never uses the cache. The file lives in the
user's own cache folder (`$BRIEFGEN_CACHE_DIR`, else the platform's) and is written atomically;
a cache that cannot be read or written is ignored, never an error.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from briefgen import diskcache
from briefgen.content.model import Corpus, LibraryFolder
from briefgen.content.paths import outside_target

FORMAT = b"briefgen corpus cache 3"
BRIEFGEN_DIR = Path(__file__).resolve().parents[1]
ORIGINALS = "originals/"  # imported files kept as they came: checked to be there, never read


def code_files() -> list[Path]:
    """The source of every module a corpus's loading and verification runs: any change to them
    may change a result, so it is part of every cache key."""
    files = sorted((BRIEFGEN_DIR / "content").glob("*.py"))
    files += [BRIEFGEN_DIR / name for name in ("limits.py", "spelling.py")]
    # The extractors' structure map works out derived locators (when it is installed).
    extract = BRIEFGEN_DIR / "library" / "extract"
    files += [extract / name for name in ("model.py", "limits.py") if (extract / name).is_file()]
    return files


def fingerprint(libraries: Sequence[LibraryFolder]) -> bytes:
    """Everything the loaded corpus depends on, as one unambiguous byte string: each part is
    preceded by its length, so no two different sets of files give the same bytes."""
    parts = [FORMAT]
    for path in code_files():
        parts += (_name_bytes(path.name), path.read_bytes())
    for library in libraries:
        root = os.path.realpath(library.path)
        parts += (_name_bytes(library.kind), _name_bytes(library.name), _name_bytes(root))
        for name, outside in _files_under(root):
            if outside is not None:
                # Not read: the loader refuses it (so no corpus naming it is ever stored), and
                # its target is part of the key, so pointing the link elsewhere misses the cache.
                parts += (_name_bytes(name), b"outside the folder: " + _name_bytes(outside))
            elif name.startswith(ORIGINALS):
                parts += (_name_bytes(name), _file_kind(os.path.join(root, name)))
            else:
                parts += (_name_bytes(name), _file_bytes(os.path.join(root, name)))
    return b"".join(len(part).to_bytes(8, "big") + part for part in parts)


def _file_kind(path: str) -> bytes:
    return b"a file" if os.path.isfile(path) else b"not a regular file"


# Opened without waiting: a named pipe would otherwise block every start until someone wrote to it.
_READ_ONLY = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _file_bytes(path: str) -> bytes:
    """The bytes of the file at `path`; a marker for anything that is not a regular file (the
    loader refuses it)."""
    descriptor = os.open(path, _READ_ONLY)
    with open(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return b"not a regular file"
        return stream.read()


def _name_bytes(name: str) -> bytes:
    """`name` as bytes, even a file name that is not valid UTF-8 (Python holds its undecodable
    bytes as lone surrogates, which a plain encode refuses)."""
    return name.encode("utf-8", "surrogatepass")


def _files_under(folder: str) -> list[tuple[str, str | None]]:
    """Every file under `folder`, as sorted "/"-separated relative names (os.walk: several
    times quicker than pathlib's rglob, and this runs at every start), each with where it leads
    when a symbolic link takes it outside `folder` (else None). A linked folder inside is
    followed, as the loader follows it: an edit there must miss the cache too; one leading
    outside is not even listed."""
    names: list[tuple[str, str | None]] = []
    seen = set()
    for here, folders, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(here)
        if real in seen:  # a link back up the tree: its files are listed already
            folders.clear()
            continue
        seen.add(real)
        relative = os.path.relpath(here, folder).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        for name in list(folders):
            outside = outside_target(os.path.join(here, name), folder)
            if outside is not None:
                folders.remove(name)
                names.append((prefix + name + "/", outside))
        folders.sort()
        for name in files:
            path = os.path.join(here, name)
            outside = outside_target(path, folder) if os.path.islink(path) else None
            names.append((prefix + name, outside))
    return sorted(names)


def cache_file(content_dir: Path) -> Path:
    """One cache file per shipped content folder, named by the folder's path (other sets of
    libraries read with it take turns: the key holds them all)."""
    return diskcache.entry_path("corpus", content_dir)


def load_cached(libraries: Sequence[LibraryFolder]) -> Corpus:
    """The corpus of `libraries`, from the cache when its fingerprint still matches; otherwise
    loaded and verified (raising `ContentError` as `load_corpus` does)."""
    try:
        key = fingerprint(libraries)
    except OSError:
        key = None  # an unreadable file: the full load says which
    path = cache_file(libraries[0].path)
    corpus = diskcache.read(path, key) if key else diskcache.MISSING
    if isinstance(corpus, Corpus):
        return corpus
    from briefgen.content import loader  # imported only on a miss: it brings in YAML parsing

    corpus = loader.load_corpus(libraries)
    if key:
        diskcache.write(path, key, corpus)
    return corpus
