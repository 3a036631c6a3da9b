"""Structural and wording cues: what a heading, a list or a phrase says about a passage.

Cues feed the learned model as extra tokens (so it learns how much each one counts) and give
the few firm answers no model should overrule: a report's own recommendation, a question put
to the reader, an item listed under "Risks". Organisations are read from a source's publisher
and from attribution phrases ("the Department for Education issued", "the LGA argues").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from briefgen.content import ITEM_KINDS

# Heading words that name the kind of every passage under them.
_HEADING_KINDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\brecommendations?\b", re.I), "recommendation"),
    (re.compile(r"\bsuccess (?:criteria|factors?)\b", re.I), "success-criterion"),
    (re.compile(r"\b(?:risks?|challenges|concerns|dangers?|threats)\b", re.I), "risk"),
    (re.compile(r"\bdrivers?\b", re.I), "driver"),
    (re.compile(r"\bprinciples?\b", re.I), "principle"),
    (re.compile(r"\bpropositions?\b", re.I), "proposition"),
    (re.compile(r"\boptions?\b", re.I), "option"),
    (re.compile(r"\bquestions?\b", re.I), "question"),
    (re.compile(r"\b(?:case stud(?:y|ies)|examples?)\b", re.I), "example"),
)
_RECOMMENDATION_LEAD = re.compile(
    r"\b(?:key |main |our )?recommendations? (?:are|is|include)\b|\bwe recommend\b", re.I
)
_OPTION_LABEL = re.compile(r"^[-\d. ]*(?:\*\*)?option\b", re.I)
_QUESTION_LABEL = re.compile(r"^(?:\*\*)?question\s+\d+\s*:", re.I)
_SUMMARY = re.compile(r"\bsummary\b|\bforeword\b|\bcontents\b", re.I)

PERCENTAGE = re.compile(r"\d\s?%|\bper ?cent\b")  # "12%", "40 per cent"
# A number with a unit ("£1.5m", "3 billion"), tried once per run of digits and separators:
# "\b\d[\d,.]*" alone starts again after every comma, quadratic on a long "1,2,3,…" table row.
FIGURE_WITH_UNIT = r"(?<![\d,.])(?>[\d,.]*?\b\d)[\d,.]*+\s?(?:m|bn|million|billion)\b"

_TEXT_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("modal", re.compile(r"\b(?:should|must|need to|needs to|ought to|will need)\b", re.I)),
    (
        "belief",
        re.compile(
            r"\bwe (?:firmly |strongly |therefore )?(?:believe|think|consider)\b|"
            r"\b(?:argues?|believes?|remain of the view|our view|we want|we welcome|"
            r"we support|we agree)\b",
            re.I,
        ),
    ),
    (
        "risk",
        re.compile(
            r"\b(?:risks?|danger|threat|concerns?|undermine|fail\w*|unsustainable|"
            r"pressures?|cuts?)\b",
            re.I,
        ),
    ),
    ("percent", PERCENTAGE),
    ("figure", re.compile(rf"£\s?\d|{FIGURE_WITH_UNIT}|\b\d{{2,}}\b")),
    ("year", re.compile(r"\b(?:19|20)\d\d\b")),
    ("example", re.compile(r"\bfor example\b|\bfor instance\b|\bsuch as\b|\be\.g\.", re.I)),
    ("place", re.compile(r"\bin (?:[A-Z][a-z]+ ){0,2}(?:[A-Z][a-z]+)(?:shire)?\b")),
    ("option", re.compile(r"\b(?:could|may|might|option|alternative|either)\b", re.I)),
    (
        "research",
        re.compile(
            r"\b(?:survey|research|data|figures|statistics|report(?:s|ed)?|"
            r"found|indicates?|shows?)\b",
            re.I,
        ),
    ),
    ("we", re.compile(r"\b(?:we|our)\b", re.I)),
)


def heading_kind(titles: Iterable[str]) -> str:
    """The kind a heading path names (the nearest heading that names one), or ''."""
    for title in reversed(tuple(titles)):
        for pattern, kind in _HEADING_KINDS:
            if pattern.search(title):
                return kind
    return ""


def is_summary(titles: Iterable[str]) -> bool:
    """True under a summary (or contents, foreword): its text often repeats the body's."""
    return any(_SUMMARY.search(title) for title in titles)


