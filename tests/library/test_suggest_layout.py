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


# A page as a PDF's text gives it: a line per printed line, about 70 characters each.
PRINTED = """\
Our invitation
With funding and support from the Department, we are designing a “Centre of
Excellence” – a national support offer for data and digital work in
children’s social care, to be run by the sector for the sector itself.
The Centre will help councils to share their tools, their methods and
their people, so that no council has to build alone what others have.
Find us on the internet
Our favourite introduction to the whole subject is Donella Meadows,
Thinking in Systems
Every council should have a data team able to support social workers
in their daily practice, and able to answer questions from its leaders.
The teams we spoke to told us the same thing: they want to be trusted.
"""


def _block_texts(text: str, **options: object) -> list[str]:
    structure = derive_structure(text, **options)  # type: ignore[arg-type]
    return [" ".join(text[b.start : b.end].split()) for b in structure.blocks]


def test_a_sentence_printed_over_lines_is_one_block_whatever_the_next_line_starts_with() -> None:
    texts = _block_texts(PRINTED)
    assert texts[1] == (
        "With funding and support from the Department, we are designing a “Centre of "
        "Excellence” – a national support offer for data and digital work in children’s "
        "social care, to be run by the sector for the sector itself."
    )
    # A line after a comma runs on, however short; a short line without a stop after a full
    # one is a heading, and stays apart.
    assert (
        "Our favourite introduction to the whole subject is Donella Meadows, Thinking in Systems"
    ) in texts
    assert "Find us on the internet" in texts
    assert texts[0] == "Our invitation"


def test_a_line_left_short_by_a_long_word_after_it_runs_on_into_that_word() -> None:
    # The third line ends 12 characters short of the longest usual line (71), too short to
    # count as full, but "Commissioning" (13) would not have fitted on it.
    text = PRINTED.replace(
        "their people, so that no council has to build alone what others have.\n",
        "their people, drawing on what is known by the Regional Care\n"
        "Commissioning Board and the other partners.\n",
    )
    texts = _block_texts(text)
    assert (
        "The Centre will help councils to share their tools, their methods and their people, "
        "drawing on what is known by the Regional Care Commissioning Board and the other "
        "partners."
    ) in texts
    assert "Find us on the internet" in texts  # a short line is still a heading


def test_a_paragraph_to_a_line_is_not_joined_to_the_next() -> None:
    """Word's text (and the shipped conversions) keep a paragraph to a line: a paragraph
    without a stop ("Find us on the internet") is not run into the next."""
    long = " ".join(["Councils should share their data tools with one another freely"] * 3)
    text = "".join(f"{long}.\n" for _ in range(10)) + "A heading without a stop\nThe text.\n"
    assert _block_texts(text)[-2:] == ["A heading without a stop", "The text."]


def test_an_extractors_heading_lines_are_not_blocks() -> None:
    start = PRINTED.index("Find us")
    given = [
        ExtractedHeading(0, "Our invitation", 1),
        ExtractedHeading(start, "Find us on the internet", 2),
    ]
    texts = _block_texts(PRINTED, headings=given)
    assert "Our invitation" not in texts and "Find us on the internet" not in texts
