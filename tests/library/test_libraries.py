"""Content libraries: the shipped content, the user's own library and team folders read as one
corpus, with every id unique across them and every listing able to say where an item is from."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.content import load_corpus, open_corpus
from briefgen.errors import BriefgenError, ContentError
from briefgen.library.folders import library_folders

TEAM_TEXT = """\
# Family Hubs: a note for members

1. Every family hub should open at least one evening a week, so that working parents can reach
it without taking leave.

2. Hubs work best where health visitors and early help staff share one front door.
"""
TEAM_FILES = {
    "sources.yaml": """\
        - id: hubs-2026
          title: Family Hubs — a note for members
          publisher: Shire County Council
          date: March 2026
          short_title: Family hubs note
          file: hubs.txt
        """,
    "organisations.yaml": """\
        - id: shire
          name: Shire County Council
          short: Shire CC
        """,
    "themes.yaml": """\
        - id: family-hubs
          label: Family hubs
          intro: How family hubs are run and reached.
        """,
    "glossary.yaml": """\
        - term: FH
          expansion: Family hub
        """,
    "items/hubs-2026.yaml": """\
        source: hubs-2026
        items:
          - id: hubs-evening
            kind: recommendation
            org: shire
            locator: para 1
            themes: [family-hubs]
            text: >-
              Every family hub should open at least one evening a week, so that working
              parents can reach it without taking leave.
          - id: hubs-door
            kind: evidence
            org: shire
            locator: para 2
            themes: [family-hubs, early-help]
            text: health visitors and early help staff share one front door
        """,
    # A team's own item on a shipped document.
    "items/on-lga-solace.yaml": """\
        source: lga-solace-2014
        items:
          - id: team-flexibility
            kind: position
            org: lga-solace
            locator: Response para 1
            themes: [family-hubs]
            text: >-
              The LGA and Solace support the principle of greater flexibility for councils
        """,
}


def write_library(folder: Path, files: dict[str, str] | None = None) -> Path:
    """A library at `folder` with `files` (name -> YAML text, dedented); the team's text."""
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "hubs.txt").write_text(TEAM_TEXT, encoding="utf-8")
    for name, text in (TEAM_FILES if files is None else files).items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


