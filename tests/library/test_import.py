"""`briefgen import`: the library gets the original, the text, the map and an entry, or, for any
bad input, a cancel or a failure part-way, nothing at all."""

from __future__ import annotations

import errno
import random
import zipfile
from pathlib import Path

import pikepdf
import pytest
import yaml
from tests.library import documents

from briefgen import cli
from briefgen.content import load_corpus
from briefgen.errors import BriefgenError
from briefgen.library import import_staging, importer
from briefgen.library.extract import ExtractCancelled
from briefgen.library.extract.model import ExtractedDocument, Metadata
from briefgen.library.folders import library_folders
from briefgen.library.import_details import (
    ImportDetails,
    detail_origins,
    prefilled,
    printed_date,
    printed_publisher,
    reader_date,
    short_title_of,
    slug,
)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["import", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder: Path) -> dict[str, bytes] | None:
    """Every file under `folder` with its bytes (None when the folder does not exist)."""
    if not folder.exists():
        return None
    return {
        str(path.relative_to(folder)): path.read_bytes() if path.is_file() else b"<dir>"
        for path in sorted(folder.rglob("*"))
    }


@pytest.mark.parametrize(
    ("given", "written"),
    [
        ("2008", "2008"),
        ("September 2008", "September 2008"),
        ("Sept 2008", "September 2008"),
        ("2008-09", "September 2008"),
        ("2008-09-30", "30 September 2008"),
        ("30 September 2008", "30 September 2008"),
        ("1st May 2020", "1 May 2020"),
    ],
)
def test_dates_are_stored_as_a_reader_sees_them(given, written):
    assert reader_date(given) == written


@pytest.mark.parametrize("bad", ["2008-13", "2008-02-30", "Smarch 2008", "30/09/2008", "soon"])
def test_dates_briefgen_cannot_read_are_refused_with_the_forms_it_can(bad):
    with pytest.raises(BriefgenError, match="2008, September 2008, 2008-09 or 2008-09-30"):
        reader_date(bad)


def test_ids_and_short_titles_are_made_from_titles():
    assert slug("Rewiring Public Services: Children’s Services — 2013") == (
        "rewiring-public-services-childrens"
    )
    assert short_title_of("Housing Strategy: delivering homes 2024 to 2030") == "Housing Strategy"
    # A long title is cut where a phrase ends, not mid-phrase with an ellipsis.
    long = "Imagining a Centre of Excellence for Children's Services Data and Digital Professionals"
    assert short_title_of(long) == "Imagining a Centre of Excellence"
    unbroken = "Supercalifragilistic expialidocious antidisestablishmentarianism and more words"
    assert short_title_of(unbroken) == "Supercalifragilistic expialidocious…"


@pytest.mark.parametrize(
    ("first_page", "date"),
    [
        ("Annual Report\nThe Council\nPublished: 2025-10-23\nIntroduction\n", "23 October 2025"),
        ("Annual Report\nDate of publication: October 2025\n", "October 2025"),
        ("Annual Report\nIssued 23/10/2025\n", "23 October 2025"),
        ("Strategy 2025 to 2030\n2025\nMarch 2024\nText.\n", "March 2024"),
        ("Report to Cabinet\nDate: to be confirmed\nSome text, September 2024, here.\n", ""),
    ],
)
def test_the_date_printed_on_the_first_page_is_read(first_page, date):
    document = ExtractedDocument(Path("r.txt"), "text", first_page)
    assert printed_date(document)[0] == date


