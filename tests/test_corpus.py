"""The shipped corpus: complete, verified, and covering every theme, source and kind."""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from briefgen.content import ITEM_KINDS, Corpus
from briefgen.content.quotes import normalise_quote, normalise_source

THEMES = {
    "delivery-models", "governance-accountability", "funding", "inspection-improvement",
    "safeguarding", "markets-commissioning", "localism-deregulation", "workforce",
    "partnership-integration", "education-schools", "families-communities", "early-help",
    "skills-employment", "health-wellbeing",
}  # fmt: skip


def test_every_shipped_quote_is_at_its_recorded_span(shipped_corpus: Corpus) -> None:
    for item in shipped_corpus.items:
        source = shipped_corpus.sources[item.source]
        start, end = item.span
        found = normalise_source(source.text[start:end], source.furniture).text.strip()
        assert found == normalise_quote(item.text), item.id


# SHA-256 of the conversions as delivered (shared/sources); quotes are checked against these bytes.
PUBLISHED = {
    "000_4def173543fe0b08.txt": "1225c2b00b92f98f74a2ec5897622ebe63cdc3494f69c097a551a5ebb61b892f",
    "001_f3a742b1b2234037.txt": "47cf98236f427f4d74beb38586f804b21f58d70349a5bfbb816bfa2674a6d9ab",
    "002_74b91b00594bd52b.txt": "56ff2f59460d0779971aa94e4021089eab7786764d54e984f09ed97bcf49cac6",
    "003_693c2d91febc3988.txt": "0086fb825b2f54e3be03055024fe4070d6c6dec35bb4a80a5e887e758c016d32",
    "004_592b667362630cdd.txt": "f2fdca228f2ab704265f66773fdf40abe0e6958d9d26d2dc45d0a29726824bd1",
}


def test_shipped_sources_are_byte_identical_to_the_published_conversions(
    shipped_corpus: Corpus,
) -> None:
    shipped = {
        source.file: hashlib.sha256(source.path.read_bytes()).hexdigest()
        for source in shipped_corpus.sources.values()
    }
    assert shipped == PUBLISHED


def test_the_corpus_covers_every_theme_source_and_kind(shipped_corpus: Corpus) -> None:
    items = shipped_corpus.items
    assert set(shipped_corpus.themes) == THEMES
    assert {theme for item in items for theme in item.themes} == THEMES
    assert {item.source for item in items} == set(shipped_corpus.sources)
    assert len(shipped_corpus.sources) == 5
    assert {item.kind for item in items} == set(ITEM_KINDS)
    assert len(items) > 150


def test_every_source_has_key_items_and_items_have_one_to_three_themes(
    shipped_corpus: Corpus,
) -> None:
    key_by_source = Counter(item.source for item in shipped_corpus.items if item.key)
    assert set(key_by_source) == set(shipped_corpus.sources)
    for item in shipped_corpus.items:
        assert 1 <= len(item.themes) <= 3, item.id
        assert len(item.headline.split()) <= 15, item.id


LINE_OPENING = re.compile(
    r"(?:^|\n)[ \t]*(?:[-•][ \t]*)?(?:\d+(?:\.\d+)*[.)]?|[a-z][.)])?[ \t]*(?:\*\*[^*\n]*\*\*)?$"
)


def test_quotes_are_whole_sentences_or_list_items(shipped_corpus: Corpus) -> None:
    """A quote starts where a sentence or list item starts: after a full stop, colon or line
    break (with any list marker), never in the middle of a sentence."""
    for item in shipped_corpus.items:
        text = shipped_corpus.sources[item.source].text
        before = text[: item.span[0]].rstrip(" \t'\"‘“(")
        # A line may open with a list marker, a paragraph number ("2.6.1") or a bold label.
        before = LINE_OPENING.sub("\n", before).rstrip(" \t*")
        # A footnote number the conversion glued after a full stop ("ages 8 and 15.8 In future").
        before = re.sub(r"(?<=[.!?])\s*\d{1,2}$", "", before)
        assert not before or before[-1] in ".!?:;\n>)", f"{item.id}: starts mid-sentence"


def test_every_theme_has_an_inclusion_rule_and_none_holds_over_a_fifth_of_the_items(
    shipped_corpus: Corpus,
) -> None:
    items = shipped_corpus.items
    for theme in shipped_corpus.themes.values():
        assert theme.rule, theme.id
        count = sum(theme.id in item.themes for item in items)
        assert count <= 0.2 * len(items), (theme.id, count, len(items))
