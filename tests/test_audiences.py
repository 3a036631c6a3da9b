"""Audience profiles are data (templates/audiences.yaml): checked like the content, with file and
line, and what they say is what the selection and the layouts do."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefgen.audiences import AUDIENCES, Audience, load_audiences
from briefgen.cli import main
from briefgen.content import ITEM_KINDS, Corpus
from briefgen.content.paths import SHIPPED_TEMPLATES
from briefgen.errors import BriefgenError
from briefgen.pack import PackSpec, build_pack
from briefgen.pack.model import BulletList
from briefgen.selection import select_items

PROFILE_TEXT = """\
- id: members
  kinds: [recommendation, position, proposition, risk]
  key_only: true
  explain_acronyms: true
- id: cabinet
  kinds: [risk, recommendation]
  themes_first: [markets-commissioning]
  questions: true
"""


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A council's own copy of briefgen's templates folder, in use."""
    folder = tmp_path / "templates"
    shutil.copytree(SHIPPED_TEMPLATES, folder)
    monkeypatch.setenv("BRIEFGEN_TEMPLATES", str(folder))
    monkeypatch.chdir(tmp_path)  # messages name the file as the officer would type it
    return folder


def write_profiles(templates: Path, text: str) -> None:
    (templates / "audiences.yaml").write_text(text, encoding="utf-8")
    wording = (templates / "wording.yaml").read_text(encoding="utf-8")
    wording = wording.replace(
        "  partners: Partners\n", "  partners: Partners\n  cabinet: Cabinet\n"
    )
    (templates / "wording.yaml").write_text(wording, encoding="utf-8")


def test_the_shipped_profiles_are_the_products_audiences() -> None:
    assert list(AUDIENCES) == ["members", "scrutiny", "senior-officers", "partners"]
    assert AUDIENCES["members"] == Audience(
        "members",
        kinds=("recommendation", "position", "proposition", "risk"),
        key_only=True,
        explain_acronyms=True,
        briefing_items=6,
    )
    assert AUDIENCES["senior-officers"].kinds == ITEM_KINDS  # `kinds: all`
    # Councillors on a scrutiny committee get acronyms explained and a glossary too.
    assert AUDIENCES["scrutiny"].explain_acronyms
    assert AUDIENCES["scrutiny"].questions and not AUDIENCES["partners"].questions
    assert AUDIENCES["partners"].themes_first == ("partnership-integration",)


def test_a_councils_own_audience_is_offered_and_laid_out_as_its_profile_says(
    templates: Path, small_corpus: Corpus
) -> None:
    write_profiles(templates, PROFILE_TEXT)
    assert list(AUDIENCES) == ["members", "cabinet"]
    # Only its kinds: the position and the evidence are left out.
    assert [item.id for item in select_items(small_corpus, audience="cabinet")] == [
        "t-cherry-picked"
    ]
    pack = build_pack(small_corpus, PackSpec(layout="member-briefing", audience="cabinet"))
    assert pack.audience_label == "Cabinet"
    questions = [s for s in pack.sections if s.title.startswith("Questions the committee")]
    assert questions and isinstance(questions[0].blocks[1], BulletList)
    themes = [s.title for s in pack.sections if s.level == 2]
    assert themes[0] == "Markets and commissioning"


def test_every_problem_in_the_profiles_is_named_with_file_and_line(templates: Path) -> None:
    write_profiles(
        templates,
        "- id: members\n"
        "  kinds: [recomendation, risk]\n"
        "- id: Cabinet\n"
        "  kinds: all\n"
        "  question: true\n"
        "- id: scrutiny\n"
        "  kinds: [risk]\n"
        "  questions: sometimes\n"
        "- id: members\n"
        "  kinds: [risk]\n",
    )
    with pytest.raises(BriefgenError) as raised:
        load_audiences()
    assert str(raised.value).splitlines() == [
        "5 problems in the audience profiles:",
        "templates/audiences.yaml:5: audience 'Cabinet': unknown field 'question' (did you mean "
        "'questions'?)",
        "templates/audiences.yaml:8: audience 'scrutiny': 'questions' must be true or false",
        "templates/audiences.yaml:9: audience 'members': duplicate id, first used at "
        "templates/audiences.yaml:1; give one of them a new id",
        "templates/audiences.yaml:2: audience 'members': unknown kind 'recomendation' (did you "
        "mean 'recommendation'?); kinds are " + ", ".join(ITEM_KINDS) + " (or write 'kinds: all')",
        "templates/audiences.yaml:3: audience 'Cabinet': id must be lower-case letters, digits "
        "and hyphens",
    ]


def test_a_missing_profiles_file_stops_the_command_with_a_message_not_a_traceback(
    templates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (templates / "audiences.yaml").unlink()
    assert main(["themes"]) == 1
    error = capsys.readouterr().err
    assert "audiences.yaml: audience profiles not found; copy audiences.yaml from" in error
    assert "Traceback" not in error


def test_an_edit_to_the_profiles_is_read_afresh(templates: Path) -> None:
    assert AUDIENCES["members"].key_only
    text = (templates / "audiences.yaml").read_text(encoding="utf-8")
    (templates / "audiences.yaml").write_text(
        text.replace("  key_only: true\n", ""), encoding="utf-8"
    )
    assert not AUDIENCES["members"].key_only


def test_an_audience_without_a_name_in_the_wording_is_a_build_error(
    templates: Path, small_corpus: Corpus
) -> None:
    (templates / "audiences.yaml").write_text(PROFILE_TEXT, encoding="utf-8")
    with pytest.raises(BriefgenError, match=r"audience 'cabinet' has no name in the wording; add"):
        build_pack(small_corpus, PackSpec(audience="cabinet"))
