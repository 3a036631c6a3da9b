"""The size limits on what briefgen reads, declared once so checks, messages and the README agree.

Content may come from shared drives and from colleagues: a limit turns a file that is far too
large (by mistake or on purpose) into a message naming the limit, instead of minutes of work or
gigabytes of memory. Each limit is many times what a real file needs (the largest shipped source
text is 59 kB, items file 63 kB, quote 537 characters).
"""

from __future__ import annotations

# A source document's text under sources/: a 600-page report converts to about 2 MB.
SOURCE_TEXT_BYTES = 20_000_000
# The map of an imported source's text (pages, headings, numbered paragraphs), a JSON file
# beside it under sources/: a 1,000-page report's map is about 1 MB.
SOURCE_MAP_BYTES = 20_000_000
# Any content YAML file: an items file, sources.yaml, themes.yaml, organisations.yaml,
# glossary.yaml.
CONTENT_FILE_BYTES = 2_000_000
# Each text field of a content record (an item's quote, locator, headline; a theme's
# introduction; each entry of a list), in characters: a quote this long fills four pages.
FIELD_CHARACTERS = 10_000


def megabytes(size: int) -> str:
    """`size` bytes as a reader says it ("20 MB", "2.1 MB"): decimal megabytes, as file managers
    show them, rounded up, so a file just over a limit never reads as the limit itself."""
    tenths = -(-size // 100_000)
    return f"{tenths // 10}.{tenths % 10}".removesuffix(".0") + " MB"
