"""The PDF: every quote in it, tagged and titled, marked on every page, loading nothing foreign."""

from __future__ import annotations

import io
import logging
import math
import re
import socket
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pikepdf
import pypdf
import pytest
from tests.conftest import make_spec
from weasyprint.urls import URLFetcherResponse

from briefgen.content import Corpus
from briefgen.pack import LAYOUTS, OfficerText, build_pack
from briefgen.pack.model import Pack, Quote
from briefgen.pack.wording import assets_dir, templates_dir
from briefgen.render import RenderOptions, RenderResult, render
from briefgen.render import fetcher as fetcher_module
from briefgen.render.fetcher import AssetFetcher, RefusedURL
from briefgen.render.html import render_html_string
from briefgen.render.pdf import SectionLength, layout, length_warning
from briefgen.selection import AUDIENCES

INJECTED = '<img src="http://example.invalid/x.png"> url(file:///etc/passwd)'
A4_HEIGHT = 842


@pytest.fixture(scope="module")
def built(small_corpus: Corpus) -> Callable[..., tuple[Pack, RenderResult]]:
    """Build (and remember) the PDF for a layout, audience and print size."""
    cache: dict[tuple[str, str, bool], tuple[Pack, RenderResult]] = {}

    def build(
        layout: str, audience: str = "members", large_print: bool = False
    ) -> tuple[Pack, RenderResult]:
        key = (layout, audience, large_print)
        if key not in cache:
            pack = build_pack(small_corpus, make_spec(layout, audience, large_print=large_print))
            cache[key] = (pack, render(pack, small_corpus, "pdf", RenderOptions()))
        return cache[key]

    return build


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def squash(text: str) -> str:
    """`text` without whitespace: line breaks in the PDF must not hide a quote."""
    return "".join(text.split())


def quotes(pack: Pack) -> list[Quote]:
    return [block for s in pack.sections for block in s.blocks if isinstance(block, Quote)]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("audience", list(AUDIENCES))
def test_every_layout_and_audience_prints_every_quote(
    built: Callable[..., tuple[Pack, RenderResult]], layout: str, audience: str
) -> None:
    pack, result = built(layout, audience)
    assert result.data.startswith(b"%PDF-")
    texts = page_texts(result.data)
    assert result.page_count == len(texts)
    whole = squash(" ".join(texts))
    assert quotes(pack)
    for quote in quotes(pack):
        assert squash(quote.text) in whole, quote.item_id
        assert squash(quote.citation) in whole, quote.item_id


@pytest.mark.parametrize("layout", LAYOUTS)
def test_large_print_builds_for_every_layout(
    built: Callable[..., tuple[Pack, RenderResult]], layout: str
) -> None:
    pack, result = built(layout, "senior-officers", True)
    whole = squash(" ".join(page_texts(result.data)))
    for quote in quotes(pack):
        assert squash(quote.text) in whole
    assert result.page_count and result.page_count > built(layout, "senior-officers")[1].page_count


def test_marking_and_page_x_of_y_are_on_every_page(
    built: Callable[..., tuple[Pack, RenderResult]],
) -> None:
    for large_print in (False, True):
        _, result = built("committee-report", "scrutiny", large_print)
        texts = page_texts(result.data)
        assert len(texts) > 2
        for number, text in enumerate(texts, start=1):
            assert text.count("OFFICIAL-SENSITIVE") >= 2, (large_print, number)  # top and bottom
            assert f"Page {number} of {len(texts)}" in text, (large_print, number)


def test_pdf_is_tagged_titled_in_english_and_bookmarked(
    built: Callable[..., tuple[Pack, RenderResult]],
) -> None:
    pack, result = built("committee-report", "scrutiny")
    with pikepdf.open(io.BytesIO(result.data)) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root
        assert bool(root.MarkInfo.Marked)
        assert str(root.Lang) == "en-GB"
        assert bool(root.ViewerPreferences.DisplayDocTitle)
        assert str(pdf.docinfo.Title) == pack.title
        assert str(pdf.docinfo.Subject) == pack.subject
        with pdf.open_metadata() as xmp:
            assert xmp["dc:title"] == pack.title
            assert xmp["pdfuaid:part"] == "1"
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
        expected = [f"{s.number} {s.title}".strip() for s in pack.sections if s.level == 1]
        assert titles[0] == pack.wording["contents"]
        assert titles[1:] == expected
        fonts = {
            str(font.BaseFont)
            for page in pdf.pages
            for font in page.Resources.Font.values()
            if "/BaseFont" in font
        }
    # The bundled font was loaded through the fetcher and embedded.
    assert any("Open-Sans" in name for name in fonts), fonts


