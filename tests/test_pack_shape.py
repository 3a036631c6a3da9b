"""What the packs say and their shape, as a clerk reads them (issue 17): a committee report of a
few sides with its evidence in an appendix, briefings of a few pages, the officer's own words
where a report guide puts them, and every quotation marked as an editor would mark it."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from markupsafe import Markup

from briefgen.cli import main
from briefgen.content import Corpus, load_corpus
from briefgen.content.model import Item, Source
from briefgen.pack import LAYOUTS, OfficerText, PackSpec, build_pack
from briefgen.pack.choose import ranked
from briefgen.pack.clauses import recommendation_clause
from briefgen.pack.elision import elisions
from briefgen.pack.model import BulletList, Pack, Paragraph, Placeholder, Quote, Section, Table
from briefgen.pack.wording import load_wording
from briefgen.render import render
from briefgen.render.html import render_html_string
from briefgen.selection import AUDIENCES, without_restatements

THEMES = ["inspection-improvement", "workforce"]


def spec(layout: str, audience: str, **officer: object) -> PackSpec:
    return PackSpec(
        layout=layout,
        audience=audience,
        themes=list(THEMES),
        officer=OfficerText(**officer),  # type: ignore[arg-type]
    )


def quotes(sections: tuple[Section, ...] | list[Section]) -> list[Quote]:
    return [b for s in sections for b in s.blocks if isinstance(b, Quote)]


def section(pack: Pack, title: str) -> Section:
    return next(s for s in pack.sections if s.title == title)


def body_text(html: str) -> str:
    """What a reader sees in the HTML's body, tags removed."""
    body = html[html.index("<body>") :]
    return str(Markup(re.sub(r"<[^>]+>", " ", body)).unescape())


# --- 1. The committee report: a body of a few sides, the rest in Appendix A -------------------


def test_a_committee_reports_body_quotes_the_strongest_items_and_appendix_a_the_rest(
    shipped_corpus: Corpus,
) -> None:
    pack = build_pack(shipped_corpus, spec("committee-report", "senior-officers"))
    words = load_wording()["layouts"]["committee-report"]
    body = [s for s in pack.sections if not s.appendix]
    appendix = [s for s in pack.sections if s.appendix]
    assert appendix[0].title == "Appendix A: what the source documents say"
    # Every selected item is quoted once, in the body or in the appendix.
    quoted = [q.item_id for q in quotes(pack.sections)]
    assert sorted(quoted) == sorted(pack.item_ids) and len(set(quoted)) == len(quoted)
    # The body: at most the numbers in the wording, per theme and for risks and options.
    in_body = quotes(body)
    per_theme = int(words["body_items_per_theme"])
    for theme in ("Inspection and improvement", "Workforce"):
        assert 0 < len(quotes([section(pack, theme)])) <= per_theme
    risks = [q for q in in_body if q.kind == "risk"]
    assert 0 < len(risks) <= int(words["body_risks"])
    assert len([q for q in in_body if q.kind == "option"]) <= int(words["body_source_options"])
    assert len(in_body) < len(quoted) / 5
    # The appendix is listed, by its title, in the report's appendices section.
    listed = next(b for b in section(pack, "Appendices").blocks if isinstance(b, BulletList))
    assert listed.entries[0] == appendix[0].title
    # Its paragraphs are numbered A.1, A.2, ...; it starts a page of its own in PDF and Word.
    numbers = [q.number for q in quotes(appendix)]
    assert numbers and all(n.startswith("A.") for n in numbers)
    html = render_html_string(pack, shipped_corpus)
    appendices = [s for s in pack.sections if s.appendix and s.level == 1]
    assert html.count('class="section level-1 appendix-start"') == len(appendices)
    document = Document(io.BytesIO(render(pack, shipped_corpus, "docx").data))
    (heading,) = [
        p
        for p in document.paragraphs
        if p.text == appendix[0].title and p.style is not None and p.style.name == "Heading 1"
    ]
    assert heading.paragraph_format.page_break_before


def test_the_officer_moves_items_between_the_body_and_the_appendix(
    shipped_corpus: Corpus,
) -> None:
    base = build_pack(shipped_corpus, spec("committee-report", "scrutiny"))
    body = {q.item_id for q in quotes([s for s in base.sections if not s.appendix])}
    appendix = [q.item_id for q in quotes([s for s in base.sections if s.appendix])]
    moved_in, moved_out = appendix[-1], sorted(body)[0]
    changed = spec("committee-report", "scrutiny")
    changed.in_body = [moved_in]
    changed.in_appendix = [moved_out]
    pack = build_pack(shipped_corpus, changed)
    now_body = {q.item_id for q in quotes([s for s in pack.sections if not s.appendix])}
    assert now_body == body - {moved_out} | {moved_in}


