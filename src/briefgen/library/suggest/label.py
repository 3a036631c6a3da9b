"""What to call a candidate: its kind, themes and organisation, where it is, and why it came up.

The learned predictions decide unless the layout is firm: a report's own recommendation, a
numbered question, an item listed under a heading that names a kind ("Risks and Challenges").
A `reason` says in a few words what counted, so an officer can judge the suggestion quickly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from briefgen.library.suggest import cues
from briefgen.library.suggest.spans import Candidate
from briefgen.library.suggest.structure import DocumentStructure

MAX_THEMES = 3
THEME_SHARE = 0.5  # a second or third theme needs half the first one's probability (0183)


class KindChoice(NamedTuple):
    """A kind, why (empty when it is the model's guess), and whether the layout settled it."""

    kind: str
    reason: str = ""
    by_layout: bool = False


def choose_kind(
    text: str, candidate: Candidate, structure: DocumentStructure, predicted: str, lead: str = ""
) -> KindChoice:
    """The kind: the layout's or the wording's firm answer, else the model's `predicted`;
    `lead` is the text of a listed passage's lead-in."""
    if candidate.recommendation:
        return KindChoice("recommendation", f"recommendation {candidate.recommendation}", True)
    if candidate.ask:  # a listed ask: what someone should do, or what the document will do
        kind = "recommendation" if candidate.ask_kind == "ask" else "proposition"
        return KindChoice(kind, f"the document's own {candidate.ask_kind}, {candidate.ask}", True)
    block = structure.blocks[candidate.block]
    headings = candidate.headings
    named = cues.heading_kind(headings[-1:])
    where = headings[-1] if headings else ""
    if not named and len(headings) > 1 and block.para == 1 and not candidate.listed:
        # a short sub-heading under "Policy principles" names one principle
        named, where = cues.heading_kind(headings[-2:-1]), headings[-2]
        named = "" if named == "recommendation" else named
    # a paragraph introducing a list under "Key propositions" states one ("Give councils… by:")
    introduces = named != "recommendation" and _introduces_list(structure, candidate.block)
    if named and (candidate.listed or introduces or (block.para == 1 and candidate.sentences == 1)):
        number = f"numbered item {block.label}" if block.label[:1].isdigit() else "item"
        place = number if candidate.listed else "first paragraph"
        place = "paragraph introducing a list" if introduces and not candidate.listed else place
        return KindChoice(named, f"{place} under '{_title(where)}'", True)
    listed_as = cues.lead_in_kind(lead) if candidate.listed and lead else ""
    if listed_as:
        last = " ".join(lead.split()[-6:])
        return KindChoice(listed_as, f"listed after '…{last}'", True)
    firm, why = cues.firm_kind(text, block.marker)
    if firm:
        return KindChoice(firm, why, firm in ("question", "option"))
    return KindChoice(predicted)


def _introduces_list(structure: DocumentStructure, index: int) -> bool:
    """True when block `index` is a paragraph that a list following it hangs from."""
    if structure.blocks[index].listed:
        return False
    return any(b.lead_in == index for b in structure.blocks[index + 1 : index + 3])


def choose_themes(theme_ids: Sequence[str], probabilities: Sequence[float]) -> tuple[str, ...]:
    """One to three themes: the likeliest, and the next ones at least `THEME_SHARE` as likely."""
    order = sorted(range(len(theme_ids)), key=lambda i: (-probabilities[i], theme_ids[i]))
    top = probabilities[order[0]]
    chosen = [theme_ids[order[0]]]
    for i in order[1:MAX_THEMES]:
        if probabilities[i] >= THEME_SHARE * top:
            chosen.append(theme_ids[i])
    return tuple(chosen)


def neighbour_reason(kind: str, neighbour_kinds: Sequence[str]) -> str:
    """ "close to 14 curated risk items" when the nearest curated items agree on `kind`."""
    count = Counter(neighbour_kinds)[kind]
    if count < 3:
        return ""
    return f"close to {count} curated {kind} items"


def locate(structure: DocumentStructure, candidate: Candidate) -> str:
    """Where the passage sits, from the layout: "Risks and Challenges, item 3", "Summary, para 2",
    "Background and context, para 2.4". The extractor's `locator` replaces this when it knows
    pages."""
    block = structure.blocks[candidate.block]
    path = ", ".join(_title(t) for t in candidate.headings[-2:])
    if block.label[:1].isdigit() and "." in block.label:
        place = f"para {block.label}"
    elif block.listed:
        place = (
            f"item {block.label}"
            if block.label[:1].isdigit()
            else f"item {_item(structure, candidate)}"
        )
    else:
        place = f"para {block.para}"
    return f"{path}, {place}" if path else place


def _item(structure: DocumentStructure, candidate: Candidate) -> int:
    """The place of a bulleted item in its list (bullets print no number)."""
    number = 1
    index = candidate.block - 1
    while index >= 0 and structure.blocks[index].listed:
        if structure.blocks[index].heading != structure.blocks[candidate.block].heading:
            break
        number += 1
        index -= 1
    return number


def _title(title: str) -> str:
    """A heading in capitals reads better as a sentence ("2. RISKS" becomes "2. Risks")."""
    if not title.isupper():
        return title
    lower = title.lower()
    first = next((i for i, c in enumerate(lower) if c.isalpha()), 0)
    return lower[:first] + lower[first:].capitalize()


def summary_note(structure: DocumentStructure, places: Sequence[tuple[int, int]]) -> str:
    """ "also in 'Summary', para 3, word for word" for the copies dropped from a summary."""
    if not places:
        return ""
    notes = []
    for start, _ in places[:2]:
        block = next(b for b in structure.blocks if b.start <= start <= b.end)
        path = structure.heading_path(block)
        where = f"'{_title(path[-1])}'" if path else "earlier"
        notes.append(f"{where}, para {block.label if block.label[:1].isdigit() else block.para}")
    return "also in " + " and ".join(notes) + ", word for word"
