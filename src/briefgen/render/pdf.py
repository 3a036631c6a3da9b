"""The pack as a tagged, accessible PDF (PDF/UA-1), printed by WeasyPrint from the pack's HTML.

The page count and the length check come from the same laid-out `Document` that is written, so
the pack is laid out once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefgen.content.model import Corpus
from briefgen.errors import RenderError
from briefgen.pack.model import Pack
from briefgen.render import RenderOptions, RenderResult
from briefgen.render.fontcheck import unprintable_warning
from briefgen.render.html import base_url, render_html_string
from briefgen.render.length import SectionLength, body_sections, length_warning, quote_count

if TYPE_CHECKING:
    from weasyprint.document import Document

    from briefgen.render.fetcher import AssetFetcher

PDF_VARIANT = "pdf/ua-1"
# PDF/UA-1 implies tagging; saying so keeps the intent visible. Given to layout and to writing.
PDF_OPTIONS: dict[str, Any] = {"pdf_variant": PDF_VARIANT, "pdf_tags": True}


def render(pack: Pack, corpus: Corpus, options: RenderOptions) -> RenderResult:
    """The pack as PDF bytes, its page count and warnings: what to trim if it is over its length
    norm, and any characters its font cannot print."""
    document = layout(render_html_string(pack, corpus))
    try:
        data = document.write_pdf(**PDF_OPTIONS)
    except OSError as error:  # a font or image that vanished mid-build
        raise RenderError(f"cannot write the PDF: {error}; try again") from None
    page_count = len(document.pages)
    # A report's length norm counts its body: the pages after the cover sheet and before the
    # first appendix, which starts a page of its own.
    body = body_sections(pack)
    appendix = pack.sections[len(body)].anchor if len(body) < len(pack.sections) else ""
    body_pages = _page_of(document, appendix) - 1 if appendix else page_count
    lengths = section_lengths(pack, document)[: len(body)]
    warnings = (
        length_warning(pack, lengths, body_pages),
        unprintable_warning(pack),
    )
    return RenderResult(data, page_count, tuple(warning for warning in warnings if warning))


def layout(html_text: str, fetcher: AssetFetcher | None = None) -> Document:
    """Lay out `html_text` as pages; relative URLs resolve in the assets folder."""
    from weasyprint import HTML  # imported here: it takes about 0.6 s

    from briefgen.render.fetcher import AssetFetcher

    source = HTML(string=html_text, base_url=base_url(), url_fetcher=fetcher or AssetFetcher())
    return source.render(**PDF_OPTIONS)


def _page_of(document: Document, anchor: str) -> int:
    """The 0-based page `anchor` is on (the number of pages before it), or the page count."""
    for number, page in enumerate(document.pages):
        if anchor in page.anchors:
            return number
    return len(document.pages)


def section_lengths(pack: Pack, document: Document) -> list[SectionLength]:
    """Each section's length, measured from where its heading sits to where the next section of
    the same or a higher level starts (or the end of the document)."""
    where: dict[str, float] = {}
    for number, page in enumerate(document.pages):
        for anchor, (_, y, *_) in page.anchors.items():
            where.setdefault(anchor, number + y / page.height)
    end = float(len(document.pages))
    lengths = []
    sections = pack.sections
    for index, section in enumerate(sections):
        start = where.get(section.anchor)
        if start is None:
            continue
        stop = end
        quotes = quote_count(section)
        for later in sections[index + 1 :]:
            if later.level <= section.level:
                if later.anchor in where:
                    stop = where[later.anchor]
                    break
                continue
            quotes += quote_count(later)
        lengths.append(SectionLength(section.title, section.level, stop - start, quotes))
    return lengths
