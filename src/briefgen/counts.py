"""Counted nouns for messages ("1 item", "3 items"), so no message says "1 items"."""


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """`count` and the noun in the right number: counted(1, "page") -> "1 page"."""
    noun = singular if count == 1 else (plural or singular + "s")
    return f"{count} {noun}"


def pages_text(page_count: int | None, estimated_pages: int | None = None) -> str:
    """ ", 3 pages" when counted on laid-out pages, ", about 3 pages in print" when estimated
    (a Word file), or "" when neither is known: how builds and exports report a pack's length."""
    if page_count:
        return f", {counted(page_count, 'page')}"
    if estimated_pages:
        return f", about {counted(estimated_pages, 'page')} in print"
    return ""
