"""Quote verification copes with PDF-conversion marks and records where each quote sits."""

from __future__ import annotations

from briefgen.content.quotes import closest_passage, locate, normalise_quote, normalise_source

SOURCE = (
    "# **Executive summary**\n\n"
    "Councils face demand<sup>2</sup> that is rising \u2013 fast. "
    "The \u2018Every Child Matters\u2019\n"
    "agenda was a\n\n"
    "solace.org.uk\n\n"
    "12\n\n"
    "<sup>2.</sup> Solace survey, 2013\n\n"
    "good one.\n"
)


def test_marks_and_typography_are_normalised() -> None:
    assert normalise_quote("**Bold**  text \u201cquoted\u201d \u2014 here\u2026") == (
        'Bold text "quoted" - here...'
    )


def test_heading_marks_and_footnote_markers_are_ignored() -> None:
    source = normalise_source(SOURCE, furniture=[r"solace\.org\.uk"])
    assert source.text.startswith("Executive summary Councils face demand that is rising - fast.")


def test_sentence_broken_across_a_page_boundary_is_found() -> None:
    source = normalise_source(SOURCE, furniture=[r"solace\.org\.uk"])
    quote = "The 'Every Child Matters' agenda was a good one."
    span = locate(quote, source)
    assert span is not None
    start, end = span
    assert SOURCE[start:end].startswith("The \u2018Every")
    assert SOURCE[start:end].endswith("good one.")


def test_furniture_is_only_skipped_when_declared() -> None:
    source = normalise_source(SOURCE)
    assert locate("The 'Every Child Matters' agenda was a good one.", source) is None


def test_span_covers_exactly_the_quote() -> None:
    source = normalise_source(SOURCE)
    start, end = locate("Councils face demand that is rising - fast.", source) or (0, 0)
    assert SOURCE[start:end] == "Councils face demand<sup>2</sup> that is rising \u2013 fast."


def test_closest_passage_shows_where_the_quote_differs() -> None:
    source = normalise_source(SOURCE)
    miss = closest_passage("Councils face demand that is falling fast.", source)
    assert miss.matched == "Councils face demand that is "
    assert miss.source_continues.startswith("rising")
    assert "falling" in miss.describe()


def test_closest_passage_matches_from_the_end_when_the_start_differs() -> None:
    source = normalise_source(SOURCE)
    miss = closest_passage("Many councils face demand that is rising - fast.", source)
    assert not miss.at_start
    assert "Many" in miss.describe()


def test_unrelated_quote_says_nothing_resembles_it() -> None:
    miss = closest_passage("Zebras.", normalise_source(SOURCE))
    assert "no passage of the source resembles it" in miss.describe()


def test_a_quote_runs_from_a_list_lead_in_into_its_first_item() -> None:
    source = normalise_source("The brief is to:\n- secure improvement;\n  - bring views.\n")
    found = locate("The brief is to: secure improvement; bring views.", source)
    assert found is not None
    # A dash inside a line is text, not a list marker.
    assert normalise_source("Costs rose - fast.").text == "Costs rose - fast."


def test_superscript_footnote_digits_are_ignored() -> None:
    source = normalise_source("children coming into care¹. Beyond this")
    assert locate("children coming into care. Beyond this", source) is not None
