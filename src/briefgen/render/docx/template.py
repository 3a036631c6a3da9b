"""Opening the document a pack is written into: briefgen's reference or a council's template.

The styles come from `assets/reference.docx` (made by `scripts/make_reference_docx.py`) or from a
council's own .docx/.dotx (`RenderOptions.template`): its body is cleared, its page set-up kept,
and briefgen's own styles are copied in from the reference where the template lacks them. Word's
structural styles (Title, Heading 1-3, the list styles) must be the template's own.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from docx import Document
from docx.document import Document as WordDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.styles.style import CharacterStyle
from lxml import etree

from briefgen.errors import RenderError
from briefgen.pack.wording import assets_dir
from briefgen.render.docx import oxml, oxml_document
from briefgen.render.docx.package import (
    WORD_PACKAGE_BYTES,
    SafePackage,
    TooLarge,
    Unreadable,
    check_file_size,
    safe_package,
)

REFERENCE_NAME = "reference.docx"

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

TEMPLATE_REMEDY = "save it again from Word as .dotx or .docx, or build without --template"
TEMPLATE_SIZE_REMEDY = (
    "save it again from Word without embedded fonts or large pictures, or build without --template"
)
REFERENCE_REMEDY = (
    "restore assets/reference.docx from briefgen (scripts/make_reference_docx.py makes it)"
)


class Opened(NamedTuple):
    """The document to write into, cleared, with every style the renderer uses by name."""

    document: WordDocument
    styles: dict[str, CharacterStyle]  # paragraph, character and table styles
    warnings: tuple[str, ...]  # outside links left out of the template


def open_styled(template: Path | None) -> Opened:
    """The reference, or `template` if given, ready for a pack's body."""
    if template is None:
        document, warnings = open_reference()
    else:
        document, warnings = open_template(template)
    styles = check_and_complete_styles(document, template)
    oxml.clear_body(document)
    return Opened(document, styles, warnings)


def reference_path() -> Path:
    path = assets_dir() / REFERENCE_NAME
    if not path.is_file():
        raise RenderError(
            f"{path} is missing; copy it from briefgen's own assets folder "
            "(a council's assets folder needs every file briefgen's has)"
        )
    return path


class _Source(NamedTuple):
    """How messages name a Word file briefgen opens, and how to put each problem right."""

    name: str  # "the Word template council.dotx"
    cannot_read_remedy: str
    not_word_remedy: str
    too_large_remedy: str


def _reference_source(path: Path) -> _Source:
    return _Source(str(path), REFERENCE_REMEDY, REFERENCE_REMEDY, REFERENCE_REMEDY)


def _template_source(path: Path) -> _Source:
    return _Source(
        f"the Word template {path}",
        "check the file name, or build without --template",
        TEMPLATE_REMEDY,
        TEMPLATE_SIZE_REMEDY,
    )


@lru_cache(maxsize=2)
def _reference_package(path: Path, mtime: float) -> SafePackage:
    """The reference, read and checked once per change of the file (`mtime` is the cache key):
    a council's assets folder may hold its own."""
    return _safe_package(path, _reference_source(path))


def open_reference() -> tuple[WordDocument, tuple[str, ...]]:
    """A fresh copy of `assets/reference.docx` (parsed anew: each render changes it), and the
    warnings reading it gave."""
    path = reference_path()
    package = _reference_package(path, path.stat().st_mtime)
    return _open_word(package, path, _reference_source(path))


def open_template(path: Path) -> tuple[WordDocument, tuple[str, ...]]:
    """A council's .docx or .dotx, opened as a document, and the warnings reading it gave;
    `RenderError` if it cannot be."""
    if path.suffix.lower() not in (".docx", ".dotx"):
        raise RenderError(
            f"the Word template {path} is not a .docx or .dotx file; save it from Word as a "
            "Word template (.dotx) or document (.docx), or build without --template"
        )
    source = _template_source(path)
    return _open_word(_safe_package(path, source), path, source)


