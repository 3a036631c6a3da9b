"""Where a quotation begins or ends mid-thought, so the pack marks it as an editor would.

A quote is an exact span of its source, so its words never change; but a span that starts in
the middle of a sentence ("secure immediate improvement...", "They would..."), or stops at the
lead-in to a list ("...in brief to:"), would read as a fragment. The renderers print an
ellipsis in square brackets there, set apart from the quoted words (`Quote.elided_start`,
`Quote.elided_end`). Worked out from the item's text and the source text around its span.
"""

from __future__ import annotations

import re

from briefgen.content.model import Item, Source

# A sentence opening with one of these refers back to something the quote leaves out.
_REFERS_BACK = frozenset(
    {"they", "this", "these", "those", "their", "such", "he", "she", "however"}
)
# A quote ending in one of these stops before its sentence does.
_OPEN_ENDINGS = tuple(":;,\u2013\u2014-")


def elisions(item: Item, source: Source | None) -> tuple[bool, bool]:
    """(elided at the start, elided at the end) for `item`'s quote."""
    text = item.text.strip()
    if not text:
        return False, False
    return _starts_mid_thought(text, item, source), _ends_mid_thought(text, item, source)


def _starts_mid_thought(text: str, item: Item, source: Source | None) -> bool:
    first_letter = next((char for char in text if char.isalpha()), "")
    if first_letter.islower():
        return True
    first_word = re.match(r"[A-Za-z]+", text)
    if first_word and first_word.group(0).casefold() in _REFERS_BACK:
        return True
    if source is None or item.span == (0, 0):
        return False
    # The words just before it, on the same line, run on into it: "... the council, which".
    before = source.text[max(0, item.span[0] - 40) : item.span[0]].rstrip(" \t")
    return bool(before) and (before[-1].islower() or before[-1] == ",")


def _ends_mid_thought(text: str, item: Item, source: Source | None) -> bool:
    if text.endswith(_OPEN_ENDINGS):
        return True
    if source is None or item.span == (0, 0) or not text[-1].isalnum():
        return False
    after = source.text[item.span[1] : item.span[1] + 40]
    following = after.lstrip(" \t")
    # The sentence runs on, on the same line: the quote stopped inside it.
    return bool(following) and (following[0].islower() or following[0] in ",;:")