def recommendation_heading(titles: Sequence[str], para: int) -> bool:
    """True for the passage a recommendation heading introduces: under "Recommendation 3" (one
    recommendation) only the first paragraph, under "Recommendations" every one."""
    if not titles:
        return False
    if re.search(r"\brecommendations\b", titles[-1], re.I):
        return True
    return para == 1 and bool(re.search(r"\brecommendation\b", titles[-1], re.I))


def is_recommendation_lead(lead_in: str) -> bool:
    return bool(_RECOMMENDATION_LEAD.search(lead_in))


def lead_in_kind(lead_in: str) -> str:
    """The kind a list's lead-in names in its last sentence ("The model brings with it some
    inherent dangers:" lists risks), or ''; a recommendation's lead-in is the spans' business."""
    last = re.split(r"(?<=[.!?])\s+", lead_in.strip())[-1]
    kind = heading_kind([last])
    return "" if kind == "recommendation" else kind


# Wording that settles a kind: (pattern, kind, reason). Each was checked against the curated
# items of the shipped corpus (decisions 0081, 0182): a passage wholly in quotation marks (what
# someone consulted said) is evidence in 8 of 8, a percentage in 15 of 15, a survey or research
# finding in 10 of 10, "Government … should" a recommendation in 9 of 11, a named council an
# example in 5 of 7, "we call on" a recommendation in 3 of 3.
_FIRM_WORDING: tuple[tuple[re.Pattern[str], str, str], ...] = (
    # The last closing mark, then nothing but punctuation: "\W*$" after each mark instead is
    # quadratic on a long run of marks.
    (re.compile(r"^\s*[\"“].*[\"”][^\w\"”]*$", re.S), "evidence", "quotes what someone said"),
    (PERCENTAGE, "evidence", "gives a percentage"),
    (
        re.compile(r"\b(?:surveys?|research|statistics|estimated)\b", re.I),
        "evidence",
        "reports research or a survey",
    ),
    (
        re.compile(
            r"\b(?:Government|DfE|Department for Education|Ofsted|the sector)\b[^.]{0,40}"
            r"\b(?:should|must|needs? to)\b"
        ),
        "recommendation",
        "says what Government or a national body should do",
    ),
    (
        re.compile(r"\b[A-Z][a-z]+(?:shire)? (?:County |City |Borough )?[Cc]ouncil\b"),
        "example",
        "names a council's own practice",
    ),
    (re.compile(r"\bwe (?:call on|urge)\b", re.I), "recommendation", "calls on others to act"),
)


def firm_kind(text: str, label_text: str) -> tuple[str, str]:
    """A kind the words alone settle, and why: a question, an option by its label, a figure;
    ('', '') when they do not."""
    stripped = text.strip().strip("*").rstrip()
    if _QUESTION_LABEL.match(label_text) or _QUESTION_LABEL.match(stripped):
        return "question", "a numbered question put to the reader"
    if stripped.endswith("?"):
        return "question", "a question put to the reader"
    if _OPTION_LABEL.match(label_text) or _OPTION_LABEL.match(stripped):
        return "option", "labelled as an option"
    for pattern, kind, reason in _FIRM_WORDING:
        if pattern.search(text):
            return kind, reason
    return "", ""


def cue_tokens(text: str) -> list[str]:
    """Tokens naming the wording cues in `text` ("cue_modal", "cue_percent" …)."""
    tokens = [f"cue_{name}" for name, pattern in _TEXT_CUES if pattern.search(text)]
    if text.rstrip("*").rstrip().endswith("?"):
        tokens.append("cue_question")
    words = len(text.split())
    tokens.append("cue_short" if words < 12 else "cue_long" if words > 45 else "cue_medium")
    return tokens


