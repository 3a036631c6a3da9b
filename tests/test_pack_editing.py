"""Editing a pack spec as the app does: item rows, including and reordering, theme counts, the
list's filters, and tidying an old pack's unknown choices."""

from __future__ import annotations

from briefgen.content import Corpus
from briefgen.pack import PackSpec, pack_items
from briefgen.pack.editing import (
    ItemRow,
    item_rows,
    matching_rows,
    missing_notice,
    move_item,
    move_item_to,
    set_included,
    theme_counts,
    tidy_spec,
)


def ids(rows: list[ItemRow]) -> list[str]:
    return [row.item.id for row in rows]


def spec_for(*themes: str, audience: str = "senior-officers") -> PackSpec:
    return PackSpec(audience=audience, themes=list(themes))


def test_rows_keep_excluded_items_in_place_unticked(app_corpus: Corpus) -> None:
    spec = spec_for("workforce")
    before = ids(item_rows(app_corpus, spec))
    set_included(spec, "wf-risk-stall", False)
    rows = item_rows(app_corpus, spec)
    assert ids(rows) == before
    assert [row.included for row in rows] == [item_id != "wf-risk-stall" for item_id in before]
    assert "wf-risk-stall" not in [item.id for item in pack_items(app_corpus, spec)]
    set_included(spec, "wf-risk-stall", True)
    assert spec.excluded == []


def test_unticking_twice_lists_the_item_once(app_corpus: Corpus) -> None:
    spec = spec_for("workforce")
    set_included(spec, "wf-risk-stall", False)
    set_included(spec, "wf-risk-stall", False)
    assert spec.excluded == ["wf-risk-stall"]


def test_moving_an_item_records_the_order_the_pack_then_uses(app_corpus: Corpus) -> None:
    spec = spec_for("workforce")
    rows = item_rows(app_corpus, spec)
    first, second, third = ids(rows)
    assert move_item(spec, rows, third, -1)
    assert [item.id for item in pack_items(app_corpus, spec)] == [first, third, second]
    rows = item_rows(app_corpus, spec)
    assert not move_item(spec, rows, first, -1), "already first in its theme"
    assert not move_item(spec, rows, "no-such-item", 1)


def test_items_never_move_out_of_their_theme(app_corpus: Corpus) -> None:
    spec = spec_for("workforce", "funding")
    rows = item_rows(app_corpus, spec)
    themes = [row.theme for row in rows]
    last_of_first_theme = max(n for n, theme in enumerate(themes) if theme == themes[0])
    assert not move_item(spec, rows, rows[last_of_first_theme].item.id, 1)
    # A drop far into the next theme puts the item at the end of its own theme.
    moved = rows[0].item.id
    assert move_item_to(spec, rows, moved, len(rows))
    after = item_rows(app_corpus, spec)
    assert after[last_of_first_theme].item.id == moved
    assert [row.theme for row in after] == themes


def test_a_drop_onto_its_own_place_changes_nothing(app_corpus: Corpus) -> None:
    spec = spec_for("workforce")
    rows = item_rows(app_corpus, spec)
    assert not move_item_to(spec, rows, rows[1].item.id, 1)
    assert not move_item_to(spec, rows, rows[1].item.id, 2)
    assert spec.order == []


def test_moving_among_filtered_rows_skips_hidden_ones(app_corpus: Corpus) -> None:
    spec = spec_for("workforce")
    rows = item_rows(app_corpus, spec)
    first, second, third = ids(rows)
    assert move_item(spec, rows, third, -1, visible=[0, 2])
    assert ids(item_rows(app_corpus, spec)) == [third, first, second]


def test_order_for_other_themes_is_kept(app_corpus: Corpus) -> None:
    spec = spec_for("workforce", "funding")
    rows = item_rows(app_corpus, spec)
    workforce = [row.item.id for row in rows if row.theme == "workforce"]
    move_item(spec, rows, workforce[-1], -1)
    kept = list(spec.order)
    funding = [row.item.id for row in item_rows(app_corpus, spec) if row.theme == "funding"]
    move_item(spec, item_rows(app_corpus, spec), funding[-1], -1)
    assert [i for i in spec.order if i in workforce] == [i for i in kept if i in workforce]


