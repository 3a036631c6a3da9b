"""A content folder from a shared drive or a colleague cannot make briefgen read files elsewhere:
every file it names must lead, after symbolic links, inside the folder (issue 20)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.content import open_corpus
from briefgen.errors import ContentError

SECRET = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"

# A source whose text is a link, and an item quoting the linked file's first line: before,
# `check` said "Content OK" and a pack printed the line as a cited quote.
PASSWD_SOURCE = """\
- id: passwd
  title: Accounts
  publisher: The system
  date: "2026"
  short_title: Accounts
  file: passwd.txt
"""
PASSWD_ITEMS = """\
source: passwd
items:
  - id: p-root
    kind: evidence
    org: lga
    locator: line 1
    themes: [funding]
    text: "root:x:0:0:root:/root:/bin/bash"
"""


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in the folder above the content, so messages name files as `content/...`."""
    monkeypatch.chdir(tmp_path)


def link(path: Path, target: Path) -> None:
    try:
        path.symlink_to(target, target_is_directory=target.is_dir())
    except OSError:
        pytest.skip("this system cannot make a symbolic link")


def read_under(folder: Path, touched: list[str]) -> list[str]:
    """The paths in `touched` that lead (after links) into `folder`."""
    return [path for path in touched if Path(os.path.realpath(path)).is_relative_to(folder)]


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A folder outside the content folder holding a file that must never be read."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "passwd").write_text(SECRET, encoding="utf-8")
    return folder


def add_passwd_source(content: Path, target: Path) -> None:
    with (content / "sources.yaml").open("a", encoding="utf-8") as stream:
        stream.write(PASSWD_SOURCE)
    (content / "items" / "passwd.yaml").write_text(PASSWD_ITEMS, encoding="utf-8")
    link(content / "sources" / "passwd.txt", target)


def test_a_source_linked_outside_the_folder_is_refused_and_never_read(
    make_content: Callable[..., Path],
    elsewhere: Path,
    files_touched: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    content = make_content()
    add_passwd_source(content, elsewhere / "passwd")
    line = (content / "sources.yaml").read_text(encoding="utf-8").count("\n")
    files_touched.clear()
    assert main(["--content", str(content), "check"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "briefgen: 3 problems in the content:\n"
        f"content/sources/passwd.txt: this source text is a link to {elsewhere}/passwd, "
        "outside the content folder; copy the file into the content folder instead (briefgen "
        "reads nothing outside it)\n"
        f"content/sources.yaml:{line}: source 'passwd': its file 'sources/passwd.txt' "
        "could not be read (see above)\n"
        f"content/items/passwd.yaml:1: source 'passwd' has no text to check these quotes "
        "against: its file could not be read (see above)\n"
    )
    assert "root:x" not in captured.err
    assert f"{content}/themes.yaml" in files_touched  # the record works
    assert read_under(elsewhere, files_touched) == []


def test_the_corpus_cache_does_not_bring_back_a_link_pointed_outside(
    make_content: Callable[..., Path],
    elsewhere: Path,
    files_touched: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    content = make_content()
    inside = content / "sources" / "accounts.txt"
    inside.write_text(SECRET, encoding="utf-8")
    add_passwd_source(content, inside)
    assert open_corpus(content).item("p-root").locator == "line 1"  # loaded and cached
    # The same bytes, now through a link leading outside: the cache must not hand back the
    # corpus it verified before, and must not read the outside file to find out.
    (content / "sources" / "passwd.txt").unlink()
    link(content / "sources" / "passwd.txt", elsewhere / "passwd")
    files_touched.clear()
    with pytest.raises(ContentError, match="outside the content folder"):
        open_corpus(content)
    assert main(["--content", str(content), "items"]) == 1
    assert "passwd.txt: this source text is a link to" in capsys.readouterr().err
    assert read_under(elsewhere, files_touched) == []


@pytest.mark.parametrize("linked", ["items file", "items folder"])
def test_items_linked_outside_the_folder_are_refused_and_never_read(
    make_content: Callable[..., Path],
    tmp_path: Path,
    files_touched: list[str],
    capsys: pytest.CaptureFixture[str],
    linked: str,
) -> None:
    content = make_content()
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "more.yaml").write_text(PASSWD_ITEMS, encoding="utf-8")
    if linked == "items file":
        link(content / "items" / "more.yaml", shared / "more.yaml")
        expected = (
            f"content/items/more.yaml: this items file is a link to {shared}/more.yaml, "
            "outside the content folder; copy the file into the content folder instead "
            "(briefgen reads nothing outside it)"
        )
    else:
        (content / "items" / "small.yaml").unlink()
        (content / "items").rmdir()
        link(content / "items", shared)
        expected = (
            f"content/items: this folder is a link to {shared}, outside the content folder; "
            "copy the items files into the content folder instead (briefgen reads nothing "
            "outside it)"
        )
    files_touched.clear()  # what setting up wrote
    for command in ("check", "items"):  # a full load, and the cached one
        assert main(["--content", str(content), command]) == 1
        assert capsys.readouterr().err == f"briefgen: 1 problem in the content:\n{expected}\n"
    assert read_under(shared, files_touched) == []


def test_links_that_stay_inside_the_folder_are_followed(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content()
    team = content / "team"
    (content / "items").rename(team)
    link(content / "items", team)
    source = next((content / "sources").glob("001_*.txt"))
    source.rename(team / source.name)
    link(source, Path("..") / "team" / source.name)  # relative, as a zip would hold it
    assert main(["--content", str(content), "check"]) == 0
    assert "Content OK: 3 items" in capsys.readouterr().out


def test_a_source_that_is_not_a_plain_file_is_refused_without_waiting(
    make_content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content()
    source = next((content / "sources").glob("001_*.txt"))
    source.unlink()
    try:
        os.mkfifo(source)  # opened for reading, a pipe would wait for a writer for ever
    except (AttributeError, OSError):
        pytest.skip("this system cannot make a named pipe")
    for command in ("items", "check"):
        assert main(["--content", str(content), command]) == 1
        assert (
            f"content/sources/{source.name}: this source text is not a file; replace it with the "
            "file itself" in capsys.readouterr().err
        )
