"""Counted nouns in messages."""

from briefgen.counts import counted


def test_singular_and_plural() -> None:
    assert counted(1, "item") == "1 item"
    assert counted(0, "item") == "0 items"
    assert counted(2, "page") == "2 pages"
    assert counted(3, "glossary entry", "glossary entries") == "3 glossary entries"
