"""Content echoed on the terminal cannot drive it: control characters and bidirectional
overrides from content files are printed as visible escapes by every command (issue 20)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import SMALL_ITEMS

from briefgen.cli import main
from briefgen.terminal import printable

# Clear the screen, set the window title, ring the bell, a C1 "control sequence introducer",
# a right-to-left override and an isolate: none may reach the terminal as they are.
HOSTILE = "\x1b[2J\x1b]0;pwned\x07\x9b\u202e\u2066"
SHOWN = "\\x1b[2J\\x1b]0;pwned\\x07\\x9b\\u202e\\u2066"


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in the folder above the content, so messages name files as `content/...`."""
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize(
    ("text", "keep", "shown"),
    [
        (HOSTILE, "", SHOWN),
        ("Children’s services — café", "", "Children’s services — café"),
        ("a\tb\nc\rd", "", "a\\x09b\\x0ac\\x0dd"),
        ("a\tb\nc\rd", "\n\t", "a\tb\nc\\x0dd"),
        (
            "\x00\x7f\x85\u061c\u200e\u200f\u2028\u2029\u202a\u2069",
            "",
            "\\x00\\x7f\\x85\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a\\u2069",
        ),
        ("caf\udce9.txt", "", "caf\\udce9.txt"),  # a file name that is not UTF-8
    ],
)
def test_printable_escapes_controls_and_bidi_overrides_only(
    text: str, keep: str, shown: str
) -> None:
    assert printable(text, keep) == shown


def hostile_content(make_content: Callable[..., Path]) -> Path:
    """Content whose organisation, locator, theme label and source details carry `HOSTILE`."""
    escaped = HOSTILE.encode("unicode_escape").decode("ascii")  # as YAML "…" reads it
    content = make_content(
        {
            "small.yaml": SMALL_ITEMS.replace(
                "locator: Response para 1", f'locator: "Response para 1{escaped}"', 1
            )
        }
    )
    for name, old in [
        ("organisations.yaml", "short: LGA/Solace"),
        ("themes.yaml", "label: Delivery models"),
        ("sources.yaml", "publisher: Local Government Association and Solace"),
        ("sources.yaml", "date: 30 May 2014"),
    ]:
        path = content / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        key, value = old.split(": ", 1)
        path.write_text(text.replace(old, f'{key}: "{value}{escaped}"', 1), encoding="utf-8")
    return content


def assert_nothing_raw(output: str) -> None:
    controls = {character for character in HOSTILE if not character.isprintable()}
    assert len(controls) == 5
    assert not controls & set(output), repr(output)


def test_items_themes_and_sources_print_content_escaped(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = hostile_content(make_content)
    assert main(["--content", str(content), "items", "--theme", "delivery-models"]) == 0
    out = capsys.readouterr().out
    assert_nothing_raw(out)
    row = next(line for line in out.splitlines() if line.startswith("t-flexibility"))
    assert row.startswith(
        f"t-flexibility  position           LGA/Solace{SHOWN}  Response para 1\\x1b[2J\\… "
        "*The LGA and Solace support"
    ), row

    assert main(["--content", str(content), "themes"]) == 0
    out = capsys.readouterr().out
    assert_nothing_raw(out)
    assert f"delivery-models              Delivery models{SHOWN}    1 items (1 key)" in out

    assert main(["--content", str(content), "sources"]) == 0
    out = capsys.readouterr().out
    assert_nothing_raw(out)
    assert (
        f"lga-solace-2014       3 items  Local Government Association and Solace{SHOWN}, "
        f"30 May 2014{SHOWN}\n" in out
    )


def test_json_output_keeps_the_exact_text_escaped_as_json(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = hostile_content(make_content)
    assert main(["--content", str(content), "items", "--json"]) == 0
    out = capsys.readouterr().out
    assert_nothing_raw(out)
    record = next(r for r in json.loads(out) if r["id"] == "t-flexibility")
    assert record["locator"] == f"Response para 1{HOSTILE}"  # exact, for programs reading it


def test_check_messages_print_content_escaped(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content(
        {
            "small.yaml": SMALL_ITEMS.replace(
                "[markets-commissioning]", '["markets-commissioning\\u202e\\x1b[31m"]'
            )
        }
    )
    assert main(["--content", str(content), "check"]) == 1
    err = capsys.readouterr().err
    assert_nothing_raw(err)
    assert err == (
        "briefgen: 1 problem in the content:\n"
        "content/items/small.yaml:26: item 't-cherry-picked': unknown theme "
        "'markets-commissioning\\u202e\\x1b[31m' (did you mean 'markets-commissioning'?)\n"
    )


def test_a_line_break_inside_one_problem_cannot_pass_for_another_line(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content(
        {"small.yaml": SMALL_ITEMS.replace("org: lga-solace", 'org: "x\\nContent OK"', 1)}
    )
    assert main(["--content", str(content), "check"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 2  # the heading and the one problem
    assert "unknown organisation 'x\\x0aContent OK'" in err
