"""Keeps a reference together on one line in the outputs, as a typesetter does: its label with
its number ("p. 4", "para 2.1", "Option Four") and, where the line has room, a range or list
("pages 3 to 5", "paras 4 and 5", "Recommendations 2, 3 and 6"), by joining them with no-break
spaces when rendered.

Only the renderers call this, on briefgen's and the curator's words (citations and the tables
that give locators); the content, the pack model and quotations keep their ordinary spaces,
so a quote is still an exact span of its source (docs/decisions/0201, 0208).
"""

import re

NO_BREAK_SPACE = "\u00a0"

# The longest run of a range or list joined in running text (a citation, at any print size): a
# reference longer than this may break after a comma or before "and"/"to", never elsewhere.
RUNNING_TEXT_CHARS = 20

# The words that label a place in a document, singular and plural, compared without regard to
# case. Besides the usual ones, those the shipped locators use ("inherent danger 1", "design
# parameter 2", "driver 1"); a word that is not here is left to break as any other.
_LABEL_WORDS = (
    "p.|pp.|para|para.|paras|paras.|paragraphs?|pages?|sections?|subsections?|chapters?|parts?"
    "|items?|recommendations?|propositions?|options?|questions?|appendix|appendices|annex"
    "|annexes|schedules?|clauses?|articles?|regulations?|rules?|tables?|fig.|figs.|figures?"
    "|charts?|box|boxes|lines?|notes?|footnotes?|vol.|volumes?|no.|nos.|steps?|stages?|phases?"
    "|principles?|criterion|criteria|priority|priorities|actions?|objectives?|outcomes?"
    "|findings?|points?|groups?|drivers?|dangers?|parameters?|areas?|approach|approaches"
    "|proposals?|standards?|levels?|§|§§"
)
_LABEL = "|".join(re.escape(word).replace(r"s\?", "s?") for word in _LABEL_WORDS.split("|"))

# What a label numbers: 4, 4.3, 2.6.4, 12a, 4–5, 4-5, 3(b); a roman numeral to 39 (iv, XII:
# front matter and parts; a longer one would take words such as "mix" or "civil"); a
# capital letter, alone or with digits (Annex B, Table C2); a number in words (Option Four).
# Each ends a word ("para 4" but not the "para 4" of "para 4x7" or the "Part I" of "Part
# Ireland").
_ARABIC = r"\d+[a-z]?(?:[.–-]\d+[a-z]?)*(?:\([a-z0-9]{1,4}\))*(?!\w)"
_ROMAN = r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})(?!\w)"
_LETTER = r"(?-i:[A-Z](?:\d+(?:\.\d+)*)?)(?!\w)"
_WORDS = (
    "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    "|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)(?!\\w)"
)
_GAP = r"[ \t]+"
# A range (4 to 6, 4 – 6) and a list that ends in "and", "or" or "&" (2, 3 and 6; 4 or 5),
# of numbers of one kind: "para 4 and 5" but not the "and I" of "Table 3 and I think", nor the
# "4, 12" of "para 4, 12 councils said" (a list with no "and" is left to break at its commas).
_RANGE_WORD = rf"(?:to|–|-){_GAP}"
_LIST_WORD = rf"(?:and|or|&){_GAP}"


def _series(number: str) -> str:
    one = rf"{number}(?:{_GAP}{_RANGE_WORD}{number})?"
    return rf"{one}(?:(?:,{_GAP}{one})*,?{_GAP}{_LIST_WORD}{one})?"


_REFERENCE = re.compile(
    rf"(?<![\w.§])(?:{_LABEL}){_GAP}"
    rf"(?:{_series(_ARABIC)}|{_series(_ROMAN)}|{_series(_LETTER)}|{_series(_WORDS)})",
    re.IGNORECASE,
)
_RANGE_OR_LIST_WORDS = {"to", "–", "-", "and", "or", "&"}


def keep_labels_with_numbers(text: str, max_chars: int = RUNNING_TEXT_CHARS) -> str:
    """`text` with each reference kept together by no-break spaces: always a label with its
    first number ("p. 4", "Section 5", "pp. 4–5", "Option Four") and "to", "and" or "or" with
    the number after it; then, while a joined run stays within `max_chars` characters, a range
    ("pages 3 to 5") and a list's numbers ("paras 4 and 5", "2, 3 and 6")."""

    def joined(found: re.Match[str]) -> str:
        # Punctuation touching the reference ("(paras 4 and 5);") is printed in its runs.
        before = re.search(r"\S*$", text[: found.start()])
        after = re.match(r"\S*", text[found.end() :])
        attached = len(before[0] if before else "") + len(after[0] if after else "")
        return _joined(found[0], max_chars - attached)

    return _REFERENCE.sub(joined, text)


def unbroken_words(text: str) -> list[str]:
    """The pieces `text` may break between once rendered however narrow its column: its words,
    with a label and its number counted as one ("para 4.3") and "and 5" or "to 5" as one, for
    measuring a table's narrowest columns."""
    return re.split(r"[^\S\u00a0]+", keep_labels_with_numbers(text, max_chars=0).strip())


def _joined(reference: str, max_chars: int) -> str:
    """One `reference` ("Recommendations 2, 3 and 6") with the spaces it keeps made no-break."""
    words = reference.split()
    gaps = re.findall(r"\s+", reference)
    # The label and its number, and a range or list word with the number after it, always
    # join; then, each within `max_chars`, a range, and a list word with the number before it;
    # the commas of a list only if the whole reference fits (a line may end after a comma).
    if len(" ".join(words)) <= max_chars:
        return NO_BREAK_SPACE.join(words)
    joined = {0} | {i for i, word in enumerate(words[:-1]) if word in _RANGE_OR_LIST_WORDS}
    ranges = [i for i, word in enumerate(words[1:]) if word in ("to", "–", "-")]
    lists = [i for i, word in enumerate(words[1:]) if word in ("and", "or", "&")]
    for gap in (*ranges, *lists):
        if gap not in joined and _run_length(words, joined | {gap}, gap) <= max_chars:
            joined.add(gap)
    return "".join(
        word + (NO_BREAK_SPACE if index in joined else gaps[index]) if index < len(gaps) else word
        for index, word in enumerate(words)
    )


def _run_length(words: list[str], joined: set[int], gap: int) -> int:
    """The length of the run of `words` that `gap` (the space after word `gap`) is part of when
    the gaps in `joined` are no-break spaces."""
    start = gap
    while start - 1 in joined:
        start -= 1
    end = gap + 1
    while end in joined:
        end += 1
    return len(" ".join(words[start : end + 1]))
