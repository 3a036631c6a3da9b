"""Suggested kinds: the wording the kind classifier weighs and the answers no model overrules."""

from __future__ import annotations

import numpy as np
import pytest

from briefgen.content import Corpus
from briefgen.library.suggest import Suggestion, SuggestModel, suggest, train
from briefgen.library.suggest.cues import firm_kind, kind_tokens, lead_in_kind
from briefgen.library.suggest.model import (
    CUE_WEIGHT,
    OTHER_KIND_SHARE,
    RELEVANCE_CUE_WEIGHT,
    describe,
    read_layout,
)
from briefgen.library.suggest.spans import candidates

REPORT = "\n\n".join(
    [
        "# Delivering change",
        "Alternative delivery models are new and their record is mixed. "
        "The model brings with it some inherent dangers:",
        "- Set-up costs may divert money from the front line.\n"
        "- Staff may leave while the new body is formed.",
        "# Key propositions",
        "Give councils the freedom they need to redesign services around families, by:",
        "- pooling budgets with health partners\n- ending ring-fenced grants",
        "# What people told us",
        '"Families want one worker who knows them, not five who do not."',
        "Pilots in areas like Cumbria are showing that shared case records free up time for "
        "work with families.",
        "Finally, we call on every council to publish its plan for care leavers.",
        "Numerous business surveys indicate that employers find school leavers unready for work.",
    ]
)


@pytest.fixture(scope="module")
def model(shipped_corpus: Corpus) -> SuggestModel:
    return train(shipped_corpus)


@pytest.fixture(scope="module")
def found(model: SuggestModel) -> list[Suggestion]:
    return suggest(REPORT, model, min_score=0.0, limit=0)


def find(suggestions: list[Suggestion], words: str) -> Suggestion:
    matches = [s for s in suggestions if words in s.text]
    assert len(matches) == 1, f"{words!r} is in {len(matches)} suggestions"
    return matches[0]


def test_wording_tokens_name_problems_places_and_who_acts() -> None:
    assert {"kind_deficit", "kind_subject_other"} <= set(
        kind_tokens("Proposed regulations do not include sufficient checks and balances.")
    )
    assert {"kind_trend", "kind_money"} <= set(
        kind_tokens("Demand for social care is increasing as funding gets tighter.")
    )
    example = kind_tokens("For example, in Wigan schools have formed eight consortia.")
    assert {"kind_in_place", "kind_opens_for"} <= set(example)
    assert "kind_like_named" in kind_tokens("Pilots in areas like Staffordshire show the way.")
    assert "kind_subject_government" in kind_tokens("However, Government should fund the rise.")
    believe = kind_tokens("We firmly believe councils are best placed to lead.")
    assert {"kind_subject_we", "kind_stance"} <= set(believe)
    assert "kind_named" not in kind_tokens("Councils know their areas best.")


def test_a_lead_in_that_names_a_kind_gives_it_and_a_recommendations_lead_in_does_not() -> None:
    assert lead_in_kind("Some are new. The model brings with it some inherent dangers:") == "risk"
    assert lead_in_kind("The main challenges are:") == "risk"
    assert lead_in_kind("The key recommendations are:") == ""
    assert lead_in_kind("It covers the following areas:") == ""


def test_wording_that_settles_a_kind() -> None:
    assert firm_kind('"It\'s about people, not institutions."', "") == (
        "evidence",
        "quotes what someone said",
    )
    assert firm_kind("Numerous business surveys indicate that employers agree.", "")[0] == (
        "evidence"
    )
    assert firm_kind("Finally, we call on councils to embrace this ambition.", "")[0] == (
        "recommendation"
    )
    assert firm_kind("Councils have embraced this ambition.", "") == ("", "")


def test_items_listed_after_a_lead_in_naming_risks_are_risks(found: list[Suggestion]) -> None:
    costs = find(found, "Set-up costs")
    assert costs.kind == "risk"
    assert costs.reason.startswith("listed after '…brings with it some inherent dangers:'")
    assert find(found, "Staff may leave").kind == "risk"


def test_a_paragraph_introducing_a_list_under_a_kinds_heading_has_that_kind(
    found: list[Suggestion],
) -> None:
    give = find(found, "Give councils the freedom")
    assert give.kind == "proposition"
    assert give.reason == "paragraph introducing a list under 'Key propositions'"


def test_quotations_surveys_calls_and_named_places(found: list[Suggestion]) -> None:
    assert find(found, "Families want one worker").kind == "evidence"
    assert find(found, "business surveys").kind == "evidence"
    assert find(found, "we call on every council").kind == "recommendation"
    # learned: a programme piloted in a named place reads as an example, not a position
    assert find(found, "Pilots in areas like Cumbria").kind == "example"


def test_only_the_kind_classifier_sees_the_kind_tokens(model: SuggestModel) -> None:
    text = "Demand for social care is increasing as funding gets tighter."
    layout = read_layout(text)
    passages = [
        describe(layout, c) for c in candidates(text, layout.structure, layout.sentences, None)
    ]
    names = model.features.tokens.get_feature_names_out()
    kind_columns = np.flatnonzero([n.startswith("kind_") for n in names])
    words = len(model.features.words.vocabulary_)
    for_kinds = model.features(passages, CUE_WEIGHT, CUE_WEIGHT, kind_cues=CUE_WEIGHT)
    for_relevance = model.features(passages, RELEVANCE_CUE_WEIGHT, RELEVANCE_CUE_WEIGHT)
    assert for_kinds[:, words + kind_columns].sum() > 0
    assert for_relevance[:, words + kind_columns].sum() == 0


def test_an_unsure_model_offers_its_runner_up_kind_and_a_firm_answer_none(
    model: SuggestModel, found: list[Suggestion]
) -> None:
    layout = read_layout(REPORT)
    pool = candidates(REPORT, layout.structure, layout.sentences, model.join)
    passages = [describe(layout, c) for c in pool]
    predictions = model.predict(passages)
    probabilities = model.kind_model.predict_proba(model._kind_features(passages))
    classes = list(model.kind_model.classes_)
    guesses = zip(predictions.kinds, predictions.other_kinds, probabilities, strict=True)
    for kind, other, row in guesses:
        ranked = sorted(row, reverse=True)
        assert row[classes.index(kind)] == ranked[0]
        if other:  # the runner-up, and only when nearly as likely as the kind
            assert other != kind and row[classes.index(other)] == ranked[1]
            assert ranked[1] >= OTHER_KIND_SHARE * ranked[0]
        else:
            assert ranked[1] < OTHER_KIND_SHARE * ranked[0]
    assert any(predictions.other_kinds), "no passage left the model unsure"
    # the layout's and the wording's answers are not the model's to doubt
    assert find(found, "Set-up costs may divert").other_kind == ""
    assert find(found, "we call on every council").other_kind == ""
    unsure = [s for s in found if s.other_kind]
    assert unsure and all(s.as_dict()["other_kind"] == s.other_kind != s.kind for s in unsure)
