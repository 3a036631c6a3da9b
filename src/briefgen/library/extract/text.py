"""Plain text and Markdown import: UTF-8, or another encoding charset-normalizer recognises (and
the notice names); Markdown's # headings and "4.3" paragraph numbers give the locators."""

from __future__ import annotations

import re
from pathlib import Path

import charset_normalizer

from briefgen.library.extract.errors import ExtractError
from briefgen.library.extract.limits import MAX_TEXT_BYTES
from briefgen.library.extract.model import DocumentBuilder, ExtractedDocument, Metadata
from briefgen.library.extract.progress import CancelCheck, Monitor, ProgressCallback
from briefgen.library.extract.sniff import check_size, looks_like, unreadable
from briefgen.library.extract.structure import paragraph_number, split_heading_number

# Every pattern here runs in time linear in the line: a file is untrusted, and a pattern that
# backtracks (`(.*?)[ \t]*$`, `[^)]*` from each of many "[") took minutes on a 100 kB line.
_ATX_HEADING = re.compile(r"(#{1,6})[ \t]+(.*)")
_SETEXT_UNDERLINE = re.compile(r"(=+|-+)[ \t]*$")
_FENCE = re.compile(r"(```|~~~)")
# Inline Markdown that is not part of what a reader sees: images, and a link's address.
_ADDRESS = r"\((?:[^()]|\([^()]*\))*\)"  # a link's address, with one level of brackets in it
_IMAGE = re.compile(r"!\[([^\[\]]*)\]" + _ADDRESS)
_LINK = re.compile(r"\[([^\[\]]+)\]" + _ADDRESS)
_CODE = re.compile(r"`([^`]+)`")
# Inside, an underscore only between letters ("_snake_case_"): never a run to the line's end.
_UNDERSCORE_EMPHASIS = re.compile(
    r"(?<!\w)(_{1,2})(?=\S)((?:[^_]|(?<=\w)_(?=\w))+?)(?<=\S)\1(?!\w)"
)
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.S)
_FRONT_FIELD = re.compile(r"(?m)^(title|author|date|publisher):(.*)$")


