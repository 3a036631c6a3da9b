"""Every bound the importers enforce, in one place, so a hostile or broken file is refused early.

Imported files are untrusted (issue 15: "bounded sizes"). A limit is refused with a message that
names it; raising one is a one-line change here.
"""

from __future__ import annotations

MEGABYTE = 1024 * 1024

# Whole files, by kind, checked from the file's size before anything is parsed.
MAX_PDF_BYTES = 500 * MEGABYTE
MAX_DOCX_BYTES = 200 * MEGABYTE
MAX_TEXT_BYTES = 50 * MEGABYTE

# PDF: a 1,000-page report must import; ten times that is not a document anyone quotes.
MAX_PDF_PAGES = 10_000
# PDF streams inflated (a "PDF bomb" inflates a few megabytes into gigabytes, all of which PDFium
# holds in memory): one stream (a page's content, a font; a dense map page is ~20 MB), and all
# Flate streams of the file that are not images (a 1,000-page report's are ~100 MB).
MAX_PDF_STREAM_BYTES = 50 * MEGABYTE
MAX_PDF_INFLATED_BYTES = 2000 * MEGABYTE
# What PDFium builds for one page: drawing objects (text runs, paths, images; a page of a report
# has 50-250, a detailed map tens of thousands: 1,000,000 took PDFium 1.3 s and 330 MB to
# load), and the drawings a page places through form XObjects nested in one another.
MAX_PDF_PAGE_OBJECTS = 1_000_000
MAX_PDF_PAGE_DRAWINGS = 100_000

# Word files are zip archives: every part's declared and actual inflated size is checked before
# python-docx reads any of it (a zip bomb inflates a few kilobytes into gigabytes).
MAX_DOCX_PARTS = 10_000
MAX_DOCX_PART_BYTES = 200 * MEGABYTE  # one part inflated (document.xml of a long report ~ 20 MB)
MAX_DOCX_TOTAL_BYTES = 500 * MEGABYTE  # all parts inflated
MAX_DOCX_RATIO = 200  # inflated / compressed for any part over RATIO_FLOOR_BYTES
# Small parts (repeated XML, blank images) may compress very well without being bombs.
RATIO_FLOOR_BYTES = 1 * MEGABYTE

# A password-protected .docx is an OLE file; its directory is looked for this far in.
MAX_OLE_SCAN_BYTES = 16 * MEGABYTE

# Extracted text: more than this is not a document but a data dump.
MAX_TEXT_CHARS = 100_000_000

# Locators quote a heading; longer ones are cut with an ellipsis.
MAX_LOCATOR_HEADING_CHARS = 60


def describe_size(count: int) -> str:
    """`count` bytes as a person reads it in a message: "3 MB", "1.5 MB", "40 KB"."""
    if count >= 10 * MEGABYTE:
        return f"{count / MEGABYTE:,.0f} MB"
    if count >= MEGABYTE:
        return f"{count / MEGABYTE:.1f} MB".replace(".0 MB", " MB")
    return f"{max(1, round(count / 1024)):,} KB"
