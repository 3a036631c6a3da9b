"""Selection per audience: which kinds each audience gets and in what order (PRODUCT.md)."""

from __future__ import annotations

from briefgen.content import ITEM_KINDS, Corpus
from briefgen.selection import AUDIENCES, ItemFilter, select_items


def test_members_get_only_key_recommendations_positions_propositions_and_risks(
    shipped_corpus: Corpus,
) -> None:
    items = select_items(shipped_corpus, audience="members")
    assert items
    assert all(item.key for item in items)
    assert {item.kind for item in items} <= {"recommendation", "position", "proposition", "risk"}


def test_scrutiny_leads_with_risks_and_gets_success_criteria_and_evidence(
    shipped_corpus: Corpus,
) -> None:
    items = select_items(shipped_corpus, audience="scrutiny", themes=["delivery-models"])
    kinds = [item.kind for item in items]
    assert "success-criterion" in kinds and "evidence" in kinds and "risk" in kinds
    assert "question" not in kinds and "principle" not in kinds
    # Within the theme, risks come first.
    assert kinds[0] == "risk"


def test_senior_officers_get_everything(shipped_corpus: Corpus) -> None:
    items = select_items(shipped_corpus, audience="senior-officers")
    # Everything but the restatements (a summary repeating a paragraph): their fuller item is in.
    restatements = [item for item in shipped_corpus.items if item.restates]
    assert restatements
    assert len(items) == len(shipped_corpus.items) - len(restatements)
    assert not {item.id for item in restatements} & {item.id for item in items}
    assert {item.kind for item in items} == set(ITEM_KINDS)


def test_partners_get_partnership_and_integration_first(shipped_corpus: Corpus) -> None:
    chosen = ["funding", "partnership-integration"]
    items = select_items(shipped_corpus, audience="partners", themes=chosen)
    shown_under = [next(t for t in item.themes if t in chosen) for item in items]
    assert shown_under[0] == "partnership-integration"
    assert shown_under == sorted(shown_under, key=lambda t: t != "partnership-integration")
    assert {item.kind for item in items} <= set(AUDIENCES["partners"].kinds)


def test_items_are_grouped_by_theme_in_the_theme_list_order(shipped_corpus: Corpus) -> None:
    items = select_items(shipped_corpus, themes=["workforce", "funding"])
    seen = []
    for item in items:
        theme = next(t for t in item.themes if t in ("workforce", "funding"))
        if not seen or seen[-1] != theme:
            seen.append(theme)
    assert seen == ["funding", "workforce"]


def test_filters_narrow_the_selection(shipped_corpus: Corpus) -> None:
    items = select_items(shipped_corpus, kinds=["recommendation"], orgs=["solace"])
    assert items and all(i.kind == "recommendation" and i.org == "solace" for i in items)
    assert all(
        "social" in (i.text + i.headline).lower()
        for i in select_items(shipped_corpus, search="SOCIAL")
    )


def test_an_item_filter_keeps_what_the_selection_keeps(shipped_corpus: Corpus) -> None:
    """The app narrows its list with the same filter `select_items` applies."""
    narrowed = ItemFilter.of(kinds=["risk"], orgs=["lga"], search=" children ")
    kept = [item for item in shipped_corpus.items if narrowed.keeps(item, shipped_corpus)]
    assert kept
    selected = select_items(shipped_corpus, kinds=["risk"], orgs=["lga"], search="children")
    assert {item.id for item in kept} == {item.id for item in selected}
    assert all(ItemFilter().keeps(item) for item in shipped_corpus.items)