def test_theme_counts_follow_the_audience(app_corpus: Corpus) -> None:
    everyone = theme_counts(app_corpus, "senior-officers")
    members = theme_counts(app_corpus, "members")
    assert everyone["workforce"] == 3
    assert members["workforce"] == 2  # key recommendations, positions and risks only
    assert everyone["skills-employment"] == 0


def test_filters_keep_the_rows_matching_every_one(app_corpus: Corpus) -> None:
    rows = item_rows(app_corpus, spec_for())
    risks = matching_rows(app_corpus, rows, kinds=["risk"])
    assert {rows[n].item.kind for n in risks} == {"risk"} and len(risks) == 4
    solace_risks = matching_rows(app_corpus, rows, kinds=["risk"], orgs=["solace"])
    assert sorted(ids([rows[n] for n in solace_risks])) == ["fund-risk-grants", "wf-risk-stall"]
    beta = matching_rows(app_corpus, rows, sources=["beta"], search="  budgets ")
    assert ids([rows[n] for n in beta]) == ["part-risk-budgets"]
    assert matching_rows(app_corpus, rows) == list(range(len(rows)))


def test_an_old_pack_with_unknown_choices_is_tidied_and_told(app_corpus: Corpus) -> None:
    spec = PackSpec(layout="poster", audience="everyone", themes=["workforce", "gone"])
    spec.meeting.marking = "SECRET"
    spec.meeting.purpose = "celebration"
    notes = tidy_spec(app_corpus, spec)
    assert spec.themes == ["workforce"] and spec.layout == "member-briefing"
    assert spec.audience == "members" and spec.meeting.marking == ""
    assert spec.meeting.purpose == "discussion"
    # The replacements are named as the app's menus name them (from the pack wording).
    assert notes == [
        "unknown themes left out: gone",
        "unknown layout 'poster' replaced by member briefing",
        "unknown audience 'everyone' replaced by councillors",
        "unknown protective marking 'SECRET' removed",
        "unknown purpose 'celebration' replaced by discussion",
    ]
    assert tidy_spec(app_corpus, spec) == [], "a tidy pack is left alone"


def test_missing_items_notice_names_them() -> None:
    text = missing_notice(["lga-rec-9"])
    assert "an item that is no longer in the content: lga-rec-9" in text
    many = missing_notice([f"x-{n}" for n in range(15)])
    assert "15 items" in many and "and 3 more" in many


def test_a_committee_reports_items_are_in_its_body_or_appendix_as_the_builder_puts_them(
    shipped_corpus: Corpus,
) -> None:
    from briefgen.pack import build_pack
    from briefgen.pack.editing import set_in_body
    from briefgen.pack.model import Quote

    spec = PackSpec(layout="committee-report", audience="scrutiny", themes=["workforce"])
    rows = item_rows(shipped_corpus, spec)
    assert {row.in_body for row in rows} == {True, False}
    moved = next(row.item.id for row in rows if row.in_body)

    def quoted_in_appendix(spec: PackSpec) -> set[str]:
        pack = build_pack(shipped_corpus, spec)
        start = next(n for n, s in enumerate(pack.sections) if s.title.startswith("Appendix A"))
        return {
            block.item_id
            for section in pack.sections[start:]
            for block in section.blocks
            if isinstance(block, Quote)
        }

    appendix = quoted_in_appendix(spec)
    assert {row.item.id for row in rows if row.in_body is False} <= appendix
    assert moved not in appendix
    set_in_body(shipped_corpus, spec, moved, False)
    assert spec.in_appendix == [moved] and spec.in_body == []
    assert next(r for r in item_rows(shipped_corpus, spec) if r.item.id == moved).in_body is False
    assert moved in quoted_in_appendix(spec)
    set_in_body(shipped_corpus, spec, moved, True)  # back where the builder put it: no entry
    assert spec.in_appendix == [] and spec.in_body == []
    spec.layout = "member-briefing"
    assert {row.in_body for row in item_rows(shipped_corpus, spec)} == {None}
