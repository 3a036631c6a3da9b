"""Hostile PDFs, text files and file names, and an import stopped part-way (decision 0207): a bomb
or a file with nothing to quote is refused naming it and saying what to do, scripts, actions and
attachments are never followed, and the library is left exactly as it was."""

from __future__ import annotations

import os
import time

import pikepdf
import pytest
import yaml
from tests.library import hostile
from tests.library.test_import import run, snapshot

from briefgen.library import import_staging, importer
from briefgen.library.extract import ExtractCancelled, ExtractError, extract
from briefgen.library.extract.pdf_forms import check_forms
from briefgen.library.extract.progress import Monitor

BOMB = (
    "(a damaged file or a 'PDF bomb', which would take far more memory than the file's size); "
    "open it in a PDF reader, print it to a new PDF, and import that"
)
OCR = "run it through OCR software outside briefgen (for example `ocrmypdf`) and import the result"


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    hostile.no_network(monkeypatch)


def refused(path) -> str:
    with pytest.raises(ExtractError) as caught:
        extract(path)
    return str(caught.value)


def test_a_pdf_of_nothing_but_page_numbers_and_headers_is_refused(capsys, user_library, tmp_path):
    # Both lines are running furniture ("Page 1", "Page 2"): the text left was empty, and the
    # import used to add a source with nothing in it.
    path = hostile.pdf_of(
        tmp_path / "furniture.pdf", ["Annual report. Page 1", "Annual report. Page 2"]
    )
    code, out, err = run(capsys, path, "--publisher", "P", "--date", "2024")
    assert (code, out) == (1, "")
    assert err == (
        f"briefgen: {path}: has no text to quote: all its pages hold is page numbers and running "
        "headers or footers; check it is the document you meant\n"
    )
    assert not user_library.exists()


def test_a_pdf_whose_glyphs_have_no_letters_is_refused_not_imported_empty(tmp_path):
    path = hostile.pdf_of(tmp_path / "type3.pdf", ["x", "y"], hostile.glyphs_without_letters)
    assert refused(path) == (
        f"{path}: has text that cannot be read (its fonts do not say which letters they draw); "
        f"{OCR}"
    )


def test_a_scanned_pdf_says_there_is_no_text_to_quote_and_to_use_ocr_elsewhere(tmp_path):
    def image_only(pdf: pikepdf.Pdf) -> None:
        image = hostile.gray_image(pdf, 20)
        for page in pdf.pages:
            page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
            page.Contents = pdf.make_stream(b"q 500 0 0 700 50 50 cm /Im0 Do Q")

    path = hostile.pdf_of(tmp_path / "scan.pdf", ["a", "b"], image_only)
    assert refused(path) == (
        f"{path}: has no text to quote: none of its 2 pages has any (it is probably scanned, and "
        f"briefgen does not read text in images); {OCR}"
    )


@pytest.mark.parametrize(
    ("limit", "layers", "pages", "detail"),
    [
        ("MAX_PDF_STREAM_BYTES", 1, 1, "one of its streams inflates to more than 1 MB"),
        ("MAX_PDF_STREAM_BYTES", 2, 1, "one of its streams inflates to more than 1 MB"),
        ("MAX_PDF_INFLATED_BYTES", 1, 3, "its streams inflate to more than 1 MB in all"),
    ],
)
def test_a_pdf_bomb_is_refused_before_pdfium_reads_it(
    tmp_path, monkeypatch, limit, layers, pages, detail
):
    # A 3 MB file whose page inflated to 3 GB took 22 s and 4 GB of memory; the limits are
    # lowered here so that a few hundred kilobytes of blanks stand for gigabytes.
    monkeypatch.setattr(f"briefgen.library.extract.pdf_streams.{limit}", 1024 * 1024)
    content = b"BT /F1 12 Tf 72 720 Td (The council agreed.) Tj ET\n" + b" " * 600_000 * (
        1 if pages > 1 else 2
    )

    def bombs(pdf: pikepdf.Pdf) -> None:
        for page in pdf.pages:
            page.Contents = hostile.flate_stream(pdf, content, layers)

    path = hostile.pdf_of(tmp_path / "bomb.pdf", ["x"] * pages, bombs)
    assert refused(path) == f"{path}: is refused: {detail} {BOMB}"


