"""Text from content files made safe to print on a terminal.

Content comes from shared drives and colleagues. Printed as it is, an escape character could
recolour the terminal, move the cursor or rewrite a line already shown, and a right-to-left
override could make a quote read differently from what the file holds ("Trojan Source",
CVE-2021-42574). Every command that echoes content prints it through `printable`, which shows
such characters as visible escapes (`\\x1b`, `\\u202e`) and leaves all other text, accented
letters and typographic quotes included, as it is.
"""

from __future__ import annotations

import re

EXIT_INTERRUPTED = 130  # as a shell reports a command stopped by Ctrl+C

# C0 controls, DEL and C1 controls; the bidirectional embeddings, overrides, isolates and marks
# (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069); the line and paragraph separators,
# which some terminals take for line breaks; and lone surrogates (a file name that is not
# UTF-8), which cannot be printed at all.
_UNSAFE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escaped(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, keep: str = "") -> str:
    """`text` with every control, bidirectional-formatting and unprintable character shown as an
    escape, except those in `keep` (a message's own line breaks and tabs, say)."""

    def escape(match: re.Match[str]) -> str:
        character = match.group()
        return character if character in keep else _escaped(character)

    return _UNSAFE.sub(escape, text)
