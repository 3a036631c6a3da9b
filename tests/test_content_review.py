"""`briefgen check` warns about items a reader would object to although every quote is exact."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.content import Corpus, load_corpus
from briefgen.content.review import review_corpus
from briefgen.errors import ContentError

SUPPORT = (
    "The LGA and Solace support the principle of greater flexibility for councils to deliver "
    "services in the way that works best for local children and young people."
)
STEP = (
    "We believe that the regulations proposed in this consultation are a step in the right "
    "direction, giving councils the freedom to work creatively with local partners while "
    "retaining overall leadership and accountability for service commissioning and delivery."
)


EXPERTISE = (
    "It is clear that the majority of the experience and expertise in undertaking this work "
    "remains with councils, and councils should continue to be the driving force behind this "
    "type of innovation."
)
COMMITTED = (
    "Both the LGA and Solace remain committed to both the principle and practice of sector led "
    "improvement in children's services."
)


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages name content files relative to the working directory, as a user types them."""
    monkeypatch.chdir(tmp_path)


def item(item_id: str, text: str, headline: str = "Councils want freedom.", **fields: str) -> str:
    """One item in YAML, `fields` overriding kind, org, locator or themes, or adding a field."""
    values = {
        "kind": "position",
        "org": "lga-solace",
        "locator": "Response, para 1",
        "themes": "[delivery-models]",
        **fields,
    }
    lines = [f"  - id: {item_id}", *(f"    {name}: {value}" for name, value in values.items())]
    if headline:
        lines.append(f"    headline: {headline}")
    lines.append(f"    text: >-\n      {text}")
    return "\n".join(lines) + "\n"


def items_file(source: str, *items: str) -> str:
    return f"source: {source}\nitems:\n" + "".join(items)


def notes_for(make_content: Callable[..., Path], *items: str, source: str = "lga-solace-2014"):
    corpus = load_corpus(make_content({"test.yaml": items_file(source, *items)}))
    return [str(note) for note in review_corpus(corpus)]


def the_note(make_content: Callable[..., Path], *items: str, source: str = "lga-solace-2014"):
    notes = notes_for(make_content, *items, source=source)
    assert len(notes) == 1, notes
    return notes[0]


def test_a_headline_quantifier_missing_from_the_quote_is_named(
    make_content: Callable[..., Path],
) -> None:
    note = the_note(make_content, item("t-all", SUPPORT, headline="All councils want freedom."))
    assert note == (
        "content/items/test.yaml:3: item 't-all': headline says 'all', which the quote does "
        "not; say only what the quote says"
    )


def test_headline_numbers_percentages_and_fractions_must_be_in_the_quote(
    make_content: Callable[..., Path],
) -> None:
    notes = notes_for(
        make_content,
        item("t-digits", SUPPORT, headline="Three in four councils want 40% more freedom."),
        item("t-words", STEP, headline="Most councils see a step forward."),
    )
    assert [note.split(": item ")[1] for note in notes] == [
        "'t-digits': headline says '75', '40', which the quote does not; say only what the "
        "quote says",
        "'t-words': headline says 'most', which the quote does not; say only what the quote says",
    ]


def test_a_claim_the_quote_bears_out_in_other_words_is_not_flagged(
    make_content: Callable[..., Path],
) -> None:
    # "every" is borne out by "all", "half" by "50", a number in the locator is a reference.
    text = (
        "In some cases, a council may judge that the needs of local children and families will "
        "be best served by commissioning all or part of a service from a third party provider."
    )
    assert notes_for(
        make_content,
        item("t-every", text, headline="Every part of a service may be bought in, says option 2."),
        item("t-ref", SUPPORT, headline="Option 2 gives more freedom.", locator="Option 2"),
    ) == [
        "content/items/test.yaml:3: item 't-every': headline says '2', which the quote does "
        "not; say only what the quote says"
    ]


def test_an_item_without_a_headline_is_named(make_content: Callable[..., Path]) -> None:
    note = the_note(make_content, item("t-bare", SUPPORT, headline=""))
    assert note.endswith(
        "item 't-bare': no headline; write a plain-English one that claims no more than the quote"
    )


def test_a_quote_starting_mid_sentence_is_named(make_content: Callable[..., Path]) -> None:
    text = "protection do not readily attract commercial or not for profit providers."
    note = the_note(make_content, item("t-mid", text))
    assert note.endswith(
        "item 't-mid': quote starts mid-sentence ('protection do not readily …'); start it "
        "where the sentence starts, or include the words that introduce the list it comes from"
    )


def test_a_quote_ending_in_a_colon_is_named(make_content: Callable[..., Path]) -> None:
    text = (
        "Give councils the flexibility they need to redesign services around individual and "
        "family needs, and promote effective early intervention, by:"
    )
    note = the_note(make_content, item("t-colon", text, org="lga"), source="lga-2013")
    assert note.endswith(
        "item 't-colon': quote ends with ':' and leaves out what it introduces; end it at a "
        "full stop or include the list"
    )


def test_a_footnote_mark_inside_a_quote_is_named(make_content: Callable[..., Path]) -> None:
    text = (
        "There has been a substantial increase in demand on children's social care over the "
        "last few years, shown by significant increases in referrals and numbers of children "
        "coming into care¹."
    )
    note = the_note(make_content, item("t-mark", text, org="lga"), source="lga-2013")
    assert note.endswith(
        "item 't-mark': quote carries a footnote mark or page furniture ('¹'); end the quote "
        "before it or leave the mark out"
    )
    # The mark is a conversion mark: the quote verifies without it, and then reads clean.
    assert (
        notes_for(make_content, item("t-mark", text.replace("¹", ""), org="lga"), source="lga-2013")
        == []
    )