def test_a_printed_date_wins_over_the_pdfs_own_and_the_import_says_where_each_came_from(
    capsys, user_library, tmp_path
):
    """A PDF's creation date is when the file was made (here, today); the report's own date is
    the one printed under its title, and the one to cite."""
    paper = tmp_path / "paper.pdf"
    paper.write_bytes(
        documents.pdf_bytes(
            "<h1>Data for children</h1><p>The D2I Consortium</p><p>Published: 2025-10-23</p>"
            "<p>Councils should pool their data teams.</p>"
        )
    )
    code, out, err = run(capsys, paper, "--publisher", "D2I")
    assert (code, err) == (0, "")
    assert "as 'data-for-children-2025'" in out and "D2I, 23 October 2025;" in out
    assert (
        "  Taken from the file: the title from the first heading; the date from page 1 "
        "('Published: 2025-10-23'). If any is wrong, correct it in "
    ) in out
    assert "briefgen suggest data-for-children-2025 --review" in out


def test_import_pdf_makes_the_users_library_and_the_source_loads(capsys, user_library, report_pdf):
    code, out, err = run(capsys, report_pdf, "--publisher", "Anytown Council", "--date", "2025-09")
    assert (code, err) == (0, "")
    assert "Imported 'Anytown Annual Report' as 'anytown-annual-report-2025'" in out
    assert "(your library, made now)" in out
    assert "5 pages; page numbers i–3 read from the pages." in out
    # The next step is the review of its suggested items.
    assert (
        "  briefgen suggest anytown-annual-report-2025 --review "
        "anytown-annual-report-2025.review.yaml\n"
        "  briefgen accept anytown-annual-report-2025.review.yaml\n"
    ) in out
    assert (user_library / "originals/anytown-annual-report-2025.pdf").read_bytes() == (
        report_pdf.read_bytes()
    )
    entries = yaml.safe_load((user_library / "sources.yaml").read_text(encoding="utf-8"))
    assert entries == [
        {
            "id": "anytown-annual-report-2025",
            "title": "Anytown Annual Report",
            "publisher": "Anytown Council",
            "date": "September 2025",
            "short_title": "Anytown Annual Report",
            "file": "anytown-annual-report-2025.txt",
            "original": "originals/anytown-annual-report-2025.pdf",
            "map": "anytown-annual-report-2025.map.json",
        }
    ]
    # No items yet, and the library is still valid: read with the shipped one as one corpus.
    corpus = load_corpus(library_folders())
    source = corpus.sources["anytown-annual-report-2025"]
    assert source.library == "yours" and "2.1 The left column describes" in source.text
    assert not any(item.source == source.id for item in corpus.items)


def test_details_come_from_word_properties_and_an_id_clash_is_numbered(
    capsys, user_library, report_docx, tmp_path
):
    code, out, _ = run(capsys, report_docx, "--date", "May 2020")
    assert code == 0
    assert "Imported 'Anytown Housing Strategy' as 'anytown-housing-strategy-2020'" in out
    assert "Housing Team, May 2020" in out  # the author stands in for a publisher
    assert (
        "  Taken from the file: the title from the file's properties; the publisher from the "
        "file's author."
    ) in out
    assert "note: " in out and "attachedTemplate" in out  # the external link, not followed
    pdf = tmp_path / "other.pdf"  # another document, given the same title and date
    pdf.write_bytes(documents.pdf_bytes("<h1>Other</h1><p>Another document.</p>"))
    same = ("--title", "Anytown Housing Strategy", "--publisher", "P", "--date", "2020-05")
    code, out, _ = run(capsys, pdf, *same)
    assert code == 0 and "as 'anytown-housing-strategy-2020-2'" in out
    code, _, err = run(capsys, report_docx, "--id", "anytown-housing-strategy-2020")
    assert code == 1 and "already in your library as 'anytown-housing-strategy-2020'" in err
    code, _, err = run(capsys, pdf.with_name("x.txt"), "--id", "Bad Id")
    assert code == 1 and "x.txt: not found" in err
    text = tmp_path / "x.txt"
    text.write_text("Words.\n", encoding="utf-8")
    code, _, err = run(capsys, text, *same[2:], "--id", "anytown-housing-strategy-2020-2")
    assert code == 1
    assert "--id 'anytown-housing-strategy-2020-2' is already the id of a source" in err
    code, _, err = run(capsys, text, *same[2:], "--id", "Bad Id")
    assert code == 1 and "--id 'Bad Id' is not a valid id" in err


