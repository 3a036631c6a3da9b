"""Adding, renaming and removing team folders in `libraries.yaml` (the app's Team folders…
dialog and `briefgen libraries` both call these): every other line of the file is kept, each
refusal names the folder and the remedy, and the loader reads the names given."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.team_libraries import read_only

from briefgen.content import load_corpus
from briefgen.errors import BriefgenError
from briefgen.library.folders import library_folders
from briefgen.library.team_edits import add_team_folder, remove_team_folder, rename_team_folder
from briefgen.library.team_settings import folder_state, read_team_folders


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A settings folder of this test's own (not made yet: the first change makes it)."""
    folder = tmp_path / "config"
    monkeypatch.setenv("BRIEFGEN_CONFIG_DIR", str(folder))
    return folder


def library(folder: Path, org: str = "team-org") -> Path:
    """A team library holding one organisation of its own."""
    folder.mkdir(parents=True)
    (folder / "organisations.yaml").write_text(
        f"- id: {org}\n  name: The {org} team\n  short: {org}\n", encoding="utf-8"
    )
    return folder


def settings_text(config: Path) -> str:
    return (config / "libraries.yaml").read_text(encoding="utf-8")


def test_changes_keep_the_comments_and_layout_of_a_hand_written_file(
    tmp_path: Path, config: Path
) -> None:
    children = library(tmp_path / "shared" / "children")
    planning = library(tmp_path / "shared" / "planning", "planning-org")
    config.mkdir()
    (config / "libraries.yaml").write_text(
        "# Set up by IT, 2026: ask the service desk before changing\n"
        "team_libraries:\n"
        "    # children's services\n"
        "    - ../shared/children   # the directorate's share\n"
        "\n"
        "# end of the list\n",
        encoding="utf-8",
    )
    added = add_team_folder(planning)
    assert (added.name, added.path, added.named) == ("planning", planning, False)
    assert settings_text(config) == (
        "# Set up by IT, 2026: ask the service desk before changing\n"
        "team_libraries:\n"
        "    # children's services\n"
        "    - ../shared/children   # the directorate's share\n"
        f"    - {planning}\n"
        "\n"
        "# end of the list\n"
    )
    renamed = rename_team_folder("children", "Children's services")
    assert (renamed.name, renamed.path, renamed.named) == ("Children's services", children, True)
    assert settings_text(config) == (
        "# Set up by IT, 2026: ask the service desk before changing\n"
        "team_libraries:\n"
        "    # children's services\n"
        "    - folder: ../shared/children\n"
        "      name: Children's services\n"
        f"    - {planning}\n"
        "\n"
        "# end of the list\n"
    )
    removed = remove_team_folder("children's SERVICES")  # a name in any case
    assert removed.path == children
    assert settings_text(config) == (
        "# Set up by IT, 2026: ask the service desk before changing\n"
        "team_libraries:\n"
        "    # children's services\n"
        f"    - {planning}\n"
        "\n"
        "# end of the list\n"
    )
    assert (children / "organisations.yaml").is_file()  # removing never touches the folder
    assert [f.name for f in read_team_folders()] == ["planning"]


def test_the_first_folder_makes_the_settings_file_and_its_folder(
    tmp_path: Path, config: Path
) -> None:
    team = tmp_path / "new team folder"
    team.mkdir()  # an empty folder: a library with nothing in it yet
    add_team_folder(team, "Policy team")
    assert settings_text(config) == (
        f"team_libraries:\n  - folder: {team}\n    name: Policy team\n"
    )
    assert [(f.name, f.kind) for f in library_folders()][-1] == ("Policy team", "team")


def test_windows_line_endings_are_kept(tmp_path: Path, config: Path) -> None:
    first, second = library(tmp_path / "a"), library(tmp_path / "b", "b-org")
    config.mkdir()
    (config / "libraries.yaml").write_bytes(f"team_libraries:\r\n- {first}\r\n".encode())
    add_team_folder(second)
    assert (config / "libraries.yaml").read_bytes() == (
        f"team_libraries:\r\n- {first}\r\n- {second}\r\n".encode()
    )


def test_a_list_written_in_brackets_is_written_out_again_below_its_comments(
    tmp_path: Path, config: Path
) -> None:
    first, second = library(tmp_path / "a"), library(tmp_path / "b", "b-org")
    config.mkdir()
    (config / "libraries.yaml").write_text(
        f"# our teams\nteam_libraries: [{first}]\n", encoding="utf-8"
    )
    add_team_folder(second, "Bee")
    assert settings_text(config) == (
        f"# our teams\nteam_libraries:\n  - {first}\n  - folder: {second}\n    name: Bee\n"
    )


