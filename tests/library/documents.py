"""Generators of the documents the import tests read: small, but with what real reports do."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import docx
import pikepdf
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

ATTACHED_TEMPLATE = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
)
# Forty numbered sentences, so a test can find one that the page break splits.
LONG_PARAGRAPH = " ".join(
    f"Review sentence {n} records that the local partnership met its target for quarter {n}."
    for n in range(1, 41)
)
FOOTNOTED = (
    "The council judged the saving achievable<sup>3</sup> within two years. Costs fell by a "
    "fifth<sup>4</sup>. The board noted it."
)
COLUMN_LEFT = "2.1 The left column describes the housing register in some detail. " + " ".join(
    f"Column filler sentence {n} about waiting lists." for n in range(1, 25)
)
COLUMN_RIGHT = "2.2 The right column reports that new homes were completed on time."

REPORT_HTML = f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Anytown Annual Report</title><style>
@page {{ size: A5; margin: 18mm 15mm;
  @top-center {{ content: "Annual Report 2025 | Anytown Council"; font-size: 7pt }}
  @bottom-center {{ content: counter(page, lower-roman); font-size: 8pt }} }}
@page main {{ @bottom-center {{ content: counter(page); font-size: 8pt }} }}
@page :nth(3) {{ counter-reset: page 1 }}
body {{ font-family: DejaVu Serif; font-size: 10pt }}
h1 {{ font-size: 20pt }} h2 {{ font-size: 14pt }}
.main {{ page: main }}
.columns {{ columns: 2; column-gap: 6mm }}
.narrow {{ width: 24mm }} .narrower {{ width: 14mm }}
.auto {{ width: 30mm; hyphens: auto }}
</style></head><body>
<h1>Anytown Council Annual Report</h1>
<p style="break-after: page">Published September 2025 by the Resources Directorate.</p>
<h2>Foreword</h2>
<p>This foreword introduces the report to members of the council.</p>
<div class="main">
<h2>1 Funding</h2>
<p>1.1 The council received its settlement in February. {FOOTNOTED}</p>
<p>1.2 {LONG_PARAGRAPH}</p>
<div class="narrow"><p>1.3 Keep the housing register up-to-date every month.</p></div>
<div class="narrower"><p>1.4 A single sub&shy;regional partnership will lead.</p></div>
<div class="auto"><p>1.5 Intergovernmental responsibilities are comprehensively
documented.</p></div>
<h2 style="break-before: page">2 Housing</h2>
<div class="columns"><p>{COLUMN_LEFT}</p><p>{COLUMN_RIGHT}</p></div>
</div></body></html>"""


def report_pdf_bytes() -> bytes:
    """The report as WeasyPrint prints it (no PDF page labels, numbers in the footer)."""
    import weasyprint

    return bytes(weasyprint.HTML(string=REPORT_HTML).write_pdf())


def pdf_bytes(html_body: str, footer: str = "counter(page)") -> bytes:
    """A small PDF of `html_body` with `footer` (a CSS content value) printed on each page."""
    import weasyprint

    html = f"""<!doctype html><html lang="en-GB"><head><style>
    @page {{ size: A6; margin: 15mm 10mm; @bottom-center {{ content: {footer} }} }}
    </style></head><body>{html_body}</body></html>"""
    return bytes(weasyprint.HTML(string=html).write_pdf())


def add_page_labels(source: Path, target: Path) -> None:
    """Copy `source` with /PageLabels: upper-case roman for the first two pages, then arabic
    from 10 (so a test can tell the PDF's labels from the printed numbers)."""
    with pikepdf.open(source) as pdf:
        pdf.Root.PageLabels = pikepdf.Dictionary(
            Nums=pikepdf.Array(
                [
                    0,
                    pikepdf.Dictionary(S=pikepdf.Name.R),
                    2,
                    pikepdf.Dictionary(S=pikepdf.Name.D, St=10),
                ]
            )
        )
        pdf.save(target)


def append_blank_pages(source: Path, target: Path, count: int) -> None:
    """Copy `source` with `count` pages that have no text (as a scanned page has none)."""
    with pikepdf.open(source) as pdf:
        for _ in range(count):
            pdf.add_blank_page(page_size=(420, 595))
        pdf.save(target)


