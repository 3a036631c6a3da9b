"""Characters in a pack that the PDF's bundled font cannot print, named so the officer can
replace them.

WeasyPrint draws a character the `@font-face` fonts lack in whatever installed font has it, or as
an empty box, and says nothing: an emoji or a Chinese word pasted into a title would go out that
way unnoticed. The fonts are the ones the stylesheets' `@font-face` rules load from the assets
folder (Open Sans unless a council changed them); a character counts as printable when any of
them has it (Open Sans's weights all cover the same characters). The text checked is the pack's
own (title, cover, sections: the officer's words and the quotes), not briefgen's fixed wording.

Only the PDF build runs this check. A Word file names its font without carrying it, and Word
itself substitutes a font that has the character (Segoe UI Emoji, a CJK font) on the reader's
machine, as a browser does for the HTML file; a warning there would be wrong as often as right.

Cost, measured: the first check in a process reads the fonts' character maps with fontTools
(which WeasyPrint has already imported), decoding maps that are byte-for-byte the same only once:
about 3 ms. Later checks reuse them: about 0.3 ms for a pack of 11 items and 2 ms for one of all
391, which take 0.35 s and 7 s to print.
"""

from __future__ import annotations

import re
import struct
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from briefgen.pack.model import Pack
from briefgen.pack.wording import assets_dir
from briefgen.render.html import LARGE_PRINT_STYLESHEET, STYLESHEET

# Enough to find them; a pasted paragraph of Chinese would otherwise fill the screen.
MAX_CHARACTERS_NAMED = 6
MAX_PLACES_NAMED = 4

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_FONT_FACE = re.compile(r"@font-face\s*\{(?P<body>[^}]*)\}", re.IGNORECASE)
_FAMILY = re.compile(r"font-family\s*:\s*(['\"]?)(?P<name>[^;'\"]+?)\1\s*(;|$)", re.IGNORECASE)
_URL = re.compile(r"url\(\s*(['\"]?)(?P<url>[^'\")]+?)\1\s*\)", re.IGNORECASE)
# Character maps already decoded, by their bytes: the faces of one family usually share one.
_DECODED: dict[bytes, frozenset[str]] = {}


class BundledFonts(NamedTuple):
    """The fonts the PDF's stylesheets load with `@font-face`, and what they can print."""

    families: tuple[str, ...]  # as the rules name them, e.g. ("Open Sans",)
    printable: frozenset[str]  # every character at least one of the font files has
    # Finds any other character (control characters aside); None when there is no font to check.
    unprintable: re.Pattern[str] | None


def unprintable_warning(pack: Pack) -> str:
    """The warning naming the characters of `pack` the PDF's fonts cannot print, and where they
    are (the title, the cover, a section); "" when there are none, or no bundled font to check."""
    fonts = bundled_fonts(pack.large_print)
    places = list(_places(pack))
    if fonts.unprintable is None or not any(fonts.unprintable.search(t) for _, t in places):
        return ""  # the usual case: one scan of each text, in C
    found = []
    for where, text in places:
        # As HarfBuzz draws it: "e" and a combining accent print as the font's own "é".
        missing = [
            char
            for char in dict.fromkeys(unicodedata.normalize("NFC", text))
            if char not in fonts.printable and _drawn(char)
        ]
        if missing:
            found.append((where, missing))
    return _wording(" and ".join(fonts.families), found) if found else ""


