"""Typed content: what one citable item is, and the corpus that holds items and their sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# The item kinds, in the order a reader meets them in a pack. Labels live in templates/.
ITEM_KINDS: tuple[str, ...] = (
    "recommendation",
    "position",
    "proposition",
    "principle",
    "risk",
    "driver",
    "success-criterion",
    "option",
    "question",
    "evidence",
    "example",
)


@dataclass(frozen=True, slots=True)
class Theme:
    """A topic the officer can select; `intro` is briefgen's own wording, never a quote."""

    id: str
    label: str
    intro: str


@dataclass(frozen=True, slots=True)
class Organisation:
    """Whose view an item states; `short` is how citations name it (an acronym or short name)."""

    id: str
    name: str
    short: str


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """An acronym a councillor may not know, with its expansion and a plain explanation."""

    term: str
    expansion: str
    explanation: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    """One published document; `text` is the shipped conversion every quote is checked against."""

    id: str
    title: str
    publisher: str
    date: str  # as the document gives it: "2014", "May 2014" or "30 May 2014"
    short_title: str
    file: str
    path: Path
    text: str = field(repr=False)
    url: str = ""
    order: int = 0
    furniture: tuple[str, ...] = ()  # regexes for whole lines of page furniture (sources.yaml)


@dataclass(frozen=True, slots=True)
class Item:
    """One citable statement: exact words of `source`, where to find them and whose view."""

    id: str
    kind: str
    text: str
    locator: str
    org: str
    themes: tuple[str, ...]
    source: str
    key: bool = False
    headline: str = ""  # briefgen's own plain-English summary, never shown as a quote
    span: tuple[int, int] = (0, 0)  # character offsets of the quote in the source's text
    content_file: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything loaded from one content directory, validated and with every quote located."""

    themes: dict[str, Theme]
    organisations: dict[str, Organisation]
    sources: dict[str, Source]
    glossary: tuple[GlossaryEntry, ...]
    items: tuple[Item, ...]
    root: Path

    by_id: dict[str, Item] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {item.id: item for item in self.items})

    def item(self, item_id: str) -> Item:
        """Return the item called `item_id`; KeyError if the corpus has none."""
        return self.by_id[item_id]

    def has_item(self, item_id: str) -> bool:
        return item_id in self.by_id
