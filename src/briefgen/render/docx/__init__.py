"""The pack as a Word document to edit: named styles, a contents field, the council's own template.

Every python-docx call in briefgen lives in this package, one module per job: `template` opens
the reference or a council's template (`package` reads an outside file safely) and completes its
styles; `body` adds the cover and the sections' blocks; `fields` the contents and page numbers;
`numbering` the lists; `furniture` the header, footer and marking; `largeprint` restyles for
large print; `properties` sets the language and the file's properties. `oxml`, `oxml_lists` and
`oxml_document` build what python-docx has no API for. Nothing from python-docx reaches the pack
model; the renderer walks `pack.sections` in order, as the PDF does, so both carry the same
sections, items and citations.
"""

from __future__ import annotations

import io

from docx.document import Document as WordDocument

from briefgen import draftmarks
from briefgen.content.model import Corpus
from briefgen.draftmarks import MarkedQuote
from briefgen.pack.model import Pack
from briefgen.render import RenderOptions, RenderResult
from briefgen.render.docx import oxml_document
from briefgen.render.docx.body import add_blocks, add_cover, add_heading
from briefgen.render.docx.fields import add_contents, set_contents_close
from briefgen.render.docx.furniture import add_page_furniture
from briefgen.render.docx.largeprint import apply_large_print
from briefgen.render.docx.pagefit import contents_fit
from briefgen.render.docx.properties import set_language, set_properties
from briefgen.render.docx.template import OWN_STYLES, REQUIRED_STYLES, open_styled
from briefgen.render.docx.writer import Writer
from briefgen.render.length import body_sections, estimate, length_warning, starts_appendix

__all__ = ["OWN_STYLES", "REQUIRED_STYLES", "render"]


def render(pack: Pack, corpus: Corpus, options: RenderOptions) -> RenderResult:
    """The pack as .docx bytes, in the reference's styles or `options.template`'s."""
    document, styles, warnings = open_styled(options.template)
    if pack.large_print:
        apply_large_print(document)
    writer = Writer(document, styles, pack)
    writer.warnings.extend(warnings)
    on_cover = write_pack(writer, pack)
    pack = pack._replace(contents_on_cover=on_cover)  # as written, for the estimate
    # Word lays out the pages when the file is opened, so the length check works from an
    # estimate in the PDF's geometry: the same norm, the same sections named to trim.
    pages, _ = estimate(pack, word=True)
    # A report's norm counts its body, after the cover sheet and before the appendices.
    body = body_sections(pack)
    body_pages, lengths = estimate(pack._replace(sections=body), word=True)
    if len(body) < len(pack.sections):
        body_pages -= 1
    length = length_warning(pack, lengths, body_pages, estimated=True)
    if length:
        writer.warnings.append(length)
    set_language(document, pack.language)
    oxml_document.request_field_update(document)
    set_properties(document, pack)
    list_quotations(document, writer.quotations, corpus)
    buffer = io.BytesIO()
    document.save(buffer)
    return RenderResult(buffer.getvalue(), None, tuple(writer.warnings), estimated_pages=pages)


def list_quotations(document: WordDocument, quotes: list[MarkedQuote], corpus: Corpus) -> None:
    """The list of the quotations marked in the body, with each one's source, as a custom XML
    part (`briefgen verify` reads it back; docs/decisions/0100)."""
    listed = [
        quote._replace(source_id=corpus.item(quote.item_id).source)
        if corpus.has_item(quote.item_id)
        else quote
        for quote in quotes
    ]
    oxml_document.replace_custom_xml(
        document,
        draftmarks.manifest_xml(listed),
        draftmarks.NAMESPACE,
        draftmarks.DATASTORE_ID,
        is_ours=draftmarks.is_manifest,
    )


def write_pack(writer: Writer, pack: Pack) -> bool:
    """Page furniture, cover, contents and sections, in the pack's order; whether the contents
    went on the cover sheet."""
    add_page_furniture(writer, pack)
    add_cover(writer, pack)
    bookmarks = [writer.next_bookmark() for _ in pack.sections]
    entries = [
        (section.level, section.number, section.title, bookmark)
        for section, bookmark in zip(pack.sections, bookmarks, strict=True)
        if section.in_contents
    ]
    # The contents list the headings the pack lists, after Word refreshes them too. On a
    # committee report's cover sheet only where they fit: LibreOffice would leave the heading
    # there alone (decision 0208).
    heading = pack.wording["contents"]
    first = pack.sections[0].title if pack.sections else ""
    if pack.contents_on_cover and not pack.large_print:
        set_contents_close(writer)
    on_cover = pack.contents_on_cover and contents_fit(writer, heading, entries, first)
    add_contents(writer, heading, entries, pack.contents_levels, new_page=not on_cover)
    # The evidence pack's contents have a page to themselves, as in the PDF.
    break_before = pack.spec.layout == "evidence-pack"
    for section, bookmark in zip(pack.sections, bookmarks, strict=True):
        # Each appendix starts a page of its own, as in the PDF.
        break_before = break_before or starts_appendix(section)
        add_heading(writer, section, bookmark, page_break_before=break_before)
        break_before = False
        add_blocks(writer, section.blocks)
    return on_cover