def test_the_same_file_twice_is_refused_naming_the_source(capsys, user_library, tmp_path):
    note = tmp_path / "note.md"
    note.write_text("# Waiting lists\n\nThe list grew by a tenth.\n", encoding="utf-8")
    assert run(capsys, note, "--publisher", "Housing", "--date", "2024")[0] == 0
    before = snapshot(user_library)
    renamed = tmp_path / "renamed.txt"
    renamed.write_bytes(note.read_bytes())
    code, out, err = run(capsys, renamed, "--publisher", "Housing", "--date", "2024")
    assert (code, out) == (1, "")
    assert err == (
        f"briefgen: {renamed}: already in your library as 'waiting-lists-2024' (Waiting lists); "
        "write items for that source instead of importing the file again\n"
    )
    assert snapshot(user_library) == before


def bad_files(tmp_path: Path, report_pdf: Path, report_docx: Path) -> dict[str, Path]:
    """One file for each kind of bad input the issue lists, generated here."""
    files: dict[str, Path] = {}
    files["scanned"] = tmp_path / "scan.pdf"
    documents.blank_pdf(files["scanned"], 40)
    files["password"] = tmp_path / "locked.pdf"
    with pikepdf.open(report_pdf) as pdf:
        pdf.save(files["password"], encryption=pikepdf.Encryption(user="secret", owner="o"))
    files["corrupt"] = tmp_path / "truncated.pdf"
    files["corrupt"].write_bytes(report_pdf.read_bytes()[:1500])
    files["renamed"] = tmp_path / "renamed.docx"
    files["renamed"].write_bytes(report_pdf.read_bytes())
    files["bomb"] = tmp_path / "bomb.docx"
    with zipfile.ZipFile(report_docx) as source, zipfile.ZipFile(files["bomb"], "w") as bomb:
        for name in source.namelist():
            bomb.writestr(name, source.read(name), zipfile.ZIP_DEFLATED)
        bomb.writestr("word/media/filler.bin", bytes(8 * 1024 * 1024), zipfile.ZIP_DEFLATED)
    files["doc"] = tmp_path / "minutes.doc"
    files["doc"].write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    files["empty"] = tmp_path / "empty.txt"
    files["empty"].write_bytes(b"")
    files["encoding"] = tmp_path / "noise.txt"
    files["encoding"].write_bytes(random.Random(7).randbytes(4000))
    files["missing"] = tmp_path / "not-there.pdf"
    files["unknown"] = tmp_path / "sheet.xlsx"
    files["unknown"].write_bytes(b"PK\x03\x04")
    return files


EXPECTED = {
    "scanned": "has no text to quote: none of its 40 pages has any (it is probably scanned",
    "password": "is protected by a password;",
    "corrupt": "is damaged or incomplete and cannot be read as a PDF",
    "renamed": "is a PDF with a Word name; rename it to end in .pdf",
    "bomb": "(a damaged file or a 'zip bomb')",
    "doc": "is a .doc file, which briefgen cannot read; open it in Word or LibreOffice",
    "empty": "is empty (0 bytes)",
    "encoding": "is not UTF-8 and its encoding cannot be recognised",
    "missing": "not found; give the document file to import",
    "unknown": "is not a file type briefgen imports",
}


def test_every_bad_input_is_a_message_and_leaves_the_library_as_it_was(
    capsys, user_library, tmp_path, report_pdf, report_docx
):
    note = tmp_path / "first.txt"
    note.write_text("A first document, already imported.\n", encoding="utf-8")
    assert run(capsys, note, "--publisher", "P", "--date", "2024")[0] == 0
    before = snapshot(user_library)
    for kind, path in bad_files(tmp_path, report_pdf, report_docx).items():
        code, out, err = run(capsys, path, "--publisher", "P", "--date", "2024")
        assert (kind, code, out) == (kind, 1, ""), err
        assert err.startswith(f"briefgen: {path}: ") and EXPECTED[kind] in err, err
        assert "Traceback" not in err
        assert snapshot(user_library) == before, kind


