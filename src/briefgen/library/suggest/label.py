"""What to call a candidate: its kind, themes and organisation, where it is, and why it came up.

The learned predictions decide unless the layout is firm: a report's own recommendation, a
numbered question, an item listed under a heading that names a kind ("Risks and Challenges").
A `reason` says in a few words what counted, so an officer can judge the suggestion quickly.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
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


_ADVISING = frozenset({"recommendation", "position", "proposition", "principle"})
_ACTING = _ADVISING | {"success-criterion", "option"}
_PROBLEM = frozenset({"risk", "driver", "evidence"})
_GOVERNMENT = re.compile(r"government|minister|dfe|department|secretary of state", re.I)


class _Cue(NamedTuple):
    """Wording a reason names: what it `says`, the kinds it speaks for, and whether it may stand
    for a passage of another kind (a rise or a finding says little about a position)."""

    pattern: re.Pattern[str]
    says: Callable[[re.Match[str]], str]
    kinds: frozenset[str]
    alone: bool = True


# The wording an officer can check at a glance, strongest first, with the kinds it speaks for
# (decision 0189): who holds a view, who should act, a figure, a named practice, a concern.
_CUES: tuple[_Cue, ...] = (
    _Cue(
        re.compile(
            r"\b(?:we|solace|the lga|the association)\s+(?:(?:firmly|strongly|therefore|would|"
            r"also|already|very much|especially|don['’]t|do not)\s+){0,2}(?:believe|think|"
            r"consider|argue|call on|urge|want|welcome|support|agree|propose|recommend|know|"
            r"see|imagine)s?\b",
            re.I,
        ),
        lambda m: f"'{' '.join(m.group(0).lower().split())}'",
        _ADVISING,
    ),
    _Cue(
        re.compile(
            r"\b(?P<who>(?:the )?government|ministers?|(?:the )?dfe|the department|councils|"
            r"the council|local authorities|the sector|schools|partners|we)\b[^.;:]{0,25}?"
            r"\b(?:should|must|needs? to|ought to)\b",
            re.I,
        ),
        lambda m: f"says what {_actor(m.group('who'))} should do",
        _ACTING,
    ),
    _Cue(
        re.compile(r"\b(?:should|must|needs? to|ought to|will need to)\b", re.I),
        lambda m: "says what should be done",
        _ACTING,
    ),
    _Cue(
        re.compile(
            r"\b(?P<who>we|the council|councils)(?:['’]ll|\s+will|\s+(?:intend|plan|aim) to)\b",
            re.I,
        ),
        lambda m: f"says what {_actor(m.group('who'))} will do",
        _ACTING,
    ),
    _Cue(cues.PERCENTAGE, lambda m: "gives a percentage", _PROBLEM),
    _Cue(
        re.compile(rf"£\s?\d|{cues.FIGURE_WITH_UNIT}|\b(?!(?:19|20)\d\d\b)\d{{2,}}\b"),
        lambda m: "gives a figure",
        _PROBLEM,
    ),
    _Cue(
        re.compile(r"\b[A-Z][a-z]+(?:shire)? (?:County |City |Borough )?[Cc]ouncil\b"),
        lambda m: "names a council's practice",
        frozenset({"example"}),
    ),
    _Cue(
        re.compile(r"\bfor (?:example|instance)\b|\bsuch as\b", re.I),
        lambda m: "gives an example",
        frozenset({"example"}),
    ),
    _Cue(
        re.compile(
            r"\b(?:concern\w*|risks?|danger\w*|threat\w*|difficult\w*|problem\w*|barrier\w*|"
            r"undermin\w*|unsustainable|pressures?|lack\w*|insufficient|inadequate)\b",
            re.I,
        ),
        lambda m: "states a concern",
        frozenset({"risk", "driver"}),
    ),
    _Cue(
        re.compile(
            r"\b(?:rose|risen|rising|increas(?:e|ed|es|ing)|grew|grown|growing|fell|fallen|"
            r"falling|declin(?:e|ed|ing)|doubled)\b",
            re.I,
        ),
        lambda m: "says what is rising or falling",
        _PROBLEM,
        alone=False,
    ),
    _Cue(
        re.compile(r"\b(?:surveys?|research|found|finds|shows|showed)\b", re.I),
        lambda m: "reports a finding",
        frozenset({"evidence"}),
        alone=False,
    ),
)


def _actor(who: str) -> str:
    """Who a passage says should act, as a reason names them ("the Government", "councils")."""
    lower = " ".join(who.lower().split())
    if _GOVERNMENT.search(lower):
        return "the Government"
    return "'we'" if lower == "we" else lower


def reason(
    text: str,
    kind: str,
    candidate: Candidate,
    structure: DocumentStructure,
    neighbour_kinds: Sequence[str] = (),
) -> str:
    """What about the passage counted, in a few words: the strongest cue in its wording that
    speaks for `kind`, else its place in a numbered list, else any cue, else its nearest curated
    items ("close to 14 curated risk items")."""
    found = [(cue, match) for cue in _CUES if (match := cue.pattern.search(text))]
    for cue, match in found:
        if kind in cue.kinds:
            return cue.says(match)
    block = structure.blocks[candidate.block]
    if candidate.listed and candidate.headings:
        what = "numbered item" if block.label[:1].isdigit() else "item"
        return f"{what} under '{_title(candidate.headings[-1])}'"
    for cue, match in found:
        if cue.alone:
            return cue.says(match)
    return neighbour_reason(kind, neighbour_kinds) or f"reads like curated {kind} items"


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


def summary_note(
    structure: DocumentStructure,
    places: Sequence[tuple[int, int]],
    locate: Callable[[int, int], str] | None = None,
    near: Mapping[tuple[int, int], bool] | None = None,
) -> str:
    """ "also on p. 2 ('Summary'), word for word" for the copies dropped from a summary: each
    place named once, by the extractor's `locate` when there is one (it knows pages), else by
    the layout ("also in 'Summary', para 3"). `near` holds the places of near copies (decision
    0206), each True when it has fewer words than the passage: "also on p. 3 ('Clear
    opportunities'), in fewer words" ("in much the same words" if not)."""
    near = near or {}
    wordings: dict[str, str] = {}  # place named -> how it says the passage
    for start, end in places:
        where = _on(locate(start, end)) if locate else _in_layout(structure, start)
        if not where:
            continue
        if (start, end) in near:
            wording = "in fewer words" if near[start, end] else "in much the same words"
        else:
            wording = "word for word"
        if wordings.get(where, "word for word") == "word for word":
            wordings[where] = wording  # a near copy there is what the reader should expect
    groups: dict[str, list[str]] = {}
    for where, wording in wordings.items():
        groups.setdefault(wording, []).append(where)
    notes = [" and ".join(named[:2]) + ", " + wording for wording, named in groups.items()]
    return "also " + "; also ".join(notes) if notes else ""


def _on(locator: str) -> str:
    """An extractor's locator as a place: "p. 2, 'Summary'" reads "on p. 2 ('Summary')",
    "para 4.3" reads "in para 4.3"."""
    if not locator:
        return ""
    if locator.startswith(("p. ", "pp. ")):
        page, _, rest = locator.partition(", ")
        return f"on {page} ({rest})" if rest else f"on {page}"
    return f"in {locator}"


def _in_layout(structure: DocumentStructure, start: int) -> str:
    """A place from the layout: "in 'Summary', para 3", or "in para 3" before any heading."""
    block = next(b for b in structure.blocks if b.start <= start <= b.end)
    para = f"para {block.label if block.label[:1].isdigit() else block.para}"
    path = structure.heading_path(block)
    return f"in '{_title(path[-1])}', {para}" if path else f"in {para}"
