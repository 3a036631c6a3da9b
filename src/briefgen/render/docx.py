"""The pack as a Word document to edit: named styles, a contents field, the council's own template.

Every python-docx call in briefgen lives in this module, behind small helpers named for what they
add to the document (`add_quote`, `add_citation`, `add_placeholder`, `add_table`,
`add_contents_field`, ...); nothing from python-docx reaches the pack model. The renderer walks
`pack.sections` in order, as the PDF does, so both carry the same sections, items and citations
in the same order; every word briefgen adds comes from `pack.wording` or the pack itself.

The styles come from `assets/reference.docx` (made by `scripts/make_reference_docx.py`) or from
a council's own .docx/.dotx (`RenderOptions.template`): its body is cleared, its section kept,
and briefgen's own styles are copied in from the reference where the template lacks them. Word's
structural styles (Title, Heading 1-3, the list styles) must be the template's own.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT, WD_TAB_ALIGNMENT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.parser import element_class_lookup
from docx.shared import Emu, Mm, Twips
from docx.styles import BabelFish
from docx.styles.style import BaseStyle, StyleFactory
from docx.text.paragraph import Paragraph as WordParagraph
from lxml import etree

from briefgen.content.model import Corpus
from briefgen.errors import RenderError
from briefgen.pack.model import (
    Acronym,
    Block,
    BulletList,
    Pack,
    Paragraph,
    Placeholder,
    Quote,
    Section,
    Table,
)
from briefgen.pack.wording import assets_dir
from briefgen.render import RenderOptions, RenderResult
from briefgen.render.length import estimate, length_warning

REFERENCE_NAME = "reference.docx"
LOGO_NAMES = ("logo.png", "logo.jpg", "logo.jpeg")  # Word needs a raster copy of logo.svg

# Word's own styles the pack's structure rests on (the navigation pane, the contents field,
# lists): a council template must define them itself, in its house style.
REQUIRED_STYLES = (
    "Normal",
    "Title",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "List Bullet",
    "List Number",
)
# Styles briefgen adds (and Word ones a house template often leaves undefined): copied in from
# the reference when a template lacks them. None names a font, so they take the template's.
OWN_STYLES = (
    "Subtitle",
    "Cover Meeting",
    "Cover Fact",
    "Cover Fact First",
    "Logo",
    "TOC Heading",
    "toc 1",
    "toc 2",
    "toc 3",
    "Numbered Paragraph",
    "Briefing Note",
    "Item Label",
    "Briefing Headline",
    "Quote",
    "Citation",
    "Placeholder",
    "Caption",
    "Table Text",
    "Table Heading",
    "Briefing Table",
    "Header",
    "Footer",
    "Marking",
    "Label",
    "Note",
    "Kind Label",
    "Paragraph Number",
    "Placeholder Label",
)

PROPERTY_LIMIT = 255  # python-docx refuses longer core properties (title, subject, keywords)
_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
TEMPLATE_REMEDY = "save it again from Word as .dotx or .docx, or build without --template"
REFERENCE_REMEDY = (
    "restore assets/reference.docx from briefgen (scripts/make_reference_docx.py makes it)"
)
CONTENTS_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'
_TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

# Large print after UKAAF: 18 pt body, headings larger, page furniture at 16 pt (half-points).
LARGE_PRINT_BODY = 36
LARGE_PRINT_SIZES = {
    "Title": 60,
    "Heading 1": 52,
    "TOC Heading": 52,
    "Heading 2": 44,
    "Heading 3": 40,
    "Header": 32,
    "Footer": 32,
    "Marking": 32,
}
LARGE_PRINT_GUTTER = Mm(22)  # room for "3.12" at 18 pt
LARGE_PRINT_FACT_INDENT = Mm(80)
LOGO_WIDTH, LARGE_PRINT_LOGO_WIDTH = Mm(62), Mm(70)

# Children of w:settings that must follow w:updateFields / w:themeFontLang (schema order).
_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
_AFTER_THEME_FONT_LANG = _AFTER_UPDATE_FIELDS[_AFTER_UPDATE_FIELDS.index("w:themeFontLang") + 1 :]

_W_P, _W_PPR, _W_PSTYLE, _W_VAL = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_W_R, _W_RPR, _W_RSTYLE = qn("w:r"), qn("w:rPr"), qn("w:rStyle")
_W_T, _W_TAB, _W_BR, _XML_SPACE = qn("w:t"), qn("w:tab"), qn("w:br"), qn("xml:space")
_W_TBL, _W_TYPE, _W_W = qn("w:tbl"), qn("w:type"), qn("w:w")
# python-docx's default table look: the style's header row and first column formatting apply.
_TABLE_LOOK = (
    '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
    'w:noHBand="0" w:noVBand="1" w:val="04A0"/>'
)
_RUN_PIECES = re.compile(r"(\t|\r\n|\n|\r)")
_HAS_BREAKS = re.compile(r"[\t\r\n]")

# Characters XML 1.0 cannot hold; dropped from text (nothing a reader could see is lost).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render(pack: Pack, corpus: Corpus, options: RenderOptions) -> RenderResult:
    """The pack as .docx bytes, in the reference's styles or `options.template`'s."""
    template = options.template
    document = open_template(template) if template is not None else open_reference()
    styles = _check_and_complete_styles(document, template)
    _clear_body(document)
    if pack.large_print:
        apply_large_print(document)
    writer = _Writer(document, styles, pack)
    warnings = writer.write()
    # Word lays out the pages when the file is opened, so the length check works from an
    # estimate in the PDF's geometry: the same norm, the same sections named to trim.
    pages, lengths = estimate(pack)
    length = length_warning(pack, lengths, pages, estimated=True)
    if length:
        warnings.append(length)
    set_language(document, pack.language)
    request_field_update(document)
    set_properties(document, pack)
    buffer = io.BytesIO()
    document.save(buffer)
    return RenderResult(buffer.getvalue(), None, tuple(warnings), estimated_pages=pages)


# --- Opening the reference or a council's template -----------------------------------------


def _reference_path() -> Path:
    path = assets_dir() / REFERENCE_NAME
    if not path.is_file():
        raise RenderError(
            f"{path} is missing; copy it from briefgen's own assets folder "
            "(a council's assets folder needs every file briefgen's has)"
        )
    return path


@lru_cache(maxsize=2)
def _reference_bytes(path: Path, mtime: float) -> bytes:
    """The reference's bytes, read once per change of the file (`mtime` is the cache key)."""
    return path.read_bytes()


