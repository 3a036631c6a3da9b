"""The wording cues run over imported text in linear time: a long table row or a run of marks
in an untrusted document must not stall an import."""

from __future__ import annotations

import time

import pytest

from briefgen.library.quotespan import as_item_text
from briefgen.library.suggest.cues import cue_tokens, firm_kind
from briefgen.library.suggest.furniture import about_the_document
from briefgen.library.suggest.heading_lines import ends_lead_in
from briefgen.library.suggest.structure import derive_structure

# Before the fix each of these took well over ten seconds at this length (quadratic growth).
LENGTH = 60_000


def _seconds(check: object, text: str) -> float:
    started = time.perf_counter()
    assert callable(check)
    check(text)
    return time.perf_counter() - started


@pytest.mark.parametrize(
    ("check", "text"),
    [
        (cue_tokens, "1," * (LENGTH // 2) + "x"),
        (lambda text: firm_kind(text, ""), '"' * LENGTH + "x"),
        (about_the_document, "a." * (LENGTH // 2) + "x"),
        (about_the_document, "A-" * (LENGTH // 2) + "x"),
        (as_item_text, "\t" * LENGTH + "x"),
    ],
    ids=["figure-in-table-row", "run-of-quote-marks", "dotted-run", "hyphenated-run", "tabs"],
)
def test_cues_on_a_long_adversarial_line_finish_quickly(check: object, text: str) -> None:
    assert _seconds(check, text) < 1.0


def test_the_cues_still_find_figures_quotes_and_addresses() -> None:
    assert "cue_figure" in cue_tokens("The council saved £1.5m last year")
    assert "cue_figure" in cue_tokens("Spending rose by 3 billion")
    assert "cue_figure" in cue_tokens("a cost of 1,250.5m over the decade")
    assert firm_kind("“We were not told anything at all.”", "") == (
        "evidence",
        "quotes what someone said",
    )
    assert firm_kind('"Nobody listened", a parent told us."', "")[0] == "evidence"
    assert firm_kind('"Councils" are the answer here', "") != (
        "evidence",
        "quotes what someone said",
    )
    assert about_the_document("Write to first.last@example.gov.uk with your views")
    assert about_the_document("Contact -j.smith@council.org.uk today")
    assert not about_the_document("Councils should pool budgets at scale.")


def test_a_quote_on_one_line_loses_the_bullets_that_start_its_lines_only() -> None:
    passage = "- Set-up costs may rise,\r\n  \u2022 staff may leave\n\n-  and - services\tsuffer."
    assert (
        as_item_text(passage) == "- Set-up costs may rise, staff may leave and - services suffer."
    )


# Dotted fill-in lines run together in one paragraph (a form): the lead-in test once took
# minutes here, its time growing with the cube of the run's length (12 s at this one).
DOTS = 1_500


def test_a_paragraph_with_a_long_run_of_dots_is_read_quickly() -> None:
    text = (
        "Please complete every part of this form before the meeting.\n\n"
        f"I confirm that the details are correct {'.' * DOTS} and sign below.\n\n"
        f"The changes proposed are as follows{'.' * DOTS}\n\n"
        "- Councils should pool budgets.\n"
    )
    assert _seconds(derive_structure, text) < 1.0
    blocks = derive_structure(text).blocks
    assert [b.lead_in for b in blocks if b.listed] == [2]  # the dots still end a lead-in


@pytest.mark.parametrize(
    ("ending", "lead_in"),
    [
        ("The options are:", True),
        ("The options are: ", True),
        ("The options include", True),
        ("The options INCLUDE…)", True),
        ("as set out below...", True),
        ("as set out below..", False),
        ("as set out below.", False),
        ("ideas put forward by", True),
        ("ideas put forward nearby", False),
        ("key risks are listed here", False),
        ("add: 'to'", True),
        ("add to_", False),
        ("", False),
    ],
)
def test_a_lead_in_ends_with_a_colon_an_ellipsis_or_a_linking_word(
    ending: str, lead_in: bool
) -> None:
    assert ends_lead_in(ending) is lead_in
