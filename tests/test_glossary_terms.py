"""Glossary terms are found as readers write them: any case, singular or plural, hyphen or not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefgen.content import load_corpus
from briefgen.content.model import GlossaryEntry
from briefgen.pack import PackSpec, build_pack
from briefgen.pack.glossary_terms import GlossaryMatcher
from briefgen.pack.model import Quote, Table


def terms(glossary: list[str], text: str) -> list[str]:
    matcher = GlossaryMatcher([GlossaryEntry(term, f"{term} in full") for term in glossary])
    return [entry.term for entry in matcher.find(text)]


def test_a_term_is_found_in_capitals_or_as_written() -> None:
    assert terms(["Solace", "Ofsted"], "SOLACE and Solace; OFSTED's view") == [
        "Solace",
        "Solace",
        "Ofsted",
    ]


def test_singular_and_plural_find_the_same_entry() -> None:
    glossary = ["GCSE", "City Deal", "academy", "LEP", "Troubled Families"]
    text = "GCSEs, a GCSE; City Deals; academies and an academy; LEP's; the Troubled Families work"
    assert terms(glossary, text) == [
        "GCSE", "GCSE", "City Deal", "academy", "academy", "LEP", "Troubled Families",
    ]  # fmt: skip


def test_an_ordinary_lower_case_word_is_not_an_acronym_or_name() -> None:
    glossary = ["Solace", "SEN", "SE", "FE"]
    assert terms(glossary, "they take solace in a sense of fe; se") == []
    assert terms(glossary, "SE Councils and SEN pupils") == ["SE", "SEN"]


def test_a_phrase_is_found_in_any_case_with_hyphen_or_space() -> None:
    glossary = ["sector-led improvement", "Family Nurse Partnership", "pupil premium"]
    text = "Sector led improvement; family nurse partnerships; the Pupil Premium"
    assert terms(glossary, text) == glossary


def test_the_longer_term_wins_where_two_overlap() -> None:
    assert terms(["SEN", "SEND", "DC", "DCS"], "SEND support; the DCS") == ["SEND", "DCS"]


SURVEY = """\
source: sesl-seec-2014
items:
  - id: t-survey
    kind: evidence
    org: solace
    locator: para 7.1
    themes: [funding]
    key: true
    headline: A survey indicates councils cut children's funding by 10-15% since 2010.
    text: >-
      A recent member survey by the Society of Local Authority Chief Executives (SOLACE)
      indicates that since 2010 councils have cut funding for children's services by 10-15% on
      average.
"""
ATTAINMENT = """\
source: solace-2014
items:
  - id: t-attainment
    kind: evidence
    org: solace
    locator: To stay safe, para 5
    themes: [funding]
    key: true
    headline: Children in care have a 41% attainment gap at 16.
    text: >-
      Educational outcomes for children in state care remain far lower than for other young
      people - with an attainment gap of 41% amongst young people finishing their GCSEs last
      summer.
"""


def test_a_member_briefing_explains_terms_written_in_capitals_or_the_plural(
    make_content: Callable[..., Path],
) -> None:
    corpus = load_corpus(make_content({"survey.yaml": SURVEY, "attainment.yaml": ATTAINMENT}))
    pack = build_pack(corpus, PackSpec(layout="member-briefing", audience="senior-officers"))
    quotes = {b.item_id: b for s in pack.sections for b in s.blocks if isinstance(b, Quote)}
    # "(SOLACE)" in SESL's text; "GCSEs" in Solace's.
    assert [a.term for a in quotes["t-survey"].acronyms] == ["Solace"]
    assert [a.term for a in quotes["t-attainment"].acronyms] == ["GCSE"]
    glossary = next(s for s in pack.sections if s.title == "Glossary")
    table = next(b for b in glossary.blocks if isinstance(b, Table))
    assert (
        "GCSE",
        "General Certificate of Secondary Education. The exams most pupils take at 16.",
    ) in table.rows
