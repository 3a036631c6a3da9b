"""The page-reading rules on plain lines: printed numbers found wherever content order puts
them, furniture told from body text, words broken at line ends, paragraph numbers."""

from __future__ import annotations

from briefgen.library.extract.model import LabelSource
from briefgen.library.extract.pdf_layout import (
    Line,
    find_furniture,
    gather_footnotes,
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