def test_a_relative_folder_is_written_as_the_whole_path(
    tmp_path: Path, config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library(tmp_path / "shared" / "team")
    monkeypatch.chdir(tmp_path / "shared")
    add_team_folder("team")
    assert settings_text(config) == f"team_libraries:\n  - {tmp_path / 'shared' / 'team'}\n"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda base: base / "nowhere", "cannot add {folder} as a team folder: it is not there; "
         "choose the team's folder (a shared drive may need connecting)"),
        (lambda base: _file(base / "notes.txt"), "cannot add {folder} as a team folder: it is a "
         "file, not a folder"),
        (lambda base: _file(base / "Downloads" / "report.pdf").parent,
         "cannot add {folder} as a team folder: it is not a briefgen library (it holds other "
         "files, and no sources.yaml, organisations.yaml or items/ folder); choose the "
         "library's own folder, or make a new, empty folder to start the team's library in"),
        (lambda base: base / "listed", "cannot add {folder} as a team folder: it is listed "
         "already, as 'listed'"),
        (lambda base: _link(base / "listed", base / "link"), "cannot add {folder} as a team "
         "folder: it is listed already, as 'listed'"),
        (lambda base: library(base / "yours"), "cannot add {folder} as a team folder: it is your "
         "own library, which briefgen reads already"),
    ],
)  # fmt: skip
def test_a_folder_the_loader_would_refuse_is_refused_naming_it(
    tmp_path: Path, config: Path, user_library: Path, make: object, message: str
) -> None:
    add_team_folder(library(tmp_path / "listed"))
    before = settings_text(config)
    folder = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(BriefgenError) as refused:
        add_team_folder(folder)
    assert str(refused.value).startswith(message.format(folder=folder))
    assert settings_text(config) == before


def _file(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("not a library", encoding="utf-8")
    return path


def _link(target: Path, link: Path) -> Path:
    os.symlink(target, link)
    return link


def test_the_shipped_content_is_refused(tmp_path: Path, config: Path) -> None:
    from briefgen.content.paths import SHIPPED_CONTENT

    with pytest.raises(BriefgenError, match="it is the content briefgen ships, read already"):
        add_team_folder(SHIPPED_CONTENT)
    assert not (config / "libraries.yaml").exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("yours", "'yours' names a library of briefgen's own; choose another name"),
        ("Shipped", "'Shipped' names a library of briefgen's own; choose another name"),
        ("  ", "a team folder's name cannot be empty"),
        ("a/b", "'a/b' cannot name a team folder: use up to 40 letters, digits, spaces and "
         "- ' & ( ) . , starting with a letter or digit"),
        ("x" * 41, "cannot name a team folder: use up to 40 letters"),
        ("PLANNING", "the team folder {planning} is named 'planning' already; choose another "
         "name"),
    ],
)  # fmt: skip
def test_a_name_that_cannot_be_told_apart_is_refused(
    tmp_path: Path, config: Path, name: str, message: str
) -> None:
    planning = library(tmp_path / "planning")
    add_team_folder(planning)
    children = library(tmp_path / "children", "c-org")
    add_team_folder(children)
    before = settings_text(config)
    with pytest.raises(BriefgenError) as refused:
        rename_team_folder("children", name)
    assert message.format(planning=planning) in str(refused.value)
    with pytest.raises(BriefgenError):  # and as a new folder's name
        add_team_folder(library(tmp_path / "other", "o-org"), name)
    assert settings_text(config) == before


def test_an_unknown_name_is_refused_with_the_names_listed(tmp_path: Path, config: Path) -> None:
    add_team_folder(library(tmp_path / "planning"))
    with pytest.raises(BriefgenError) as refused:
        remove_team_folder("planing")
    assert str(refused.value) == (
        "no team folder is named 'planing' (did you mean 'planning'?); the team folders are "
        "'planning'"
    )
    remove_team_folder(str(tmp_path / "planning"))  # or by its folder
    with pytest.raises(BriefgenError, match=r"no team folder is named 'planning': .* lists none"):
        remove_team_folder("planning")


