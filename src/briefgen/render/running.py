"""The running header's text: a long title or meeting name shortened to one line with an
ellipsis, at a word break, the same way in the PDF and in Word (a header that wraps pushes
into the page and reads as a mistake)."""

from __future__ import annotations

CHAR_EMS = 0.50  # average advance of Open Sans or Arial in English text is 0.47 em: a margin
ELLIPSIS = "…"


def fit_line(text: str, width: float, size: float) -> str:
    """`text` as it fits one line `width` points wide at `size` points: whole if it fits, else
    cut at the last word that fits and ended with an ellipsis."""
    text = " ".join(text.split())
    room = int(width / (size * CHAR_EMS))
    if len(text) <= room:
        return text
    cut = text[: max(room - 1, 1)]
    if " " in cut and not text[len(cut)].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + ELLIPSIS
