"""Word-level differences between a quotation's source words and the draft's, as an officer
reads them: the removed and added words, with a few words around each change."""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from briefgen.content.quotes import normalise_quote

# One piece of a difference: ("same" | "removed" | "added", the words).
Piece = tuple[str, str]


def words(text: str) -> list[str]:
    """`text` as the words quotes are compared by (the project's quote normalisation)."""
    return normalise_quote(text).split()


def similarity(one: str, other: str) -> float:
    """How alike two texts are word by word, from 0 to 1."""
    return SequenceMatcher(None, words(one), words(other), autojunk=False).ratio()


def word_diff(source: str, draft: str) -> list[Piece]:
    """What changed from `source` to `draft`, word by word (whitespace, typographic quotes and
    dashes do not count)."""
    old, new = words(source), words(draft)
    pieces: list[Piece] = []
    for tag, old_start, old_end, new_start, new_end in SequenceMatcher(
        None, old, new, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            pieces.append(("same", " ".join(old[old_start:old_end])))
            continue
        if old_end > old_start:
            pieces.append(("removed", " ".join(old[old_start:old_end])))
        if new_end > new_start:
            pieces.append(("added", " ".join(new[new_start:new_end])))
    return pieces


def marked_diff(pieces: Sequence[Piece], context: int = 6) -> str:
    """`pieces` as one line: `[-removed-]{+added+}`, with up to `context` unchanged words
    either side of each change and "…" for the rest."""
    shown: list[str] = []
    for index, (kind, text) in enumerate(pieces):
        if kind == "removed":
            shown.append(f"[-{text}-]")
        elif kind == "added" and index and pieces[index - 1][0] == "removed":
            shown[-1] += f"{{+{text}+}}"  # a replacement reads as one: [-old-]{+new+}
        elif kind == "added":
            shown.append(f"{{+{text}+}}")
        else:
            same = text.split()
            first, last = index == 0, index == len(pieces) - 1
            if len(same) <= context * (1 if first or last else 2):
                shown.append(text)
                continue
            head = [] if first else same[:context]
            tail = [] if last else same[-context:]
            shown.append(" ".join([*head, "…", *tail]))
    return " ".join(shown)