@pytest.fixture
def team(tmp_path: Path) -> Path:
    return write_library(tmp_path / "team")


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages name files as `content/...` and `team/...`."""
    monkeypatch.chdir(tmp_path)


def test_a_team_library_adds_sources_items_organisations_themes_and_glossary(
    make_content: Callable[..., Path], team: Path
) -> None:
    corpus = load_corpus(library_folders(make_content(), [team]))
    assert [library.name for library in corpus.libraries] == ["shipped", "team"]
    evening = corpus.item("hubs-evening")
    assert evening.library == "team" and evening.content_file == "team/items/hubs-2026.yaml"
    assert corpus.sources["hubs-2026"].library == "team"
    assert corpus.sources["hubs-2026"].path == team / "sources" / "hubs.txt"
    assert corpus.sources["lga-solace-2014"].library == "shipped"
    assert corpus.item("t-flexibility").library == "shipped"
    # An item in one library may quote a source in another, and use its themes.
    assert corpus.item("team-flexibility").source == "lga-solace-2014"
    assert corpus.item("team-flexibility").library == "team"
    assert corpus.themes["family-hubs"].library == "team"
    assert corpus.themes["early-help"].library == "shipped"
    assert corpus.organisations["shire"].short == "Shire CC"
    assert corpus.glossary[-1].term == "FH"
    # The team's sources come after the shipped ones, in the order their items are listed.
    assert list(corpus.sources)[-1] == "hubs-2026"
    assert [item.id for item in corpus.items][-2:] == ["hubs-evening", "hubs-door"]


@pytest.mark.parametrize(
    ("name", "own_id", "clashing", "noun"),
    [
        ("sources.yaml", "hubs-2026", "lga-solace-2014", "source"),
        ("organisations.yaml", "shire", "lga", "organisation"),
        ("themes.yaml", "family-hubs", "funding", "theme"),
    ],
)
def test_an_id_used_in_two_libraries_names_both_files_and_lines(
    make_content: Callable[..., Path],
    team: Path,
    name: str,
    own_id: str,
    clashing: str,
    noun: str,
) -> None:
    content = make_content()
    path = team / name
    path.write_text(
        path.read_text(encoding="utf-8").replace(f"id: {own_id}", f"id: {clashing}"),
        encoding="utf-8",
    )
    shipped = (content / name).read_text(encoding="utf-8").splitlines()
    first = next(n for n, text in enumerate(shipped, 1) if text == f"- id: {clashing}")
    with pytest.raises(ContentError) as raised:
        load_corpus(library_folders(content, [team]))
    assert (
        f"team/{name}:1: {noun} '{clashing}': duplicate id, first used at "
        f"content/{name}:{first}; give one of them a new id"
    ) in raised.value.problems


def test_an_item_id_used_in_two_libraries_names_both_files_and_lines(
    make_content: Callable[..., Path], team: Path
) -> None:
    items = team / "items" / "hubs-2026.yaml"
    items.write_text(
        items.read_text(encoding="utf-8").replace("hubs-door", "t-complex"), encoding="utf-8"
    )
    with pytest.raises(ContentError) as raised:
        load_corpus(library_folders(make_content(), [team]))
    shipped_line = next(
        n
        for n, text in enumerate(
            (Path("content/items/small.yaml")).read_text(encoding="utf-8").splitlines(), 1
        )
        if text.endswith("id: t-complex")
    )
    assert raised.value.problems == [
        f"team/items/hubs-2026.yaml:11: item 't-complex': duplicate id, first used at "
        f"content/items/small.yaml:{shipped_line}; give this item a new id"
    ]


def test_a_library_may_hold_only_items_on_other_libraries_sources(
    make_content: Callable[..., Path], tmp_path: Path
) -> None:
    only_items = {"items/mine.yaml": TEAM_FILES["items/on-lga-solace.yaml"].replace(
        "[family-hubs]", "[funding]"
    )}  # fmt: skip
    folder = write_library(tmp_path / "notes", only_items)
    corpus = load_corpus(library_folders(make_content(), [folder]))
    assert corpus.item("team-flexibility").library == "notes"


def test_a_folder_that_is_not_a_library_is_named(
    make_content: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "Downloads").mkdir()
    (tmp_path / "Downloads" / "minutes.pdf").write_bytes(b"%PDF-1.7")
    content = make_content()
    assert main(["--content", str(content), "--library", "Downloads", "check"]) == 1
    assert capsys.readouterr().err == (
        "briefgen: 1 problem in the content:\nDownloads: not a briefgen library (it holds other "
        "files, and no sources.yaml, organisations.yaml or items/ folder); check the folder's "
        "name, or start a library in a new or empty folder\n"
    )
    assert main(["--content", str(content), "--library", "nowhere", "check"]) == 1
    assert "the library folder nowhere does not exist or is not a folder" in (
        capsys.readouterr().err
    )


def test_a_teams_new_empty_folder_is_an_empty_library_until_the_first_import(
    make_content: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The team has just made its shared folder and listed it: the content still loads, and
    # the first import starts the library there.
    content, shared = make_content(), tmp_path / "shared"
    shared.mkdir()
    # what Windows, a Mac or a sync client leaves in a folder it has shown is not other work
    for litter in ("desktop.ini", "Thumbs.db", ".DS_Store", ".sync"):
        (shared / litter).write_bytes(b"x")
    monkeypatch.setenv("BRIEFGEN_CONFIG_DIR", str(tmp_path))
    (tmp_path / "libraries.yaml").write_text(f"team_libraries: [{shared}]\n", encoding="utf-8")
    corpus = load_corpus(library_folders(content))
    assert [library.name for library in corpus.libraries] == ["shipped", "shared"]
    assert not [source for source in corpus.sources.values() if source.library == "shared"]
    note = tmp_path / "note.md"
    note.write_text(TEAM_TEXT, encoding="utf-8")
    imported = [
        "import",
        str(note),
        "--into",
        str(shared),
        "--publisher",
        "Shire",
        "--date",
        "2026",
    ]
    assert main(["--content", str(content), *imported]) == 0
    capsys.readouterr()
    assert main(["--content", str(content), "sources"]) == 0
    assert "shared" in capsys.readouterr().out


def test_listings_say_which_library_and_items_filter_by_it(
    make_content: Callable[..., Path], team: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    both = ["--content", str(make_content()), "--library", str(team)]
    assert main([*both, "items", "--json", "--library", "team"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert {r["id"] for r in records} == {"hubs-evening", "hubs-door", "team-flexibility"}
    assert {r["library"] for r in records} == {"team"}
    assert main([*both, "items"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["id", "library", "kind", "org", "locator", "text"]
    evening = next(line for line in table if line.startswith("hubs-evening"))
    assert evening.split()[1:3] == ["team", "recommendation"]
    flexibility = next(line for line in table if line.startswith("t-flexibility"))
    assert flexibility.split()[1] == "shipped"
    assert main([*both, "items", "--library", "teem"]) == 1
    assert "--library 'teem' is not known (did you mean 'team'?)" in capsys.readouterr().err
    assert main([*both, "sources"]) == 0
    assert "Shire County Council, March 2026  (team)" in capsys.readouterr().out
    assert main([*both, "themes"]) == 0
    assert "3 items (0 key)  (team)" in capsys.readouterr().out
    assert main([*both, "check"]) == 0
    assert "6 themes" not in (out := capsys.readouterr().out)
    assert "in 2 libraries (shipped, team); every quote found" in out


def test_one_library_lists_as_before(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--content", str(make_content()), "items"]) == 0
    assert capsys.readouterr().out.splitlines()[0].split() == [
        "id", "kind", "org", "locator", "text"
    ]  # fmt: skip
    assert main(["--content", str(make_content()), "check"]) == 0
    assert "libraries" not in capsys.readouterr().out


def test_the_users_own_library_is_read_once_it_exists(
    make_content: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content()
    user = tmp_path / "user data" / "library"
    monkeypatch.setenv("BRIEFGEN_USER_LIBRARY", str(user))
    assert [f.name for f in library_folders(content)] == ["shipped"]
    write_library(user)
    assert [(f.name, f.kind) for f in library_folders(content)] == [
        ("shipped", "shipped"), ("yours", "user")
    ]  # fmt: skip
    assert open_corpus(library_folders(content)).item("hubs-door").library == "yours"
    assert [f.name for f in library_folders(content, include_user=False)] == ["shipped"]


def test_a_users_library_holding_only_an_organisation_is_read(
    make_content: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An organisation added in the app before any document or item is listed at once."""
    content = make_content()
    user = tmp_path / "library"
    monkeypatch.setenv("BRIEFGEN_USER_LIBRARY", str(user))
    user.mkdir()
    (user / "organisations.yaml").write_text(
        "- id: cqc\n  name: Care Quality Commission\n  short: CQC\n", encoding="utf-8"
    )
    assert [f.name for f in library_folders(content)] == ["shipped", "yours"]
    assert load_corpus(library_folders(content)).organisations["cqc"].short == "CQC"
    note = tmp_path / "note.md"  # and a document then imports into it
    note.write_text("# Findings\n\nThe service was rated good in 2024.\n", encoding="utf-8")
    command = ["--content", str(content), "import", str(note), "--publisher", "CQC"]
    assert main([*command, "--date", "2024"]) == 0
    assert (user / "sources.yaml").is_file()


