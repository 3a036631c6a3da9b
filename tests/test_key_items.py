"""The officer's key flags: saved in pack files and given on the command line, marked items
lead their theme in every layout, unmarked ones leave a key-only audience's pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.content import Corpus
from briefgen.pack import LAYOUTS, PackSpec, build_pack, pack_items
from briefgen.pack.editing import item_rows, move_item, set_key
from briefgen.pack.packfile import load_pack, save_pack


@pytest.fixture
def corpus(app_corpus: Corpus) -> Corpus:
    return app_corpus


def test_an_item_the_officer_marks_key_leads_its_theme_in_every_layout(corpus: Corpus) -> None:
    for layout in LAYOUTS:
        plain = PackSpec(layout=layout, audience="scrutiny", themes=["workforce"])
        before = [item.id for item in pack_items(corpus, plain)]
        assert before[0] != "wf-evidence-agency"
        marked = PackSpec(
            layout=layout,
            audience="scrutiny",
            themes=["workforce"],
            key_items=["wf-evidence-agency"],
        )
        pack = build_pack(corpus, marked)
        assert pack.item_ids[0] == "wf-evidence-agency", layout
        assert sorted(pack.item_ids) == sorted(before)


def test_key_items_lead_only_within_their_own_theme(corpus: Corpus) -> None:
    spec = PackSpec(audience="scrutiny", themes=["funding", "workforce"])
    spec.key_items = ["wf-evidence-agency"]
    ids = [item.id for item in pack_items(corpus, spec)]
    funding = [i for i in ids if i.startswith(("fund", "dm", "part"))]
    assert ids[: len(funding)] == funding  # the funding theme still comes first
    assert ids[len(funding)] == "wf-evidence-agency"


def test_an_item_unmarked_key_leaves_a_key_only_audiences_pack(corpus: Corpus) -> None:
    spec = PackSpec(audience="members", themes=["workforce"])
    assert [item.id for item in pack_items(corpus, spec)] == ["wf-rec-pay", "wf-risk-stall"]
    spec.not_key = ["wf-risk-stall"]
    assert [item.id for item in pack_items(corpus, spec)] == ["wf-rec-pay"]


def test_items_carry_the_officers_key_flags_to_the_layouts(corpus: Corpus) -> None:
    spec = PackSpec(audience="scrutiny", themes=["workforce"])
    spec.key_items, spec.not_key = ["wf-evidence-agency"], ["wf-rec-pay"]
    keys = {item.id: item.key for item in pack_items(corpus, spec)}
    assert keys == {"wf-evidence-agency": True, "wf-rec-pay": False, "wf-risk-stall": True}


def test_set_key_marks_and_unmarks_over_the_content(corpus: Corpus) -> None:
    spec = PackSpec()
    set_key(spec, corpus.item("wf-rec-pay"), False)  # the content marks it key
    assert (spec.key_items, spec.not_key) == ([], ["wf-rec-pay"])
    set_key(spec, corpus.item("wf-rec-pay"), True)
    assert (spec.key_items, spec.not_key) == (["wf-rec-pay"], [])
    set_key(spec, corpus.item("wf-evidence-agency"), True)
    set_key(spec, corpus.item("wf-evidence-agency"), False)  # not key in the content
    assert (spec.key_items, spec.not_key) == (["wf-rec-pay"], [])


def test_moving_keeps_key_items_ahead_of_the_rest(corpus: Corpus) -> None:
    spec = PackSpec(audience="scrutiny", themes=["workforce"], key_items=["wf-rec-pay"])
    rows = item_rows(corpus, spec)
    assert rows[0].item.id == "wf-rec-pay"
    second = rows[1].item.id
    assert not move_item(spec, rows, second, -1), "a plain item cannot pass a key one"
    assert not move_item(spec, rows, "wf-rec-pay", 1), "the only key item stays first"
    assert move_item(spec, rows, rows[2].item.id, -1)
    assert pack_items(corpus, spec)[0].id == "wf-rec-pay"


def test_key_flags_are_saved_in_the_pack_file_and_read_back(tmp_path: Path) -> None:
    spec = PackSpec(key_items=["wf-evidence-agency"], not_key=["wf-rec-pay"])
    path = tmp_path / "pack.briefgen.yaml"
    save_pack(spec, path)
    text = path.read_text(encoding="utf-8")
    assert "key:" in text and "not_key:" in text
    loaded = load_pack(path)
    assert loaded.key_items == ["wf-evidence-agency"]
    assert loaded.not_key == ["wf-rec-pay"]


def test_the_build_command_takes_key_and_not_key() -> None:
    from briefgen.build_cli import spec_from_args
    from briefgen.cli import build_parser

    args = build_parser().parse_args(
        ["build", "-o", "x.pdf", "--key", "a", "--key", "b", "--not-key", "c"]
    )
    spec = spec_from_args(args)
    assert spec.key_items == ["a", "b"] and spec.not_key == ["c"]


def test_build_help_and_messages_name_audiences_and_layouts_as_the_app_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from briefgen.cli import build_parser
    from briefgen.pack.labels import audience_label

    parser = build_parser()
    with pytest.raises(SystemExit):
        parser.parse_args(["build", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert audience_label("members") == "Councillors"
    assert "members (Councillors)" in help_text
    assert "committee-report (Committee report)" in help_text
    with pytest.raises(SystemExit):
        parser.parse_args(["items", "--help"])
    assert "members (Councillors)" in " ".join(capsys.readouterr().out.split())


def test_an_item_the_officer_marks_key_joins_a_key_only_audiences_pack(
    shipped_corpus: Corpus,
) -> None:
    """Marking an item key (the app's Ctrl+K, `--key`) is how an officer puts one of their own
    items into a member briefing, which quotes key items only."""
    spec = PackSpec(audience="members", themes=["workforce"])
    listed = {item.id for item in pack_items(shipped_corpus, spec)}
    candidates = [
        item
        for item in shipped_corpus.items
        if item.themes[0] == "workforce"
        and not item.key
        and item.kind in ("recommendation", "position", "proposition", "risk")
    ]
    assert candidates and not listed & {item.id for item in candidates}
    spec.key_items = [candidates[0].id]
    ids = [item.id for item in pack_items(shipped_corpus, spec)]
    assert ids[0] == candidates[0].id and set(ids[1:]) == listed
