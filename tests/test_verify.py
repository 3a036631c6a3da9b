"""`briefgen verify`: a committee report built from the shipped corpus, edited as an officer
would in Word (here with python-docx, and once through LibreOffice), then checked."""

from __future__ import annotations

import copy
import io
import json
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from briefgen import draftmarks
from briefgen.cli import main
from briefgen.content import Corpus
from briefgen.content.paths import SHIPPED_CONTENT
from briefgen.pack import MeetingDetails, PackSpec, build_pack
from briefgen.render import RenderOptions, render
from briefgen.verify import check_draft, format_report, report_json
from briefgen.verify.draft import read_draft
from briefgen.verify.worddiff import marked_diff, word_diff

CONTENT = SHIPPED_CONTENT
MODEL_EMPLOYER = "northants-success-4-model-employer"
TURNOVER = "solace-evidence-workforce-barriers"  # one of several items citing the same passage


@pytest.fixture(scope="session")
def draft_bytes(shipped_corpus: Corpus) -> bytes:
    """A committee report on the workforce, as `briefgen build` writes it."""
    spec = PackSpec(
        layout="committee-report",
        audience="scrutiny",
        themes=["workforce"],
        meeting=MeetingDetails(title="Workforce", meeting_date=date(2027, 1, 14)),
    )
    pack = build_pack(shipped_corpus, spec, today=date(2026, 12, 1))
    return render(pack, shipped_corpus, "docx").data


@pytest.fixture(scope="session")
def built(draft_bytes: bytes) -> dict[str, draftmarks.MarkedQuote]:
    """The quotations the draft lists, by item id: the expected numbers and places come from
    the draft as built, so the tests hold while the shipped content grows."""
    with zipfile.ZipFile(io.BytesIO(draft_bytes)) as package:
        listed = draftmarks.parse_manifest(package.read("customXml/item1.xml"))
    assert listed
    return {quote.item_id: quote for quote in listed}


def was(built: dict[str, draftmarks.MarkedQuote], item_id: str) -> str:
    """Where the item's quotation was built: "paragraph 5.4 (Workforce)"."""
    return f"paragraph {built[item_id].paragraph} ({built[item_id].section})"


@pytest.fixture
def edit(draft_bytes: bytes, tmp_path: Path) -> Callable[..., Path]:
    """Save the draft after `change(document)` (none: as built) as tmp_path/draft.docx."""

    def edited(change: Callable[[WordDocument], None] | None = None) -> Path:
        document = Document(io.BytesIO(draft_bytes))
        if change is not None:
            change(document)
        path = tmp_path / "draft.docx"
        document.save(str(path))
        return path

    return edited


def styled(document: WordDocument, style: str) -> list[Paragraph]:
    return [paragraph for paragraph in document.paragraphs if paragraph.style.name == style]


def quote_of(document: WordDocument, words: str) -> Paragraph:
    return next(p for p in styled(document, "Quote") if words in p.text)


def replace_words(paragraph: Paragraph, old: str, new: str) -> None:
    """Edit the text as Word does when a word is retyped: the run is rewritten."""
    for run in paragraph.runs:
        if old in run.text:
            run.text = run.text.replace(old, new)
            return
    raise AssertionError(f"{old!r} not in {paragraph.text!r}")


def remove(paragraph: Paragraph) -> None:
    element = paragraph._element
    element.getparent().remove(element)


def item_paragraphs(quote: Paragraph) -> list[Paragraph]:
    """The label, quotation and citation paragraphs of one item."""
    element = quote._element
    return [
        Paragraph(element.getprevious(), quote._parent),
        quote,
        Paragraph(element.getnext(), quote._parent),
    ]


def verify(*args: str) -> int:
    return main(["--content", str(CONTENT), "verify", *args])


# --- Marks written -----------------------------------------------------------------------------


def test_every_quotation_is_bookmarked_and_listed_with_its_item_and_words(
    draft_bytes: bytes, shipped_corpus: Corpus
) -> None:
    with zipfile.ZipFile(io.BytesIO(draft_bytes)) as package:
        body = package.read("word/document.xml").decode("utf-8")
        manifests = [
            draftmarks.parse_manifest(package.read(name))
            for name in package.namelist()
            if name.startswith("customXml/item") and "Props" not in name
        ]
    assert len(manifests) == 1 and manifests[0] is not None
    listed = manifests[0]
    document = Document(io.BytesIO(draft_bytes))
    quotes = styled(document, "Quote")
    assert len(listed) == len(quotes) > 20
    for quote in listed:
        item = shipped_corpus.item(quote.item_id)
        assert quote.text == item.text and quote.source_id == item.source
        assert quote.citation.startswith("Source: ")
        assert f'w:name="briefgen_quote_{quote.number}"' in body
        assert f'w:name="briefgen_source_{quote.number}"' in body
    employer = next(quote for quote in listed if quote.item_id == MODEL_EMPLOYER)
    assert employer.section == "Workforce" and employer.paragraph  # e.g. A.9 in the appendix


def test_a_draft_used_as_a_template_carries_only_the_new_list(
    draft_bytes: bytes, shipped_corpus: Corpus, tmp_path: Path
) -> None:
    template = tmp_path / "old-draft.docx"
    template.write_bytes(draft_bytes)
    spec = PackSpec(layout="member-briefing", audience="members", themes=["workforce"])
    pack = build_pack(shipped_corpus, spec, today=date(2026, 12, 1))
    data = render(pack, shipped_corpus, "docx", RenderOptions(template=template)).data
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        lists = [
            draftmarks.parse_manifest(package.read(name))
            for name in package.namelist()
            if name.startswith("customXml/item") and "Props" not in name
        ]
    assert [len(found or []) for found in lists] == [len(pack.item_ids)]


# --- Drafts edited ------------------------------------------------------------------------------


def test_an_unedited_draft_matches_and_exits_0(
    edit: Callable[..., Path], built: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert verify(str(edit())) == 0
    assert capsys.readouterr().out == (
        f"Checked draft.docx: {len(built)} quotations; every one matches its source.\n"
    )


def test_a_changed_word_is_reported_with_its_paragraph_number_and_a_word_diff(
    edit: Callable[..., Path], built: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = edit(lambda d: replace_words(quote_of(d, "model employer"), "social", "care"))
    assert verify(str(path)) == 1
    count = len(built)
    assert capsys.readouterr().out.splitlines() == [
        f"Checked draft.docx: {count} quotations, {count - 1} matching their source; 1 finding "
        "to put right.",
        "",
        f"P{was(built, MODEL_EMPLOYER)[1:]}: changed: the quotation from item "
        f"'{MODEL_EMPLOYER}' no longer matches its source",
        "    Become a model employer for [-social-]{+care+} workers in the region; reducing the …",
        "",
        "[-words-] are the source's, missing from the draft; {+words+} are the draft's own",
    ]


def test_a_deleted_quotation_is_reported_where_it_was_and_its_left_citation_as_orphaned(
    edit: Callable[..., Path], built: dict[str, Any], shipped_corpus: Corpus
) -> None:
    path = edit(lambda d: remove(quote_of(d, "model employer")))
    check = check_draft(path, shipped_corpus)
    assert [(f.kind, f.item_id, f.place.describe()) for f in check.findings] == [
        ("deleted", MODEL_EMPLOYER, f"{was(built, MODEL_EMPLOYER)} as built"),
        ("citation-orphaned", MODEL_EMPLOYER, was(built, MODEL_EMPLOYER)),
    ]
    assert check.findings[1].message == (
        f"the citation of the deleted quotation from item '{MODEL_EMPLOYER}' is left without "
        "it: 'Source: Commissioner, Northamptonshire delivery and governance discussion "
        "document, Section 4, success criterion 4'"
    )


def test_a_whole_item_deleted_is_one_finding(
    edit: Callable[..., Path], shipped_corpus: Corpus
) -> None:
    def delete_item(document: WordDocument) -> None:
        for paragraph in item_paragraphs(quote_of(document, "model employer")):
            remove(paragraph)

    check = check_draft(edit(delete_item), shipped_corpus)
    assert [(f.kind, f.item_id) for f in check.findings] == [("deleted", MODEL_EMPLOYER)]
    assert check.findings[0].message == (
        f"the quotation from item '{MODEL_EMPLOYER}' has been deleted"
    )


def test_a_moved_item_is_no_finding_and_is_found_at_its_new_paragraph(
    edit: Callable[..., Path], shipped_corpus: Corpus
) -> None:
    def move_and_change(document: WordDocument) -> None:
        quote = quote_of(document, "model employer")
        # After the last item of the section on risks (7.x): cut and paste the item there.
        target = styled(document, "Citation")[-1]._element
        for paragraph in reversed(item_paragraphs(quote)):
            target.addnext(paragraph._element)
        replace_words(quote, "social", "care")

    path = edit(move_and_change)
    check = check_draft(path, shipped_corpus)
    assert [(f.kind, f.item_id) for f in check.findings] == [("changed", MODEL_EMPLOYER)]
    # Reported at the number its label now shows: kept as typed, or given anew by Word's list.
    shown = read_draft(path).paragraphs
    label = next(i for i, p in enumerate(shown) if "model employer for care" in p.text) - 1
    assert shown[label].number and check.findings[0].place.number == shown[label].number


def test_a_quotation_moved_away_from_its_citation_is_reported(
    edit: Callable[..., Path], built: dict[str, Any], shipped_corpus: Corpus
) -> None:
    def move_quote(document: WordDocument) -> None:
        quote = quote_of(document, "model employer")._element
        styled(document, "Citation")[-1]._element.addnext(quote)

    check = check_draft(edit(move_quote), shipped_corpus)
    assert [(f.kind, f.item_id) for f in check.findings] == [("citation-separated", MODEL_EMPLOYER)]
    assert f"is no longer beside it; it is now at {was(built, MODEL_EMPLOYER)}" in (
        check.findings[0].message
    )


def test_the_officers_own_text_is_not_a_finding(
    edit: Callable[..., Path], built: dict[str, Any], shipped_corpus: Corpus
) -> None:
    def add_text(document: WordDocument) -> None:
        quote = quote_of(document, "model employer")
        # Between the quotation and its citation, a paragraph of the officer's own, and a
        # quotation of their own (from elsewhere) in the Quote style.
        item_paragraphs(quote)[2].insert_paragraph_before("The officer's comment on this.")
        document.add_paragraph("Our own survey found the same.", style="Quote")
        document.add_paragraph("A closing paragraph by the officer.")

    check = check_draft(edit(add_text), shipped_corpus)
    assert check.ok and check.matching == check.quotations == len(built)


def test_a_deleted_citation_is_reported_even_when_another_reads_the_same(
    edit: Callable[..., Path], built: dict[str, Any], shipped_corpus: Corpus
) -> None:
    def delete_citation(document: WordDocument) -> None:
        # Several Solace items share this citation; the one deleted is found by its bookmark.
        quote = quote_of(document, "82% of Solace members")
        remove(item_paragraphs(quote)[2])

    check = check_draft(edit(delete_citation), shipped_corpus)
    assert [(f.kind, f.place.describe()) for f in check.findings] == [
        ("citation-missing", was(built, TURNOVER))
    ]
    shared = [quote for quote in built.values() if quote.citation == built[TURNOVER].citation]
    assert len(shared) > 1
    assert check.findings[0].message == (
        f"the quotation from item '{TURNOVER}' has lost its citation ('{built[TURNOVER].citation}')"
    )


def test_a_changed_citation_is_reported_with_its_diff(
    edit: Callable[..., Path], shipped_corpus: Corpus
) -> None:
    def change_citation(document: WordDocument) -> None:
        citation = item_paragraphs(quote_of(document, "model employer"))[2]
        # briefgen keeps "criterion" with its number (a no-break space); the officer types an
        # ordinary space, which is not a change.
        replace_words(citation, "criterion\xa04", "criterion 5")

    check = check_draft(edit(change_citation), shipped_corpus)
    assert [f.kind for f in check.findings] == ["citation-changed"]
    assert "[-4-]{+5+}" in marked_diff(check.findings[0].diff)


def test_tracked_changes_are_read_as_accepted(
    edit: Callable[..., Path], shipped_corpus: Corpus
) -> None:
    def track(document: WordDocument) -> None:
        run = quote_of(document, "model employer").runs[0]._element
        deleted, inserted = OxmlElement("w:del"), OxmlElement("w:ins")
        for change in (deleted, inserted):
            change.set(qn("w:id"), "900")
            change.set(qn("w:author"), "Officer")
        kept = copy.deepcopy(run)
        run.addprevious(deleted)
        deleted.append(run)
        for text in run.findall(qn("w:t")):
            text.tag = qn("w:delText")
        kept.find(qn("w:t")).text = kept.find(qn("w:t")).text.replace("social", "care")
        deleted.addnext(inserted)
        inserted.append(kept)

    check = check_draft(edit(track), shipped_corpus)
    assert [(f.kind, marked_diff(f.diff, context=1), f.notes) for f in check.findings] == [
        (
            "changed",
            "… for [-social-]{+care+} workers …",
            ("read with its tracked changes accepted",),
        )
    ]


def test_a_quotation_that_lost_its_bookmark_is_found_by_its_style(
    edit: Callable[..., Path], built: dict[str, Any], shipped_corpus: Corpus
) -> None:
    def retype(document: WordDocument) -> None:
        # Deleting the whole quotation and typing it again loses the bookmark.
        quote = quote_of(document, "model employer")
        for mark in quote._element.xpath("./w:bookmarkStart | ./w:bookmarkEnd"):
            quote._element.remove(mark)
        replace_words(quote, "region", "county")

    check = check_draft(edit(retype), shipped_corpus)
    expected = built[MODEL_EMPLOYER].paragraph
    assert [(f.kind, f.place.number) for f in check.findings] == [("changed", expected)]


def test_a_draft_without_the_list_is_checked_by_style_and_says_what_it_cannot_see(
    edit: Callable[..., Path], built: dict[str, Any], shipped_corpus: Corpus
) -> None:
    def strip(document: WordDocument) -> None:
        part = document.part
        for rel_id, rel in list(part.rels.items()):
            if rel.reltype.endswith("/customXml"):
                part.drop_rel(rel_id)
        replace_words(quote_of(document, "model employer"), "social", "care")
        remove(quote_of(document, "82% of Solace members"))

    check = check_draft(edit(strip), shipped_corpus)
    assert (check.quotations, check.matching) == (len(built) - 1, len(built) - 2)
    assert [(f.kind, f.item_id) for f in check.findings] == [("changed", MODEL_EMPLOYER)]
    assert "deleted quotations cannot be found" in check.notes[0]


def test_an_item_gone_from_the_content_or_changed_since_is_said_so(
    edit: Callable[..., Path], shipped_corpus: Corpus
) -> None:
    barriers = "solace-evidence-barriers-to-change"
    items = tuple(
        item._replace(text=item.text.replace("model employer", "good employer"))
        for item in shipped_corpus.items
        if item.id != barriers
    )
    changed = Corpus(
        shipped_corpus.themes,
        shipped_corpus.organisations,
        shipped_corpus.sources,
        shipped_corpus.glossary,
        items,
        shipped_corpus.root,
    )
    check = check_draft(edit(), changed)
    findings = sorted(check.findings, key=lambda finding: finding.kind)
    assert [(f.kind, f.item_id) for f in findings] == [
        ("changed", MODEL_EMPLOYER),
        ("not-in-content", barriers),
    ]
    assert findings[0].notes == (
        "the draft still has the words it was built with; the item's words in the content "
        "have changed since (rebuild the draft, or copy the new words in)",
    )
    assert findings[1].message.startswith(
        f"item '{barriers}' is no longer in the content, so the quotation from item "
        f"'{barriers}' cannot be checked against its source"
    )


def test_json_lists_each_finding(
    edit: Callable[..., Path], built: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = edit(lambda d: replace_words(quote_of(d, "model employer"), "social", "care"))
    assert verify("--json", str(path)) == 1
    report = json.loads(capsys.readouterr().out)
    count = len(built)
    assert (report["ok"], report["quotations"], report["matching"]) == (False, count, count - 1)
    [finding] = report["findings"]
    assert finding["kind"] == "changed" and finding["item"] == MODEL_EMPLOYER
    assert (finding["paragraph"], finding["heading"]) == (
        built[MODEL_EMPLOYER].paragraph,
        "Workforce",
    )
    assert {"change": "removed", "words": "social"} in finding["diff"]
    assert {"change": "added", "words": "care"} in finding["diff"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "draft.doc",
            b"",
            "is not a Word document (.docx); open it in Word or LibreOffice and save it as a "
            "Word document (.docx), then check that file",
        ),
        (
            "draft.docx",
            b"not a zip",
            "is not a Word document briefgen can read (File is not a zip file); open it in "
            "Word and save it again as a Word document (.docx)",
        ),
        (None, b"", "(No such file or directory); check the file name"),
    ],
)
def test_a_file_that_is_not_a_word_draft_is_a_message_not_a_traceback(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str | None,
    data: bytes,
    message: str,
) -> None:
    path = tmp_path / (name or "missing.docx")
    if name:
        path.write_bytes(data)
    assert verify(str(path)) == 1
    error = capsys.readouterr().err
    assert error.startswith("briefgen: ") and message in error


def test_a_long_unchanged_stretch_is_shortened_around_each_change() -> None:
    source = "one two three four five six seven eight nine ten eleven twelve"
    draft = source.replace("two", "2").replace("eleven", "11")
    assert marked_diff(word_diff(source, draft), context=2) == (
        "one [-two-]{+2+} three four … nine ten [-eleven-]{+11+} twelve"
    )


# --- Through a word processor -------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_marks_survive_libreoffice_opening_and_saving_the_draft(
    edit: Callable[..., Path], built: dict[str, Any], shipped_corpus: Corpus, tmp_path: Path
) -> None:
    path = edit(lambda d: replace_words(quote_of(d, "model employer"), "social", "care"))
    out = tmp_path / "saved"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    saved = out / "draft.docx"
    with zipfile.ZipFile(saved) as package:
        body = package.read("word/document.xml")
    assert b"w:ind w:start=" in body  # LibreOffice rewrote the body (Word writes w:left)
    check = check_draft(saved, shipped_corpus)
    assert (check.quotations, check.matching) == (len(built), len(built) - 1)
    assert [(f.kind, f.item_id, f.place.describe()) for f in check.findings] == [
        ("changed", MODEL_EMPLOYER, was(built, MODEL_EMPLOYER))
    ]
    assert format_report(check).splitlines()[3] == (
        "    Become a model employer for [-social-]{+care+} workers in the region; reducing the …"
    )
    assert report_json(check)["ok"] is False


# --- Numbers Word works out -----------------------------------------------------------------------


def number_with_a_word_list(document: WordDocument) -> None:
    """Replace the typed paragraph numbers ("5.3" and a tab) with a multilevel Word list linked
    to Heading 1, as a council template numbers its reports."""
    numbering = document.part.numbering_part.element
    definition = OxmlElement("w:abstractNum", {qn("w:abstractNumId"): "900"})
    heading_id = document.styles["Heading 1"].style_id
    for level, text in ((0, "%1"), (1, "%1.%2")):
        lvl = OxmlElement("w:lvl", {qn("w:ilvl"): str(level)})
        lvl.append(OxmlElement("w:start", {qn("w:val"): "1"}))
        lvl.append(OxmlElement("w:numFmt", {qn("w:val"): "decimal"}))
        if level == 0:
            lvl.append(OxmlElement("w:pStyle", {qn("w:val"): heading_id}))
        lvl.append(OxmlElement("w:lvlText", {qn("w:val"): text}))
        definition.append(lvl)
    numbering.findall(qn("w:num"))[0].addprevious(definition)
    instance = OxmlElement("w:num", {qn("w:numId"): "900"})
    instance.append(OxmlElement("w:abstractNumId", {qn("w:val"): "900"}))
    numbering.append(instance)
    number_style = document.styles["Paragraph Number"].style_id
    for paragraph in document.paragraphs:
        runs = paragraph._element.findall(qn("w:r"))
        if paragraph.style.name == "Heading 1" and paragraph.text.split("\t")[0].isdigit():
            level = 0
            first = runs[0]
            first.remove(first.find(qn("w:t")))  # the number; the tab follows
            first.remove(first.find(qn("w:tab")))
        elif (
            runs
            and runs[0].xpath(f'./w:rPr/w:rStyle[@w:val="{number_style}"]')
            and "".join(runs[0].itertext())[:1].isdigit()  # an appendix's "A.1" stays typed
        ):
            level = 1
            paragraph._element.remove(runs[0])  # the number
            paragraph._element.remove(runs[1])  # its tab
        else:
            continue
        numbered = paragraph._element.get_or_add_pPr().get_or_add_numPr()
        numbered.get_or_add_ilvl().val = level
        numbered.get_or_add_numId().val = 900


def test_paragraph_numbers_of_a_word_list_are_counted_as_word_shows_them(
    edit: Callable[..., Path], built: dict[str, Any], shipped_corpus: Corpus
) -> None:
    typed = [paragraph.number for paragraph in read_draft(edit()).paragraphs]

    def renumber_and_change(document: WordDocument) -> None:
        number_with_a_word_list(document)
        replace_words(quote_of(document, "model employer"), "social", "care")

    path = edit(renumber_and_change)
    listed = read_draft(path).paragraphs
    assert not any("\t" in p.text.split(" ")[0] for p in listed if p.style == "Heading 1")
    assert [paragraph.number for paragraph in listed] == typed
    check = check_draft(path, shipped_corpus)
    assert [f.place.describe() for f in check.findings] == [was(built, MODEL_EMPLOYER)]
