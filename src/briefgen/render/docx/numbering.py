"""Numbered lists that start again at 1, lettered recommendations, and list indents.

Word numbers a list style's paragraphs as one long list unless each list has its own instance;
a committee's recommendations count (a), (b) from a copy of the List Number definition, as in
the PDF. The numbering part itself has no python-docx API: `oxml_lists` builds what is needed.
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.shared import Mm
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.text.paragraph import Paragraph

from briefgen.render.docx import oxml_lists


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
        definition_id = oxml_lists.definition_id(definition)
        if letters:
            if definition_id not in self._lettered:
                lettered = oxml_lists.add_lettered_definition(self.document, definition)
                self._lettered[definition_id] = lettered
            definition_id = self._lettered[definition_id]
        return oxml_lists.add_restarted_list(self.document, definition_id)

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
                found = None
                if definition is not None:
                    found = oxml_lists.first_level_indent(definition)
                if found is not None:
                    left, hanging = found
            left, hanging = int(left or Mm(7)), int(hanging or Mm(7))
            if self.large_print:
                hanging = max(hanging, int(Mm(12)))
                left = max(left, hanging)
            self._indents[style] = (left + self.gutter, hanging)
        return self._indents[style]

    def _definition(self, style: str) -> object | None:
        list_id = oxml_lists.style_list_id(self.styles[style])
        return oxml_lists.list_definition(self.document, list_id) if list_id is not None else None


class Outline:
    """A committee report's section and paragraph numbers (3, then 3.1, 3.2) as one Word
    multilevel list: level 1 linked to Heading 1, level 2 to Numbered Paragraph, so Word
    renumbers when the officer adds or deletes a paragraph. A number the list would not give
    at that point (a pack numbered some other way) is typed instead, so what prints is always
    the pack's number."""

    def __init__(
        self, document: WordDocument, styles: dict[str, CharacterStyle], gutter: int
    ) -> None:
        self.document = document
        self.styles = styles
        self.list_id = oxml_lists.add_outline_list(
            document,
            [
                oxml_lists.OutlineLevel("%1", styles["Heading 1"].style_id, gutter, gutter),
                oxml_lists.OutlineLevel(
                    "%1.%2", styles["Numbered Paragraph"].style_id, gutter, gutter, plain=True
                ),
            ],
        )
        oxml_lists.set_style_list(styles["Heading 1"], self.list_id, 0)
        oxml_lists.set_style_list(styles["Numbered Paragraph"], self.list_id, 1)
        # Styles based on Heading 1 (the contents' heading) would inherit its number.
        for name, style in styles.items():
            if name != "Heading 1" and _based_on(style, styles["Heading 1"]):
                oxml_lists.set_style_list(style, 0)
        self._chapter = 0
        self._paragraph = 0

    def heading(self, paragraph: Paragraph, number: str) -> bool:
        """Number a Heading 1 paragraph by the list if `number` is the next chapter's; take the
        style's number off an unnumbered one. False if the number must be typed."""
        if not number:
            oxml_lists.set_list(paragraph, 0)
            return True
        if number != str(self._chapter + 1):
            oxml_lists.set_list(paragraph, 0)
            return False
        self._chapter += 1
        self._paragraph = 0
        return True

    def paragraph(self, paragraph: Paragraph, number: str, style: str) -> bool:
        """Number a paragraph in `style` by the list if `number` is the next one ("3.2" after
        "3.1"). False if the number must be typed."""
        if number != f"{self._chapter}.{self._paragraph + 1}":
            if style == "Numbered Paragraph":
                oxml_lists.set_list(paragraph, 0)
            return False
        self._paragraph += 1
        if style != "Numbered Paragraph":  # the style links only Numbered Paragraph
            oxml_lists.set_list(paragraph, self.list_id, 1)
        return True


def _based_on(style: CharacterStyle | None, ancestor: CharacterStyle) -> bool:
    while style is not None:
        style = style.base_style
        if style is not None and style.style_id == ancestor.style_id:
            return True
    return False
