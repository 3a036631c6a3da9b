"""Large print after UKAAF, by restyling the output document (never the reference itself).

18 pt body, headings larger, 16 pt page furniture, left-aligned, no italics anywhere, wider
gutters for paragraph numbers and cover facts, and long quotations free to break across pages.
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT, WD_TAB_ALIGNMENT
from docx.shared import Mm

from briefgen.render.docx import oxml_document

LARGE_PRINT_BODY = 36  # half-points
LARGE_PRINT_SIZES = {
    "Title": 60,
    "Heading 1": 52,
    "TOC Heading": 52,
    "Heading 2": 44,
    "Heading 3": 40,
    "Header": 32,
    "Footer": 32,
    "Marking": 32,
}
LARGE_PRINT_GUTTER = Mm(22)  # room for "3.12" at 18 pt
LARGE_PRINT_FACT_INDENT = Mm(80)
LARGE_PRINT_LOGO_WIDTH = Mm(70)
# Top, bottom and sides, as assets/large-print.css: room for two header lines at 16 pt.
LARGE_PRINT_MARGINS = (Mm(30), Mm(24), Mm(18))
_FURNITURE = ("Header", "Footer", "Marking")  # centred or tabbed by the page furniture


def apply_large_print(document: WordDocument) -> None:
    """Restyle `document` for large print (UKAAF): 18 pt body, larger headings, 16 pt page
    furniture, left-aligned, no italics anywhere; wider gutters for numbers and cover facts;
    the large-print PDF's page margins, so both run to about the same pages."""
    for section in document.sections:
        section.top_margin, section.bottom_margin = LARGE_PRINT_MARGINS[:2]
        section.left_margin = section.right_margin = LARGE_PRINT_MARGINS[2]
        section.header_distance, section.footer_distance = Mm(10), Mm(8)
    for defaults in oxml_document.default_run_properties(document):
        oxml_document.remove_italics(defaults)
        oxml_document.set_font_size(defaults, LARGE_PRINT_BODY)
    for style in document.styles:
        name = style.name or ""
        own = oxml_document.run_properties(style)
        for run_properties in (own, *oxml_document.table_part_run_properties(style)):
            if run_properties is not None:
                oxml_document.remove_italics(run_properties)
        target = LARGE_PRINT_SIZES.get(name, LARGE_PRINT_BODY if name == "Normal" else None)
        if target is not None:
            oxml_document.set_font_size(oxml_document.run_properties(style, add=True), target)
        elif (
            own is not None
            and (oxml_document.font_size(own) or LARGE_PRINT_BODY) < LARGE_PRINT_BODY
        ):
            oxml_document.set_font_size(own, LARGE_PRINT_BODY)
        if style.type == WD_STYLE_TYPE.PARAGRAPH and name not in _FURNITURE:
            style.paragraph_format.alignment = WD_PARAGRAPH_ALIGNMENT.LEFT
    # Long quotations at 18 pt would leave half-empty pages if kept whole: let them break (the
    # label and summary still keep with their first lines), as the large-print PDF does.
    quote = document.styles["Quote"].paragraph_format
    quote.keep_together = quote.keep_with_next = False
    numbered = document.styles["Numbered Paragraph"].paragraph_format
    numbered.left_indent, numbered.first_line_indent = LARGE_PRINT_GUTTER, -LARGE_PRINT_GUTTER
    facts = document.styles["Cover Fact"].paragraph_format
    facts.left_indent, facts.first_line_indent = LARGE_PRINT_FACT_INDENT, -LARGE_PRINT_FACT_INDENT
    for stop in list(facts.tab_stops):
        facts.tab_stops.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
    facts.tab_stops.add_tab_stop(LARGE_PRINT_FACT_INDENT)