# Wording that tells the kinds apart (PRODUCT.md's definitions): a risk or a driver is a problem
# (something lacking, a concern, a trend, demand or money), an example a named place or
# programme, evidence what was found or reported, a position what an organisation argues. For the
# kind classifier only, as tokens it weighs (decision 0182); none settles a kind alone. Matched
# against the lower-cased text (twice as fast as re.I on every passage of a long report).
_KIND_WORDING: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        (
            "deficit",
            r"\b(?:do(?:es)? not|did not|cannot|can't|don't|doesn't|is not|are not|isn't|"
            r"aren't|no longer|nothing|lack\w*|insufficient|inadequate\w*|"
            r"too (?:high|low|little|few|many|much|rigid)|fail\w*|unable|without)\b",
        ),
        (
            "concern",
            r"\b(?:concern\w*|risk\w*|danger\w*|threat\w*|challeng\w*|difficult\w*|harder|"
            r"problem\w*|barrier\w*|undermin\w*|fragment\w*|unsustainable|untenable|"
            r"instability|weaken\w*|inhibit\w*|distract\w*|complexity)\b",
        ),
        (
            "trend",
            r"\b(?:increas\w*|ris(?:e|es|ing)|grow\w*|growth|decreas\w*|declin\w*|fall\w*|"
            r"reduc\w*|cut|cuts|tighter|squeez\w*|going (?:up|down)|more and more|shift\w*)\b",
        ),
        ("money", r"\b(?:demand\w*|pressures?|funding|budgets?|costs?|austerity|spending)\b"),
        (
            "programme",
            r"\b(?:programmes?|pilots?|projects?|initiatives?|partnerships?|trusts?|boards?|"
            r"deals?|models?)\b",
        ),
        (
            "stance",
            r"\b(?:we (?:firmly |strongly |therefore |would )?(?:believe|think|consider|argue|"
            r"call|urge|want|welcome|support|agree|propose|recommend)|"
            r"(?:solace|lga|the lga|the association)\s(?:believes|argues|calls|wants))\b",
        ),
        (
            "call_on",
            r"\b(?:we call on|we urge|calls? on|should be (?:given|lifted|required|allowed|"
            r"extended|strengthened)|is needed|are needed)\b",
        ),
        (
            "actor_should",
            r"\b(?:government|ministers?|dfe|department|councils?|authorities|the sector|"
            r"schools|ofsted|inspectorates?|boards?|partners|employers|we|they|this|it)\b"
            r"[^.]{0,25}\b(?:should|must|needs? to|ought to)\b",
        ),
        ("past", r"\b(?:has been|have been|was|were|had)\b"),
        (
            "ideal",
            r"\b(?:all children|every child|children have a right|aspire|excellence|"
            r"ambition\w*|wellbeing|must be|at the heart)\b",
        ),
        (
            "reported",
            r"\b(?:interview\w*|spoken to|told us|said|say|consider(?:ed)?|thought|felt|"
            r"consensus|views?|cited|acknowledged|indicated|according to|evidence|shown|"
            r"known to)\b",
        ),
        ("there_is", r"^\W*(?:however,?\s|but\s|and\s)?there (?:is|are|has|have|was|were)\b"),
        ("could", r"\b(?:could|may|might|would)\b"),
    )
)
# Names, matched as written: a run of capitalised words inside a sentence ("the Troubled
# Families programme"), "like Staffordshire", "in Wigan".
_KIND_NAMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("named", re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)+\b")),
    ("like_named", re.compile(r"\b(?:like|such as|including)\s(?:the\s)?[A-Z']")),
    (
        "in_place",
        re.compile(r"\b(?:in|at|by|from)\s(?:the\s)?[A-Z][a-z]+(?:\s(?:and\s)?[A-Z][a-z]+)*"),
    ),
)
# Who acts: the words before a passage's first verb, after an opening "However," or "For
# example,"; "Government should…" and "We believe…" are different kinds of statement.
_OPENING_MARKS = re.compile(
    r"^\W*(?:(?:however|for example|for instance|finally|in fact|similarly|likewise|"
    r"nevertheless|instead|furthermore|moreover|indeed|above all|in addition|in particular|"
    r"therefore|thus|so|but|and|also|yet|equally|crucially|importantly|overall)\b,?\s*)+",
    re.I,
)
_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|should|must|will|would|can|could|may|might|need|needs|"
    r"believe|believes|call|calls|remain|remains|do|does|did)\b",
    re.I,
)
_ACTORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("we", re.compile(r"^(?:we|our|us)\b", re.I)),
    (
        "government",
        re.compile(
            r"\b(?:government|ministers?|secretary of state|dfe|department|whitehall|"
            r"prime minister|ofsted|inspectorates?|regulators?)\b",
            re.I,
        ),
    ),
    (
        "councils",
        re.compile(
            r"\b(?:councils?|local authorit\w+|local government|the sector|lgas?|solace|"
            r"members?|leaders?)\b",
            re.I,
        ),
    ),
    ("there", re.compile(r"^there\b", re.I)),
    ("this", re.compile(r"^(?:this|these|that|it|they|such)\b", re.I)),
    (
        "people",
        re.compile(
            r"\b(?:children|young people|families|parents|people|professionals|"
            r"social workers|schools)\b",
            re.I,
        ),
    ),
)


