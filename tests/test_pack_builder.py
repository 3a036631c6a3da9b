"""The pack model: layouts, audiences, who-wrote-what, numbering and citations."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from briefgen.content import Corpus
from briefgen.content.model import GlossaryEntry
from briefgen.content.paths import SHIPPED_TEMPLATES
from briefgen.errors import BriefgenError
from briefgen.pack import LAYOUTS, MeetingDetails, OfficerText, PackSpec, build_pack
from briefgen.pack.acronyms import explain_first_uses
from briefgen.pack.builder import missing_items, pack_items
from briefgen.pack.model import Acronym, BulletList, Pack, Paragraph, Placeholder, Quote, Table
from briefgen.pack.parts import Draft, Explained, explained, finish, number_chapters, paragraph
from briefgen.selection import AUDIENCES


def blocks(pack: Pack, kind: type) -> list:
    return [b for s in pack.sections for b in s.blocks if isinstance(b, kind)]


def titles(pack: Pack) -> list[str]:
    return [s.title for s in pack.sections]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("audience", list(AUDIENCES))
def test_every_layout_and_audience_builds_from_the_shipped_corpus(
    shipped_corpus: Corpus, layout: str, audience: str
) -> None:
    pack = build_pack(shipped_corpus, PackSpec(layout=layout, audience=audience))
    quotes = blocks(pack, Quote)
    assert quotes, (layout, audience)
    # Every quote is the item's text unaltered, with its citation.
    for quote in quotes:
        item = shipped_corpus.item(quote.item_id)
        assert quote.text == item.text
        assert quote.citation.endswith(item.locator)
    assert set(pack.source_ids) == {shipped_corpus.item(q.item_id).source for q in quotes}


def test_committee_report_has_the_council_shape_and_numbered_paragraphs(
    small_corpus: Corpus,
) -> None:
    spec = PackSpec(layout="committee-report", audience="senior-officers")
    pack = build_pack(small_corpus, spec, today=date(2026, 11, 22))
    top = [s.title for s in pack.sections if s.level == 1]
    assert top == [
        "Report summary",
        "Purpose of the report",
        "Recommendations",
        "Wards affected",
        "Introduction and background",
        "Issues and options",
        "Risks",
        "Financial implications",
        "Legal implications",
        "Equality implications",
        "Background papers",
        "References",
        "Contact officer",
    ]
    assert [s.number for s in pack.sections if s.level == 1] == [str(n) for n in range(1, 14)]
    numbers = [b.number for s in pack.sections for b in s.blocks if getattr(b, "number", "")]
    assert numbers[:3] == ["1.1", "2.1", "3.1"]
    # Consecutive within each section: 5.1, 5.2, 5.3 ...
    fives = [n for n in numbers if n.startswith("5.")]
    assert fives == [f"5.{i}" for i in range(1, len(fives) + 1)]
    placeholders = " ".join(p.text for p in blocks(pack, Placeholder))
    assert "officer's recommendations" in placeholders
    assert "section 149 of the Equality Act 2010" in placeholders
    assert "do nothing" in placeholders.lower()
    assert "Financial implications to be completed" in placeholders
    # Risks quoted in the Risks section; the references list exactly the source relied on, a
    # published work, so it is no background paper (s.100D(5)).
    risks = next(s for s in pack.sections if s.title == "Risks")
    assert [b.item_id for b in risks.blocks if isinstance(b, Quote)] == ["t-cherry-picked"]
    cited = next(s for s in pack.sections if s.title == "References")
    references = next(b for b in cited.blocks if isinstance(b, BulletList)).entries
    assert len(references) == 1 and "Joint LGA / Solace response" in references[0]
    papers = next(s for s in pack.sections if s.title == "Background papers")
    assert [b.text for b in papers.blocks] == [
        "None. Published works are not background papers (section 100D(5)); the published "
        "documents this report relies on are listed under References."
    ]


def test_officer_recommendations_replace_the_placeholder(small_corpus: Corpus) -> None:
    spec = PackSpec(
        layout="committee-report",
        officer=OfficerText(recommendations=["Note the report.", "Ask for a review."]),
    )
    pack = build_pack(small_corpus, spec)
    recs = next(s for s in pack.sections if s.title == "Recommendations")
    lists = [b for b in recs.blocks if isinstance(b, BulletList)]
    # Each completes the one stem, "The committee is recommended to:".
    assert lists[0].entries == ("note the report.", "ask for a review.")
    assert lists[0].role == "officer"
    assert not any(isinstance(b, Placeholder) for b in recs.blocks)


def test_member_briefing_explains_acronyms_at_first_use_and_has_a_glossary(
    small_corpus: Corpus,
) -> None:
    pack = build_pack(small_corpus, PackSpec(layout="member-briefing", audience="senior-officers"))
    explained = [a.term for b in blocks(pack, Quote) for a in b.acronyms]
    explained += [a.term for b in blocks(pack, Paragraph) for a in b.acronyms]
    explained += [a.term for b in blocks(pack, BulletList) for a in b.acronyms]
    assert explained.count("LGA") == 1 and explained.count("Solace") == 1
    glossary = next(s for s in pack.sections if s.title == "Glossary")
    table = next(b for b in glossary.blocks if isinstance(b, Table))
    assert ("LGA", "Local Government Association. The national membership body for councils "
            "in England.") in table.rows  # fmt: skip


def test_scrutiny_packs_carry_suggested_questions_as_briefgens_words(small_corpus: Corpus) -> None:
    pack = build_pack(small_corpus, PackSpec(layout="member-briefing", audience="scrutiny"))
    question_sections = [s for s in pack.sections if s.title.startswith("Questions the committee")]
    assert question_sections
    lists = [b for s in question_sections for b in s.blocks if isinstance(b, BulletList)]
    assert all(b.role == "briefgen" for b in lists)
    assert [q for b in lists for q in b.entries] == [
        "What assurance do we have that this risk is managed here: providers could pick the "
        "easy, profitable services?"
    ]
    members = build_pack(small_corpus, PackSpec(layout="member-briefing", audience="members"))
    assert not any(s.title.startswith("Questions the committee") for s in members.sections)


def test_evidence_pack_compares_positions_by_organisation(small_corpus: Corpus) -> None:
    pack = build_pack(small_corpus, PackSpec(layout="evidence-pack", audience="senior-officers"))
    table = next(b for b in blocks(pack, Table) if b.caption.startswith("Where each"))
    assert table.header == ("Theme", "LGA/Solace")
    rows = {row[0]: row[1] for row in table.rows}
    assert rows["Markets and commissioning"] == (
        "Providers could pick the easy, profitable services (Response para 2)"
    )
    assert rows["Delivery models"] == "Councils should have more freedom (Response para 1)"


def test_exclude_include_and_order(small_corpus: Corpus) -> None:
    base = PackSpec(layout="evidence-pack", audience="senior-officers")
    assert [i.id for i in pack_items(small_corpus, base)] == [
        "t-cherry-picked",
        "t-complex",
        "t-flexibility",
    ]
    spec = PackSpec(
        layout="evidence-pack",
        audience="senior-officers",
        excluded=["t-cherry-picked"],
        order=["t-complex"],
    )
    assert [i.id for i in pack_items(small_corpus, spec)] == ["t-complex", "t-flexibility"]
    members = PackSpec(audience="members", included=["t-complex"])
    assert "t-complex" in [i.id for i in pack_items(small_corpus, members)]
    reordered = PackSpec(audience="senior-officers", order=["t-complex", "t-cherry-picked"])
    assert [i.id for i in pack_items(small_corpus, reordered)][:2] == [
        "t-complex",
        "t-cherry-picked",
    ]


def test_missing_items_are_named_and_otherwise_ignored(small_corpus: Corpus) -> None:
    spec = PackSpec(audience="senior-officers", excluded=["gone-1"], order=["gone-2", "t-complex"])
    assert missing_items(small_corpus, spec) == ["gone-1", "gone-2"]
    assert len(build_pack(small_corpus, spec).item_ids) == 3


def test_cover_and_dates_are_uk_style(small_corpus: Corpus) -> None:
    spec = PackSpec(
        layout="committee-report",
        meeting=MeetingDetails(
            title="Delegating children's services",
            meeting="Cabinet",
            meeting_date=date(2026, 12, 3),
            marking="OFFICIAL-SENSITIVE",
            purpose="decision",
        ),
    )
    pack = build_pack(small_corpus, spec)
    assert pack.date_text == "3 December 2026"
    assert pack.meeting_line == "Cabinet, 3 December 2026"
    assert pack.marking == "OFFICIAL-SENSITIVE"
    assert ("Purpose", "This report is for decision.") in pack.cover_facts
    assert pack.language == "en-GB"


def test_unknown_choices_are_clear_errors(small_corpus: Corpus) -> None:
    with pytest.raises(BriefgenError, match=r"unknown layout 'brief'.*unknown theme 'fundng'"):
        build_pack(small_corpus, PackSpec(layout="brief", themes=["fundng"]))


def test_the_comparison_has_a_column_only_for_organisations_stating_a_view(
    shipped_corpus: Corpus,
) -> None:
    # The Northamptonshire document reports MHCLG's consultation questions (no view of its own)
    # and the Prime Minister's announcement (a position): the one gets no column, the other does.
    spec = PackSpec(
        layout="evidence-pack", audience="senior-officers", themes=["governance-accountability"]
    )
    assert {"mhclg", "prime-minister"} <= {item.org for item in pack_items(shipped_corpus, spec)}
    table = next(
        b
        for b in blocks(build_pack(shipped_corpus, spec), Table)
        if b.caption.startswith("Where each")
    )
    assert "Prime Minister" in table.header
    assert "MHCLG" not in table.header


def test_acronyms_are_explained_where_a_reader_first_meets_them() -> None:
    """In reading order, only in the blocks marked for it (not the officer's text here), and
    the glossary lists what those blocks use."""
    glossary = (GlossaryEntry("LGA", "Local Government Association", ""),)
    body = [
        Draft("One", (paragraph("The LGA wrote.", "officer"), explained("The LGA agrees."))),
        Draft("Two", (explained("LGA again."),)),
    ]
    finished = explain_first_uses(body, glossary)
    assert [block.acronyms for blocks in finished for block in blocks] == [
        (),
        (Acronym("LGA", "Local Government Association"),),
        (),
    ]
    assert finish(body, finished)[1].anchor == "two"


def test_a_committee_reports_chapters_number_their_paragraphs_but_not_questions() -> None:
    chapters = [
        [Draft("Summary", (paragraph("a"), paragraph("b")))],
        [],  # no notes: no chapter
        [
            Draft("Background", (explained("c"),)),
            Draft("Theme", (paragraph("d"), BulletList(("e",))), level=2),
            Draft("Questions", (explained("f"),), level=3, numbered=False),
        ],
    ]
    drafts = number_chapters(chapters)
    assert [d.number for d in drafts] == ["1", "2", "", ""]
    blocks = [b.block if isinstance(b, Explained) else b for d in drafts for b in d.blocks]
    assert [block.number for block in blocks] == ["1.1", "1.2", "2.1", "2.2", "", ""]


def test_a_councils_own_summary_wording_from_before_the_counted_forms_still_reads_right(
    small_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A council's copy of the wording made before the singular forms: its summary_intro puts
    # the nouns after bare numbers. Told to copy the new keys, it must not print "items items".
    folder = tmp_path / "templates"
    shutil.copytree(SHIPPED_TEMPLATES, folder)
    wording = (folder / "wording.yaml").read_text(encoding="utf-8")
    start = wording.index("    summary_intro: >-\n")
    end = wording.index("    # The counts in summary_intro")
    council = (
        "    summary_intro: >-\n"
        "      Our pack quotes {items} items from {sources} source documents on {themes}\n"
        "      themes.\n"
    )
    (folder / "wording.yaml").write_text(wording[:start] + council + wording[end:], "utf-8")
    monkeypatch.setenv("BRIEFGEN_TEMPLATES", str(folder))
    spec = PackSpec(layout="evidence-pack", audience="members", themes=["markets-commissioning"])
    pack = build_pack(small_corpus, spec)
    summary = next(p.text for p in blocks(pack, Paragraph) if p.text.startswith("Our pack"))
    items = pack_items(small_corpus, spec)
    sources = len({item.source for item in items})
    assert summary == (
        f"Our pack quotes {len(items)} items from {sources} source documents on 1 themes."
    )