def blank_pdf(target: Path, pages: int) -> None:
    """A PDF of `pages` pages without a text layer, like a scan."""
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
    pdf.save(target)


def tiny_png() -> bytes:
    """A one-pixel PNG, for a Word file with an image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


# Numbering definitions, as Word writes them: one outline list for headings (level 0, linked to
# Heading 1 through its style) and committee-report paragraphs (level 1, "1.1") with lettered
# points under them (level 2, "(a)"); and a roman list used three times: once, continued (same
# abstract definition, no override) and restarted (w:startOverride).
NUMBERING = f"""<w:numbering {nsdecls("w")}>
  <w:abstractNum w:abstractNumId="10">
    <w:multiLevelType w:val="multilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/>
      <w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
      <w:lvlText w:val="%1.%2"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
      <w:lvlText w:val="(%3)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="20">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>
      <w:lvlText w:val="%1)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="30">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="5"><w:abstractNumId w:val="10"/></w:num>
  <w:num w:numId="6"><w:abstractNumId w:val="20"/></w:num>
  <w:num w:numId="7"><w:abstractNumId w:val="20"/></w:num>
  <w:num w:numId="8"><w:abstractNumId w:val="20"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  <w:num w:numId="9"><w:abstractNumId w:val="30"/></w:num>
</w:numbering>"""


def _number(paragraph: docx.text.paragraph.Paragraph, num_id: int, ilvl: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    properties.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def _hyperlink(paragraph: docx.text.paragraph.Paragraph, text: str, url: str) -> None:
    rel_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def write_report_docx(path: Path) -> None:
    """The Word report: see `report_docx` in conftest for what it holds."""
    document = docx.Document()
    document.core_properties.title = "Anytown Housing Strategy"
    document.core_properties.author = "Housing Team"
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(NUMBERING):
        numbering.append(child)
    # Heading 1 takes its number from its style, as in a council's report template.
    heading_style = document.styles["Heading 1"].element.get_or_add_pPr()
    heading_style.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="5"/></w:numPr>'))
    document.add_heading("Anytown Housing Strategy", level=0)
    document.add_heading("Purpose", level=1)
    purpose = "This strategy sets out how the council will house residents."
    _number(document.add_paragraph(purpose), 5, 1)
    _number(document.add_paragraph("It replaces the strategy adopted in 2019."), 5, 1)
    document.add_heading("Funding", level=1)
    _number(document.add_paragraph("The council will invest in three programmes:"), 5, 1)
    _number(document.add_paragraph("new council homes on brownfield land;"), 5, 2)
    _number(document.add_paragraph("repairs to the existing stock; and"), 5, 2)
    document.add_heading("Delivery partners", level=2)
    paragraph = document.add_paragraph("Partners are listed on ")
    _hyperlink(paragraph, "the partnership website", "https://example.org/partners")
    paragraph.add_run(" for reference.")
    document.add_paragraph().add_run().add_picture(io.BytesIO(tiny_png()), width=Mm(10))
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Programme"
    table.cell(0, 1).text = "Budget"
    table.cell(1, 0).text = "New homes"
    table.cell(1, 1).text = "£12 million over four years"
    document.add_paragraph("Priority actions:")
    _number(document.add_paragraph("Open the first site."), 6, 0)
    _number(document.add_paragraph("Appoint a contractor."), 6, 0)
    document.add_paragraph("The actions continue:")
    _number(document.add_paragraph("Report progress to members."), 7, 0)
    document.add_paragraph("A separate list starts again:")
    _number(document.add_paragraph("Consult tenants first."), 8, 0)
    _number(document.add_paragraph("A bulleted point that has no number."), 9, 0)
    document.add_heading("Risks", level=1)
    _number(document.add_paragraph("Building costs may rise faster than forecast."), 5, 1)
    settings = document.part._settings_part  # python-docx has no public handle on the part
    settings.relate_to("https://templates.example.org/house.dotm", ATTACHED_TEMPLATE, True)
    document.save(str(path))
