"""Generate `src/briefgen/data/assets/reference.docx` (the Word styles) and `…/logo.png` (Word).

    .venv/bin/python scripts/make_reference_docx.py

The Word renderer (`src/briefgen/render/docx/`) opens `reference.docx`, clears its body and writes
the pack with the named styles defined here, so this script is the one place the Word house
style is decided; both files are committed, and the build never runs this script. Re-run it after
changing a style below, then look at a built pack (LibreOffice: `--convert-to pdf`).

What the reference holds, and why:
- Word's own style names where Word has one (Title, Subtitle, Heading 1-3, Quote, List Bullet,
  List Number, Caption, TOC Heading, toc 1-3, header, footer), so the navigation pane, the
  contents field and a council's habits all work; briefgen's own styles (Citation, Placeholder,
  Item Label, Briefing Headline, Numbered Paragraph, ...) for what Word has no name for.
- The font is set once, in the document defaults (Arial, 11 pt; 9 pt the smallest text); no
  style names a font, so a style copied into a council's template takes that template's font.
- A4, 20 mm side margins; UK English in the defaults, the settings and the core properties.
- One accent colour (#1D4E89, as the PDF), no italics anywhere (quotes are set off by a rule).
- `logo.png` is `logo.svg` drawn at 4x by Qt's SVG renderer (Word cannot show an SVG without a
  raster copy). Replace both when a council swaps in its own logo.
"""

from __future__ import annotations

import copy
import io
import os
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn

ASSETS = Path(__file__).resolve().parents[1] / "src" / "briefgen" / "data" / "assets"

TEXT = "0B0C0C"
MUTED = "484F53"
ACCENT = "1D4E89"
ACCENT_LIGHT = "C8D6E8"
RULE = "B1B4B6"
PLACEHOLDER_FILL = "FFF4D6"

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
# The file's extended properties: python-docx's sample names a Mac Word of 2010 and a stale count
# of pages and words; Word recomputes these when it saves.
APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Application>briefgen</Application>"
    "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# A4 and margins, in twentieths of a point (1 mm = 56.7).
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_SIDE = 1418, 1247, 1134  # 25, 22, 20 mm
HEADER_DISTANCE, FOOTER_DISTANCE = 624, 567  # 11, 10 mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE  # 170 mm
NUMBER_GUTTER = 680  # 12 mm: committee-report numbers hang here, as in the PDF


def style(
    kind: str,
    style_id: str,
    name: str,
    *,
    based_on: str | None = "Normal",
    next_style: str | None = None,
    ppr: str = "",
    rpr: str = "",
    extra: str = "",
    priority: int = 50,
    quick: bool = True,
    default: bool = False,
) -> str:
    """One `w:style` element; `ppr` and `rpr` are the children of its pPr and rPr."""
    default_attr = ' w:default="1"' if default else ""
    parts = [
        f'<w:style w:type="{kind}"{default_attr} w:styleId="{style_id}">',
        f'<w:name w:val="{name}"/>',
    ]
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_style:
        parts.append(f'<w:next w:val="{next_style}"/>')
    parts.append(f'<w:uiPriority w:val="{priority}"/>')
    if quick:
        parts.append("<w:qFormat/>")
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(f"<w:rPr>{rpr}</w:rPr>")
    parts.append(extra)
    parts.append("</w:style>")
    return "".join(parts)


def size(points: float) -> str:
    half_points = round(points * 2)
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def colour(value: str) -> str:
    return f'<w:color w:val="{value}"/>'


def spacing(before: int = 0, after: int = 0, line: int | None = None) -> str:
    line_attrs = f' w:line="{line}" w:lineRule="auto"' if line else ""
    return f'<w:spacing w:before="{before}" w:after="{after}"{line_attrs}/>'


def border(side: str, kind: str, eighths: int, space: int, value: str) -> str:
    return f'<w:{side} w:val="{kind}" w:sz="{eighths}" w:space="{space}" w:color="{value}"/>'