def test_forms_nested_in_one_another_and_crowded_pages_are_refused(tmp_path, monkeypatch):
    # A 1.8 kB file of forms placing forms (twenty times, five deep) took PDFium 62 s and 6 GB
    # to load one page; 10 MB of "(ab) Tj" took 1.7 s and 450 MB before its text was taken.
    monkeypatch.setattr("briefgen.library.extract.pdf_forms.MAX_PDF_PAGE_DRAWINGS", 1000)
    text = ["The council agreed the plan."]
    nested = hostile.pdf_of(tmp_path / "nested.pdf", text, hostile.nested_forms(3, 12))
    assert refused(nested) == (
        f"{nested}: is refused: PDF page 1 places more than 1,000 drawings through forms nested "
        f"in one another {BOMB}"
    )
    cycle = hostile.pdf_of(tmp_path / "cycle.pdf", text, hostile.nested_forms(1, 2, cycle=True))
    assert refused(cycle).startswith(f"{cycle}: is refused: PDF page 1 places more than 1,000")
    deep = hostile.pdf_of(tmp_path / "deep.pdf", text, hostile.nested_forms(120, 1))
    assert refused(deep).startswith(f"{deep}: is refused: PDF page 1 places more than 1,000")
    fine = hostile.pdf_of(tmp_path / "fine.pdf", text, hostile.nested_forms(2, 10))
    assert extract(fine).text.startswith("The council agreed the plan.")
    with pytest.raises(ExtractCancelled):  # Cancel is heard while the forms are counted
        check_forms(fine, Monitor(fine, None, lambda: True))
    monkeypatch.setattr("briefgen.library.extract.pdf_reader.MAX_PDF_PAGE_OBJECTS", 100)
    crowded = hostile.pdf_of(tmp_path / "crowded.pdf", ["a) Tj (b" * 150])
    assert refused(crowded) == (
        f"{crowded}: is refused: PDF page 1 has more than 100 drawing objects {BOMB}"
    )


def test_images_and_attachments_do_not_count_towards_the_bomb_limits(tmp_path, monkeypatch):
    monkeypatch.setattr("briefgen.library.extract.pdf_streams.MAX_PDF_STREAM_BYTES", 100_000)

    def large_image(pdf: pikepdf.Pdf) -> None:
        image = hostile.gray_image(pdf, 400, layers=1)
        pdf.pages[0].Resources.XObject = pikepdf.Dictionary(Im0=image)
        pdf.attachments["data.csv"] = pikepdf.AttachedFileSpec(pdf, b"0," * 100_000)

    path = hostile.pdf_of(tmp_path / "photo.pdf", ["The council agreed the plan."], large_image)
    assert extract(path).text == "The council agreed the plan."


def test_scripts_actions_links_and_attachments_are_never_followed(capsys, user_library, tmp_path):
    launched = tmp_path / "launched"

    def actions(pdf: pikepdf.Pdf) -> None:
        script = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="app.launchURL('http://x/');")
        pdf.Root.OpenAction = pdf.make_indirect(script)
        launch = pikepdf.Dictionary(S=pikepdf.Name.Launch, F=f"/usr/bin/touch {launched}")
        link = pikepdf.Dictionary(S=pikepdf.Name.URI, URI="http://127.0.0.1:9/")
        pdf.pages[0].Annots = pikepdf.Array(
            [
                pdf.make_indirect(
                    pikepdf.Dictionary(
                        Type=pikepdf.Name.Annot,
                        Subtype=pikepdf.Name.Link,
                        Rect=pikepdf.Array([0, 0, 99, 99]),
                        A=action,
                    )
                )
                for action in (launch, link)
            ]
        )
        pdf.pages[0].AA = pikepdf.Dictionary(O=launch)
        pdf.attachments["payload.exe"] = pikepdf.AttachedFileSpec(pdf, hostile.SECRET.encode())

    path = hostile.pdf_of(tmp_path / "actions.pdf", ["The council agreed the plan."], actions)
    code, out, err = run(capsys, path, "--publisher", "P", "--date", "2024")
    assert (code, err) == (0, ""), err
    assert (
        f"note: {path}: has 1 file attached (payload.exe), which briefgen never opens, so its "
        "text is not imported; to quote one, save it from a PDF reader and import it on its own"
    ) in out.splitlines()
    assert not launched.exists()
    stored = b"".join(p.read_bytes() for p in (user_library / "sources").iterdir())
    assert b"The council agreed the plan." in stored and hostile.SECRET.encode() not in stored


def test_page_limits_and_enormous_or_owner_protected_pages(tmp_path, monkeypatch):
    monkeypatch.setattr("briefgen.library.extract.pdf_reader.MAX_PDF_PAGES", 3)
    many = hostile.pdf_of(tmp_path / "many.pdf", [f"Line {n} of the plan." for n in range(4)])
    assert refused(many) == (
        f"{many}: has 4 pages, more than the 3 briefgen imports; split it and import the part "
        "you need"
    )
    # 200 inches square (the largest page PDF allows) and a page ten million times that.
    for size in (14_400, 1e9):
        page = hostile.pdf_of(tmp_path / "big.pdf", ["The plan is agreed."], box=(0, 0, size, size))
        assert extract(page).text == "The plan is agreed."
    with pikepdf.open(page) as pdf:  # no password to open it, only to change it
        pdf.save(tmp_path / "owner.pdf", encryption=pikepdf.Encryption(owner="o", user=""))
    assert extract(tmp_path / "owner.pdf").text == "The plan is agreed."


