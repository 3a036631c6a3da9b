"""A PDF's compressed streams measured before PDFium reads it, so a "PDF bomb" is refused: PDFium
inflates a page's content (and each font) whole, and a 3 MB file whose content inflates to
3 GB took 22 s and 4 GB of memory. See docs/decisions/0207.

The file is scanned for the `stream` keyword rather than parsed: every Flate stream (the one
filter that reaches such ratios in practice), through as many Flate layers as it declares, is
inflated chunk by chunk without being kept, and counted. Images and attached files are skipped:
text extraction never decodes them. The streams of an encrypted PDF are scrambled, so they are
not measured (decision 0207 says why that is accepted).
"""

from __future__ import annotations

import mmap
import re
import zlib
from pathlib import Path

from briefgen.library.extract.errors import ExtractError
from briefgen.library.extract.limits import (
    MAX_PDF_INFLATED_BYTES,
    MAX_PDF_STREAM_BYTES,
    describe_size,
)
from briefgen.library.extract.progress import Monitor
from briefgen.library.extract.sniff import unreadable

_CHUNK = 256 * 1024
# How far before `stream` its dictionary is looked for (a stream dictionary is short).
_DICTIONARY_BYTES = 4096
# Streams PDFium never inflates to read text: images, and files attached to the PDF.
_NOT_READ = re.compile(rb"/Subtype\s*/Image\b|/Type\s*/EmbeddedFile\b")
_FLATE = re.compile(rb"/FlateDecode\b|/Fl\b")
_FORM = re.compile(rb"/Subtype\s*/Form\b")


def check_streams(path: Path, monitor: Monitor | None = None) -> bool:
    """Refuse `path` if a Flate stream inflates past `MAX_PDF_STREAM_BYTES`, or all of them
    together past `MAX_PDF_INFLATED_BYTES`; `monitor` hears Cancel between streams. Whether
    the PDF has form XObjects (drawings a page can place many times: `pdf_forms`)."""
    try:
        with (
            path.open("rb") as stream,
            mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as data,
        ):
            return _scan(path, data, monitor)
    except OSError as error:
        raise unreadable(path, error) from None


def _scan(path: Path, data: mmap.mmap, monitor: Monitor | None) -> bool:
    total, forms = 0, False
    position = data.find(b"stream")
    while position != -1:
        start = _data_start(data, position)
        forms = forms or (
            start is not None and _FORM.search(_dictionary(data, position)) is not None
        )
        layers = _flate_layers(data, position) if start is not None else 0
        if start is not None and layers:
            if monitor is not None:
                monitor.check()
            size, end = _inflated_size(data, start, layers, MAX_PDF_STREAM_BYTES)
            if size > MAX_PDF_STREAM_BYTES:
                raise _bomb(path, f"one of its streams inflates to more than "
                            f"{describe_size(MAX_PDF_STREAM_BYTES)}")  # fmt: skip
            total += size
            if total > MAX_PDF_INFLATED_BYTES:
                raise _bomb(path, f"its streams inflate to more than "
                            f"{describe_size(MAX_PDF_INFLATED_BYTES)} in all")  # fmt: skip
            position = max(end, position + 6)
        else:
            position += 6
        position = data.find(b"stream", position)
    return forms


def _data_start(data: mmap.mmap, position: int) -> int | None:
    """Where a stream's data starts, if the `stream` at `position` is the keyword (not the end
    of `endstream`, nor part of a name or string): after its end of line."""
    if position >= 3 and data[position - 3 : position] == b"end":
        return None
    after = position + 6
    end_of_line = data[after : after + 2]
    if end_of_line == b"\r\n":
        return after + 2
    if end_of_line[:1] in (b"\n", b"\r"):
        return after + 1
    return None


def _flate_layers(data: mmap.mmap, position: int) -> int:
    """How many times over the stream before `position` is Flate-compressed, by its
    dictionary (0 for an image or attached file, or a stream that is not Flate)."""
    head = _dictionary(data, position)
    return 0 if _NOT_READ.search(head) else len(_FLATE.findall(head))


def _dictionary(data: mmap.mmap, position: int) -> bytes:
    """The stream dictionary before the `stream` keyword at `position` (roughly: from the
    object's start, when it is in reach)."""
    head = data[max(0, position - _DICTIONARY_BYTES) : position]
    return head[head.rfind(b"obj") + 1 :]


def _inflated_size(data: mmap.mmap, start: int, layers: int, limit: int) -> tuple[int, int]:
    """The size the Flate data at `start`, compressed `layers` times over, inflates to
    (stopping just past `limit`), and where its compressed data ends. Data that is not Flate
    counts as what inflated before the error: PDFium says whether it can read the page."""
    inflaters = [zlib.decompressobj() for _ in range(layers)]
    outer = inflaters[0]
    size, cursor, pending = 0, start, b""
    try:
        while not outer.eof and size <= limit:
            if not pending:
                pending = data[cursor : cursor + _CHUNK]
                cursor += len(pending)
                if not pending:
                    break
            size += _inflate_inner(inflaters, 1, outer.decompress(pending, _CHUNK), limit - size)
            pending = outer.unconsumed_tail
    except zlib.error:
        return size, start
    return size, cursor - len(pending) - len(outer.unused_data)


def _inflate_inner(inflaters: list[zlib._Decompress], level: int, chunk: bytes, room: int) -> int:
    """What `chunk`, the output of layer `level - 1`, inflates to through the layers left."""
    if level == len(inflaters):
        return len(chunk)
    inflater, size = inflaters[level], 0
    while chunk and not inflater.eof and size <= room:
        size += _inflate_inner(
            inflaters, level + 1, inflater.decompress(chunk, _CHUNK), room - size
        )
        chunk = inflater.unconsumed_tail
    return size


def _bomb(path: Path, detail: str) -> ExtractError:
    return ExtractError(
        path,
        f"is refused: {detail} (a damaged file or a 'PDF bomb', which would take far more "
        "memory than the file's size); open it in a PDF reader, print it to a new PDF, and "
        "import that",
    )
