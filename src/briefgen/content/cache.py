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
import os
import pickle
from pathlib import Path

from briefgen.content.model import Corpus

CACHE_DIR_VARIABLE = "BRIEFGEN_CACHE_DIR"
FORMAT = b"briefgen corpus cache 1"
PACKAGE_DIR = Path(__file__).resolve().parent


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefgen", appauthor=False))


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
    name = hashlib.sha256(str(content_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return cache_dir() / f"corpus-{name}.pickle"


def load_cached(content_dir: Path) -> Corpus:
    """The corpus under `content_dir`, from the cache when its fingerprint still matches;
    otherwise loaded and verified in full (raising `ContentError` as `load_corpus` does)."""
    from briefgen.content.loader import load_corpus

    try:
        key = fingerprint(content_dir)
    except OSError:
        return load_corpus(content_dir)  # an unreadable file: the loader says which
    path = cache_file(content_dir)
    try:
        stored_key, corpus = pickle.loads(path.read_bytes())
        if stored_key == key and isinstance(corpus, Corpus):
            return corpus
    except Exception:
        pass
    corpus = load_corpus(content_dir)
    try:
        from briefgen.atomic import write_atomic

        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, pickle.dumps((key, corpus), protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:
        pass
    return corpus
