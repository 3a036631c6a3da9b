"""Characters the PDF's bundled font cannot print are named in a warning, with where they are."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefgen.content import Corpus
from briefgen.pack import MeetingDetails, OfficerText, PackSpec, build_pack
from briefgen.pack.model import Pack
from briefgen.pack.wording import assets_dir
from briefgen.render import fontcheck, render
from briefgen.render.fontcheck import bundled_fonts, unprintable_warning

EMOJI_IN_TITLE = (
    "The PDF's font (Open Sans) cannot print a character, which would come out as an empty box "
    "or in another typeface: U+1F600 (😀) in the title. Replace or remove it."
)


def pack_with(corpus: Corpus, title: str = "Funding pressures", **officer: object) -> Pack:
    spec = PackSpec(
        themes=["funding"],
        meeting=MeetingDetails(title=title, meeting="Cabinet"),
        officer=OfficerText(**officer),  # type: ignore[arg-type]
    )
    return build_pack(corpus, spec)


def test_an_emoji_in_the_title_is_named_in_the_pdf_build_warnings(shipped_corpus: Corpus) -> None:
    result = render(pack_with(shipped_corpus, "Funding pressures 😀"), shipped_corpus, "pdf")
    assert result.warnings == (EMOJI_IN_TITLE,)


def test_a_pack_in_ordinary_text_gets_no_font_warning(shipped_corpus: Corpus) -> None:
    # Curly quotes, dashes, accents and the pound sign are all in the font.
    pack = pack_with(
        shipped_corpus,
        "Children’s services — “what next?” for café staff, £5m",
        key_messages=["Costs rise 3–4% a year…", "Naïve rôle façade"],
    )
    assert render(pack, shipped_corpus, "pdf").warnings == ()


def test_the_word_file_is_not_warned_about(shipped_corpus: Corpus) -> None:
    # Word picks a font that has the character on the reader's machine (see fontcheck).
    result = render(pack_with(shipped_corpus, "Funding pressures 😀"), shipped_corpus, "docx")
    assert result.warnings == ()


def test_each_place_is_named_with_its_characters(shipped_corpus: Corpus) -> None:
    pack = pack_with(
        shipped_corpus,
        "Funding 😀",
        key_messages=["Plan for 中文 readers ✓"],
        notes="Thumbs up 👍",
    )
    assert unprintable_warning(pack) == (
        "The PDF's font (Open Sans) cannot print some characters, which would come out as empty "
        "boxes or in another typeface: U+1F600 (😀) in the title; U+4E2D (中), U+6587 (文) and "
        "U+2713 (✓) in the 'Key messages' section; U+1F44D (👍) in the 'Officer's notes' "
        "section. Replace or remove them."
    )


def test_a_long_run_of_characters_is_cut_short(shipped_corpus: Corpus) -> None:
    ideographs = "".join(chr(code_point) for code_point in range(0x4E00, 0x4E00 + 20))
    warning = unprintable_warning(pack_with(shipped_corpus, key_messages=[ideographs]))
    assert "U+4E05 (丅) and 14 more in the 'Key messages' section." in warning
    assert "U+4E06" not in warning


def test_many_places_are_cut_short(shipped_corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fontcheck, "MAX_PLACES_NAMED", 1)
    pack = pack_with(shipped_corpus, "Funding 😀", key_messages=["中"], notes="👍")
    assert unprintable_warning(pack).endswith(
        ": U+1F600 (😀) in the title; more in 2 other parts of the pack. Replace or remove them."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Cafe\u0301",  # "e" and a combining accent: printed as the font's own "é"
        "Well done\u200d",  # a zero-width joiner draws nothing
        "Ideographic\u3000space",  # spaces are made from the font's own space
    ],
)
def test_characters_that_draw_nothing_of_their_own_are_not_named(
    shipped_corpus: Corpus, text: str
) -> None:
    assert unprintable_warning(pack_with(shipped_corpus, text)) == ""


def test_an_emoji_is_named_without_the_selector_that_follows_it(shipped_corpus: Corpus) -> None:
    warning = unprintable_warning(pack_with(shipped_corpus, "Thank you \u2764\ufe0f"))
    assert "U+2764 (\u2764) in the title." in warning and "FE0F" not in warning


def test_the_fonts_are_the_ones_the_stylesheet_loads(
    shipped_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fonts = bundled_fonts()
    assert fonts.families == ("Open Sans",) and "é" in fonts.printable
    assert "😀" not in fonts.printable
    # A council's assets folder whose style loads no font of its own: nothing to check against.
    council = tmp_path / "assets"
    shutil.copytree(assets_dir(), council)
    css = (council / "pack.css").read_text(encoding="utf-8")
    (council / "pack.css").write_text(css.replace("@font-face", "@ignored"), encoding="utf-8")
    monkeypatch.setenv("BRIEFGEN_ASSETS", str(council))
    assert bundled_fonts().unprintable is None
    assert unprintable_warning(pack_with(shipped_corpus, "Funding 😀")) == ""


def test_a_font_that_cannot_be_read_is_left_out(
    shipped_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    council = tmp_path / "assets"
    shutil.copytree(assets_dir(), council)
    for font in (council / "fonts").glob("*.ttf"):
        font.write_bytes(b"not a font")
    monkeypatch.setenv("BRIEFGEN_ASSETS", str(council))
    assert bundled_fonts().printable == frozenset()
    assert unprintable_warning(pack_with(shipped_corpus, "Funding 😀")) == ""


def test_the_fonts_are_read_once(shipped_corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled_fonts()  # read (or already read by an earlier test)
    reads: list[Path] = []
    monkeypatch.setattr(fontcheck, "_face_characters", lambda path: reads.append(path))
    unprintable_warning(pack_with(shipped_corpus, "Funding 😀"))
    assert reads == []
