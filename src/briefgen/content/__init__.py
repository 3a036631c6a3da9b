"""The content model: themes, organisations, sources, glossary and items, loaded and verified."""

from briefgen.content.loader import default_content_dir, load_corpus
from briefgen.content.model import (
    ITEM_KINDS,
    Corpus,
    GlossaryEntry,
    Item,
    Organisation,
    Source,
    Theme,
)

__all__ = [
    "ITEM_KINDS",
    "Corpus",
    "GlossaryEntry",
    "Item",
    "Organisation",
    "Source",
    "Theme",
    "default_content_dir",
    "load_corpus",
]