def test_an_organisation_the_source_does_not_report_is_named(
    make_content: Callable[..., Path],
) -> None:
    note = the_note(make_content, item("t-who", SUPPORT, org="commissioner"))
    assert note.endswith(
        "item 't-who': organisation 'commissioner' is not among the views source "
        "'lga-solace-2014' reports; attribute the item to the body whose view it is, or add "
        "the organisation to the source's `organisations` in sources.yaml"
    )


def test_duplicate_and_near_duplicate_quotes_name_the_earlier_item(
    make_content: Callable[..., Path],
) -> None:
    notes = notes_for(
        make_content,
        item("t-first", SUPPORT),
        item("t-again", SUPPORT),
        item("t-expertise", EXPERTISE),
        item("t-longer", f"{EXPERTISE} {COMMITTED}"),
    )
    assert [note.split(": item ")[1] for note in notes] == [
        "'t-again': quote duplicates item 't-first' (content/items/test.yaml:3); keep one, or "
        "mark this one `restates: t-first` so a pack never prints both",
        "'t-longer': quote nearly duplicates item 't-expertise' (content/items/test.yaml:19); "
        "keep one, or mark this one `restates: t-expertise` so a pack never prints both",
    ]


def test_a_quote_that_adds_as_much_again_is_not_a_near_duplicate(
    make_content: Callable[..., Path],
) -> None:
    assert (
        notes_for(make_content, item("t-first", SUPPORT), item("t-more", f"{SUPPORT} {STEP}")) == []
    )


def test_a_marked_restatement_is_not_a_duplicate(make_content: Callable[..., Path]) -> None:
    corpus = load_corpus(
        make_content(
            {
                "test.yaml": items_file(
                    "lga-solace-2014",
                    item("t-first", SUPPORT),
                    item("t-summary", SUPPORT, restates="t-first"),
                )
            }
        )
    )
    assert review_corpus(corpus) == []
    assert corpus.item("t-summary").restates == "t-first"


@pytest.mark.parametrize(
    ("target", "fragment"),
    [
        ("t-missing", "restates 't-missing', which is not another item; name the item whose "
         "words it repeats"),
        ("t-summary", "restates 't-summary', which is not another item; name the item whose "
         "words it repeats"),
    ],
)  # fmt: skip
def test_restates_must_name_another_item(
    make_content: Callable[..., Path], target: str, fragment: str
) -> None:
    content = make_content(
        {
            "test.yaml": items_file(
                "lga-solace-2014",
                item("t-first", SUPPORT),
                item("t-summary", STEP, restates=target),
            )
        }
    )
    with pytest.raises(ContentError) as caught:
        load_corpus(content)
    assert caught.value.problems == [f"content/items/test.yaml:16: item 't-summary': {fragment}"]


def test_a_source_listing_an_unknown_organisation_is_an_error(
    make_content: Callable[..., Path],
) -> None:
    content = make_content()
    sources = content / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace("[lga-solace]", "[lga-solas]", 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_corpus(content)
    (problem,) = caught.value.problems
    assert "source 'lga-solace-2014': unknown organisation 'lga-solas'" in problem
    assert "did you mean 'lga-solace'?" in problem


def test_check_prints_warnings_with_file_and_line_and_passes_unless_strict(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content(
        {"test.yaml": items_file("lga-solace-2014", item("t-all", SUPPORT, headline="All of it."))}
    )
    assert main(["--content", str(content), "check"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "warning: content/items/test.yaml:3: item 't-all': headline says 'all', which the quote "
        "does not; say only what the quote says"
    )
    assert out[1].startswith("Content OK: ")
    assert "; 1 warning above (" in out[1]
    assert main(["--content", str(content), "check", "--strict"]) == 1


def test_the_shipped_corpus_reviews_clean(shipped_corpus: Corpus) -> None:
    assert [str(note) for note in review_corpus(shipped_corpus)] == []


def test_a_pack_never_quotes_a_restatement_with_the_item_it_restates(
    shipped_corpus: Corpus,
) -> None:
    from briefgen.pack import PackSpec
    from briefgen.pack.builder import pack_items

    summary = shipped_corpus.item("sesl-insufficient-checks")
    assert summary.restates == "sesl-cqc-comparison"
    spec = PackSpec(
        layout="evidence-pack",
        audience="senior-officers",
        themes=list(summary.themes),
        included=[summary.id],
    )
    ids = [item.id for item in pack_items(shipped_corpus, spec)]
    assert "sesl-cqc-comparison" in ids
    assert summary.id not in ids


def test_a_theme_rule_must_be_text(make_content: Callable[..., Path]) -> None:
    content = make_content()
    themes = content / "themes.yaml"
    text = themes.read_text(encoding="utf-8")
    themes.write_text(
        text.replace("  rule: >-\n", "  rule:\n    - a list\n  old_rule: >-\n", 1), encoding="utf-8"
    )
    with pytest.raises(ContentError) as caught:
        load_corpus(content)
    assert [problem.split(": ", 1)[1] for problem in caught.value.problems[:2]] == [
        "theme 'delivery-models': unknown field 'old_rule' (did you mean 'rule'?)",
        "theme 'delivery-models': 'rule' must be text, not a list",
    ]
