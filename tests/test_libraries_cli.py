"""`briefgen libraries list|add|rename|remove`: the team folders listed with their state, each
change said in a sentence, a refusal a message and a non-zero exit, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefgen.cli import main


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("BRIEFGEN_CONFIG_DIR", str(folder))
    return folder


def team(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "organisations.yaml").write_text(
        f"- id: {folder.name}-team\n  name: The {folder.name} team\n  short: {folder.name}\n",
        encoding="utf-8",
    )
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["libraries", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_rename_and_remove(
    tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = config / "libraries.yaml"
    assert run(capsys, "list") == (
        0,
        f"No team folders are listed in {settings}; add one with 'briefgen libraries add DIR'.\n",
        "",
    )
    planning, children = team(tmp_path / "planning"), team(tmp_path / "children")
    assert run(capsys, "add", str(planning)) == (
        0,
        f"Added the team folder 'planning' ({planning}) to {settings}.\n",
        "",
    )
    assert run(capsys, "add", str(children), "--name", "Children's services")[0] == 0
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert out.splitlines() == [
        "name                 state      folder",
        f"planning             Reachable  {planning}",
        f"Children's services  Reachable  {children}",
    ]
    assert run(capsys, "rename", "planning", "Planning policy") == (
        0,
        f"The team folder {planning} is now named 'Planning policy'.\n",
        "",
    )
    # The other commands read the folders under their names.
    assert main(["check"]) == 0
    assert "(shipped, Planning policy, Children's services)" in capsys.readouterr().out
    assert run(capsys, "remove", "Planning policy") == (
        0,
        f"Removed the team folder 'Planning policy' from the list ({planning}: its folder and "
        "files are untouched; add it again to read it again).\n",
        "",
    )
    assert (planning / "organisations.yaml").is_file()
    assert settings.read_text(encoding="utf-8") == (
        f"team_libraries:\n  - folder: {children}\n    name: Children's services\n"
    )


def test_a_missing_folder_is_listed_as_missing_with_what_to_do(
    tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    planning = team(tmp_path / "planning")
    run(capsys, "add", str(planning))
    shutil.rmtree(planning)
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert out.splitlines()[1] == f"planning  Missing  {planning}"
    assert out.splitlines()[-1].startswith(
        f"The folder of 'planning', {planning}, is not there: connect the shared drive, or "
        "remove it from the list."
    )
    assert main(["sources"]) == 1  # the content cannot load, and says how to fix it
    assert 'briefgen libraries remove "planning"' in capsys.readouterr().err
    assert run(capsys, "remove", "planning")[0] == 0
    assert main(["sources"]) == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "{tmp}/nowhere"], "briefgen: cannot add {tmp}/nowhere as a team folder: it is "
         "not there; choose the team's folder (a shared drive may need connecting)\n"),
        (["add", "{tmp}/other"], "briefgen: cannot add {tmp}/other as a team folder: it is not "
         "a briefgen library (it holds other files, and no sources.yaml, organisations.yaml or "
         "items/ folder); choose the library's own folder, or make a new, empty folder to start "
         "the team's library in\n"),
        (["add", "{tmp}/planning"], "briefgen: cannot add {tmp}/planning as a team folder: it "
         "is listed already, as 'planning'\n"),
        (["add", "{tmp}/empty", "--name", "yours"], "briefgen: 'yours' names a library of "
         "briefgen's own; choose another name\n"),
        (["rename", "planing", "Planning"], "briefgen: no team folder is named 'planing' (did "
         "you mean 'planning'?); the team folders are 'planning'\n"),
        (["remove", "childrens"], "briefgen: no team folder is named 'childrens'; the team "
         "folders are 'planning'\n"),
    ],
)  # fmt: skip
def test_a_refusal_is_a_message_and_exit_status_1(
    tmp_path: Path,
    config: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    run(capsys, "add", str(team(tmp_path / "planning")))
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "budget.xlsx").write_bytes(b"not a library")
    (tmp_path / "empty").mkdir()
    before = (config / "libraries.yaml").read_bytes()
    code, out, err = run(capsys, *(arg.format(tmp=tmp_path) for arg in args))
    assert (code, out, err) == (1, "", message.format(tmp=tmp_path))
    assert (config / "libraries.yaml").read_bytes() == before


def test_a_missing_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["libraries"])
    assert exited.value.code == 2
    assert "the following arguments are required: ACTION" in capsys.readouterr().err