def test_a_read_only_settings_file_is_refused_and_left_as_it_was(
    tmp_path: Path, config: Path
) -> None:
    add_team_folder(library(tmp_path / "planning"))
    settings = config / "libraries.yaml"
    before = settings.read_bytes()
    settings.chmod(0o444)
    with pytest.raises(BriefgenError, match="the file is read-only"):
        remove_team_folder("planning")
    assert settings.read_bytes() == before


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("team_libraries:\n  - folder: /a\n    name: x\n  - folder: /b\n    name: X\n",
         "libraries.yaml:4: the name 'X' is given to two team folders (lines 2 and 4); give "
         "each its own"),
        ("team_libraries:\n  - folder: /a\n    nmae: x\n", "libraries.yaml:2: 'team_libraries' "
         "must be a list of folders, one per line starting '- '; a folder given a name has two "
         "lines, 'folder: DIR' and 'name: NAME'"),
        ("team_libraries:\n  - 2024\n", "libraries.yaml:2: 'team_libraries' must be a list"),
        ("team_libraries:\n  - folder: /a\n    name: yours\n", "libraries.yaml:2: 'yours' names "
         "a library of briefgen's own"),
    ],
)  # fmt: skip
def test_a_hand_written_mistake_names_its_line(config: Path, settings: str, message: str) -> None:
    config.mkdir()
    (config / "libraries.yaml").write_text(settings, encoding="utf-8")
    with pytest.raises(BriefgenError) as refused:
        read_team_folders()
    assert message in str(refused.value)
    with pytest.raises(BriefgenError):  # and nothing is written over it
        add_team_folder(config)
    assert settings_text(config) == settings


def test_the_loader_reads_a_team_folder_under_the_name_it_is_given(
    tmp_path: Path, config: Path, make_content: object
) -> None:
    content = make_content()  # type: ignore[operator]
    team = library(tmp_path / "shared" / "briefgen", "cs-team")
    (team / "themes.yaml").write_text(
        "- id: cs-theme\n  label: Team theme\n  intro: A theme of the team's own.\n",
        encoding="utf-8",
    )
    add_team_folder(team)
    assert load_corpus(library_folders(content)).themes["cs-theme"].library == "briefgen"
    rename_team_folder("briefgen", "Children's services")
    corpus = load_corpus(library_folders(content))
    assert [library.name for library in corpus.libraries] == ["shipped", "Children's services"]
    assert corpus.themes["cs-theme"].library == "Children's services"
    # A folder given by --library with the same name as its folder is told apart as before.
    other = library(tmp_path / "other" / "Children's services", "other-team")
    names = [library.name for library in library_folders(content, [other])]
    assert names == ["shipped", "Children's services", "Children's services-2"]


def test_a_vanished_team_folder_is_named_with_how_to_remove_it(
    tmp_path: Path, config: Path
) -> None:
    team = library(tmp_path / "shared" / "planning")
    add_team_folder(team, "Planning policy")
    (team / "organisations.yaml").unlink()
    team.rmdir()
    with pytest.raises(BriefgenError) as refused:
        library_folders()
    assert str(refused.value) == (
        f"the library folder {team} does not exist or is not a folder; check the name (a shared "
        "drive may need connecting) or remove it from the team folders (File > Team folders… in "
        'the app, or `briefgen libraries remove "Planning policy"`)'
    )
    [listed] = read_team_folders()
    state = folder_state(listed)
    assert (state.key, state.label) == ("missing", "Missing")
    assert state.detail.startswith(f"The folder of 'Planning policy', {team}, is not there")
    remove_team_folder("Planning policy")  # a folder that has gone can still be removed
    assert library_folders()[-1].kind == "shipped"


def test_each_folder_state_is_found_on_disk(
    tmp_path: Path, config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reachable = library(tmp_path / "reachable")
    empty = tmp_path / "empty"
    empty.mkdir()
    share = library(tmp_path / "share", "share-org")
    for folder in (reachable, empty, share):
        add_team_folder(folder)
    _file(empty / "later.docx")  # someone saved other work there after it was listed
    read_only(monkeypatch, share)
    states = {f.name: folder_state(f) for f in read_team_folders()}
    assert {name: state.label for name, state in states.items()} == {
        "reachable": "Reachable",
        "empty": "Not a library",
        "share": "Read-only",
    }
    assert "holds other files and no sources.yaml" in states["empty"].detail
    assert "goes to your own library" in states["share"].detail
