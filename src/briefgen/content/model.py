"""Typed content: what one citable item is, and the corpus that holds items and their sources.

The records are immutable named tuples rather than frozen dataclasses: a command-line build
defines them at every start, and Python 3.11 compiles six methods for each frozen dataclass
(about 0.4 ms a class, a tenth of the Word build's lead over pandoc); named tuples are defined
in a fifth of the time and unpickle from the corpus cache without a `__setstate__` per item.
See docs/decisions/0006.
"""

from pathlib import Path
from typing import NamedTuple

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


class LibraryFolder(NamedTuple):
    """One content library: its folder, what it is ("shipped", "user" or "team") and the short
    name listings show for it ("shipped", "yours", or a team folder's name)."""

    path: Path
    kind: str
    name: str

    @property
    def writable(self) -> bool:
        return self.kind != "shipped"


class Theme(NamedTuple):
    """A topic the officer can select; `intro` is briefgen's own wording, never a quote."""

    id: str
    label: str
    intro: str
    rule: str = ""  # which items belong: the one-line inclusion rule an editor applies
    library: str = ""  # the name of the library that defines it


class Organisation(NamedTuple):
    """Whose view an item states; `short` is how citations name it (an acronym or short name)."""

    id: str
    name: str
    short: str


class GlossaryEntry(NamedTuple):
    """An acronym a councillor may not know, with its expansion and a plain explanation."""

    term: str
    expansion: str
    explanation: str = ""


class Source(NamedTuple):
    """One published document; `text` is the shipped conversion every quote is checked against."""

    id: str
    title: str
    publisher: str
    date: str  # as the document gives it: "2014", "May 2014" or "30 May 2014"
    short_title: str
    file: str
    path: Path
    text: str
    url: str = ""
    order: int = 0
    furniture: tuple[str, ...] = ()  # regexes for whole lines of page furniture (sources.yaml)
    organisations: tuple[str, ...] = ()  # ids of the organisations whose views it states or reports
    library: str = ""  # the name of the library it is listed in
    original: str = ""  # the imported file, kept untouched (a path inside its library)
    map_path: Path | None = None  # an imported source's map (pages, headings), if it has one

    def __repr__(self) -> str:  # without the whole document's text
        return f"Source(id={self.id!r}, title={self.title!r}, file={self.file!r})"


class Item(NamedTuple):
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
    restates: str = ""  # id of an item saying the same thing; a pack never prints both
    library: str = ""  # the name of the library whose items file holds it


_CORPUS_FIELDS = ("themes", "organisations", "sources", "glossary", "items", "root", "libraries")


class Corpus:
    """Everything loaded from the content libraries, validated and with every quote located.

    `root` is the first library's folder (the shipped content, or `--content`). Immutable once
    made; `by_id` is derived from `items`."""

    __slots__ = (
        "by_id",
        "glossary",
        "items",
        "libraries",
        "organisations",
        "root",
        "sources",
        "themes",
    )

    themes: dict[str, Theme]
    organisations: dict[str, Organisation]
    sources: dict[str, Source]
    glossary: tuple[GlossaryEntry, ...]
    items: tuple[Item, ...]
    root: Path
    libraries: tuple[LibraryFolder, ...]
    by_id: dict[str, Item]

    def __init__(
        self,
        themes: dict[str, Theme],
        organisations: dict[str, Organisation],
        sources: dict[str, Source],
        glossary: tuple[GlossaryEntry, ...],
        items: tuple[Item, ...],
        root: Path,
        libraries: tuple[LibraryFolder, ...] = (),
    ) -> None:
        libraries = libraries or (LibraryFolder(root, "shipped", "shipped"),)
        values = (themes, organisations, sources, glossary, items, root, libraries)
        for name, value in zip(_CORPUS_FIELDS, values, strict=True):
            object.__setattr__(self, name, value)
        object.__setattr__(self, "by_id", {item.id: item for item in items})

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in _CORPUS_FIELDS)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Corpus cannot be changed (tried to set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Corpus cannot be changed (tried to delete {name!r})")

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return (Corpus, self._fields())  # `by_id` is rebuilt on unpickling

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Corpus):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # holds dicts, as the dataclass did

    def __repr__(self) -> str:
        return (
            f"Corpus(root={self.root!r}, {len(self.items)} items, {len(self.sources)} sources, "
            f"{len(self.themes)} themes)"
        )

    def item(self, item_id: str) -> Item:
        """Return the item called `item_id`; KeyError if the corpus has none."""
        return self.by_id[item_id]

    def has_item(self, item_id: str) -> bool:
        return item_id in self.by_id

    def citation(self, item: Item) -> str:
        """The short citation of `item`, as a pack prints it under the quote and `briefgen items`
        lists it: "LGA, Rewiring Public Services, Proposition 3"."""
        source = self.sources[item.source]
        return f"{self.organisations[item.org].short}, {source.short_title}, {item.locator}"