def test_a_failed_first_import_does_not_make_the_library(capsys, user_library, tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    assert run(capsys, empty)[0] == 1
    assert not user_library.exists()


def test_missing_publisher_and_date_are_asked_for(capsys, user_library, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Some text.\n", encoding="utf-8")
    code, _, err = run(capsys, note)
    assert code == 1
    assert "does not say its publisher or date; give --publisher and --date" in err
    assert not user_library.exists()
    code, _, err = run(capsys, note, "--publisher", "P", "--date", "31/12/2024")
    assert code == 1 and "the date '31/12/2024' is not one briefgen understands" in err


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        (OSError(errno.EACCES, "Permission denied"), "the folder is read-only for you"),
        (OSError(errno.EROFS, "Read-only file system"), "the folder is read-only for you"),
        (OSError(errno.ENOSPC, "No space left on device"), "the disk holding it is full"),
    ],
)
def test_read_only_or_full_library_is_a_message_and_nothing_is_left(
    capsys, user_library, tmp_path, monkeypatch, report_pdf, failure, message
):
    note = tmp_path / "first.txt"
    note.write_text("A first document.\n", encoding="utf-8")
    assert run(capsys, note, "--publisher", "P", "--date", "2024")[0] == 0
    before = snapshot(user_library)
    calls = []

    def copy(source, target, length=0):  # the original is copied; the disk refuses it
        calls.append(target)
        raise failure

    monkeypatch.setattr(import_staging.shutil, "copyfileobj", copy)
    code, _, err = run(capsys, report_pdf, "--publisher", "P", "--date", "2024")
    assert code == 1 and calls
    assert (
        err
        == f"briefgen: cannot import into {user_library}: {message}" + (err.split(message, 1)[1])
    )
    assert "(nothing was added)" in err
    assert snapshot(user_library) == before


def test_cancel_and_failures_after_the_files_are_placed_undo_everything(
    user_library, report_pdf, monkeypatch
):
    folders = library_folders()
    details = ImportDetails(publisher="P", date="2024")
    document = importer.read_document(report_pdf)
    asked = []

    def cancel_late() -> bool:  # Cancel pressed while the files are being staged
        asked.append(1)
        return len(asked) > 1

    with pytest.raises(ExtractCancelled):
        importer.import_document(
            report_pdf, user_library, folders, details, cancel=cancel_late, document=document
        )
    assert not user_library.exists()

    def broken(library, entry):
        raise BriefgenError("sources.yaml refused")

    monkeypatch.setattr(importer, "append_source", broken)
    with pytest.raises(BriefgenError, match=r"sources.yaml refused"):
        importer.import_document(report_pdf, user_library, folders, details, document=document)
    assert not user_library.exists()


def test_a_source_that_does_not_load_is_taken_out_again(user_library, report_pdf, monkeypatch):
    note = user_library.parent / "first.txt"
    note.write_text("A first document.\n", encoding="utf-8")
    importer.import_document(note, user_library, library_folders(), ImportDetails("T", "P", "2024"))
    before = snapshot(user_library)
    monkeypatch.setattr(importer, "_map_bytes", lambda document, text: b'{"text_sha256": 1}')
    with pytest.raises(BriefgenError, match="the imported source does not load"):
        importer.import_document(
            report_pdf, user_library, library_folders(), ImportDetails(publisher="P", date="2024")
        )
    assert snapshot(user_library) == before


def test_text_over_the_loaders_limit_is_refused_before_writing(
    capsys, user_library, report_pdf, monkeypatch
):
    monkeypatch.setattr(importer, "SOURCE_TEXT_BYTES", 1000)
    code, _, err = run(capsys, report_pdf, "--publisher", "P", "--date", "2024")
    assert code == 1
    assert "over briefgen's limit of 0.1 MB for a source's text" in err
    assert not user_library.exists()


