"""The Word XML the package builds below python-docx's objects for its paragraphs, runs,
fields and tables, and why (`oxml_lists` has the lists', `oxml_document` the styles', defaults'
and settings').

python-docx 1.2 has no API for complex fields (the contents, page numbers), bookmarks and links
to them, or a table's width and indent or its rows' properties: those are made here with
`OxmlElement` and `qn`, in schema order. The elements every paragraph and run has are made
here too, with lxml, because python-docx's own `add_paragraph`, `add_run` and `style` took
ten times the whole build (docs/decisions/0040).
"""

from __future__ import annotations

import copy
import re
from typing import Any

from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

# Children of w:tblPr that must follow w:tblInd.
_AFTER_TABLE_INDENT = tuple(
    "w:tblBorders w:shd w:tblLayout w:tblCellMar w:tblLook w:tblCaption w:tblDescription "
    "w:tblPrChange".split()
)


def element_of(block: Paragraph | Table | _Row) -> Any:
    """The XML element behind a python-docx paragraph, table or table row.

    python-docx makes it public on runs, styles and parts (`.element`) but keeps it in
    `_element` on these; this is the one place that reads it."""
    return block._element


def twips(length: int) -> str:
    """`length` (EMU) in twentieths of a point, as Word's attributes hold it."""
    return str(Emu(length).twips)


# --- Paragraphs and runs, in bulk --------------------------------------------------------------
# python-docx's own element makers (`OxmlElement`, `get_or_add_*`) take 10 to 50 µs an element,
# most of it finding where a child goes among up to 39 possible siblings: written through
# `add_paragraph`, `add_run` and `Paragraph.style`, the all-themes evidence pack's 15,000
# paragraph, run and text elements took about 0.5 s against 0.03 s for the whole build before.
# These build the few elements every paragraph and run has, in their fixed order, with lxml
# (about 1 µs each), and hand back python-docx's own `Paragraph` and `Run`.

_P, _PPR, _PSTYLE, _IND = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:ind")
_R, _RPR, _RSTYLE = qn("w:r"), qn("w:rPr"), qn("w:rStyle")
_T, _TAB, _BR, _VAL, _SPACE = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:val"), qn("xml:space")
_LEFT, _HANGING, _FIRST_LINE = qn("w:left"), qn("w:hanging"), qn("w:firstLine")
_BOOKMARK_START, _BOOKMARK_END = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
_ID, _NAME = qn("w:id"), qn("w:name")
# Children of w:pPr that must follow w:ind.
_AFTER_INDENT = frozenset(
    qn(tag)
    for tag in "w:contextualSpacing w:mirrorIndents w:suppressOverlap w:jc w:textDirection "
    "w:textAlignment w:textboxTightWrap w:outlineLvl w:divId w:cnfStyle w:rPr w:sectPr "
    "w:pPrChange".split()
)
_PIECES = re.compile(r"(\t|\r\n|\n|\r)")
_HAS_PIECES = re.compile(r"[\t\r\n]")
# Characters XML 1.0 cannot hold; dropped from text (nothing a reader could see is lost).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str) -> str:
    """`value` without the characters XML cannot hold."""
    return _NOT_XML.sub("", value)


class Maker:
    """Makes the paragraphs and runs of one document, copying a first one made per style
    (a copy of an element and its properties is one call into lxml, not three; lxml's
    `copy.copy` of an element copies its children too)."""

    def __init__(self, document: WordDocument) -> None:
        self._document = document
        self._end = document.element.body.sectPr  # new paragraphs go before it
        self._made: dict[tuple[str, str], Any] = {}

    def body_paragraph(self, style_id: str | None) -> Paragraph:
        """A new paragraph at the end of the body in the style whose id is `style_id` (None:
        the default style)."""
        if style_id is None:
            element = self._document.element.body.makeelement(_P, {})
        else:
            element = copy.copy(self._styled(_P, _PPR, _PSTYLE, style_id))
        if self._end is not None:
            self._end.addprevious(element)
        else:
            self._document.element.body.append(element)
        return Paragraph(element, self._document)

    def run(self, paragraph: Paragraph, text: str, style_id: str | None = None) -> Run:
        """A run of `text` at the end of `paragraph`, in the character style `style_id` if
        given; tabs and line breaks become Word's, characters XML cannot hold are dropped."""
        parent = element_of(paragraph)
        if style_id is None:
            run = etree.SubElement(parent, _R)
        else:
            run = copy.copy(self._styled(_R, _RPR, _RSTYLE, style_id))
            parent.append(run)
        text = xml_text(text)
        for piece in _PIECES.split(text) if _HAS_PIECES.search(text) else (text,):
            if piece == "\t":
                etree.SubElement(run, _TAB)
            elif piece in ("\n", "\r", "\r\n"):
                etree.SubElement(run, _BR)
            elif piece:
                words = etree.SubElement(run, _T)
                words.text = piece
                if piece[0].isspace() or piece[-1].isspace():
                    words.set(_SPACE, "preserve")
        return Run(run, paragraph)  # type: ignore[arg-type]  # lxml's stubs know no CT_R

    def indent(self, paragraph: Paragraph, left: int, first_line: int = 0) -> None:
        """`left` indent (EMU) for `paragraph`; a negative `first_line` hangs its first line."""
        properties = _paragraph_properties(element_of(paragraph))
        for old in properties.findall(_IND):
            properties.remove(old)
        key = (_IND, f"{left} {first_line}")
        if key not in self._made:
            attributes = {_LEFT: twips(left)}
            if first_line:
                attributes[_HANGING if first_line < 0 else _FIRST_LINE] = twips(abs(first_line))
            self._made[key] = properties.makeelement(_IND, attributes)
        indent = copy.copy(self._made[key])
        # The paragraph's few properties are searched directly: python-docx's general search
        # tries each possible follower in turn (the indent's are many).
        follower = next((child for child in properties if child.tag in _AFTER_INDENT), None)
        if follower is not None:
            follower.addprevious(indent)
        else:
            properties.append(indent)

    def _styled(self, tag: str, properties: str, style: str, style_id: str) -> Any:
        """`<tag><properties><style val=style_id/></properties></tag>`, made once."""
        key = (tag, style_id)
        if key not in self._made:
            element = self._document.element.makeelement(tag, {})
            etree.SubElement(etree.SubElement(element, properties), style, {_VAL: style_id})
            self._made[key] = element
        return self._made[key]


