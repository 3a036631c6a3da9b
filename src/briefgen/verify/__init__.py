"""Checking an edited Word draft against the content (`briefgen verify`, "Check a Word draft…").

`check_draft(path, corpus)` reads the draft (`draft`), finds each quotation briefgen marked in
it and compares it with its source (`check`, word by word with `worddiff`); `format_report` and
`report_json` (`report`) show the result. No Qt here: the app calls the same functions.
"""

from __future__ import annotations

from briefgen.verify.check import DraftCheck, Finding, Place, check_draft
from briefgen.verify.report import format_report, report_json, summary

__all__ = [
    "DraftCheck",
    "Finding",
    "Place",
    "check_draft",
    "format_report",
    "report_json",
    "summary",
]
