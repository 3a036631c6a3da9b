"""The pack as one standalone HTML document: what the PDF is printed from and what a browser shows.

One function (`pack_context`) turns a `Pack` into the plain `PackContext` the Jinja templates see;
the templates never reach into the model. Autoescaping is on and undefined names are errors, so
text from a pack (a meeting title, a quote) always appears as text and never as markup.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal, NamedTuple, TypedDict

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError
from markupsafe import Markup

from briefgen.content.model import Corpus
from briefgen.content.paths import assets_dir, templates_dir
from briefgen.errors import RenderError
from briefgen.pack.model import (
    Block,
    BulletList,
    Pack,
    Paragraph,
    Placeholder,
    Quote,
    Section,
    Table,
)
from briefgen.pack.wording import acronym_line
from briefgen.render import RenderOptions, RenderResult
from briefgen.render.length import starts_appendix
from briefgen.render.references import keep_labels_with_numbers
from briefgen.render.running import fit_line
from briefgen.render.tables import fit_table, kept_together, stays_whole

TEMPLATE = "pdf/pack.html.j2"
STYLESHEET = "pack.css"
LARGE_PRINT_STYLESHEET = "large-print.css"
LOGO_NAMES = ("logo.svg", "logo.png")
_LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png"}
MM = 72 / 25.4  # points in a millimetre
# The running header's room, in points (assets/pack.css, large-print.css): each side box is 38%
# of the 170 mm frame; large print's one centred line is the whole 174 mm.
HEADER_SIDE_WIDTH = 0.38 * 170 * MM
HEADER_FULL_WIDTH = 170 * MM  # the title alone, with neither meeting nor marking beside it
LARGE_PRINT_HEADER_WIDTH = 174 * MM


class FactContext(TypedDict):
    label: str
    value: str


class ContentsEntry(TypedDict):
    anchor: str
    number: str
    title: str
    level: int


class ParagraphContext(TypedDict):
    type: Literal["paragraph"]
    text: str
    role: str  # briefgen | officer | source
    number: str
    label: str
    acronyms: str
    keep_with_next: bool  # an introduction to the list, table or quote that follows it


class PlaceholderContext(TypedDict):
    type: Literal["placeholder"]
    text: str
    number: str


class QuoteContext(TypedDict):
    type: Literal["quote"]
    item_id: str
    kind: str
    kind_label: str
    paragraphs: list[str]  # the exact quoted text, split only where the source has a blank line
    citation: str
    headline: str
    number: str
    acronyms: str
    elided_start: bool  # an editor's "[…]" before the quoted words, set apart from them
    elided_end: bool


class ListContext(TypedDict):
    type: Literal["list"]
    entries: list[str]
    role: str
    ordered: bool
    number: str
    acronyms: str


class TablePartContext(TypedDict):
    caption: str
    header: list[str]
    rows: list[list[str]]
    widths: list[str]  # each column's CSS width, "24.0%"
    whole: bool  # kept on one page (a table of counts)


class TableContext(TypedDict):
    type: Literal["table"]
    number: str
    parts: list[TablePartContext]  # one table, or the tables a too-wide one becomes


BlockContext = ParagraphContext | PlaceholderContext | QuoteContext | ListContext | TableContext


class SectionContext(TypedDict):
    anchor: str
    level: int
    heading_tag: str  # h2 for level 1: the document title on the cover is the only h1
    number: str
    title: str
    blocks: list[BlockContext]
    appendix_start: bool  # an appendix: starts a page of its own


class PackContext(TypedDict):
    """Everything the templates may use; built by `pack_context` and nothing else."""

    language: str
    layout: str
    large_print: bool
    numbered: bool  # committee reports: numbered headings and paragraphs
    title: str
    subtitle: str
    meeting: str
    date_text: str
    marking: str
    subject: str
    author: str
    keywords: str
    logo_src: str
    labels: dict[str, str]
    cover_facts: list[FactContext]
    contents: list[ContentsEntry]
    sections: list[SectionContext]
    stylesheet: Markup
    page_style: Markup


def render(pack: Pack, corpus: Corpus, options: RenderOptions) -> RenderResult:
    """The pack as a standalone UTF-8 HTML file: styles inline, fonts by relative URL."""
    return RenderResult(render_html_string(pack, corpus).encode("utf-8"))


def render_html_string(pack: Pack, corpus: Corpus) -> str:
    """The pack's HTML, exactly as the PDF renderer, the preview and the benchmark use it."""
    context = pack_context(pack, corpus)
    try:
        return _environment(str(templates_dir())).get_template(TEMPLATE).render(context)
    except TemplateError as error:
        raise RenderError(
            f"the pack template {templates_dir() / TEMPLATE} is broken ({error}); "
            "restore briefgen's templates folder"
        ) from None


