"""An imported source in a library: its original file kept beside the extracted text, and a map
of where its pages, headings and numbered paragraphs are, from which an item that leaves out
`locator` gets one."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from briefgen.content import load_corpus
from briefgen.errors import ContentError
from briefgen.library.folders import library_folders

PAGE_11 = "Summary\n\n4.2 Councils report rising demand for early help.\n\n"
PAGE_12 = (
    "4.3 Every council should publish its early help offer, and review it each year with\n"
    "its partners.\n\nFunding\n\nThe grant has not kept pace with need.\n"
)
TEXT = PAGE_11 + PAGE_12
SOURCE = """\
- id: review-2026
  title: Early help review
  publisher: Shire County Council
  date: "2026"
  short_title: Early help review
  file: review-2026.txt
  original: originals/review-2026.pdf
  map: review-2026.map.json
"""
ITEMS = """\
source: review-2026
items:
  - id: rev-publish
    kind: recommendation
    org: dfe
    themes: [early-help]
    text: Every council should publish its early help offer
  - id: rev-grant
    kind: evidence
    org: dfe
    themes: [funding]
    text: The grant has not kept pace with need.
  - id: rev-own
    kind: evidence
    org: dfe
    locator: Chapter 4 (the officer's own)
    themes: [early-help]
    text: Councils report rising demand for early help.
"""


def structure_map(text: str = TEXT) -> dict[str, object]:
    """The map as the importer writes it: the extractors' `as_dict` plus the text's digest."""
    start = TEXT.index("4.3")
    heading = TEXT.index("Funding")
    return {
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "kind": "pdf",
        "pages": [
            [0, len(PAGE_11), 0, "11", "printed"],
            [len(PAGE_11), len(TEXT), 1, "12", "printed"],
        ],
        "headings": [[heading, heading + 7, "Funding", 2, ""]],
        "paragraphs": [[start, heading, "4.3"]],
        "metadata": {"title": "", "author": "", "publisher": "", "date": "", "first_heading": ""},
        "warnings": [],
        "notices": [],
    }  # fmt: skip


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "mine"
    for name in ("sources", "originals", "items"):
        (folder / name).mkdir(parents=True)
    (folder / "sources.yaml").write_text(SOURCE, encoding="utf-8")
    (folder / "sources" / "review-2026.txt").write_text(TEXT, encoding="utf-8")
    write_map(folder, structure_map())
    (folder / "originals" / "review-2026.pdf").write_bytes(b"%PDF-1.7 kept as it came")
    (folder / "items" / "review-2026.yaml").write_text(ITEMS, encoding="utf-8")
    return folder


def write_map(library: Path, fields: dict[str, object]) -> None:
    (library / "sources" / "review-2026.map.json").write_text(json.dumps(fields), "utf-8")


def load(content: Path, library: Path) -> object:
    return load_corpus(library_folders(content, [library]))


def problems(content: Path, library: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load(content, library)
    return raised.value.problems


def test_an_item_without_a_locator_gets_one_from_the_map(
    make_content: Callable[..., Path], library: Path
) -> None:
    corpus = load_corpus(library_folders(make_content(), [library]))
    assert corpus.item("rev-publish").locator == "p. 12, para 4.3"
    assert corpus.item("rev-grant").locator == "p. 12, 'Funding'"
    assert corpus.item("rev-own").locator == "Chapter 4 (the officer's own)"
    assert corpus.sources["review-2026"].original == "originals/review-2026.pdf"


def test_a_changed_map_changes_the_locators_of_files_not_edited(
    make_content: Callable[..., Path], library: Path
) -> None:
    content = make_content()
    assert load_corpus(library_folders(content, [library])).item("rev-publish").locator == (
        "p. 12, para 4.3"
    )
    fields = structure_map()
    fields["pages"][1][3] = "xii"  # type: ignore[index]
    write_map(library, fields)
    corpus = load_corpus(library_folders(content, [library]))
    assert corpus.item("rev-publish").locator == "p. xii, para 4.3"


def test_a_text_edited_after_import_no_longer_takes_locators_from_its_map(
    make_content: Callable[..., Path], library: Path
) -> None:
    text = library / "sources" / "review-2026.txt"
    text.write_text(TEXT.replace("Summary", "Summary of findings"), encoding="utf-8")
    found = problems(make_content(), library)
    assert found[0] == (
        "mine/sources/review-2026.map.json: source 'review-2026': the source's text has "
        "changed since this map was made, so it no longer says where its pages are; import "
        "the document again, or write each item's locator by hand and remove `map`"
    )
    # Without a map, each item needs its locator as usual.
    assert "mine/items/review-2026.yaml:3: item 'rev-publish': missing field 'locator'; add it" in (
        found
    )


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        ([], "not a JSON object"),
        ({"kind": "pdf"}, "'text_sha256'"),
        (dict(structure_map(), pages=[[0, 10_000, 0, "1", "printed"]]), "outside the text"),
        (dict(structure_map(), pages="all"), ""),
    ],
)
def test_a_map_briefgen_cannot_read_is_named(
    make_content: Callable[..., Path], library: Path, fields: object, why: str
) -> None:
    (library / "sources" / "review-2026.map.json").write_text(json.dumps(fields), "utf-8")
    found = problems(make_content(), library)
    assert found[0].startswith(
        "mine/sources/review-2026.map.json: source 'review-2026': not a source map briefgen "
        "can read ("
    )
    assert why in found[0]


def test_a_map_outside_the_library_is_never_read(
    make_content: Callable[..., Path], library: Path, tmp_path: Path, files_touched: list[str]
) -> None:
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(json.dumps(structure_map()), encoding="utf-8")
    mapped = library / "sources" / "review-2026.map.json"
    mapped.unlink()
    try:
        mapped.symlink_to(elsewhere)
    except OSError:
        pytest.skip("this system cannot make a symbolic link")
    content = make_content()
    files_touched.clear()
    found = problems(content, library)
    assert found[0] == (
        f"mine/sources/review-2026.map.json: this source map is a link to {elsewhere}, outside "
        "the content folder; copy the file into the content folder instead (briefgen reads "
        "nothing outside it)"
    )
    assert str(elsewhere) not in [os.path.realpath(path) for path in files_touched]


@pytest.mark.parametrize(
    ("original", "message"),
    [
        (
            "originals/gone.pdf",
            "its original file 'originals/gone.pdf' is missing or not a file; put the imported "
            "file back, or remove 'original'",
        ),
        (
            "../../etc/passwd",
            "its original '../../etc/passwd' must be a path inside the library folder, such as "
            "originals/<source id>.pdf",
        ),
    ],
)
def test_the_original_must_be_a_file_inside_the_library(
    make_content: Callable[..., Path], library: Path, original: str, message: str
) -> None:
    sources = library / "sources.yaml"
    unmapped = SOURCE.replace("  map: review-2026.map.json\n", "")
    sources.write_text(unmapped.replace("originals/review-2026.pdf", original), encoding="utf-8")
    (library / "items" / "review-2026.yaml").write_text(
        ITEMS.replace("org: dfe\n    themes:", "org: dfe\n    locator: p. 12\n    themes:"),
        encoding="utf-8",
    )
    assert problems(make_content(), library) == [
        f"mine/sources.yaml:7: source 'review-2026': {message}"
    ]


def test_an_original_linked_outside_the_library_is_refused(
    make_content: Callable[..., Path], library: Path, tmp_path: Path
) -> None:
    original = library / "originals" / "review-2026.pdf"
    original.unlink()
    try:
        original.symlink_to(tmp_path / "elsewhere.pdf")
    except OSError:
        pytest.skip("this system cannot make a symbolic link")
    found = problems(make_content(), library)
    assert (
        "mine/sources.yaml:7: source 'review-2026': its original 'originals/review-2026.pdf' "
        f"leads to {tmp_path}/elsewhere.pdf, outside the library folder; keep the imported "
        "file in the library's originals/ folder"
    ) in found
