"""How a Word pack marks the quotations briefgen put in it, so `briefgen verify` can find them.

Shared by the Word writer (which marks) and `briefgen.verify` (which reads the marks back after
an officer has edited the draft). Each quotation's paragraphs are a bookmark named
`briefgen_quote_N` and its citation paragraph a bookmark `briefgen_source_N`; a custom XML part
lists every quotation with its item, source, words and citation as written. Both survive Word
and LibreOffice opening and saving the file (docs/decisions/0100).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from lxml import etree

NAMESPACE = "urn:briefgen:draft-quotations:1"
# The custom XML part's data-store id: fixed, so a pack built twice is the same file.
DATASTORE_ID = "{4F1B0E38-7C55-5D33-9A0C-0B7E1F6D2A17}"
QUOTE_BOOKMARK = "briefgen_quote_"
CITATION_BOOKMARK = "briefgen_source_"

_ROOT, _QUOTATION = f"{{{NAMESPACE}}}quotations", f"{{{NAMESPACE}}}quotation"
_TEXT, _CITATION = f"{{{NAMESPACE}}}text", f"{{{NAMESPACE}}}citation"
# The part is data from a file someone else may have edited: no DTDs, entities or network.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class MarkedQuote(NamedTuple):
    """One quotation as the Word writer put it in the draft."""

    number: int  # N in its bookmarks' names, 1 upwards in reading order
    item_id: str
    source_id: str
    text: str  # the item's words as written
    citation: str  # the citation paragraph as written ("Source: LGA, ..., para 3")
    paragraph: str = ""  # its paragraph number when built ("5.3"), if the pack numbers them
    section: str = ""  # the heading it was under when built


def quote_bookmark(number: int) -> str:
    return f"{QUOTE_BOOKMARK}{number}"


def citation_bookmark(number: int) -> str:
    return f"{CITATION_BOOKMARK}{number}"


def manifest_xml(quotes: Sequence[MarkedQuote]) -> bytes:
    """The custom XML part listing `quotes`."""
    root = etree.Element(_ROOT, nsmap={None: NAMESPACE})  # type: ignore[dict-item]  # lxml stubs
    for quote in quotes:
        element = etree.SubElement(
            root,
            _QUOTATION,
            {
                "n": str(quote.number),
                "item": quote.item_id,
                "source": quote.source_id,
                "paragraph": quote.paragraph,
                "section": quote.section,
            },
        )
        etree.SubElement(element, _TEXT).text = quote.text
        etree.SubElement(element, _CITATION).text = quote.citation
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def is_manifest(data: bytes) -> bool:
    """Whether the custom XML part `data` is briefgen's list of quotations."""
    root = _parse(data)
    return root is not None and root.tag == _ROOT


def parse_manifest(data: bytes) -> list[MarkedQuote] | None:
    """The quotations the part `data` lists, or None if it is not briefgen's list (or is
    damaged past reading)."""
    root = _parse(data)
    if root is None or root.tag != _ROOT:
        return None
    quotes = []
    for element in root.iter(_QUOTATION):
        number = element.get("n", "")
        if not number.isdigit():
            continue
        quotes.append(
            MarkedQuote(
                number=int(number),
                item_id=element.get("item", ""),
                source_id=element.get("source", ""),
                text=element.findtext(_TEXT) or "",
                citation=element.findtext(_CITATION) or "",
                paragraph=element.get("paragraph", ""),
                section=element.get("section", ""),
            )
        )
    return quotes


def _parse(data: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        return None
