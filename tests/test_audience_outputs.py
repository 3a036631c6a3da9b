"""Several audiences in one go: `--audience` repeated writes one file per audience, named after
it, each the file a build for that audience alone would write."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document

from briefgen.audience_outputs import AudienceOutput, audience_outputs
from briefgen.cli import main


@pytest.fixture
def content(make_content: Callable[..., Path]) -> Path:
    return make_content()


def build(content: Path, *args: str) -> int:
    return main(["--content", str(content), "build", *args])


OPTIONS = ("--theme", "markets-commissioning", "--title", "Delegation", "--date", "2026-12-03")


def test_each_audience_gets_a_file_named_after_it() -> None:
    assert audience_outputs(Path("out/pack.pdf"), ["members", "partners"]) == [
        AudienceOutput("members", Path("out/pack-members.pdf")),
        AudienceOutput("partners", Path("out/pack-partners.pdf")),
    ]
    # One audience keeps the name given; an audience given twice is built once.
    assert audience_outputs(Path("pack.docx"), ["scrutiny"]) == [
        AudienceOutput("scrutiny", Path("pack.docx"))
    ]
    assert [
        o.path.name for o in audience_outputs(Path("pack"), ["members"] * 2 + ["scrutiny"])
    ] == [
        "pack-members",
        "pack-scrutiny",
    ]


def test_repeated_audience_writes_one_file_each_as_if_built_alone(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    together = tmp_path / "pack.html"
    args = [*OPTIONS, "--audience", "members", "--audience", "partners", "-o", str(together)]
    assert build(content, *args) == 0
    out = capsys.readouterr().out
    assert not together.exists()
    for audience, label in (
        ("members", "member briefing for councillors"),
        ("partners", "partner briefing for partners"),
    ):
        written = tmp_path / f"pack-{audience}.html"
        assert f"Wrote {written} ({label}," in out
        alone = tmp_path / f"alone-{audience}.html"
        assert build(content, *OPTIONS, "--audience", audience, "-o", str(alone)) == 0
        assert written.read_text() == alone.read_text()


def test_repeated_audience_in_word_names_each_audience_on_its_cover(
    content: Path, tmp_path: Path
) -> None:
    args = [*OPTIONS, "--layout", "committee-report", "-o", str(tmp_path / "report.docx")]
    assert build(content, *args, "--audience", "scrutiny", "--audience", "members") == 0
    for audience in ("scrutiny", "members"):
        data = (tmp_path / f"report-{audience}.docx").read_bytes()
        assert Document(io.BytesIO(data)).core_properties.title == "Delegation"


def test_several_audiences_with_save_pack_is_refused_before_writing(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [*OPTIONS, "--audience", "members", "--audience", "partners"]
    saved = tmp_path / "pack.briefgen.yaml"
    assert build(content, *args, "-o", str(tmp_path / "p.pdf"), "--save-pack", str(saved)) != 0
    err = capsys.readouterr().err
    assert "--save-pack with several --audience options: a pack file holds one audience" in err
    assert not list(tmp_path.glob("p*"))


def test_a_misspelt_audience_among_several_is_a_usage_error(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        *OPTIONS,
        "--audience",
        "members",
        "--audience",
        "partner",
        "-o",
        str(tmp_path / "p.pdf"),
    ]
    with pytest.raises(SystemExit) as raised:
        build(content, *args)
    assert raised.value.code == 2
    assert "--audience is 'partner'; use one of:" in capsys.readouterr().err
    assert not list(tmp_path.glob("p*"))
