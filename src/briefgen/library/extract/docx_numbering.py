"""The numbers Word shows before numbered paragraphs and headings ("4.3", "(b)"), which live in
no paragraph's text: Word computes them from numbering.xml, and so must we.

python-docx exposes none of this, so it is read from the XML here, following the
WordprocessingML rules (ECMA-376 part 1, 17.9): a paragraph's `w:numPr` (or its style's) names a
`w:num`, which names an `w:abstractNum` whose `w:lvl` gives each level's start, format and
text ("%1.%2"); counters belong to the abstract definition, so lists sharing one continue each
other, a `w:startOverride` restarts a list, and a level restarts after a higher one is used
unless `w:lvlRestart` says otherwise. See docs/decisions/0031.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

from briefgen.library.extract.structure import to_roman

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_NO_NUMBER = ("bullet", "none")
_PLACEHOLDER = re.compile(r"%([1-9])")


def format_number(value: int, num_format: str) -> str:
    """`value` as a list level of format `num_format` shows it (unknown formats as decimals)."""
    if num_format in ("lowerLetter", "upperLetter") and value > 0:
        # Word repeats the letter past z: y, z, aa, bb, …
        letter = _LETTERS[(value - 1) % 26] * ((value - 1) // 26 + 1)
        return letter.upper() if num_format == "upperLetter" else letter
    if num_format in ("lowerRoman", "upperRoman") and value > 0:
        return to_roman(value, upper=num_format == "upperRoman")
    if num_format == "decimalZero":
        return f"{value:02d}"
    if num_format == "ordinal":
        endings = {1: "st", 2: "nd", 3: "rd"}
        suffix = "th" if 10 <= value % 100 <= 20 else endings.get(value % 10, "th")
        return f"{value}{suffix}"
    return str(value)


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a list definition."""

    start: int = 0
    num_format: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 never
    legal: bool = False  # w:isLgl: show every level's number as a decimal
    style: str = ""  # w:pStyle: the paragraph style that carries this level


@dataclass(slots=True)
class _Abstract:
    levels: dict[int, Level] = field(default_factory=dict)
    counters: dict[int, int] = field(default_factory=dict)
    style_link: str = ""  # w:numStyleLink: the definitions are the named numbering style's


@dataclass(frozen=True, slots=True)
class _Num:
    abstract_id: str
    starts: dict[int, int]  # w:lvlOverride/w:startOverride
    levels: dict[int, Level]  # w:lvlOverride/w:lvl


@dataclass(frozen=True, slots=True)
class ListNumber:
    """What Word shows before a paragraph ("4.3.") and how a locator cites it ("4.3")."""

    shown: str
    cited: str


def _val(element: etree._Element | None, default: str = "") -> str:
    if element is None:
        return default
    return str(element.get(qn("w:val"), default))


def int_value(element: etree._Element | None, default: int) -> int:
    """An element's `w:val` as a whole number; `default` if absent or not a number."""
    try:
        return int(_val(element, str(default)))
    except ValueError:
        return default


def _level(element: etree._Element) -> Level:
    restart = element.find(qn("w:lvlRestart"))
    return Level(
        start=int_value(element.find(qn("w:start")), 0),
        num_format=_val(element.find(qn("w:numFmt")), "decimal"),
        text=_val(element.find(qn("w:lvlText"))),
        restart=int_value(restart, 1) if restart is not None else None,
        legal=element.find(qn("w:isLgl")) is not None
        and _val(element.find(qn("w:isLgl")), "1") not in ("0", "false"),
        style=_val(element.find(qn("w:pStyle"))),
    )


def _levels(parent: etree._Element) -> dict[int, Level]:
    return {_int_attr(lvl, "w:ilvl"): _level(lvl) for lvl in parent.iterfind(qn("w:lvl"))}


def _int_attr(element: etree._Element, name: str) -> int:
    try:
        return int(str(element.get(qn(name), "0")))
    except ValueError:
        return 0


