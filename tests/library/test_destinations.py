"""Where an officer's additions go: `briefgen accept` adds a team source's items to its team
folder (a shipped source's to the officer's own library, `--into` to any), says which, and a
library that cannot be written is refused before anything is written."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
import yaml
from tests.team_libraries import NOTE, NOTE_PASSAGE, make_teams, read_only, snapshot

from briefgen.cli import main
from briefgen.content import load_corpus
from briefgen.content.model import LibraryFolder
from briefgen.errors import BriefgenError
from briefgen.library.curate import add_items
from briefgen.library.destinations import (
    check_writable,
    curation_library,
    import_targets,
    items_library,
    library_label,
)
from briefgen.library.folders import library_folders
from briefgen.library.organisations_file import add_organisation


@pytest.fixture
def team_source(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    user_library: Path,
    capsys: pytest.CaptureFixture[str],
) -> tuple[Path, str]:
    """The children's services team folder with a note imported into it, and the note's id."""
    children, _ = make_teams(tmp_path, monkeypatch)
    note = tmp_path / "note.md"
    note.write_text(NOTE, encoding="utf-8")
    imported = ["import", str(note), "--into", str(children), "--publisher", "Anytown Council"]
    assert main([*imported, "--date", "2025"]) == 0
    sources = yaml.safe_load((children / "sources.yaml").read_text(encoding="utf-8"))
    said = capsys.readouterr().out.splitlines()[0]
    assert said.endswith(f"into {children} (a new library, made now).")  # not "your library"
    return children, sources[0]["id"]


def _review_file(tmp_path: Path, source_id: str, text: str, item_id: str) -> Path:
    path = tmp_path / f"{item_id}.review.yaml"
    path.write_text(
        textwrap.dedent(f"""\
            source: {source_id}
            items:
              - id: {item_id}
                accept: yes
                kind: evidence
                org: anytown-council
                locator: ''
                themes: [funding]
                key: no
                headline: ''
                text: {text}
            """),
        encoding="utf-8",
    )
    return path


def test_accept_adds_a_team_sources_items_to_its_team_folder_and_says_so(
    tmp_path: Path,
    team_source: tuple[Path, str],
    user_library: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    children, source_id = team_source
    capsys.readouterr()
    review = _review_file(tmp_path, source_id, NOTE_PASSAGE, "agency-share")
    assert main(["accept", str(review)]) == 0
    items_file = children / "items" / f"{source_id}.yaml"
    assert capsys.readouterr().out == (
        f"Added 1 item to the team library 'childrens-services' ({items_file}); recorded 0 "
        "rejected suggestions; 0 entries left undecided.\n"
    )
    written = yaml.safe_load(items_file.read_text(encoding="utf-8"))
    assert [(item["id"], item["text"]) for item in written["items"]] == [
        ("agency-share", NOTE_PASSAGE)
    ]
    assert not (user_library / "items").exists()
    corpus = load_corpus(library_folders())  # every quote verified
    assert corpus.item("agency-share").library == "childrens-services"
    # --into still chooses: the officer's own library here.
    other = "Short-term grants make it hard to plan early help services for families in need."
    review = _review_file(tmp_path, source_id, other, "grants-short")
    assert main(["accept", str(review), "--into", str(user_library)]) == 0
    assert capsys.readouterr().out.startswith(
        f"Added 1 item to your library ({user_library / 'items' / f'{source_id}.yaml'});"
    )
    assert load_corpus(library_folders()).item("grants-short").library == "yours"


def test_accept_for_a_read_only_team_folder_adds_to_yours_and_says_why(
    tmp_path: Path,
    team_source: tuple[Path, str],
    user_library: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    children, source_id = team_source
    capsys.readouterr()
    before = snapshot(children)
    read_only(monkeypatch, children)
    review = _review_file(tmp_path, source_id, NOTE_PASSAGE, "agency-share")
    assert main(["accept", str(review)]) == 0
    items_file = user_library / "items" / f"{source_id}.yaml"
    assert capsys.readouterr().out == (
        f"Added 1 item to your library ({items_file}), as the team library "
        "'childrens-services' is read-only for you; recorded 0 rejected suggestions; 0 entries "
        "left undecided.\n"
    )
    assert snapshot(children) == before
    assert load_corpus(library_folders()).item("agency-share").library == "yours"


def test_items_go_to_the_library_holding_the_source_else_yours(
    team_source: tuple[Path, str], user_library: Path
) -> None:
    children, source_id = team_source
    corpus = load_corpus(library_folders())
    team = items_library(corpus, source_id)
    assert (team.path, team.name) == (children, "childrens-services")
    shipped_source = next(s.id for s in corpus.sources.values() if s.library == "shipped")
    assert items_library(corpus, shipped_source) == LibraryFolder(user_library, "user", "yours")
    assert library_label(team) == "the team library 'childrens-services'"
    targets = import_targets(library_folders())
    assert [(t.kind, t.name) for t in targets] == [
        ("user", "yours"),
        ("team", "childrens-services"),
        ("team", "planning"),
    ]


def test_accept_help_says_where_items_go(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["accept", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "the library holding the source when that is your own or a team folder" in text
    assert "--into DIR library to add to instead (default: the source's library" in text


def test_a_library_that_cannot_be_written_is_refused_naming_it(
    tmp_path: Path, user_library: Path
) -> None:
    # A library not made yet is tried in the folder it would be made in.
    check_writable(LibraryFolder(user_library, "user", "yours"), "choose another")
    assert not user_library.exists() and not list(tmp_path.iterdir())
    folder = tmp_path / "shared" / "planning"
    folder.mkdir(parents=True)
    (folder / "organisations.yaml").write_text("[]\n", encoding="utf-8")
    before = snapshot(folder)
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):  # an administrator (root) writes anyway
            pytest.skip("permissions do not stop this user writing (running as root)")
        with pytest.raises(BriefgenError) as refused:
            check_writable(LibraryFolder(folder, "team", "planning"), "choose another")
        assert str(refused.value) == (
            f"cannot add to the team library 'planning' ({folder}): the folder is read-only "
            "for you; choose another, or ask whoever looks after the folder (nothing was added)"
        )
        assert snapshot(folder) == before
    finally:
        folder.chmod(0o755)


def test_a_team_folder_gone_since_it_was_listed_is_refused_not_made_again(
    tmp_path: Path, user_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A colleague moved the folder on the share (or the share dropped) while the app was open:
    # its parent can still be written, but making the folder again would put the officer's
    # import or items where nobody looks, beside none of the team's sources.
    _, planning = make_teams(tmp_path, monkeypatch)
    team = next(f for f in library_folders() if f.name == "planning")
    planning.rename(tmp_path / "shared" / "planning-old")
    with pytest.raises(BriefgenError) as refused:
        check_writable(team, "choose another")
    assert str(refused.value) == (
        f"cannot add to the team library 'planning' ({planning}): the folder is not there any "
        "more (a shared drive may need connecting); choose another (nothing was added)"
    )
    assert not planning.exists()


def test_items_for_a_source_whose_team_folder_has_gone_go_to_yours_and_say_why(
    team_source: tuple[Path, str], user_library: Path
) -> None:
    children, source_id = team_source
    corpus = load_corpus(library_folders())
    children.rename(children.with_name("childrens-services-old"))
    library, why = curation_library(corpus, source_id)
    assert library == LibraryFolder(user_library, "user", "yours")
    assert why == (
        "the team library 'childrens-services' is not there any more (a shared drive may need "
        "connecting)"
    )
    assert not children.exists()


def test_items_are_not_written_to_a_team_folder_gone_since_the_review_opened(
    team_source: tuple[Path, str], user_library: Path
) -> None:
    children, source_id = team_source
    corpus = load_corpus(library_folders())
    library, _ = curation_library(corpus, source_id)
    assert library.path == children
    children.rename(children.with_name("childrens-services-old"))  # the review stays open
    record = {"id": "agency-share", "kind": "evidence", "org": "anytown-council"}
    record |= {"locator": "", "themes": ["funding"], "text": NOTE_PASSAGE}
    with pytest.raises(BriefgenError) as refused:
        add_items(corpus, children, source_id, [record])
    assert str(refused.value) == (
        f"cannot add to the team library 'childrens-services' ({children}): the folder is not "
        "there any more (a shared drive may need connecting); reconnect it, or close this "
        "window and curate again to add to your own library (nothing was added)"
    )
    assert not children.exists()


def test_an_organisation_is_not_written_to_a_team_folder_gone_since_it_was_read(
    team_source: tuple[Path, str], user_library: Path
) -> None:
    children, _ = team_source
    corpus = load_corpus(library_folders())
    children.rename(children.with_name("childrens-services-old"))
    with pytest.raises(BriefgenError, match="the folder is not there any more"):
        add_organisation(corpus, children, "anytown-youth", "Anytown Youth Council", "AYC")
    assert not children.exists()
