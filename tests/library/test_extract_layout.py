"""The page-reading rules on plain lines: printed numbers found wherever content order puts
them, furniture told from body text, words broken at line ends, paragraph numbers."""

from __future__ import annotations

from briefgen.library.extract.model import LabelSource
from briefgen.library.extract.pdf_footnotes import gather_footnotes, reading_order
from briefgen.library.extract.pdf_layout import (
    Line,
    find_furniture,
    join_hyphenated,
    printed_labels,
)
from briefgen.library.extract.structure import (
    paragraph_number,
    roman_value,
    split_heading_number,
    to_roman,
)


def pages_of(*texts: str) -> list[list[Line]]:
    return [[Line(line) for line in text.split("\n")] for text in texts]


def labels(pages: list[list[Line]]) -> list[tuple[str, LabelSource] | None]:
    found, _ = printed_labels(pages, find_furniture(pages))
    return [(label.label, label.source) if label else None for label in found]


def test_footer_number_first_in_content_order_is_the_label_as_acrobat_writes_it() -> None:
    pages = pages_of(
        "iii\nContents\nIntroduction 1",
        "iv\nForeword text here.\nMore foreword.",
        "1\nChapter text starts.\nAnd goes on.",
        "2\nMore chapter text.\nAnd on.",
    )
    assert labels(pages) == [
        ("iii", LabelSource.PRINTED),
        ("iv", LabelSource.PRINTED),
        ("1", LabelSource.PRINTED),
        ("2", LabelSource.PRINTED),
    ]


def test_page_n_of_m_and_a_year_in_the_header_are_told_apart() -> None:
    pages = pages_of(
        "Budget 2025\nFirst page text.\nPage 11 of 40",
        "Budget 2025\nSecond page text.\nPage 12 of 40",
        "Budget 2025\nThird page text.\nPage 13 of 40",
    )
    assert [label[0] if label else None for label in labels(pages)] == ["11", "12", "13"]
    assert find_furniture(pages) == [{0, 2}, {0, 2}, {0, 2}]


def test_page_number_inside_a_running_footer_is_read_not_the_page_count() -> None:
    pages = pages_of(
        "Text one.\nAnytown Council | Page 3 of 40",
        "Text two.\nAnytown Council | Page 4 of 40",
        "Text three.\nCivic Centre | Page 5 of 40",
    )
    assert [label[0] if label else None for label in labels(pages)] == ["3", "4", "5"]
    # The third footer differs, so no line repeats on all three pages, but each says "Page N"
    # and keeps step, so each is dropped as the line that prints the page number.
    assert printed_labels(pages, find_furniture(pages))[1] == [{1}, {1}, {1}]


def test_page_without_a_printed_number_gets_its_neighbours_sequence() -> None:
    pages = pages_of("Text a.\n7", "A full-page chart title", "Text c.\n9", "Text d.\n10")
    assert labels(pages)[1] == ("8", LabelSource.INFERRED)


def test_a_lone_number_out_of_step_is_not_a_page_number() -> None:
    pages = pages_of("Text.\n3", "Figure 2\n42\nText.", "Text.\n5")
    assert labels(pages) == [
        ("3", LabelSource.PRINTED),
        ("4", LabelSource.INFERRED),
        ("5", LabelSource.PRINTED),
    ]


def test_body_lines_that_do_not_repeat_are_not_furniture() -> None:
    pages = pages_of(
        "Introduction\nBody one.\n1", "Findings\nBody two.\n2", "Summary\nBody three.\n3"
    )
    assert find_furniture(pages) == [set(), set(), set()]


def test_roman_numerals_are_read_strictly_and_written_in_the_case_printed() -> None:
    assert [to_roman(n, upper) for n, upper in ((4, False), (1994, True))] == ["iv", "MCMXCIV"]
    assert [roman_value(text) for text in ("iv", "XII", "mcmxc", "iiii", "civic", "")] == [
        4, 12, 1990, None, None, None
    ]  # fmt: skip