BOLD = "<w:b/><w:bCs/>"
KEEP = "<w:keepNext/><w:keepLines/>"
# The contents stay in one piece, on the cover sheet or after it, as the PDF's: each entry keeps
# with the next (the last with the heading after the contents). In the style, so Word's refresh
# of the field, which rewrites the entries, keeps it.
TOC_KEEP = "<w:keepNext/>"


def styles_xml(latent_styles: str) -> str:
    heading_rule = border("top", "single", 6, 8, ACCENT_LIGHT)
    placeholder_box = "".join(
        (
            border("top", "dashed", 10, 4, TEXT),
            border("left", "single", 40, 6, TEXT),
            border("bottom", "dashed", 10, 4, TEXT),
            border("right", "dashed", 10, 4, TEXT),
            # Consecutive placeholders share one box (Word groups paragraphs with the same
            # borders): a dashed line between keeps each item apart.
            border("between", "dashed", 10, 4, TEXT),
        )
    )
    # The heavy rule over the facts is a style of its own for the first line: Word groups
    # paragraphs with the same borders and LibreOffice does not, so one style with a top border
    # would rule every line in LibreOffice.
    facts_rules = "".join(
        (
            border("bottom", "single", 4, 4, RULE),
            border("between", "single", 4, 4, RULE),
        )
    )
    header_tabs = (
        f'<w:tabs><w:tab w:val="center" w:pos="{TEXT_WIDTH // 2}"/>'
        f'<w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>'
    )
    toc_tabs = (
        f'<w:tabs><w:tab w:val="left" w:pos="{{pos}}"/>'
        f'<w:tab w:val="right" w:leader="dot" w:pos="{TEXT_WIDTH}"/></w:tabs>'
    )
    table_style = (
        '<w:style w:type="table" w:styleId="BriefingTable">'
        '<w:name w:val="Briefing Table"/><w:basedOn w:val="TableNormal"/>'
        '<w:uiPriority w:val="40"/><w:qFormat/>'
        f"<w:pPr>{spacing(0, 0, 264)}</w:pPr>"
        f"<w:rPr>{size(10)}</w:rPr>"
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>'
        + border("top", "single", 4, 0, RULE)
        + border("bottom", "single", 4, 0, RULE)
        + border("insideH", "single", 4, 0, RULE)
        + '</w:tblBorders><w:tblCellMar><w:top w:w="85" w:type="dxa"/>'
        '<w:left w:w="85" w:type="dxa"/><w:bottom w:w="85" w:type="dxa"/>'
        '<w:right w:w="113" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
        "<w:trPr><w:tblHeader/></w:trPr><w:tcPr><w:tcBorders>"
        + border("bottom", "single", 12, 0, ACCENT)
        + "</w:tcBorders></w:tcPr></w:tblStylePr>"
        '<w:tblStylePr w:type="firstCol"><w:rPr><w:b/><w:bCs/></w:rPr></w:tblStylePr>'
        "</w:style>"
    )
    definitions = [
        # Defaults Word expects in every styles part.
        style("paragraph", "Normal", "Normal", based_on=None, priority=0, default=True),
        style(
            "character",
            "DefaultParagraphFont",
            "Default Paragraph Font",
            based_on=None,
            priority=1,
            quick=False,
            default=True,
        ),
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>",
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList">'
        '<w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>",
        # The cover.
        style(
            "paragraph",
            "Title",
            "Title",
            next_style="Normal",
            priority=10,
            ppr=KEEP + spacing(0, 200, 240),
            rpr=BOLD + colour(TEXT) + size(25),
        ),
        style(
            "paragraph",
            "Subtitle",
            "Subtitle",
            next_style="Normal",
            priority=11,
            ppr="<w:keepNext/>" + spacing(0, 80),
            rpr=BOLD + "<w:caps/>" + colour(ACCENT) + '<w:spacing w:val="16"/>' + size(11),
        ),
        style(
            "paragraph",
            "CoverMeeting",
            "Cover Meeting",
            next_style="Normal",
            ppr=spacing(0, 800, 276),
            rpr=size(14),
        ),
        style(
            "paragraph",
            "CoverFact",
            "Cover Fact",
            ppr=f'<w:pBdr>{facts_rules}</w:pBdr><w:tabs><w:tab w:val="left" w:pos="2835"/>'
            "</w:tabs>" + spacing(80, 80) + '<w:ind w:left="2835" w:hanging="2835"/>',
        ),
        style(
            "paragraph",
            "CoverFactFirst",
            "Cover Fact First",
            based_on="CoverFact",
            ppr=f"<w:pBdr>{border('top', 'single', 16, 4, ACCENT)}{facts_rules}</w:pBdr>",
        ),
        style("paragraph", "Logo", "Logo", next_style="Normal", ppr=spacing(0, 1200)),
        # Headings: real outline levels, so the navigation pane and the contents field work.
        style(
            "paragraph",
            "Heading1",
            "heading 1",
            next_style="Normal",
            priority=9,
            ppr=KEEP
            + f"<w:pBdr>{heading_rule}</w:pBdr>"
            + spacing(480, 160, 240)
            + '<w:outlineLvl w:val="0"/>',
            rpr=BOLD + colour(ACCENT) + size(16),
        ),
        style(
            "paragraph",
            "Heading2",
            "heading 2",
            next_style="Normal",
            priority=9,
            ppr=KEEP + spacing(320, 120, 240) + '<w:outlineLvl w:val="1"/>',
            rpr=BOLD + colour(TEXT) + size(13.5),
        ),
        style(
            "paragraph",
            "Heading3",
            "heading 3",
            next_style="Normal",
            priority=9,
            ppr=KEEP + spacing(240, 80, 240) + '<w:outlineLvl w:val="2"/>',
            rpr=BOLD + colour(TEXT) + size(12),
        ),
        style(
            "paragraph",
            "TOCHeading",
            "TOC Heading",
            based_on="Heading1",
            next_style="Normal",
            priority=39,
            ppr='<w:pBdr><w:top w:val="nil"/></w:pBdr>'
            + spacing(0, 160, 240)
            + '<w:outlineLvl w:val="9"/>',
        ),
        style(
            "paragraph",
            "TOC1",
            "toc 1",
            next_style="Normal",
            priority=39,
            quick=False,
            ppr=TOC_KEEP + toc_tabs.format(pos=510) + spacing(100, 40),
            rpr=BOLD,
        ),
        style(
            "paragraph",
            "TOC2",
            "toc 2",
            next_style="Normal",
            priority=39,
            quick=False,
            ppr=TOC_KEEP + toc_tabs.format(pos=1020) + spacing(20, 20) + '<w:ind w:left="510"/>',
        ),
        style(
            "paragraph",
            "TOC3",
            "toc 3",
            next_style="Normal",
            priority=39,
            quick=False,
            ppr=TOC_KEEP + toc_tabs.format(pos=1360) + spacing(0, 20) + '<w:ind w:left="850"/>',
        ),
        # Body text and lists.
        style(
            "paragraph",
            "NumberedParagraph",
            "Numbered Paragraph",
            ppr=f'<w:ind w:left="{NUMBER_GUTTER}" w:hanging="{NUMBER_GUTTER}"/>',
        ),
        style(
            "paragraph",
            "ListBullet",
            "List Bullet",
            priority=36,
            ppr='<w:numPr><w:numId w:val="1"/></w:numPr>' + spacing(0, 80),
        ),
        style(
            "paragraph",
            "ListNumber",
            "List Number",
            priority=36,
            ppr='<w:numPr><w:numId w:val="2"/></w:numPr>' + spacing(0, 80),
        ),
        style(
            "paragraph",
            "BriefingNote",
            "Briefing Note",
            ppr=spacing(0, 160),
            rpr=colour(MUTED) + size(9.5),
        ),
        # A quoted item: kind, briefgen's labelled summary, the exact words, the citation.
        style(
            "paragraph",
            "ItemLabel",
            "Item Label",
            next_style="BriefingHeadline",
            ppr=KEEP + spacing(200, 60),
        ),
        style(
            "paragraph",
            "BriefingHeadline",
            "Briefing Headline",
            next_style="Quote",
            ppr=KEEP + spacing(200, 100),
            rpr=BOLD,
        ),
        style(
            "paragraph",
            "Quote",
            "Quote",
            next_style="Citation",
            priority=29,
            ppr="<w:keepNext/><w:keepLines/>"
            + f"<w:pBdr>{border('left', 'single', 20, 9, ACCENT)}</w:pBdr>"
            + spacing(0, 80)
            + '<w:ind w:left="238"/>',
        ),
        style(
            "paragraph",
            "Citation",
            "Citation",
            next_style="Normal",
            ppr=spacing(0, 80) + '<w:ind w:left="238"/>',
            rpr=colour(MUTED) + size(9.5),
        ),
        # Text the officer must complete: a dashed box, a heavy left rule, a label and a fill.
        style(
            "paragraph",
            "Placeholder",
            "Placeholder",
            next_style="Normal",
            ppr="<w:keepLines/>"
            + f"<w:pBdr>{placeholder_box}</w:pBdr>"
            + f'<w:shd w:val="clear" w:color="auto" w:fill="{PLACEHOLDER_FILL}"/>'
            + spacing(120, 240)
            + '<w:ind w:left="200" w:right="120"/>',
        ),
        # Tables.
        style(
            "paragraph",
            "Caption",
            "caption",
            next_style="Normal",
            priority=35,
            ppr="<w:keepNext/>" + spacing(160, 80),
            rpr=BOLD + colour(MUTED) + size(10),
        ),
        style("paragraph", "TableText", "Table Text", ppr=spacing(0, 0, 264), rpr=size(10)),
        style(
            "paragraph",
            "TableHeading",
            "Table Heading",
            based_on="TableText",
            ppr="<w:keepNext/>",
            rpr=BOLD,
        ),
        table_style,
        # Page furniture.
        style(
            "paragraph",
            "Header",
            "header",
            priority=99,
            quick=False,
            ppr=header_tabs + spacing(0, 0, 240),
            rpr=colour(MUTED) + size(9),
        ),
        style(
            "paragraph",
            "Footer",
            "footer",
            priority=99,
            quick=False,
            ppr=header_tabs + spacing(0, 0, 240),
            rpr=colour(MUTED) + size(9),
        ),
        style(
            "paragraph",
            "Marking",
            "Marking",
            based_on="Header",
            ppr=spacing(0, 40, 240) + '<w:jc w:val="center"/>',
            rpr=BOLD + colour(TEXT) + '<w:spacing w:val="10"/>' + size(9),
        ),
        # Character styles: a bold lead-in ("Source:", "In brief") and a quiet note.
        style("character", "Label", "Label", based_on="DefaultParagraphFont", rpr=BOLD),
        style(
            "character",
            "Note",
            "Note",
            based_on="DefaultParagraphFont",
            rpr='<w:b w:val="0"/><w:bCs w:val="0"/>' + colour(MUTED) + size(9),
        ),
        style(
            "character",
            "KindLabel",
            "Kind Label",
            based_on="DefaultParagraphFont",
            rpr=BOLD + "<w:caps/>" + colour(ACCENT) + '<w:spacing w:val="8"/>' + size(9),
        ),
        style(
            "character",
            "ParagraphNumber",
            "Paragraph Number",
            based_on="DefaultParagraphFont",
            rpr='<w:b w:val="0"/><w:bCs w:val="0"/><w:caps w:val="0"/>'
            + colour(MUTED)
            + '<w:spacing w:val="0"/>'
            + size(11),
        ),
        style(
            "character",
            "PlaceholderLabel",
            "Placeholder Label",
            based_on="DefaultParagraphFont",
            rpr=BOLD + "<w:caps/>" + '<w:spacing w:val="8"/>',
        ),
    ]
    doc_defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>'
        + colour(TEXT)
        + size(11)
        + '<w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/>"
        + spacing(0, 140, 312)
        + "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    return (
        f'<w:styles xmlns:w="{W_NS}">'
        + doc_defaults
        + latent_styles
        + "".join(definitions)
        + "</w:styles>"
    )


