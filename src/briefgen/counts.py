"""Counted nouns for messages ("1 item", "3 items"), so no message says "1 items"."""


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """`count` and the noun in the right number: counted(1, "page") -> "1 page"."""
    noun = singular if count == 1 else (plural or singular + "s")
    return f"{count} {noun}"