def test_contents_shows_the_page_each_section_starts_on(
    built: Callable[..., tuple[Pack, RenderResult]],
) -> None:
    pack, result = built("evidence-pack", "senior-officers")
    texts = page_texts(result.data)
    contents_page = texts[1]
    for section in (s for s in pack.sections if s.in_contents and s.level == 1):
        found = re.search(re.escape(section.title) + r"[ .]*(\d+)\s*$", contents_page, re.M)
        assert found, section.title
        start = int(found.group(1))
        assert section.title in texts[start - 1], (section.title, start)


def character_sizes(data: bytes) -> list[tuple[float, float, str]]:
    """(font size in pt, height on the page, text) of every run of text in the PDF."""
    runs: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            scale = math.hypot(tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3])
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((round(size * scale, 1), y, text))

    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return runs


def test_large_print_is_18pt_or_more_and_has_no_italics(
    built: Callable[..., tuple[Pack, RenderResult]],
) -> None:
    _, result = built("member-briefing", "members", True)
    runs = character_sizes(result.data)
    # The page area (inside the 30 mm top and 24 mm bottom margins) is all at least 18 pt;
    # the running header and footer at least 16 pt, UKAAF's minimum.
    body = [(size, text) for size, y, text in runs if 24 / 25.4 * 72 < y < A4_HEIGHT - 85]
    furniture = [(size, text) for size, y, text in runs if (size, text) not in body]
    assert body and furniture
    assert min(size for size, _ in body) >= 18, [r for r in body if r[0] < 18][:5]
    assert min(size for size, _ in furniture) >= 16
    with pikepdf.open(io.BytesIO(result.data)) as pdf:
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                name = str(font.get("/BaseFont", ""))
                assert "Italic" not in name and "Oblique" not in name, name


def test_normal_print_body_is_11pt_and_nothing_is_under_9pt(
    built: Callable[..., tuple[Pack, RenderResult]],
) -> None:
    _, result = built("member-briefing")
    counts: dict[float, int] = {}
    for size, _, text in character_sizes(result.data):
        counts[size] = counts.get(size, 0) + len(text)
    assert 11 <= max(counts, key=counts.__getitem__) <= 11.5
    assert min(counts) >= 9, sorted(counts)


@pytest.mark.parametrize("large_print", [False, True])
def test_a_long_title_is_shortened_to_one_header_line(
    small_corpus: Corpus, large_print: bool
) -> None:
    title = "Children's services: inspection, improvement and the workforce " * 3
    spec = make_spec("member-briefing", title=title.strip(), large_print=large_print)
    data = render(build_pack(small_corpus, spec), small_corpus, "pdf").data
    import pypdfium2

    page = pypdfium2.PdfDocument(data)[1]
    top = page.get_height() - (30 if large_print else 24) * 72 / 25.4
    header = page.get_textpage().get_text_bounded(top=page.get_height(), bottom=top)
    lines = [line for line in header.splitlines() if line.strip()]
    # One line: the title shortened at a word, the marking, the meeting (standard print).
    shown = next(line for line in lines if line.startswith("Children")).split("…")[0]
    assert title.startswith(shown) and len(shown) < len(title) / 2
    assert len(lines) == (2 if large_print else 1), lines  # the marking over it in large print


def test_a_title_with_no_meeting_or_marking_beside_it_has_the_whole_header_line(
    small_corpus: Corpus,
) -> None:
    # The header of a briefing exported without meeting details: as in Word, the title is not
    # cut to the third of the line it has beside a meeting ("Member briefing: Inspection and…").
    title = "Member briefing: Inspection and improvement, Workforce and Funding"
    spec = make_spec("member-briefing", title=title, meeting="", marking="")
    data = render(build_pack(small_corpus, spec), small_corpus, "pdf").data
    import pypdfium2

    page = pypdfium2.PdfDocument(data)[1]
    top = page.get_height() - 24 * 72 / 25.4
    header = page.get_textpage().get_text_bounded(top=page.get_height(), bottom=top)
    assert [line for line in header.splitlines() if line.strip()] == [title]


