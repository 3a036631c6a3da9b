"""The parsed pack wording is cached on disk, keyed by the file's bytes, so a command-line build
need not import the YAML parser; any edit to the wording is read afresh."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen import diskcache
from briefgen.content.paths import SHIPPED_TEMPLATES
from briefgen.errors import BriefgenError
from briefgen.pack import wording


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "templates"
    shutil.copytree(SHIPPED_TEMPLATES, folder)
    monkeypatch.setenv("BRIEFGEN_TEMPLATES", str(folder))
    wording._load.cache_clear()
    yield folder
    wording._load.cache_clear()


def _fresh_load() -> dict:
    wording._load.cache_clear()
    return wording.load_wording()


def test_the_cached_wording_is_the_parsed_wording(templates: Path) -> None:
    first = _fresh_load()
    cached = _fresh_load()
    assert cached == first
    assert cached["labels"]["contents"] == "Contents"
    assert diskcache.entry_path("wording", templates / "wording.yaml").is_file()


def test_an_edit_to_the_wording_is_read_afresh(templates: Path) -> None:
    path = templates / "wording.yaml"
    before = _fresh_load()
    assert before["labels"]["contents"] == "Contents"
    text = path.read_text(encoding="utf-8").replace("  contents: Contents", "  contents: In here")
    path.write_text(text, encoding="utf-8")
    assert _fresh_load()["labels"]["contents"] == "In here"


def test_a_damaged_cache_entry_is_ignored(templates: Path) -> None:
    expected = _fresh_load()
    diskcache.entry_path("wording", templates / "wording.yaml").write_bytes(b"not a pickle")
    assert _fresh_load() == expected


def test_broken_wording_is_still_an_error_naming_the_file(templates: Path) -> None:
    _fresh_load()
    (templates / "wording.yaml").write_text("contents: [unclosed\n", encoding="utf-8")
    with pytest.raises(BriefgenError, match=r"wording\.yaml: cannot read the pack wording"):
        _fresh_load()


def test_a_word_build_with_warm_caches_reads_no_yaml(tmp_path: Path) -> None:
    """The speed of a small Word build rests on this (docs/decisions/0006)."""
    script = (
        "import sys\n"
        "from briefgen.command import run\n"
        f"sys.argv = ['briefgen', 'build', '-o', {str(tmp_path / 'p.docx')!r}]\n"
        "run()\n"
        "print('yaml' in sys.modules, file=sys.stderr)\n"
    )
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert first.returncode == 0, first.stderr  # fills the corpus and wording caches
    second = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert second.returncode == 0, second.stderr
    assert second.stderr.strip().splitlines()[-1] == "False"
    assert (tmp_path / "p.docx").is_file()


def test_a_councils_wording_without_a_key_briefgen_needs_names_it(templates: Path) -> None:
    path = templates / "wording.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('  email: "Email: {email}"\n', "").replace("  contents: Contents\n", "")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefgenError) as raised:
        _fresh_load()
    assert str(raised.value) == (
        f"{path}: no wording for labels.contents, pack.email; copy it from "
        f"{SHIPPED_TEMPLATES / 'wording.yaml'}"
    )


def test_a_councils_cached_wording_is_checked_again_when_briefgens_gains_a_key(
    templates: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fresh_load()  # the council's copy, complete, is now cached
    newer = tmp_path / "newer" / "wording.yaml"
    newer.parent.mkdir()
    text = (SHIPPED_TEMPLATES / "wording.yaml").read_text(encoding="utf-8")
    newer.write_text(text.replace("labels:\n", "labels:\n  new_label: New\n"), encoding="utf-8")
    monkeypatch.setattr(wording, "SHIPPED", newer)
    with pytest.raises(BriefgenError, match=r"no wording for labels\.new_label; copy it from"):
        _fresh_load()
