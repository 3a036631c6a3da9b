"""A .dotx opened as a document: python-docx opens only packages labelled as documents."""

from __future__ import annotations

import io
import zipfile
from typing import NamedTuple

TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


class TooLarge(Exception):
    """A package over one of the limits; the text says which, for the user."""


class Unreadable(Exception):
    """Not a zip package that can be read; the text is the underlying reason."""


class SafePackage(NamedTuple):
    data: bytes  # a package python-docx can open
    dropped: tuple[str, ...]  # the outside links left out


def safe_package(data: bytes) -> SafePackage:
    """`data` with a .dotx's main part relabelled as a document. The two content types differ
    in name only; the parts inside are the same. The file on disk is never changed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            types = source.read("[Content_Types].xml")
            if TEMPLATE_MAIN.encode() not in types:
                return SafePackage(data, ())
            patched = io.BytesIO()
            with zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as target:
                for info in source.infolist():
                    content = source.read(info.filename)
                    if info.filename == "[Content_Types].xml":
                        content = content.replace(TEMPLATE_MAIN.encode(), DOCUMENT_MAIN.encode())
                    target.writestr(info, content)
            return SafePackage(patched.getvalue(), ())
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError) as error:
        raise Unreadable(str(error).strip() or type(error).__name__) from None