def kind_tokens(text: str) -> list[str]:
    """Tokens for the kind classifier: the wording cues in `text` ("kind_deficit"), who acts
    ("kind_subject_government") and the opening word ("kind_opens_however")."""
    lower = text.lower()
    tokens = [f"kind_{name}" for name, pattern in _KIND_WORDING if pattern.search(lower)]
    tokens += [f"kind_{name}" for name, pattern in _KIND_NAMES if pattern.search(text)]
    start = text.strip().lstrip("*\"'‘“(-– ")
    opening = re.findall(r"[a-z']+", start.lower())
    tokens.append(f"kind_opens_{opening[0] if opening else ''}")
    body = _OPENING_MARKS.sub("", start.strip())
    verb = _VERB.search(body)
    subject = body[: verb.start()] if verb and verb.start() < 80 else body[:40]
    actor = next((name for name, pattern in _ACTORS if pattern.search(subject)), "")
    if not actor:
        actor = "named" if re.match(r"[A-Z][a-z]+ [A-Z]", body) else "other"
    tokens.append(f"kind_subject_{actor}")
    return tokens


def heading_tokens(titles: Sequence[str]) -> list[str]:
    """The heading path's words as tokens of their own ("head_risks"), nearest heading first."""
    tokens: list[str] = []
    for depth, title in enumerate(reversed(titles)):
        prefix = "head" if depth == 0 else "path"
        tokens += [f"{prefix}_{word.lower()}" for word in re.findall(r"[A-Za-z]{3,}", title)]
    kind = heading_kind(titles)
    if kind:
        tokens.append(f"headkind_{kind.replace('-', '_')}")
    return tokens


KINDS: frozenset[str] = frozenset(ITEM_KINDS)


# A list the document hangs its own commitments or asks from: its lead-in ends on the words
# the items complete ("Within this year's work, we will:", "We propose to:", "Councils
# should:"), or it sits under a heading naming them ("Next steps", "Our asks").
_ASK_LEAD = re.compile(
    r"\b(?:will|shall|(?:propose|intend|plan|aim|commit|undertake|want|need) to|"
    r"are going to|should|must|next steps (?:are|include)|steps? (?:are|include))\W*$",
    re.I,
)
# Who the lead-in says will act, in the words just before its modal: the document's authors.
_OWN_LEAD = re.compile(
    r"\b(?:we|I|the (?:work|programme|project|council|board))\s+(?:\w+\s+){0,2}$", re.I
)
_ASK_HEADING = re.compile(
    r"\bnext steps\b|\bwhat (?:we|the council|the board) will do\b|\bwhat happens next\b|"
    r"\bour (?:asks|commitments|proposals)\b|\baction plan\b|\bactions\b|\bwe (?:will|propose)\b",
    re.I,
)
# Words a bare verb cannot be: an item opening with one is a statement or a noun phrase.
_NOT_VERB = frozenset(
    (
        "a an the this that these those our their its his her my your we they it he she there "
        "i all each every some any more most many much no not other such one two three four "
        "five in on at by for from of with to into as and or but if when where which who "
        "new key local national better greater improved only also firstly secondly finally then"
    ).split()
)


def ask_lead(lead_in: str) -> str:
    """ "commitment" when the lead-in's last sentence ends on what the document will do ("we
    will:", "we need to:"), "ask" when on what someone else should do ("Councils should:"),
    else ''."""
    last = re.split(r"(?<=[.!?])\s+", lead_in.strip())[-1].rstrip(" \t*:…")
    ending = _ASK_LEAD.search(last)
    if not ending:
        return ""
    if _OWN_LEAD.search(last[: ending.start()]):
        return "commitment"
    return "ask" if re.search(r"\b(?:should|must|need to)\W*$", last, re.I) else ""


def ask_heading(titles: Sequence[str]) -> bool:
    """True when the nearest heading names what will be done ("Next steps", "Our asks")."""
    return bool(titles) and bool(_ASK_HEADING.search(titles[-1]))


def opens_with_bare_verb(text: str) -> bool:
    """True for an item that opens with a verb in its plain form ("Design the service…",
    "Engage far and wide"): not a determiner, pronoun or preposition, nor a word ending as
    verbs in their plain form do not ("-ing", "-ed", "-s", "-tion", "-ness")."""
    words = re.findall(r"[A-Za-z'’-]+", text.strip().lstrip("*\"'‘“(-– ")[:80])
    if len(words) < 2:
        return False
    first = words[0].lower()
    return (
        text.strip()[:1].isalpha()
        and first not in _NOT_VERB
        and not re.search(r"(?:ing|(?<!e)ed|(?<![su])s|tion|ness|ity|ous)$", first)
    )