class Numbering:
    """The list definitions of one document and the counters as its paragraphs are read in order.

    `style_numbering` maps a paragraph style id to the (numId, ilvl) its style chain gives it."""

    def __init__(
        self,
        numbering_xml: etree._Element | None,
        style_numbering: dict[str, tuple[str, int | None]],
    ) -> None:
        self._abstracts: dict[str, _Abstract] = {}
        self._nums: dict[str, _Num] = {}
        self._started: set[str] = set()
        self._style_numbering = style_numbering
        if numbering_xml is None:
            return
        for abstract in numbering_xml.iterfind(qn("w:abstractNum")):
            self._abstracts[str(abstract.get(qn("w:abstractNumId")))] = _Abstract(
                _levels(abstract), style_link=_val(abstract.find(qn("w:numStyleLink")))
            )
        for num in numbering_xml.iterfind(qn("w:num")):
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for override in num.iterfind(qn("w:lvlOverride")):
                ilvl = _int_attr(override, "w:ilvl")
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    starts[ilvl] = int_value(start, 0)
                levels.update(_levels(override))
            self._nums[str(num.get(qn("w:numId")))] = _Num(
                _val(num.find(qn("w:abstractNumId"))), starts, levels
            )

    def of_style(self, style: str) -> tuple[str | None, int | None]:
        """The (numId, ilvl) a paragraph in `style` gets from its style chain, or (None, None)."""
        found = self._style_numbering.get(style)
        return found if found is not None else (None, None)

    def _abstract_of(self, num: _Num) -> _Abstract | None:
        abstract = self._abstracts.get(num.abstract_id)
        if abstract is not None and abstract.style_link:
            # A list that uses a numbering style: its definitions are behind the style's num.
            linked_num_id, _ = self._style_numbering.get(abstract.style_link, ("", None))
            linked = self._nums.get(linked_num_id)
            if linked is not None and linked.abstract_id != num.abstract_id:
                return self._abstracts.get(linked.abstract_id)
        return abstract

    def next_number(self, num_id: str, ilvl: int | None, paragraph_style: str) -> ListNumber | None:
        """Advance the list `num_id` at level `ilvl` for one paragraph; the number it shows, or
        None for bullets, unnumbered levels and lists that are not defined."""
        num = self._nums.get(num_id)
        abstract = self._abstract_of(num) if num is not None else None
        if num is None or abstract is None:
            return None
        levels = {**abstract.levels, **num.levels}
        if ilvl is None:
            # Numbering from a style: the level whose w:pStyle is that style, else the first.
            ilvl = next((i for i, lvl in levels.items() if lvl.style == paragraph_style), 0)
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = abstract.counters
        if num_id not in self._started:
            self._started.add(num_id)
            for override_level, start in num.starts.items():
                counters[override_level] = start - 1
                for deeper in [k for k in counters if k > override_level]:
                    del counters[deeper]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels.get(deeper, Level()).restart
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        if level.num_format in _NO_NUMBER:
            return None
        shown = self._format(level, levels, counters)
        if not shown.strip():
            return None
        return ListNumber(shown, _cited(level, ilvl, levels, counters, shown))

    @staticmethod
    def _format(level: Level, levels: dict[int, Level], counters: dict[int, int]) -> str:
        def replace(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            other = levels.get(index, Level())
            value = counters.get(index, other.start)
            return format_number(value, "decimal" if level.legal else other.num_format)

        return _PLACEHOLDER.sub(replace, level.text)


def _clean(shown: str) -> str:
    """ "4.3." and "iv)" are cited as "4.3" and "iv"; "(a)" keeps its brackets."""
    cleaned = shown.strip().rstrip(".").strip()
    if cleaned.endswith(")") and "(" not in cleaned:
        cleaned = cleaned[:-1].strip()
    return cleaned


def _cited(
    level: Level, ilvl: int, levels: dict[int, Level], counters: dict[int, int], shown: str
) -> str:
    """How a locator names the paragraph: its number as shown, without a trailing full stop, and
    with the numbers of the levels above when it shows only its own ("(a)" under 3 is "3(a)")."""
    own = _clean(shown)
    shows_higher = any(int(ref) - 1 < ilvl for ref in _PLACEHOLDER.findall(level.text))
    if ilvl == 0 or shows_higher:  # "%1.%2" or "%2.%3": already the full number
        return own
    parent_level = levels.get(ilvl - 1)
    if parent_level is None or ilvl - 1 not in counters or parent_level.num_format in _NO_NUMBER:
        return own
    parent = _cited(parent_level, ilvl - 1, levels, counters, Numbering._format(
        parent_level, levels, counters
    ))  # fmt: skip
    if own.startswith("("):
        return f"{parent}{own}"
    if level.num_format in ("lowerLetter", "upperLetter", "lowerRoman", "upperRoman"):
        return f"{parent}({own.strip('()')})"
    return f"{parent}.{own}"


def style_numbering(styles_xml: etree._Element) -> dict[str, tuple[str, int | None]]:
    """Each paragraph style's numbering (numId, ilvl or None), following `w:basedOn`."""
    own: dict[str, tuple[str | None, int | None]] = {}
    based_on: dict[str, str] = {}
    for style in styles_xml.iterfind(qn("w:style")):
        style_id = str(style.get(qn("w:styleId"), ""))
        num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None:
            ilvl_element = num_pr.find(qn("w:ilvl"))
            id_element = num_pr.find(qn("w:numId"))
            own[style_id] = (
                _val(id_element) if id_element is not None else None,
                int_value(ilvl_element, 0) if ilvl_element is not None else None,
            )
        parent = style.find(qn("w:basedOn"))
        if parent is not None:
            based_on[style_id] = _val(parent)
    resolved: dict[str, tuple[str, int | None]] = {}
    for style_id in _all(own, based_on):
        num_id: str | None = None
        ilvl: int | None = None
        seen: set[str] = set()
        current: str | None = style_id
        while current is not None and current not in seen:
            seen.add(current)
            found_id, found_ilvl = own.get(current, (None, None))
            num_id = num_id if num_id is not None else found_id
            ilvl = ilvl if ilvl is not None else found_ilvl
            current = based_on.get(current)
        if num_id is not None:
            resolved[style_id] = (num_id, ilvl)
    return resolved


def _all(*maps: Iterable[str]) -> set[str]:
    return {key for mapping in maps for key in mapping}
