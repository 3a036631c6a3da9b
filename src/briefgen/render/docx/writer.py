"""What the body, contents, lists and page furniture share while one pack is written.

`Writer` holds the document, its styles looked up once by name, the number gutter of a numbered
document and the build's warnings, and adds paragraphs and runs in the document's styles. Text
from the pack reaches Word only through `run`, which turns tabs and line breaks into Word's and
drops the few characters XML cannot hold.
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.shared import Mm
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from briefgen.draftmarks import MarkedQuote
from briefgen.pack.model import Pack
from briefgen.render.docx import oxml, oxml_document
from briefgen.render.docx.numbering import Lists, Outline


class Writer:
    """Adds a pack to `document` in the styles `styles` (by name, as the template opened)."""

    def __init__(
        self, document: WordDocument, styles: dict[str, CharacterStyle], pack: Pack
    ) -> None:
        self.document = document
        self.styles = styles
        self.pack = pack
        # Normal is the default paragraph style: Word writes no style reference for it.
        self.style_ids = {
            name: None if name == "Normal" else style.style_id for name, style in styles.items()
        }
        self.warnings: list[str] = []
        self._make = oxml.Maker(document)
        self.last_is_table = False
        self._bookmarks = 0
        self.section_title = ""  # the heading being written under
        self.quotations: list[MarkedQuote] = []  # marked for `briefgen verify`, in order
        self._left_indents: dict[str, int] = {}
        self.numbered = any(section.number for section in pack.sections)
        # EMU: committee-report numbers hang in this margin, the text after it.
        self.gutter = self.left_indent("Numbered Paragraph") if self.numbered else 0
        self.lists = Lists(document, styles, self.gutter, pack.large_print)
        self.outline = Outline(document, styles, self.gutter) if self.numbered else None

    def paragraph(self, style: str, text: str = "") -> Paragraph:
        """A new body paragraph in `style`, holding `text`."""
        paragraph = self._make.body_paragraph(self.style_ids[style])
        if text:
            self.run(paragraph, text)
        self.last_is_table = False
        return paragraph

    def set_style(self, paragraph: Paragraph, style: str) -> None:
        """Put an existing paragraph (a header line) in `style`."""
        oxml.set_paragraph_style(paragraph, self.style_ids[style])

    def run(self, paragraph: Paragraph, text: str, style: str | None = None) -> Run:
        """A run of `text` at the end of `paragraph`, in character style `style` if given."""
        return self._make.run(paragraph, text, self.style_ids[style] if style else None)

    def next_bookmark(self) -> str:
        """A new contents-entry bookmark's name (`_Toc` and its id)."""
        return f"_Toc{self.next_bookmark_id()}"

    def next_bookmark_id(self) -> str:
        """A bookmark id no other bookmark of the document has."""
        self._bookmarks += 1
        return str(100000000 + self._bookmarks)

    def text_width(self) -> int:
        """The width between the margins (EMU) of the document's page."""
        section = self.document.sections[0]
        width = int(section.page_width or Mm(210))
        return width - int(section.left_margin or 0) - int(section.right_margin or 0)

    def left_indent(self, style_name: str) -> int:
        """The left indent (EMU) `style_name` gives, following its `basedOn` chain."""
        if style_name not in self._left_indents:
            style: CharacterStyle | None = self.styles[style_name]
            indent = None
            while isinstance(style, ParagraphStyle) and indent is None:
                indent = style.paragraph_format.left_indent
                style = style.base_style
            self._left_indents[style_name] = int(indent or 0)
        return self._left_indents[style_name]

    def font_size(self, style_name: str) -> float:
        """The text size (points) `style_name` gives, following its `basedOn` chain to the
        document defaults (10 pt if nothing sets one)."""
        style: CharacterStyle | None = self.styles[style_name]
        while style is not None:
            if style.font.size is not None:
                return float(style.font.size.pt)
            style = style.base_style
        for defaults in oxml_document.default_run_properties(self.document):
            half_points = oxml_document.font_size(defaults)
            if half_points:
                return half_points / 2
        return 10.0

    def set_indent(self, paragraph: Paragraph, left: int, first_line: int = 0) -> None:
        """`left` indent (EMU); a negative `first_line` hangs the first line by that much."""
        self._make.indent(paragraph, left, first_line)

    def indent(self, paragraph: Paragraph, style_name: str, hanging: bool = False) -> None:
        """Shift `paragraph` right by the number gutter in a numbered document; `hanging`
        puts its first line (the paragraph number) back in the gutter."""
        if not self.gutter:
            return
        left = self.left_indent(style_name) + self.gutter
        self.set_indent(paragraph, left, -self.gutter if hanging else 0)

    def number(self, paragraph: Paragraph, number: str, style_name: str) -> None:
        """Number `paragraph` ("3.2"), hanging in the gutter: by the document's outline list
        where it gives that number, else as typed text and a tab."""
        if not number:
            self.indent(paragraph, style_name)
            return
        if self.outline is None or not self.outline.paragraph(paragraph, number, style_name):
            self.run(paragraph, number, "Paragraph Number")
            self.run(paragraph, "\t")
        if style_name != "Numbered Paragraph":
            self.indent(paragraph, style_name, hanging=True)