# --- 2. The member briefing: a few pages for every audience -----------------------------------


@pytest.mark.parametrize("audience", list(AUDIENCES))
def test_a_member_briefing_quotes_the_strongest_few_per_theme_and_counts_the_rest(
    shipped_corpus: Corpus, audience: str
) -> None:
    pack = build_pack(shipped_corpus, spec("member-briefing", audience))
    most = AUDIENCES[audience].briefing_items
    shown = 0
    for theme in ("Inspection and improvement", "Workforce"):
        part = section(pack, theme)
        quoted = quotes([part])
        assert 0 < len(quoted) <= most
        shown += len(quoted)
        notes = [
            b.text
            for b in part.blocks
            if isinstance(b, Paragraph) and " left out of this briefing" in b.text
        ]
        assert all(int(note.split(" ")[0]) > 0 and "evidence pack" in note for note in notes)
    # What is quoted and what is counted as left out make up every selected item.
    total = len(pack.item_ids)
    counted = sum(
        int(b.text.split(" ")[0])
        for s in pack.sections
        for b in s.blocks
        if isinstance(b, Paragraph) and " left out of this briefing" in b.text
    )
    assert shown + counted == total
    assert len(pack.quoted_ids) == shown
    rule = section(pack, "What the documents say").blocks[0]
    assert isinstance(rule, Paragraph) and f"at most {most} items" in rule.text


def test_the_choice_rule_puts_key_items_then_one_per_organisation_then_kind_order() -> None:
    def item(item_id: str, org: str, kind: str, key: bool = False) -> Item:
        return Item(item_id, kind, "text", "para 1", org, ("workforce",), "src", key=key)

    items = [
        item("lga-1", "lga", "evidence", key=True),
        item("lga-2", "lga", "recommendation", key=True),
        item("sol-1", "solace", "evidence", key=True),
        item("lga-3", "lga", "recommendation"),
        item("sol-2", "solace", "risk"),
    ]
    order = [i.id for i in ranked(items, ("recommendation", "risk", "evidence"))]
    # Key first; among them one per organisation (LGA's recommendation, Solace's evidence)
    # before LGA's second; then the rest the same way.
    assert order == ["lga-2", "sol-1", "lga-1", "lga-3", "sol-2"]


def test_the_build_says_how_many_of_the_selected_items_a_briefing_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "briefing.html"
    args = ["build", "--layout", "member-briefing", "--audience", "partners", "-o", str(out)]
    assert main([*args, "--theme", "workforce", "--theme", "inspection-improvement"]) == 0
    said = re.search(
        r"partner briefing for partners, (\d+) of (\d+) items", capsys.readouterr().out
    )
    assert said and int(said.group(1)) < int(said.group(2))


def test_a_member_briefing_for_any_audience_prints_within_its_norm(
    shipped_corpus: Corpus,
) -> None:
    pack = build_pack(shipped_corpus, spec("member-briefing", "senior-officers"))
    result = render(pack, shipped_corpus, "pdf")
    assert result.page_count is not None and pack.page_limit is not None
    assert result.page_count <= pack.page_limit and result.warnings == ()


# --- 3. Key messages and the recommendation stem ----------------------------------------------


def test_a_committee_report_summary_carries_the_officers_key_messages(
    shipped_corpus: Corpus,
) -> None:
    messages = ["Recruitment is the main risk.", "Inspection drives improvement."]
    pack = build_pack(
        shipped_corpus,
        spec("committee-report", "members", summary="What this is about.", key_messages=messages),
    )
    summary = section(pack, "Report summary")
    lists = [b for b in summary.blocks if isinstance(b, BulletList)]
    assert lists[0].entries == tuple(messages) and lists[0].role == "officer"
    text = body_text(render_html_string(pack, shipped_corpus))
    assert all(message in text for message in messages)


