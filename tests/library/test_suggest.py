"""Suggested items: exact spans, recommendations whole, summaries once, nothing proposed twice."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from briefgen.content import Corpus
from briefgen.library.suggest import (
    CuratedSpan,
    SuggestError,
    Suggestion,
    SuggestModel,
    TrainingDocument,
    default_limit,
    suggest,
    suggest_for_source,
    suggestion_id,
    train,
)

ORGANISATIONS = [
    ("lga", "Local Government Association", "LGA"),
    ("solace", "Solace (Society of Local Authority Chief Executives)", "Solace"),
    ("government", "Department for Education (the government position reported)", "DfE"),
]

REPORT = "\n\n".join(
    [
        "# Keeping children safe: a review",
        "# Executive summary",
        "Caseloads for children's social workers have risen sharply in every region since 2015. "
        "We set out twelve proposals below.",
        "# The pressures on services",
        "Councils spend more each year on placements for looked after children. "
        "Caseloads for children's social workers have risen sharply in every region since 2015. "
        "Agency staff now fill one post in five.",
        "In July 2016, the Department for Education announced that it expects more councils to "
        "set up children's trusts.",
        "Some 45% of councils overspent their children's services budget last year.",
        "# Risks",
        "The main risks of a new delivery model are:",
        "1. Splitting the service between two councils will add management costs.\n"
        "2. Experienced social workers may leave during the change.",
        "Will the new councils be ready to run children's services by April?",
        "# Recommendations",
        "1. Government should fund the rise in demand for children's social care. "
        "It should do so through a multi-year settlement.\n"
        "2. Councils should pool budgets with health partners for early help. "
        "Pooled budgets let services act sooner.",
        "# Conclusion",
        "The review team thanks the officers who gave their time.",
    ]
)


@pytest.fixture(scope="session")
def model(shipped_corpus: Corpus) -> SuggestModel:
    return train(shipped_corpus)


@pytest.fixture(scope="session")
def report_suggestions(model: SuggestModel) -> list[Suggestion]:
    return suggest(
        REPORT,
        model,
        publisher="Local Government Association",
        organisations=ORGANISATIONS,
        min_score=0.0,
        limit=0,
    )


def find(suggestions: list[Suggestion], words: str) -> Suggestion:
    matches = [s for s in suggestions if words in s.text]
    assert len(matches) == 1, f"{words!r} is in {len(matches)} suggestions"
    return matches[0]


def test_every_suggested_text_is_an_exact_span_of_its_source(
    shipped_corpus: Corpus, model: SuggestModel, report_suggestions: list[Suggestion]
) -> None:
    checked = 0
    for source_id, source in shipped_corpus.sources.items():
        found = suggest_for_source(
            shipped_corpus, source_id, model, skip_curated=False, min_score=0.0, limit=0
        )
        assert found
        for suggestion in found:
            assert source.text[suggestion.start : suggestion.end] == suggestion.text
            assert suggestion.text == suggestion.text.strip()
            for start, end in suggestion.summary_places:
                assert source.text[start:end].strip()
            checked += 1
    for suggestion in report_suggestions:
        assert REPORT[suggestion.start : suggestion.end] == suggestion.text
    assert checked > 500


def test_suggestions_are_deterministic(shipped_corpus: Corpus) -> None:
    first = train(shipped_corpus, leave_out=["solace-2014"])
    second = train(shipped_corpus, leave_out=["solace-2014"])
    runs = [
        [
            s.as_dict()
            for s in suggest_for_source(shipped_corpus, "solace-2014", m, skip_curated=False)
        ]
        for m in (first, second)
    ]
    assert runs[0] == runs[1]
    assert len(runs[0]) > 50


def test_recommendations_under_a_heading_come_whole_and_rank_in_the_top_fifth(
    report_suggestions: list[Suggestion],
) -> None:
    ranked = sorted(report_suggestions, key=lambda s: -s.score)
    top_fifth = ranked[: max(1, len(ranked) // 5)]
    for words in ("Government should fund", "Councils should pool"):
        recommendation = find(report_suggestions, words)
        assert recommendation.kind == "recommendation"
        assert recommendation.text.count(". ") == 1  # both sentences, one suggestion
        assert recommendation in top_fifth
        assert "under 'Recommendations'" in recommendation.reason
    assert find(report_suggestions, "Government should fund").text == (
        "Government should fund the rise in demand for children's social care. "
        "It should do so through a multi-year settlement."
    )


def test_listed_recommendations_after_a_lead_in_come_whole(model: SuggestModel) -> None:
    text = (
        "The key recommendations are:\n\n"
        "- Councils should publish their plans. They should do so every year.\n"
        "- Partners should share data on vulnerable children.\n"
    )
    found = suggest(text, model, min_score=0.0, limit=0)
    plans = find(found, "publish their plans")
    assert plans.text == "Councils should publish their plans. They should do so every year."
    assert plans.kind == "recommendation"
    assert "listed after" in plans.reason
    assert find(found, "share data").kind == "recommendation"


def test_a_summary_repeated_in_the_body_is_proposed_once_where_the_body_has_it(
    report_suggestions: list[Suggestion],
) -> None:
    caseloads = find(report_suggestions, "Caseloads for children's social workers")
    body_copy = REPORT.index("Caseloads", REPORT.index("# The pressures"))
    summary_copy = REPORT.index("Caseloads")
    assert caseloads.start <= body_copy < caseloads.end
    assert [start for start, _ in caseloads.summary_places] == [summary_copy]
    assert "also in 'Executive summary'" in caseloads.reason


def test_curated_and_rejected_passages_are_not_proposed_again(
    shipped_corpus: Corpus, model: SuggestModel
) -> None:
    source_id = "lga-solace-2014"
    curated = [i.span for i in shipped_corpus.items if i.source == source_id]
    everything = suggest_for_source(
        shipped_corpus, source_id, model, skip_curated=False, min_score=0.0, limit=0
    )
    fresh = suggest_for_source(shipped_corpus, source_id, model, min_score=0.0, limit=0)
    assert len(fresh) < len(everything)
    for suggestion in fresh:
        assert all(suggestion.end <= s or e <= suggestion.start for s, e in curated)
    rejected_by_id, rejected_by_span = fresh[0], fresh[1]
    again = suggest_for_source(
        shipped_corpus,
        source_id,
        model,
        rejected=[rejected_by_id.id, (rejected_by_span.start, rejected_by_span.end)],
        min_score=0.0,
        limit=0,
    )
    assert {s.id for s in again} == {s.id for s in fresh} - {rejected_by_id.id, rejected_by_span.id}
    assert rejected_by_id.id == suggestion_id(rejected_by_id.text)


def test_kinds_come_from_headings_questions_and_figures(
    report_suggestions: list[Suggestion],
) -> None:
    split = find(report_suggestions, "Splitting the service")
    assert split.kind == "risk"
    assert split.reason.startswith("numbered item 1 under 'Risks'")
    assert find(report_suggestions, "ready to run").kind == "question"
    assert find(report_suggestions, "45% of councils").kind == "evidence"


def test_organisation_comes_from_the_publisher_unless_a_phrase_attributes_it(
    report_suggestions: list[Suggestion],
) -> None:
    assert find(report_suggestions, "Splitting the service").org == "lga"
    trusts = find(report_suggestions, "children's trusts")
    assert trusts.org == "government"
    assert "Department for Education announced" in trusts.reason


def test_themes_are_one_to_three_and_follow_the_words(
    report_suggestions: list[Suggestion],
) -> None:
    for suggestion in report_suggestions:
        assert 1 <= len(suggestion.themes) <= 3
    assert "workforce" in find(report_suggestions, "Agency staff").themes
    assert "funding" in find(report_suggestions, "Government should fund").themes


def test_locators_come_from_the_layout_unless_a_locator_is_given(model: SuggestModel) -> None:
    found = suggest(REPORT, model, min_score=0.0, limit=0)
    assert find(found, "Splitting the service").locator == "Risks, item 1"
    assert find(found, "Some 45%").locator == "The pressures on services, para 3"
    given = suggest(REPORT, model, min_score=0.0, limit=0, locate=lambda s, e: f"at {s}")
    split = find(given, "Splitting the service")
    assert split.locator == f"at {split.start}"


def test_not_a_flood_by_default_and_more_on_request(
    shipped_corpus: Corpus, model: SuggestModel
) -> None:
    assert default_limit(3000) == 90
    assert default_limit(60000) == 500
    assert default_limit(800) < default_limit(3000) < default_limit(10000) < default_limit(60000)
    long_text = "\n\n".join(
        shipped_corpus.sources[source_id].text for source_id in ("lga-2013", "northants-2018")
    )
    words = len(long_text.split())
    default = suggest(long_text, model, organisations=ORGANISATIONS)
    assert 0 < len(default) <= default_limit(words)
    assert all(s.score >= 0.3 for s in default)
    more = suggest(long_text, model, organisations=ORGANISATIONS, min_score=0.0, limit=0)
    assert len(more) > len(default)
    assert len(suggest(REPORT, model, min_score=0.0, limit=3)) == 3


def test_a_list_item_keeps_its_lead_in_only_where_the_fragment_means_nothing_alone(
    model: SuggestModel,
) -> None:
    text = (
        "# Next steps\n\n"
        "Officers will report to the Cabinet. Councils have agreed:\n"
        "- to publish their improvement plans each year;\n"
        "- to share data on vulnerable children with the police;\n"
        "- Partners will review the plans in 2026.\n"
    )
    found = suggest(text, model, min_score=0.0, limit=0)
    publish = find(found, "to publish")
    assert publish.text == "Councils have agreed:\n- to publish their improvement plans each year;"
    lead = (text.index("Officers"), text.index(":") + 1)
    assert publish.lead_in == lead
    share = find(found, "to share data")
    assert share.text == "to share data on vulnerable children with the police;"
    assert share.lead_in == lead
    assert find(found, "Partners will review").text == "Partners will review the plans in 2026."
    assert find(found, "Officers will report").text == "Officers will report to the Cabinet."


@dataclass(frozen=True)
class ExtractedHeading:
    """A heading of the shape `briefgen.library.extract` reports."""

    start: int
    end: int
    title: str
    level: int


def test_an_extractors_headings_and_locator_are_used(model: SuggestModel) -> None:
    start = REPORT.index("# Risks")
    headings = [ExtractedHeading(start, start + 7, "Risks and challenges", 1)]
    found = suggest(
        REPORT, model, headings=headings, min_score=0.0, limit=0, locate=lambda s, e: "p. 4"
    )
    split = find(found, "Splitting the service")
    assert split.kind == "risk"
    assert "under 'Risks and challenges'" in split.reason
    assert split.locator == "p. 4"


def test_a_locator_names_a_numbered_paragraph_under_a_heading_in_capitals(
    model: SuggestModel,
) -> None:
    text = (
        "## 2. BACKGROUND AND CONTEXT\n\n"
        "- 2.4. On 29 November 2018, the government opened a consultation on the proposals.\n"
    )
    (found,) = suggest(text, model, min_score=0.0, limit=0)
    assert found.locator == "2. Background and context, para 2.4"
    assert found.text.startswith("On 29 November 2018")


def test_too_few_curated_items_is_a_clear_error_and_one_theme_is_enough() -> None:
    text = "\n\n".join(f"Councils should do thing {n}. It costs {n}0 pounds." for n in range(12))
    starts = [text.index(f"Councils should do thing {n}.") for n in range(12)]
    items = tuple(
        CuratedSpan(start, text.index(".", start) + 1, kind, ("funding",), "lga")
        for start, kind in zip(starts, ["position", "evidence"] * 6, strict=True)
    )
    with pytest.raises(SuggestError, match=r"Too few curated items to learn from: 3 items of 2"):
        SuggestModel([TrainingDocument(text, items[:3])])
    with pytest.raises(SuggestError, match=r"6 items of 1 kind\."):
        SuggestModel([TrainingDocument(text, items[::2])])
    model = SuggestModel([TrainingDocument(text, items)])
    found = suggest(text, model, min_score=0.0, limit=0)
    assert found
    assert all(s.themes == ("funding",) for s in found)
