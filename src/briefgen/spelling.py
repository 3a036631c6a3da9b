"""Did-you-mean hints for misspelt names (themes, fields, options), worded once."""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice `word` was most likely meant to be, or None if none is close."""
    import difflib  # only when something is misspelt

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """ " (did you mean 'funding'?)" for a near miss, else ""."""
    match = closest(word, choices)
    return f" (did you mean '{match}'?)" if match else ""
