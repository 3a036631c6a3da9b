"""Whether what follows a committee report's cover facts fits on its first page in Word.

The contents sit below the facts when they fit (as in the PDF) and start page 2 when they do
not. Word alone would move the heading with its entries (the heading and every entry keep with
the next), but LibreOffice imports the contents field as an index section that keep-with-next
does not reach, and leaves "Contents" alone on the cover (docs/decisions/0194, 0208). So the
writer decides, from the heights the template's styles give, and sets a page break before the
heading when in doubt.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from docx.shared import Length, Pt
from docx.styles.style import ParagraphStyle
from docx.text.parfmt import ParagraphFormat

from briefgen.render.docx import oxml_document
from briefgen.render.docx.writer import Writer

# The estimate errs tall, so that "fits" means fits: single spacing is taken as Arial's ascent
# and descent, a line wraps a little early, a picture's paragraph adds a line of text. On the
# reference's committee-report cover it comes out about 7% taller than LibreOffice lays out
# (on the covers tried, decision 0208).
SINGLE_LINE = 1.15  # single line spacing, in ems
CHAR_EMS = 0.55  # a generous average advance for a sans serif


def fits_after(writer: Writer, added: Sequence[tuple[str, str]]) -> bool:
    """Whether paragraphs `added` (style name, text), after everything written so far, end
    on the first page, by an estimate that errs tall."""
    section = writer.document.sections[0]
    page = int(section.page_height or 0) - int(section.top_margin or 0)
    page -= int(section.bottom_margin or 0)
    used = sum(int(shape.height or 0) for shape in writer.document.inline_shapes) / Pt(1)
    used += sum(
        height(writer, str(p.style.name if p.style else "Normal"), p.text, p.paragraph_format)
        for p in writer.document.paragraphs
    )
    used += sum(height(writer, style, text) for style, text in added)
    return used <= page / Pt(1)


def height(
    writer: Writer, style_name: str, text: str, direct: ParagraphFormat | None = None
) -> float:
    """The height in points of a paragraph of `text` in `style_name`, with its spacing (as
    `direct`, the paragraph's own formatting, sets it, else its style)."""
    size = writer.font_size(style_name)
    width = (writer.text_width() - writer.left_indent(style_name)) / Pt(1)
    per_line = max(1, int(width / (size * CHAR_EMS)))
    lines = sum(max(1, math.ceil(len(line) / per_line)) for line in text.split("\n"))
    before, after, line = spacing(writer, style_name, direct)
    # A multiple of single spacing, which for Arial is 1.15 times its size; or a set height.
    line_height = line.pt if isinstance(line, Length) else size * SINGLE_LINE * line
    return float(before.pt + after.pt + lines * line_height)


def spacing(
    writer: Writer, style_name: str, direct: ParagraphFormat | None = None
) -> tuple[Length, Length, float | Length]:
    """Space before and after, and line spacing (a multiple, or a height), that `direct`
    formatting or else `style_name` gives, following its `basedOn` chain to the document
    defaults."""
    default_before, default_after, default_line = oxml_document.default_spacing(writer.document)
    found: dict[str, object] = {}
    style: object = writer.styles[style_name]
    formats = [direct] if direct is not None else []
    while isinstance(style, ParagraphStyle):
        formats.append(style.paragraph_format)
        style = style.base_style
    for paragraph_format in formats:
        for name in ("space_before", "space_after", "line_spacing"):
            value = getattr(paragraph_format, name)
            if name not in found and value is not None:
                found[name] = value
    before = found.get("space_before", default_before)
    after = found.get("space_after", default_after)
    line = found.get("line_spacing", default_line)
    assert isinstance(before, Length) and isinstance(after, Length)
    assert isinstance(line, (float, Length))
    return before, after, line


def contents_fit(
    writer: Writer, heading: str, entries: Sequence[tuple[int, str, str, str]], first: str
) -> bool:
    """Whether the contents (`heading`, `entries` as `fields.add_contents` takes them) fit
    below what is written so far, with the first section's heading `first` and a line of it:
    Word keeps all of them together, the last entry keeping with that heading."""
    added = [("TOC Heading", heading)]
    added += [
        (f"toc {min(max(level, 1), 3)}", f"{number}\t{title}")
        for level, number, title, _ in entries
    ]
    added += [("Heading 1", first), ("Normal", "")]
    return fits_after(writer, added)
