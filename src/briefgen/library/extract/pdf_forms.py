"""The drawings each PDF page places, counted through every level of form XObjects before PDFium
loads the page: a form that places another twenty times, five levels deep, is 3.2 million
drawings in a 2 kB file, and PDFium took 62 s and 6 GB to load that one page (decision 0207).

Only PDFs with form XObjects are walked (`pdf_streams` says which), with pypdf (BSD-3), which
reads the object graph without drawing anything; a file pypdf cannot read is left to PDFium,
which says whether it can.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from briefgen.library.extract.errors import ExtractCancelled, ExtractError
from briefgen.library.extract.limits import MAX_PDF_PAGE_DRAWINGS
from briefgen.library.extract.progress import Monitor

# A "Do" operator and the name it places (names are delimited by white space or delimiters).
_PLACED = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s+Do\b")
# Forms nested deeper than this are refused as a bomb (a real document nests a few).
MAX_FORM_DEPTH = 100
# pypdf reports what it repairs in a broken file as log warnings, which would reach the
# terminal: PDFium, not pypdf, says whether a file can be read.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def check_forms(path: Path, monitor: Monitor | None = None) -> None:
    """Refuse `path` if a page places more than `MAX_PDF_PAGE_DRAWINGS` drawings through its
    forms, or a form that places itself."""
    import pypdf  # only PDFs with forms pay for importing it

    try:
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            return  # PDFium says it needs a password
        counted: dict[int, int] = {}
        for index, page in enumerate(reader.pages):
            if monitor is not None:
                monitor.check()
            placed = _placed(_content(page.get("/Contents")), page.get("/Resources"), counted)
            if placed > MAX_PDF_PAGE_DRAWINGS:
                raise ExtractError(
                    path,
                    f"is refused: PDF page {index + 1} places more than "
                    f"{MAX_PDF_PAGE_DRAWINGS:,} drawings through forms nested in one another "
                    "(a damaged file or a 'PDF bomb', which would take far more memory than "
                    "the file's size); open it in a PDF reader, print it to a new PDF, and "
                    "import that",
                )
    except (ExtractError, ExtractCancelled):
        raise
    except Exception:
        return


def _content(contents: Any) -> bytes:
    """A page's content, its streams joined."""
    contents = contents.get_object() if contents is not None else None
    if contents is None:
        return b""
    if isinstance(contents, list):
        return b"\n".join(_content(part) for part in contents)
    return bytes(contents.get_data())


def _placed(data: bytes, resources: Any, counted: dict[int, int], depth: int = 0) -> int:
    """How many drawings `data` places, counting each form as itself and all it places;
    `counted` keeps each form's count (a form being counted stands at the limit, so a form
    that places itself is refused, as are forms nested over `MAX_FORM_DEPTH` deep)."""
    if depth > MAX_FORM_DEPTH:
        return MAX_PDF_PAGE_DRAWINGS + 1
    resources = resources.get_object() if resources is not None else None
    xobjects = resources.get("/XObject") if resources is not None else None
    xobjects = xobjects.get_object() if xobjects is not None else {}
    total = 0
    for name in _PLACED.findall(data):
        reference = xobjects.get("/" + name.decode("latin-1"))
        target = reference.get_object() if reference is not None else None
        total += 1
        if target is None or target.get("/Subtype") != "/Form":
            continue
        key = getattr(reference, "idnum", id(target))
        if key not in counted:
            counted[key] = MAX_PDF_PAGE_DRAWINGS + 1
            inner = target.get("/Resources") or resources  # a form may use its page's
            counted[key] = _placed(bytes(target.get_data()), inner, counted, depth + 1)
        total += counted[key]
        if total > MAX_PDF_PAGE_DRAWINGS:
            break
    return total