class SpyFetcher(AssetFetcher):
    """Records every URL WeasyPrint asks for."""

    asked: ClassVar[list[str]] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        SpyFetcher.asked.append(url)
        return super().fetch(url, headers)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Any attempt to open a network connection is recorded and fails."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network use in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


def test_markup_in_pack_text_is_printed_as_text_and_nothing_is_fetched(
    small_corpus: Corpus, monkeypatch: pytest.MonkeyPatch, no_network: list[object]
) -> None:
    SpyFetcher.asked = []
    monkeypatch.setattr(fetcher_module, "AssetFetcher", SpyFetcher)
    spec = make_spec("member-briefing", title=INJECTED, meeting=INJECTED)
    spec.officer = OfficerText(key_messages=[INJECTED], notes=INJECTED)
    pack = build_pack(small_corpus, spec)
    result = render(pack, small_corpus, "pdf")
    assert SpyFetcher.asked, "the fonts should come through the fetcher"
    allowed = (
        assets_dir().resolve().as_uri(),
        templates_dir().resolve().as_uri(),
        "data:image/svg+xml;base64,",  # the logo
    )
    for url in SpyFetcher.asked:
        assert url.startswith(allowed), url
        assert "example.invalid" not in url and "passwd" not in url
    assert not no_network
    whole = squash(" ".join(page_texts(result.data)))
    # Title (cover and running header), meeting, key message and notes: all literal text.
    assert whole.count(squash(INJECTED)) >= 4


def test_foreign_urls_in_the_html_are_refused_logged_and_skipped(
    caplog: pytest.LogCaptureFixture, no_network: list[object]
) -> None:
    html = (
        '<html lang="en-GB"><head><title>t</title><style>'
        "body { background: url(file:///etc/passwd) }"
        '</style></head><body><img src="http://example.invalid/x.png" alt="x">'
        '<img src="https://example.invalid/y.png" alt="y"><p>Still printed</p></body></html>'
    )
    spy = AssetFetcher()
    with caplog.at_level(logging.WARNING, logger="briefgen.render"):
        document = layout(html, spy)
    data = document.write_pdf()
    assert "Still printed" in page_texts(data)[0]
    assert sorted(spy.refused) == [
        "file:///etc/passwd",
        "http://example.invalid/x.png",
        "https://example.invalid/y.png",
    ]
    assert spy.served == []
    assert not no_network
    assert "refused to load http://example.invalid/x.png" in caplog.text


@pytest.fixture
def roots(tmp_path: Path) -> tuple[Path, Path]:
    """An allowed folder holding a font, a data URL's worth of nothing, and an outside file."""
    allowed = tmp_path / "assets"
    (allowed / "fonts").mkdir(parents=True)
    (allowed / "fonts" / "a.ttf").write_bytes(b"font bytes")
    outside = tmp_path / "secret.txt"
    outside.write_text("secret", encoding="utf-8")
    (allowed / "link.txt").symlink_to(outside)
    return allowed, outside


def test_fetcher_serves_files_inside_its_roots(roots: tuple[Path, Path]) -> None:
    allowed, _ = roots
    fetcher = AssetFetcher([allowed])
    response = fetcher.fetch((allowed / "fonts" / "a.ttf").as_uri())
    assert response.read() == b"font bytes"
    assert response.content_type == "font/ttf"
    data = fetcher.fetch("data:text/plain;base64,aGVsbG8=")
    assert data.read() == b"hello"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "{allowed}/../secret.txt",
        "{allowed}/link.txt",
        "{allowed}/fonts/missing.ttf",
        "file://otherhost{allowed_path}/fonts/a.ttf",
        "http://example.invalid/font.ttf",
        "https://example.invalid/font.ttf",
        "ftp://example.invalid/font.ttf",
    ],
)
def test_fetcher_refuses_anything_else(
    roots: tuple[Path, Path], no_network: list[object], url: str
) -> None:
    allowed, _ = roots
    url = url.format(allowed=allowed.as_uri(), allowed_path=allowed)
    fetcher = AssetFetcher([allowed])
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert fetcher.refused == [url]
    assert not no_network