def open_reference() -> WordDocument:
    """A fresh copy of `assets/reference.docx` (parsed anew: each render changes it)."""
    path = _reference_path()
    return _open_word(_reference_bytes(path, path.stat().st_mtime), path, REFERENCE_REMEDY)


def open_template(path: Path) -> WordDocument:
    """A council's .docx or .dotx, opened as a document; `RenderError` if it cannot be."""
    if path.suffix.lower() not in (".docx", ".dotx"):
        raise RenderError(
            f"the Word template {path} is not a .docx or .dotx file; save it from Word as a "
            "Word template (.dotx) or document (.docx), or build without --template"
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RenderError(
            f"cannot read the Word template {path} ({error.strerror or error}); check the file "
            "name, or build without --template"
        ) from None
    return _open_word(_as_document_package(data, path), path, TEMPLATE_REMEDY)


def _as_document_package(data: bytes, path: Path) -> bytes:
    """`data` with a .dotx's main part relabelled as a document: python-docx opens only those.

    The two content types differ in name only; the parts inside are the same. The file on disk
    is never changed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            types = source.read("[Content_Types].xml")
            if _TEMPLATE_MAIN.encode() not in types:
                return data
            patched = io.BytesIO()
            with zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as target:
                for info in source.infolist():
                    content = source.read(info.filename)
                    if info.filename == "[Content_Types].xml":
                        content = content.replace(_TEMPLATE_MAIN.encode(), _DOCUMENT_MAIN.encode())
                    target.writestr(info, content)
            return patched.getvalue()
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError) as error:
        raise _unreadable(path, error, TEMPLATE_REMEDY) from None


def _open_word(data: bytes, path: Path, remedy: str) -> WordDocument:
    try:
        return Document(io.BytesIO(data))
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        etree.XMLSyntaxError,
    ) as error:
        raise _unreadable(path, error, remedy) from None


def _unreadable(path: Path, error: Exception, remedy: str) -> RenderError:
    detail = str(error).strip() or type(error).__name__
    if len(detail) > 160:
        detail = detail[:157] + "..."
    return RenderError(
        f"{path} is not a Word document or template briefgen can read ({detail}); {remedy}"
    )


def _clear_body(document: WordDocument) -> None:
    """Remove the template's content, keeping its page set-up (the body's last `w:sectPr`)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


# --- Styles --------------------------------------------------------------------------------


def _check_and_complete_styles(document: WordDocument, template: Path | None) -> dict[str, Any]:
    """Every style the renderer uses, by name; briefgen's own are copied in from the reference
    where `document` lacks them. `RenderError` naming every missing structural style."""
    # One pass over the styles part: python-docx's `name in styles` and `styles[name]` each walk
    # every style, which cost more than writing a short pack's body.
    present = _style_elements(document)
    missing = [name for name in REQUIRED_STYLES if BabelFish.ui2internal(name) not in present]
    if missing:
        source = f"the Word template {template}" if template else f"{_reference_path()}"
        fix = (
            "add these styles to the template (in Word, use each once and save the "
            "template), or build without --template"
            if template
            else REFERENCE_REMEDY
        )
        raise RenderError(
            f"{source} lacks the Word style{'s' if len(missing) > 1 else ''} briefgen needs: "
            f"{', '.join(missing)}; {fix}"
        )
    absent = [name for name in OWN_STYLES if BabelFish.ui2internal(name) not in present]
    if absent:
        _copy_styles(open_reference(), document, absent)
        present = _style_elements(document)
    return {
        name: StyleFactory(present[BabelFish.ui2internal(name)])
        for name in (*REQUIRED_STYLES, *OWN_STYLES)
    }


def _style_elements(document: WordDocument) -> dict[str, Any]:
    """The document's style elements by internal name (the first of any duplicate, as Word)."""
    present: dict[str, Any] = {}
    for element in document.styles.element.style_lst:
        present.setdefault(element.name_val, element)
    return present


def _copy_styles(source: WordDocument, target: WordDocument, names: Sequence[str]) -> None:
    """Copy the styles called `names` from `source` to `target`, re-pointing each style's
    `basedOn`, `next` and `link` at the target's style of the same name (or dropping them)."""
    source_names = {s.style_id: s.name for s in source.styles}
    target_ids = {s.name: s.style_id for s in target.styles}
    normal_id = target_ids.get("Normal", "Normal")
    wanted = [source.styles[name].element for name in names if name in source.styles]
    taken = set(target_ids.values())
    for element in wanted:  # every copied style keeps its id unless the target uses it
        style_id = element.get(qn("w:styleId"))
        name = source_names.get(style_id, style_id)
        new_id = style_id
        while new_id in taken:
            new_id = f"{new_id}Briefgen"
        taken.add(new_id)
        target_ids[name] = new_id
    styles_element = target.styles.element
    for element in wanted:
        clone = copy.deepcopy(element)
        name = source_names[clone.get(qn("w:styleId"))]
        clone.set(qn("w:styleId"), target_ids[name])
        for tag in ("w:basedOn", "w:next", "w:link"):
            reference = clone.find(qn(tag))
            if reference is None:
                continue
            referenced_name = source_names.get(reference.get(qn("w:val")), "")
            if referenced_name in target_ids:
                reference.set(qn("w:val"), target_ids[referenced_name])
            elif tag == "w:basedOn" and clone.get(qn("w:type")) == "paragraph":
                reference.set(qn("w:val"), normal_id)
            else:
                clone.remove(reference)
        styles_element.append(clone)


