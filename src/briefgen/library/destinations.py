"""Which library an officer's additions go to, shared by the command line and the app: an
import into the library they choose (their own or a team folder), the items curated from a
source into the library holding it (a shipped source's, or one on a share they cannot write
to, into their own), and how messages name each library.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from briefgen.content import Corpus
from briefgen.content.model import LibraryFolder
from briefgen.errors import BriefgenError
from briefgen.library.folders import user_library_dir
from briefgen.library.import_staging import write_failure

GONE_HINT = "a shared drive may need connecting"
# What the review view or Add as item… says to do when the team folder went while it was open.
GONE_REMEDY = "reconnect it, or close this window and curate again to add to your own library"


def user_library() -> LibraryFolder:
    """The user's own library (it may not be made yet)."""
    return LibraryFolder(user_library_dir(), "user", "yours")


def import_targets(folders: Sequence[LibraryFolder]) -> tuple[LibraryFolder, ...]:
    """The libraries a document can be imported into, from the libraries read: the user's
    own (listed before its first import makes it), then every team folder."""
    user = next((folder for folder in folders if folder.kind == "user"), user_library())
    return (user, *(folder for folder in folders if folder.kind == "team"))


def library_at(path: Path | LibraryFolder, folders: Sequence[LibraryFolder]) -> LibraryFolder:
    """The library at `path` as `folders` name it; else the user's own if it is that folder,
    else a team folder named after it. A library already named is returned as it is."""
    if isinstance(path, LibraryFolder):
        return path
    real = os.path.realpath(path)
    for folder in folders:
        if folder.writable and os.path.realpath(folder.path) == real:
            return folder
    if os.path.realpath(user_library_dir()) == real:
        return LibraryFolder(path, "user", "yours")
    return LibraryFolder(path, "team", path.name or str(path))


def items_library(corpus: Corpus, source_id: str) -> LibraryFolder:
    """Where items curated from `source_id` are written: the library that lists the source if
    it is the user's or a team's (so colleagues see them beside it), else the user's own."""
    listed_in = corpus.sources[source_id].library
    for folder in corpus.libraries:
        if folder.name == listed_in and folder.writable:
            return folder
    return user_library()


def curation_library(corpus: Corpus, source_id: str) -> tuple[LibraryFolder, str]:
    """Where items curated from `source_id` are written, as `items_library`, unless that is a
    team folder the user cannot write to (a read-only share): then their own library, with
    the reason to tell them ("the team library 'NAME' is read-only for you", or is not there
    any more), else ""."""
    library = items_library(corpus, source_id)
    error = write_refusal(library) if library.kind == "team" else None
    if error is None:
        return library, ""
    if error.errno == errno.ENOENT:
        return user_library(), f"{library_label(library)} is not there any more ({GONE_HINT})"
    return user_library(), f"{library_label(library)} is read-only for you"


def library_label(library: LibraryFolder) -> str:
    """How a sentence names `library`: "your library" or "the team library 'NAME'"."""
    if library.kind == "user":
        return "your library"
    if library.kind == "shipped":
        return "the shipped content"
    return f"the team library '{library.name}'"


def document_names(corpus: Corpus) -> dict[str, str]:
    """Each source's name for a list the officer picks from, by id: its short title, with the
    library it is in where another source has the same one (a report imported into a team
    folder and again into their own library), and its id if that still does not tell them
    apart."""
    libraries = {library.name: library for library in corpus.libraries}
    by_title: dict[str, list[str]] = {}
    for source in corpus.sources.values():
        by_title.setdefault(source.short_title, []).append(source.id)
    names = {}
    for title, ids in by_title.items():
        for source_id in ids:
            library = libraries.get(corpus.sources[source_id].library)
            where = library_label(library).removeprefix("the ") if library else ""
            names[source_id] = title if len(ids) == 1 or not where else f"{title} ({where})"
    counts = {name: list(names.values()).count(name) for name in names.values()}
    return {sid: f"{name} [{sid}]" if counts[name] > 1 else name for sid, name in names.items()}


def same_title_note(corpus: Corpus, title: str) -> str:
    """A warning where a document titled `title` is in a library already (the report imported
    before as a PDF and now as Word, or by a colleague into the team folder), else ""."""
    wanted = " ".join(title.casefold().split())
    libraries = {library.name: library for library in corpus.libraries}
    for source in corpus.sources.values():
        if wanted and " ".join(source.title.casefold().split()) == wanted:
            library = libraries.get(source.library)
            where = library_label(library) if library else f"the library '{source.library}'"
            return (
                f"A document of this title is already in {where}, as '{source.id}'. Import this "
                "file only if it is another document or edition; to quote that one, cancel and "
                "choose File > Review suggested items… (Ctrl+Shift+R)."
            )
    return ""


def check_writable(library: LibraryFolder, remedy: str) -> None:
    """Refuse, before anything is written, a library the user cannot add files to (a read-only
    share), naming it and its folder; `remedy` says how to choose another."""
    error = write_refusal(library)
    if error is None:
        return
    # ENOENT: a team folder gone since it was listed (write_refusal)
    why = _gone(remedy) if error.errno == errno.ENOENT else write_failure(error, remedy)
    raise BriefgenError(
        f"cannot add to {library_label(library)} ({library.path}): {why} (nothing was added)"
    )


def check_still_there(library: Path, folders: Sequence[LibraryFolder], remedy: str) -> None:
    """Refuse `library` if it is a team folder of `folders` that has gone since it was read
    (moved, or the share dropped): writing to it would make it again, empty, where the team
    does not look. `remedy` says what to do instead."""
    real = os.path.realpath(library)
    for folder in folders:
        if folder.kind == "team" and os.path.realpath(folder.path) == real:
            if not folder.path.is_dir():
                raise BriefgenError(
                    f"cannot add to {library_label(folder)} ({folder.path}): {_gone(remedy)} "
                    "(nothing was added)"
                )
            return


def _gone(remedy: str) -> str:
    return f"the folder is not there any more ({GONE_HINT}); {remedy}"


def write_refusal(library: LibraryFolder) -> OSError | None:
    """The error making a file in `library` meets, else None. A file is made and removed to
    find out: permission bits alone are wrong on network shares and with ACLs. A library not
    made yet is tried in the nearest folder above it that is there, except a team folder: it
    was there when listed, so it has gone (moved, or the share dropped), and making it again
    would put the officer's additions where the team does not look."""
    folder = library.path
    if library.kind == "team" and not folder.is_dir():
        return FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(folder))
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    try:
        handle, name = tempfile.mkstemp(prefix=".briefgen-", suffix=".probe", dir=folder)
    except OSError as error:
        return error
    os.close(handle)
    with contextlib.suppress(OSError):
        os.unlink(name)
    return None
