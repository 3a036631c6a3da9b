"""Renderers: one module per output format, each `render(pack, corpus, options) -> bytes`.

The registry maps a format name to its module, imported only when used, so the CLI and the
desktop app start quickly (WeasyPrint alone takes about 0.6 s to import).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import NamedTuple, Protocol

from briefgen.content.model import Corpus
from briefgen.errors import RenderError
from briefgen.pack.model import Pack


class RenderOptions(NamedTuple):
    """Per-build choices that are not part of the pack: a council's own Word template."""

    template: Path | None = None  # .docx or .dotx whose styles replace assets/reference.docx


class RenderResult(NamedTuple):
    """The bytes of the output file, and what the build should tell the officer."""

    data: bytes
    page_count: int | None = None  # counted on laid-out pages (PDF)
    warnings: tuple[str, ...] = ()
    estimated_pages: int | None = None  # estimated from the text (Word lays out its own pages)

    @property
    def pages_text(self) -> str:
        """ ", 3 pages" (counted) or ", about 3 pages in print" (estimated), or "": the length
        as a build or an export reports it."""
        from briefgen.counts import pages_text

        return pages_text(self.page_count, self.estimated_pages)


class Renderer(Protocol):
    def render(self, pack: Pack, corpus: Corpus, options: RenderOptions) -> RenderResult: ...


class Format(NamedTuple):
    """An output format: the module that renders it, its file suffix, the kind of template
    `RenderOptions.template` gives it ("" if it takes none), and how an officer names it."""

    module: str
    suffix: str
    template: str = ""
    name: str = ""  # "Word": in menus and messages ("Export as Word…", "Word export is not …")
    file_type: str = ""  # "Word document": in a file dialog's list of file types
    use: str = ""  # "to edit": what the file is for, beside its name in menus and file types
    document: bool = True  # a finished document for readers (the app exports only these)


FORMATS: dict[str, Format] = {
    "pdf": Format(
        "briefgen.render.pdf", ".pdf", name="PDF", file_type="PDF document", use="to print"
    ),
    "docx": Format(
        "briefgen.render.docx",
        ".docx",
        template="Word template",
        name="Word",
        file_type="Word document",
        use="to edit",
    ),
    # The page the PDF is printed from, for checking the text in a browser.
    "html": Format(
        "briefgen.render.html",
        ".html",
        name="HTML",
        file_type="Web page",
        use="to check",
        document=False,
    ),
}


def renderer(format_name: str) -> Renderer:
    """The renderer module for `format_name` ("pdf", "docx" or "html"), imported on first use."""
    if format_name not in FORMATS:
        raise RenderError(f"unknown format '{format_name}'; choose from {', '.join(FORMATS)}")
    module = importlib.import_module(FORMATS[format_name].module)
    renderer_module: Renderer = module  # a module with `render`, checked by the tests
    return renderer_module


def render(
    pack: Pack, corpus: Corpus, format_name: str, options: RenderOptions | None = None
) -> RenderResult:
    return renderer(format_name).render(pack, corpus, options or RenderOptions())


def format_for_path(path: Path) -> str | None:
    """The format a file name's suffix implies (`pack.pdf` -> "pdf"), or None."""
    suffix = path.suffix.lower()
    for name, entry in FORMATS.items():
        if suffix == entry.suffix:
            return name
    return None


def document_formats() -> list[str]:
    """The formats of finished documents (PDF, Word), in the registry's order: what the app
    offers to export."""
    return [name for name, entry in FORMATS.items() if entry.document]


def suffixes(formats: dict[str, Format]) -> str:
    """The file suffixes of `formats` as a message lists them: ".pdf, .docx or .html"."""
    names = [entry.suffix for entry in formats.values()]
    return " or ".join(filter(None, (", ".join(names[:-1]), names[-1])))
