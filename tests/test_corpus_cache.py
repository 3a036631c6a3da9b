"""The verified-corpus cache: the same corpus as a full load, reused only while nothing it
depends on has changed, and never a way round quote verification."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.content import LibraryFolder, load_corpus, open_corpus
from briefgen.content import cache as corpus_cache
from briefgen.errors import ContentError


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Records every full load (read and verify) the cache falls back to."""
    from briefgen.content import loader

    calls: list[Path] = []
    real = loader.load_corpus

    def counting(libraries: tuple[LibraryFolder, ...], reuse: bool = True) -> object:
        calls.append(libraries[0].path)
        return real(libraries, reuse)

    monkeypatch.setattr(loader, "load_corpus", counting)
    return calls


def assert_edit_is_seen(content: Path, items: Path, loads: list[Path]) -> None:
    """Change a headline in `items` (after one open): the next open loads and verifies again."""
    items.write_text(
        items.read_text(encoding="utf-8").replace("Councils should have more freedom.", "More."),
        encoding="utf-8",
    )
    corpus = open_corpus(content)
    assert len(loads) == 2
    assert corpus.item("t-flexibility").headline == "More."


def test_a_second_open_reuses_the_verified_corpus(
    make_content: Callable[..., Path], loads: list[Path]
) -> None:
    content = make_content()
    first = open_corpus(content)
    second = open_corpus(content)
    assert len(loads) == 1
    assert second == first == load_corpus(content)
    assert corpus_cache.cache_file(content).is_file()


def test_any_edit_to_the_content_loads_and_verifies_again(
    make_content: Callable[..., Path], loads: list[Path]
) -> None:
    content = make_content()
    open_corpus(content)
    items = content / "items" / "small.yaml"
    assert_edit_is_seen(content, items, loads)


def test_an_edit_in_a_linked_items_folder_loads_and_verifies_again(
    make_content: Callable[..., Path], loads: list[Path]
) -> None:
    content = make_content()
    # Inside the content folder: a link leading outside it is refused (test_content_links).
    shared = content / "shared items"
    (content / "items").rename(shared)
    try:
        (content / "items").symlink_to(shared, target_is_directory=True)
    except OSError:
        pytest.skip("this system cannot make a symbolic link")
    open_corpus(content)
    items = shared / "small.yaml"
    assert_edit_is_seen(content, items, loads)
    # A link back up the tree is not followed round and round: the cache still works.
    (shared / "up").symlink_to(content, target_is_directory=True)
    open_corpus(content)
    assert len(loads) == 2


def test_names_in_another_encoding_in_or_of_the_content_folder_are_no_error(
    make_content: Callable[..., Path], loads: list[Path]
) -> None:
    import os

    content = make_content()
    try:  # "café.txt" as Windows-1252 wrote it, unzipped on Linux
        with open(os.fsencode(content / "sources") + b"/caf\xe9.txt", "wb"):
            pass
    except OSError:
        pytest.skip("this file system takes only UTF-8 names")
    first = open_corpus(content)
    assert open_corpus(content) == first
    assert len(loads) == 1
    # And the content folder itself so named.
    moved = Path(os.fsdecode(os.fsencode(content.parent) + b"/caf\xe9"))
    content.rename(moved)
    assert open_corpus(moved) == open_corpus(moved)
    assert len(loads) == 2


def test_a_broken_quote_is_caught_even_after_the_corpus_was_cached(
    make_content: Callable[..., Path],
) -> None:
    content = make_content()
    open_corpus(content)
    items = content / "items" / "small.yaml"
    # Same size, one word changed: only the bytes tell.
    items.write_text(
        items.read_text(encoding="utf-8").replace("greater flexibility", "greater flexibilitx"),
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match="t-flexibility"):
        open_corpus(content)


def test_an_edited_source_document_misses_the_cache(
    make_content: Callable[..., Path], loads: list[Path]
) -> None:
    content = make_content()
    open_corpus(content)
    source = next((content / "sources").glob("001_*.txt"))
    source.write_bytes(source.read_bytes().replace(b"greater flexibility", b"more flexibility"))
    with pytest.raises(ContentError, match="quote not found"):
        open_corpus(content)


def test_a_damaged_or_foreign_cache_file_is_ignored(
    make_content: Callable[..., Path], loads: list[Path]
) -> None:
    content = make_content()
    path = corpus_cache.cache_file(content)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a pickle")
    assert open_corpus(content).item("t-flexibility")
    path.write_bytes(pickle.dumps(("some other key", "not a corpus")))
    assert open_corpus(content).item("t-flexibility")
    assert len(loads) == 2


def test_an_unwritable_cache_folder_costs_only_speed(
    make_content: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(blocked))
    assert open_corpus(make_content()).item("t-flexibility")


def test_check_always_verifies_in_full(
    make_content: Callable[..., Path], loads: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content()
    open_corpus(content)
    assert main(["--content", str(content), "check"]) == 0
    assert len(loads) == 2
    assert "every quote found" in capsys.readouterr().out


def test_the_cache_is_one_file_per_content_folder_with_no_leftovers(
    make_content: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path / "cache"))
    content = make_content()
    open_corpus(content)
    (content / "items" / "small.yaml").write_text(
        (content / "items" / "small.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    open_corpus(content)
    folder = corpus_cache.cache_file(content).parent
    assert [p.name for p in folder.iterdir() if p.name.startswith("corpus-")] == [
        corpus_cache.cache_file(content).name
    ]
    assert not [p for p in folder.iterdir() if p.suffix == ".tmp"]


def test_two_folders_with_the_same_files_each_get_their_own_corpus(
    make_content: Callable[..., Path], tmp_path: Path, loads: list[Path]
) -> None:
    import shutil

    first = make_content()
    second = tmp_path / "copy of content"
    shutil.copytree(first, second)
    assert open_corpus(first).root == first
    # Same bytes in a different folder: the cache must not hand back the first folder's corpus,
    # whose sources point at files in that folder.
    copy = open_corpus(second)
    assert copy.root == second
    assert all(source.path.is_relative_to(second) for source in copy.sources.values())
    assert open_corpus(first).root == first