def base_url() -> str:
    """The URL relative asset references (fonts) resolve against: the assets folder."""
    return assets_dir().resolve().as_uri() + "/"


@lru_cache(maxsize=4)
def _environment(folder: str) -> Environment:
    return Environment(
        loader=FileSystemLoader(folder),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def pack_context(pack: Pack, corpus: Corpus) -> PackContext:
    """The one context object the templates see, built from `pack`."""
    labels = dict(pack.wording)
    numbered = any(section.number for section in pack.sections)
    return PackContext(
        language=pack.language,
        layout=pack.spec.layout,
        large_print=pack.large_print,
        numbered=numbered,
        title=pack.title,
        subtitle=pack.subtitle,
        meeting=pack.spec.meeting.meeting.strip(),
        date_text=pack.date_text,
        marking=pack.marking,
        subject=pack.subject,
        author=pack.author,
        keywords=", ".join(pack.keywords),
        logo_src=_logo_data_url(),
        labels=labels,
        # The meeting and date are set large under the title, so the table does not repeat them.
        cover_facts=[
            FactContext(label=label, value=value)
            for label, value in pack.cover_facts
            if label not in (labels["meeting"], labels["date"])
        ],
        contents=[
            ContentsEntry(anchor=s.anchor, number=s.number, title=s.title, level=s.level)
            for s in pack.sections
            if s.in_contents
        ],
        sections=[
            _section_context(section, table_frame(pack), appendix_start=starts_appendix(section))
            for section in pack.sections
        ],
        stylesheet=_stylesheet(pack.large_print),
        page_style=_page_style(pack),
    )


class TableFrame(NamedTuple):
    """The room a table has in the PDF (`assets/pack.css`, `large-print.css`), in points."""

    width: float
    size: float  # the table's text size
    padding: float  # a cell's padding, left and right together


def table_frame(pack: Pack) -> TableFrame:
    """The text frame's width less a committee report's number gutter, and the table text size,
    for `pack`'s print size."""
    numbered = any(section.number for section in pack.sections)
    if pack.large_print:  # 18 mm margins, a 20 mm gutter, 18 pt text
        return TableFrame(MM * (174 - (20 if numbered else 0)), 18.0, MM * 2.5)
    return TableFrame(MM * (170 - (12 if numbered else 0)), 10.0, MM * 2.5)


def _section_context(
    section: Section, frame: TableFrame, appendix_start: bool = False
) -> SectionContext:
    return SectionContext(
        appendix_start=appendix_start,
        anchor=section.anchor,
        level=section.level,
        heading_tag=f"h{min(section.level + 1, 6)}",
        number=section.number,
        title=section.title,
        blocks=[
            _block_context(block, frame, following)
            for block, following in zip(section.blocks, (*section.blocks[1:], None), strict=False)
        ],
    )


def _block_context(block: Block, frame: TableFrame, following: Block | None = None) -> BlockContext:
    match block:
        case Quote():
            return QuoteContext(
                type="quote",
                item_id=block.item_id,
                kind=block.kind,
                kind_label=block.kind_label,
                paragraphs=[part.strip() for part in re.split(r"\n\s*\n", block.text)],
                citation=keep_labels_with_numbers(block.citation),
                headline=block.headline,
                number=block.number,
                acronyms=acronym_line(block.acronyms),
                elided_start=block.elided_start,
                elided_end=block.elided_end,
            )
        case Paragraph():
            return ParagraphContext(
                type="paragraph",
                text=block.text,
                role=block.role,
                number=block.number,
                label=block.label,
                acronyms=acronym_line(block.acronyms),
                keep_with_next=following is not None and not isinstance(following, Paragraph),
            )
        case Placeholder():
            return PlaceholderContext(type="placeholder", text=block.text, number=block.number)
        case BulletList():
            return ListContext(
                type="list",
                entries=list(block.entries),
                role=block.role,
                ordered=block.ordered,
                number=block.number,
                acronyms=acronym_line(block.acronyms),
            )
        case Table():
            fitted = fit_table(block, frame.width, frame.size, frame.padding)
            room = (frame.width, frame.size, frame.padding)
            printed = [kept_together(part, *room) for part in fitted]
            return TableContext(
                type="table",
                number=block.number,
                parts=[
                    TablePartContext(
                        caption=table.caption,
                        header=list(table.header),
                        rows=[list(row) for row in table.rows],
                        widths=[f"{share * 100:.1f}%" for share in part.shares],
                        whole=stays_whole(table),
                    )
                    for part, table in zip(fitted, printed, strict=True)
                ],
            )
    raise TypeError(f"no HTML for block {block!r}")


def _asset(name: str) -> Path:
    path = assets_dir() / name
    if not path.is_file():
        raise RenderError(
            f"{path} is missing; copy it from briefgen's own assets folder "
            "(a council's assets folder needs every file briefgen's has)"
        )
    return path


def _stylesheet(large_print: bool) -> Markup:
    """The pack's CSS, inlined so the HTML file looks right wherever it is saved."""
    names = [STYLESHEET, LARGE_PRINT_STYLESHEET] if large_print else [STYLESHEET]
    css = "\n".join(_asset(name).read_text(encoding="utf-8") for name in names)
    # Our own file, but keep it from closing the <style> element whatever it holds.
    return Markup(css.replace("</", "<\\/"))


def _logo_data_url() -> str:
    """The council logo as a `data:` URL, so the HTML shows it wherever the file is saved."""
    for name in LOGO_NAMES:
        path = assets_dir() / name
        if path.is_file():
            encoded = base64.b64encode(path.read_bytes()).decode("ascii")
            return f"data:{_LOGO_TYPES[path.suffix]};base64,{encoded}"
    raise RenderError(
        f"no council logo in {assets_dir()}; add logo.svg or logo.png "
        "(briefgen's own assets folder has a neutral placeholder)"
    )


def css_string(text: str) -> str:
    """`text` as a quoted CSS string that cannot end the string or the <style> element."""
    escaped = "".join(
        ch if ch.isalnum() or ch in " ,.:;-–()!?/'" else f"\\{ord(ch):x} " for ch in text
    )
    return f'"{escaped}"'


def _page_style(pack: Pack) -> Markup:
    """Page furniture CSS that depends on the wording and the pack: "Page X of Y", the running
    title and meeting (each one line, shortened if need be), and the protective marking,
    centred at the top and bottom of every page, the cover included."""
    page_of, marking = pack.wording["page_of"], pack.marking
    parts = []
    for piece in re.split(r"(\{pages\}|\{page\})", page_of):
        if piece == "{page}":
            parts.append("counter(page)")
        elif piece == "{pages}":
            parts.append("counter(pages)")
        elif piece:
            parts.append(css_string(piece))
    rules = [f"@page {{ @bottom-right {{ content: {' '.join(parts) or 'counter(page)'}; }} }}"]
    marking_css = css_string(marking) if marking else ""
    if marking:
        rules.append(f"@page {{ @bottom-center {{ content: {marking_css}; }} }}")
    if pack.large_print:
        # Large print has one centred header, the marking over the title, rather than three
        # narrow columns of 16 pt text. The cover shows the title itself, so only the marking.
        title = css_string(fit_line(pack.title, LARGE_PRINT_HEADER_WIDTH, 16.0))
        header = f'{marking_css} "\\A" {title}' if marking else title
        rules.append(f"@page {{ @top-center {{ content: {header}; }} }}")
        rules.append(f"@page :first {{ @top-center {{ content: {marking_css or 'none'}; }} }}")
        return Markup("\n".join(rules))
    if not marking and not pack.spec.meeting.meeting.strip():
        # The title alone takes the whole line (as in Word), not a third of it cut short.
        title = css_string(fit_line(pack.title, HEADER_FULL_WIDTH, 9.0))
        rules.append(
            f"@page {{ @top-left {{ content: {title}; width: 100%; }}"
            " @top-center { width: 0; } @top-right { content: none; width: 0; } }"
        )
        return Markup("\n".join(rules))
    title = css_string(fit_line(pack.title, HEADER_SIDE_WIDTH, 9.0))
    meeting = css_string(fit_line(pack.spec.meeting.meeting.strip(), HEADER_SIDE_WIDTH, 9.0))
    rules.append(
        f"@page {{ @top-left {{ content: {title}; }} @top-right {{ content: {meeting}; }} }}"
    )
    if marking:
        rules.append(f"@page {{ @top-center {{ content: {marking_css}; }} }}")
    return Markup("\n".join(rules))