def test_the_pack_is_laid_out_once(small_corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    import weasyprint

    calls: list[str] = []
    original = weasyprint.HTML.render

    def counting(self: weasyprint.HTML, *args: object, **kwargs: object) -> object:
        calls.append("render")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "render", counting)
    pack = build_pack(small_corpus, make_spec("member-briefing"))
    result = render(pack, small_corpus, "pdf")
    assert calls == ["render"]
    assert result.page_count == len(page_texts(result.data))


def test_a_pack_over_its_length_norm_names_the_longest_sections(
    small_corpus: Corpus, built: Callable[..., tuple[Pack, RenderResult]]
) -> None:
    pack, result = built("committee-report", "senior-officers")
    assert result.page_count and result.page_count > 2
    over = pack._replace(page_limit=2)
    warnings = render(over, small_corpus, "pdf").warnings
    assert len(warnings) == 1
    assert warnings[0].startswith(
        f"The committee report runs to {result.page_count} pages, over the 2 it should keep "
        "to. Trim: "
    )
    named = re.findall(r"([^:,]+?) \((\d+) pages?\)", warnings[0].split("Trim: ")[1])
    titles = {s.title for s in pack.sections}
    assert named and all(title.strip() in titles for title, _ in named)
    within = pack._replace(page_limit=result.page_count)
    assert render(within, small_corpus, "pdf").warnings == ()


def test_length_warning_orders_sections_longest_first_and_counts_pages(
    small_corpus: Corpus,
) -> None:
    pack = build_pack(small_corpus, make_spec("member-briefing"))._replace(page_limit=6)
    lengths = [
        SectionLength("Key messages", 1, 0.6),
        SectionLength("What the documents say", 1, 6.2, quotes=30),
        SectionLength("Funding", 2, 3.1, quotes=12),
        SectionLength("Workforce", 2, 1.9, quotes=10),
        SectionLength("Safeguarding", 2, 1.2, quotes=8),
        SectionLength("Glossary", 1, 2.5),  # long, but not the officer's to cut
        SectionLength("Sources", 1, 0.3),
    ]
    assert length_warning(pack, lengths, 9) == (
        "The member briefing runs to 9 pages, over the 6 it should keep to. "
        "Trim: Funding (3 pages), Workforce (2 pages)."
    )
    assert length_warning(pack, lengths, 8).endswith("Trim: Funding (3 pages).")
    assert length_warning(pack, [SectionLength("Risks", 1, 1.2, quotes=3)], 7).endswith(
        "Trim: Risks (1 page)."
    )
    # Short quoted sections are still named when none is long; unquoted ones never are.
    assert length_warning(pack, [SectionLength("Risks", 1, 0.3, quotes=2)], 7).endswith(
        "Trim: Risks (1 page)."
    )
    assert length_warning(pack, [SectionLength("Contact officer", 1, 0.9)], 7).endswith(
        "over the 6 it should keep to."
    )
    assert length_warning(pack, lengths, 6) == ""
    assert length_warning(pack._replace(large_print=True), lengths, 20) == ""
    assert length_warning(pack._replace(page_limit=None), lengths, 20) == ""


def test_a_long_web_address_in_the_officers_text_wraps_inside_the_page(
    small_corpus: Corpus,
) -> None:
    address = "https://www.example.gov.uk/" + "committeepapers2026" * 8 + ".pdf"
    spec = make_spec("member-briefing")
    spec.officer = OfficerText(key_messages=[f"Read {address}"])
    document = layout(render_html_string(build_pack(small_corpus, spec), small_corpus))
    page_width = document.pages[0].width
    widest = 0.0
    for page in document.pages:
        stack = [page._page_box]
        while stack:
            box = stack.pop()
            if type(box).__name__ == "TextBox":
                widest = max(widest, box.position_x + box.width)
            stack.extend(getattr(box, "children", []))
    assert 0 < widest <= page_width