def apply_large_print(document: WordDocument) -> None:
    """Restyle `document` for large print (UKAAF): 18 pt body, larger headings, 16 pt page
    furniture, left-aligned, no italics anywhere; wider gutters for numbers and cover facts."""
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is not None:
        for rpr in defaults.iter(qn("w:rPr")):
            _strip_italics(rpr)
            _set_size(rpr, LARGE_PRINT_BODY)
    for style in document.styles:
        element = style.element
        name = style.name
        rpr = element.find(qn("w:rPr"))
        if rpr is not None:
            _strip_italics(rpr)
        for conditional in element.findall(qn("w:tblStylePr")):
            for nested in conditional.findall(qn("w:rPr")):
                _strip_italics(nested)
        target = LARGE_PRINT_SIZES.get(name)
        if target is not None:
            _set_size(element.get_or_add_rPr(), target)
        elif name == "Normal":
            _set_size(element.get_or_add_rPr(), LARGE_PRINT_BODY)
        elif rpr is not None and _size(rpr) < LARGE_PRINT_BODY:
            _set_size(rpr, LARGE_PRINT_BODY)
        if style.type == WD_STYLE_TYPE.PARAGRAPH and name not in ("Header", "Footer", "Marking"):
            style.paragraph_format.alignment = WD_PARAGRAPH_ALIGNMENT.LEFT
    # Long quotations at 18 pt would leave half-empty pages if kept whole: let them break (the
    # label and summary still keep with their first lines), as the large-print PDF does.
    quote = document.styles["Quote"].paragraph_format
    quote.keep_together = quote.keep_with_next = False
    numbered = document.styles["Numbered Paragraph"].paragraph_format
    numbered.left_indent, numbered.first_line_indent = LARGE_PRINT_GUTTER, -LARGE_PRINT_GUTTER
    facts = document.styles["Cover Fact"].paragraph_format
    facts.left_indent, facts.first_line_indent = LARGE_PRINT_FACT_INDENT, -LARGE_PRINT_FACT_INDENT
    for stop in list(facts.tab_stops):
        facts.tab_stops.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
    facts.tab_stops.add_tab_stop(LARGE_PRINT_FACT_INDENT)


def _strip_italics(rpr: Any) -> None:
    for tag in ("w:i", "w:iCs"):
        for element in rpr.findall(qn(tag)):
            rpr.remove(element)


def _size(rpr: Any) -> int:
    """The size `rpr` sets, in half-points; the body size if it sets none (nothing to raise)."""
    size = rpr.find(qn("w:sz"))
    return LARGE_PRINT_BODY if size is None else int(size.get(qn("w:val"), LARGE_PRINT_BODY))


def _set_size(rpr: Any, half_points: int) -> None:
    rpr.get_or_add_sz().val = Emu(half_points * 6350)
    size_cs = rpr.find(qn("w:szCs"))
    if size_cs is not None:
        size_cs.set(qn("w:val"), str(half_points))


# --- Document-wide settings ----------------------------------------------------------------


def set_language(document: WordDocument, language: str) -> None:
    """`language` (en-GB) for spelling and screen readers: the defaults, every style that names a
    language, the theme font language and the core properties."""
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_element.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    if rpr.find(qn("w:lang")) is None:
        rpr.insert_element_before(OxmlElement("w:lang"), "w:eastAsianLayout", "w:specVanish")
    for lang in styles_element.iter(qn("w:lang")):
        lang.set(qn("w:val"), language)
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = OxmlElement("w:themeFontLang")
        settings.insert_element_before(theme_lang, *_AFTER_THEME_FONT_LANG)
    theme_lang.set(qn("w:val"), language)
    document.core_properties.language = language


def request_field_update(document: WordDocument) -> None:
    """Ask Word to refresh the contents and page fields on open (`w:updateFields`, placed
    before `w:compat` as the schema requires, or Word calls the file corrupt)."""
    settings = document.settings.element
    update = settings.find(qn("w:updateFields"))
    if update is None:
        update = OxmlElement("w:updateFields")
        settings.insert_element_before(update, *_AFTER_UPDATE_FIELDS)
    update.set(qn("w:val"), "true")


def set_properties(document: WordDocument, pack: Pack) -> None:
    """The file's title, subject, author, keywords and language (what Word's Info pane, search
    and screen readers show)."""
    properties = document.core_properties
    properties.title = _property(pack.title)
    properties.subject = _property(pack.subject)
    properties.author = _property(pack.author)
    properties.last_modified_by = _property(pack.author)
    properties.keywords = _property(", ".join(pack.keywords))
    properties.category = _property(pack.subtitle)
    properties.comments = _property(pack.wording.get("generated_by", ""))
    properties.language = pack.language
    now = datetime.now(UTC).replace(microsecond=0)
    properties.created = properties.modified = now
    properties.revision = 1


# --- The writer ------------------------------------------------------------------------------


