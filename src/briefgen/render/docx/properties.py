"""What describes the document as a whole: its language, title and other properties.

Word's Info pane, search and screen readers read these; the language (en-GB) also sets the
spelling dictionary, so it goes into the defaults, every style naming one, and the settings.
"""

from __future__ import annotations

from datetime import UTC, datetime

from docx.document import Document as WordDocument

from briefgen.pack.model import Pack
from briefgen.render.docx import oxml, oxml_document

PROPERTY_LIMIT = 255  # python-docx refuses longer core properties (title, subject, keywords)


def set_language(document: WordDocument, language: str) -> None:
    """`language` (en-GB) for spelling and screen readers: the defaults, every style that names a
    language, the theme font language and the core properties."""
    oxml_document.set_default_language(document, language)
    oxml_document.set_theme_font_language(document, language)
    document.core_properties.language = language


def set_properties(document: WordDocument, pack: Pack) -> None:
    """The file's title, subject, author, keywords and language (what Word's Info pane, search
    and screen readers show)."""
    properties = document.core_properties
    properties.title = property_text(pack.title)
    properties.subject = property_text(pack.subject)
    properties.author = property_text(pack.author)
    properties.last_modified_by = property_text(pack.author)
    properties.keywords = property_text(", ".join(pack.keywords))
    properties.category = property_text(pack.subtitle)
    properties.comments = property_text(pack.wording.get("generated_by", ""))
    properties.language = pack.language
    now = datetime.now(UTC).replace(microsecond=0)
    properties.created = properties.modified = now
    properties.revision = 1


def property_text(value: str) -> str:
    """`value` cut to the 255 characters a core property may hold, at a word, marked "…"."""
    text = " ".join(oxml.xml_text(value).split())
    if len(text) <= PROPERTY_LIMIT:
        return text
    return text[: PROPERTY_LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
