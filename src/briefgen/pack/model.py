"""The pack model: what the officer asked for (`PackSpec`) and the document built from it (`Pack`).

`PackSpec` is what a pack file saves and what the GUI edits. Each of its fields is declared here
once, with its kind of value, limits, pack-file key and `briefgen build` option
(`briefgen.pack.spec`); the pack file, the options and their checks are derived from these
declarations, so a new field is one line here (plus its tests).

`Pack` is the one typed document every renderer walks: a cover, then sections of blocks in
reading order. Quoted text, the officer's own text and briefgen's own wording are different
block roles, never mixed, so each output can show who wrote what.

What the officer edits is mutable dataclasses; the built document is immutable named tuples
(defined at every command-line start in a fifth of a frozen dataclass's time; see
docs/decisions/0006 and `briefgen.content.model`).
"""

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from briefgen.pack.spec import Choice, Date, Flag, Group, Text, TextList, declare

LAYOUTS: tuple[str, ...] = ("member-briefing", "committee-report", "evidence-pack")
MARKINGS: tuple[str, ...] = ("", "OFFICIAL", "OFFICIAL-SENSITIVE")
PURPOSES: tuple[str, ...] = ("decision", "discussion", "noting")


def marking_from_text(text: str) -> str | None:
    """The protective marking an officer typed ("none", "official", "OFFICIAL-SENSITIVE", ...)
    as the model holds it ("" for none), or None if it is not one."""
    key = text.strip().upper().replace(" ", "-").replace("_", "-")
    if key in ("", "NONE"):
        return ""
    return key if key in MARKINGS else None


def audience_choices() -> tuple[str, ...]:
    """The audiences a pack can be for (`briefgen.selection`, read when first needed)."""
    from briefgen.selection import AUDIENCES

    return tuple(AUDIENCES)


def _audience_label(audience: str) -> str:
    from briefgen.pack.labels import audience_label

    return audience_label(audience)


def _layout_label(layout: str) -> str:
    from briefgen.pack.labels import layout_label

    return layout_label(layout)


# Each field's kind and limits, then where it goes: `key` is its name in the pack file if not the
# attribute's, `option` its `briefgen build` option (none if not given). The limits are listed
# in the README's section on pack files.


@dataclass
class Contact:
    """A named officer: the report's author or its contact officer."""

    name: str = declare(Text(200), option="", metavar="NAME", help="{group} officer's name")
    role: str = declare(Text(200), option="role", metavar="ROLE")
    email: str = declare(Text(320), option="email", metavar="EMAIL")
    phone: str = declare(Text(100), option="phone", metavar="PHONE")

    def is_empty(self) -> bool:
        return not (self.name or self.role or self.email or self.phone)


@dataclass
class MeetingDetails:
    """What the cover, running header and footer carry."""

    title: str = declare(Text(300), option="title")
    meeting: str = declare(Text(300), option="meeting", help="committee or meeting name")
    meeting_date: date | None = declare(Date(), key="date", option="date", help="meeting date")
    marking: str = declare(
        Choice(
            MARKINGS,
            "",
            normalise=marking_from_text,
            spelled="none, OFFICIAL or OFFICIAL-SENSITIVE",
        ),
        option="marking",
        metavar="M",
    )
    large_print: bool = declare(Flag(), option="large-print", help="UKAAF large print")
    purpose: str = declare(
        Choice(PURPOSES, "discussion"), option="purpose", help="committee report purpose"
    )
    # Wards affected ("" means the template's default).
    wards: str = declare(Text(2000), option="wards", help="wards affected (committee reports)")
    author: Contact = declare(Group(Contact), option="author")
    contact: Contact = declare(Group(Contact), option="contact")


@dataclass
class OfficerText:
    """The officer's own words: kept apart from quotes and from briefgen's wording."""

    # The committee report's summary (often 120-150 words).
    summary: str = declare(Text(20_000), option="summary", help="report summary (officer's text)")
    key_messages: list[str] = declare(
        TextList(2000, entries=100), option="key-message", metavar="TEXT"
    )
    # The officer's recommendations to the committee, not the sources'.
    recommendations: list[str] = declare(
        TextList(2000, entries=100), option="recommendation", metavar="TEXT"
    )
    notes: str = declare(Text(20_000), option="notes", help="officer's notes")
    # The committee report's options, the officer's own (at least three, "do nothing" among them).
    options: list[str] = declare(
        TextList(2000, entries=20),
        option="option",
        metavar="TEXT",
        help="an option for the council (committee reports)",
    )
    # Unpublished documents the report relies on (LGA 1972 s.100D); published works are references.
    background_papers: list[str] = declare(
        TextList(2000, entries=50),
        option="background-paper",
        metavar="TEXT",
        help="an unpublished background paper (committee reports)",
    )


