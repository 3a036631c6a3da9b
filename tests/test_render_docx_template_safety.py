"""A house template from outside stays harmless: bounded in size, and no outside links copied.

The hostile templates are built here: a 1 MB file whose styles part unpacks to 1 GiB (declared
honestly, or hidden behind a small declared size), and a template carrying a remote attached
template, a linked picture and a web link on a loopback server that records any request.
"""

from __future__ import annotations

import io
import re
import struct
import threading
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from lxml import etree
from tests.test_render_docx import make_spec, make_template

from briefgen.content import Corpus
from briefgen.errors import RenderError
from briefgen.pack import build_pack
from briefgen.render import RenderOptions, render
from briefgen.render.docx.package import WORD_PACKAGE_BYTES, WORD_PART_BYTES

GIB = 1 << 30
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="module")
def gibibyte_of_spaces() -> bytes:
    """A raw deflate stream that unpacks to 1 GiB of spaces, made in milliseconds: one
    megabyte compressed with a full flush (a byte-aligned block that needs nothing before it),
    repeated 1,024 times, then the final block."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b" " * (1 << 20)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * 1024 + compressor.flush(zlib.Z_FINISH)


def zip_with_raw_members(
    template: bytes, replaced: dict[str, tuple[bytes, int]], path: Path
) -> Path:
    """`template`'s package with each member named in `replaced` holding a raw deflate stream
    and declaring a size: `{name: (deflated, declared_size)}` (and a CRC that does not matter:
    the reader is meant to stop before it gets that far). Written by hand, as zipfile cannot be
    told what size to declare."""
    members: list[tuple[str, bytes, int, int]] = []  # name, raw data, size, CRC
    with zipfile.ZipFile(io.BytesIO(template)) as source:
        for info in source.infolist():
            if info.filename in replaced:
                deflated, declared_size = replaced[info.filename]
                members.append((info.filename, deflated, declared_size, 0))
                continue
            content = source.read(info.filename)
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            raw = compressor.compress(content) + compressor.flush()
            members.append((info.filename, raw, len(content), zlib.crc32(content)))
    output = io.BytesIO()
    directory = []
    for member_name, raw, size, crc in members:
        encoded = member_name.encode()
        offset = output.tell()
        output.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc,
                                 len(raw), size, len(encoded), 0))  # fmt: skip
        output.write(encoded + raw)
        directory.append(
            struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, len(raw),
                        size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded
        )  # fmt: skip
    start = output.tell()
    output.write(b"".join(directory))
    output.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members),
                             output.tell() - start, start, 0))  # fmt: skip
    path.write_bytes(output.getvalue())
    return path


def build(corpus: Corpus, template: Path) -> tuple[bytes, tuple[str, ...]]:
    pack = build_pack(corpus, make_spec("committee-report", "scrutiny"))
    result = render(pack, corpus, "docx", RenderOptions(template=template))
    return result.data, result.warnings


def test_template_whose_styles_unpack_to_a_gibibyte_is_refused_naming_the_limit(
    shipped_corpus: Corpus, tmp_path: Path, gibibyte_of_spaces: bytes
) -> None:
    plain = make_template(tmp_path / "plain.docx").read_bytes()
    path = zip_with_raw_members(
        plain, {"word/styles.xml": (gibibyte_of_spaces, GIB)}, tmp_path / "house.dotx"
    )
    assert path.stat().st_size < 1_200_000
    started = time.perf_counter()
    with pytest.raises(RenderError) as raised:
        build(shipped_corpus, path)
    assert time.perf_counter() - started < 3
    assert str(raised.value) == (
        f"the Word template {path} is too large to open safely: its part word/styles.xml "
        "unpacks to 1073.8 MB, over the limit of 20 MB for one part; save it again from Word "
        "without embedded fonts or large pictures, or build without --template"
    )


def test_a_part_hiding_its_size_is_read_no_further_than_it_declared(
    shipped_corpus: Corpus, tmp_path: Path, gibibyte_of_spaces: bytes
) -> None:
    plain = make_template(tmp_path / "plain.docx").read_bytes()
    declared = WORD_PART_BYTES - 1_000_000
    path = zip_with_raw_members(
        plain, {"word/styles.xml": (gibibyte_of_spaces, declared)}, tmp_path / "liar.docx"
    )
    tracemalloc.start()
    try:
        with pytest.raises(RenderError, match="is not a Word document or template") as raised:
            build(shipped_corpus, path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * WORD_PART_BYTES  # not a gigabyte: reading stopped at the declared size
    assert "CRC" in str(raised.value) and str(path) in str(raised.value)


def test_parts_too_large_together_are_refused_before_any_is_unpacked(
    shipped_corpus: Corpus, tmp_path: Path
) -> None:
    plain = make_template(tmp_path / "plain.docx").read_bytes()
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    small_part = (compressor.compress(b"<x/>") + compressor.flush(), WORD_PART_BYTES - 1)
    names = ("word/styles.xml", "word/numbering.xml", "word/fontTable.xml")
    path = zip_with_raw_members(plain, dict.fromkeys(names, small_part), tmp_path / "many.docx")
    with pytest.raises(RenderError) as raised:
        build(shipped_corpus, path)
    assert f"over the limit of {WORD_PACKAGE_BYTES // 1_000_000} MB for a whole file" in str(
        raised.value
    )


def test_a_template_file_over_the_limit_is_refused_before_it_is_read(
    shipped_corpus: Corpus, tmp_path: Path
) -> None:
    path = tmp_path / "huge.dotx"
    with path.open("wb") as file:
        file.truncate(WORD_PACKAGE_BYTES + 10_000_000)  # sparse: nothing written to the disk
    with pytest.raises(RenderError) as raised:
        build(shipped_corpus, path)
    assert str(raised.value) == (
        f"the Word template {path} is too large to open safely: the file is 60 MB, over the "
        "limit of 50 MB; save it again from Word without embedded fonts or large pictures, or "
        "build without --template"
    )


# --- Outside links --------------------------------------------------------------------------


@pytest.fixture
def watching_server() -> Iterator[tuple[str, list[str]]]:
    """A loopback web server and the list of paths anything asked it for."""
    requests: list[str] = []

    class Recorder(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def add_outside_links(template: bytes, base: str, path: Path) -> Path:
    """`template` with a remote attached template (settings), and a linked picture and a web
    link in the body, all pointing at `base`."""
    relationship = (
        '<Relationship Id="{id}" Type="' + R + '/{kind}" Target="{target}" TargetMode="External"/>'
    )
    settings_rels = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{RELS}">'
        + relationship.format(id="rId1", kind="attachedTemplate", target=f"{base}/remote.dotx")
        + "</Relationships>"
    )
    picture = (
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
        'drawingml/2006/wordprocessingDrawing"><wp:extent cx="9525" cy="9525"/>'
        '<wp:docPr id="90" name="tracker"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/'
        'drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/'
        '2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/'
        'picture"><pic:nvPicPr><pic:cNvPr id="0" name="tracker.png"/><pic:cNvPicPr/>'
        '</pic:nvPicPr><pic:blipFill><a:blip r:link="rId90"/></pic:blipFill><pic:spPr/>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        '<w:hyperlink r:id="rId91"><w:r><w:t>our intranet</w:t></w:r></w:hyperlink></w:p>'
    )
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(template)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/settings.xml":
                content = re.sub(
                    rb"(<w:settings[^>]*>)", rb'\1<w:attachedTemplate r:id="rId1"/>', content
                )
            elif info.filename == "word/document.xml":
                content = content.replace(b"<w:body>", b"<w:body>" + picture.encode())
            elif info.filename == "word/_rels/document.xml.rels":
                links = relationship.format(
                    id="rId90", kind="image", target=f"{base}/logo.png"
                ) + relationship.format(id="rId91", kind="hyperlink", target=f"{base}/intranet")
                content = content.replace(b"</Relationships>", links.encode() + b"</Relationships>")
            target.writestr(info, content)
        target.writestr("word/_rels/settings.xml.rels", settings_rels)
    path.write_bytes(output.getvalue())
    return path


def relationships(data: bytes) -> dict[str, list[etree._Element]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {
            name: list(etree.fromstring(package.read(name)).iter(f"{{{RELS}}}Relationship"))
            for name in package.namelist()
            if name.endswith(".rels")
        }


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_outside_links_in_a_template_are_dropped_and_named_in_a_warning(
    shipped_corpus: Corpus, tmp_path: Path, watching_server: tuple[str, list[str]], suffix: str
) -> None:
    base, requests = watching_server
    plain = make_template(tmp_path / f"plain{suffix}", dotx=suffix == ".dotx").read_bytes()
    template = add_outside_links(plain, base, tmp_path / f"linked{suffix}")
    with zipfile.ZipFile(template) as package:  # the hostile template really carries them
        assert b'TargetMode="External"' in package.read("word/_rels/settings.xml.rels")

    data, warnings = build(shipped_corpus, template)

    assert [w for w in warnings if "outside" in w] == [
        f"the Word template {template} links to files outside it, which Word could fetch when "
        "the pack is opened; "
        f"they were left out of this Word file: a linked picture at {base}/logo.png; a web link "
        f"at {base}/intranet; an attached template at {base}/remote.dotx"
    ]
    rels = relationships(data)
    assert all(r.get("TargetMode") != "External" for each in rels.values() for r in each)
    assert base.encode() not in b"".join(
        zipfile.ZipFile(io.BytesIO(data)).read(name)
        for name in zipfile.ZipFile(io.BytesIO(data)).namelist()
    )
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert b"attachedTemplate" not in package.read("word/settings.xml")
        # Every relationship a part refers to is still there (no dangling r:id).
        for rels_name, entries in rels.items():
            folder, file_name = (
                rels_name.rsplit("/_rels/", 1) if "/_rels/" in rels_name else ("", "")
            )
            part = f"{folder}/{file_name.removesuffix('.rels')}" if folder else ""
            if not part or part not in package.namelist():
                continue
            ids = {entry.get("Id") for entry in entries}
            root = etree.fromstring(package.read(part))
            for element in root.iter():
                for attribute, value in element.attrib.items():
                    if attribute.startswith(f"{{{R}}}"):
                        assert value in ids, f"{part}: {attribute}={value} has no relationship"
    assert requests == []
    with zipfile.ZipFile(template) as package:  # the template itself is left as it was
        assert b'TargetMode="External"' in package.read("word/_rels/settings.xml.rels")


def test_a_template_without_outside_links_builds_without_a_link_warning(
    shipped_corpus: Corpus, tmp_path: Path
) -> None:
    _, warnings = build(shipped_corpus, make_template(tmp_path / "plain.docx"))
    assert not [w for w in warnings if "outside" in w]
