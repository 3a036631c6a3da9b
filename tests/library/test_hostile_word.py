"""Hostile Word files (decision 0207): entities and DTDs, external and embedded parts, and other
files given a .docx name are refused saying what they are, or imported with a notice of what
was left out; nothing outside the file is read and nothing goes over the network."""

from __future__ import annotations

import pytest
from tests.library import hostile
from tests.library.test_import import run

from briefgen.library.extract import ExtractError, extract

DOCTYPE_REFUSAL = (
    "declares a document type (entities or a DTD), which Word never writes and briefgen never "
    "follows (a 'billion laughs' file, or one made to pull in other files); ask for a copy "
    "saved from Word, or a PDF, and import that"
)


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    hostile.no_network(monkeypatch)


def entity_files(folder, secret) -> dict[str, tuple[str, bytes]]:
    """Each kind of entity attack, as (the part it is in, that part's bytes)."""
    laughs = '<!ENTITY a "ha">' + "".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8)
    )
    core = hostile.word_parts()["docProps/core.xml"].decode()
    head, rest = core.split("?>", 1)
    return {
        "external entity": (
            "word/document.xml",
            hostile.body(
                hostile.paragraph("Before &x; after."),
                f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>',
            ),
        ),
        "parameter entity": (
            "word/document.xml",
            hostile.body(
                hostile.paragraph("Text."),
                f'<!DOCTYPE w:document [<!ENTITY % p SYSTEM "file://{secret}"> %p;]>',
            ),
        ),
        "network entity": (
            "word/document.xml",
            hostile.body(
                hostile.paragraph("Text &n;."),
                '<!DOCTYPE w:document [<!ENTITY n SYSTEM "http://127.0.0.1:9/x">]>',
            ),
        ),
        "billion laughs": (
            "word/document.xml",
            hostile.body(hostile.paragraph("&i;"), f"<!DOCTYPE w:document [{laughs}]>"),
        ),
        "entity in the properties": (
            "docProps/core.xml",
            f'{head}?><!DOCTYPE cp:coreProperties [<!ENTITY x SYSTEM "file://{secret}">]>'
            f"{rest.replace('Hostile test', '&x;')}".encode(),
        ),
    }


def test_word_parts_that_declare_entities_are_refused_and_nothing_outside_is_read(
    capsys, user_library, tmp_path
):
    secret = hostile.secret_file(tmp_path)
    for kind, (part, data) in entity_files(tmp_path, secret).items():
        parts = hostile.word_parts()
        parts[part] = data
        path = hostile.write_zip(tmp_path / f"{kind}.docx", parts)
        code, out, err = run(capsys, path, "--publisher", "P", "--date", "2024")
        assert (kind, code, out) == (kind, 1, ""), err
        assert err == f"briefgen: {path}: is refused: its part {part} {DOCTYPE_REFUSAL}\n"
        assert hostile.SECRET not in err
        assert not user_library.exists()


def test_a_document_type_in_a_part_not_named_xml_is_refused_after_reading(tmp_path):
    # python-docx reads parts by their content type, so the main part may be called anything.
    parts = hostile.word_parts()
    parts["word/main.part"] = hostile.body(
        hostile.paragraph("Before &x; after."), '<!DOCTYPE w:document [<!ENTITY x "x">]>'
    )
    del parts["word/document.xml"]
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"word/document.xml", b"word/main.part")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"/word/document.xml", b"/word/main.part"
    )
    parts["word/_rels/main.part.rels"] = parts.pop("word/_rels/document.xml.rels")
    path = hostile.write_zip(tmp_path / "renamed-part.docx", parts)
    with pytest.raises(ExtractError) as caught:
        extract(path)
    assert str(caught.value) == f"{path}: is refused: its part word/main.part {DOCTYPE_REFUSAL}"


OTHER_FILES = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": (
        "is a macro-enabled Word document (.docm), which briefgen does not open; open it in "
        "Word, save it as a Word Document (.docx), and import that"
    ),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": (
        "is a Word template (.dotx), not a document; open it in Word, save it as a Word "
        "Document (.docx), and import that"
    ),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": (
        "is an Excel workbook with a Word name, not a document; save what you need to quote "
        "as PDF from Excel and import that"
    ),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": (
        "is a PowerPoint presentation with a Word name, not a document; save it as PDF from "
        "PowerPoint and import that"
    ),
}


