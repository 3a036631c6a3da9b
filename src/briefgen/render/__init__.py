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


class Renderer(Protocol):
    def render(self, pack: Pack, corpus: Corpus, options: RenderOptions) -> RenderResult: ...


FORMATS: dict[str, tuple[str, str]] = {
    # name: (module, file suffix)
    "pdf": ("briefgen.render.pdf", ".pdf"),
    "docx": ("briefgen.render.docx", ".docx"),
    "html": ("briefgen.render.html", ".html"),
}


def renderer(format_name: str) -> Renderer:
    """The renderer module for `format_name` ("pdf", "docx" or "html"), imported on first use."""
    if format_name not in FORMATS:
        raise RenderError(f"unknown format '{format_name}'; choose from {', '.join(FORMATS)}")
    module = importlib.import_module(FORMATS[format_name][0])
    return module  # type: ignore[return-value]


def render(
    pack: Pack, corpus: Corpus, format_name: str, options: RenderOptions | None = None
) -> RenderResult:
    return renderer(format_name).render(pack, corpus, options or RenderOptions())


def format_for_path(path: Path) -> str | None:
    """The format a file name's suffix implies (`pack.pdf` -> "pdf"), or None."""
    suffix = path.suffix.lower()
    for name, (_, format_suffix) in FORMATS.items():
        if suffix == format_suffix:
            return name
    return None
