"""Word import: list numbers computed from numbering.xml (heading numbers from styles, numbered
paragraphs, continued and restarted lists), tables, images, hyperlinks, and bad packages."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from briefgen.content.quotes import locate, normalise_source
from briefgen.library.extract import ExtractCancelled, ExtractError, extract
from briefgen.library.extract.docx_numbering import Numbering, format_number


@pytest.fixture(scope="session")
def strategy(report_docx: Path):
    return extract(report_docx)


def where(document, quote: str) -> str:
    span = locate(quote, normalise_source(document.text))
    assert span is not None, f"quote does not verify: {quote!r}"
    return str(document.locator(*span))


def test_heading_numbers_come_from_the_heading_style(strategy):
    assert [(h.title, h.level, h.number) for h in strategy.headings] == [
        ("Anytown Housing Strategy", 0, ""),
        ("Purpose", 1, "1"),
        ("Funding", 1, "2"),
        ("Delivery partners", 2, ""),
        ("Risks", 1, "3"),
    ]
    assert "\n2. Funding\n" in strategy.text  # as Word shows it


def test_numbered_paragraphs_give_para_locators(strategy):
    assert where(strategy, "This strategy sets out how the council will house residents.") == (
        "para 1.1"
    )
    assert where(strategy, "It replaces the strategy adopted in 2019.") == "para 1.2"
    assert where(strategy, "repairs to the existing stock") == "para 2.1(b)"
    assert where(strategy, "Building costs may rise faster than forecast.") == "para 3.1"
    assert "\n(a) new council homes on brownfield land;\n" in strategy.text


def test_lists_continue_across_list_instances_and_restart_on_override(strategy):
    assert "\niii) Report progress to members.\n" in strategy.text  # same list, continued
    assert "\ni) Consult tenants first.\n" in strategy.text  # w:startOverride restarts it
    assert "\nA bulleted point that has no number.\n" in strategy.text  # bullets add nothing


def test_tables_and_hyperlinks_keep_their_text_in_order(strategy):
    quote = "Partners are listed on the partnership website for reference."
    assert where(strategy, quote) == "'Delivery partners'"
    text = strategy.text
    assert text.index("Programme") < text.index("£12 million over four years")
    assert text.index("£12 million over four years") < text.index("Priority actions:")
    assert "example.org" not in text


def test_external_template_is_ignored_with_a_notice(strategy, report_docx):
    assert strategy.notices == (
        f"{report_docx}: links to an external attachedTemplate "
        "(https://templates.example.org/house.dotm); briefgen never follows such links, so "
        "whatever it points at is not imported",
    )
    assert strategy.pages == ()
    assert strategy.metadata.title == "Anytown Housing Strategy"
    assert strategy.metadata.author == "Housing Team"


def test_sample_locator_without_pages_uses_heading(strategy):
    assert where(strategy, "Priority actions:") == "'Delivery partners'"


def numbering(xml: str) -> Numbering:
    return Numbering(parse_xml(f"<w:numbering {nsdecls('w')}>{xml}</w:numbering>"), {})


def test_level_restart_rules_and_legal_numbering():
    definitions = numbering(
        """<w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/>
          <w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
          <w:lvlRestart w:val="0"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>
        </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"""
    )
    shown = [
        definitions.next_number("1", level, "")
        for level in (0, 1, 1, 0, 1)  # level 1 never restarts
    ]
    assert [n.shown if n else None for n in shown] == ["III.", "3.1", "3.2", "IV.", "4.3"]
    assert definitions.next_number("99", 0, "") is None  # an undefined list shows nothing


def test_cited_numbers_add_the_levels_above_only_when_not_shown():
    definitions = numbering(
        """<w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:lvlText w:val="Part %1"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlText w:val="%2."/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:lvlText w:val="%2.%3"/></w:lvl>
        <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>
          <w:lvlText w:val="%4."/></w:lvl>
        </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"""
    )
    cited = [definitions.next_number("1", level, "") for level in (0, 1, 2, 3)]
    assert [n.cited if n else None for n in cited] == ["Part 1", "Part 1.1", "1.1", "1.1(i)"]


@pytest.mark.parametrize(
    ("value", "num_format", "expected"),
    [
        (4, "lowerLetter", "d"),
        (28, "lowerLetter", "bb"),
        (14, "upperRoman", "XIV"),
        (3, "decimalZero", "03"),
        (22, "ordinal", "22nd"),
        (7, "cardinalText", "7"),
    ],
)
def test_number_formats(value, num_format, expected):
    assert format_number(value, num_format) == expected


def write_zip(path: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def refused(path: Path) -> str:
    with pytest.raises(ExtractError) as caught:
        extract(path)
    return str(caught.value)


def test_renamed_pdf_is_named_as_a_pdf(tmp_path, report_pdf):
    path = tmp_path / "report.docx"
    path.write_bytes(report_pdf.read_bytes())
    assert refused(path) == (
        f"{path}: is a PDF with a Word name; rename it to end in .pdf and import it again"
    )


def test_legacy_doc_is_refused_with_how_to_convert(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000)
    old = tmp_path / "minutes.doc"
    old.write_bytes(ole)
    assert refused(old) == (
        f"{old}: is a .doc file, which briefgen cannot read; open it in Word or LibreOffice, "
        "save it as .docx (or PDF), and import that"
    )
    renamed = tmp_path / "minutes.docx"
    renamed.write_bytes(ole)
    assert refused(renamed) == (
        f"{renamed}: is a legacy Word 97–2003 file (.doc) or another old Office file; open it "
        "in Word or LibreOffice, save it as .docx, and import that"
    )


def test_word_file_without_text_is_refused(tmp_path):
    import docx

    path = tmp_path / "blank.docx"
    document = docx.Document()
    document.add_paragraph()
    document.add_table(rows=1, cols=2)
    document.save(str(path))
    assert refused(path) == f"{path}: has no text; check it is the document you meant"


def test_password_protected_docx_is_named_as_such(tmp_path):
    path = tmp_path / "locked.docx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000) + "EncryptedPackage".encode("utf-16-le")
    )
    assert refused(path) == (
        f"{path}: is protected by a password; open it in Word, remove the password (File, "
        "Info, Protect Document), save it, and import that"
    )


def test_docx_with_a_broken_main_part_is_refused_as_damaged(tmp_path, report_docx):
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(report_docx) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/document.xml"] = b"<w:document><unclosed>"
    write_zip(path, parts)
    assert refused(path) == (
        f"{path}: is damaged or not a Word document; open it in Word and save it again as .docx"
    )


def test_zip_bomb_is_refused_before_python_docx_reads_it(tmp_path, report_docx):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(report_docx) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/media/filler.bin"] = bytes(8 * 1024 * 1024)  # 8 MB of zeros, ~8 KB packed
    write_zip(path, parts)
    message = refused(path)
    assert message.startswith(f"{path}: is refused: its part word/media/filler.bin inflates ")
    assert message.endswith(
        "times, over 200 (a damaged file or a 'zip bomb'); open it in Word, save it as a new "
        ".docx, and import that"
    )


@pytest.mark.parametrize(
    ("limit", "value", "problem"),
    [
        ("MAX_DOCX_TOTAL_BYTES", 2048, r"its part set would inflate to \d+ KB, over 2 KB"),
        ("MAX_DOCX_PART_BYTES", 2048, r"its part \S+ would inflate to \d+ KB, over 2 KB"),
        ("MAX_DOCX_PARTS", 3, r"its part list has \d+ parts, over 3"),
    ],
)
def test_parts_over_the_limits_are_refused(report_docx, monkeypatch, limit, value, problem):
    monkeypatch.setattr(f"briefgen.library.extract.docx_package.{limit}", value)
    message = refused(report_docx)
    assert re.fullmatch(
        f"{re.escape(str(report_docx))}: is refused: {problem} \\(a damaged file or a 'zip "
        "bomb'\\); open it in Word, save it as a new .docx, and import that",
        message,
    ), message


def test_part_whose_compressed_data_is_corrupt_is_damaged(tmp_path, report_docx):
    data = bytearray(report_docx.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        member = archive.getinfo("word/document.xml")
    # Corrupt the compressed bytes of document.xml: its CRC no longer matches.
    start = member.header_offset + 30 + len(member.filename) + len(member.extra) + 20
    data[start : start + 8] = b"\x00" * 8
    path = tmp_path / "corrupt.docx"
    path.write_bytes(bytes(data))
    assert refused(path) == (
        f"{path}: is damaged (its part word/document.xml cannot be read); open it in Word and "
        "save it again as .docx"
    )


def test_zip_that_is_not_a_word_document_and_truncated_docx(tmp_path, report_docx):
    other = tmp_path / "photos.docx"
    write_zip(other, {"photo.txt": b"not word"})
    assert refused(other) == (
        f"{other}: is a zip archive but not a Word document; choose the .docx itself"
    )
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(report_docx.read_bytes()[:4000])
    assert refused(truncated) == (
        f"{truncated}: is damaged or not a Word file (it is not a valid .docx package); open "
        "it in Word and save it again as .docx"
    )


def test_progress_and_cancel_in_word(report_docx):
    calls: list[tuple[int, int]] = []
    extract(report_docx, progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1]
    with pytest.raises(ExtractCancelled) as caught:
        extract(report_docx, cancel=lambda: True)
    assert str(caught.value) == f"{report_docx}: import cancelled; nothing was added"


def test_tracked_moves_and_text_box_copies_are_read_once(tmp_path):
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("Kept text.")
    paragraph._p.append(
        parse_xml(
            f'<w:moveFrom {nsdecls("w")} w:id="1" w:author="A" w:date="2025-01-01T00:00:00Z">'
            "<w:r><w:t>Moved away.</w:t></w:r></w:moveFrom>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f"<w:r {nsdecls('w')}><mc:AlternateContent "
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
            '<mc:Choice Requires="wps"><w:t> Box text.</w:t></mc:Choice>'
            "<mc:Fallback><w:t> Box text.</w:t></mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    assert extract(path).text == "Kept text. Box text.\n"