def test_each_recommendation_completes_the_one_stem(shipped_corpus: Corpus) -> None:
    recommendations = [
        "That the committee notes the findings of the source documents.",
        "To ask the Director to report back in six months.",
        "Agree the terms of reference.",
    ]
    pack = build_pack(
        shipped_corpus, spec("committee-report", "members", recommendations=recommendations)
    )
    recs = section(pack, "Recommendations")
    stem = recs.blocks[0]
    assert isinstance(stem, Paragraph) and stem.text == "The committee is recommended to:"
    listed = next(b for b in recs.blocks if isinstance(b, BulletList))
    assert listed.entries == (
        "note the findings of the source documents.",
        "ask the Director to report back in six months.",
        "agree the terms of reference.",
    )
    document = Document(io.BytesIO(render(pack, shipped_corpus, "docx").data))
    texts = [p.text for p in document.paragraphs]
    at = next(i for i, t in enumerate(texts) if t.endswith("The committee is recommended to:"))
    assert texts[at + 1 : at + 4] == list(listed.entries)
    assert not any(re.match(r"(That|To) ", t) for t in texts[at + 1 : at + 4])


def test_a_recommendation_that_cannot_complete_the_stem_keeps_its_words() -> None:
    assert recommendation_clause("That Cabinet is asked to approve the plan.") == (
        "approve the plan."
    )
    assert recommendation_clause("That the Committee agree the plan") == "agree the plan"
    assert recommendation_clause("That a working group be set up.") is None


def test_recommendations_that_name_another_subject_go_under_a_stem_that_fits(
    small_corpus: Corpus,
) -> None:
    officer = OfficerText(recommendations=["Note the report.", "That a working group be set up."])
    pack = build_pack(small_corpus, PackSpec(layout="committee-report", officer=officer))
    recs = section(pack, "Recommendations")
    assert [b.text for b in recs.blocks if isinstance(b, Paragraph)] == ["It is recommended:"]
    listed = next(b for b in recs.blocks if isinstance(b, BulletList))
    assert listed.entries == ("Note the report.", "That a working group be set up.")


# --- 4. Background papers and references ------------------------------------------------------


def test_published_sources_are_references_and_background_papers_the_officers(
    shipped_corpus: Corpus,
) -> None:
    pack = build_pack(shipped_corpus, spec("committee-report", "members"))
    papers = section(pack, "Background papers")
    assert [type(b) for b in papers.blocks] == [Paragraph]
    assert papers.blocks[0].text.startswith("None.")  # type: ignore[union-attr]
    references = next(b for b in section(pack, "References").blocks if isinstance(b, BulletList))
    assert len(references.entries) == len(pack.source_ids)
    named = spec("committee-report", "members", background_papers=["Director's note, May 2026"])
    papers = section(build_pack(shipped_corpus, named), "Background papers")
    listed = next(b for b in papers.blocks if isinstance(b, BulletList))
    assert listed.entries == ("Director's note, May 2026",) and listed.role == "officer"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_section_a_pack_points_to_exists(shipped_corpus: Corpus, layout: str) -> None:
    pack = build_pack(shipped_corpus, spec(layout, "members"))
    html = body_text(render_html_string(pack, shipped_corpus))
    titles = {s.title for s in pack.sections}
    pointed = set(re.findall(r"listed under ([A-Z]\w*(?: [A-Z]\w*)*)", html))
    assert pointed <= titles, pointed - titles


# --- 5. Options -------------------------------------------------------------------------------


def test_the_reports_options_are_the_officers_and_the_sources_are_evidence_apart(
    shipped_corpus: Corpus,
) -> None:
    pack = build_pack(shipped_corpus, spec("committee-report", "senior-officers"))
    options = section(pack, "Issues and options")
    placeholders = [b.text for b in options.blocks if isinstance(b, Placeholder)]
    assert placeholders[0].startswith("Do nothing")
    assert [p.split(":")[0] for p in placeholders[1:]] == [
        "Option 2",
        "Option 3",
        "Preferred option and reasons",
    ]
    assert not quotes([options])  # no source's option among the council's
    evidence = section(pack, "What the source documents propose")
    assert evidence.level == 2 and {q.kind for q in quotes([evidence])} == {"option"}
    assert "not the council's options" in evidence.blocks[0].text  # type: ignore[union-attr]

    written = ["Keep the service in house.", "Set up a trust.", "Do nothing."]
    own = build_pack(shipped_corpus, spec("committee-report", "members", options=written))
    options = section(own, "Issues and options")
    listed = next(b for b in options.blocks if isinstance(b, BulletList))
    assert listed.entries == tuple(written) and listed.role == "officer" and listed.ordered
    assert [b.text for b in options.blocks if isinstance(b, Placeholder)] == [
        load_wording()["layouts"]["committee-report"]["preferred_option"]
    ]