def test_team_folders_come_from_the_settings_file_and_the_environment(
    make_content: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content()
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("BRIEFGEN_CONFIG_DIR", str(config))
    write_library(tmp_path / "shared" / "team")
    write_library(tmp_path / "other" / "team")
    # A relative folder in the settings is taken from the settings file's own folder.
    (config / "libraries.yaml").write_text(
        "team_libraries:\n  - ../shared/team\n", encoding="utf-8"
    )
    monkeypatch.setenv("BRIEFGEN_LIBRARY", str(tmp_path / "other" / "team"))
    folders = library_folders(content, [tmp_path / "shared" / "team"])  # named twice: once
    assert [(f.name, f.kind) for f in folders] == [
        ("shipped", "shipped"), ("team", "team"), ("team-2", "team")
    ]  # fmt: skip
    assert folders[1].path == tmp_path / "shared" / "team"  # ".." taken away


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("team_libraries: nowhere\n", "'team_libraries' must be a list of folders"),
        ("team_librarys: [a]\n", "the library settings hold one field, 'team_libraries'"),
        ("team_libraries: [\n", "cannot read the library settings"),
        ("team_libraries: [missing]\n", "the library folder"),
    ],
)
def test_a_bad_settings_file_is_a_clear_error(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    settings: str,
    message: str,
) -> None:
    monkeypatch.setenv("BRIEFGEN_CONFIG_DIR", str(tmp_path))
    (tmp_path / "libraries.yaml").write_text(settings, encoding="utf-8")
    with pytest.raises(BriefgenError, match=message):
        library_folders()
    assert main(["sources"]) == 1
    assert message in capsys.readouterr().err


def test_content_still_replaces_the_shipped_library(
    make_content: Callable[..., Path], team: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The team folder holds themes and organisations of its own: as --content it is the
    # whole content, and nothing of the shipped content is read.
    (team / "items" / "on-lga-solace.yaml").unlink()
    items = team / "items" / "hubs-2026.yaml"
    items.write_text(
        items.read_text(encoding="utf-8").replace(", early-help]", "]"), encoding="utf-8"
    )
    assert main(["--content", str(team), "sources"]) == 0
    assert capsys.readouterr().out.split()[0] == "hubs-2026"


def test_a_pack_cites_items_from_every_library(
    make_content: Callable[..., Path], team: Path, tmp_path: Path
) -> None:
    output = tmp_path / "pack.html"
    both = ["--content", str(make_content()), "--library", str(team)]
    assert (
        main(
            [*both, "build", "--theme", "family-hubs", "--audience", "scrutiny", "-o", str(output)]
        )
        == 0
    )
    html = output.read_text(encoding="utf-8")
    assert "open at least one evening a week" in html and "Shire CC" in html
