"""A committee report's Word numbers are Word's own numbering: a multilevel list linked to
Heading 1 and Numbered Paragraph, read back here from numbering.xml and counted the way Word
counts, so deleting a paragraph in Word renumbers the rest; a council template's own lists are
left as they were."""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from lxml import etree
from tests.conftest import make_spec

from briefgen.content import Corpus
from briefgen.pack import build_pack
from briefgen.pack.model import Pack
from briefgen.pack.wording import assets_dir
from briefgen.render import RenderOptions, render


@pytest.fixture(scope="module")
def small(small_corpus: Corpus) -> Corpus:
    return small_corpus


def _val(element: object, path: str) -> str | None:
    found = element.find(path)  # type: ignore[attr-defined]
    return None if found is None else found.get(qn("w:val"))


def list_entry(document: WordDocument, paragraph: object) -> tuple[int, int] | None:
    """(numId, ilvl) a paragraph is numbered by: its own numPr, else its style chain's."""
    path_num, path_level = f"{qn('w:numPr')}/{qn('w:numId')}", f"{qn('w:numPr')}/{qn('w:ilvl')}"
    properties = paragraph.pPr  # type: ignore[attr-defined]
    if properties is not None and _val(properties, path_num) is not None:
        num = int(_val(properties, path_num) or 0)
        return (num, int(_val(properties, path_level) or 0)) if num else None
    style_id = properties.style if properties is not None else None
    styles = {s.style_id: s for s in document.styles}
    style = styles.get(style_id) if style_id else None
    while style is not None:
        style_properties = style.element.pPr
        if style_properties is not None and _val(style_properties, path_num) is not None:
            num = int(_val(style_properties, path_num) or 0)
            return (num, int(_val(style_properties, path_level) or 0)) if num else None
        style = style.base_style
    return None


def word_numbers(document: WordDocument, list_id: int) -> list[str]:
    """The numbers Word shows for list `list_id`'s paragraphs, in order, counted as Word counts
    (a level restarts after a higher one) from the definition's lvlText."""
    numbering = document.part.numbering_part.element
    num = numbering.find(f"{qn('w:num')}[@{qn('w:numId')}='{list_id}']")
    abstract_id = _val(num, qn("w:abstractNumId"))
    definition = numbering.find(f"{qn('w:abstractNum')}[@{qn('w:abstractNumId')}='{abstract_id}']")
    texts = [_val(level, qn("w:lvlText")) or "" for level in definition.findall(qn("w:lvl"))]
    counters = [0] * len(texts)
    shown = []
    for paragraph in document.element.body.iter(qn("w:p")):
        entry = list_entry(document, paragraph)
        if entry is None or entry[0] != list_id:
            continue
        level = entry[1]
        counters[level] += 1
        counters[level + 1 :] = [0] * (len(counters) - level - 1)
        shown.append(re.sub(r"%(\d)", lambda m: str(counters[int(m[1]) - 1]), texts[level]))
    return shown


def outline_list_id(document: WordDocument) -> int:
    properties = document.styles["Heading 1"].element.pPr
    return int(_val(properties, f"{qn('w:numPr')}/{qn('w:numId')}") or 0)


def pack_numbers(pack: Pack, lettered: bool = False) -> list[str]:
    """The report's numbers in order: the body's ("3", "3.2"), which Word's list gives, or
    with `lettered` an appendix's ("A.1"), which are typed (decision 0120)."""
    numbers = []
    for section in pack.sections:
        if section.number:
            numbers.append(section.number)
        numbers.extend(b.number for b in section.blocks if getattr(b, "number", ""))
    return [n for n in numbers if n[:1].isalpha() == lettered]


def report(small: Corpus, large_print: bool = False, template: Path | None = None) -> tuple:
    pack = build_pack(small, make_spec("committee-report", "scrutiny", large_print=large_print))
    data = render(pack, small, "docx", RenderOptions(template=template)).data
    return pack, Document(io.BytesIO(data))


