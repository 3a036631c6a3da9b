"""A cache of the verified corpus, so a build or the app's start does not re-verify every quote
when nothing has changed.

The cache is keyed by a fingerprint of every byte that decides the result: each file under the
content folder (names and contents) and the source of the content package that reads and
verifies them. Any edit, to content or to the loader, misses the cache and the corpus is loaded
and verified in full, exactly as `load_corpus` does; only a corpus that loaded without problems
is stored. `briefgen check` never uses the cache. The file lives in the user's own cache folder
(`$BRIEFGEN_CACHE_DIR`, else the platform's) and is written atomically; a cache that cannot be
read or written is ignored, never an error.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from briefgen import diskcache
from briefgen.content.model import Corpus

FORMAT = b"briefgen corpus cache 1"
PACKAGE_DIR = Path(__file__).resolve().parent


def fingerprint(content_dir: Path) -> str:
    """A digest of everything the loaded corpus depends on."""
    digest = hashlib.sha256(FORMAT)
    code = sorted(PACKAGE_DIR.glob("*.py"))
    content = sorted(path for path in content_dir.rglob("*") if path.is_file())
    for base, files in ((PACKAGE_DIR, code), (content_dir, content)):
        for path in files:
            data = path.read_bytes()
            name = path.relative_to(base).as_posix().encode("utf-8")
            digest.update(len(name).to_bytes(4, "big") + name)
            digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def cache_file(content_dir: Path) -> Path:
    """One cache file per content folder, named by the folder's path."""
    return diskcache.entry_path("corpus", content_dir)


def load_cached(content_dir: Path) -> Corpus:
    """The corpus under `content_dir`, from the cache when its fingerprint still matches;
    otherwise loaded and verified in full (raising `ContentError` as `load_corpus` does)."""
    try:
        key = fingerprint(content_dir)
    except OSError:
        key = None  # an unreadable file: the full load says which
    path = cache_file(content_dir)
    corpus = diskcache.read(path, key) if key else diskcache.MISSING
    if isinstance(corpus, Corpus):
        return corpus
    from briefgen.content import loader  # imported only on a miss: it brings in YAML parsing

    corpus = loader.load_corpus(content_dir)
    if key:
        diskcache.write(path, key, corpus)
    return corpus
