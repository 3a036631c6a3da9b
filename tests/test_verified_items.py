"""Incremental verification: after an edit only the items files whose result may have changed
are verified again, and `briefgen check` still reports every problem, never a stale result."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.content import load_corpus, verified
from briefgen.content import loader as content_loader
from briefgen.errors import ContentError

# A second items file on the same source as the small one, and one on another source.
MORE_ITEMS = """\
source: lga-solace-2014
items:
  - id: m-portfolio
    kind: risk
    org: lga-solace
    locator: Response para 2
    themes: [markets-commissioning]
    text: leaving councils with an unmanageable portfolio of disjointed and risky services
"""
SESL_ITEMS = """\
source: sesl-seec-2014
items:
  - id: s-flexibility
    kind: position
    org: sesl-seec
    locator: para 2
    themes: [localism-deregulation]
    text: >-
      Councils should have maximum flexibility and local discretion to determine how best to
      deliver children's services.
"""


@pytest.fixture
def verified_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of every items file read and verified (rather than taken as kept)."""
    calls: list[str] = []
    real = content_loader.verify

    def counting(data: bytes, where: str, *args: object) -> object:
        calls.append(Path(where).name)
        return real(data, where, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(content_loader, "verify", counting)
    return calls


@pytest.fixture
def content(make_content: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    from tests.conftest import SMALL_ITEMS

    folder = make_content(
        {"small.yaml": SMALL_ITEMS, "more.yaml": MORE_ITEMS, "sesl.yaml": SESL_ITEMS}
    )
    monkeypatch.chdir(folder.parent)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_after_one_file_is_edited_only_that_file_is_verified_again(
    content: Path, verified_files: list[str]
) -> None:
    first = load_corpus(content)
    assert sorted(verified_files) == ["more.yaml", "sesl.yaml", "small.yaml"]
    verified_files.clear()
    assert load_corpus(content) == first
    assert verified_files == []
    edit(content / "items" / "more.yaml", "Response para 2", "Response para 2(b)")
    corpus = load_corpus(content)
    assert verified_files == ["more.yaml"]
    assert corpus.item("m-portfolio").locator == "Response para 2(b)"
    assert corpus == load_corpus(content, reuse=False)


def test_an_edited_source_text_verifies_the_files_quoting_it_again(
    content: Path, verified_files: list[str]
) -> None:
    load_corpus(content)
    verified_files.clear()
    source = next((content / "sources").glob("001_*.txt"))
    edit(source, "unmanageable portfolio", "unmanageable set")
    with pytest.raises(ContentError) as raised:
        load_corpus(content)
    assert sorted(verified_files) == ["more.yaml", "small.yaml"]
    assert [problem.split(": ", 2)[1] for problem in raised.value.problems] == [
        "item 'm-portfolio'",  # more.yaml, then small.yaml
        "item 't-cherry-picked'",
    ]


def test_an_organisation_or_theme_removed_is_reported_in_files_not_edited(
    content: Path, verified_files: list[str]
) -> None:
    load_corpus(content)
    verified_files.clear()
    edit(content / "organisations.yaml", "- id: sesl-seec", "- id: sesl-seec-gone")
    with pytest.raises(ContentError) as raised:
        load_corpus(content)
    assert verified_files == ["sesl.yaml"]
    assert raised.value.problems[-1] == (  # after the source that lists it as a voice
        "content/items/sesl.yaml:5: item 's-flexibility': unknown organisation 'sesl-seec' "
        "(did you mean 'sesl-seec-gone'?); add it to organisations.yaml or fix the spelling"
    )


def test_an_id_repeated_in_an_edited_file_is_caught_against_kept_files(
    content: Path, verified_files: list[str]
) -> None:
    load_corpus(content)
    verified_files.clear()
    edit(content / "items" / "sesl.yaml", "id: s-flexibility", "id: t-complex")
    with pytest.raises(ContentError) as raised:
        load_corpus(content)
    assert verified_files == ["sesl.yaml"]
    # Files are read in name order: sesl.yaml now claims the id before small.yaml does.
    assert raised.value.problems == [
        "content/items/small.yaml:13: item 't-complex': duplicate id, first used at "
        "content/items/sesl.yaml:3; give this item a new id"
    ]


def test_a_file_with_problems_reports_them_every_time_and_hints_follow_new_ids(
    content: Path, verified_files: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    edit(content / "items" / "sesl.yaml", "[localism-deregulation]", "[localism]")
    assert main(["--content", str(content), "check"]) == 1
    first = capsys.readouterr().err
    assert first.endswith("sesl.yaml:7: item 's-flexibility': unknown theme 'localism'\n")
    verified_files.clear()
    assert main(["--content", str(content), "check"]) == 1
    assert capsys.readouterr().err == first
    assert verified_files == []
    # A new theme is a near match: the kept message, with no hint, would be stale.
    with (content / "themes.yaml").open("a", encoding="utf-8") as stream:
        stream.write("- id: localism-x\n  label: Localism\n  intro: Local.\n")
    assert main(["--content", str(content), "check"]) == 1
    assert "unknown theme 'localism' (did you mean 'localism-x'?)" in capsys.readouterr().err
    assert verified_files == ["sesl.yaml"]


def test_messages_name_files_from_where_check_runs(
    content: Path, monkeypatch: pytest.MonkeyPatch, verified_files: list[str]
) -> None:
    edit(content / "items" / "sesl.yaml", "[localism-deregulation]", "[localism]")
    with pytest.raises(ContentError, match=r"content/items/sesl\.yaml:7"):
        load_corpus(content)
    monkeypatch.chdir(content)
    with pytest.raises(ContentError, match=r"\nitems/sesl\.yaml:7"):
        load_corpus(content)


def test_check_full_verifies_every_file(
    content: Path, verified_files: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--content", str(content), "check"]) == 0
    verified_files.clear()
    assert main(["--content", str(content), "check"]) == 0
    assert verified_files == []
    assert main(["--content", str(content), "check", "--full"]) == 0
    assert sorted(verified_files) == ["more.yaml", "sesl.yaml", "small.yaml"]
    assert "Content OK: 5 items from 5 sources" in capsys.readouterr().out


def test_changed_code_or_a_damaged_cache_verifies_again(
    content: Path, verified_files: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_corpus(content)
    for path in verified.diskcache.cache_dir().glob("verified-*"):
        path.write_bytes(b"not a pickle")
    verified_files.clear()
    load_corpus(content)
    assert len(verified_files) == 3
    monkeypatch.setattr(verified, "code_digest", lambda: b"other code")
    verified_files.clear()
    load_corpus(content)
    assert len(verified_files) == 3
