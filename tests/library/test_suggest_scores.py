"""Scores, reasons and repeat notes on an imported document (decision 0189): a score means the
same whether the headings came from the extractor or from the text, a reason names the cue
that counted, and a repeat is noted at the place a reader finds it."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.library import documents

from briefgen.content import Corpus
from briefgen.library.extract import ExtractedDocument, extract
from briefgen.library.suggest import Suggestion, SuggestModel, suggest, train
from briefgen.library.suggest.label import reason, summary_note
from briefgen.library.suggest.model import read_layout
from briefgen.library.suggest.spans import candidates

# A council paper as an officer would print it: a title above every section, a summary the body
# repeats, a stance, a figure, a concern and numbered next steps.
PAPER_HTML = """<h1>Children's Services and the Council's Plans</h1>
<h2>Summary</h2>
<p>Caseloads for social workers have risen by a fifth since 2019, and agency staff now fill one
post in five across the county.</p>
<h2>Pressures on services</h2>
<p>Councils spend more each year on placements for looked after children.</p>
<p>Caseloads for social workers have risen by a fifth since 2019, and agency staff now fill one
post in five across the county.</p>
<p>We believe councils are best placed to lead early help in their own areas.</p>
<p>Spending on residential placements rose by £40 million in two years.</p>
<p>Councils should pool budgets with health partners for early help.</p>
<h2>Next steps</h2>
<ol><li>A workforce plan will be published in the spring.</li>
<li>Officers will report progress to the scrutiny committee each quarter.</li></ol>"""


@pytest.fixture(scope="module")
def model(shipped_corpus: Corpus) -> SuggestModel:
    return train(shipped_corpus)


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory) -> ExtractedDocument:
    path: Path = tmp_path_factory.mktemp("scores") / "paper.pdf"
    path.write_bytes(documents.pdf_bytes(PAPER_HTML))
    return extract(path)


def every(text: str, model: SuggestModel, **options: object) -> list[Suggestion]:
    return suggest(text, model, min_score=0.0, limit=0, **options)  # type: ignore[arg-type]


def test_a_title_heading_above_every_section_does_not_raise_the_scores(
    paper: ExtractedDocument, model: SuggestModel
) -> None:
    title = paper.headings[0]
    assert title.level == 1 and all(h.level > 1 for h in paper.headings[1:])
    with_title = every(paper.text, model, headings=paper.headings)
    sections_only = every(paper.text, model, headings=paper.headings[1:])
    scores = {(s.start, s.end): s.score for s in sections_only}
    shared = [s for s in with_title if (s.start, s.end) in scores]
    assert len(shared) >= 5
    assert [s.score for s in shared] == [scores[s.start, s.end] for s in shared]
    assert [s.kind for s in shared] == [
        next(o.kind for o in sections_only if (o.start, o.end) == (s.start, s.end)) for s in shared
    ]


@pytest.fixture(scope="module")
def imported(paper: ExtractedDocument, model: SuggestModel) -> list[Suggestion]:
    """The paper's suggestions as an imported source gets them: its headings and locator."""
    return every(
        paper.text, model, headings=paper.headings, locate=paper.locator, publisher="Anytown"
    )


def find(found: list[Suggestion], words: str) -> Suggestion:
    matches = [s for s in found if words in " ".join(s.text.split())]
    assert len(matches) == 1, f"{words!r} is in {len(matches)} suggestions"
    return matches[0]


def test_a_reason_names_the_wording_or_place_that_counted(imported: list[Suggestion]) -> None:
    assert find(imported, "We believe councils").reason.startswith("'we believe'")
    assert find(imported, "Councils should pool budgets").reason.startswith(
        "says what councils should do"
    )
    assert find(imported, "£40 million").reason.startswith("gives a figure")
    assert find(imported, "Officers will report progress").reason.startswith(
        "numbered item under 'Next steps'"
    )
    assert not any(s.reason.startswith("close to") for s in imported if "believe" in s.text)


def test_without_a_cue_the_reason_counts_the_nearest_curated_items() -> None:
    text = "The pilot ran in three areas."
    layout = read_layout(text)
    (candidate,) = candidates(text, layout.structure, layout.sentences, None)
    nearest = ["risk"] * 14 + ["position"] * 6
    assert reason(text, "risk", candidate, layout.structure, nearest) == (
        "close to 14 curated risk items"
    )
    assert reason(text, "example", candidate, layout.structure, nearest) == (
        "reads like curated example items"
    )


def test_a_repeat_is_noted_once_where_a_reader_finds_it(
    paper: ExtractedDocument, imported: list[Suggestion]
) -> None:
    caseloads = find(imported, "Caseloads for social workers")
    (place,) = caseloads.summary_places
    page = paper.locator(*place).split(",")[0]
    assert caseloads.reason.endswith(f"also on {page} ('Summary'), word for word")
    assert "para" not in caseloads.reason


def test_places_with_the_same_locator_are_named_once() -> None:
    text = "# Summary\n\nCosts rose.\n\nDemand rose.\n\n# Costs\n\nCosts rose. Demand rose."
    structure = read_layout(text).structure
    places = [(text.index("Costs rose"), 20), (text.index("Demand rose"), 35)]
    assert summary_note(structure, places, lambda s, e: "p. 2, 'Summary'") == (
        "also on p. 2 ('Summary'), word for word"
    )
    assert summary_note(structure, places, lambda s, e: "para 4.3") == (
        "also in para 4.3, word for word"
    )
    assert summary_note(structure, places) == (
        "also in 'Summary', para 1 and in 'Summary', para 2, word for word"
    )
