"""Paragraph numbers that Word works out itself: a multilevel list linked to the heading styles.

briefgen types a committee report's paragraph numbers ("5.3" and a tab), but a council's
template, or an officer tidying a draft, may number the headings and paragraphs with a Word list
instead, so that the numbers follow every paragraph added or deleted. Such numbers are not in
the text; they are counted here as Word counts them, for the lists that number headings (a
bulleted or simply numbered list in the officer's text is not a paragraph number).
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

_NUM_PR, _NUM_ID, _ILVL, _VAL = qn("w:numPr"), qn("w:numId"), qn("w:ilvl"), qn("w:val")
_P_PR, _P_STYLE, _BASED_ON = qn("w:pPr"), qn("w:pStyle"), qn("w:basedOn")
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


class _Level:
    """One level of a list definition: where it starts, how it counts and what it shows."""

    def __init__(self, element: Any) -> None:
        self.start = _int(element.find(qn("w:start")), 1)
        number_format = element.find(qn("w:numFmt"))
        self.format = number_format.get(_VAL, "decimal") if number_format is not None else "decimal"
        text = element.find(qn("w:lvlText"))
        self.text = text.get(_VAL, "") if text is not None else ""
        self.legal = element.find(qn("w:isLgl")) is not None
        style = element.find(qn("w:pStyle"))
        self.style = style.get(_VAL, "") if style is not None else ""


class ListNumbers:
    """Counts the paragraphs of one document's heading-linked lists in reading order."""

    def __init__(self, document: Any, style_names: dict[str, str]) -> None:
        self._style_names = style_names
        self._levels: dict[str, dict[int, _Level]] = {}  # by list definition
        self._lists: dict[str, tuple[str, dict[int, int]]] = {}  # numId: definition, restarts
        self._styles: dict[str, tuple[str, str, int | None]] = {}  # id: based on, numId, level
        self._counts: dict[str, dict[int, int]] = {}
        self._read_styles(document)
        self._read_numbering(document)

    def number(self, paragraph: Any, style_id: str) -> str:
        """The number Word shows before `paragraph` (in style `style_id`) if a heading-linked
        list numbers it ("5.3"), else ""; counts it either way, as Word does."""
        found = self._numbering(paragraph, style_id)
        if found is None:
            return ""
        list_id, level = found
        definition, restarts = self._lists[list_id]
        levels = self._levels[definition]
        if level not in levels:
            return ""
        # A list that restarts counts apart from others sharing its definition.
        key = list_id if restarts else definition
        counts = self._counts.setdefault(key, {})
        start = restarts.get(level, levels[level].start)
        counts[level] = counts.get(level, start - 1) + 1
        for deeper in [each for each in counts if each > level]:
            del counts[deeper]
        text = levels[level].text
        for shown in range(level + 1):
            value = counts.get(shown, restarts.get(shown, levels.get(shown, levels[level]).start))
            number_format = "decimal" if levels[level].legal else _format(levels, shown)
            text = text.replace(f"%{shown + 1}", _formatted(value, number_format))
        return text.strip().rstrip(".")

    def _numbering(self, paragraph: Any, style_id: str) -> tuple[str, int] | None:
        """The list and level numbering `paragraph`: its own, else its style's (or a style's it
        is based on); None if none, or not a list that numbers headings."""
        properties = paragraph.find(_P_PR)
        numbering = properties.find(_NUM_PR) if properties is not None else None
        list_id, level = None, None
        if numbering is not None:
            list_id = _value(numbering.find(_NUM_ID))
            level = _int(numbering.find(_ILVL), 0)
        seen: set[str] = set()
        style = style_id
        while list_id is None and style and style not in seen:
            seen.add(style)
            based_on, style_list, style_level = self._styles.get(style, ("", "", None))
            if style_list:
                list_id, level = style_list, style_level
                if level is None:  # the level that names the style, as Word finds it
                    definition = self._lists.get(style_list, ("", {}))[0]
                    levels = self._levels.get(definition, {})
                    level = next((n for n, lvl in levels.items() if lvl.style == style), 0)
            style = based_on
        if not list_id or list_id == "0" or list_id not in self._lists or level is None:
            return None
        return list_id, level

    def _read_numbering(self, document: Any) -> None:
        try:
            numbering = document.part.numbering_part.element
        except (NotImplementedError, KeyError):
            return
        definitions = {
            definition.get(qn("w:abstractNumId"), ""): {
                _int_attr(level, "w:ilvl"): _Level(level)
                for level in definition.findall(qn("w:lvl"))
            }
            for definition in numbering.findall(qn("w:abstractNum"))
        }
        lists = {
            instance.get(qn("w:numId"), ""): (
                _value(instance.find(qn("w:abstractNumId"))) or "",
                {
                    _int_attr(override, "w:ilvl"): _int(override.find(qn("w:startOverride")), 1)
                    for override in instance.findall(qn("w:lvlOverride"))
                    if override.find(qn("w:startOverride")) is not None
                },
            )
            for instance in numbering.findall(qn("w:num"))
        }
        # Only a list that numbers headings gives paragraph numbers: one whose levels name a
        # heading style, or that a heading style names.
        headings = {
            style_id for style_id, name in self._style_names.items() if name.startswith("Heading")
        }
        linked = {
            definition
            for definition, levels in definitions.items()
            if any(level.style in headings for level in levels.values())
        } | {
            lists.get(self._styles.get(style_id, ("", "", None))[1], ("", {}))[0]
            for style_id in headings
        }
        self._levels = {key: levels for key, levels in definitions.items() if key in linked}
        self._lists = {key: entry for key, entry in lists.items() if entry[0] in self._levels}

    def _read_styles(self, document: Any) -> None:
        for style in document.styles.element.findall(qn("w:style")):
            based_on = _value(style.find(_BASED_ON)) or ""
            properties = style.find(_P_PR)
            numbering = properties.find(_NUM_PR) if properties is not None else None
            list_id = _value(numbering.find(_NUM_ID)) if numbering is not None else None
            level_element = numbering.find(_ILVL) if numbering is not None else None
            level = _int(level_element, 0) if level_element is not None else None
            self._styles[style.get(qn("w:styleId"), "")] = (based_on, list_id or "", level)


def _format(levels: dict[int, _Level], level: int) -> str:
    return levels[level].format if level in levels else "decimal"


def _formatted(value: int, number_format: str) -> str:
    """`value` as Word shows it in `number_format` (decimal, letters, roman numerals)."""
    if number_format in ("lowerLetter", "upperLetter"):
        # Word's letters go a..z, then aa..zz, aaa..
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return letter.upper() if number_format == "upperLetter" else letter
    if number_format in ("lowerRoman", "upperRoman") and value > 0:
        roman, left = "", value
        for amount, numeral in _ROMAN:
            while left >= amount:
                roman, left = roman + numeral, left - amount
        return roman.upper() if number_format == "upperRoman" else roman
    if number_format in ("bullet", "none"):
        return ""
    if number_format == "decimalZero" and value < 10:
        return f"0{value}"
    return str(value)


def _value(element: Any) -> str | None:
    return None if element is None else element.get(_VAL)


def _int(element: Any, default: int) -> int:
    value = _value(element)
    return int(value) if value is not None and value.lstrip("-").isdigit() else default


def _int_attr(element: Any, name: str) -> int:
    value = element.get(qn(name), "0")
    return int(value) if value.isdigit() else 0