def numbering_xml() -> str:
    """A bullet and a decimal list, each tied to its list style."""

    def abstract(number: int, fmt: str, text: str, style_id: str, rpr: str = "") -> str:
        return (
            f'<w:abstractNum w:abstractNumId="{number}">'
            f'<w:nsid w:val="1B0E{number:04X}"/><w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:pStyle w:val="{style_id}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="397" w:hanging="397"/></w:pPr>'
            f"{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}</w:lvl></w:abstractNum>"
        )

    return (
        f'<w:numbering xmlns:w="{W_NS}">'
        + abstract(0, "bullet", "\u2022", "ListBullet", colour(ACCENT))
        + abstract(1, "decimal", "%1.", "ListNumber")
        + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        "</w:numbering>"
    )


def make_reference() -> bytes:
    document = Document()  # python-docx's default: its theme, settings and latent styles
    part = document.part

    latent = document.styles.element.find(qn("w:latentStyles"))
    latent_xml = "" if latent is None else _xml(latent)
    part._styles_part._element = parse_xml(styles_xml(latent_xml))
    part.numbering_part._element = parse_xml(numbering_xml())

    # Drop what would be stale or foreign in every pack: the Word 2010 copy of the old styles,
    # the sample thumbnail and the custom XML.
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype in (STYLES_WITH_EFFECTS, RT.CUSTOM_XML):
            del part.rels[rel_id]
    package = part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]

    for package_part in package.iter_parts():
        if package_part.partname == "/docProps/app.xml":
            package_part._blob = APP_XML.encode("utf-8")

    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), "en-GB")
        theme_lang.attrib.pop(qn("w:eastAsia"), None)
    for name in ("w:rsids", "w:proofState"):
        element = settings.find(qn(name))
        if element is not None:
            settings.remove(element)

    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH * 635, PAGE_HEIGHT * 635  # twips->EMU
    section.top_margin, section.bottom_margin = MARGIN_TOP * 635, MARGIN_BOTTOM * 635
    section.left_margin = section.right_margin = MARGIN_SIDE * 635
    section.header_distance, section.footer_distance = (
        HEADER_DISTANCE * 635,
        FOOTER_DISTANCE * 635,
    )
    section.gutter = 0

    properties = document.core_properties
    for name in ("title", "subject", "author", "keywords", "comments", "category"):
        setattr(properties, name, "")
    properties.last_modified_by = "briefgen"
    properties.language = "en-GB"
    properties.revision = 1
    fixed = datetime(2026, 11, 1, tzinfo=UTC)  # a fixed date: regenerating is stable
    properties.created = properties.modified = fixed

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_logo_png(svg_path: Path, scale: int = 4) -> bytes:
    """`svg_path` drawn at `scale` times its size with Qt's SVG renderer (development only)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QFontDatabase, QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for font in (ASSETS / "fonts").glob("OpenSans-*.ttf"):
        QFontDatabase.addApplicationFont(str(font))
    # Qt's SVG renderer takes a font-family list as one name: keep the first (Open Sans).
    svg = re.sub(r'font-family="([^",]+)[^"]*"', r'font-family="\1"', svg_path.read_text("utf-8"))
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    view = renderer.defaultSize()
    image = QImage(view.width() * scale, view.height() * scale, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    del app
    return bytes(data.data())


def _xml(element: object) -> str:
    from lxml import etree

    clone = copy.deepcopy(element)
    return etree.tostring(clone, encoding="unicode")


def main() -> None:
    (ASSETS / "reference.docx").write_bytes(make_reference())
    print(f"wrote {ASSETS / 'reference.docx'}")
    (ASSETS / "logo.png").write_bytes(make_logo_png(ASSETS / "logo.svg"))
    print(f"wrote {ASSETS / 'logo.png'}")


if __name__ == "__main__":
    main()