@dataclass
class PackSpec:
    """Everything needed to rebuild a pack: the selection, the layout and the meeting details.

    `excluded` drops items the selection would give; `included` adds items it would not;
    `order` (item ids) moves the listed items to that relative order within their theme;
    `in_body` and `in_appendix` move items between a committee report's body and Appendix A;
    `key_items` and `not_key` mark items key or not, whatever the content says.
    """

    layout: str = declare(Choice(LAYOUTS, "member-briefing", labels=_layout_label), option="layout")
    # `--audience A --audience B` builds one file per audience (`briefgen.audience_outputs`).
    audience: str = declare(
        Choice(audience_choices, "members", labels=_audience_label),
        option="audience",
        help="repeat for one file per audience, named after it",
        several=True,
    )
    themes: list[str] = declare(
        TextList(200, entries=500), option="theme", metavar="T", help="theme id"
    )
    meeting: MeetingDetails = declare(Group(MeetingDetails))
    officer: OfficerText = declare(Group(OfficerText))
    # An option adds to the pack file's lists of items (`extend`) rather than replacing them.
    excluded: list[str] = declare(
        TextList(200, entries=10_000),
        key="items.exclude",
        option="exclude",
        metavar="ITEM",
        help="leave out an item",
        extend=True,
    )
    included: list[str] = declare(
        TextList(200, entries=10_000),
        key="items.include",
        option="include",
        metavar="ITEM",
        help="add an item",
        extend=True,
    )
    order: list[str] = declare(TextList(200, entries=10_000), key="items.order")
    # A committee report quotes its key items in the body and the rest in Appendix A; these move
    # the listed items into the body, or out of it into the appendix.
    in_body: list[str] = declare(
        TextList(200, entries=10_000),
        key="items.in_body",
        option="in-body",
        metavar="ITEM",
        help="quote an item in the report's body (committee reports)",
        extend=True,
    )
    in_appendix: list[str] = declare(
        TextList(200, entries=10_000),
        key="items.in_appendix",
        option="in-appendix",
        metavar="ITEM",
        help="move an item from the report's body to its appendix (committee reports)",
        extend=True,
    )
    # The officer's key flags, over the content's: a key item leads its theme in every layout.
    key_items: list[str] = declare(
        TextList(200, entries=10_000),
        key="items.key",
        option="key",
        metavar="ITEM",
        help="mark an item key (it leads its theme)",
        extend=True,
    )
    not_key: list[str] = declare(
        TextList(200, entries=10_000),
        key="items.not_key",
        option="not-key",
        metavar="ITEM",
        help="unmark an item the content marks key",
        extend=True,
    )


# --- The built document -------------------------------------------------------------------


class Acronym(NamedTuple):
    term: str
    expansion: str


class Paragraph(NamedTuple):
    """A paragraph of `role` text; `number` is its paragraph number in a committee report."""

    text: str
    role: str = "briefgen"
    number: str = ""
    acronyms: tuple[Acronym, ...] = ()
    label: str = ""  # a lead-in shown in bold before the text, e.g. "Purpose:"


class Placeholder(NamedTuple):
    """Text the officer must complete before the document goes out; always visibly marked."""

    text: str
    number: str = ""


class Quote(NamedTuple):
    """One source item, quoted unaltered, with its short citation and briefgen's headline.

    `elided_start` / `elided_end`: the quoted words begin or end mid-thought in the source (a
    lower-case list entry, "They would...", a lead-in ending in ":"), so the renderers print an
    editor's ellipsis "[…]" there, set apart from the quotation: it is never part of `text`."""

    item_id: str
    kind: str
    kind_label: str
    text: str
    citation: str  # "LGA, Rewiring Public Services: Children's Services, Proposition 3"
    headline: str = ""  # briefgen's own summary, labelled as such
    number: str = ""
    acronyms: tuple[Acronym, ...] = ()
    elided_start: bool = False
    elided_end: bool = False


class BulletList(NamedTuple):
    """A list of `role` text; `ordered` lists are numbered by the renderer."""

    entries: tuple[str, ...]
    role: str = "briefgen"
    ordered: bool = False
    number: str = ""
    acronyms: tuple[Acronym, ...] = ()


class Table(NamedTuple):
    """A table with a header row that repeats on every page it spans."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    number: str = ""
    # What the header's columns name ("Organisation"): a renderer may then turn a table too
    # wide for the page round, or give each row a table of its own (`briefgen.render.tables`).
    column_label: str = ""


Block = Paragraph | Placeholder | Quote | BulletList | Table


class Section(NamedTuple):
    """A headed part of the pack; `level` 1 or 2; `anchor` is unique in the pack."""

    title: str
    anchor: str
    level: int = 1
    number: str = ""  # "3" for a numbered committee-report section
    blocks: tuple[Block, ...] = ()
    in_contents: bool = True
    appendix: bool = False  # after the report's body: not counted against its length norm


class Pack(NamedTuple):
    """The built pack: one typed document every renderer walks in the same order."""

    spec: PackSpec
    title: str
    subtitle: str  # the layout's name for the document, e.g. "Member briefing"
    meeting_line: str  # "Children's Services Scrutiny Committee, 22 November 2026"
    date_text: str  # UK style, "22 November 2026"
    marking: str
    large_print: bool
    audience_label: str
    sections: tuple[Section, ...]
    # Every selected item, in pack order (a member briefing quotes only the strongest of them).
    item_ids: tuple[str, ...]
    source_ids: tuple[str, ...]  # every source quoted, in order of first use
    quoted_ids: tuple[str, ...]  # every item quoted, in order of appearance
    page_limit: int | None  # the layout's length norm, from templates/wording.yaml
    cover_facts: tuple[tuple[str, str], ...]  # label/value pairs shown on the cover
    wording: dict[str, str]  # the fixed labels renderers need (from templates/wording.yaml)
    language: str = "en-GB"
    # The heading levels the contents list (a report of a few sides lists its main parts).
    contents_levels: int = 3
    contents_on_cover: bool = False  # the cover sheet carries the contents (committee reports)
    subject: str = ""
    author: str = ""
    keywords: tuple[str, ...] = ()
