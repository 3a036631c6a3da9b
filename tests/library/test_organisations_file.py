"""Adding an organisation to the user's library (the app's "New organisation…"): checked in
the loader's words, appended atomically with the file's comments kept, and read back by the
loader alongside every other library."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from briefgen.content import Corpus, load_corpus
from briefgen.errors import BriefgenError
from briefgen.library.folders import library_folders
from briefgen.library.organisations_file import (
    add_organisation,
    organisation_problems,
    suggested_id,
    suggested_short,
)

HAND_WRITTEN = (
    "# Our own list: keep this comment.\n"
    "- id: sefton-council\n"
    "  name: Sefton Council\n"
    "  short: Sefton  # what the committee calls it\n"
)


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Care Quality Commission", "CQC"),
        ("Department of Health and Social Care", "DHSC"),
        ("Office for Standards in Education (Ofsted)", "Ofsted"),
        ("HM Treasury", "HM Treasury"),
        ("Children's   Commissioner for England", "CCE"),
        ("the  Children's   Commissioner", "the Children's Commissioner"),
    ],
)
def test_the_short_name_is_an_abbreviation_initials_or_first_words(name: str, short: str) -> None:
    assert suggested_short(name) == short


def test_the_suggested_id_is_made_from_the_name_and_never_taken(shipped_corpus: Corpus) -> None:
    assert suggested_id("Office for Standards in Education (Ofsted)", set()) == (
        "office-for-standards-in-education"
    )
    assert suggested_id("LGA", shipped_corpus.organisations) == "lga-2"
    assert suggested_id("  (…) ", set()) == ""


def test_problems_name_the_field_in_the_loaders_words(shipped_corpus: Corpus) -> None:
    assert organisation_problems(shipped_corpus, "", " ", "") == [
        ("name", "organisation: 'name' is empty; write it out"),
        ("short", "organisation: 'short' is empty; write it out"),
        ("id", "organisation: 'id' is empty; write it out"),
    ]
    assert organisation_problems(shipped_corpus, "New_Org", "New", "N") == [
        ("id", "organisation 'New_Org': id must be lower-case letters, digits and hyphens")
    ]
    lga = shipped_corpus.organisations["lga"]
    assert organisation_problems(shipped_corpus, "lga", "Other", "O") == [
        ("id", f"organisation 'lga': the id is taken by '{lga.name}'; choose another id")
    ]


def test_an_added_organisation_keeps_the_files_comments_and_loads(
    shipped_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "yours"
    (library / "items").mkdir(parents=True)  # a user library the loader reads
    (library / "organisations.yaml").write_text(HAND_WRITTEN, encoding="utf-8")
    monkeypatch.setenv("BRIEFGEN_USER_LIBRARY", str(library))
    organisation, learnt = add_organisation(
        shipped_corpus, library, "cqc", " Care  Quality Commission", "CQC "
    )
    assert tuple(organisation) == ("cqc", "Care Quality Commission", "CQC")
    text = (library / "organisations.yaml").read_text(encoding="utf-8")
    assert text.startswith(HAND_WRITTEN)
    assert (
        text[len(HAND_WRITTEN) :] == "\n- id: cqc\n  name: Care Quality Commission\n  short: CQC\n"
    )
    assert learnt.organisations["cqc"] == organisation
    assert "cqc" not in shipped_corpus.organisations  # the corpus given is not changed
    reloaded = load_corpus(library_folders())
    assert reloaded.organisations["cqc"] == organisation
    assert reloaded.organisations["sefton-council"].short == "Sefton"


def test_a_new_library_file_starts_with_its_header(shipped_corpus: Corpus, tmp_path: Path) -> None:
    library = tmp_path / "new-library"
    add_organisation(shipped_corpus, library, "hm-treasury", "HM Treasury", "HM Treasury")
    text = (library / "organisations.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Whose view an item states") and text.endswith("short: HM Treasury\n")


def test_one_written_before_is_taken_as_it_is_and_a_different_one_is_refused(
    shipped_corpus: Corpus, tmp_path: Path
) -> None:
    library = tmp_path / "yours"
    library.mkdir()
    (library / "organisations.yaml").write_text(HAND_WRITTEN, encoding="utf-8")
    organisation, learnt = add_organisation(
        shipped_corpus, library, "sefton-council", "Sefton Council", "Sefton"
    )
    assert learnt.organisations["sefton-council"] == organisation
    assert (library / "organisations.yaml").read_text(encoding="utf-8") == HAND_WRITTEN
    with pytest.raises(BriefgenError) as refused:
        add_organisation(shipped_corpus, library, "sefton-council", "Sefton MBC", "SMBC")
    assert str(refused.value) == (
        "cannot add the organisation: organisation 'sefton-council': the id is taken by "
        f"'Sefton Council' in {library / 'organisations.yaml'}; choose another id"
    )


def test_a_failed_write_leaves_the_file_as_it_was_and_names_it(
    shipped_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "yours"
    library.mkdir()
    path = library / "organisations.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")

    def full_disc(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disc)
    with pytest.raises(BriefgenError, match=f"cannot write {path}: no space left on device"):
        add_organisation(shipped_corpus, library, "cqc", "Care Quality Commission", "CQC")
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN
    assert sorted(p.name for p in library.iterdir()) == ["organisations.yaml"]  # no temp file
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    with pytest.raises(BriefgenError, match=f"cannot write {path}: the file is read-only"):
        add_organisation(shipped_corpus, library, "cqc", "Care Quality Commission", "CQC")
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN
