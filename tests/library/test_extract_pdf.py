"""PDF import: printed page labels, running headers dropped, words broken at line ends, columns,
paragraph numbers, footnote references, and the messages for PDFs that cannot be imported."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
from tests.library import documents

from briefgen.content.quotes import locate, normalise_source
from briefgen.library.extract import ExtractCancelled, ExtractError, LabelSource, extract


@pytest.fixture(scope="session")
def report(report_pdf: Path):
    return extract(report_pdf)


def where(document, quote: str) -> str:
    """The locator of `quote`, after checking it verifies as quote verification will."""
    span = locate(quote, normalise_source(document.text))
    assert span is not None, f"quote does not verify: {quote!r}"
    return str(document.locator(*span))


def raw_pages(path: Path) -> list[str]:
    pdf = pypdfium2.PdfDocument(path)
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def test_printed_footer_numbers_become_page_labels_roman_then_arabic(report, report_pdf):
    with pikepdf.open(report_pdf) as pdf:
        assert "/PageLabels" not in pdf.Root  # the labels come from the footers alone
    assert [(p.label, p.label_source) for p in report.pages] == [
        ("i", LabelSource.PRINTED),
        ("ii", LabelSource.PRINTED),
        ("1", LabelSource.PRINTED),
        ("2", LabelSource.PRINTED),
        ("3", LabelSource.PRINTED),
    ]
    assert where(report, "This foreword introduces the report") == "p. ii, 'Foreword'"
    assert where(report, "The council received its settlement in February.") == "p. 1, para 1.1"


def test_running_header_and_page_numbers_are_not_in_the_text(report):
    assert "Annual Report 2025 | Anytown Council" not in report.text
    assert not re.search(r"(?m)^(?:[ivx]+|\d+)$", report.text)


def test_sentence_across_a_page_break_verifies_with_both_pages(report, report_pdf):
    pages = raw_pages(report_pdf)
    sentences = re.findall(r"Review sentence \d+ records that the local partnership met its target "
                           r"for quarter \d+\.", documents.LONG_PARAGRAPH)  # fmt: skip
    flat = [" ".join(page.split()) for page in pages]
    split = [s for s in sentences if not any(s in page for page in flat)]
    assert split, "the fixture must break a sentence across pages"
    assert where(report, split[0]) == "pp. 1–2, para 1.2"


def test_hard_hyphen_at_line_end_keeps_the_word_whole(report, report_pdf):
    assert "up\ufffeto-date" in raw_pages(report_pdf)[3]  # PDFium's mark for the break
    assert "up-to-date" in report.text
    assert where(report, "Keep the housing register up-to-date every month.") == "p. 2, para 1.3"


def test_soft_and_automatic_hyphens_at_line_end_join_the_word(report, report_pdf):
    raw = raw_pages(report_pdf)[3]
    assert "sub\u2010\r\nregional" in raw  # &shy; printed as a hyphen at the line end
    assert "\u2010\r\n" in raw.split("1.5", 1)[1]  # hyphens: auto broke a word too
    assert where(report, "A single subregional partnership will lead.") == "p. 2, para 1.4"
    assert (
        where(report, "Intergovernmental responsibilities are comprehensively documented.")
        == "p. 2, para 1.5"
    )


def test_two_columns_read_left_then_right(report):
    left = report.text.index("The left column describes")
    right = report.text.index("The right column reports")
    assert left < right
    assert where(report, documents.COLUMN_RIGHT[4:]) == "p. 3, para 2.2"


def test_footnote_reference_glued_to_a_word_is_marked_and_skipped(report):
    assert "achievable<sup>3</sup>" in report.text
    assert "fifth<sup>4</sup>. The board" in report.text  # PDFium broke the line after the 4
    assert where(report, "The council judged the saving achievable within two years.") == (
        "p. 1, para 1.1"
    )
    assert where(report, "Costs fell by a fifth. The board noted it.") == "p. 1, para 1.1"


HANGING = """<style>@page { margin-left: 25mm } h2, p { position: relative }
.number { position: absolute; left: -12mm }</style>
<h2><span class="number">4</span>Funding</h2>
<p><span class="number">4.1</span>The council agreed the budget for the coming year.</p>
<p><span class="number">4.2</span>Members asked for a review of reserves.</p>"""


def test_hanging_numbers_given_after_their_paragraph_go_back_to_its_start(tmp_path):
    path = tmp_path / "hanging.pdf"
    path.write_bytes(documents.pdf_bytes(HANGING, footer="none"))
    raw = raw_pages(path)[0]
    assert raw.index("The council agreed") < raw.index("4.1")  # PDFium's content order
    document = extract(path)
    assert document.text.startswith("4 Funding\n4.1 The council agreed the")
    assert where(document, "Members asked for a review of reserves.") == "p. 1, para 4.2"
    assert [(h.title, h.number) for h in document.headings] == [("Funding", "4")]


def test_headings_have_levels_and_numbers(report):
    assert [(h.title, h.level, h.number) for h in report.headings] == [
        ("Anytown Council Annual Report", 1, ""),
        ("Foreword", 2, ""),
        ("Funding", 2, "1"),
        ("Housing", 2, "2"),
    ]
    assert report.metadata.first_heading == "Anytown Council Annual Report"
    assert report.metadata.title == "Anytown Annual Report"


def test_pdf_page_labels_win_over_printed_numbers(labelled_pdf):
    document = extract(labelled_pdf)
    assert [p.label for p in document.pages] == ["I", "II", "10", "11", "12"]
    assert {p.label_source for p in document.pages} == {LabelSource.PDF_LABEL}
    assert where(document, "The council received its settlement") == "p. 10, para 1.1"


def test_progress_counts_pages_and_cancel_stops(report_pdf):
    calls: list[tuple[int, int]] = []
    extract(report_pdf, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    stop = threading.Event()

    def cancel_after_two(done: int, total: int) -> None:
        if done == 2:
            stop.set()

    with pytest.raises(ExtractCancelled, match="import cancelled; nothing was added"):
        extract(report_pdf, progress=cancel_after_two, cancel=stop)


def test_thousand_page_pdf_imports_with_progress(tmp_path):
    short = tmp_path / "short.pdf"
    short.write_bytes(documents.pdf_bytes("<h1>Annex</h1><p>Each page repeats this line.</p>"))
    path = tmp_path / "long.pdf"
    with pikepdf.open(short) as source, pikepdf.new() as pdf:
        for _ in range(1000):
            pdf.pages.extend(source.pages)
        pdf.save(path)
    calls: list[int] = []
    document = extract(path, progress=lambda done, total: calls.append(done))
    assert len(document.pages) == 1000 and calls == list(range(1, 1001))
    assert document.text.count("Each page repeats this line.") == 1000


def test_scanned_pdf_without_text_is_refused_with_ocr_advice(tmp_path):
    path = tmp_path / "scan.pdf"
    documents.blank_pdf(path, 40)
    with pytest.raises(ExtractError) as caught:
        extract(path)
    assert str(caught.value) == (
        f"{path}: has no text to quote: none of its 40 pages has any (it is probably scanned, "
        "and briefgen does not read text in images); run it through OCR software outside "
        "briefgen (for example `ocrmypdf`) and import the result"
    )


def test_partly_scanned_pdf_imports_with_a_warning_naming_pages(tmp_path, report_pdf):
    path = tmp_path / "partly.pdf"
    documents.append_blank_pages(report_pdf, path, 2)
    document = extract(path)
    assert document.warnings == (
        f"{path}: no text on 2 of 7 pages (PDF pages 6 and 7); they may be scanned images, and "
        "quotes from them cannot be verified; to include them, run it through OCR software "
        "outside briefgen (for example `ocrmypdf`) and import the result",
    )


def test_password_protected_pdf_is_refused(tmp_path, report_pdf):
    path = tmp_path / "locked.pdf"
    with pikepdf.open(report_pdf) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="secret", owner="owner"))
    with pytest.raises(ExtractError) as caught:
        extract(path)
    assert str(caught.value) == (
        f"{path}: is protected by a password; open it in a PDF reader, save or print a copy "
        "without the password, and import that"
    )


def test_truncated_pdf_is_refused_as_damaged(tmp_path, report_pdf):
    path = tmp_path / "truncated.pdf"
    path.write_bytes(report_pdf.read_bytes()[:1500])
    with pytest.raises(ExtractError) as caught:
        extract(path)
    assert str(caught.value) == (
        f"{path}: is damaged or incomplete and cannot be read as a PDF; download or save it "
        "again and check it opens in a PDF reader"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty (0 bytes); check it was saved or downloaded whole"),
        (b"PK\x03\x04 not really", "is not a PDF (it does not start as one); check the file"),
    ],
)
def test_empty_or_misnamed_pdf_is_refused(tmp_path, content, message):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(ExtractError) as caught:
        extract(path)
    assert str(caught.value) == f"{path}: {message}"


def test_pdf_over_the_size_limit_is_refused_before_reading(tmp_path, report_pdf, monkeypatch):
    monkeypatch.setattr("briefgen.library.extract.pdf.MAX_PDF_BYTES", 1024 * 1024)
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"0" * (3 * 1024 * 1024))
    with pytest.raises(ExtractError) as caught:
        extract(path)
    assert str(caught.value) == (
        f"{path}: is 3 MB, more than the 1 MB briefgen imports as a PDF; split it and import "
        "the part you need"
    )


def test_extracted_maps_survive_a_round_trip_as_plain_data(report):
    from briefgen.library.extract import ExtractedDocument

    again = ExtractedDocument.from_dict(report.path, report.text, report.as_dict())
    assert again == report


def test_pages_whose_fonts_give_no_letters_are_named_or_refused(tmp_path):
    from briefgen.library.extract.pdf import _assemble
    from briefgen.library.extract.pdf_layout import Line

    path = tmp_path / "old.pdf"
    readable = [Line("Readable text on this page.", 10.0)]
    unreadable = [Line("\ufffd\ufffd\ufffd \ufffd\ufffd\ufffd\ufffd \ufffd\ufffd", 10.0)]
    document = _assemble(path, [readable, unreadable], ["", ""], {})
    assert document.warnings == (
        f"{path}: the text of 1 of 2 pages (PDF page 2) cannot be read (its fonts do not say "
        "which letters they draw), and quotes from them will not verify; to include them, run "
        "it through OCR software outside briefgen (for example `ocrmypdf`) and import the result",
    )
    with pytest.raises(ExtractError) as caught:
        _assemble(path, [unreadable, []], ["", ""], {})
    assert str(caught.value) == (
        f"{path}: has text that cannot be read (its fonts do not say which letters they draw); "
        "run it through OCR software outside briefgen (for example `ocrmypdf`) and import the "
        "result"
    )


def test_imports_in_worker_threads_at_once_give_the_same_text(report_pdf, report):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(extract, [report_pdf] * 4))
    assert all(result == report for result in results)


OUTLINED = """<h1>Review of reserves</h1>
<p style="bookmark-level: 2; bookmark-label: content(text)">Scope of the review</p>
<p>The review covers the general fund.</p>
<p style="font-size: 16pt">A pull quote set large.</p>
<p>Reserves fell in the year.</p>"""


def test_outline_gives_headings_where_type_sizes_mislead_and_type_sizes_without_one(tmp_path):
    path = tmp_path / "outlined.pdf"
    path.write_bytes(documents.pdf_bytes(OUTLINED))
    with_outline = extract(path)
    assert [(h.title, h.level) for h in with_outline.headings] == [
        ("Review of reserves", 1),
        ("Scope of the review", 2),
    ]
    assert where(with_outline, "Reserves fell in the year.") == "p. 1, 'Scope of the review'"
    bare = tmp_path / "no-outline.pdf"
    with pikepdf.open(path) as pdf:
        del pdf.Root.Outlines
        pdf.save(bare)
    without = extract(bare)
    assert [(h.title, h.level) for h in without.headings] == [
        ("Review of reserves", 1),
        ("A pull quote set large.", 2),
    ]


def test_a_title_page_left_out_of_the_outline_still_gives_a_heading(tmp_path):
    path = tmp_path / "titled.pdf"
    path.write_bytes(
        documents.pdf_bytes(
            '<p style="font-size: 22pt; bookmark-level: none">Cabinet report</p>'
            "<h2>Background</h2><p>Members asked for this report.</p>"
        )
    )
    assert [h.title for h in extract(path).headings] == ["Cabinet report", "Background"]


SENTENCES = " ".join(
    f"Sentence {n} of the long paragraph about the council budget." for n in range(1, 30)
)
FOOTNOTED_PAGES = (
    "<style>.note { float: footnote; font-size: 7pt }</style>"
    '<p>The council agreed the plan<span class="note">Cabinet minutes, 4 March 2025, item 7, '
    f"which records the decision and the vote.</span> in March. {SENTENCES}</p>"
)


def test_footnotes_at_the_foot_of_a_page_do_not_break_a_sentence_running_on(tmp_path):
    path = tmp_path / "footnotes.pdf"
    path.write_bytes(documents.pdf_bytes(FOOTNOTED_PAGES))
    first_page = raw_pages(path)[0]
    assert first_page.index("Sentence 12 of the") < first_page.index("1. Cabinet minutes")
    document = extract(path)
    assert (
        "\n<sup>1</sup> Cabinet minutes, 4 March 2025, item 7, which records the decision and "
        "the vote.\n" in document.text
    )
    quote = "Sentence 12 of the long paragraph about the council budget."
    assert where(document, quote) == "pp. 1–2"
    assert where(document, "The council agreed the plan in March.") == "p. 1"


def test_a_word_broken_at_a_page_end_is_completed_past_the_footnotes(tmp_path):
    from briefgen.library.extract.pdf import _assemble
    from briefgen.library.extract.pdf_layout import Line

    pages = [
        [Line("The plan names one sub-", 10.0), Line("1 A note on the plan.", 7.0)],
        [Line("regional partnership to lead it.", 10.0), Line("More body text here.", 10.0)],
    ]
    document = _assemble(tmp_path / "notes.pdf", pages, ["", ""], {})
    assert document.text == (
        "The plan names one sub-regional partnership to lead it.\n"
        "<sup>1</sup> A note on the plan.\n"
        "More body text here."
    )
    assert where(document, "one sub-regional partnership to lead it") == "p. 1"
