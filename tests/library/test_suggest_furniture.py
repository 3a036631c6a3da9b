"""What a published report carries besides its points is not suggested, and its own asks rank high.

Quotations of other authors (set off by an attribution line), asides to the reader, footnotes
and title-page lines are left out; a listed ask under "…we will:" ranks with the
recommendations; a list that goes on its lead-in's sentence is quoted whole (decision 0188).
"""

from __future__ import annotations

import pytest

from briefgen.content import Corpus
from briefgen.library.suggest import (
    Suggestion,
    SuggestModel,
    derive_structure,
    furniture,
    suggest,
    train,
)
from briefgen.library.suggest.engine import RECOMMENDATION_SCORE

REPORT = "\n".join(
    [
        "# Rethinking family support in Anytown",
        "The Anytown Partnership",
        "Published: 2026-03-01",
        "## How to use this document",
        "This document is designed for councillors, officers and partners alike.",
        "Each chapter ends with a short list of questions for your board.",
        "## Why change is needed",
        "Referrals to children's social care have doubled in five years across the county. "
        "The rest of this paper discusses the causes in detail.",
        "Families tell us that they repeat their story to every new worker they meet.",
        "Early help reduces the need for costly statutory intervention later on.",
        "2 The referral figures are set out in the Children in Need census",
        "3 Our favourite account of early help is the Munro review",
        "## A simple start",
        "We think the service should begin small and grow with what works.",
        "Large organisations stifle the initiative of the people closest to the work.",
        "Every reform imposed from above meets the quiet resistance of those below.",
        "-- A. N. Author, On Institutions: Why Reform Fails",
        "We will start with two pilot areas chosen with partners.",
        "## What the partnership should achieve",
        "The partnership should help to make sure that:",
        "- families get help before problems grow,",
        "- workers share what they know, and",
        "- every child has a trusted adult.",
        "## Next steps",
        "Anonymous feedback is welcome, but a name helps us follow up your comments.",
        "Over the coming year, we will:",
        "- Design a single front door for family support, with partners and families",
        "- Test the new assessment in two pilot areas before it is rolled out",
        "- Publish a progress report to the board every six months",
        "## Find us on the internet",
        "The best way to keep up with our work is on our website.",
    ]
)


@pytest.fixture(scope="module")
def model(shipped_corpus: Corpus) -> SuggestModel:
    return train(shipped_corpus)


@pytest.fixture(scope="module")
def found(model: SuggestModel) -> list[Suggestion]:
    return suggest(REPORT, model, publisher="The Anytown Partnership", min_score=0.0, limit=0)


def containing(found: list[Suggestion], words: str) -> list[Suggestion]:
    return [s for s in found if words in s.text]


def test_every_suggestion_is_still_an_exact_span(found: list[Suggestion]) -> None:
    assert found
    for suggestion in found:
        assert REPORT[suggestion.start : suggestion.end] == suggestion.text


def test_a_quotation_above_an_attribution_line_is_not_the_publishers_own(
    found: list[Suggestion],
) -> None:
    for words in ("Large organisations stifle", "quiet resistance", "A. N. Author"):
        assert not containing(found, words), words
    # the document's own voice on either side of the quotation is still proposed
    assert containing(found, "begin small and grow")
    assert containing(found, "two pilot areas chosen")


def test_an_attribution_line_and_its_quotation_are_not_blocks() -> None:
    text = (
        "We think reform must start small.\n"
        "A complex system that works has evolved from a simple one.\n"
        "— Jane Smith, Systems at Work (1990)\n"
        "– Councils should publish their plans.\n"
    )
    blocks = [text[b.start : b.end] for b in derive_structure(text).blocks]
    assert blocks == ["We think reform must start small.", "Councils should publish their plans."]


def test_asides_to_the_reader_and_notes_on_the_document_are_not_proposed(
    found: list[Suggestion],
) -> None:
    for words in (
        "designed for councillors",  # under "How to use this document"
        "Each chapter ends",
        "The rest of this paper discusses",
        "Anonymous feedback is welcome",
        "keep up with our work",  # under "Find us on the internet"
    ):
        assert not containing(found, words), words
    # the sentence before a note on the document is proposed without it
    (referrals,) = containing(found, "Referrals to children's social care")
    assert referrals.text.endswith("across the county.")


def test_footnotes_and_title_page_lines_are_not_proposed(found: list[Suggestion]) -> None:
    for words in ("Children in Need census", "Munro review", "Published:", "Anytown Partnership"):
        assert not containing(found, words), words


def test_footnote_numbers_at_a_sections_end_are_not_list_items_but_a_list_under_a_lead_in_is() -> (
    None
):
    text = (
        "## Costs\n"
        "Costs rose by a third.\n"
        "4 See the annual accounts for the detail\n"
        "5 Figures are rounded\n"
        "## Options\n"
        "The options are:\n"
        "2 Merge the two teams\n"
        "3 Keep them apart\n"
        "The board will choose in May.\n"
    )
    structure = derive_structure(text)
    blocks = [(text[b.start : b.end], b.listed) for b in structure.blocks]
    assert blocks == [
        ("Costs rose by a third.", False),
        ("The options are:", False),
        ("Merge the two teams", True),
        ("Keep them apart", True),
        ("The board will choose in May.", False),
    ]