def test_a_thousand_page_pdf_imports_into_another_library_with_progress_on_a_terminal(
    user_library, tmp_path, monkeypatch
):
    from briefgen import import_cli

    class Terminal:
        def __init__(self) -> None:
            self.written = ""

        def isatty(self) -> bool:
            return True

        def write(self, text: str) -> None:
            self.written += text

        def flush(self) -> None:
            pass

    short = tmp_path / "short.pdf"
    short.write_bytes(documents.pdf_bytes("<h1>Annex</h1><p>Each page repeats this line.</p>"))
    long = tmp_path / "annex.pdf"
    with pikepdf.open(short) as source, pikepdf.new() as pdf:
        for _ in range(1000):
            pdf.pages.extend(source.pages)
        pdf.save(long)
    terminal = Terminal()
    monkeypatch.setattr(import_cli, "PROGRESS_AFTER_SECONDS", 0.0)
    monkeypatch.setattr(import_cli.sys, "stderr", terminal)
    team = tmp_path / "team"
    code = cli.main(
        ["import", str(long), "--into", str(team), "--date", "2025", "--publisher", "P"]
    )
    assert code == 0
    assert "Reading annex.pdf: 1 of 1,000 pages…" in terminal.written
    assert "Reading annex.pdf: 1,000 of 1,000 pages…" in terminal.written
    assert terminal.written.endswith("\r\x1b[K")  # the line is cleared for the report
    assert (team / "sources.yaml").is_file() and not user_library.exists()
    corpus = load_corpus(library_folders(extra=[team]))
    assert corpus.sources["annex-2025"].text.count("Each page repeats this line.") == 1000


def test_into_refuses_the_shipped_content_a_file_and_a_folder_that_is_not_a_library(
    capsys, user_library, tmp_path
):
    from briefgen.content.paths import default_content_dir

    note = tmp_path / "note.txt"
    note.write_text("Some words.\n", encoding="utf-8")
    details = ("--publisher", "P", "--date", "2024")
    shipped = default_content_dir()
    before = snapshot(shipped)
    code, _, err = run(capsys, note, *details, "--into", shipped)
    assert code == 1 and "it is the shipped content, which is read-only" in err
    assert snapshot(shipped) == before
    code, _, err = run(capsys, note, *details, "--into", note)
    assert code == 1 and "it is a file, not a library folder" in err
    home = tmp_path / "home"
    home.mkdir()
    (home / "letter.odt").write_bytes(b"x")
    code, _, err = run(capsys, note, *details, "--into", home)
    assert code == 1 and "it is not a briefgen library" in err
    assert [p.name for p in home.iterdir()] == ["letter.odt"]


def test_an_id_made_from_a_long_title_is_cut_at_a_word_before_the_year() -> None:
    from briefgen.library.import_details import ImportDetails, choose_id

    details = ImportDetails(
        title="Imagining a Centre of Excellence for Children’s Services Data and Digital "
        "Professionals",
        publisher="D2I Consortium",
        date="23 October 2025",
    )
    assert choose_id(details, set()) == "imagining-a-centre-of-excellence-2025"
    taken = {"imagining-a-centre-of-excellence-2025"}
    assert choose_id(details, taken) == "imagining-a-centre-of-excellence-2025-2"