@pytest.mark.parametrize("large_print", [False, True])
def test_report_numbers_are_a_word_list_giving_the_packs_numbers(
    small: Corpus, large_print: bool
) -> None:
    pack, document = report(small, large_print)
    list_id = outline_list_id(document)
    assert list_id
    assert word_numbers(document, list_id) == pack_numbers(pack)
    # No number is typed: every heading and paragraph starts with its words (the contents
    # field's entries show numbers until Word refreshes it, as Word's own do).
    body = [p for p in document.paragraphs if not p.style.name.startswith("toc")]
    assert not [p.text for p in body if re.match(r"\d+(\.\d+)?\t", p.text)]
    # An appendix's paragraphs are lettered (A.1), which a decimal list cannot give: typed.
    typed = [p.text.split("\t")[0] for p in body if re.match(r"[A-Z]\.\d+\t", p.text)]
    assert typed == pack_numbers(pack, lettered=True)


def test_outline_definition_links_its_levels_to_the_heading_and_body_styles(
    small: Corpus,
) -> None:
    _, document = report(small)
    list_id = outline_list_id(document)
    numbering = document.part.numbering_part.element
    num = numbering.find(f"{qn('w:num')}[@{qn('w:numId')}='{list_id}']")
    abstract_id = _val(num, qn("w:abstractNumId"))
    definition = numbering.find(f"{qn('w:abstractNum')}[@{qn('w:abstractNumId')}='{abstract_id}']")
    assert _val(definition, qn("w:multiLevelType")) == "multilevel"
    levels = definition.findall(qn("w:lvl"))
    assert [_val(level, qn("w:lvlText")) for level in levels] == ["%1", "%1.%2"]
    linked = [_val(level, qn("w:pStyle")) for level in levels]
    assert linked == [
        document.styles["Heading 1"].style_id,
        document.styles["Numbered Paragraph"].style_id,
    ]
    paragraph_style = document.styles["Numbered Paragraph"].element.pPr
    assert _val(paragraph_style, f"{qn('w:numPr')}/{qn('w:numId')}") == str(list_id)
    assert _val(paragraph_style, f"{qn('w:numPr')}/{qn('w:ilvl')}") == "1"
    # The contents heading is based on Heading 1 but carries no number.
    contents = document.styles["TOC Heading"].element.pPr
    assert _val(contents, f"{qn('w:numPr')}/{qn('w:numId')}") == "0"


def test_deleting_a_paragraph_in_word_renumbers_the_rest(small: Corpus) -> None:
    _, document = report(small)
    list_id = outline_list_id(document)
    before = word_numbers(document, list_id)
    body = document.element.body
    numbered = [p for p in body.iter(qn("w:p")) if list_entry(document, p) == (list_id, 1)]
    numbered[0].getparent().remove(numbered[0])  # the officer deletes paragraph 1.1
    after = word_numbers(document, list_id)
    first_chapter = [n for n in before if n.startswith("1.")]
    assert [n for n in after if n.startswith("1.")] == first_chapter[:-1]
    assert after == [n for n in before if n != first_chapter[-1]]


def test_member_briefing_has_no_outline_numbers(small: Corpus) -> None:
    pack = build_pack(small, make_spec("member-briefing", "members"))
    document = Document(io.BytesIO(render(pack, small, "docx").data))
    assert document.styles["Heading 1"].element.pPr.find(qn("w:numPr")) is None


def test_a_council_templates_own_lists_are_left_as_they_were(small: Corpus, tmp_path: Path) -> None:
    template = Document(str(assets_dir() / "reference.docx"))
    numbering = template.part.numbering_part.element
    before = [copy.deepcopy(d) for d in numbering.findall(qn("w:abstractNum"))]
    template_path = tmp_path / "council.docx"
    template.save(str(template_path))
    pack, document = report(small, template=template_path)
    after = document.part.numbering_part.element.findall(qn("w:abstractNum"))
    kept = [etree.tostring(d) for d in after[: len(before)]]
    assert kept == [etree.tostring(d) for d in before]
    assert len(after) > len(before)
    list_id = outline_list_id(document)
    assert word_numbers(document, list_id) == pack_numbers(pack)
    # The template's List Bullet and List Number still number by the template's own lists.
    assert document.styles["List Bullet"].element.pPr.find(qn("w:numPr")) is not None