def _safe_package(path: Path, source: _Source) -> SafePackage:
    """The file at `path` read no further than the size limit, checked and cleaned
    (`package.safe_package`); `RenderError` naming the limit or the problem."""
    try:
        check_file_size(path.stat().st_size)
        with path.open("rb") as file:
            data = file.read(WORD_PACKAGE_BYTES + 1)  # the file may grow in between
        return safe_package(data)
    except OSError as error:
        raise RenderError(
            f"cannot read {source.name} ({error.strerror or error}); {source.cannot_read_remedy}"
        ) from None
    except TooLarge as error:
        raise RenderError(
            f"{source.name} is too large to open safely: {error}; {source.too_large_remedy}"
        ) from None
    except Unreadable as error:
        raise _unreadable(path, str(error), source.not_word_remedy) from None


def _open_word(
    package: SafePackage, path: Path, source: _Source
) -> tuple[WordDocument, tuple[str, ...]]:
    """The package opened by python-docx, and a warning naming the outside links left out."""
    try:
        document = Document(io.BytesIO(package.data))
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as error:
        detail = str(error).strip() or type(error).__name__
        raise _unreadable(path, detail, source.not_word_remedy) from None
    if not package.dropped:
        return document, ()
    return document, (
        f"{source.name} links to files outside it, which Word could fetch when the pack is "
        f"opened; they were left out of this Word file: {'; '.join(package.dropped)}",
    )


def _unreadable(path: Path, detail: str, remedy: str) -> RenderError:
    if len(detail) > 160:
        detail = detail[:157] + "..."
    return RenderError(
        f"{path} is not a Word document or template briefgen can read ({detail}); {remedy}"
    )


# --- Styles --------------------------------------------------------------------------------


def check_and_complete_styles(
    document: WordDocument, template: Path | None
) -> dict[str, CharacterStyle]:
    """Every style the renderer uses, by name; briefgen's own are copied in from the reference
    where `document` lacks them. `RenderError` naming every missing structural style."""
    styles = _styles_by_name(document)
    missing = [name for name in REQUIRED_STYLES if name not in styles]
    if missing:
        source = f"the Word template {template}" if template else f"{reference_path()}"
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
    absent = [name for name in OWN_STYLES if name not in styles]
    if absent:
        copy_styles(open_reference()[0], document, absent)
        styles = _styles_by_name(document)
    return {name: styles[name] for name in (*REQUIRED_STYLES, *OWN_STYLES)}


def _styles_by_name(document: WordDocument) -> dict[str, CharacterStyle]:
    """The document's styles by name, the first of any two with one name (as Word takes).

    One pass: `name in document.styles` and `document.styles[name]` each walk every style."""
    styles: dict[str, CharacterStyle] = {}
    for style in document.styles:
        if isinstance(style, CharacterStyle):  # not a numbering style
            styles.setdefault(style.name or "", style)
    return styles


def copy_styles(source: WordDocument, target: WordDocument, names: Sequence[str]) -> None:
    """Copy the styles called `names` from `source` to `target`, re-pointing each style's
    `basedOn`, `next` and `link` at the target's style of the same name (or dropping them).
    A copied style keeps its id unless the target already uses it."""
    source_names = {style.style_id: style.name for style in source.styles}
    target_ids = {style.name: style.style_id for style in target.styles}
    normal_id = target_ids.get("Normal") or "Normal"
    wanted = [source.styles[name] for name in names if name in source.styles]
    taken = set(target_ids.values())
    for style in wanted:
        name = source_names.get(style.style_id, style.style_id)
        new_id = style.style_id
        while new_id in taken:
            new_id = f"{new_id}Briefgen"
        taken.add(new_id)
        target_ids[name] = new_id
    ids = {
        source_id: target_ids[name]
        for source_id, name in source_names.items()
        if name in target_ids and target_ids[name] is not None
    }
    for style in wanted:
        new_id = target_ids[source_names[style.style_id]]
        assert new_id is not None
        oxml_document.copy_style(style, target.styles.element, new_id, ids, normal_id)