def test_a_publisher_new_to_briefgen_is_added_as_an_organisation_once(
    capsys, user_library, tmp_path, monkeypatch
):
    """Items must say whose view they state: a document's publisher that no organisation is
    becomes one in the library (so suggestions are attributed to it); a known one does not."""
    first, second, third = (tmp_path / f"{name}.txt" for name in ("first", "second", "third"))
    for path in (first, second, third):
        path.write_text(f"The {path.stem} document says councils need data teams.\n", "utf-8")
    code, out, _ = run(capsys, first, "--publisher", "D2I Consortium", "--date", "2025")
    assert code == 0
    assert (
        "  Its publisher is new to briefgen: added as the organisation 'd2i-consortium' to "
        f"{user_library / 'organisations.yaml'}, so its items are attributed to it (edit its "
        "`short` name there: citations use it).\n"
    ) in out
    records = yaml.safe_load((user_library / "organisations.yaml").read_text(encoding="utf-8"))
    assert records == [
        {"id": "d2i-consortium", "name": "D2I Consortium", "short": "D2I Consortium"}
    ]
    assert "d2i-consortium" in load_corpus(library_folders()).organisations
    # The same publisher again, and one briefgen ships: nothing added.
    assert run(capsys, second, "--publisher", "The D2I Consortium", "--date", "2025")[0] == 0
    code, out, _ = run(
        capsys, third, "--publisher", "Local Government Association", "--date", "2025"
    )
    assert code == 0 and "publisher is new" not in out
    assert len(yaml.safe_load((user_library / "organisations.yaml").read_text("utf-8"))) == 1


def test_a_failure_adding_the_organisation_leaves_the_library_as_it_was(
    capsys, user_library, tmp_path, monkeypatch
):
    note = tmp_path / "first.txt"
    note.write_text("A first document.\n", encoding="utf-8")
    assert (
        run(capsys, note, "--publisher", "Local Government Association", "--date", "2024")[0] == 0
    )
    before = snapshot(user_library)

    def refuse(library, organisation):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(importer, "append_organisation", refuse)
    other = tmp_path / "second.txt"
    other.write_text("Another document.\n", encoding="utf-8")
    code, _, err = run(capsys, other, "--publisher", "Anytown Council", "--date", "2024")
    assert code == 1 and "the disk holding it is full" in err
    assert snapshot(user_library) == before


def test_sources_lines_up_its_columns_past_a_long_imported_id(capsys, user_library, tmp_path):
    paper = tmp_path / "paper.txt"
    paper.write_text("Councils need data teams.\n", encoding="utf-8")
    title = "Imagining a Centre of Excellence for Children's Services Data Professionals"
    assert run(capsys, paper, "--title", title, "--publisher", "D2I", "--date", "2025")[0] == 0
    assert cli.main(["sources"]) == 0
    lines = capsys.readouterr().out.splitlines()
    counts = {line.index(" items  ") for line in lines if " items  " in line}
    titles = {len(line) - len(line.lstrip()) for line in lines if line.startswith(" ")}
    assert len(counts) == 1 and len(titles) == 1  # every row's columns start together
    assert "imagining-a-centre-of-excellence-2025    0 items  D2I, 2025  (yours)" in lines


@pytest.mark.parametrize(
    ("first_page", "publisher"),
    [
        ("Data for children\nThe D2I Consortium\nPublished: 2025-10-23\nText.\n", "D2I Consortium"),
        ("Report\nPublished by Anytown Borough Council.\nText\n", "Anytown Borough Council"),
        ("Report of the Council Working Group\nIntroduction\nThe council met.\n", ""),
        ("Annual Report\nHow to use this document\nText.\n", ""),
        ("Plan\nA\nB\nC\nD\nE\nF\nG\nH\nAnytown Council\n", ""),  # too far down for a cover
    ],
)
def test_the_publisher_printed_under_the_title_is_read(first_page, publisher):
    heading = first_page.splitlines()[0]
    metadata = Metadata(first_heading=heading)
    document = ExtractedDocument(Path("r.txt"), "text", first_page, metadata=metadata)
    assert printed_publisher(document)[0] == publisher
    assert prefilled(document, ImportDetails()).publisher == publisher
    origin = detail_origins(document, ImportDetails()).get("publisher", "")
    line = printed_publisher(document)[1]
    assert origin == (f"the start of the document ('{line}')" if publisher else "")