def test_other_files_with_a_word_name_say_what_they_are_and_how_to_convert_them(tmp_path):
    word_main = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    for number, (content_type, message) in enumerate(OTHER_FILES.items()):
        parts = hostile.word_parts()
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            word_main, content_type.encode()
        )
        path = hostile.write_zip(tmp_path / f"other-{number}.docx", parts)
        with pytest.raises(ExtractError) as caught:
            extract(path)
        assert str(caught.value) == f"{path}: {message}"
    odt = hostile.write_zip(
        tmp_path / "minutes.docx",
        {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"},
    )
    with pytest.raises(ExtractError) as caught:
        extract(odt)
    assert str(caught.value) == (
        f"{odt}: is an OpenDocument file (as LibreOffice saves), not a Word document; open it "
        "in LibreOffice, save it as Word (.docx), and import that"
    )


def test_external_parts_are_never_followed_and_each_is_named(tmp_path):
    secret = hostile.secret_file(tmp_path)
    parts = hostile.word_parts()
    hostile.add_relationships(
        parts,
        f'<Relationship Id="rI" Type="{hostile.REL}/image" Target="file://{secret}" '
        'TargetMode="External"/>',
        f'<Relationship Id="rL" Type="{hostile.REL}/hyperlink" Target="http://127.0.0.1:9/" '
        'TargetMode="External"/>',
        f'<Relationship Id="rC" Type="{hostile.REL}/aFChunk" Target="file://{secret}" '
        'TargetMode="External"/>',
        f'<Relationship Id="rS" Type="{hostile.REL}/subDocument" Target="\\\\server\\c.docx" '
        'TargetMode="External"/>',
        f'<Relationship Id="rO" Type="{hostile.REL}/oleObject" Target="file:///C:/book.xlsx" '
        'TargetMode="External"/>',
        f'<Relationship Id="rT" Type="{hostile.REL}/attachedTemplate" '
        'Target="http://x/&#x202E;fdp.exe" TargetMode="External"/>',
    )
    parts["word/document.xml"] = hostile.body(
        hostile.paragraph("Visible text.")
        + '<w:p><w:hyperlink r:id="rL"><w:r><w:t>a link</w:t></w:r></w:hyperlink></w:p>'
        + '<w:altChunk r:id="rC"/><w:subDoc r:id="rS"/>'
        + '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> INCLUDETEXT '
        + f'"{secret}" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + '<w:r><w:t>as last shown</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    path = hostile.write_zip(tmp_path / "links.docx", parts)
    document = extract(path)
    assert document.text == "Visible text.\na link\nas last shown\n"
    assert hostile.SECRET not in document.text
    never = "; briefgen never follows such links, so whatever it points at is not imported"
    assert document.notices == (
        f"{path}: links to an external image (file://{secret}){never}",
        f"{path}: links to an external aFChunk (file://{secret}){never}",
        f"{path}: links to an external subDocument (\\\\server\\c.docx){never}",
        f"{path}: links to an external oleObject (file:///C:/book.xlsx){never}",
        # A right-to-left override in the target would make it read as ".exe.pdf" reversed.
        f"{path}: links to an external attachedTemplate (http://x/\\u202efdp.exe){never}",
    )


def test_a_part_of_the_body_kept_in_another_format_is_named_in_a_notice(tmp_path):
    parts = hostile.word_parts()
    hostile.add_relationships(
        parts, f'<Relationship Id="rH" Type="{hostile.REL}/aFChunk" Target="chunk.htm"/>'
    )
    parts["word/chunk.htm"] = b"<html><body><p>Text only Word merges in.</p></body></html>"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Default Extension="htm" ContentType="text/html"/></Types>'
    )
    parts["word/document.xml"] = hostile.body(
        hostile.paragraph("Visible text.") + '<w:altChunk r:id="rH"/>'
    )
    path = hostile.write_zip(tmp_path / "chunk.docx", parts)
    document = extract(path)
    assert document.text == "Visible text.\n"
    assert document.notices == (
        f"{path}: part of its text is kept in another format inside it (word/chunk.htm), which "
        "briefgen does not read; to include it, open the file in Word, save it again (Word "
        "merges that part into the document), and import that",
    )
