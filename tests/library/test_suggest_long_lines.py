"""The wording cues run over imported text in linear time: a long table row or a run of marks
in an untrusted document must not stall an import."""

from __future__ import annotations

import time

import pytest

from briefgen.library.quotespan import as_item_text
from briefgen.library.suggest.cues import cue_tokens, firm_kind
from briefgen.library.suggest.furniture import about_the_document

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
