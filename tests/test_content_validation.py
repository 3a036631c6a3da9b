"""Every content mistake gets one line naming file:line, the item and how to fix it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import SMALL_ITEMS

from briefgen.cli import main
from briefgen.content import load_corpus
from briefgen.errors import ContentError


def problems_for(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_corpus(content)
    return caught.value.problems


def expect_error(content: Path, *fragments: str) -> str:
    """The one problem reported for `content`, checked to contain every fragment."""
    problems = problems_for(content)
    assert len(problems) == 1, problems
    for fragment in fragments:
        assert fragment in problems[0], problems[0]
    return problems[0]


def items_with(old: str, new: str) -> dict[str, str]:
    assert old in SMALL_ITEMS
    return {"small.yaml": SMALL_ITEMS.replace(old, new, 1)}


def test_small_content_loads_with_spans(make_content: Callable[..., Path]) -> None:
    corpus = load_corpus(make_content())
    assert [item.id for item in corpus.items] == ["t-flexibility", "t-complex", "t-cherry-picked"]
    source = corpus.sources["lga-solace-2014"]
    start, end = corpus.item("t-complex").span
    assert source.text[start:end].startswith("The experience of councils")
    assert source.text[start:end].endswith("not for profit providers.")
    assert "Submission" in source.text[start:end]  # the page furniture it runs across


def test_unknown_theme_names_file_and_line(make_content: Callable[..., Path]) -> None:
    content = make_content(items_with("[markets-commissioning]", "[markets-comissioning]"))
    expect_error(
        content,
        "small.yaml:26:",
        "item 't-cherry-picked'",
        "unknown theme 'markets-comissioning'",
        "did you mean 'markets-commissioning'?",
    )


def test_unknown_kind_names_file_line_and_the_kinds(make_content: Callable[..., Path]) -> None:
    content = make_content(items_with("kind: evidence", "kind: evidense"))
    expect_error(
        content,
        "small.yaml:14:",
        "item 't-complex'",
        "unknown kind 'evidense'",
        "did you mean 'evidence'?",
        "kinds are recommendation",
    )


def test_unknown_organisation(make_content: Callable[..., Path]) -> None:
    content = make_content(items_with("org: lga-solace", "org: lga-solas"))
    expect_error(
        content,
        "small.yaml:5:",
        "item 't-flexibility'",
        "unknown organisation 'lga-solas'",
        "organisations.yaml",
    )


def test_unknown_source(make_content: Callable[..., Path]) -> None:
    content = make_content(items_with("source: lga-solace-2014", "source: lga-solace-2015"))
    expect_error(
        content,
        "small.yaml:1:",
        "unknown source 'lga-solace-2015'",
        "did you mean 'lga-solace-2014'?",
        "sources.yaml",
    )


def test_missing_field(make_content: Callable[..., Path]) -> None:
    content = make_content(items_with("    locator: Response para 1\n", ""))
    expect_error(content, "small.yaml:3:", "item 't-flexibility'", "missing field 'locator'")


def test_unknown_field_suggests_the_right_name(make_content: Callable[..., Path]) -> None:
    content = make_content(
        items_with("    locator: Response para 1", "    lcoator: Response para 1")
    )
    problems = problems_for(content)
    assert any(
        "small.yaml:6:" in p and "unknown field 'lcoator'" in p and "did you mean 'locator'?" in p
        for p in problems
    ), problems
    assert any("missing field 'locator'" in p for p in problems), problems


def test_duplicate_id_names_both_places(make_content: Callable[..., Path]) -> None:
    content = make_content(items_with("id: t-complex", "id: t-flexibility"))
    expect_error(
        content,
        "small.yaml:13:",
        "item 't-flexibility': duplicate id",
        "first used at",
        "small.yaml:3",
    )


def test_empty_text(make_content: Callable[..., Path]) -> None:
    items = SMALL_ITEMS.replace(
        "    text: >-\n      It is, however, crucial that we do not create a situation where the"
        " easy or profitable\n      aspects of children's services are cherry picked, leaving"
        " councils with an unmanageable\n      portfolio of disjointed and risky services.\n",
        '    text: ""\n',
    )
    assert items != SMALL_ITEMS
    expect_error(
        make_content({"small.yaml": items}),
        "small.yaml:29:",
        "item 't-cherry-picked'",
        "'text' is empty",
    )


def test_quote_not_found_shows_the_closest_passage(make_content: Callable[..., Path]) -> None:
    content = make_content(items_with("do not readily attract", "do not readily attracts"))
    message = expect_error(
        content, "small.yaml:18:", "item 't-complex'", "quote not found in source 'lga-solace-2014'"
    )
    assert "child protection do not readily attract" in message
    assert "' commercial or not for profit" in message  # what the source says instead


def test_bad_yaml_names_line_and_column(make_content: Callable[..., Path]) -> None:
    content = make_content(
        items_with("    locator: Response para 1", "    locator: Response: para 1")
    )
    expect_error(content, "small.yaml:6:", "not valid YAML at column", "indentation")


def test_file_that_is_not_utf8(make_content: Callable[..., Path]) -> None:
    content = make_content()
    path = content / "items" / "small.yaml"
    path.write_bytes(path.read_bytes().replace(b"Councils should", b"Conseils \xe9 should"))
    expect_error(content, "small.yaml:9:", "byte 0xe9 is not UTF-8", "re-save the file as UTF-8")


def test_every_problem_is_reported_in_one_run(make_content: Callable[..., Path]) -> None:
    broken = SMALL_ITEMS.replace("kind: evidence", "kind: evidense").replace(
        "org: lga-solace", "org: nobody", 1
    )
    content = make_content({"a.yaml": broken, "b.yaml": "source: lga-2013\nitems: [\n"})
    problems = problems_for(content)
    assert len(problems) == 3, problems
    assert any("a.yaml:5:" in p and "'nobody'" in p for p in problems)
    assert any("a.yaml:14:" in p and "'evidense'" in p for p in problems)
    assert any("b.yaml:" in p and "not valid YAML" in p for p in problems)


def test_themes_file_problems_name_the_theme(make_content: Callable[..., Path]) -> None:
    content = make_content()
    themes = content / "themes.yaml"
    themes.write_text(themes.read_text().replace("  label: Funding\n", ""), encoding="utf-8")
    expect_error(content, "themes.yaml:", "theme 'funding': missing field 'label'")


def test_check_command_exits_1_with_every_message_and_no_traceback(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content(items_with("kind: evidence", "kind: evidense"))
    assert main(["--content", str(content), "check"]) == 1
    captured = capsys.readouterr()
    assert "small.yaml:14: item 't-complex': unknown kind 'evidense'" in captured.err
    assert "Traceback" not in captured.err


def test_check_command_passes_on_good_content(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--content", str(make_content()), "check"]) == 0
    assert "Content OK: 3 items" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["items/emptied.yaml", "themes.yaml"])
def test_an_emptied_file_is_named_not_silently_skipped(
    make_content: Callable[..., Path], name: str
) -> None:
    content = make_content({"small.yaml": SMALL_ITEMS, "emptied.yaml": "# all gone\n"})
    if name == "themes.yaml":
        (content / name).write_text("\n", encoding="utf-8")
    problems = problems_for(content)
    message = f"{name}:1: the file is empty; restore its content (e.g. from version control)"
    assert any(message in problem for problem in problems), problems


@pytest.mark.parametrize("name", ["../../outside.txt", "/etc/hostname", "C:\\\\texts\\\\x.txt"])
def test_a_source_file_must_be_inside_the_sources_folder(
    make_content: Callable[..., Path], name: str
) -> None:
    content = make_content()
    sources = content / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    first = text.split("file: ", 1)[1].split("\n", 1)[0]
    sources.write_text(text.replace(f"file: {first}", f"file: '{name}'", 1), encoding="utf-8")
    expect_error(content, "sources.yaml", "must be a name inside the content folder's sources/")