# --- 6. Covers and glossaries -----------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("audience", list(AUDIENCES))
def test_every_cover_names_the_document_for_its_readers_without_briefgen(
    small_corpus: Corpus, layout: str, audience: str
) -> None:
    pack = build_pack(small_corpus, PackSpec(layout=layout, audience=audience))
    html = body_text(render_html_string(pack, small_corpus))
    cover = html[: html.index(pack.wording["contents"])]
    assert "briefgen" not in cover
    if audience != "members":
        assert "member" not in pack.subtitle.lower()
    assert pack.subtitle in cover
    document = Document(io.BytesIO(render(pack, small_corpus, "docx").data))
    assert not any("Prepared with briefgen" in p.text for p in document.paragraphs)
    assert [p.text for p in document.paragraphs if p.style.name == "Subtitle"] == [pack.subtitle]


def test_a_report_for_a_scrutiny_committee_has_a_glossary_appendix(
    shipped_corpus: Corpus,
) -> None:
    pack = build_pack(shipped_corpus, spec("committee-report", "scrutiny"))
    glossary = next(s for s in pack.sections if s.title.endswith(": glossary"))
    assert glossary.appendix and glossary.title == "Appendix B: glossary"
    table = next(b for b in glossary.blocks if isinstance(b, Table))
    assert table.rows and any(a for q in quotes(pack.sections) for a in q.acronyms)


def test_a_glossary_lists_a_term_once_however_it_is_written(
    make_content: Callable[..., Path],
) -> None:
    items = """\
source: solace-2014
items:
  - id: t-gps
    kind: position
    org: solace
    locator: To stay safe, Partnership, para 1
    themes: [safeguarding]
    key: true
    headline: A GP and other partners all help keep children safe.
    text: >-
      However, local authority child protection services do not operate in a vacuum. Schools,
      GPs, voluntary groups, sports clubs and communities in general all have their part to play
      in keeping children safe.
"""
    root = make_content({"gps.yaml": items})
    with (root / "glossary.yaml").open("a", encoding="utf-8") as glossary:
        glossary.write("- term: GPs\n  expansion: general practitioners\n")
    corpus = load_corpus(root)
    pack = build_pack(corpus, PackSpec(layout="member-briefing", audience="members"))
    table = next(b for b in section(pack, "Glossary").blocks if isinstance(b, Table))
    assert [row[0] for row in table.rows if row[0].startswith("GP")] == ["GP"]


# --- 7. Quotations marked as an editor marks them, and quoted once ----------------------------


def test_a_quote_that_starts_or_stops_mid_thought_is_marked_and_its_words_untouched(
    tmp_path: Path,
) -> None:
    text = "The council agreed. They would review it, in the light of:\n- costs\n"
    source = Source("s", "Title", "Pub", "2014", "Short", "s.txt", tmp_path / "s.txt", text)

    def item(words: str) -> Item:
        start = text.index(words)
        return Item("i", "position", words, "para 1", "lga", ("workforce",), "s",
                    span=(start, start + len(words)))  # fmt: skip

    assert elisions(item("The council agreed."), source) == (False, False)
    assert elisions(item("They would review it, in the light of:"), source) == (True, True)
    assert elisions(item("review it"), source) == (True, True)  # runs on both sides
    assert elisions(item("costs"), source) == (True, False)  # a lower-case list entry


def test_the_renderers_print_the_ellipsis_apart_from_the_quoted_words(
    shipped_corpus: Corpus,
) -> None:
    pack = build_pack(shipped_corpus, spec("evidence-pack", "senior-officers"))
    marked = [q for q in quotes(pack.sections) if q.elided_start or q.elided_end]
    assert marked and all("[…]" not in q.text for q in marked)
    html = render_html_string(pack, shipped_corpus)
    first = marked[0]
    block = html[html.index(f'data-item="{first.item_id}"') :]
    block = block[: block.index("</blockquote>")]
    assert '<span class="elision">[…]</span>' in block
    document = Document(io.BytesIO(render(pack, shipped_corpus, "docx").data))
    runs = [
        (run.text, run.style.name if run.style is not None else "")
        for p in document.paragraphs
        if p.style is not None and p.style.name == "Quote"
        for run in p.runs
    ]
    marks = [style for text, style in runs if text.strip() == "[…]"]
    assert marks and set(marks) == {"Note"}  # a run of its own, never in the quote's run
    quoted = {text for text, _ in runs if text.strip() != "[…]"}
    assert {q.text for q in marked if "\n\n" not in q.text} <= quoted