def bundled_fonts(large_print: bool = False) -> BundledFonts:
    """The fonts the PDF's stylesheets (in the assets folder) load with `@font-face`; a font
    outside that folder, or one that cannot be read, is left out as if it were not there."""
    names = [STYLESHEET, LARGE_PRINT_STYLESHEET] if large_print else [STYLESHEET]
    families: list[str] = []
    faces: list[tuple[Path, int, int]] = []
    folder = assets_dir()
    for name in names:
        try:
            css = _COMMENT.sub("", (folder / name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue  # the HTML renderer reports a missing or broken stylesheet
        for rule in _FONT_FACE.finditer(css):
            family = _FAMILY.search(rule["body"])
            if family and family["name"].strip() not in families:
                families.append(family["name"].strip())
            for url in _URL.finditer(rule["body"]):
                if ":" in url["url"]:
                    continue  # not relative, so not a file in the assets folder
                try:
                    stat = (folder / url["url"]).stat()
                except OSError:
                    continue
                faces.append((folder / url["url"], stat.st_mtime_ns, stat.st_size))
    return _bundled_fonts(tuple(families), tuple(faces))


@lru_cache(maxsize=8)
def _bundled_fonts(
    families: tuple[str, ...], faces: tuple[tuple[Path, int, int], ...]
) -> BundledFonts:
    """What `faces` can print; each is (path, modification time, size), so a replaced font file
    is read again."""
    printable: frozenset[str] = frozenset().union(*(_face_characters(p) for p, _, _ in faces))
    if not printable:
        return BundledFonts(families, printable, None)
    code_points = sorted(map(ord, printable))
    ranges = []  # runs of consecutive code points, as \U escapes for a character class
    start = previous = code_points[0]
    for code_point in [*code_points[1:], -1]:
        if code_point != previous + 1:
            ranges.append(rf"\U{start:08x}-\U{previous:08x}")
            start = code_point
        previous = code_point
    controls = r"\x00-\x1f\x7f-\x9f"
    return BundledFonts(families, printable, re.compile(f"[^{controls}{''.join(ranges)}]"))


def _face_characters(path: Path) -> frozenset[str]:
    """Every character the font file at `path` maps to a glyph (none if it cannot be read)."""
    from fontTools.ttLib import TTFont, TTLibError  # WeasyPrint has imported it by now

    try:
        # The file opened here, not by TTFont, which leaves it open when the file is no font.
        with path.open("rb") as file, TTFont(file, lazy=True) as font:
            raw = font.reader["cmap"]
            if raw not in _DECODED:
                _DECODED[raw] = frozenset(map(chr, font.getBestCmap() or {}))
            return _DECODED[raw]
    # A damaged file (struct.error, ValueError) or WOFF2 without brotli (ImportError): WeasyPrint
    # reports the font itself, and this advisory check has nothing to go on.
    except (OSError, KeyError, TTLibError, ImportError, struct.error, ValueError):
        return frozenset()


def _drawn(char: str) -> bool:
    """Whether `char` is drawn as a glyph of its own: not a control or format character (a
    zero-width joiner, a soft hyphen), a space (HarfBuzz makes any space from the font's own) or
    a variation selector (the U+FE0F that follows many emoji)."""
    if unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp"):
        return False
    return not ("\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef")


def _places(pack: Pack) -> Iterator[tuple[str, str]]:
    """The pack's printed text, piece by piece, each with where an officer would find it."""
    yield "the title", pack.title
    cover = (pack.subtitle, pack.meeting_line, pack.date_text, pack.marking, pack.audience_label)
    yield "the cover", "\n".join((*cover, *(text for fact in pack.cover_facts for text in fact)))
    for section in pack.sections:
        yield f"the '{section.title}' section", "\n".join((section.title, *_texts(section.blocks)))


def _texts(value: object) -> Iterator[str]:
    """Every string in `value`, a block or a tuple of them (blocks are named tuples)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for part in value:
            yield from _texts(part)


def _wording(font: str, found: list[tuple[str, list[str]]]) -> str:
    parts = []
    for where, missing in found[:MAX_PLACES_NAMED]:
        named = [f"U+{ord(char):04X} ({char})" for char in missing[:MAX_CHARACTERS_NAMED]]
        if len(missing) > MAX_CHARACTERS_NAMED:
            named.append(f"{len(missing) - MAX_CHARACTERS_NAMED} more")
        listed = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]
        parts.append(f"{listed} in {where}")
    if len(found) > MAX_PLACES_NAMED:
        others = len(found) - MAX_PLACES_NAMED
        parts.append(f"more in {others} other part{'s' if others > 1 else ''} of the pack")
    if len({char for _, missing in found for char in missing}) == 1:
        what, it = "a character, which would come out as an empty box", "it"
    else:
        what, it = "some characters, which would come out as empty boxes", "them"
    return (
        f"The PDF's font ({font}) cannot print {what} or in another typeface: "
        f"{'; '.join(parts)}. Replace or remove {it}."
    )
