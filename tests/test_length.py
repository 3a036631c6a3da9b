"""The length estimate a Word build uses, held against the laid-out PDF of the same pack."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdfium2
import pytest

from briefgen.cli import main
from briefgen.content.model import Corpus
from briefgen.pack import PackSpec, build_pack
from briefgen.render import render
from briefgen.render.html import render_html_string
from briefgen.render.length import body_sections, estimate
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
    # (A committee report's appendix as a whole is left out: it starts a page of its own, which
    # the estimate does not model; its themes are compared like any others.)
    # Known gap: inside a committee report's Appendix A the estimate runs short by up to an
    # eighth (lettered numbers and editor's marks are not modelled), hence the wider margin.
    measured = {length.title: length.pages for length in section_lengths(pack, document)}
    appendices = {section.title for section in pack.sections if section.appendix}
    in_appendix = _appendix_themes(pack)
    for length in lengths:
        whole_appendix = length.title in appendices and length.level == 1
        if length.quotes >= 3 and length.title in measured and not whole_appendix:
            share = 0.13 if length.title in in_appendix else 0.06
            allowed = max(0.6, share * measured[length.title])
            assert length.pages == pytest.approx(measured[length.title], abs=allowed), length.title


def _appendix_themes(pack: object) -> set[str]:
    """The titles of the sections that come after the first appendix heading."""
    titles: set[str] = set()
    inside = False
    for section in pack.sections:  # type: ignore[attr-defined]
        inside = inside or section.appendix
        if inside:
            titles.add(section.title)
    return titles


LARGE_PRINT_CASES = [
    ("member-briefing", "members", ["inspection-improvement", "workforce"]),
    ("committee-report", "members", ["partnership-integration"]),
]


@pytest.mark.parametrize(("layout_name", "audience", "themes"), LARGE_PRINT_CASES)
def test_the_large_print_estimate_is_within_a_page_or_a_tenth_of_the_pdf(
    shipped_corpus: Corpus, layout_name: str, audience: str, themes: list[str]
) -> None:
    spec = PackSpec(layout=layout_name, audience=audience, themes=themes)
    spec.meeting.large_print = True
    pack = build_pack(shipped_corpus, spec)
    laid_out = len(layout(render_html_string(pack, shipped_corpus)).pages)
    pages, _ = estimate(pack)
    assert abs(pages - laid_out) <= max(1, 0.1 * laid_out), (pages, laid_out)
    # The Word file's estimate: Arial runs a little shorter than the PDF's Open Sans, never
    # half as long (it said 6 pages for a 13-page file).
    word_pages, _ = estimate(pack, word=True)
    assert 0.75 * laid_out <= word_pages <= laid_out


def _arial_metrics() -> bool:
    """Whether LibreOffice here lays out Arial in Arial's metrics (Arial or Liberation Sans):
    with a wider stand-in its pages are not Word's."""
    if shutil.which("soffice") is None or shutil.which("fc-match") is None:
        return False
    found = subprocess.run(["fc-match", "Arial"], capture_output=True, text=True).stdout
    return "Arial" in found or "Liberation Sans" in found


@pytest.mark.skipif(
    not _arial_metrics(), reason="needs LibreOffice and Arial or Liberation Sans (fonts-liberation)"
)
def test_the_word_estimate_is_within_a_page_or_a_tenth_of_the_word_file(
    shipped_corpus: Corpus, tmp_path: Path
) -> None:
    estimates = {}
    for index, (layout_name, audience, themes) in enumerate([*CASES[:2], *LARGE_PRINT_CASES]):
        spec = PackSpec(layout=layout_name, audience=audience, themes=themes)
        spec.meeting.large_print = index >= 2
        result = render(build_pack(shipped_corpus, spec), shipped_corpus, "docx")
        (tmp_path / f"pack{index}.docx").write_bytes(result.data)
        estimates[f"pack{index}"] = result.estimated_pages
    profile = (tmp_path / "profile").as_uri()  # its own profile: another soffice may be running
    files = [str(tmp_path / f"{name}.docx") for name in estimates]
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *files,
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    for name, estimated in estimates.items():
        laid_out = len(pypdfium2.PdfDocument(tmp_path / f"{name}.pdf"))
        assert estimated is not None
        assert abs(estimated - laid_out) <= max(1, 0.1 * laid_out), (name, estimated, laid_out)


def test_a_word_build_over_its_norm_warns_with_the_estimate_and_what_to_trim(
    shipped_corpus: Corpus,
) -> None:
    spec = PackSpec(layout="member-briefing", audience="senior-officers", themes=["funding"])
    pack = build_pack(shipped_corpus, spec)
    pages, _ = estimate(pack)
    assert pages > 3
    result = render(pack._replace(page_limit=3), shipped_corpus, "docx")
    assert result.page_count is None and result.estimated_pages == pages
    (warning,) = result.warnings
    assert warning.startswith(
        f"The officer briefing will run to about {pages} pages in print, over the 3 it "
        "should keep to"
    )
    assert "Trim: Funding (" in warning
    within = render(pack._replace(page_limit=pages), shipped_corpus, "docx")
    assert within.warnings == ()
    large = pack._replace(page_limit=3, large_print=True)
    assert render(large, shipped_corpus, "docx").warnings == ()


def test_a_reports_norm_counts_its_body_after_the_cover_and_before_the_appendices(
    shipped_corpus: Corpus,
) -> None:
    spec = PackSpec(layout="committee-report", audience="scrutiny", themes=["funding"])
    pack = build_pack(shipped_corpus, spec)
    whole, _ = estimate(pack)
    body = body_sections(pack)
    assert 0 < len(body) < len(pack.sections) and pack.sections[len(body)].appendix
    body_pages = estimate(pack._replace(sections=body))[0] - 1  # less the cover sheet
    assert body_pages < whole - 3  # the appendix quotes most of the items
    result = render(pack._replace(page_limit=body_pages - 1), shipped_corpus, "docx")
    (warning,) = result.warnings
    assert warning.startswith(
        f"The body of the committee report will run to about {body_pages} pages in print, "
        f"over the {body_pages - 1} it should keep to"
    )
    assert render(pack._replace(page_limit=body_pages), shipped_corpus, "docx").warnings == ()
    # The PDF measures the same: its appendix starts a page of its own, after the body's pages.
    pdf = render(pack._replace(page_limit=1), shipped_corpus, "pdf")
    (measured,) = pdf.warnings
    counted = int(measured.split(" runs to ")[1].split(" ")[0])
    document = layout(render_html_string(pack, shipped_corpus))
    appendix = pack.sections[len(body)].anchor
    first_appendix_page = next(n for n, p in enumerate(document.pages) if appendix in p.anchors)
    assert counted == first_appendix_page - 1
    assert abs(counted - body_pages) <= 1


def test_the_word_build_reports_its_estimated_length(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "briefing.docx"
    args = ["build", "--layout", "member-briefing", "--audience", "members"]
    assert main([*args, "--theme", "workforce", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "pages in print" in captured.out and "about " in captured.out
    assert captured.err == ""  # a one-theme briefing is within its norm
