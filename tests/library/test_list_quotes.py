"""A list quoted whole keeps its items as paragraphs, from the suggestion to the printed pack."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from briefgen.cli import main
from briefgen.content import Corpus, load_corpus
from briefgen.library.curate import item_record
from briefgen.library.folders import library_folders
from briefgen.library.quotespan import as_item_text
from briefgen.library.suggest import SuggestModel, suggest, train
from briefgen.library.writer import append_items, append_source
from briefgen.pack import PackSpec
from briefgen.pack.builder import build_pack
from briefgen.render.html import render_html_string

# As a PDF's text has it: the lead-in's sentence printed over two lines, the bullets kept.
REPORT = (
    "# Clear opportunities\n\n"
    "This programme's core role is to approach a specification for a future centre of\n"
    "excellence. Over the next nine months, we will:\n"
    "• Engage far and wide\n"
    "• Experiment with key delivery approaches\n"
    "• Evaluate evidence to inform our design work\n"
    "• Design the Centre of Excellence\n"
    "We welcome feedback from every council on the ideas in this paper.\n"
)
QUOTE = (
    "Over the next nine months, we will:\n\nEngage far and wide\n\n"
    "Experiment with key delivery approaches\n\nEvaluate evidence to inform our design work\n\n"
    "Design the Centre of Excellence"  # title-like, but an item of the list all the same
)


def test_item_text_keeps_a_blank_line_where_a_paragraph_starts() -> None:
    passage = "we will:\n• Engage far and wide\n• Experiment with\n  key approaches"
    breaks = [passage.index("Engage"), passage.index("Experiment")]
    assert as_item_text(passage, breaks) == (
        "we will:\n\nEngage far and wide\n\nExperiment with key approaches"
    )
    assert as_item_text(passage) == "we will: Engage far and wide Experiment with key approaches"
    # breaks at either end, or repeated, add no empty paragraphs
    assert as_item_text(passage, [0, len(passage), *breaks, breaks[0]]) == as_item_text(
        passage, breaks
    )


@pytest.fixture(scope="module")
def model(shipped_corpus: Corpus) -> SuggestModel:
    return train(shipped_corpus)


def _commitments(model: SuggestModel) -> str:
    found = suggest(REPORT, model, min_score=0.0, limit=0)
    listed = [s for s in found if "Engage far and wide" in s.text]
    assert len(listed) == 1
    (suggestion,) = listed
    # one passage: the lead-in's last sentence and every short commitment after it
    assert suggestion.text == REPORT[suggestion.start : suggestion.end]
    assert suggestion.text.startswith("Over the next nine months")
    assert suggestion.text.endswith("Design the Centre of Excellence")
    assert not any("Experiment with" in s.text for s in found if s is not suggestion)
    return suggestion.quote_text()


def test_a_list_of_short_commitments_is_one_suggestion_a_paragraph_an_item(
    model: SuggestModel,
) -> None:
    assert _commitments(model) == QUOTE


def test_the_items_paragraphs_are_written_read_back_and_printed_apart(
    make_content: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "mine"
    (library / "sources").mkdir(parents=True)
    (library / "sources" / "plan.txt").write_text(REPORT, encoding="utf-8")
    append_source(
        library,
        {
            "id": "plan",
            "title": "Our plan for a centre of excellence",
            "publisher": "LGA",
            "date": "October 2025",
            "short_title": "Our plan",
            "file": "plan.txt",
        },
    )
    record = {
        "id": "plan-commitments",
        "kind": "proposition",
        "org": "lga",
        "locator": "'Clear opportunities'",
        "themes": ["workforce"],
        "key": True,
        "headline": "What the programme will do",
        "text": QUOTE,
    }
    path = append_items(library, "plan", "Our plan", [record])
    written = path.read_text(encoding="utf-8")
    assert yaml.safe_load(written)["items"][0]["text"] == QUOTE
    assert "text: >-" in written  # folded, a line a paragraph, not an escaped string
    content = make_content()
    corpus = load_corpus(library_folders(content, [library]))
    item = corpus.item("plan-commitments")
    assert item.text == QUOTE  # the loader keeps the paragraphs …
    assert REPORT[item.span[0] : item.span[1]].startswith("Over the next")  # … and finds it
    spec = PackSpec(layout="member-briefing", audience="members", themes=["workforce"])
    html = render_html_string(build_pack(corpus, spec), corpus)
    after = html[html.index("What the programme will do") :]
    quote = re.search(r"<blockquote[^>]*>(.*?)</blockquote>", after, re.S)
    assert quote is not None
    paragraphs = re.findall(r"<p>(.*?)</p>", quote.group(1))
    assert paragraphs == [
        "Over the next nine months, we will:",
        "Engage far and wide",
        "Experiment with key delivery approaches",
        "Evaluate evidence to inform our design work",
        "Design the Centre of Excellence",
    ]
    # the command line's table keeps the item to its one line
    assert main(["--content", str(content), "--library", str(library), "items"]) == 0
    (row,) = [line for line in capsys.readouterr().out.splitlines() if "plan-commitments" in line]
    assert "Over the next nine months, we will: Engage far and wide" in row
    assert "\\x0a" not in row


def test_an_accepted_suggestions_record_holds_its_paragraphs(model: SuggestModel) -> None:
    found = suggest(REPORT, model, min_score=0.0, limit=0)
    (suggestion,) = [s for s in found if "Engage far and wide" in s.text]
    assert item_record(suggestion, "plan-1")["text"] == QUOTE


def test_a_passage_chosen_by_hand_keeps_the_sources_paragraphs(tmp_path: Path) -> None:
    """Add as item… writes a selection across a list as a suggestion's would be written."""
    from briefgen.content import Source
    from briefgen.library.suggest.corpus import passage_item_text

    source = Source(
        id="plan",
        title="Our plan",
        publisher="LGA",
        date="2025",
        short_title="Our plan",
        file="plan.txt",
        path=tmp_path / "plan.txt",
        text=REPORT,
    )
    start = REPORT.index("Over the next")
    end = REPORT.index("of Excellence") + len("of Excellence")
    assert passage_item_text(source, start, end) == QUOTE
    # within one paragraph printed over two lines: one line, as before
    start, end = REPORT.index("This programme"), REPORT.index("excellence.") + len("excellence.")
    assert passage_item_text(source, start, end) == (
        "This programme's core role is to approach a specification for a future centre of "
        "excellence."
    )
