"""The words that go with a quote shaped in the source text (`span_view`): the keys that trim
and extend it, and what a screen reader says of the quote, which an officer who cannot see the
highlight and its handles would otherwise not know (decision 0205). No Qt here: one wording
for the hint, the tooltips, the context menu, Help → Keyboard shortcuts and the screen reader.
"""

from __future__ import annotations

from briefgen.library.quotespan import Edge, Unit

# (label, shortcut, edge, unit, grow): the keys that shape a quote, in every view that has one;
# by word then by sentence, each in the order of the text (the start's keys, then the end's).
MOVES: tuple[tuple[str, str, Edge, Unit, bool], ...] = (
    ("Extend start", "Alt+Shift+Left", "start", "word", True),
    ("Trim start", "Alt+Shift+Right", "start", "word", False),
    ("Trim end", "Alt+Left", "end", "word", False),
    ("Extend end", "Alt+Right", "end", "word", True),
    ("Extend start", "Ctrl+Alt+Shift+Left", "start", "sentence", True),
    ("Trim start", "Ctrl+Alt+Shift+Right", "start", "sentence", False),
    ("Trim end", "Ctrl+Alt+Left", "end", "sentence", False),
    ("Extend end", "Ctrl+Alt+Right", "end", "sentence", True),
)

SHAPING_HINT = (
    "Drag the handles at the ends of the highlight, or Shift+click a word, to trim or extend "
    "the quote by whole words; Alt+arrow keys move its end, Alt+Shift+arrows its start (with "
    "Ctrl, by a sentence)."
)

# A quote up to this many words is said whole; a longer one by its ends, which are what move.
SAID_WHOLE = 24
END_WORDS = 8


def keys_for(edge: Edge, unit: Unit) -> dict[bool, str]:
    """The shortcuts that extend (True) and trim (False) the quote's `edge` by a `unit`."""
    return {grow: keys for _, keys, e, u, grow in MOVES if e == edge and u == unit}


def handle_tooltip(edge: Edge) -> str:
    """What a handle's tooltip says: how to drag it, and the keys that do the same."""
    word, sentence = keys_for(edge, "word"), keys_for(edge, "sentence")
    name = "Start" if edge == "start" else "End"
    return (
        f"{name} of the quote: drag it to trim or extend the quote by whole words.\n"
        "Shift+click a word to move the nearer end there.\n"
        f"Keys: {word[True]} extends it by a word, {word[False]} trims it; "
        f"{sentence[True]} and {sentence[False]} by a sentence."
    )


def keys_sentence() -> str:
    """Every shaping key in one sentence, for a screen reader's description of the quote."""
    end, start = keys_for("end", "word"), keys_for("start", "word")
    return (
        f"{end[True]} extends the quote's end by a word and {end[False]} trims it; "
        f"{start[True]} extends its start by a word and {start[False]} trims it; "
        "with Ctrl as well, by a sentence."
    )


def shortcut_rows() -> list[tuple[str, str]]:
    """The shaping keys as Help → Keyboard shortcuts lists them: (keys, what they do), in the
    order of the context menu."""
    return [
        (keys, f"{'extend' if grow else 'trim'} the quote's {edge} by a {unit}")
        for _, keys, edge, unit, grow in MOVES
    ]


def word_count(quote: str) -> str:
    count = len(quote.split())
    return f"{count} word{'' if count == 1 else 's'}"


def quote_summary(quote: str) -> str:
    """`quote` as a screen reader says it: whole if it is short, else its first and last words
    with "…" between, and how many words it has."""
    words = quote.split()
    if len(words) <= SAID_WHOLE:
        said = " ".join(words)
    else:
        said = f"{' '.join(words[:END_WORDS])} … {' '.join(words[-END_WORDS:])}"
    return f"“{said}” ({word_count(quote)})"


def quote_description(quote: str, shapeable: bool) -> str:
    """The quote view's accessible description: the quote as it stands and how to shape it."""
    if not quote:
        return "The source text. No quote is chosen."
    if not shapeable:
        return (
            f"The quote is highlighted: {quote_summary(quote)}. This suggestion is decided, so "
            "its quote can no longer be trimmed or extended."
        )
    return (
        f"The quote is highlighted, with a handle at each end: {quote_summary(quote)}. "
        f"{keys_sentence()} The context menu lists these commands."
    )


def change_said(quote: str, edge: Edge, unit: Unit, grow: bool, moved: bool) -> str:
    """What a screen reader says after a key moved the quote's `edge` by a `unit` (or could
    not: `moved` False), giving `quote`: the words at that end and how many there are now."""
    words = quote.split()
    if not moved:
        if grow:
            return f"The quote's {edge} is at the {edge} of the text: it cannot be extended."
        return f"The quote cannot be trimmed by another {unit}: it keeps its last one."
    if edge == "end":
        return f"Quote now ends “{' '.join(words[-END_WORDS:])}”; {word_count(quote)}."
    return f"Quote now starts “{' '.join(words[:END_WORDS])}”; {word_count(quote)}."
