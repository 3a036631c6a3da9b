"""Numbered lists that start again at 1, lettered recommendations, and list indents.

Word numbers a list style's paragraphs as one long list unless each list has its own instance;
a committee's recommendations count (a), (b) from a copy of the List Number definition, as in
the PDF. The numbering part itself has no python-docx API: `oxml` builds what is needed.
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.shared import Mm
from docx.styles.style import CharacterStyle, ParagraphStyle

from briefgen.render.docx import oxml


class Lists:
    """The list instances and indents of one document being written."""

    def __init__(
        self,
        document: WordDocument,
        styles: dict[str, CharacterStyle],
        gutter: int,
        large_print: bool,
    ) -> None:
        self.document = document
        self.styles = styles
        self.gutter = gutter  # EMU: the number gutter every block is shifted by
        self.large_print = large_print
        self._lettered: dict[str, str] = {}  # list definition id -> its lettered copy's
        self._indents: dict[str, tuple[int, int]] = {}

    def restart(self, style: str, letters: bool) -> int | None:
        """A new list for `style` that counts from 1, as (a), (b) if `letters`; its id. None if
        the style has no numbering (a template's own choice; its text is then left as is)."""
        definition = self._definition(style)
        if definition is None:
            return None
        definition_id = oxml.definition_id(definition)
        if letters:
            if definition_id not in self._lettered:
                lettered = oxml.add_lettered_definition(self.document, definition)
                self._lettered[definition_id] = lettered
            definition_id = self._lettered[definition_id]
        return oxml.add_restarted_list(self.document, definition_id)

    def indent(self, style: str) -> tuple[int, int]:
        """(left, hanging) in EMU for a list paragraph in `style`: the list's own indent moved
        past the number gutter, and a hanging indent wide enough for "(a)" at 18 pt in large
        print. The style's indent if it sets one, else the list definition's, else 7 mm."""
        if style not in self._indents:
            left = hanging = None
            current: CharacterStyle | None = self.styles[style]
            while isinstance(current, ParagraphStyle) and left is None:
                layout = current.paragraph_format
                left = layout.left_indent
                first = layout.first_line_indent
                hanging = -first if first is not None and first < 0 else None
                current = current.base_style
            if left is None:
                definition = self._definition(style)
                found = oxml.first_level_indent(definition) if definition is not None else None
                if found is not None:
                    left, hanging = found
            left, hanging = int(left or Mm(7)), int(hanging or Mm(7))
            if self.large_print:
                hanging = max(hanging, int(Mm(12)))
                left = max(left, hanging)
            self._indents[style] = (left + self.gutter, hanging)
        return self._indents[style]

    def _definition(self, style: str) -> object | None:
        list_id = oxml.style_list_id(self.styles[style])
        return oxml.list_definition(self.document, list_id) if list_id is not None else None
