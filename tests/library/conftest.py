"""Import fixtures, generated once per test session: a council report as PDF (WeasyPrint, with
the habits of real reports) and as Word (python-docx, with list numbering written in XML)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.library import documents


@pytest.fixture(scope="session")
def fixtures_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("import-fixtures")


@pytest.fixture(scope="session")
def report_pdf(fixtures_dir: Path) -> Path:
    """The report with page numbers printed in the footer (roman, then arabic from 1) and no
    PDF page labels, a running header, two columns and words broken at line ends."""
    path = fixtures_dir / "report.pdf"
    path.write_bytes(documents.report_pdf_bytes())
    return path


@pytest.fixture(scope="session")
def labelled_pdf(fixtures_dir: Path, report_pdf: Path) -> Path:
    """The same report with /PageLabels of its own (I, II, then 10, 11, …)."""
    path = fixtures_dir / "labelled.pdf"
    documents.add_page_labels(report_pdf, path)
    return path


@pytest.fixture(scope="session")
def report_docx(fixtures_dir: Path) -> Path:
    """A Word report with numbered headings (from their styles), numbered paragraphs, a table,
    an image, a hyperlink and an external template link."""
    path = fixtures_dir / "report.docx"
    documents.write_report_docx(path)
    return path