def test_two_items_with_the_same_words_are_quoted_once() -> None:
    def item(item_id: str, words: str) -> Item:
        return Item(item_id, "position", words, "para 1", "lga", ("workforce",), "s")

    kept = without_restatements(
        [item("a", "Councils need freedom."), item("b", "councils  need ‘freedom’"), item("c", "x")]
    )
    assert [i.id for i in kept] == ["a", "c"]


# --- 9. Questions from the selected risks and success criteria --------------------------------


def test_scrutiny_questions_follow_from_the_themes_risks_and_criteria(
    shipped_corpus: Corpus,
) -> None:
    pack = build_pack(shipped_corpus, spec("member-briefing", "scrutiny"))
    per_theme = int(load_wording()["questions"]["per_theme"])
    asked: list[str] = []
    for s in (s for s in pack.sections if s.title.startswith("Questions the committee")):
        listed = next(b for b in s.blocks if isinstance(b, BulletList))
        assert 0 < len(listed.entries) <= per_theme and listed.role == "briefgen"
        asked += listed.entries
    headlines = {
        q.headline.rstrip(".").lower(): q
        for q in quotes(pack.sections)
        if q.kind in ("risk", "success-criterion")
    }
    for question in asked:
        built_from = question.split(": ", 1)[1].rstrip("?").lower()
        assert built_from in headlines  # briefgen's headline, never the quoted words
        assert headlines[built_from].text not in question
    assert len(set(asked)) == len(asked)


# --- 10. Where the organisations stand --------------------------------------------------------


def test_the_comparison_says_what_each_organisation_says_with_where(
    shipped_corpus: Corpus,
) -> None:
    pack = build_pack(shipped_corpus, spec("evidence-pack", "senior-officers"))
    table = next(
        b
        for s in pack.sections
        for b in s.blocks
        if isinstance(b, Table) and b.caption.startswith("Where each")
    )
    assert [row[0] for row in table.rows] == ["Inspection and improvement", "Workforce"]
    cells = [cell for row in table.rows for cell in row[1:]]
    assert "No stated position" in cells
    said = [cell for cell in cells if cell != "No stated position"]
    assert said and all(re.search(r"\([^()]+\)", cell) for cell in said)
    assert not any(re.fullmatch(r"\d+ \w+.*", cell) for cell in cells)  # not counts


# --- 11. The evidence pack opens with a summary and a contents to scan ------------------------


def test_an_evidence_pack_opens_with_a_summary_and_lists_its_themes(
    shipped_corpus: Corpus,
) -> None:
    pack = build_pack(shipped_corpus, PackSpec(layout="evidence-pack", audience="senior-officers"))
    summary = pack.sections[0]
    assert summary.title == "Summary"
    messages = next(b for b in summary.blocks if isinstance(b, BulletList))
    assert messages.entries and messages.role == "briefgen"
    counts = next(b for b in summary.blocks if isinstance(b, Table))
    assert counts.rows[-1][0] == "Total" and counts.rows[-1][-1] == str(len(pack.item_ids))
    assert sum(int(row[-1]) for row in counts.rows[:-1]) == len(pack.item_ids)
    listed = [s for s in pack.sections if s.in_contents]
    assert {s.level for s in listed} == {1}
    assert len(listed) <= len(shipped_corpus.themes) + 8  # one page of contents, every theme


def test_a_two_theme_committee_report_keeps_its_body_to_five_sides(
    shipped_corpus: Corpus,
) -> None:
    """Issue 17's case (scrutiny; inspection and workforce): the cover sheet carries the
    contents, and the body, before Appendix A, keeps to the five-side norm in PDF and Word."""
    import pypdfium2

    from briefgen.render import render

    spec = PackSpec(
        layout="committee-report",
        audience="scrutiny",
        themes=["inspection-improvement", "workforce"],
    )
    pack = build_pack(shipped_corpus, spec)
    results = {name: render(pack, shipped_corpus, name) for name in ("pdf", "docx")}
    for name, result in results.items():
        assert not [w for w in result.warnings if "it should keep to" in w], name
    pdf = pypdfium2.PdfDocument(io.BytesIO(results["pdf"].data))
    try:
        texts = [pdf[index].get_textpage().get_text_range() for index in range(len(pdf))]
    finally:
        pdf.close()
    assert pack.wording["contents"] in texts[0]
    # The appendix opens on the page holding its first paragraph, A.1.
    appendix = next(index for index, text in enumerate(texts) if "A.1" in text)
    assert 1 <= appendix - 1 <= 5, appendix  # pages after the cover, before the appendix
