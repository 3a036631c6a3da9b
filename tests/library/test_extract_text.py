"""Markdown and plain-text import: headings, paragraph numbers, encodings and bad files."""

from __future__ import annotations

import random

import pytest

from briefgen.content.quotes import locate, normalise_source
from briefgen.library.extract import ExtractError, extract

MARKDOWN = """\
---
title: "Community Safety Plan"
author: Safer Anytown Partnership
date: 2024-03
---
# Community Safety Plan

Setext heading
==============

## 2 Priorities

2.1 The partnership will reduce [anti-social behaviour](https://example.org/asb) in the
town centre by working with businesses.

2.2 Reports rose by
4.3 per cent last year. The _key_ measure is `reports per 1,000 residents`.

![A chart of reports](chart.png)

```
# not a heading inside code
```
"""


def where(document, quote: str) -> str:
    span = locate(quote, normalise_source(document.text))
    assert span is not None, f"quote does not verify: {quote!r}"
    return str(document.locator(*span))


def test_markdown_headings_links_and_paragraph_numbers(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    document = extract(path)
    assert document.kind == "markdown"
    assert [(h.title, h.level, h.number) for h in document.headings] == [
        ("Community Safety Plan", 1, ""),
        ("Setext heading", 1, ""),
        ("Priorities", 2, "2"),
    ]
    assert [p.number for p in document.paragraphs] == ["2.1", "2.2"]  # not "4.3 per cent"
    quote = "The partnership will reduce anti-social behaviour in the town centre"
    assert where(document, quote) == "para 2.1"
    assert where(document, "Reports rose by 4.3 per cent last year.") == "para 2.2"
    assert where(document, "The key measure is reports per 1,000 residents.") == "para 2.2"
    assert "https://example.org" not in document.text and "chart.png" not in document.text
    assert document.metadata.title == "Community Safety Plan"
    assert document.metadata.author == "Safer Anytown Partnership"
    assert document.metadata.date == "2024-03"


def test_windows_1252_text_is_read_and_the_encoding_named(tmp_path):
    text = (
        "The café on the high street – run by the council’s tenants’ association – reopened. "
        "Residents said the “naïve” plan was better than expected. "
    ) * 5
    path = tmp_path / "notes.txt"
    path.write_bytes(text.encode("cp1252"))
    document = extract(path)
    assert "“naïve” plan" in document.text
    assert document.notices == (
        f"{path}: read as cp1252, not UTF-8; check that accented letters and quotation marks "
        "look right in the imported text",
    )
    assert document.locator(0, 10) == ""  # no pages, headings or numbers to cite


def test_text_in_no_recognisable_encoding_is_refused(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(random.Random(7).randbytes(4000))
    with pytest.raises(ExtractError) as caught:
        extract(path)
    assert str(caught.value) == (
        f"{path}: is not UTF-8 and its encoding cannot be recognised; open it in a text editor "
        "and save it as UTF-8"
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "is empty (0 bytes); check it was saved or downloaded whole"),
        ("blank.md", b"\n  \n", "holds no text (only spaces or blank lines); check the file"),
        (
            "report.txt",
            b"%PDF-1.7 rest",
            "is a PDF file, not text; rename it with the right extension or save it as plain text",
        ),
        (
            "slides.pptx",
            b"PK\x03\x04",
            "is not a file type briefgen imports; choose a PDF (.pdf), Word (.docx), Markdown "
            "(.md) or text (.txt) file",
        ),
    ],
)
def test_bad_text_files_are_refused(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ExtractError) as caught:
        extract(path)
    assert str(caught.value) == f"{path}: {message}"


def test_missing_file_is_named(tmp_path):
    path = tmp_path / "gone.txt"
    with pytest.raises(ExtractError) as caught:
        extract(path)
    assert str(caught.value) == f"{path}: does not exist; check the name and folder"