def test_broken_words_keep_a_hard_hyphen_and_drop_a_layout_one_unless_the_text_says() -> None:
    assert join_hyphenated("up-to", "date", soft=False, words=set()) == "up-to-date"
    assert join_hyphenated("sub", "regional", soft=False, words=set()) == "sub-regional"
    assert join_hyphenated("sub", "regional", soft=False, words={"subregional"}) == "subregional"
    assert join_hyphenated("respons", "ibilities", soft=True, words=set()) == "responsibilities"
    assert join_hyphenated("co", "ordinate", soft=True, words={"co-ordinate"}) == "co-ordinate"


def test_paragraph_numbers_open_paragraphs_not_wrapped_figures() -> None:
    assert paragraph_number("4.3 The council agreed.", previous="Funding ended.") == "4.3"
    assert paragraph_number("4.3", previous=None) == "4.3"
    assert paragraph_number("4.3 per cent of the budget", previous="rose by") is None
    assert paragraph_number("4.3 million was spent.", previous="In total,") is None
    assert paragraph_number("12. Recommendations follow.", previous=None) is None


def test_heading_numbers_are_split_from_titles() -> None:
    assert split_heading_number("4.3 Funding") == ("4.3", "Funding")
    assert split_heading_number("2. Housing need") == ("2", "Housing need")
    assert split_heading_number("A new approach") == ("", "A new approach")
    assert split_heading_number("B. Scope") == ("B", "Scope")
    assert split_heading_number("2025 budget") == ("", "2025 budget")


def test_a_repeated_body_line_is_furniture_only_at_the_same_place_and_never_mid_sentence() -> None:
    repeated = ". This line repeats."
    bodies = [
        ["First text.", repeated, "a1.", "a2.", "a3.", "a4."],
        ["Second text.", "b1.", "b2.", "b3.", repeated, "b4."],
        [repeated, "c1.", "c2.", "c3.", "c4.", "c5."],
        ["Fourth.", "d1.", "d2.", "d3.", "d4.", "d5."],
    ]
    pages = pages_of(
        *(
            "\n".join(["Cabinet report", *body, f"Page {n}"])
            for n, body in enumerate(bodies, start=1)
        )
    )
    assert find_furniture(pages) == [{0, 7}, {0, 7}, {0, 7}, {0, 7}]
    pages = pages_of("Header\nStarts here.\n1", "Header\nsecond page text\n2", "Header\nthird.\n3")
    assert find_furniture(pages) == [{0}, {0}, {0}]  # a short page keeps its text lines


def test_a_footnote_reference_ending_the_line_before_still_ends_a_sentence() -> None:
    assert paragraph_number("1.9 But if people", previous="young people.<sup>8</sup>") == "1.9"
    assert paragraph_number("1.9 But if people", previous="young people<sup>8</sup>") is None


def test_footnotes_at_the_foot_become_one_line_each_and_small_print_above_stays() -> None:
    lines = [
        Line("Body text that runs on", 10.0),
        Line("Source: council survey", 7.0),
        Line("1 First note that wraps", 7.0),
        Line("over two lines.", 7.0),
        Line("2. Second note.", 7.0),
    ]
    assert [(line.text, line.footnote) for line in gather_footnotes(lines, 10.0)] == [
        ("Body text that runs on", False),
        ("Source: council survey", False),
        ("<sup>1</sup> First note that wraps over two lines.", True),
        ("<sup>2</sup> Second note.", True),
    ]
    small_page = [Line("1 Everything here is small.", 7.0)]
    assert gather_footnotes(small_page, 10.0) == small_page


