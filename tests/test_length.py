"""The length estimate a Word build uses, held against the laid-out PDF of the same pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.content.model import Corpus
from briefgen.pack import PackSpec, build_pack
from briefgen.render import render
from briefgen.render.html import render_html_string
from briefgen.render.length import estimate
from briefgen.render.pdf import layout, section_lengths

CASES = [
    ("member-briefing", "members", ["funding"]),
    ("committee-report", "scrutiny", ["workforce", "early-help"]),
    ("evidence-pack", "senior-officers", ["governance-accountability"]),
]


@pytest.mark.parametrize(("layout_name", "audience", "themes"), CASES)
def test_the_estimate_is_within_a_page_of_the_laid_out_pdf(
    shipped_corpus: Corpus, layout_name: str, audience: str, themes: list[str]
) -> None:
    spec = PackSpec(layout=layout_name, audience=audience, themes=themes)
    pack = build_pack(shipped_corpus, spec)
    document = layout(render_html_string(pack, shipped_corpus))
    pages, lengths = estimate(pack)
    assert abs(pages - len(document.pages)) <= 1, (pages, len(document.pages))
    # Each themed section's estimated length is close to its measured one: within 0.6 of a
    # page, or 6% of a long section (the estimate counts characters, so its error grows with the
    # section: the shipped governance section is 75 quotes, 15 pages, since the corpus review).
    measured = {length.title: length.pages for length in section_lengths(pack, document)}
    for length in lengths:
        if length.quotes >= 3 and length.title in measured:
            allowed = max(0.6, 0.06 * measured[length.title])
            assert length.pages == pytest.approx(measured[length.title], abs=allowed), length.title


def test_a_word_build_over_its_norm_warns_with_the_estimate_and_what_to_trim(
    shipped_corpus: Corpus,
) -> None:
    spec = PackSpec(layout="committee-report", audience="scrutiny", themes=["funding"])
    pack = build_pack(shipped_corpus, spec)
    pages, _ = estimate(pack)
    assert pages > 5
    result = render(pack._replace(page_limit=5), shipped_corpus, "docx")
    assert result.page_count is None and result.estimated_pages == pages
    (warning,) = result.warnings
    assert warning.startswith(
        f"The committee report will run to about {pages} pages in print; a committee report "
        "should keep to 5"
    )
    assert "Trim: Funding (" in warning
    within = render(pack._replace(page_limit=pages), shipped_corpus, "docx")
    assert within.warnings == ()
    large = pack._replace(page_limit=5, large_print=True)
    assert render(large, shipped_corpus, "docx").warnings == ()


def test_the_word_build_reports_its_estimated_length(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "briefing.docx"
    args = ["build", "--layout", "member-briefing", "--audience", "members"]
    assert main([*args, "--theme", "workforce", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "pages in print" in captured.out and "about " in captured.out
    assert captured.err == ""  # a one-theme briefing is within its norm