def extract_text(
    path: Path,
    markdown: bool,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ExtractedDocument:
    """Read a text (or, if `markdown`, a Markdown) file as the document's text."""
    monitor = Monitor(path, progress, cancel)
    check_size(path, MAX_TEXT_BYTES, "text file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise unreadable(path, error) from None
    kind = looks_like(data[:1024])
    if kind is not None:
        raise ExtractError(
            path,
            f"is a {_KIND_NAMES[kind]} file, not text; rename it with the right extension "
            "or save it as plain text",
        )
    text, notice = _decode(path, data)
    monitor.step(0, 1)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ExtractError(path, "holds no text (only spaces or blank lines); check the file")
    builder = DocumentBuilder(path, "markdown" if markdown else "text")
    if notice:
        builder.notices.append(notice)
    metadata = Metadata()
    if markdown:
        metadata, text = _front_matter(text)
        _read_markdown(builder, text)
    else:
        _read_plain(builder, text)
    monitor.step(1, 1)
    return builder.build(metadata)


_KIND_NAMES = {"pdf": "PDF", "zip": "zip (perhaps Word)", "ole": "legacy Office", "rtf": "RTF"}


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text of `data` and a notice naming its encoding when that was not UTF-8."""
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    best = _best_match(charset_normalizer.from_bytes(data))
    if best is None or best.encoding in ("utf_8", "ascii"):
        raise ExtractError(
            path,
            "is not UTF-8 and its encoding cannot be recognised; open it in a text editor "
            "and save it as UTF-8",
        )
    name = best.encoding.replace("_", "-")
    return str(best), (
        f"{path}: read as {name}, not UTF-8; check that accented letters and quotation marks "
        "look right in the imported text"
    )


# Officers' files that are not UTF-8 are nearly always Windows "ANSI" (Western European); when
# charset-normalizer finds other code pages decode the bytes equally cleanly (cp1250 reads a
# cp1252 "ï" as "ď"), these win the tie.
_WESTERN = ("cp1252", "latin_1", "iso8859_15", "mac_roman")
_TIE = 0.01


def _best_match(
    matches: charset_normalizer.CharsetMatches,
) -> charset_normalizer.CharsetMatch | None:
    best = matches.best()
    if best is None:
        return None
    for encoding in _WESTERN:
        for match in matches:
            if match.encoding == encoding and match.chaos <= best.chaos + _TIE:
                return match
    return best


def _front_matter(text: str) -> tuple[Metadata, str]:
    """Title, author and date from a YAML front-matter block, which is not part of the text."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return Metadata(), text
    fields = {key: _unquoted(value) for key, value in _FRONT_FIELD.findall(match.group(1))}
    metadata = Metadata(
        title=fields.get("title", ""),
        author=fields.get("author", ""),
        publisher=fields.get("publisher", ""),
        date=fields.get("date", ""),
    )
    return metadata, text[match.end() :]


def _unquoted(value: str) -> str:
    """A front-matter value without the spaces and the quotation mark at either end."""
    value = value.strip(" \t")
    value = value[1:] if value[:1] in "\"'" else value
    return (value[:-1] if value[-1:] in "\"'" else value).strip(" \t")


def _without_closing_marks(title: str) -> str:
    """An ATX heading's text without its optional closing #s ("## Title ##") and spaces."""
    title = title.rstrip(" \t")
    bare = title.rstrip("#")
    if bare != title and (not bare or bare[-1] in " \t"):
        title = bare.rstrip(" \t")
    return title


def _read_plain(builder: DocumentBuilder, text: str) -> None:
    previous: str | None = None
    for line in _lines(text):
        start, _ = builder.append(line + "\n")
        number = paragraph_number(line.strip(), previous)
        if number is not None:
            builder.numbered_paragraph(start + len(line) - len(line.lstrip()), number)
        previous = line if line.strip() else None


def _read_markdown(builder: DocumentBuilder, text: str) -> None:
    """Headings (# and underlined) without their marks, links as their words, images dropped."""
    lines = _lines(text)
    previous: str | None = None
    in_fence = False
    underlines: set[int] = set()
    for i, raw in enumerate(lines):
        if i in underlines:
            continue
        if _FENCE.match(raw.lstrip()):
            in_fence = not in_fence
            continue
        if in_fence:
            builder.append(raw + "\n")
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        atx = _ATX_HEADING.match(raw)
        setext = bool(raw.strip()) and previous is None and _SETEXT_UNDERLINE.match(following)
        if atx or setext:
            if atx:
                level, title = len(atx.group(1)), _without_closing_marks(atx.group(2))
            else:
                level, title = (1 if following.startswith("=") else 2), raw.strip()
                underlines.add(i + 1)
            title = _inline(title)
            start, end = builder.append(title)
            builder.append("\n")
            number, rest = split_heading_number(title)
            builder.heading(start, end, rest, level, number)
            previous = None
            continue
        text = _inline(raw)
        start, _ = builder.append(text + "\n")
        paragraph = paragraph_number(text.strip(), previous)
        if paragraph is not None:
            builder.numbered_paragraph(start + len(text) - len(text.lstrip()), paragraph)
        previous = text if text.strip() else None


def _lines(text: str) -> list[str]:
    """The lines of `text`, without an empty one after its final line end."""
    lines = text.split("\n")
    return lines[:-1] if lines and not lines[-1] else lines


def _inline(line: str) -> str:
    """A Markdown line as read: links as their words, images and code and emphasis marks gone
    (asterisks are left to quote verification, which skips them)."""
    line = _LINK.sub(r"\1", _IMAGE.sub("", line))
    return _UNDERSCORE_EMPHASIS.sub(r"\2", _CODE.sub(r"\1", line))
