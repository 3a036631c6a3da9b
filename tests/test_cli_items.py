"""`briefgen items`, `themes` and `sources`: what an officer sees on the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from briefgen.cli import main


def run_json(content: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    assert main(["--content", str(content), "items", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_items_json_lists_every_item_with_its_fields(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    records = run_json(make_content(), capsys)
    # Grouped by theme in the theme list order: markets and commissioning comes first.
    assert [r["id"] for r in records] == ["t-cherry-picked", "t-complex", "t-flexibility"]
    first = records[2]
    assert first["kind"] == "position"
    assert first["text"].startswith("The LGA and Solace support the principle")
    assert first["locator"] == "Response para 1"
    assert first["org"] == "lga-solace"
    assert first["themes"] == ["localism-deregulation", "delivery-models"]
    assert first["key"] is True
    assert first["source"] == "lga-solace-2014"
    assert first["citation"].startswith("LGA/Solace, Joint response")
    assert first["headline"] == "Councils should have more freedom."


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--theme", "safeguarding"), ["t-complex"]),
        (("--kind", "risk"), ["t-cherry-picked"]),
        (("--kind", "risk", "--kind", "position"), ["t-cherry-picked", "t-flexibility"]),
        (("--org", "lga"), []),
        (("--source", "lga-solace-2014", "--search", "CHERRY picked"), ["t-cherry-picked"]),
        (("--audience", "members"), ["t-cherry-picked", "t-flexibility"]),
        (("--audience", "scrutiny"), ["t-cherry-picked", "t-complex"]),
    ],
)
def test_items_filters(
    make_content: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    expected: list[str],
) -> None:
    assert [r["id"] for r in run_json(make_content(), capsys, *args)] == expected


def test_unknown_theme_is_a_clear_error(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--content", str(make_content()), "items", "--theme", "fundng"]) == 1
    err = capsys.readouterr().err
    assert "--theme 'fundng' is not known (did you mean 'funding'?)" in err


def test_items_table_shows_one_line_per_item(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--content", str(make_content()), "items"]) == 0
    out = capsys.readouterr().out
    assert "t-cherry-picked" in out and "LGA/Solace" in out
    assert "3 items (* = key item for member briefings)" in out


def test_themes_lists_counts(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--content", str(make_content()), "themes"]) == 0
    out = capsys.readouterr().out
    assert "markets-commissioning" in out and "2 items (1 key)" in out


def test_the_installed_command_reports_content_errors_without_a_traceback(
    make_content: Callable[..., Path],
) -> None:
    content = make_content({"bad.yaml": "source: lga-2013\nitems:\n  - id: a: b\n"})
    result = subprocess.run(
        [sys.executable, "-m", "briefgen.cli", "--content", str(content), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "bad.yaml:3:" in result.stderr and "not valid YAML" in result.stderr
    assert "Traceback" not in result.stderr
