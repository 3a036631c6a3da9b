"""The layouts: one module each, every one a function from `PackParts` to drafts, so PDF and Word
(which both walk the result) always carry the same sections, items and citations in the same
order."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from briefgen.pack.layouts import committee_report, evidence_pack, member_briefing
from briefgen.pack.parts import Draft, PackParts


class Layout(NamedTuple):
    """How a layout lays a pack out, and what it always does whoever the pack is for."""

    lay_out: Callable[[PackParts], list[Draft]]
    explains_acronyms: bool = False  # whatever the audience's profile says
    states_purpose: bool = False  # the cover says what the report is for (decision, ...)
    # The heading levels the contents list: few enough to scan (themes, not each kind).
    contents_levels: int = 2
    # The cover sheet carries the contents and the text starts on the next side (a report of a
    # few sides, as council report templates do); otherwise the contents have their own page.
    contents_on_cover: bool = False


LAYOUT_PLANS: dict[str, Layout] = {
    "member-briefing": Layout(member_briefing.lay_out, explains_acronyms=True),
    "committee-report": Layout(
        committee_report.lay_out, states_purpose=True, contents_levels=1, contents_on_cover=True
    ),
    "evidence-pack": Layout(evidence_pack.lay_out, contents_levels=1),
}
