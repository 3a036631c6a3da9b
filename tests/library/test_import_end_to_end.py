"""Issue 15, done when: a PDF, a Word file and a text file imported from the CLI, items written
for them by hand (no locators), `briefgen check` verifies them, and a pack built from the shipped
and the user's library together cites them with page locators."""

from __future__ import annotations

import json

import pypdfium2

from briefgen import cli

ITEMS = {
    "anytown-annual-report-2025": (
        "anytown-housing-register",
        "evidence",
        "The left column describes the housing register in some detail.",
    ),
    "anytown-housing-strategy-2020": (
        "anytown-costs-risk",
        "risk",
        "Building costs may rise faster than forecast.",
    ),
    "waiting-lists-2024": (
        "waiting-list-growth",
        "evidence",
        "The housing register grew by a tenth in 2024.",
    ),
}


def pdf_text(path) -> str:
    pdf = pypdfium2.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def test_imported_documents_are_quoted_checked_and_cited_in_a_pack(
    tmp_path, user_library, capsys, report_pdf, report_docx
):
    library = user_library
    note = tmp_path / "note.md"
    note.write_text("# Waiting lists\n\nThe housing register grew by a tenth in 2024.\n", "utf-8")
    for command in (
        [report_pdf, "--publisher", "Anytown Council", "--date", "2025-09"],
        [report_docx, "--date", "May 2020"],
        [note, "--publisher", "Housing Team", "--date", "2024"],
    ):
        assert cli.main(["import", *map(str, command)]) == 0
    out = capsys.readouterr().out
    for source_id in ITEMS:
        assert f"as '{source_id}'" in out
    (library / "items").mkdir()
    for source_id, (item_id, kind, text) in ITEMS.items():
        (library / "items" / f"{source_id}.yaml").write_text(
            f"source: {source_id}\nitems:\n  - id: {item_id}\n    kind: {kind}\n    org: lga\n"
            f"    themes: [funding]\n    headline: Written by hand\n    text: {text}\n",
            encoding="utf-8",
        )
    assert cli.main(["check"]) == 0
    assert "Content OK: " in capsys.readouterr().out
    assert cli.main(["items", "--library", "yours", "--json"]) == 0
    listed = {item["id"]: item["locator"] for item in json.loads(capsys.readouterr().out)}
    assert listed == {
        "anytown-housing-register": "p. 3, para 2.1",
        "anytown-costs-risk": "para 3.1",
        "waiting-list-growth": "'Waiting lists'",
    }
    pack = tmp_path / "pack.pdf"
    includes = [arg for item_id, _, _ in ITEMS.values() for arg in ("--include", item_id)]
    command = ["build", "--layout", "evidence-pack", "--theme", "funding", "-o", str(pack)]
    assert cli.main([*command, *includes]) == 0
    text = " ".join(pdf_text(pack).split())
    assert (
        "The left column describes the housing register in some detail. "
        "Source: LGA, Anytown Annual Report, p. 3, para 2.1"
    ) in text
    assert "Source: LGA, Anytown Housing Strategy, para 3.1" in text
    assert "Anytown Council (September 2025). Anytown Annual Report." in text
    # The shipped library's items are in the same pack (one corpus, two libraries).
    assert "Local Government Association (July 2013)" in text
    # Suggestions on the imported PDF are located from its map, as its items are: by page.
    capsys.readouterr()
    assert cli.main(["suggest", "anytown-annual-report-2025", "--json", "--all"]) == 0
    suggested = json.loads(capsys.readouterr().out)
    assert suggested and all(s["locator"].startswith(("p. ", "pp. ")) for s in suggested)


def test_suggestions_on_an_imported_source_use_its_extracted_headings(
    user_library, monkeypatch, capsys, report_docx
):
    """The Word file's styled headings, kept in the source's map, place the suggestions (the
    text alone only lets the engine guess them)."""
    from briefgen.content import open_corpus
    from briefgen.library import folders
    from briefgen.library.extract import extract
    from briefgen.library.suggest import corpus as bridge

    assert cli.main(["import", str(report_docx), "--date", "May 2020"]) == 0
    capsys.readouterr()
    corpus = open_corpus(folders.library_folders(), cache=False)
    source_id = next(s for s in corpus.sources if s.startswith("anytown"))
    seen = {}
    real = bridge.suggest

    def spy(text, model, **options):
        seen.update(options)
        return real(text, model, **options)

    monkeypatch.setattr(bridge, "suggest", spy)
    found = bridge.suggest_for_source(corpus, source_id, bridge.train(corpus), limit=0)
    expected = [(h.start, h.title) for h in extract(report_docx).headings]
    assert expected and [(h.start, h.title) for h in seen["headings"]] == expected
    assert found and all(s.locator for s in found)


def test_suggestions_on_an_imported_text_read_its_headings_from_the_text(
    tmp_path, user_library, capsys
):
    """A plain text's map lists no headings; the engine then reads them from the text, so a
    passage under 'How to use this document' is not suggested."""
    from briefgen.content import open_corpus
    from briefgen.library import folders
    from briefgen.library.suggest import corpus as bridge

    note = tmp_path / "note.txt"
    note.write_text(
        "Waiting lists\n\nThe housing register grew by a tenth in 2024, and councils should "
        "plan for further growth.\n\nHow to use this document\n\nOfficers and councillors "
        "can read each chapter on its own, and the chapters need not be read in order.\n",
        "utf-8",
    )
    command = ["import", str(note), "--publisher", "Housing Team", "--date", "2024"]
    assert cli.main([*command, "--title", "Waiting lists"]) == 0
    capsys.readouterr()
    corpus = open_corpus(folders.library_folders(), cache=False)
    found = bridge.suggest_for_source(corpus, "waiting-lists-2024", bridge.train(corpus), limit=0)
    texts = " ".join(s.text for s in found)
    assert "housing register grew" in texts
    assert "each chapter on its own" not in texts
