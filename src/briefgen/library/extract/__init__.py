"""Text extraction for import: one extractor per file type, all producing an `ExtractedDocument`
(the text quotes are verified against, with maps to page labels, headings and paragraph
numbers). Nothing is written: the library stores what `extract` returns."""

from __future__ import annotations

from pathlib import Path

from briefgen.library.extract.errors import ExtractCancelled, ExtractError
from briefgen.library.extract.model import (
    ExtractedDocument,
    Heading,
    LabelSource,
    Metadata,
    NumberedParagraph,
    Page,
)
from briefgen.library.extract.progress import CancelCheck, ProgressCallback

__all__ = [
    "SUPPORTED_SUFFIXES",
    "CancelCheck",
    "ExtractCancelled",
    "ExtractError",
    "ExtractedDocument",
    "Heading",
    "LabelSource",
    "Metadata",
    "NumberedParagraph",
    "Page",
    "ProgressCallback",
    "extract",
]

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".md", ".markdown", ".txt", ".text")


def extract(
    path: Path | str,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ExtractedDocument:
    """Extract the document at `path`, chosen by its extension; `progress(done, total)` is
    called as pages (or blocks) are read, and `cancel` (a callable or `threading.Event`) is
    checked between them, raising `ExtractCancelled`. Bad files raise `ExtractError`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from briefgen.library.extract.pdf import extract_pdf

        return extract_pdf(path, progress, cancel)
    if suffix == ".docx":
        from briefgen.library.extract.docx import extract_docx

        return extract_docx(path, progress, cancel)
    if suffix in (".md", ".markdown", ".txt", ".text"):
        from briefgen.library.extract.text import extract_text

        return extract_text(path, suffix in (".md", ".markdown"), progress, cancel)
    if suffix in (".doc", ".docm", ".dot", ".dotx", ".rtf", ".odt", ".pages"):
        raise ExtractError(
            path,
            f"is a {suffix} file, which briefgen cannot read; open it in Word or LibreOffice, "
            "save it as .docx (or PDF), and import that",
        )
    raise ExtractError(
        path,
        "is not a file type briefgen imports; choose a PDF (.pdf), Word (.docx), Markdown "
        "(.md) or text (.txt) file",
    )