def test_footnotes_set_a_little_smaller_count_when_the_page_raises_their_numbers() -> None:
    # Word's default: notes in 10 pt under 11 pt text, each below the body at the page's foot.
    lines = [
        Line("The council agreed the plan<sup>1</sup> in", 11.0, y=500.0),
        Line("March, as the minutes show.<sup>2</sup>", 11.0, y=486.0),
        Line("1 Cabinet minutes, item 7, on", 10.0, y=80.0),
        Line("12 March 2025.", 10.0, y=68.0),
        Line("2 Minutes of 4 March.", 10.0, y=56.0),
    ]
    assert [line.text for line in gather_footnotes(lines, 11.0)] == [
        "The council agreed the plan<sup>1</sup> in",
        "March, as the minutes show.<sup>2</sup>",
        "<sup>1</sup> Cabinet minutes, item 7, on 12 March 2025.",
        "<sup>2</sup> Minutes of 4 March.",
    ]
    # Without a reference on the page, type a tenth smaller is no footnote: a list set in
    # slightly smaller type stays text.
    unreferenced = [Line("Councils should act.", 11.0, y=500.0), *lines[2:]]
    assert gather_footnotes(unreferenced, 11.0) == unreferenced


def test_small_print_beside_the_text_rather_than_below_it_is_not_a_footnote() -> None:
    lines = [
        Line("Spending rose again this year.<sup>1</sup>", 10.0, y=300.0),
        Line("Most of it went on placements.", 10.0, y=100.0),
        Line("1 Figure 2: spending by year", 7.0, y=250.0),  # a caption set beside the text
    ]
    assert gather_footnotes(lines, 10.0) == lines
    # A footer given first in the page's order, printed lowest of all, changes nothing.
    footer_first = [
        Line("Annual report of the council", 10.0, y=30.0),
        Line("Spending rose again this year.<sup>1</sup>", 10.0, y=300.0),
        Line("1 Cabinet minutes.", 7.0, y=60.0),
    ]
    assert gather_footnotes(footer_first, 10.0)[-1].text == "<sup>1</sup> Cabinet minutes."


def note(text: str) -> Line:
    return Line(text, 7.0, footnote=True)


def test_a_pages_footnotes_follow_the_sentence_that_runs_over_its_foot() -> None:
    pages = [
        [Line("The plan was agreed. It runs until", 10.0), note("<sup>1</sup> Minutes.")],
        [
            Line("2030 and costs", 10.0),
            Line("£4 million. Councils should", 10.0),
            Line("publish it.", 10.0),
        ],
    ]
    assert [line.text for _, _, line in reading_order(pages)] == [
        "The plan was agreed. It runs until",
        "2030 and costs",
        "£4 million. Councils should",
        "publish it.",
        "<sup>1</sup> Minutes.",
    ]  # not inside the next sentence, which starts on the line that ends this one
    # A page that ends its sentence keeps its notes; a heading ends what ran on; and the
    # notes wait no longer than the next page's own.
    ended = [[Line("It was agreed.<sup>1</sup>", 10.0), note("<sup>1</sup> Minutes.")], []]
    assert [line.text for _, _, line in reading_order(ended)][-1] == "<sup>1</sup> Minutes."
    headed = [pages[0], [Line("Next steps", 14.0), Line("We will act", 10.0)]]
    assert [line.text for _, _, line in reading_order(headed, [(1, 0)])][1] == (
        "<sup>1</sup> Minutes."
    )
    unended = [pages[0], [Line("2030 and costs", 10.0), note("<sup>2</sup> Budget.")], []]
    assert [line.text for _, _, line in reading_order(unended)][1:] == [
        "2030 and costs",
        "<sup>1</sup> Minutes.",
        "<sup>2</sup> Budget.",
    ]


def test_a_notes_number_set_apart_and_an_address_broken_over_lines_make_one_note() -> None:
    # LibreOffice sets the number raised, as its own line, and wraps a long address at a "-".
    lines = [
        Line("You can find us online.<sup>1</sup>", 12.0, y=100.0),
        Line("1", 7.0, y=79.4),
        Line(" https://www.example.gov.uk/Notice/fd848d6e-7db7-", 10.0, y=74.8),
        Line("fb26dce7be2d", 10.0, y=62.8),
    ]
    assert [line.text for line in gather_footnotes(lines, 12.0)][1:] == [
        "<sup>1</sup> https://www.example.gov.uk/Notice/fd848d6e-7db7-fb26dce7be2d"
    ]
