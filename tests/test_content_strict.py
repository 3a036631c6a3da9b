"""Content files hide no mistakes and cannot be too large: misspelt and repeated keys, quotes
left open and oversized files or fields are errors naming the file, the line and the fix
(issue 20)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import SMALL_ITEMS

from briefgen.cli import main
from briefgen.content import load_corpus
from briefgen.errors import ContentError
from briefgen.limits import CONTENT_FILE_BYTES, FIELD_CHARACTERS, SOURCE_TEXT_BYTES, megabytes


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in the folder above the content, so messages name files as `content/...`."""
    monkeypatch.chdir(tmp_path)


def problems_for(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_corpus(content)
    return caught.value.problems


# The line just after SMALL_ITEMS, where text added to it starts.
END = SMALL_ITEMS.count("\n") + 1


def check_fails_with(content: Path, capsys: pytest.CaptureFixture[str], *problems: str) -> None:
    """`briefgen check` exits 1 listing exactly `problems`, with no traceback."""
    assert main(["--content", str(content), "check"]) == 1
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    expected = "".join(f"{problem}\n" for problem in problems)
    assert capsys.readouterr().err == f"briefgen: {count} in the content:\n{expected}"


# Keys ----------------------------------------------------------------------------------------


def test_a_misspelt_key_in_an_items_file_is_named_with_a_suggestion(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content({"small.yaml": SMALL_ITEMS + "soruce: lga-2013\n"})
    check_fails_with(
        content,
        capsys,
        f"content/items/small.yaml:{END}: unknown field 'soruce' (did you mean 'source'?)",
    )


def test_a_misspelt_source_key_is_named_even_when_the_source_is_missing(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content({"small.yaml": SMALL_ITEMS.replace("source:", "soruce:", 1)})
    check_fails_with(
        content,
        capsys,
        "content/items/small.yaml:1: unknown field 'soruce' (did you mean 'source'?)",
        "content/items/small.yaml:1: an items file needs 'source: <source id>' and 'items:' "
        "followed by a list of items",
    )


def test_a_second_items_list_is_an_error_naming_both_lines(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    second = SMALL_ITEMS.split("items:\n", 1)[1].replace("id: t-", "id: u-")
    content = make_content({"small.yaml": SMALL_ITEMS + "items:\n" + second})
    # YAML itself keeps only the second list, dropping the first list's items without a word.
    check_fails_with(
        content,
        capsys,
        f"content/items/small.yaml:{END}: field 'items' is given twice (first on line 2); keep one",
    )


def test_a_field_given_twice_in_a_record_names_both_lines(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content()
    themes = content / "themes.yaml"
    text = themes.read_text(encoding="utf-8")
    themes.write_text(
        text.replace("  label: Delivery models\n", "  label: Delivery models\n  label: Other\n"),
        encoding="utf-8",
    )
    line = text.split("label: Delivery models")[0].count("\n") + 2
    check_fails_with(
        content,
        capsys,
        f"content/themes.yaml:{line}: theme 'delivery-models': field 'label' is given twice "
        f"(first on line {line - 1}); keep one",
    )


# Quotes left open ----------------------------------------------------------------------------

# Forty items after the one whose headline opens a quote, so the parser gives up far below it.
MANY_ITEMS = SMALL_ITEMS + "".join(
    f"""\
  - id: t-more-{number}
    kind: position
    org: lga-solace
    locator: Response para 1
    themes: [delivery-models]
    headline: "Number {number}"
    text: The LGA and Solace support the principle of greater flexibility
"""
    for number in range(40)
)


def test_a_quote_never_closed_is_reported_where_it_opens(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    text = SMALL_ITEMS.replace(
        "headline: Councils should have more freedom.",
        'headline: "Councils should have more freedom.',
    )
    text += "".join(f"# note {number}\n" for number in range(150))
    content = make_content({"small.yaml": text})
    check_fails_with(
        content,
        capsys,
        "content/items/small.yaml:9: not valid YAML at column 15: this quote mark is never "
        "closed; end the text with the same quote mark, or write it in a block (>-) without one",
    )


def test_a_quote_left_open_and_closed_by_a_later_one_is_reported_where_it_opens(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    text = MANY_ITEMS.replace(
        "headline: Councils should have more freedom.",
        'headline: "Councils should have more freedom.',
    )
    content = make_content({"small.yaml": text})
    # The open quote runs on to the next quoted headline, where parsing fails.
    next_quote = text.split('headline: "Number 0"')[0].count("\n") + 1
    assert next_quote - 9 > 25
    check_fails_with(
        content,
        capsys,
        f"content/items/small.yaml:9: not valid YAML at column 15: this quote mark is closed "
        f"only on line {next_quote}, where the file stops making sense; end the text with the "
        "same quote mark, or write it in a block (>-) without one",
    )


@pytest.mark.parametrize(
    ("headline", "column"),
    [("'Councils' freedom to choose'", 24), ('"Councils should have "more" freedom"', 37)],
)
def test_a_quote_mark_inside_quoted_text_is_reported_where_the_text_opens(
    make_content: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    headline: str,
    column: int,
) -> None:
    text = SMALL_ITEMS.replace("Councils should have more freedom.", headline)
    content = make_content({"small.yaml": text})
    check_fails_with(
        content,
        capsys,
        f"content/items/small.yaml:9: not valid YAML at column 15: this quote mark is closed at "
        f"column {column}, before the text ends (a quote mark inside it?); end the text with "
        "the same quote mark, or write it in a block (>-) without one",
    )


def test_other_syntax_errors_keep_the_line_the_parser_gives(
    make_content: Callable[..., Path],
) -> None:
    content = make_content(
        {"small.yaml": MANY_ITEMS.replace("    locator: Response para 1", "    locator: a: b", 1)}
    )
    assert problems_for(content) == [
        "content/items/small.yaml:6: not valid YAML at column 15: mapping values are not "
        "allowed in this context; check the indentation, and put text containing ': ' or "
        "starting with a quote mark in a block (>-)"
    ]


# Sizes ---------------------------------------------------------------------------------------


def sparse(path: Path, size: int) -> None:
    """Make `path` a file of `size` bytes without writing them (so the test stays fast)."""
    with path.open("wb") as stream:
        stream.truncate(size)


def test_a_source_text_over_the_limit_is_refused_unread(
    make_content: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    files_touched: list[str],
) -> None:
    content = make_content()
    source = next((content / "sources").glob("001_*.txt"))
    sparse(source, SOURCE_TEXT_BYTES + 1)
    files_touched.clear()
    check_fails_with(
        content,
        capsys,
        f"content/sources/{source.name}: this source text is 20.1 MB, over briefgen's limit of "
        "20 MB; split the document into parts, each a source of its own",
        f"content/sources.yaml:21: source 'lga-solace-2014': its file 'sources/{source.name}' "
        "could not be read (see above)",
        "content/items/small.yaml:1: source 'lga-solace-2014' has no text to check these "
        "quotes against: its file could not be read (see above)",
    )
    assert str(source) not in files_touched


def test_an_items_file_at_the_limit_loads_and_one_byte_more_is_refused(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    padding = CONTENT_FILE_BYTES - len(SMALL_ITEMS.encode("utf-8")) - 2
    content = make_content({"small.yaml": SMALL_ITEMS + "#" + "x" * padding + "\n"})
    path = content / "items" / "small.yaml"
    assert path.stat().st_size == CONTENT_FILE_BYTES
    assert len(load_corpus(content).items) == 3
    path.write_bytes(path.read_bytes() + b"\n")
    check_fails_with(
        content,
        capsys,
        "content/items/small.yaml: this items file is 2.1 MB, over briefgen's limit of 2 MB; "
        "split its items over several items files",
    )


def test_other_content_files_have_the_same_limit(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content()
    sparse(content / "glossary.yaml", 50_000_000)
    check_fails_with(
        content,
        capsys,
        "content/glossary.yaml: this file is 50 MB, over briefgen's limit of 2 MB; keep only "
        "what briefgen needs in it",
    )


FLEXIBILITY_TEXT = (
    "    text: >-\n      The LGA and Solace support the principle of greater flexibility for "
    "councils to deliver\n      services in the way that works best for local children and "
    "young people.\n"
)


@pytest.mark.parametrize(
    ("field", "old", "line", "remedy"),
    [
        ("headline", "Councils should have more freedom.", 9, "shorten it"),
        ("locator", "Response para 1", 6, "shorten it"),
        ("text", FLEXIBILITY_TEXT, 10, "quote a shorter passage"),
    ],
)
def test_an_item_field_over_the_limit_is_refused(
    make_content: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    field: str,
    old: str,
    line: int,
    remedy: str,
) -> None:
    assert old in SMALL_ITEMS
    value = "x" * FIELD_CHARACTERS
    if field == "text":  # not found in the source, but not even looked for
        value += "y"
    else:  # exactly at the limit is fine
        assert load_corpus(make_content({"small.yaml": SMALL_ITEMS.replace(old, value, 1)}))
        value += "y"
    new = f"    text: {value}\n" if field == "text" else value
    content = make_content({"small.yaml": SMALL_ITEMS.replace(old, new, 1)})
    check_fails_with(
        content,
        capsys,
        f"content/items/small.yaml:{line}: item 't-flexibility': '{field}' is 10,001 "
        f"characters long, over briefgen's limit of 10,000 for a field; {remedy}",
    )


def test_megabytes_round_up_so_a_file_over_the_limit_never_reads_as_the_limit() -> None:
    assert [megabytes(size) for size in (20_000_000, 2_000_001, 2_550_000, 1)] == [
        "20 MB",
        "2.1 MB",
        "2.6 MB",
        "0.1 MB",
    ]
