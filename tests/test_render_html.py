"""The pack's HTML: one context object, escaped text, the conventions a council document needs."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from markupsafe import Markup

from briefgen.content import Corpus
from briefgen.errors import RenderError
from briefgen.pack import LAYOUTS, MeetingDetails, OfficerText, PackSpec, build_pack
from briefgen.pack.model import Acronym, Contact, Pack, Quote, Section
from briefgen.render import RenderOptions, render
from briefgen.render.html import css_string, pack_context, render_html_string
from briefgen.render.references import keep_labels_with_numbers
from briefgen.selection import AUDIENCES

INJECTED = '<img src="http://example.invalid/x.png"> url(file:///etc/passwd)'


def make_pack(corpus: Corpus, layout: str = "member-briefing", **meeting: object) -> Pack:
    details = {
        "title": "Children's services: delivery options",
        "meeting": "Children's Services Scrutiny Committee",
        "meeting_date": date(2026, 11, 22),
        "marking": "OFFICIAL",
    }
    details.update(meeting)
    spec = PackSpec(
        layout=layout,
        audience="members",
        meeting=MeetingDetails(**details),  # type: ignore[arg-type]
        officer=OfficerText(key_messages=["Councils want more freedom."]),
    )
    return build_pack(corpus, spec)


def quotes(pack: Pack) -> list[Quote]:
    return [block for s in pack.sections for block in s.blocks if isinstance(block, Quote)]


def only_plain_values(value: object) -> bool:
    """True if `value` is built only of str, int, bool, None, list and dict (no model objects)."""
    if isinstance(value, str | int | bool | type(None)):
        return True
    if isinstance(value, list):
        return all(only_plain_values(entry) for entry in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and only_plain_values(v) for k, v in value.items())
    return False


def test_templates_see_only_plain_values_from_one_context(small_corpus: Corpus) -> None:
    for layout in LAYOUTS:
        context = pack_context(make_pack(small_corpus, layout), small_corpus)
        assert only_plain_values(dict(context)), layout
        assert isinstance(context["stylesheet"], Markup)


def test_document_declares_language_title_and_metadata(small_corpus: Corpus) -> None:
    pack = make_pack(small_corpus, author=Contact("Sam"))
    html = render_html_string(pack, small_corpus)
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en-GB"' in html
    assert "<title>Children&#39;s services: delivery options</title>" in html
    assert '<meta name="author" content="Sam">' in html
    assert f'<meta name="description" content="{pack.subject}">' in html
    assert '<meta name="keywords" content="' in html


def test_html_render_is_the_same_utf8_document_the_pdf_is_printed_from(
    small_corpus: Corpus,
) -> None:
    pack = make_pack(small_corpus)
    result = render(pack, small_corpus, "html", RenderOptions())
    assert result.data.decode("utf-8") == render_html_string(pack, small_corpus)
    assert result.page_count is None and result.warnings == ()
    # Standalone: styles inline, the logo embedded, fonts by relative URL.
    html = result.data.decode("utf-8")
    assert "<link" not in html
    assert 'src="data:image/svg+xml;base64,' in html
    assert "url(fonts/OpenSans-Regular.ttf)" in html


def test_markup_in_pack_text_appears_as_text(small_corpus: Corpus) -> None:
    pack = make_pack(small_corpus, title=INJECTED, meeting=INJECTED)
    spec = dataclasses.replace(
        pack.spec,
        officer=OfficerText(key_messages=[INJECTED], notes=INJECTED),
    )
    pack = build_pack(small_corpus, spec)
    html = render_html_string(pack, small_corpus)
    assert '<img src="http' not in html
    assert "&lt;img src=&#34;http://example.invalid/x.png&#34;&gt;" in html
    assert html.count("url(file:///etc/passwd)") >= 3  # harmless text, not CSS


def test_each_quote_is_a_blockquote_of_the_exact_text_followed_by_its_citation(
    small_corpus: Corpus,
) -> None:
    pack = make_pack(small_corpus)
    html = render_html_string(pack, small_corpus)
    labels = pack.wording
    assert quotes(pack)
    for quote in quotes(pack):
        escaped = str(Markup.escape(quote.text))
        match = re.search(
            r'<blockquote class="quote">\s*<p>(.*?)</p>\s*</blockquote>\s*'
            r'<p class="citation"><span class="citation-prefix">(.*?)</span> <cite>(.*?)</cite>',
            html[html.index(escaped) - 200 :],
            re.S,
        )
        assert match, quote.item_id
        assert match.group(1) == escaped
        assert match.group(2) == labels["citation_prefix"]
        assert match.group(3) == str(Markup.escape(keep_labels_with_numbers(quote.citation)))


def test_headline_is_labelled_as_briefgens_summary_and_kept_out_of_the_quote(
    small_corpus: Corpus,
) -> None:
    pack = make_pack(small_corpus)
    html = render_html_string(pack, small_corpus)
    labels = pack.wording
    quote = next(q for q in quotes(pack) if q.headline)
    block = html[html.index(f'data-item="{quote.item_id}"') :]
    block = block[: block.index("</div>")]
    label_at = block.index(f'<span class="kind-tag">{quote.kind_label}</span>')
    headline_at = block.index(f'<p class="headline">{Markup.escape(quote.headline)}</p>')
    quote_at = block.index("<blockquote")
    assert label_at < headline_at < quote_at
    # No label on each item: the pack says once, before its first quotation, how to tell them.
    body = html[html.index("<body>") :]
    assert "headline-note" not in body and "not a quotation" not in body
    key = str(Markup.escape(labels["reading_key"]))
    assert html.count(key) == 1 and html.index(key) < html.index("<blockquote")
    assert str(Markup.escape(quote.headline)) not in block[quote_at:]


def test_acronyms_are_explained_in_a_line_after_the_block(small_corpus: Corpus) -> None:
    pack = make_pack(small_corpus)
    html = render_html_string(pack, small_corpus)
    first = quotes(pack)[0]
    with_acronym = first._replace(acronyms=(Acronym("LGA", "Local Government Association"),))
    sections = tuple(
        s._replace(blocks=tuple(with_acronym if b is first else b for b in s.blocks))
        for s in pack.sections
    )
    html = render_html_string(pack._replace(sections=sections), small_corpus)
    assert (
        '<p class="acronyms"><span class="acronyms-label">Acronyms:</span> '
        "LGA – Local Government Association</p>"
    ) in html


def test_placeholders_are_boxed_with_a_visible_label(small_corpus: Corpus) -> None:
    pack = make_pack(small_corpus, "committee-report")
    html = render_html_string(pack, small_corpus)
    boxes = re.findall(r'<div class="placeholder[^"]*">(.*?)</div>', html, re.S)
    assert len(boxes) >= 5  # summary, recommendations, options, financial, legal, equality...
    for box in boxes:
        assert '<strong class="placeholder-label">To complete:</strong>' in box
    css = pack_context(pack, small_corpus)["stylesheet"]
    rule = css[css.index(".placeholder {") :]
    assert "border:" in rule[: rule.index("}")]


def test_committee_report_numbers_headings_and_paragraphs(small_corpus: Corpus) -> None:
    pack = make_pack(small_corpus, "committee-report")
    html = render_html_string(pack, small_corpus)
    assert 'class="layout-committee-report numbered"' in html
    assert '<h2 id="report-summary" class="heading"><span class="number">1</span> Report' in html
    numbers = re.findall(r'<span class="para-number">([\d.]+)</span>', html)
    assert numbers[:3] == ["1.1", "1.2", "2.1"]  # the summary, then the key messages
    assert len(numbers) == len(set(numbers))
    member = render_html_string(make_pack(small_corpus), small_corpus)
    body = member[member.index("<body>") :]
    assert "para-number" not in body and " numbered" not in member[: member.index("<head>")]


def test_contents_lists_only_sections_marked_for_it_and_links_to_them(small_corpus: Corpus) -> None:
    spec = PackSpec(layout="member-briefing", audience="scrutiny")
    pack = build_pack(small_corpus, spec)
    html = render_html_string(pack, small_corpus)
    nav = html[html.index('<nav class="contents">') : html.index("</nav>")]
    linked = re.findall(r'<a href="#([^"]+)">', nav)
    assert linked == [s.anchor for s in pack.sections if s.in_contents]
    # The themes are listed, the questions under them (level 3) are not, and Word's contents
    # field lists the same levels once refreshed.
    listed = {s.level for s in pack.sections if s.in_contents}
    assert listed == {1, 2} and pack.contents_levels == 2
    questions = [s.anchor for s in pack.sections if s.title.startswith("Questions")]
    assert questions and not set(questions) & set(linked)
    for anchor in linked:
        assert f'id="{anchor}"' in html
    css = pack_context(pack, small_corpus)["stylesheet"]
    assert "target-counter(attr(href), page)" in css and "leader(" in css


def test_ids_are_unique_for_every_layout_and_audience(small_corpus: Corpus) -> None:
    for layout in LAYOUTS:
        for audience in AUDIENCES:
            pack = build_pack(small_corpus, PackSpec(layout=layout, audience=audience))
            ids = re.findall(r' id="([^"]+)"', render_html_string(pack, small_corpus))
            assert len(ids) == len(set(ids)), (layout, audience)


def test_tables_have_a_header_row_of_column_headers_and_a_caption(small_corpus: Corpus) -> None:
    pack = make_pack(small_corpus, "evidence-pack")
    html = render_html_string(pack, small_corpus)
    table = html[html.index('<table class="data">') :]
    table = table[: table.index("</table>")]
    caption = re.search(r"<caption>(.*?)</caption>", table, re.S)
    assert caption, "the table has no caption"
    # The caption says what the cells count, rather than repeating the section heading above it.
    assert "by theme" in caption.group(1)
    assert caption.group(1).strip() not in {s.title for s in pack.sections}
    head = table[table.index("<thead>") : table.index("</thead>")]
    assert head.count('<th scope="col">') >= 2


def test_cover_shows_logo_with_alt_text_title_layout_meeting_date_and_facts(
    small_corpus: Corpus,
) -> None:
    pack = make_pack(small_corpus, "committee-report")
    html = render_html_string(pack, small_corpus)
    cover = html[html.index('<section class="cover">') : html.index("</section>")]
    assert f'alt="{pack.wording["logo_alt"]}"' in cover
    assert '<p class="cover-subtitle">Committee report</p>' in cover
    assert '<h1 class="cover-title">Children&#39;s services: delivery options</h1>' in cover
    assert '<span class="meeting">Children&#39;s Services Scrutiny Committee</span>' in cover
    assert '<span class="date">22 November 2026</span>' in cover
    assert '<th scope="row">Protective marking</th><td>OFFICIAL</td>' in cover
    assert '<th scope="row">Purpose</th>' in cover


def test_page_furniture_css_carries_the_wording_and_the_marking(small_corpus: Corpus) -> None:
    style = pack_context(make_pack(small_corpus), small_corpus)["page_style"]
    assert '"Page " counter(page) " of " counter(pages)' in style
    assert '@top-center { content: "OFFICIAL"; }' in style
    assert '@bottom-center { content: "OFFICIAL"; }' in style
    unmarked = pack_context(make_pack(small_corpus, marking=""), small_corpus)["page_style"]
    assert "OFFICIAL" not in unmarked


def test_css_strings_cannot_break_out_of_the_string_or_the_style_element() -> None:
    hostile = '"; } body { display: none } </style><script>'
    quoted = css_string(hostile)
    assert quoted.startswith('"') and quoted.endswith('"')
    inner = quoted[1:-1]
    assert '"' not in inner and "<" not in inner and "}" not in inner
    assert css_string("Page ") == '"Page "'


def test_large_print_sets_18pt_body_and_no_italics(small_corpus: Corpus) -> None:
    normal = make_pack(small_corpus)
    large = normal._replace(large_print=True)
    normal_css = pack_context(normal, small_corpus)["stylesheet"]
    large_css = pack_context(large, small_corpus)["stylesheet"]
    assert "font-size: 11pt" in normal_css and "large-print" not in normal_css
    assert "html { font-size: 18pt;" in large_css
    assert "font-style: normal !important" in large_css
    assert "italic" not in large_css.replace("italics", "")
    assert 'class="layout-member-briefing large-print"' in render_html_string(large, small_corpus)


def test_roles_are_marked_by_class_so_officer_and_briefgen_text_can_differ(
    small_corpus: Corpus,
) -> None:
    pack = make_pack(small_corpus, "committee-report")
    spec = dataclasses.replace(pack.spec, officer=OfficerText(notes="Our own view."))
    html = render_html_string(build_pack(small_corpus, spec), small_corpus)
    assert re.search(r'<p class="para role-officer numbered">.*Our own view\.</p>', html)
    assert 'class="para role-briefgen' in html


def test_a_missing_asset_is_a_clear_error(
    small_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFGEN_ASSETS", str(tmp_path))
    with pytest.raises(RenderError, match=r"logo\.svg or logo\.png"):
        render_html_string(make_pack(small_corpus), small_corpus)
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n")
    with pytest.raises(RenderError, match=r"pack\.css is missing; copy it"):
        render_html_string(make_pack(small_corpus), small_corpus)


def test_a_broken_template_is_a_clear_error(
    small_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = make_pack(small_corpus)  # built with the real wording
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "pack.html.j2").write_text("{{ no_such_name }}", encoding="utf-8")
    monkeypatch.setenv("BRIEFGEN_TEMPLATES", str(tmp_path))
    with pytest.raises(RenderError, match=r"pack template .* is broken"):
        render_html_string(pack, small_corpus)


def test_html_module_does_not_import_weasyprint() -> None:
    code = "import sys, briefgen.render.html; print('weasyprint' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_sections_at_every_level_get_a_heading_below_the_title(small_corpus: Corpus) -> None:
    pack = make_pack(small_corpus)
    extra = Section("Deep", "deep-anchor", level=3)
    html = render_html_string(pack._replace(sections=(*pack.sections, extra)), small_corpus)
    assert '<h4 id="deep-anchor" class="heading">Deep</h4>' in html
    assert html.count("<h1") == 1
