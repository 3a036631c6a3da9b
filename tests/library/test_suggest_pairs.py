"""Where the layout parts two sentences whatever the joiner says: bold, a dropped copy, restated
summary points; and numbered section titles read as headings, however long."""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.content import Corpus
from briefgen.library.suggest import suggest_for_source, train
from briefgen.library.suggest.model import read_layout
from briefgen.library.suggest.pairs import (
    COPY_BETWEEN,
    EMPHASIS,
    RESTATED,
    SentencePair,
    restated_in_body,
    sentence_pairs,
)
from briefgen.library.suggest.spans import candidates
from briefgen.library.suggest.structure import derive_structure


def always_join(pairs: Sequence[SentencePair]) -> list[float]:
    """A joiner that would keep every sentence of a block together."""
    return [1.0] * len(pairs)


def passages(text: str) -> list[str]:
    layout = read_layout(text)
    found = candidates(text, layout.structure, layout.sentences, always_join)
    for candidate in found:
        assert (
            text[candidate.start : candidate.end].strip() == text[candidate.start : candidate.end]
        )
    return [text[c.start : c.end] for c in found]


def test_a_sentence_set_in_bold_is_a_passage_of_its_own() -> None:
    plain = (
        "# Funding\n\nBudgets fell by a fifth. Councils must be funded fairly. Grants are late.\n"
    )
    assert passages(plain) == [
        "Budgets fell by a fifth. Councils must be funded fairly. Grants are late."
    ]
    bold = (
        "# Funding\n\nBudgets fell by a fifth. **Councils must be funded fairly.** Grants are "
        "late.\n"
    )
    assert passages(bold) == [
        "Budgets fell by a fifth.",
        "Councils must be funded fairly.",
        "Grants are late.",
    ]
    layout = read_layout(bold)
    pairs = sentence_pairs(bold, layout.structure, layout.sentences)
    assert [pair.parted for pair in pairs] == [EMPHASIS, EMPHASIS]


def test_a_bold_run_of_sentences_stays_together() -> None:
    text = (
        "# Funding\n\nBudgets fell. **Councils must be funded fairly. Grants must come on time.**\n"
    )
    assert passages(text) == [
        "Budgets fell.",
        "Councils must be funded fairly. Grants must come on time.",
    ]


def test_passages_do_not_join_across_a_summary_copy_dropped_between_them() -> None:
    text = (
        "# Summary\n\n"
        "Councils face rising demand. Caseloads for social workers have risen sharply since 2015. "
        "We set out twelve proposals.\n\n"
        "# Pressures\n\n"
        "Caseloads for social workers have risen sharply since 2015. Agency staff fill one post "
        "in five.\n"
    )
    found = passages(text)
    assert "Councils face rising demand." in found
    assert "We set out twelve proposals." in found
    assert not any("twelve" in passage and "demand" in passage for passage in found)
    layout = read_layout(text)
    summary = [s for s in layout.sentences if s.block == 0]
    kept = [summary[0], summary[2]]  # the copy in the middle is dropped for the body's
    dropped = [summary[1].start]
    assert sentence_pairs(text, layout.structure, kept, dropped=dropped)[0].parted == COPY_BETWEEN


def test_a_footnote_marker_between_two_sentences_does_not_part_them() -> None:
    text = "# Funding\n\nBudgets fell by 40 per cent.<sup>3</sup> It is only a matter of time.\n"
    assert passages(text) == [
        "Budgets fell by 40 per cent.<sup>3</sup> It is only a matter of time."
    ]


RESTATING = """\
Summary

1. Councils should have maximum flexibility to decide how children's services are delivered. \
Government should fund the rising demand for children's social care in full.
2. We welcome the consultation. It asks the right questions of councils.

Main submission

2. Councils should have maximum flexibility to decide how children's services are delivered

2.1. Councils know their areas best. Government should fund the rising demand for children's \
social care in full, through a multi-year settlement.
"""


def test_summary_points_the_body_restates_are_passages_of_their_own() -> None:
    found = passages(RESTATING)
    assert (
        "Councils should have maximum flexibility to decide how children's services are delivered."
        in found
    )
    # the summary's shortened form of a body sentence is proposed once, where the body has it
    # (decision 0206)
    shortened = "Government should fund the rising demand for children's social care in full."
    assert shortened not in found
    layout = read_layout(RESTATING)
    (body,) = [
        c
        for c in candidates(RESTATING, layout.structure, layout.sentences, always_join)
        if "multi-year settlement" in RESTATING[c.start : c.end]
    ]
    start = RESTATING.index(shortened)
    assert body.summary_places == body.near_places == [(start, start + len(shortened))]
    # a summary point the body does not restate keeps the joiner's say
    assert "We welcome the consultation. It asks the right questions of councils." in found
    restated = restated_in_body(RESTATING, layout.structure, layout.sentences)
    first_point = [s for s in layout.sentences if s.block == 0]
    assert {s.start for s in first_point} <= restated
    assert sentence_pairs(RESTATING, layout.structure, first_point, restated)[0].parted == RESTATED


def test_a_numbered_line_over_numbered_paragraphs_is_a_section_title_however_long() -> None:
    structure = derive_structure(RESTATING)
    titles = [heading.title for heading in structure.headings]
    assert (
        "2. Councils should have maximum flexibility to decide how children's services are "
        "delivered" in titles
    )
    last = structure.blocks[-1]
    assert RESTATING[last.start : last.end].startswith("Councils know their areas best.")
    assert structure.heading_path(last)[-1].startswith("2. Councils should have")


def test_numbered_list_items_and_a_numbered_lead_in_are_not_section_titles() -> None:
    text = (
        "# Options\n\n"
        "2.6 The optimum delivery model for children's services will be one of the following\n\n"
        "2.6.1 **Option One** Children's services delivered separately by each unitary council\n\n"
        "# Priorities\n\n"
        "1. Provide a compelling vision and inspirational leadership to children's services in "
        "the county\n"
        "2. Deliver rapid improvement and minimise any disruption to the improvement programme\n"
    )
    structure = derive_structure(text)
    assert [heading.title for heading in structure.headings] == ["Options", "Priorities"]
    bodies = [text[b.start : b.end] for b in structure.blocks]
    assert bodies[0].startswith("The optimum delivery model")
    assert any(body.startswith("Provide a compelling vision") for body in bodies)


def test_the_shipped_sesl_response_summary_points_are_suggested_sentence_by_sentence(
    shipped_corpus: Corpus,
) -> None:
    # learned without the response, as the leave-one-out benchmark does: the layout decides
    model = train(shipped_corpus, leave_out=["sesl-seec-2014"])
    found = [
        s.text
        for s in suggest_for_source(
            shipped_corpus, "sesl-seec-2014", model, skip_curated=False, limit=0, min_score=0
        )
    ]
    # summary point 4: its middle sentence is the body's bold one (proposed there), and the
    # two round it each restate the body
    assert (
        "Democratically accountable local authorities are best placed to drive improvement in "
        "children's services." in found
    )
    assert not any(
        "Democratically accountable" in text and "The Department for Education" in text
        for text in found
    )
    # the body's bold recommendation is proposed on its own
    assert (
        "Through its Children's Services Innovation Programme, and other channels, Government "
        "should recognise and further incentivise councils to make the most of existing "
        "opportunities." in found
    )