class _Para:
    """A body paragraph being written: its properties and its runs as WordprocessingML text.

    The body is written as text and parsed once (`_Writer.flush`) rather than built element by
    element: python-docx's element classes make each `SubElement` cost a Python object, and
    building a short pack's few thousand elements one by one took most of its Word build."""

    __slots__ = ("ind", "keep_next", "num_id", "page_break", "parts", "space_before", "style_id")

    def __init__(self, style_id: str | None) -> None:
        self.style_id = style_id
        self.keep_next = False
        self.page_break = False
        self.num_id: int | None = None
        self.space_before: int | None = None  # twips
        self.ind: tuple[int, int] | None = None  # (left, first line) in EMU; first < 0 hangs
        self.parts: list[str] = []

    def xml(self) -> str:
        ppr = []
        if self.style_id is not None:
            ppr.append(f'<w:pStyle w:val="{_attr(self.style_id)}"/>')
        if self.keep_next:
            ppr.append("<w:keepNext/>")
        if self.page_break:
            ppr.append("<w:pageBreakBefore/>")
        if self.num_id is not None:
            ppr.append(f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{self.num_id}"/></w:numPr>')
        if self.space_before is not None:
            ppr.append(f'<w:spacing w:before="{self.space_before}"/>')
        if self.ind is not None:
            left, first = self.ind
            first_line = (
                f' w:hanging="{_twips(-first)}"' if first < 0 else f' w:firstLine="{_twips(first)}"'
            )
            ppr.append(f'<w:ind w:left="{_twips(left)}"{first_line if first else ""}/>')
        properties = f"<w:pPr>{''.join(ppr)}</w:pPr>" if ppr else ""
        return f"<w:p>{properties}{''.join(self.parts)}</w:p>"


class _Writer:
    """Walks the pack and adds it to `document`, section by section, in the pack's order."""

    def __init__(self, document: WordDocument, styles: dict[str, Any], pack: Pack) -> None:
        self.document = document
        self.styles = styles
        self.pack = pack
        self.numbered = False
        self.gutter = 0  # EMU: committee-report numbers hang in this margin, text after it
        self.bookmarks = 0
        self.warnings: list[str] = []
        self.style_ids: dict[str, str | None] = {}
        self.body_end: Any = None  # the body's section properties: paragraphs go before them
        self._pending: list[_Para | str] = []  # body XML not yet parsed
        self._left_indents: dict[str, int] = {}
        self._list_indents: dict[str, tuple[int, int]] = {}
        self._letters_abstract: dict[str, str] = {}

    def write(self) -> list[str]:
        pack = self.pack
        self.body_end = self.document.element.body.sectPr
        # Normal is the default paragraph style: Word writes no style reference for it.
        self.style_ids = {
            name: None if name == "Normal" else style.style_id
            for name, style in self.styles.items()
        }
        self.numbered = any(section.number for section in pack.sections)
        if self.numbered:
            self.gutter = self.left_indent("Numbered Paragraph")
        add_page_furniture(self, pack)
        add_cover(self, pack)
        entries = []
        bookmarks = []
        for section in pack.sections:
            bookmark = self.next_bookmark()
            bookmarks.append(bookmark)
            if section.in_contents:
                entries.append((section.level, section.number, section.title, bookmark))
        add_contents_field(self, pack.wording["contents"], entries)
        # The evidence pack's contents have a page to themselves, as in the PDF.
        break_before = pack.spec.layout == "evidence-pack"
        for section, bookmark in zip(pack.sections, bookmarks, strict=True):
            add_heading(self, section, bookmark, page_break_before=break_before)
            break_before = False
            add_blocks(self, section.blocks)
        self.flush()
        return self.warnings

    # Small services the helpers share.

    def style(self, name: str) -> Any:
        return self.styles[name]

    def paragraph(self, style: str, text: str = "") -> _Para:
        """A new body paragraph in `style`, holding `text`."""
        paragraph = _Para(self.style_ids[style])
        self._pending.append(paragraph)
        if text:
            self.run(paragraph, text)
        return paragraph

    def body_xml(self, xml: str) -> None:
        """Body content other than a paragraph (a table), written as WordprocessingML."""
        self._pending.append(xml)

    def last_is_table(self) -> bool:
        return bool(self._pending) and isinstance(self._pending[-1], str)

    def flush(self) -> None:
        """Parse the body written so far and place it before the body's section properties."""
        if not self._pending:
            return
        xml = "".join(part if isinstance(part, str) else part.xml() for part in self._pending)
        self._pending.clear()
        for child in list(etree.fromstring(f"<w:body {_W_XMLNS}>{xml}</w:body>", _PARSER)):
            if self.body_end is not None:
                self.body_end.addprevious(child)
            else:
                self.document.element.body.append(child)

    def real_paragraph(self, style: str) -> WordParagraph:
        """A body paragraph as python-docx's object, for what only python-docx can add (a
        picture); everything written before it is placed first."""
        self.flush()
        body = self.document.element.body
        p = body.makeelement(_W_P, {})
        if self.body_end is not None:
            self.body_end.addprevious(p)
        else:
            body.append(p)
        paragraph = WordParagraph(p, self.document._body)
        self.set_style(paragraph, style)
        return paragraph

    def set_style(self, paragraph: WordParagraph, style: str) -> None:
        """Put an existing paragraph (a header line) in `style`."""
        style_id = self.style_ids[style]
        if style_id is not None:
            paragraph._p.get_or_add_pPr().style = style_id

    def run(self, paragraph: _Para | WordParagraph, text: str, style: str | None = None) -> None:
        """A run of `text` at the end of `paragraph`, in character style `style` if given; tabs
        and line breaks in `text` become Word's."""
        xml = _run_xml(text, self.style_ids[style] if style is not None else None)
        if isinstance(paragraph, _Para):
            paragraph.parts.append(xml)
        else:
            _append_xml(paragraph._p, xml)

    def next_bookmark(self) -> str:
        self.bookmarks += 1
        return f"_Toc{100000000 + self.bookmarks}"

    def left_indent(self, style_name: str) -> int:
        """The left indent (EMU) `style_name` gives, following its `basedOn` chain."""
        if style_name not in self._left_indents:
            style: BaseStyle | None = self.styles[style_name]
            indent = None
            while style is not None and indent is None:
                indent = style.paragraph_format.left_indent
                style = style.base_style
            self._left_indents[style_name] = int(indent or 0)
        return self._left_indents[style_name]

    def indent(self, paragraph: _Para, style_name: str, hanging: bool = False) -> None:
        """Shift `paragraph` right by the number gutter in a numbered document; `hanging`
        puts its first line (the paragraph number) back in the gutter."""
        if not self.gutter:
            return
        left = self.left_indent(style_name) + self.gutter
        paragraph.ind = (left, -self.gutter if hanging else 0)

    def number(self, paragraph: _Para, number: str, style_name: str) -> None:
        """Start `paragraph` with its paragraph number ("3.2") and a tab, hanging in the gutter."""
        if not number:
            self.indent(paragraph, style_name)
            return
        self.run(paragraph, number, "Paragraph Number")
        self.run(paragraph, "\t")
        if style_name != "Numbered Paragraph":
            self.indent(paragraph, style_name, hanging=True)


_W_XMLNS = f'xmlns:w="{_NS["w"]}"'
# python-docx's own parser (its element classes), without libxml2's limit of ten million
# characters in one text node: a long document pasted in as the notes is one run.
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, huge_tree=True)
_PARSER.set_element_class_lookup(element_class_lookup)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str) -> str:
    return _escape(value).replace('"', "&quot;")


