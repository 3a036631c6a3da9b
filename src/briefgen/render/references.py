"""Keeps a reference's label with its number ("p. 4", "para 2.1", "Option Four") on one line
in the outputs, as a typesetter does, by joining them with a no-break space when rendered.

Only the renderers call this, on briefgen's and the curator's words (citations and the tables
that give locators); the content, the pack model and quotations keep their ordinary spaces,
so a quote is still an exact span of its source (docs/decisions/0201).
"""

import re

NO_BREAK_SPACE = "\u00a0"

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
_ARABIC = r"\d+[a-z]?(?:[.–-]\d+[a-z]?)*(?:\([a-z0-9]{1,4}\))*"
_ROMAN = r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})"
_LETTER = r"(?-i:[A-Z](?:\d+(?:\.\d+)*)?)"
_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    "|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
)
_NUMBER = f"(?:{_ARABIC}|{_ROMAN}|{_LETTER}|{_WORDS})"

# A label starts a word (not "pp." inside "app."), a number ends one ("para 4" but not the
# "para 4" of "para 4x7" or the "Part I" of "Part Ireland").
_REFERENCE = re.compile(
    rf"(?<![\w.§])(?P<label>{_LABEL})[ \t]+(?=(?:{_NUMBER})(?![\w]))",
    re.IGNORECASE,
)


def keep_labels_with_numbers(text: str) -> str:
    """`text` with the space after each reference label that precedes its number ("p. 4",
    "Section 5", "Recommendation 6", "pp. 4–5", "Option Four") made a no-break space."""
    return _REFERENCE.sub(lambda found: found["label"] + NO_BREAK_SPACE, text)


def unbroken_words(text: str) -> list[str]:
    """The pieces `text` may break between once rendered: its words, with a label and its
    number counted as one ("para 4.3"), for measuring a table's narrowest columns."""
    return re.split(r"[^\S\u00a0]+", keep_labels_with_numbers(text).strip())
