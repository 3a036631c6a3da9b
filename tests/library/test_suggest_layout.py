"""The layout suggestions are built on: headings, blocks, lead-ins and sentences with offsets."""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.library.suggest.model import describe, read_layout
from briefgen.library.suggest.sentences import SEGMENTERS, split_sentences
from briefgen.library.suggest.spans import candidates
from briefgen.library.suggest.structure import derive_structure

REPORT = """\
# Children's services review

Summary\t1
Risks\t2

EXECUTIVE SUMMARY

Councils face rising demand. Budgets fell by 20% since 2010.<sup>2</sup> Services must change.

**Background**

The service was inspected in 2016 and found to be
inadequate by the inspectors in a second visit.

3. Risks and challenges

The main risks are:

1. Splitting the service will add costs
2. to the councils that take it on
- 4. See Annual Report, Department for Education, 2013 https://www.gov.uk/report

- 2.4. On 29 November the government opened a consultation.
"""


def test_headings_come_from_marks_capitals_bold_and_numbers() -> None:
    structure = derive_structure(REPORT)
    titles = [(h.title, h.level) for h in structure.headings]
    assert titles == [
        ("Children's services review", 1),
        ("EXECUTIVE SUMMARY", 1),
        ("Background", 2),
        ("3. Risks and challenges", 1),
    ]


def test_contents_lines_and_footnotes_are_not_text() -> None:
    structure = derive_structure(REPORT)
    texts = [REPORT[b.start : b.end] for b in structure.blocks]
    assert not any("Summary\t1" in t or "gov.uk" in t for t in texts)


def test_a_paragraph_broken_by_a_page_boundary_is_joined() -> None:
    structure = derive_structure(REPORT)
    texts = [REPORT[b.start : b.end] for b in structure.blocks]
    assert (
        "The service was inspected in 2016 and found to be\n"
        "inadequate by the inspectors in a second visit."
    ) in texts


def test_list_items_know_their_number_and_lead_in_and_numbered_paragraphs_are_not_lists() -> None:
    structure = derive_structure(REPORT)
    items = [b for b in structure.blocks if b.listed]
    assert [REPORT[b.start : b.end] for b in items] == [
        "Splitting the service will add costs",
        "to the councils that take it on",
    ]
    assert [b.label for b in items] == ["1", "2"]
    lead = structure.blocks[items[0].lead_in]
    assert REPORT[lead.start : lead.end] == "The main risks are:"
    paragraph = structure.blocks[-1]
    assert (paragraph.label, paragraph.listed) == ("2.4", False)
    assert structure.heading_path(items[0]) == ("3. Risks and challenges",)


@dataclass
class ExtractedHeading:
    start: int
    title: str
    level: int


def test_an_extractors_headings_replace_the_ones_read_from_the_text() -> None:
    given = [ExtractedHeading(REPORT.index("The main risks"), "Risks (p. 2)", 1)]
    structure = derive_structure(REPORT, headings=given)
    assert [h.title for h in structure.headings] == ["Risks (p. 2)"]
    first = next(b for b in structure.blocks if REPORT[b.start :].startswith("Splitting"))
    assert structure.heading_path(first) == ("Risks (p. 2)",)


def test_sentences_split_after_a_footnote_marker_and_keep_offsets_into_the_text() -> None:
    structure = derive_structure(REPORT)
    for name, splitter in SEGMENTERS.items():
        sentences = [REPORT[s.start : s.end] for s in split_sentences(REPORT, structure, splitter)]
        assert "Budgets fell by 20% since 2010." in sentences, name
        assert "Services must change." in sentences, name


def test_a_passage_is_described_with_the_paragraphs_round_it_under_its_heading() -> None:
    text = (
        "# Funding\n\nBudgets fell by a fifth.\n\nThis must change.\n\nGrants are late.\n\n"
        "# Workforce\n\nAgency staff cost more.\n"
    )
    layout = read_layout(text)
    described = {
        passage: context
        for passage, _, context in (
            describe(layout, c) for c in candidates(text, layout.structure, layout.sentences, None)
        )
    }
    assert described["This must change."] == (
        "Budgets fell by a fifth. This must change. Grants are late."
    )
    assert described["Grants are late."] == "This must change. Grants are late."
    assert described["Agency staff cost more."] == "Agency staff cost more."