def _twips(emu: int) -> int:
    return round(emu / 635)  # as python-docx's `Length.twips`


def _run_xml(text: str, style_id: str | None = None) -> str:
    """One run of `text` as WordprocessingML: tabs and line breaks as Word's own elements."""
    text = _text(text)
    pieces = _RUN_PIECES.split(text) if _HAS_BREAKS.search(text) else (text,)
    content = []
    for piece in pieces:
        if piece == "\t":
            content.append("<w:tab/>")
        elif piece in ("\n", "\r", "\r\n"):
            content.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if piece[0].isspace() or piece[-1].isspace() else ""
            content.append(f"<w:t{space}>{_escape(piece)}</w:t>")
    style = f'<w:rPr><w:rStyle w:val="{_attr(style_id)}"/></w:rPr>' if style_id else ""
    return f"<w:r>{style}{''.join(content)}</w:r>"


def _append_xml(element: Any, xml: str) -> None:
    """Append the WordprocessingML `xml` (runs, fields) to `element` (a header's paragraph)."""
    for child in list(etree.fromstring(f"<w:p {_W_XMLNS}>{xml}</w:p>", _PARSER)):
        element.append(child)


# --- Page furniture, cover and contents --------------------------------------------------------


def add_page_furniture(writer: _Writer, pack: Pack) -> None:
    """Running header and footer: the marking centred in both; the title and meeting above, the
    date and "Page X of Y" below. The cover has its own pair, still showing the marking."""
    section = writer.document.sections[0]
    section.different_first_page_header_footer = True
    writer.document.settings.odd_and_even_pages_header_footer = False
    width = _text_width(writer)
    header, cover_header = _fresh(section.header), _fresh(section.first_page_header)
    if pack.marking:
        for story in (header, cover_header):
            add_marking(writer, story, pack.marking)
    else:
        cover_header.add_paragraph()  # a header holds at least one paragraph
    line = story_paragraph(writer, header, "Header")
    meeting = pack.spec.meeting.meeting.strip()
    if pack.large_print:
        # One centred line at 16 pt: the title (the meeting is on the cover), as the PDF does.
        line.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
        writer.run(line, pack.title)
    else:
        _set_tabs(writer, line, "Header", [(width, WD_TAB_ALIGNMENT.RIGHT)])
        writer.run(line, pack.title + (f"\t{meeting}" if meeting else ""))
    for story in (_fresh(section.footer), _fresh(section.first_page_footer)):
        add_footer(writer, story, pack, width)


