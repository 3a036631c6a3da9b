"""First checks on any file to import: it exists, it is not empty or too large, and what its
first bytes say it is (a renamed file says what it really is)."""

from __future__ import annotations

from pathlib import Path

from briefgen.library.extract.errors import ExtractError
from briefgen.library.extract.limits import describe_size

# First bytes of the formats people rename by mistake.
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc, .xls, .ppt
RTF_MAGIC = b"{\\rtf"


def check_size(path: Path, limit: int, kind: str) -> int:
    """The size of `path`, after checking it can be read, is not empty and is within `limit`."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ExtractError(path, "is not a file; choose a PDF, Word or text file")
    except FileNotFoundError:
        raise ExtractError(path, "does not exist; check the name and folder") from None
    except OSError as error:
        raise unreadable(path, error) from None
    if size == 0:
        raise ExtractError(path, "is empty (0 bytes); check it was saved or downloaded whole")
    if size > limit:
        raise ExtractError(
            path,
            f"is {describe_size(size)}, more than the {describe_size(limit)} briefgen "
            f"imports as a {kind}; split it and import the part you need",
        )
    return size


def read_head(path: Path, count: int = 1024) -> bytes:
    """The first `count` bytes of `path`."""
    try:
        with path.open("rb") as stream:
            return stream.read(count)
    except OSError as error:
        raise unreadable(path, error) from None


def unreadable(path: Path, error: OSError) -> ExtractError:
    """The file cannot be opened or read (no permission, a share gone away): what to do."""
    return ExtractError(
        path,
        f"cannot be read ({(error.strerror or str(error)).lower()}); check you can open it, "
        "or copy it to a folder of your own and import the copy",
    )


def looks_like(head: bytes) -> str | None:
    """What a file's first bytes say it is: "pdf", "zip", "ole", "rtf" or None."""
    if PDF_MAGIC in head[:1024]:
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(RTF_MAGIC):
        return "rtf"
    return None
