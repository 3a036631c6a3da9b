"""The pack as a tagged, accessible PDF (PDF/UA-1), printed by WeasyPrint from the pack's HTML.

The page count and the length check come from the same laid-out `Document` that is written, so
the pack is laid out once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefgen.content.model import Corpus
from briefgen.errors import RenderError
from briefgen.pack.model import Pack, Quote, Section
from briefgen.render import RenderOptions, RenderResult
from briefgen.render.html import base_url, render_html_string

if TYPE_CHECKING:
    from weasyprint.document import Document

    from briefgen.render.fetcher import AssetFetcher

PDF_VARIANT = "pdf/ua-1"
# PDF/UA-1 implies tagging; saying so keeps the intent visible. Given to layout and to writing.
PDF_OPTIONS: dict[str, Any] = {"pdf_variant": PDF_VARIANT, "pdf_tags": True}
# The length warning names at most this many sections: enough to act on, short enough to read.
MAX_SECTIONS_NAMED = 4


def render(pack: Pack, corpus: Corpus, options: RenderOptions) -> RenderResult:
    """The pack as PDF bytes, its page count and, if it is over its length norm, what to trim."""
    document = layout(render_html_string(pack, corpus))
    try:
        data = document.write_pdf(**PDF_OPTIONS)
    except OSError as error:  # a font or image that vanished mid-build
        raise RenderError(f"cannot write the PDF: {error}; try again") from None
    page_count = len(document.pages)
    warning = length_warning(pack, section_lengths(pack, document), page_count)
    return RenderResult(data, page_count, (warning,) if warning else ())


def layout(html_text: str, fetcher: AssetFetcher | None = None) -> Document:
    """Lay out `html_text` as pages; relative URLs resolve in the assets folder."""
    from weasyprint import HTML  # imported here: it takes about 0.6 s

    from briefgen.render.fetcher import AssetFetcher

    source = HTML(string=html_text, base_url=base_url(), url_fetcher=fetcher or AssetFetcher())
    return source.render(**PDF_OPTIONS)


@dataclass(frozen=True)
class SectionLength:
    """How much of the laid-out document a section takes, in pages (fractions included)."""

    title: str
    level: int
    pages: float
    quotes: int = 0  # quotes in the section and its subsections: what an officer can leave out


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
        quotes = _quote_count(section)
        for later in sections[index + 1 :]:
            if later.level <= section.level:
                if later.anchor in where:
                    stop = where[later.anchor]
                    break
                continue
            quotes += _quote_count(later)
        lengths.append(SectionLength(section.title, section.level, stop - start, quotes))
    return lengths


def length_warning(pack: Pack, lengths: list[SectionLength], page_count: int) -> str:
    """The warning for a pack over its layout's page limit, naming the longest sections to trim
    (themes rather than the heading that groups them); "" if within the limit."""
    limit = pack.page_limit
    # The norm is for standard print; a large-print copy of the same pack is meant to run longer.
    if not limit or pack.large_print or page_count <= limit:
        return ""
    words = pack.wording
    candidates = _trimmable(lengths)
    candidates.sort(key=lambda length: length.pages, reverse=True)
    excess = page_count - limit
    named: list[str] = []
    covered = 0.0
    for candidate in candidates:
        # Nobody cuts a section to nothing: name enough to find half as much again as needed.
        if (covered >= 1.5 * excess and named) or len(named) == MAX_SECTIONS_NAMED:
            break
        pages = max(1, round(candidate.pages))
        count = words["pages_one"] if pages == 1 else words["pages_many"].format(count=pages)
        named.append(words["trim_section"].format(title=candidate.title, pages=count))
        covered += candidate.pages
    warning = words["length_warning"].format(
        document=pack.subtitle.lower(), pages=page_count, limit=limit
    )
    return warning + (words["length_trim"].format(sections=", ".join(named)) if named else "")


def _quote_count(section: Section) -> int:
    return sum(isinstance(block, Quote) for block in section.blocks)


def _trimmable(lengths: list[SectionLength]) -> list[SectionLength]:
    """Top-level sections that quote the sources: the officer trims by leaving items out, and
    the fixed parts of the shape (the contact officer, say) are not theirs to cut. A section
    whose content is all in subsections (the member briefing's "What the documents say") is
    replaced by those subsections."""
    chosen = []
    for index, length in enumerate(lengths):
        children = []
        for later in lengths[index + 1 :]:
            if later.level <= length.level:
                break
            if later.level == length.level + 1:
                children.append(later)
        if length.level == 1 and children and length.pages - sum(c.pages for c in children) < 0.5:
            chosen.extend(children)
        elif length.level == 1:
            chosen.append(length)
    quoted = [length for length in chosen if length.quotes]
    # Half a page or more is worth naming; if no section is that long, the longest still are.
    return [length for length in quoted if length.pages >= 0.5] or quoted