def test_a_list_that_goes_on_its_lead_ins_sentence_is_quoted_whole(
    found: list[Suggestion],
) -> None:
    (whole,) = containing(found, "families get help")
    assert whole.text == (
        "The partnership should help to make sure that:\n"
        "- families get help before problems grow,\n"
        "- workers share what they know, and\n"
        "- every child has a trusted adult."
    )
    assert len(containing(found, "workers share what they know")) == 1


def test_an_item_left_ending_on_and_is_not_proposed_alone(model: SuggestModel) -> None:
    text = (
        "## Aims\n"
        "The board agreed to make sure that:\n"
        "- Families are seen quickly, and\n"
        "- Budgets are pooled where it helps.\n"
    )
    found = suggest(text, model, min_score=0.0, limit=0)
    assert all(not s.text.startswith("Families are seen quickly") for s in found)


def test_the_documents_own_listed_asks_rank_in_the_top_fifth_with_a_reason(
    found: list[Suggestion],
) -> None:
    ranked = sorted(found, key=lambda s: -s.score)
    top = ranked[: max(1, len(ranked) // 5) + 3]
    for words in ("Design a single front door", "Test the new assessment", "Publish a progress"):
        (ask,) = containing(found, words)
        assert ask.score >= RECOMMENDATION_SCORE
        assert ask in top
        assert ask.kind == "proposition"
        assert ask.reason.startswith(
            "the document's own commitment, listed after '…Over the coming year, we will:'"
        )
    # the lead-in alone is no item
    assert not [s for s in found if s.text == "Over the coming year, we will:"]


def test_a_listed_ask_of_others_is_a_recommendation(model: SuggestModel) -> None:
    text = (
        "## What we ask\n"
        "To make this work, the Department and councils should:\n"
        "- Fund early help for three years at a time\n"
        "- Share data on families between partners\n"
    )
    found = suggest(text, model, min_score=0.0, limit=0)
    (fund,) = [s for s in found if s.text.startswith("Fund early help")]
    assert fund.kind == "recommendation"
    assert fund.reason.startswith("the document's own ask, listed after")
    assert fund.score >= RECOMMENDATION_SCORE


def test_items_of_a_list_whose_bullets_were_lost_are_still_list_items() -> None:
    # a Word list comes out of the extractor as plain paragraphs
    text = (
        "Within this year, we will:\n"
        "Design the new service with families\n"
        "Engage far and wide, seeking views from everyone\n"
        "Everything here is open to discussion. We will listen.\n"
    )
    structure = derive_structure(text)
    listed = [(text[b.start : b.end], b.listed, b.lead_in) for b in structure.blocks]
    assert listed == [
        ("Within this year, we will:", False, -1),
        ("Design the new service with families", True, 0),
        ("Engage far and wide, seeking views from everyone", True, 0),
        ("Everything here is open to discussion. We will listen.", False, -1),
    ]


def test_a_printed_line_ending_in_a_semicolon_runs_on_into_a_lower_case_line() -> None:
    # a PDF's text comes a printed line at a time; a new paragraph does not open in lower case
    filler = "Councils have worked hard to protect early help services in"
    lines = [filler, "difficult years for every budget they hold.", "", "We also need to"]
    lines += ["remember that we work in a complex system;"]
    lines += ["children's services are a network of relationships, not a"]
    lines += ["single problem to be solved by one body alone."]
    lines += [filler, "difficult years.", filler, "difficult years.", filler, "difficult years."]
    text = "\n".join(lines) + "\n"
    blocks = [text[b.start : b.end] for b in derive_structure(text).blocks]
    assert (
        "We also need to\nremember that we work in a complex system;\n"
        "children's services are a network of relationships, not a\n"
        "single problem to be solved by one body alone."
    ) in blocks


def test_a_heading_the_extractor_did_not_mark_is_not_proposed_but_a_short_quotation_is(
    model: SuggestModel,
) -> None:
    text = (
        "To give feedback\n"
        "Councils have cut early help by a third since 2015, the survey found.\n"
        '"It\'s about people, not institutions."\n'
    )
    # an extractor that found no headings says so with an empty list
    found = suggest(text, model, headings=[], min_score=0.0, limit=0)
    texts = [s.text for s in found]
    assert "To give feedback" not in texts
    assert '"It\'s about people, not institutions."' in texts


@pytest.mark.parametrize(
    "sentence",
    [
        "In the detailed appendices to this paper, we cite earlier studies of the service.",
        "In the next section we discuss the options in turn.",
        "For the purposes of this report, we have grouped the councils by size.",
    ],
)
def test_a_sentence_placing_what_the_document_does_is_about_the_document(sentence: str) -> None:
    assert furniture.about_the_document(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "In this report, we argue that councils should pool their budgets.",
        "In the appendices we show that costs rose by a third.",
        "For the purposes of planning, councils should count every placement.",
    ],
)
def test_a_point_made_in_the_document_is_not_about_the_document(sentence: str) -> None:
    assert not furniture.about_the_document(sentence)
