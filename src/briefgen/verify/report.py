"""A draft check as an officer reads it (the terminal, the app's dialog) and as JSON."""

from __future__ import annotations

from typing import Any

from briefgen.counts import counted
from briefgen.verify.check import KINDS, DraftCheck, Finding
from briefgen.verify.worddiff import marked_diff

DIFF_KEY = "[-words-] are the source's, missing from the draft; {+words+} are the draft's own"


def summary(check: DraftCheck) -> str:
    """One line: how many quotations were checked and what was found."""
    head = f"Checked {check.path.name}: {counted(check.quotations, 'quotation')}"
    if check.ok:
        return f"{head}; every one matches its source."
    return (
        f"{head}, {check.matching} matching {'its' if check.matching == 1 else 'their'} "
        f"source; {counted(len(check.findings), 'finding')} to put right."
    )


def format_finding(finding: Finding) -> list[str]:
    """A finding as lines: where and what, then the word-level difference and any notes."""
    where = finding.place.describe()
    lines = [f"{where[0].upper()}{where[1:]}: {KINDS[finding.kind]}: {finding.message}"]
    if finding.diff:
        lines.append(f"    {marked_diff(finding.diff)}")
    lines.extend(f"    ({note})" for note in finding.notes)
    return lines


def format_report(check: DraftCheck) -> str:
    """The whole report as text: the summary, each finding, notes on the check, and the key to
    the marks if a difference is shown."""
    lines = [summary(check)]
    for finding in check.findings:
        lines.append("")
        lines.extend(format_finding(finding))
    if any(finding.diff for finding in check.findings):
        lines.extend(["", DIFF_KEY])
    for note in check.notes:
        lines.extend(["", f"Note: {note}."])
    return "\n".join(lines)


def report_json(check: DraftCheck) -> dict[str, Any]:
    """The check as JSON-ready data (`briefgen verify --json`)."""
    return {
        "draft": str(check.path),
        "ok": check.ok,
        "quotations": check.quotations,
        "matching": check.matching,
        "findings": [
            {
                "kind": finding.kind,
                "item": finding.item_id,
                "paragraph": finding.place.number,
                "heading": finding.place.heading,
                "where": finding.place.describe(),
                "message": finding.message,
                "diff": [{"change": kind, "words": words} for kind, words in finding.diff],
                "notes": list(finding.notes),
            }
            for finding in check.findings
        ],
        "notes": list(check.notes),
    }