def test_a_broken_title_and_a_file_name_not_in_utf8_import_cleanly(capsys, user_library, tmp_path):
    def broken_title(pdf: pikepdf.Pdf) -> None:  # a lone UTF-16 surrogate: pypdfium2 raised
        pdf.docinfo["/Title"] = pikepdf.String(b"\xfe\xff\xd8\x00\x00A")

    path = hostile.pdf_of(tmp_path / "title.pdf", ["The council agreed the plan."], broken_title)
    code, out, err = run(capsys, path, "--publisher", "P", "--date", "2024")
    assert (code, err) == (0, "")
    assert out.startswith("Imported '\ufffdA' as 'a-2024'")
    name = os.path.join(os.fsencode(tmp_path), b"caf\xe9 notes.txt")  # a Windows-1252 name
    with open(name, "wb") as stream:
        stream.write(b"Notes of the meeting.\n")
    code, out, err = run(capsys, os.fsdecode(name), "--publisher", "P", "--date", "2024")
    assert (code, err) == (0, "")
    entries = yaml.safe_load((user_library / "sources.yaml").read_text(encoding="utf-8"))
    marked = tmp_path / "marked.md"  # an escape sequence and a right-to-left override
    marked.write_text("---\ntitle: Plan\x1b[31m \u202eA\n---\nText.\n", encoding="utf-8")
    assert run(capsys, marked, "--publisher", "P", "--date", "2024")[0] == 0
    entries = yaml.safe_load((user_library / "sources.yaml").read_text(encoding="utf-8"))
    assert [entry["title"] for entry in entries] == ["\ufffdA", "Café notes", "Plan [31m A"]


@pytest.mark.parametrize(
    "line",
    [
        "[a" * 50_000,
        "![a" * 50_000,
        "[a](" * 50_000,
        "_a " * 50_000,
        "# a" + " " * 100_000 + "x",
        "---\ntitle: a" + " " * 100_000 + "b \n---\nText.",
    ],
)
def test_markdown_that_made_the_patterns_backtrack_is_read_at_once(tmp_path, line):
    # Each of these took from 27 s to more than two minutes.
    path = tmp_path / "long.md"
    path.write_text(line + "\n", encoding="utf-8")
    started = time.perf_counter()
    extract(path)
    assert time.perf_counter() - started < 2


def test_markdown_headings_links_and_emphasis_still_read_as_before(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text(
        "---\ntitle: 'The plan'  \n---\n## Aims ##\n# C#\n"
        "See [the wiki](https://x.org/Plan_(2024)) and _snake_case_ or __bold__ words.\n",
        encoding="utf-8",
    )
    document = extract(path)
    assert document.metadata.title == "The plan"
    assert [heading.title for heading in document.headings] == ["Aims", "C#"]
    assert document.text.endswith("See the wiki and snake_case or bold words.\n")


def test_a_file_that_cannot_be_read_says_how_to_fix_it(capsys, user_library, tmp_path, monkeypatch):
    first = tmp_path / "first.txt"
    first.write_text("A first document.\n", encoding="utf-8")
    assert run(capsys, first, "--publisher", "P", "--date", "2024")[0] == 0
    locked = tmp_path / "locked.txt"
    locked.write_text("A locked document\n", encoding="utf-8")  # as long as the first
    opened = type(locked).open

    def refuse(self, *args, **kwargs):  # as root, permissions cannot be taken away for real
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return opened(self, *args, **kwargs)

    monkeypatch.setattr(type(locked), "open", refuse)
    before = snapshot(user_library)
    code, out, err = run(capsys, locked, "--publisher", "P", "--date", "2024")
    assert (code, out) == (1, "")
    assert err == (
        f"briefgen: {locked}: cannot be read (permission denied); check you can open it, or copy "
        "it to a folder of your own and import the copy\n"
    )
    assert snapshot(user_library) == before
    pipe = tmp_path / "pipe.pdf"  # opening a pipe to read it would wait for ever
    os.mkfifo(pipe)
    code, out, err = run(capsys, pipe, "--publisher", "P", "--date", "2024")
    assert (code, err) == (1, f"briefgen: {pipe}: not a file but a device or pipe; give the "
                                "document file to import\n")  # fmt: skip
    assert snapshot(user_library) == before


@pytest.mark.parametrize("where", ["placing the files", "adding its publisher"])
def test_ctrl_c_part_way_leaves_the_library_exactly_as_it_was(
    capsys, user_library, tmp_path, monkeypatch, where
):
    first = tmp_path / "first.txt"
    first.write_text("A first document.\n", encoding="utf-8")
    assert run(capsys, first, "--publisher", "Known", "--date", "2024")[0] == 0
    before = snapshot(user_library)
    replace = os.replace
    calls = []

    def interrupted_replace(source, target):  # the second of three files
        calls.append(target)
        if len(calls) == 2:
            raise KeyboardInterrupt
        replace(source, target)

    def interrupted_append(library, organisation):
        raise KeyboardInterrupt

    if where == "placing the files":
        monkeypatch.setattr(import_staging.os, "replace", interrupted_replace)
    else:
        monkeypatch.setattr(importer, "append_organisation", interrupted_append)
    path = hostile.pdf_of(tmp_path / "plan.pdf", ["The council agreed the plan."])
    code, out, err = run(capsys, path, "--publisher", "New Body", "--date", "2024")
    assert (code, out) == (130, "")
    assert err == f"briefgen: {path}: import stopped (Ctrl+C); nothing was added\n"
    assert snapshot(user_library) == before  # no temporary file either
