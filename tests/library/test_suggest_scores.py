"""Scores, reasons and repeat notes on an imported document (decision 0189): a score means the
same whether the headings came from the extractor or from the text, a reason names the cue
that counted, and a repeat is noted at the place a reader finds it."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.content import Corpus
from briefgen.library.extract import ExtractedDocument, extract
from briefgen.library.suggest import Suggestion, SuggestModel, suggest, train
from tests.library import documents

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
<h2>Next steps</h2>
<ol><li>The council will publish a workforce plan in the spring.</li>
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
        next(o.kind for o in sections_only if (o.start, o.end) == (s.start, s.end))
        for s in shared
    ]
