"""Writing library files for the officer: appended in a fixed order, read back before the file
is replaced, hand edits and comments kept, and the loader accepts the result."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from briefgen.errors import BriefgenError
from briefgen.library.writer import append_items, append_source

SOURCE = {
    "id": "ofsted-2026",
    "title": "Ofsted annual report: children's services 2026 — with a long, long title",
    "publisher": "Ofsted",
    "date": "November 2026",
    "short_title": "Ofsted annual report 2026",
    "file": "ofsted-2026.txt",
}
ITEM = {
    "id": "ofsted26-rec-1",
    "kind": "recommendation",
    "org": "ofsted",
    "locator": "p. 12, para 4.3",
    "themes": ("workforce", "inspection-improvement"),
    "key": True,
    "headline": "More social workers: 'now'.",
    "text": (
        "Local authorities should: #1 review their workforce plans, including agency use, "
        "before the end of March 2027 — and report 'progress' to members."
    ),
}


def test_a_new_source_is_appended_after_hand_edits(tmp_path: Path) -> None:
    sources = tmp_path / "sources.yaml"
    sources.write_text("# my notes\n- id: mine\n  title: Mine  # kept\n", encoding="utf-8")
    append_source(tmp_path, SOURCE)
    text = sources.read_text(encoding="utf-8")
    assert text.startswith("# my notes\n- id: mine\n  title: Mine  # kept\n")
    records = yaml.safe_load(text)
    assert records[0] == {"id": "mine", "title": "Mine"}
    assert records[1] == SOURCE
    assert list(records[1]) == list(SOURCE)  # the fixed order


def test_items_are_appended_readably_and_read_back_exactly(tmp_path: Path) -> None:
    path = append_items(tmp_path, "ofsted-2026", "Ofsted annual report", [ITEM])
    second = dict(ITEM, id="ofsted26-rec-2", key=False, headline="")
    append_items(tmp_path, "ofsted-2026", "Ofsted annual report", [second])
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["source"] == "ofsted-2026"
    assert data["items"][0] == dict(ITEM, themes=list(ITEM["themes"]))
    assert data["items"][1]["text"] == ITEM["text"]
    assert "key" not in data["items"][1] and "headline" not in data["items"][1]
    assert "  - id: ofsted26-rec-1\n    kind: recommendation\n" in text
    assert "themes: [workforce, inspection-improvement]" in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_a_file_that_would_not_read_back_is_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "items" / "ofsted-2026.yaml"
    path.parent.mkdir()
    broken = "source: ofsted-2026\nitems: []\n"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(BriefgenError, match=r"does not read as YAML|would not read back"):
        append_items(tmp_path, "ofsted-2026", "Ofsted", [ITEM])
    assert path.read_text(encoding="utf-8") == broken
    assert [p.name for p in path.parent.iterdir()] == ["ofsted-2026.yaml"]


SECRET = "root:x:0:0:root:/root:/bin/bash\n"


def link(path: Path, target: Path) -> None:
    try:
        path.symlink_to(target, target_is_directory=target.is_dir())
    except OSError:
        pytest.skip("this system cannot make a symbolic link")


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A folder outside the library, whose files must never be read or written."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "sources.yaml").write_text(SECRET, encoding="utf-8")
    (folder / "ofsted-2026.yaml").write_text(SECRET, encoding="utf-8")
    return folder


def touched_under(folder: Path, touched: list[str]) -> list[str]:
    return [path for path in touched if Path(os.path.realpath(path)).is_relative_to(folder)]


@pytest.mark.parametrize("linked", ["sources.yaml", "items file", "items folder"])
def test_nothing_is_read_or_written_through_a_link_leading_outside(
    tmp_path: Path, elsewhere: Path, files_touched: list[str], linked: str
) -> None:
    library = tmp_path / "library"
    library.mkdir()
    if linked == "sources.yaml":
        link(library / "sources.yaml", elsewhere / "sources.yaml")
    elif linked == "items file":
        (library / "items").mkdir()
        link(library / "items" / "ofsted-2026.yaml", elsewhere / "ofsted-2026.yaml")
    else:
        link(library / "items", elsewhere)
    files_touched.clear()
    with pytest.raises(BriefgenError, match=f"outside the library {library}") as raised:
        if linked == "sources.yaml":
            append_source(library, SOURCE)
        else:
            append_items(library, "ofsted-2026", "Ofsted", [ITEM])
    assert f"leads to {elsewhere}" in str(raised.value)
    assert touched_under(elsewhere, files_touched) == []
    assert sorted(p.name for p in elsewhere.iterdir()) == ["ofsted-2026.yaml", "sources.yaml"]
    assert (elsewhere / "sources.yaml").read_text(encoding="utf-8") == SECRET


def test_a_link_that_stays_inside_the_library_is_written_through(tmp_path: Path) -> None:
    (tmp_path / "shared.yaml").write_text("- id: mine\n  title: Mine\n", encoding="utf-8")
    link(tmp_path / "sources.yaml", tmp_path / "shared.yaml")
    append_source(tmp_path, SOURCE)
    assert (tmp_path / "sources.yaml").is_symlink()
    assert yaml.safe_load((tmp_path / "shared.yaml").read_text(encoding="utf-8"))[1] == SOURCE


def test_a_file_over_the_size_limit_is_neither_read_nor_grown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefgen.library import writer

    monkeypatch.setattr(writer, "CONTENT_FILE_BYTES", 2_000)
    import briefgen.content.yamlfile

    monkeypatch.setattr(briefgen.content.yamlfile, "CONTENT_FILE_BYTES", 2_000)
    sources = tmp_path / "sources.yaml"
    sources.write_text("# " + "x" * 2_100 + "\n", encoding="utf-8")
    with pytest.raises(BriefgenError, match=r"over briefgen's limit of 0\.1 MB.*unchanged"):
        append_source(tmp_path, SOURCE)
    sources.write_text("# " + "x" * 1_900 + "\n", encoding="utf-8")
    with pytest.raises(BriefgenError, match=r"it would be 0\.1 MB, over briefgen's limit"):
        append_source(tmp_path, SOURCE)
    assert sources.read_text(encoding="utf-8") == "# " + "x" * 1_900 + "\n"


def test_a_field_over_the_limit_or_an_unsafe_id_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BriefgenError, match=r"its 'text' is 10,001 characters long"):
        append_items(tmp_path, "ofsted-2026", "Ofsted", [dict(ITEM, text="x" * 10_001)])
    with pytest.raises(BriefgenError, match=r"'\.\./\.\./evil': an id must be lower-case"):
        append_items(tmp_path, "../../evil", "Ofsted", [ITEM])
    with pytest.raises(BriefgenError, match=r"cannot add source 'Ofsted 2026'"):
        append_source(tmp_path, dict(SOURCE, id="Ofsted 2026"))
    assert list(tmp_path.iterdir()) == []


def test_a_line_break_in_the_title_stays_inside_the_comment(tmp_path: Path) -> None:
    path = append_items(tmp_path, "ofsted-2026", "Report\u2028source: evil\nitems: []", [ITEM])
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["source"] == "ofsted-2026" and len(data["items"]) == 1


def test_what_the_writer_adds_is_a_library_the_loader_reads(
    make_content: Callable[..., Path], tmp_path: Path
) -> None:
    from briefgen.content import load_corpus
    from briefgen.library.folders import library_folders

    library = tmp_path / "mine"
    (library / "sources").mkdir(parents=True)
    (library / "sources" / "ofsted-2026.txt").write_text(
        "Summary\n\n" + ITEM["text"].replace("— and", "—\nand") + "\n", encoding="utf-8"
    )
    append_source(library, SOURCE)
    append_items(
        library,
        "ofsted-2026",
        SOURCE["title"],
        [dict(ITEM, org="dfe", themes=["workforce"])],
    )
    corpus = load_corpus(library_folders(make_content(), [library]))
    item = corpus.item("ofsted26-rec-1")
    assert item.library == "mine" and item.text == ITEM["text"]
    assert corpus.sources["ofsted-2026"].title == SOURCE["title"]
