"""The Word XML of the document-wide parts below python-docx's objects, and why: styles (a copy
of another document's, the run properties of a style or of the document defaults), the
defaults' language, the settings Word reads on open, and custom XML data.

python-docx 1.2 has no API for the complex-script twins of italic and size, the document
defaults or those settings: they are made here with `OxmlElement` and `qn`, in schema order
(`oxml` has the paragraphs, runs, fields and tables).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu, Length, Twips
from docx.styles.style import BaseStyle
from lxml import etree

# Children of w:settings that must follow w:updateFields (schema order), and those that must
# follow w:themeFontLang.
_AFTER_UPDATE_FIELDS = tuple(
    "w:hdrShapeDefaults w:footnotePr w:endnotePr w:compat w:docVars w:rsids m:mathPr "
    "w:attachedSchema w:themeFontLang w:clrSchemeMapping w:doNotIncludeSubdocsInStats "
    "w:doNotAutoCompressPictures w:forceUpgrade w:captions w:readModeInkLockDown w:smartTagType "
    "sl:schemaLibrary w:shapeDefaults w:doNotEmbedSmartTags w:decimalSymbol w:listSeparator".split()
)
_AFTER_THEME_FONT_LANG = _AFTER_UPDATE_FIELDS[_AFTER_UPDATE_FIELDS.index("w:themeFontLang") + 1 :]


# --- Styles: copying, run properties -----------------------------------------------------------


def copy_style(
    style: BaseStyle, into: BaseOxmlElement, style_id: str, ids: Mapping[str, str], normal_id: str
) -> None:
    """A copy of `style` appended to the styles element `into` with id `style_id`, its
    `basedOn`, `next` and `link` re-pointed through `ids` (the source's style ids to the
    target's). A reference `ids` cannot follow is dropped, except that a paragraph style is
    then based on the target's Normal (`normal_id`)."""
    clone = copy.deepcopy(style.element)
    clone.set(qn("w:styleId"), style_id)
    for tag in ("w:basedOn", "w:next", "w:link"):
        reference = clone.find(qn(tag))
        if reference is None:
            continue
        target = ids.get(reference.get(qn("w:val")))
        if target is not None:
            reference.set(qn("w:val"), target)
        elif tag == "w:basedOn" and clone.get(qn("w:type")) == "paragraph":
            reference.set(qn("w:val"), normal_id)
        else:
            clone.remove(reference)
    into.append(clone)


def default_run_properties(document: WordDocument) -> list[Any]:
    """Every run-properties element of the document defaults (`w:docDefaults`)."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    return [] if defaults is None else list(defaults.iter(qn("w:rPr")))


def default_spacing(document: WordDocument) -> tuple[Length, Length, float | Length]:
    """Space before and after a paragraph, and its line spacing (a multiple of single, or a
    height), as the document defaults (`w:pPrDefault`) set them; Word's own where they do not.
    python-docx reads spacing from styles and paragraphs only."""
    before, after, line = Twips(0), Twips(0), 1.0
    spacing = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}"
    )
    if spacing is None:
        return before, after, line
    before = Twips(int(spacing.get(qn("w:before"), "0")))
    after = Twips(int(spacing.get(qn("w:after"), "0")))
    if spacing.get(qn("w:line")) is not None:
        value = int(spacing.get(qn("w:line")))
        rule = spacing.get(qn("w:lineRule"), "auto")
        line = value / 240 if rule == "auto" else Twips(value)
    return before, after, line


def run_properties(style: BaseStyle, add: bool = False) -> Any | None:
    """The run properties (`w:rPr`) of `style` itself; added if `add` and it has none."""
    return style.element.get_or_add_rPr() if add else style.element.rPr


def table_part_run_properties(style: BaseStyle) -> list[Any]:
    """The run properties of a table style's formats for its parts (header row, first column)."""
    return [
        properties
        for conditional in style.element.findall(qn("w:tblStylePr"))
        for properties in conditional.findall(qn("w:rPr"))
    ]


def remove_italics(run_properties: Any) -> None:
    """Drop italic from `run_properties`, for Latin and complex scripts alike."""
    for tag in ("w:i", "w:iCs"):
        for element in run_properties.findall(qn(tag)):
            run_properties.remove(element)


def font_size(run_properties: Any) -> int | None:
    """The size `run_properties` sets, in half-points, or None."""
    size = run_properties.find(qn("w:sz"))
    value = size.get(qn("w:val")) if size is not None else None
    return None if value is None else int(value)


def set_font_size(run_properties: Any, half_points: int) -> None:
    """Set the size, and the complex-script size if it is set, to `half_points`."""
    run_properties.get_or_add_sz().val = Emu(half_points * 6350)
    complex_size = run_properties.find(qn("w:szCs"))
    if complex_size is not None:
        complex_size.set(qn("w:val"), str(half_points))


# --- Language and settings ---------------------------------------------------------------------


def set_default_language(document: WordDocument, language: str) -> None:
    """`language` in the document defaults and in every style that names a language."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    if properties.find(qn("w:lang")) is None:
        properties.insert_element_before(OxmlElement("w:lang"), "w:eastAsianLayout", "w:specVanish")
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), language)


def set_theme_font_language(document: WordDocument, language: str) -> None:
    settings = document.settings.element
    theme_language = settings.find(qn("w:themeFontLang"))
    if theme_language is None:
        theme_language = OxmlElement("w:themeFontLang")
        settings.insert_element_before(theme_language, *_AFTER_THEME_FONT_LANG)
    theme_language.set(qn("w:val"), language)


def request_field_update(document: WordDocument) -> None:
    """Ask Word to refresh the fields on open (`w:updateFields`, placed before `w:compat` as
    the schema requires, or Word calls the file corrupt)."""
    settings = document.settings.element
    update = settings.find(qn("w:updateFields"))
    if update is None:
        update = OxmlElement("w:updateFields")
        settings.insert_element_before(update, *_AFTER_UPDATE_FIELDS)
    update.set(qn("w:val"), "true")


# --- Custom XML data -----------------------------------------------------------------------------
# A custom XML part is data the document carries for programs (Word keeps it for content-control
# bindings and SharePoint's columns; LibreOffice keeps it too): python-docx has no API for one.

_CUSTOM_XML_PROPERTIES = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"


def replace_custom_xml(
    document: WordDocument,
    data: bytes,
    namespace: str,
    datastore_id: str,
    is_ours: Callable[[bytes], bool],
) -> None:
    """Attach `data` (XML in `namespace`) to the document as a custom XML part with the
    data-store id `datastore_id`, first detaching any part `is_ours(blob)` recognises (a
    template made from a briefgen draft carries the draft's)."""
    main = document.part
    for rel_id, relationship in list(main.rels.items()):
        if (
            relationship.reltype == RELATIONSHIP_TYPE.CUSTOM_XML
            and not relationship.is_external
            and is_ours(relationship.target_part.blob)
        ):
            main.drop_rel(rel_id)
    package = main.package
    item = Part(package.next_partname("/customXml/item%d.xml"), "application/xml", data, package)
    store = etree.Element(f"{{{_DATASTORE}}}datastoreItem", nsmap={"ds": _DATASTORE})
    store.set(f"{{{_DATASTORE}}}itemID", datastore_id)
    references = etree.SubElement(store, f"{{{_DATASTORE}}}schemaRefs")
    reference = etree.SubElement(references, f"{{{_DATASTORE}}}schemaRef")
    reference.set(f"{{{_DATASTORE}}}uri", namespace)
    properties = Part(
        package.next_partname("/customXml/itemProps%d.xml"),
        _CUSTOM_XML_PROPERTIES,
        etree.tostring(store, xml_declaration=True, encoding="UTF-8", standalone=False),
        package,
    )
    item.relate_to(properties, RELATIONSHIP_TYPE.CUSTOM_XML_PROPS)
    main.relate_to(item, RELATIONSHIP_TYPE.CUSTOM_XML)
