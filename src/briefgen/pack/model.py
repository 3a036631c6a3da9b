"""The pack model: what the officer asked for (`PackSpec`) and the document built from it (`Pack`).

`PackSpec` is what a pack file saves and what the GUI edits. `Pack` is the one typed document
every renderer walks: a cover, then sections of blocks in reading order. Quoted text, the
officer's own text and briefgen's own wording are different block roles, never mixed, so each
output can show who wrote what.

What the officer edits is mutable dataclasses; the built document is immutable named tuples
(defined at every command-line start in a fifth of a frozen dataclass's time; see
docs/decisions/0006 and `briefgen.content.model`).
"""

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

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


@dataclass
class Contact:
    """A named officer: the report's author or its contact officer."""

    name: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""

    def is_empty(self) -> bool:
        return not (self.name or self.role or self.email or self.phone)


@dataclass
class MeetingDetails:
    """What the cover, running header and footer carry."""

    title: str = ""
    meeting: str = ""  # the committee or meeting the pack is for
    meeting_date: date | None = None
    author: Contact = field(default_factory=Contact)
    contact: Contact = field(default_factory=Contact)
    marking: str = ""  # "", OFFICIAL or OFFICIAL-SENSITIVE
    large_print: bool = False
    purpose: str = "discussion"  # committee reports: decision, discussion or noting
    wards: str = ""  # committee reports: wards affected ("" means the template's default)


@dataclass
class OfficerText:
    """The officer's own words: kept apart from quotes and from briefgen's wording."""

    summary: str = ""  # committee report summary (often 120-150 words)
    key_messages: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)  # to the committee, not the sources'
    notes: str = ""


@dataclass
class PackSpec:
    """Everything needed to rebuild a pack: the selection, the layout and the meeting details.

    `excluded` drops items the selection would give; `included` adds items it would not;
    `order` (item ids) moves the listed items to that relative order within their theme.
    """

    layout: str = "member-briefing"
    audience: str = "members"
    themes: list[str] = field(default_factory=list)
    meeting: MeetingDetails = field(default_factory=MeetingDetails)
    officer: OfficerText = field(default_factory=OfficerText)
    excluded: list[str] = field(default_factory=list)
    included: list[str] = field(default_factory=list)
    order: list[str] = field(default_factory=list)


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
    """One source item, quoted unaltered, with its short citation and briefgen's headline."""

    item_id: str
    kind: str
    kind_label: str
    text: str
    citation: str  # "LGA, Rewiring Public Services: Children's Services, Proposition 3"
    headline: str = ""  # briefgen's own summary, labelled as such
    number: str = ""
    acronyms: tuple[Acronym, ...] = ()


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


Block = Paragraph | Placeholder | Quote | BulletList | Table


class Section(NamedTuple):
    """A headed part of the pack; `level` 1 or 2; `anchor` is unique in the pack."""

    title: str
    anchor: str
    level: int = 1
    number: str = ""  # "3" for a numbered committee-report section
    blocks: tuple[Block, ...] = ()
    in_contents: bool = True


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
    item_ids: tuple[str, ...]  # every quoted item, in order of appearance
    source_ids: tuple[str, ...]  # every source relied on, in order of first use
    page_limit: int | None  # the layout's length norm, from templates/wording.yaml
    cover_facts: tuple[tuple[str, str], ...]  # label/value pairs shown on the cover
    wording: dict[str, str]  # the fixed labels renderers need (from templates/wording.yaml)
    language: str = "en-GB"
    subject: str = ""
    author: str = ""
    keywords: tuple[str, ...] = ()
