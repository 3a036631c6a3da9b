"""The Word XML for lists, below python-docx's objects: list instances that restart or count
(a), (b), and the multilevel outline list a committee report's numbers come from (python-docx
1.2 has no API for numbering definitions; see `oxml` and `oxml_document` for the rest and
decision 0120).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any, NamedTuple

from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.shared import Twips
from docx.styles.style import BaseStyle, CharacterStyle
from docx.text.paragraph import Paragraph

from briefgen.render.docx.oxml import element_of, twips


def style_list_id(style: CharacterStyle | None) -> int | None:
    """The list (`w:numId`) that `style` or a style it is based on numbers its paragraphs in."""
    while style is not None:
        properties = style.element.pPr
        numbering = properties.numPr if properties is not None else None
        if numbering is not None and numbering.numId is not None:
            return int(numbering.numId.val)
        style = style.base_style
    return None


def list_definition(document: WordDocument, list_id: int) -> Any | None:
    """The definition (`w:abstractNum`) list `list_id` counts by, if the document has it."""
    numbering = document.part.numbering_part.element
    lists = numbering.xpath(f'./w:num[@w:numId="{int(list_id)}"]')
    if not lists:
        return None
    definition_id = int(lists[0].abstractNumId.val)
    found = numbering.xpath(f'./w:abstractNum[@w:abstractNumId="{definition_id}"]')
    return found[0] if found else None


def definition_id(definition: Any) -> str:
    return str(definition.get(qn("w:abstractNumId")))


def add_restarted_list(document: WordDocument, definition_id: str) -> int:
    """A new list counting by definition `definition_id` from 1; its `w:numId`."""
    numbering = document.part.numbering_part.element
    instance = numbering.add_num(int(definition_id))
    instance.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(instance.numId)


def add_lettered_definition(document: WordDocument, definition: Any) -> str:
    """A copy of list definition `definition` whose first level counts (a), (b), (c); its id."""
    numbering = document.part.numbering_part.element
    clone = copy.deepcopy(definition)
    ids = [int(definition_id(each)) for each in numbering.findall(qn("w:abstractNum"))]
    new_id = str(max(ids) + 1)
    clone.set(qn("w:abstractNumId"), new_id)
    # Not a style's list or a template's: a list of its own.
    for tag in ("w:nsid", "w:tmpl", "w:styleLink", "w:numStyleLink"):
        for element in clone.findall(qn(tag)):
            clone.remove(element)
    level = clone.find(qn("w:lvl"))
    if level is not None:
        for element in level.findall(qn("w:pStyle")):
            level.remove(element)
        number_format = level.find(qn("w:numFmt"))
        if number_format is not None:
            number_format.set(qn("w:val"), "lowerLetter")
        text = level.find(qn("w:lvlText"))
        if text is not None:
            text.set(qn("w:val"), "(%1)")
    numbering.findall(qn("w:abstractNum"))[-1].addnext(clone)
    return new_id


def first_level_indent(definition: Any) -> tuple[Twips, Twips] | None:
    """(left, hanging) of the first level of list definition `definition`, if it sets them."""
    found = definition.xpath('./w:lvl[@w:ilvl="0"]/w:pPr/w:ind', namespaces=nsmap)
    if not found:
        return None
    indent = found[0]
    left = indent.get(qn("w:left")) or indent.get(qn("w:start")) or 0
    return Twips(int(left)), Twips(int(indent.get(qn("w:hanging")) or 0))


def set_list(paragraph: Paragraph, list_id: int, level: int = 0) -> None:
    """Number `paragraph` as an entry at `level` (0: the first) of list `list_id`; list 0
    takes off the numbering its style gives."""
    numbering = element_of(paragraph).get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = level
    numbering.get_or_add_numId().val = list_id


class OutlineLevel(NamedTuple):
    """One level of an outline list: how its number reads, the style it numbers, its indent."""

    text: str  # "%1", "%1.%2"
    style_id: str
    left: int  # EMU
    hanging: int  # EMU
    plain: bool = False  # the number in regular weight and muted, whatever the paragraph's


def add_outline_list(document: WordDocument, levels: Sequence[OutlineLevel]) -> int:
    """A multilevel list of its own (new definition, new `w:nsid`; a template's lists are left
    as they are), each level linked to its paragraph style; the id (`w:numId`) to number by.

    Word renumbers such a list itself when a paragraph is added or deleted: a committee
    report's 3 and 3.2 are not typed text."""
    numbering = document.part.numbering_part.element
    definitions = numbering.findall(qn("w:abstractNum"))
    new_id = max((int(definition_id(each)) for each in definitions), default=-1) + 1
    taken = {nsid.get(qn("w:val")) for nsid in numbering.iter(qn("w:nsid"))}
    serial = new_id
    while (nsid := f"{0x42470000 + serial:08X}") in taken:  # "BG" and a serial
        serial += 1
    definition = OxmlElement("w:abstractNum", {qn("w:abstractNumId"): str(new_id)})
    definition.append(OxmlElement("w:nsid", {qn("w:val"): nsid}))
    definition.append(OxmlElement("w:multiLevelType", {qn("w:val"): "multilevel"}))
    for index, level in enumerate(levels):
        element = OxmlElement("w:lvl", {qn("w:ilvl"): str(index)})
        for tag, value in (
            ("w:start", "1"),
            ("w:numFmt", "decimal"),
            ("w:pStyle", level.style_id),
            ("w:lvlText", level.text),
            ("w:lvlJc", "left"),
        ):
            element.append(OxmlElement(tag, {qn("w:val"): value}))
        properties = OxmlElement("w:pPr")
        properties.append(
            OxmlElement(
                "w:ind", {qn("w:left"): twips(level.left), qn("w:hanging"): twips(level.hanging)}
            )
        )
        element.append(properties)
        if level.plain:
            run_properties = OxmlElement("w:rPr")
            for tag in ("w:b", "w:bCs", "w:i", "w:iCs", "w:caps"):
                run_properties.append(OxmlElement(tag, {qn("w:val"): "0"}))
            run_properties.append(OxmlElement("w:color", {qn("w:val"): "484F53"}))
            element.append(run_properties)
        definition.append(element)
    # Definitions come before the lists (w:num) that use them.
    if definitions:
        definitions[-1].addnext(definition)
    else:
        numbering.insert(0, definition)
    return int(numbering.add_num(new_id).numId)


def set_style_list(style: BaseStyle, list_id: int, level: int = 0) -> None:
    """Make every paragraph in `style` an entry at `level` of list `list_id` (0: none)."""
    numbering = style.element.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = level
    numbering.get_or_add_numId().val = list_id
