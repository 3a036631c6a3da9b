"""Generators of hostile files for the import tests: small Word packages with hand-made parts,
and PDFs written object by object with pikepdf (Helvetica text, scripts, bombs, odd fonts)."""

from __future__ import annotations

import io
import socket
import zipfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

import docx
import pikepdf
import pytest

W = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SECRET = "SECRET-ON-THIS-MACHINE"


def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every attempt to open a socket fail the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"the import tried to use the network: {args}")

    for name in ("socket", "create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse)


def secret_file(folder: Path) -> Path:
    """A file outside the document that no import may read."""
    path = folder / "secret.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


def word_parts(text: str = "Visible text that can be quoted.") -> dict[str, bytes]:
    """The parts of a one-paragraph Word file as python-docx saves it."""
    document = docx.Document()
    document.core_properties.title = "Hostile test"
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def body(inner: str, prolog: str = "") -> bytes:
    """A document.xml holding `inner`, with `prolog` (a DOCTYPE, say) before the root."""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f"<w:document {W}><w:body>{inner}</w:body></w:document>"
    ).encode()


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def add_relationships(parts: dict[str, bytes], *relationships: str) -> None:
    """Add `relationships` (Relationship elements) to the main document's part."""
    name = "word/_rels/document.xml.rels"
    parts[name] = parts[name].replace(
        b"</Relationships>", "".join(relationships).encode() + b"</Relationships>"
    )


def pdf_of(
    path: Path,
    pages: Sequence[str],
    extra: Callable[[pikepdf.Pdf], None] | None = None,
    box: Sequence[float] = (0, 0, 595, 842),
) -> Path:
    """A PDF with one line of Helvetica text per page (`pages`), changed by `extra`."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    for text in pages:
        page = pikepdf.Dictionary(
            Type=pikepdf.Name.Page,
            MediaBox=pikepdf.Array(list(box)),
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
            Contents=pdf.make_stream(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()),
        )
        pdf.pages.append(pikepdf.Page(page))
    if extra is not None:
        extra(pdf)
    pdf.save(path)
    return path


def flate_stream(pdf: pikepdf.Pdf, data: bytes, layers: int = 1) -> pikepdf.Stream:
    """A stream holding `data` compressed `layers` times over with Flate, as written."""
    for _ in range(layers):
        data = zlib.compress(data, 9)
    stream = pikepdf.Stream(pdf, data)
    stream.Filter = pikepdf.Array([pikepdf.Name.FlateDecode] * layers)
    return stream


def gray_image(pdf: pikepdf.Pdf, side: int, layers: int = 0) -> pikepdf.Stream:
    """A blank gray image `side` pixels square, Flate-compressed `layers` times."""
    image = (
        flate_stream(pdf, bytes([200]) * side * side, layers)
        if layers
        else pikepdf.Stream(pdf, bytes([200]) * side * side)
    )
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width = image.Height = side
    image.ColorSpace, image.BitsPerComponent = pikepdf.Name.DeviceGray, 8
    return image


def glyphs_without_letters(pdf: pikepdf.Pdf) -> None:
    """Set every page in a Type 3 font whose glyphs are drawn boxes with made-up names and
    codes below 32, and no ToUnicode map: PDFium knows no letter for any of them."""
    names = [pikepdf.Name(f"/g{index}") for index in range(20)]
    procs = pikepdf.Dictionary(
        {
            f"/g{index}": pdf.make_stream(b"500 0 0 0 400 600 d1 0 0 400 600 re f")
            for index in range(20)
        }
    )
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type3,
            FontBBox=pikepdf.Array([0, 0, 500, 600]),
            FontMatrix=pikepdf.Array([0.001, 0, 0, 0.001, 0, 0]),
            CharProcs=procs,
            Encoding=pikepdf.Dictionary(Differences=pikepdf.Array([1, *names])),
            FirstChar=1,
            LastChar=20,
            Widths=pikepdf.Array([500] * 20),
            Resources=pikepdf.Dictionary(),
        )
    )
    codes = bytes(range(1, 21)).hex().encode()
    for page in pdf.pages:
        page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.Contents = pdf.make_stream(b"BT /F1 12 Tf 72 720 Td <" + codes + b"> Tj ET")


def nested_forms(depth: int, fan: int, cycle: bool = False) -> Callable[[pikepdf.Pdf], None]:
    """Make page 1 place a form that places the next `fan` times, `depth` levels deep (the
    innermost draws a word); with `cycle`, the innermost places the outermost as well."""

    def nest(pdf: pikepdf.Pdf) -> None:
        font = pdf.pages[0].Resources.Font.F1
        inner = pdf.make_stream(
            b"BT /F1 1 Tf 0 0 Td (ab) Tj ET", Type=pikepdf.Name.XObject,
            Subtype=pikepdf.Name.Form, BBox=[0, 0, 9, 9],
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
        )  # fmt: skip
        innermost = inner
        for _ in range(depth):
            places = pikepdf.Dictionary(XObject=pikepdf.Dictionary(X=inner))
            inner = pdf.make_stream(
                b"/X Do " * fan, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                BBox=[0, 0, 9, 9], Resources=places,
            )  # fmt: skip
        if cycle:
            innermost.write(b"/X Do")
            innermost.Resources.XObject = pikepdf.Dictionary(X=inner)
        page = pdf.pages[0]
        page.Resources.XObject = pikepdf.Dictionary(X=inner)
        page.Contents = pdf.make_stream(page.Contents.read_bytes() + b" /X Do")

    return nest
