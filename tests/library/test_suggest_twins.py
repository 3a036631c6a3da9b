"""Near copies: a summary's short form of a body sentence is proposed once, where the body has
it, and sentences that only share a subject, or parallel points under one heading, are not
taken for copies (decision 0206)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from briefgen.content import Corpus
from briefgen.library.suggest import Suggestion, suggest, train
from briefgen.library.suggest.label import summary_note
from briefgen.library.suggest.model import read_layout
from briefgen.library.suggest.pairs import SentencePair
from briefgen.library.suggest.spans import Candidate, candidates

# A report in the sample's shape: its summary lists its plans and points in brief; the body
# sets them out in full. Its subject ("the new service", "councils", "children") is on every
# other line, as a report's subject is.
REPORT = """\
# Summary

Over the next year, we will:

- Engage far and wide.
- Design the new service.

Proposed regulations do not include sufficient checks and balances to quality assure \
commissioned provision.

Councils have a critical role in the lives of all children and families.

Introducing new delivery models can drive improvement, but Government must also fund the \
rising demand for children's social care.

# Engagement

Within this year's work, we will:

- Engage far and wide, seeking views from everyone and refining our designs with partners
- Design the new service, including its scale, remit and business model

We intend to design the new service with councils and partners.

# Checks and balances

The regulations as drafted do not include sufficient checks and balances to quality assure \
the commissioned provision of children's services.

Councils have a critical role in housing policy for older people.

Introducing new delivery models can drive improvement.

# Options

The delivery model for children's services will be one of the following:

- Option One: services delivered separately by each unitary council for its own \
geographical area, under its own management
- Option Two: services delivered separately by each unitary council for its own \
geographical area, under its own management, but with shared services across the county
"""


def always_join(pairs: Sequence[SentencePair]) -> list[float]:
    return [1.0] * len(pairs)


def passage(found: Sequence[Candidate], words: str) -> Candidate:
    (match,) = [c for c in found if words in REPORT[c.start : c.end]]
    return match


def place(words: str, after: str = "") -> tuple[int, int]:
    start = REPORT.index(words, REPORT.index(after) if after else 0)
    return start, start + len(words)


@pytest.fixture(scope="module")
def found() -> list[Candidate]:
    layout = read_layout(REPORT)
    return candidates(REPORT, layout.structure, layout.sentences, None)


@pytest.fixture(scope="module")
def suggestions(shipped_corpus: Corpus) -> list[Suggestion]:
    return suggest(REPORT, train(shipped_corpus), min_score=0.0, limit=0)


def test_a_summary_bullet_shortening_a_body_item_is_proposed_once_where_the_body_has_it(
    found: list[Candidate], suggestions: list[Suggestion]
) -> None:
    body = passage(found, "Engage far and wide, seeking views")
    assert body.summary_places == body.near_places == [place("Engage far and wide.")]
    assert not any(REPORT[c.start : c.end] == "Engage far and wide." for c in found)
    (suggested,) = [s for s in suggestions if "Engage far and wide" in s.text]
    assert suggested.text.startswith("Engage far and wide, seeking views")
    assert suggested.summary_places == (place("Engage far and wide."),)
    assert suggested.reason.endswith("also in 'Summary', para 2, in fewer words")
    for suggestion in suggestions:
        assert REPORT[suggestion.start : suggestion.end] == suggestion.text


def test_a_summary_sentence_the_body_says_in_more_words_is_dropped_for_the_body_copy(
    found: list[Candidate],
) -> None:
    summary = place(
        "Proposed regulations do not include sufficient checks and balances to quality assure "
        "commissioned provision."
    )
    body = passage(found, "The regulations as drafted")
    assert body.near_places == [summary]
    assert not any(c.start == summary[0] for c in found)


def test_sentences_sharing_only_a_subject_are_both_proposed(found: list[Candidate]) -> None:
    assert passage(found, "in the lives of all children").summary_places == []
    assert passage(found, "in housing policy").summary_places == []


def test_a_phrase_in_several_sentences_is_the_documents_subject_not_a_short_form(
    found: list[Candidate],
) -> None:
    # "Design the new service" is word for word in two body sentences: no copy of either.
    assert passage(found, "including its scale").summary_places == []
    assert any(REPORT[c.start : c.end] == "Design the new service." for c in found)


def test_a_summary_point_saying_more_than_the_body_stays_beside_it(
    found: list[Candidate],
) -> None:
    longer = passage(found, "but Government must also fund")
    shorter = passage(found, "can drive improvement.")
    assert longer.summary_places == shorter.summary_places == []


def test_parallel_points_under_one_heading_are_not_copies(found: list[Candidate]) -> None:
    # Option One is Option Two without its last words: they are two options, not one.
    assert passage(found, "Option One").summary_places == []
    assert passage(found, "Option Two").summary_places == []


def test_a_sentence_its_paragraph_goes_on_from_is_not_dropped() -> None:
    text = (
        "# Schools\n\n"
        "Local authorities continue to have a crucial role in the wider education system. They "
        "have a democratic mandate to champion good schools.\n\n"
        "# Skills\n\n"
        "Beyond secondary schools, local authorities continue to have a crucial role in the "
        "wider education system.\n"
    )
    layout = read_layout(text)
    alone = candidates(text, layout.structure, layout.sentences, None)
    assert [text[s:e] for c in alone for s, e in c.near_places] == [
        "Local authorities continue to have a crucial role in the wider education system."
    ]
    # When the joiner keeps it with the sentence after it ("They have…"), it heads that
    # paragraph's point and stays there.
    joined = candidates(text, layout.structure, layout.sentences, always_join)
    assert [c.near_places for c in joined] == [[], []]
    assert text[joined[0].start : joined[0].end].startswith("Local authorities continue")


def test_the_note_says_a_near_copy_is_in_fewer_words_and_names_a_place_once() -> None:
    text = "# Summary\n\nCosts rose.\n\nDemand rose.\n\n# Costs\n\nCosts rose. Demand rose a lot."
    structure = read_layout(text).structure
    exact = (text.index("Costs rose"), text.index("Costs rose") + 11)
    near = (text.index("Demand rose"), text.index("Demand rose") + 12)
    assert summary_note(structure, [exact, near], lambda s, e: "p. 2, 'Summary'", {near: True}) == (
        "also on p. 2 ('Summary'), in fewer words"
    )
    assert summary_note(structure, [exact, near], None, {near: False}) == (
        "also in 'Summary', para 1, word for word; also in 'Summary', para 2, in much the same "
        "words"
    )


def test_an_item_of_a_list_quoted_whole_stays_in_its_list() -> None:
    text = (
        "# What a centre could do\n\n"
        "In its first year the centre could offer councils three kinds of help:\n\n"
        "- Innovation hosting and collaboration\n"
        "- Shared data standards\n"
        "- Training for analysts\n\n"
        "# Innovation\n\n"
        "Innovation hosting and collaboration across councils would let analysts build tools "
        "once.\n"
    )
    layout = read_layout(text)
    found = candidates(text, layout.structure, layout.sentences, None)
    passages = [text[c.start : c.end] for c in found]
    assert any(p.startswith("In its first year") and p.endswith("analysts") for p in passages)
    assert [c.near_places for c in found] == [[] for _ in found]