def set_paragraph_style(paragraph: Paragraph, style_id: str | None) -> None:
    """Put an existing `paragraph` in the style whose id is `style_id` (None: leave it).

    `Paragraph.style = style` does the same but first compares the style with every style of
    the document, twice."""
    if style_id is None:
        return
    properties = _paragraph_properties(element_of(paragraph))
    for old in properties.findall(_PSTYLE):
        properties.remove(old)
    properties.insert(0, properties.makeelement(_PSTYLE, {_VAL: style_id}))


def _paragraph_properties(element: Any) -> Any:
    properties = element.find(_PPR)
    if properties is None:
        properties = element.makeelement(_PPR, {})
        element.insert(0, properties)
    return properties


# --- Fields, bookmarks, links ------------------------------------------------------------------


def add_field_start(paragraph: Paragraph, instruction: str) -> None:
    """Open a complex field at the end of `paragraph`: the runs added after it, up to
    `add_field_end`, are what a reader sees until Word updates the field."""
    _add_field_char(paragraph, "begin")
    code = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    code.text = f" {instruction} "
    paragraph.add_run().element.append(code)
    _add_field_char(paragraph, "separate")


def add_field_end(paragraph: Paragraph) -> None:
    _add_field_char(paragraph, "end")


def _add_field_char(paragraph: Paragraph, kind: str) -> None:
    paragraph.add_run().element.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))


def add_bookmark(
    paragraph: Paragraph, name: str, bookmark_id: str, last: Paragraph | None = None
) -> None:
    """Mark the runs of `paragraph` (to the end of `last`, if given) as the bookmark `name`: a
    contents entry's target, or a quotation `briefgen verify` looks for."""
    # Made with lxml, as paragraphs are: every quotation has two bookmarks, and
    # `OxmlElement` and `CT_P.pPr` made them a third of the Word build (decision 0100).
    element = element_of(paragraph)
    start = element.makeelement(_BOOKMARK_START, {_ID: bookmark_id, _NAME: name})
    if len(element) and element[0].tag == _PPR:
        element[0].addnext(start)
    else:
        element.insert(0, start)
    end = element if last is None else element_of(last)
    end.append(end.makeelement(_BOOKMARK_END, {_ID: bookmark_id}))


def link_to_bookmark(run: Run, bookmark: str) -> None:
    """Make `run` a link to the bookmark `bookmark` in the same document."""
    link = OxmlElement("w:hyperlink", {qn("w:anchor"): bookmark, qn("w:history"): "1"})
    run.element.addprevious(link)
    link.append(run.element)


def describe_picture(run: Run, description: str) -> None:
    """The alternative text of the picture in `run`, for screen readers."""
    for properties in run.element.xpath("./w:drawing/wp:inline/wp:docPr"):
        properties.set("descr", description)


# --- Tables ------------------------------------------------------------------------------------


def set_table_width(table: Table, width: int, indent: int) -> None:
    """A fixed `width` and left `indent` (EMU) for `table`, in twips as Word stores them."""
    properties = element_of(table).tblPr
    table_width = properties.find(qn("w:tblW"))
    table_width.set(qn("w:type"), "dxa")
    table_width.set(qn("w:w"), twips(width))
    if indent:
        indentation = OxmlElement("w:tblInd", {qn("w:w"): twips(indent), qn("w:type"): "dxa"})
        properties.insert_element_before(indentation, *_AFTER_TABLE_INDENT)


def keep_row_whole(row: _Row, repeat_as_header: bool = False) -> None:
    """Never split `row` across pages; repeat it at the top of each page if a header row."""
    properties = element_of(row).get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if repeat_as_header:
        properties.append(OxmlElement("w:tblHeader"))


def fit_row_cells(row: _Row, widths: list[int]) -> list[Paragraph]:
    """Give the cells of `row` the column `widths` (EMU); the first paragraph of each cell.

    `_Row.cells` works out the whole table's grid on every call and `_Cell.width` searches the
    cell's properties: a third of a member briefing's build, for its two small tables."""
    paragraphs = []
    for cell, width in zip(element_of(row).tc_lst, widths, strict=False):
        cell.tcPr.find(qn("w:tcW")).set(qn("w:w"), twips(width))  # python-docx made it, in dxa
        paragraphs.append(Paragraph(cell.p_lst[0], row.table))
    return paragraphs


# --- Clearing a template's content -------------------------------------------------------------


def clear_body(document: WordDocument) -> None:
    """Remove the body's content, keeping its page set-up (the body's last `w:sectPr`)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def clear_story(story_element: BaseOxmlElement) -> None:
    """Remove every paragraph and table of a header or footer part's root element."""
    for child in list(story_element):
        story_element.remove(child)