def add_footer(writer: _Writer, story: Any, pack: Pack, width: int) -> None:
    """Date, marking and "Page X of Y" on one line; in large print, the marking on a line of
    its own above (three items at 16 pt do not fit one line)."""
    if pack.large_print:
        if pack.marking:
            add_marking(writer, story, pack.marking)
        line = story_paragraph(writer, story, "Footer")
        _set_tabs(writer, line, "Footer", [(width, WD_TAB_ALIGNMENT.RIGHT)])
        writer.run(line, pack.date_text + "\t")
    else:
        line = story_paragraph(writer, story, "Footer")
        stops = [(width // 2, WD_TAB_ALIGNMENT.CENTER), (width, WD_TAB_ALIGNMENT.RIGHT)]
        _set_tabs(writer, line, "Footer", stops)
        writer.run(line, pack.date_text + "\t")
        if pack.marking:
            writer.run(line, pack.marking, "Label")
        writer.run(line, "\t")
    add_page_of(writer, line, pack.wording["page_of"])


def _text_width(writer: _Writer) -> int:
    """The width between the margins (EMU) of the document's page."""
    section = writer.document.sections[0]
    width = int(section.page_width or Mm(210))
    return width - int(section.left_margin or 0) - int(section.right_margin or 0)


def _fresh(story: Any) -> Any:
    """`story` (a header or footer) with its own, empty content: the template's is replaced."""
    story.is_linked_to_previous = False
    element = story._element
    for child in list(element):
        element.remove(child)
    return story


def story_paragraph(writer: _Writer, story: Any, style: str) -> WordParagraph:
    paragraph = story.add_paragraph()
    writer.set_style(paragraph, style)
    return paragraph


def add_marking(writer: _Writer, story: Any, marking: str) -> WordParagraph:
    """The protective marking, centred on a line of its own."""
    paragraph = story_paragraph(writer, story, "Marking")
    paragraph.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
    writer.run(paragraph, marking)
    return paragraph


def _set_tabs(
    writer: _Writer, paragraph: WordParagraph, style: str, stops: Iterable[tuple[int, Any]]
) -> None:
    """Tab stops measured from this document's margins, clearing the style's own."""
    tab_stops = paragraph.paragraph_format.tab_stops
    for stop in writer.style(style).paragraph_format.tab_stops:
        tab_stops.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
    for position, alignment in stops:
        tab_stops.add_tab_stop(Emu(position), alignment)


def add_page_of(writer: _Writer, paragraph: WordParagraph, label: str) -> None:
    """`label` ("Page {page} of {pages}") with PAGE and NUMPAGES fields for the placeholders."""
    xml = []
    for piece in re.split(r"(\{pages\}|\{page\})", label):
        if piece == "{page}":
            xml.append(field_xml("PAGE", "1"))
        elif piece == "{pages}":
            xml.append(field_xml("NUMPAGES", "1"))
        elif piece:
            xml.append(_run_xml(piece))
    _append_xml(paragraph._p, "".join(xml))


def field_xml(instruction: str, shown: str = "") -> str:
    """A complex field: begin, `instruction`, separate, `shown` (what a reader sees until Word
    updates it), end."""
    return _field_start_xml(instruction) + (_run_xml(shown) if shown else "") + _FIELD_END


def _field_start_xml(instruction: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {_escape(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )


_FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def add_cover(writer: _Writer, pack: Pack) -> None:
    """Logo, layout name, title, meeting and date, the cover facts and briefgen's note."""
    add_logo(writer, pack.wording["logo_alt"], pack.large_print)
    writer.paragraph("Subtitle", pack.subtitle)
    writer.paragraph("Title", pack.title)
    meeting_paragraph = writer.paragraph("Cover Meeting")
    meeting = pack.spec.meeting.meeting.strip()
    if meeting:
        writer.run(meeting_paragraph, meeting + "\n")
    writer.run(meeting_paragraph, pack.date_text)
    labels = pack.wording
    # The meeting and date are set large under the title; the facts do not repeat them.
    facts = [
        (label, value)
        for label, value in pack.cover_facts
        if label not in (labels["meeting"], labels["date"])
    ]
    for index, (label, value) in enumerate(facts):
        add_cover_fact(writer, label, value, first=index == 0)
    note = writer.paragraph("Briefing Note", labels["generated_by"])
    note.space_before = _twips(Mm(8))


def add_logo(writer: _Writer, alt_text: str, large_print: bool) -> None:
    """The council logo from the assets folder, with `alt_text` for screen readers."""
    folder = assets_dir()
    path = next((folder / name for name in LOGO_NAMES if (folder / name).is_file()), None)
    if path is None:
        writer.warnings.append(
            f"the Word cover has no logo: add logo.png to {folder} (Word cannot show logo.svg "
            "on its own)"
        )
        return
    paragraph = writer.real_paragraph("Logo")
    try:
        shape = paragraph.add_run().add_picture(
            str(path), width=LARGE_PRINT_LOGO_WIDTH if large_print else LOGO_WIDTH
        )
    except Exception as error:  # python-docx raises several types for a bad image
        raise RenderError(
            f"{path} is not an image Word can show ({error}); replace it with a PNG"
        ) from None
    shape._inline.docPr.set("descr", _text(alt_text))


def add_cover_fact(writer: _Writer, label: str, value: str, first: bool = False) -> None:
    """One label and value line; the first has the heavy rule that opens the facts."""
    paragraph = writer.paragraph("Cover Fact First" if first else "Cover Fact")
    writer.run(paragraph, label, "Label")
    writer.run(paragraph, "\t" + value)


def add_contents_field(
    writer: _Writer, heading: str, entries: Sequence[tuple[int, str, str, str]]
) -> None:
    """The contents: a TOC field whose result already lists the headings (level, number, title,
    bookmark), each linked to its heading, so it reads right before Word refreshes it. Page
    numbers come with the refresh: until then there is no number, and no dot leader to one."""
    title = writer.paragraph("TOC Heading", heading)
    title.page_break = True
    paragraphs = []
    for level, number, text, bookmark in entries or [(1, "", "", "")]:
        paragraph = writer.paragraph(f"toc {min(max(level, 1), 3)}")
        if not paragraphs:
            paragraph.parts.append(_field_start_xml(CONTENTS_INSTRUCTION))
        if text:
            paragraph.parts.append(f'<w:hyperlink w:anchor="{_attr(bookmark)}" w:history="1">')
            writer.run(paragraph, f"{number}\t{text}" if number else text)
            paragraph.parts.append("</w:hyperlink>")
        paragraphs.append(paragraph)
    paragraphs[-1].parts.append(_FIELD_END)


def add_heading(
    writer: _Writer, section: Section, bookmark: str, page_break_before: bool = False
) -> None:
    """A real Heading 1-3 (navigation pane, contents), numbered in a committee report."""
    style = f"Heading {min(max(section.level, 1), 3)}"
    paragraph = writer.paragraph(style)
    paragraph.page_break = page_break_before
    mark = _attr(bookmark[4:])
    paragraph.parts.append(f'<w:bookmarkStart w:id="{mark}" w:name="{_attr(bookmark)}"/>')
    text = f"{section.number}\t{section.title}" if section.number else section.title
    writer.run(paragraph, text)
    paragraph.parts.append(f'<w:bookmarkEnd w:id="{mark}"/>')
    if writer.gutter:
        paragraph.ind = (writer.gutter, -writer.gutter if section.number else 0)


# --- Blocks ----------------------------------------------------------------------------------


def add_blocks(writer: _Writer, blocks: Sequence[Block]) -> None:
    for block, following in zip(blocks, (*blocks[1:], None), strict=False):
        match block:
            case Quote():
                add_quote(writer, block, writer.pack.wording)
            case Paragraph():
                # A paragraph that introduces a list, table or quotation stays with it.
                keep = following is not None and not isinstance(following, Paragraph)
                add_text(writer, block, keep_with_next=keep)
            case Placeholder():
                add_placeholder(writer, block, writer.pack.wording["placeholder"])
            case BulletList():
                add_list(writer, block)
            case Table():
                add_table(writer, block)
            case _:
                raise TypeError(f"no Word output for block {block!r}")


def add_text(writer: _Writer, block: Paragraph, keep_with_next: bool = False) -> None:
    """A paragraph of briefgen's, the officer's or a source's text, with its number and
    bold lead-in if it has them."""
    style = "Numbered Paragraph" if block.number else "Normal"
    paragraph = writer.paragraph(style)
    writer.number(paragraph, block.number, style)
    if block.label:
        writer.run(paragraph, block.label, "Label")
        writer.run(paragraph, " ")
    writer.run(paragraph, block.text)
    paragraph.keep_next = keep_with_next
    add_acronyms(writer, block.acronyms, writer.pack.wording["acronyms"])


def add_placeholder(writer: _Writer, block: Placeholder, label: str) -> None:
    """Text the officer must complete: boxed, shaded and labelled ("To complete:")."""
    paragraph = writer.paragraph("Placeholder")
    writer.number(paragraph, block.number, "Placeholder")
    writer.run(paragraph, label, "Placeholder Label")
    writer.run(paragraph, " " + block.text)


def add_quote(writer: _Writer, quote: Quote, words: dict[str, str]) -> None:
    """One item: its kind and briefgen's labelled summary, then the source's exact words in the
    Quote style, then the citation; the acronyms it uses first, if any, after it."""
    if quote.headline:
        label = writer.paragraph("Briefing Headline")
        writer.number(label, quote.number, "Briefing Headline")
        writer.run(label, quote.kind_label, "Kind Label")
        writer.run(label, "  ")
        add_headline(writer, label, quote.headline, words)
    else:
        label = writer.paragraph("Item Label")
        writer.number(label, quote.number, "Item Label")
        writer.run(label, quote.kind_label, "Kind Label")
    for part in _quote_paragraphs(quote.text):
        paragraph = writer.paragraph("Quote")
        writer.run(paragraph, part)
        writer.indent(paragraph, "Quote")
    add_citation(writer, quote.citation, words["citation_prefix"])
    add_acronyms(writer, quote.acronyms, words["acronyms"], style="Citation")


def add_headline(writer: _Writer, paragraph: _Para, headline: str, words: dict) -> None:
    """briefgen's own one-line summary, labelled as such: never in the Quote style."""
    writer.run(paragraph, words["headline"], "Label")
    writer.run(paragraph, " " + words["headline_note"], "Note")
    writer.run(paragraph, "\n" + headline)


def add_citation(writer: _Writer, citation: str, prefix: str) -> None:
    paragraph = writer.paragraph("Citation")
    writer.run(paragraph, prefix, "Label")
    writer.run(paragraph, " " + citation)
    writer.indent(paragraph, "Citation")


def add_acronyms(
    writer: _Writer, acronyms: Sequence[Acronym], label: str, style: str = "Briefing Note"
) -> None:
    """The acronyms a block uses for the first time, spelt out (member briefings)."""
    if not acronyms:
        return
    paragraph = writer.paragraph(style)
    writer.run(paragraph, label, "Label")
    writer.run(paragraph, " " + "; ".join(f"{a.term} – {a.expansion}" for a in acronyms))
    writer.indent(paragraph, style)


def add_list(writer: _Writer, block: BulletList) -> None:
    """Bullets, or a numbered list that starts again at 1 (or (a), for a committee's
    recommendations, as in the PDF)."""
    if block.number:
        writer.number(writer.paragraph("Numbered Paragraph"), block.number, "Numbered Paragraph")
    style = "List Number" if block.ordered else "List Bullet"
    num_id = None
    if block.ordered:
        letters = writer.numbered and block.role == "officer"
        num_id = _restart_numbering(writer, style, letters)
    indent = _list_indent(writer, style) if (writer.gutter or writer.pack.large_print) else None
    for entry in block.entries:
        paragraph = writer.paragraph(style, entry)
        paragraph.num_id = num_id
        if indent is not None:
            left, hanging = indent
            paragraph.ind = (left, -hanging)
    add_acronyms(writer, block.acronyms, writer.pack.wording["acronyms"])


def _style_num_id(style: Any) -> int | None:
    while style is not None:
        num_pr = style.element.pPr.numPr if style.element.pPr is not None else None
        if num_pr is not None and num_pr.numId is not None:
            return int(num_pr.numId.val)
        style = style.base_style
    return None


def _abstract_for(writer: _Writer, num_id: int) -> Any | None:
    numbering = writer.document.part.numbering_part.element
    nums = numbering.xpath(f'./w:num[@w:numId="{num_id}"]')
    if not nums:
        return None
    abstract_id = nums[0].abstractNumId.val
    found = numbering.xpath(f'./w:abstractNum[@w:abstractNumId="{abstract_id}"]')
    return found[0] if found else None


def _restart_numbering(writer: _Writer, style: str, letters: bool) -> int | None:
    """A new list instance for `style` that counts from 1, as (a), (b) if `letters`. None if
    the style has no numbering (a template's own choice; its text is then left as is)."""
    num_id = _style_num_id(writer.style(style))
    abstract = _abstract_for(writer, num_id) if num_id is not None else None
    if abstract is None:
        return None
    numbering = writer.document.part.numbering_part.element
    abstract_id = abstract.get(qn("w:abstractNumId"))
    if letters:
        if abstract_id not in writer._letters_abstract:
            writer._letters_abstract[abstract_id] = _letters_copy(numbering, abstract)
        abstract_id = writer._letters_abstract[abstract_id]
    num = numbering.add_num(int(abstract_id))
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(num.numId)


def _letters_copy(numbering: Any, abstract: Any) -> str:
    """A copy of list definition `abstract` whose first level counts (a), (b), (c)."""
    clone = copy.deepcopy(abstract)
    ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    new_id = str(max(ids) + 1)
    clone.set(qn("w:abstractNumId"), new_id)
    for tag in ("w:nsid", "w:tmpl", "w:styleLink", "w:numStyleLink"):
        for element in clone.findall(qn(tag)):
            clone.remove(element)
    level = clone.find(qn("w:lvl"))
    if level is not None:
        for element in level.findall(qn("w:pStyle")):
            level.remove(element)
        fmt = level.find(qn("w:numFmt"))
        if fmt is not None:
            fmt.set(qn("w:val"), "lowerLetter")
        text = level.find(qn("w:lvlText"))
        if text is not None:
            text.set(qn("w:val"), "(%1)")
    abstracts = numbering.findall(qn("w:abstractNum"))
    abstracts[-1].addnext(clone)
    return new_id


def _list_indent(writer: _Writer, style: str) -> tuple[int, int]:
    """(left, hanging) in EMU for a list paragraph: the list's own indent moved past the
    number gutter, and a hanging indent wide enough for "(a)" at 18 pt in large print."""
    if style not in writer._list_indents:
        left = hanging = None
        current = writer.style(style)
        while current is not None and left is None:
            left = current.paragraph_format.left_indent
            first = current.paragraph_format.first_line_indent
            hanging = -first if first is not None and first < 0 else None
            current = current.base_style
        if left is None:
            num_id = _style_num_id(writer.style(style))
            abstract = _abstract_for(writer, num_id) if num_id is not None else None
            ind = None
            if abstract is not None:
                found = abstract.xpath('./w:lvl[@w:ilvl="0"]/w:pPr/w:ind', namespaces=_NS)
                ind = found[0] if found else None
            if ind is not None:
                left = Twips(int(ind.get(qn("w:left")) or ind.get(qn("w:start")) or 0))
                hanging = Twips(int(ind.get(qn("w:hanging")) or 0))
        left, hanging = int(left or Mm(7)), int(hanging or Mm(7))
        if writer.pack.large_print:
            hanging = max(hanging, int(Mm(12)))
            left = max(left, hanging)
        writer._list_indents[style] = (left + writer.gutter, hanging)
    return writer._list_indents[style]


def add_table(writer: _Writer, block: Table) -> None:
    """A data table in the table style, its caption above and its header row repeated on every
    page it runs onto; rows are never split across pages.

    Built as XML, as `paragraph` is: python-docx's cell-by-cell API searched each cell's
    properties on every call and cost more than the rest of a short pack."""
    if block.caption or block.number:
        caption = writer.paragraph("Caption")
        writer.number(caption, block.number, "Caption")
        writer.run(caption, block.caption)
    if writer.last_is_table():
        writer.paragraph("Normal")  # two tables in a row would merge into one
    columns = _column_widths(_text_width(writer) - writer.gutter, len(block.header))
    widths = [_twips(column) for column in columns]
    style = _attr(writer.style_ids["Briefing Table"] or "")
    xml = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/>'
        f'<w:tblW w:type="dxa" w:w="{_twips(sum(columns))}"/>'
        '<w:jc w:val="left"/>'
    ]
    if writer.gutter:
        xml.append(f'<w:tblInd w:w="{_twips(writer.gutter)}" w:type="dxa"/>')
    xml.append(f'<w:tblLayout w:type="fixed"/>{_TABLE_LOOK}</w:tblPr><w:tblGrid>')
    xml += [f'<w:gridCol w:w="{column}"/>' for column in widths]
    xml.append("</w:tblGrid>")
    for index, values in enumerate((block.header, *block.rows)):
        header = index == 0
        xml.append(f"<w:tr><w:trPr><w:cantSplit/>{'<w:tblHeader/>' if header else ''}</w:trPr>")
        style_id = writer.style_ids["Table Heading" if header else "Table Text"]
        properties = f'<w:pPr><w:pStyle w:val="{_attr(style_id)}"/></w:pPr>' if style_id else ""
        for value, column in zip(values, widths, strict=False):
            xml.append(
                f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{column}"/></w:tcPr>'
                f"<w:p>{properties}{_run_xml(value)}</w:p></w:tc>"
            )
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    writer.body_xml("".join(xml))


def _column_widths(width: int, columns: int) -> list[int]:
    """A narrower first column (the term or theme) and the rest shared evenly."""
    if columns <= 1:
        return [width]
    first = width // 4 if columns == 2 else width * 24 // 100
    rest = (width - first) // (columns - 1)
    return [first, *([rest] * (columns - 1))]


def _quote_paragraphs(text: str) -> list[str]:
    """The quoted text split only where the source has a blank line, as in the PDF."""
    return [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]


def _text(value: str) -> str:
    return _NOT_XML.sub("", value)


def _property(value: str) -> str:
    """`value` cut to the 255 characters a core property may hold, at a word, marked "…"."""
    text = " ".join(_text(value).split())
    if len(text) <= PROPERTY_LIMIT:
        return text
    return text[: PROPERTY_LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
