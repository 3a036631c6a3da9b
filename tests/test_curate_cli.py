"""`briefgen suggest` and `briefgen accept`: suggestions as a table, as JSON and as a review
file; accepting an edited review file into a library; rejected suggestions not proposed again."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from briefgen.cli import main
from briefgen.content import Corpus, load_corpus
from briefgen.errors import BriefgenError
from briefgen.library.curate import record_rejected, rejected_file
from briefgen.library.folders import library_folders

SOURCE = "lga-2013"


@pytest.fixture(scope="module")
def uncurated_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content with none of lga-2013's items, written once."""
    from tests.conftest import CONTENT, write_content

    items = {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted((CONTENT / "items").glob("*.yaml"))
        if path.stem != SOURCE
    }
    return write_content(tmp_path_factory.mktemp("uncurated") / "content", items)


@pytest.fixture
def uncurated(uncurated_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """lga-2013 as a report nobody has curated yet, with its full list of suggestions: curated
    whole, it has almost none left (its curated items' near copies are not proposed either:
    decision 0206)."""
    monkeypatch.setenv("BRIEFGEN_CONTENT", str(uncurated_dir))


def _accept_entry(text: str, entry_id: str, value: str = "yes") -> str:
    """A review file's text with `accept: value` set on the entry `entry_id`."""
    at = text.index(f"  - id: {entry_id}\n")
    return text[:at] + text[at:].replace("    accept:\n", f"    accept: {value}\n", 1)


def _suggest_json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    assert main(["suggest", SOURCE, "--json", *args]) == 0
    return list(json.loads(capsys.readouterr().out))


def test_suggest_json_gives_exact_spans_not_already_curated(
    shipped_corpus: Corpus, user_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    suggestions = _suggest_json(capsys)
    text = shipped_corpus.sources[SOURCE].text
    assert suggestions
    curated = [i.span for i in shipped_corpus.items if i.source == SOURCE]
    for s in suggestions:
        assert {
            "text",
            "kind",
            "org",
            "themes",
            "locator",
            "score",
            "reason",
            "start",
            "end",
        } <= set(s)
        assert text[int(s["start"]) : int(s["end"])] == s["text"]  # type: ignore[call-overload]
        assert s["org"] in shipped_corpus.organisations
        assert not any(
            int(s["start"]) < end and start < int(s["end"])  # type: ignore[call-overload]
            for start, end in curated
        )
    assert not user_library.exists()  # suggesting writes nothing


def test_suggest_table_shows_score_kind_and_reason(
    user_library: Path, uncurated: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["suggest", SOURCE, "--min-score", "0.75"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["score", "kind", "org", "themes", "locator", "text"]
    assert lines[2].lstrip().startswith("0.8")
    assert lines[3].strip().startswith("(") and "'Public service reform'" in lines[3]
    assert out.rstrip().endswith("suggestions")


def test_suggest_table_says_when_the_kind_is_unsure(
    user_library: Path,
    uncurated: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefgen import curate_cli

    for width in (200, 80):  # the wide table and the stacked one
        monkeypatch.setattr(curate_cli, "_table_width", lambda width=width: width)
        assert main(["suggest", SOURCE, "--json", "--min-score", "0"]) == 0
        found = json.loads(capsys.readouterr().out)
        # (a pair too long for the wide table's kind column is cut there, with "…")
        unsure = [s for s in found if s["other_kind"] and len(s["kind"] + s["other_kind"]) <= 17]
        assert unsure, "some suggestion leaves the model unsure of its kind"
        assert main(["suggest", SOURCE, "--min-score", "0"]) == 0
        out = capsys.readouterr().out
        assert f"{unsure[0]['kind']} or {unsure[0]['other_kind']}?" in out


def test_suggest_table_fits_an_80_column_terminal(
    user_library: Path,
    uncurated: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefgen import curate_cli

    monkeypatch.setattr(curate_cli, "_table_width", lambda: 80)
    assert main(["suggest", SOURCE, "--min-score", "0.75"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[0].startswith(" 0.8") and " · lga · " in lines[0]  # score, kind, org, locator
    assert lines[1].startswith("       ") and lines[1].strip()  # the passage, indented
    assert any(line.startswith("       themes: ") for line in lines[:6])
    assert any(line.startswith("       why: ") for line in lines[:6])
    assert lines[-1].endswith("suggestions")


def test_suggest_unknown_source_says_what_to_do(
    user_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["suggest", "lga-2031"]) == 1
    assert capsys.readouterr().err == (
        "briefgen: 'lga-2031' is neither a source id nor a file (did you mean 'lga-2013'?); "
        "`briefgen sources` lists the sources\n"
    )


def test_suggest_on_a_file_extracts_it_and_writes_nothing(
    tmp_path: Path, user_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "paper.md"
    document.write_text(
        "# A paper on children's services\n\n"
        "Councils face rising demand for children's social care.\n\n"
        "## Recommendations\n\n"
        "1. The Government should give councils multi-year funding settlements.\n"
        "2. Councils should pool budgets with health partners for early help.\n",
        encoding="utf-8",
    )
    assert main(["suggest", str(document), "--json", "--all"]) == 0
    suggestions = json.loads(capsys.readouterr().out)
    text = document.read_text(encoding="utf-8")
    texts = [s["text"] for s in suggestions]
    assert any("multi-year funding settlements" in t for t in texts)
    assert all(t in text for t in texts)
    assert not user_library.exists()


def _review(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    review = tmp_path / "review.yaml"
    assert main(["suggest", SOURCE, "--review", str(review)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Wrote ") and out.endswith(f"then run:\n  briefgen accept {review}\n")
    return review


def test_review_file_is_the_items_format_with_every_field_to_fill_in(
    tmp_path: Path, user_library: Path, uncurated: None, capsys: pytest.CaptureFixture[str]
) -> None:
    review = _review(tmp_path, capsys)
    text = review.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["source"] == SOURCE
    first = data["items"][0]
    assert list(first) == [
        "id",
        "accept",
        "kind",
        "org",
        "locator",
        "themes",
        "key",
        "headline",
        "text",
    ]
    assert first["accept"] is None and first["headline"] is None and first["key"] is False
    assert first["id"].startswith("lga-2013-")
    assert "  # score 0.80: first paragraph under 'Key propositions'\n" in text
    # a near copy's place is noted on the passage kept for it
    assert "  # score 0.80: item under 'Key propositions'; also in 'Propositions in more " in text
    # The header says which organisations there are and what `key` does.
    assert "#     sesl-seec (SESL/SEEC), lga-solace (LGA/Solace), lga (LGA)" in text
    assert "key: yes puts the item in member briefings" in text


def test_a_new_pdf_reviewed_quotes_on_one_line_and_asks_whose_view_each_states(
    tmp_path: Path, user_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A PDF's text breaks at every printed line; the review file (and the item accepted from
    it) holds each quote as one folded paragraph. Its publisher, new to briefgen, was added as
    an organisation by the import, and the suggestions are attributed to it; an entry left with
    no organisation is refused at its `org:` line, naming those there are."""
    from tests.library.documents import pdf_bytes

    paper = tmp_path / "paper.pdf"
    sentence = (
        "Councils should pool their data and digital teams across the region so that every "
        "child's record follows them between services without delay. "
    )
    paper.write_bytes(pdf_bytes(f"<h1>Data for children</h1><p>{sentence * 3}</p>"))
    args = ["import", str(paper), "--publisher", "Data Network", "--date", "2025"]
    assert main(args) == 0
    capsys.readouterr()
    review = tmp_path / "review.yaml"
    assert main(["suggest", "data-for-children-2025", "--review", str(review), "--all"]) == 0
    capsys.readouterr()
    text = review.read_text(encoding="utf-8")
    entries = yaml.safe_load(text)["items"]
    assert entries and all("\n" not in entry["text"] for entry in entries)
    assert "\n\n      " not in text  # no blank line inside a quote
    assert {entry["org"] for entry in entries} == {"data-network"}
    text = text.replace("    accept:\n", "    accept: yes\n", 1)
    text = text.replace("    org: data-network\n", "    org:\n", 1)  # cleared by the officer
    review.write_text(text, encoding="utf-8")
    assert main(["accept", str(review)]) == 1
    lines = text.splitlines()
    org_line = lines.index("    org:") + 1
    assert capsys.readouterr().err == (
        f"briefgen: {review}:{org_line}: item '{entries[0]['id']}': no organisation; give whose "
        "view or finding the quote states, one of sesl-seec, lga-solace, lga, solace, "
        "commissioner, dfe, mhclg, prime-minister, ofsted, lga-interviewees, data-network (for "
        "another, first "
        "add it to organisations.yaml in your library: id, name and short name)\n"
        "nothing was added; fix the entries above and run it again\n"
    )
    review.write_text(text.replace("    org:\n", "    org: lga\n", 1), encoding="utf-8")
    assert main(["accept", str(review)]) == 0
    capsys.readouterr()
    items = (user_library / "items" / "data-for-children-2025.yaml").read_text(encoding="utf-8")
    added = yaml.safe_load(items)["items"]
    assert added[0]["text"] == entries[0]["text"] and "\n\n" not in items
    assert main(["check"]) == 0


def test_accept_adds_accepted_records_rejected_and_they_are_not_proposed_again(
    tmp_path: Path, user_library: Path, uncurated: None, capsys: pytest.CaptureFixture[str]
) -> None:
    review = _review(tmp_path, capsys)
    data = yaml.safe_load(review.read_text(encoding="utf-8"))
    entries = data["items"]
    entries[0]["accept"] = True
    entries[0]["text"] = entries[0]["text"].rsplit(" ", 1)[0]  # trimmed by a word: still a span
    entries[0]["headline"] = "Pool local budgets by place."
    entries[0]["key"] = True
    entries[1]["accept"] = False
    entries[2]["accept"] = True
    review.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert main(["accept", str(review)]) == 0
    undecided = len(entries) - 3
    assert capsys.readouterr().out == (
        f"Added 2 items to your library ({user_library / 'items' / 'lga-2013.yaml'}); recorded "
        "1 rejected "
        f"suggestion; {undecided} entries left undecided.\n"
    )
    corpus = load_corpus(library_folders())  # verifies every quote
    added = [item for item in corpus.items if item.library == "yours"]
    assert [item.id for item in added] == [entries[0]["id"], entries[2]["id"]]
    source_text = corpus.sources[SOURCE].text
    for item in added:
        assert " ".join(source_text[item.span[0] : item.span[1]].split()) == " ".join(
            item.text.split()
        )
    assert added[0].headline == "Pool local budgets by place." and added[0].key
    assert main(["check"]) == 0
    capsys.readouterr()
    again = [s["text"] for s in _suggest_json(capsys)]
    assert entries[1]["text"] not in again  # rejected
    assert entries[2]["text"] not in again  # now curated
    # Accepting the same file again adds nothing twice.
    assert main(["accept", str(review)]) == 0
    assert capsys.readouterr().out.startswith(
        "Added 0 items to your library; recorded 1 rejected suggestion;"
    )


def test_accept_refuses_a_retyped_quote_naming_file_and_line(
    tmp_path: Path, user_library: Path, uncurated: None, capsys: pytest.CaptureFixture[str]
) -> None:
    review = _review(tmp_path, capsys)
    text = _accept_entry(review.read_text(encoding="utf-8"), "lga-2013-8bd570")
    text = text.replace("making place-based public", "making place-based public-sector", 1)
    review.write_text(text, encoding="utf-8")
    assert main(["accept", str(review), "--into", str(tmp_path / "team")]) == 1
    lines = text.splitlines()
    entry = lines.index("  - id: lga-2013-8bd570")
    # The line of the entry's quote, where the fix is to be made.
    line = next(n for n in range(entry, len(lines)) if lines[n].startswith("    text:")) + 1
    assert capsys.readouterr().err.startswith(
        f"briefgen: {review}:{line}: item 'lga-2013-8bd570': quote not found in source "
        "'lga-2013' (004_592b667362630cdd.txt): the source matches from ' service budgets "
        "arrangements the norm f…' back to its start, but before it reads '… early "
        "intervention, by: making place-based public' where the quote has '…making "
        "place-based public-sector'; put back the source's words there (a quote may be cut "
        "only at its start or end, never changed)\n"
        "nothing was added; fix the entries above and run it again\n"
    )
    assert not (tmp_path / "team").exists() and not user_library.exists()


def test_accept_rejects_a_bad_accept_value_with_its_line(
    tmp_path: Path, user_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    review = tmp_path / "r.yaml"
    review.write_text(
        "source: lga-2013\nitems:\n  - id: x\n    accept: maybe\n    kind: risk\n", "utf-8"
    )
    assert main(["accept", str(review)]) == 1
    assert capsys.readouterr().err == (
        f"briefgen: {review}:3: 'accept' is 'maybe'; write yes, no, or leave it empty\n"
    )


def test_rejections_are_not_written_through_a_link_leading_outside_the_library(
    tmp_path: Path, user_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    review = _review(tmp_path, capsys)
    text = review.read_text(encoding="utf-8").replace("    accept:\n", "    accept: no\n", 1)
    review.write_text(text, encoding="utf-8")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    user_library.mkdir()
    (user_library / "suggestions").symlink_to(outside)
    assert main(["accept", str(review)]) == 1
    assert capsys.readouterr().err.startswith(
        f"briefgen: cannot add to {user_library / 'suggestions' / 'lga-2013.rejected.yaml'}: "
        f"it leads to {outside}"
    )
    assert list(outside.iterdir()) == []


def test_a_suggestion_rejected_alone_is_not_proposed_again(
    tmp_path: Path, user_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    review = _review(tmp_path, capsys)
    first = yaml.safe_load(review.read_text(encoding="utf-8"))["items"][0]
    text = review.read_text(encoding="utf-8").replace("    accept:\n", "    accept: no\n", 1)
    review.write_text(text, encoding="utf-8")
    assert main(["accept", str(review)]) == 0
    assert capsys.readouterr().out.startswith(
        "Added 0 items to your library; recorded 1 rejected suggestion;"
    )
    assert sorted(p.name for p in user_library.iterdir()) == ["suggestions"]
    assert first["text"] not in [s["text"] for s in _suggest_json(capsys)]
    assert main(["accept", str(review)]) == 0  # a library holding only rejections is fine


def test_the_command_line_imports_the_suggestion_engine_only_to_suggest() -> None:
    """`briefgen themes` (and every other command) starts without scikit-learn and numpy; the
    option's default repeats the engine's, and must agree with it."""
    import subprocess
    import sys

    from briefgen import curate_cli
    from briefgen.library.suggest import DEFAULT_MIN_SCORE

    assert curate_cli.DEFAULT_MIN_SCORE == DEFAULT_MIN_SCORE
    script = (
        "import sys\nfrom briefgen.cli import main\nmain(['themes'])\n"
        "print(sorted({'sklearn', 'numpy', 'yaml'} & set(sys.modules)), file=sys.stderr)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "sklearn" not in run.stderr.splitlines()[-1]
    assert "numpy" not in run.stderr.splitlines()[-1]


def test_the_app_starts_without_the_suggestion_engine() -> None:
    """The window's modules import scikit-learn only when the officer asks for suggestions."""
    import os
    import subprocess
    import sys

    script = (
        "import sys\nimport briefgen.gui.app, briefgen.gui.main_window\n"
        "print(sorted({'sklearn', 'numpy'} & set(sys.modules)))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def test_accept_refuses_an_entry_without_a_locator_which_the_loader_would_refuse(
    tmp_path: Path, user_library: Path, uncurated: None, capsys: pytest.CaptureFixture[str]
) -> None:
    review = _review(tmp_path, capsys)
    text = _accept_entry(review.read_text(encoding="utf-8"), "lga-2013-8bd570")
    at = text.index("  - id: lga-2013-8bd570\n")
    text = text[:at] + re.sub(r"\n    locator: [^\n]*\n", "\n    locator: ''\n", text[at:], count=1)
    review.write_text(text, encoding="utf-8")
    assert main(["accept", str(review)]) == 1
    lines = text.splitlines()
    line = lines.index("    locator: ''", lines.index("  - id: lga-2013-8bd570")) + 1
    assert capsys.readouterr().err == (
        f"briefgen: {review}:{line}: item 'lga-2013-8bd570': no locator; say where the quote "
        "is (page, paragraph or section)\n"
        "nothing was added; fix the entries above and run it again\n"
    )
    assert not user_library.exists()


def test_items_accepted_from_a_document_leave_the_rest_of_its_suggestions_as_they_were(
    tmp_path: Path, user_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An officer part-way through a document: the items accepted so far must not teach the
    engine that the rest of that document is not worth quoting (it did: every other score fell
    by about a quarter, and half the suggestions went under the default lowest score)."""
    from briefgen.content import open_corpus
    from briefgen.library.curate import add_items, item_id_for, item_record, suggestions_for

    paper = tmp_path / "paper.md"
    paper.write_text(
        "# Data for children\n\n"
        "Councils face rising demand for children's social care, and budgets have not kept "
        "pace with it.\n\n"
        "We believe that every council should have a data team able to support its social "
        "workers.\n\n"
        "The Government should fund a national centre to support councils' data work.\n\n"
        "There is a risk that smaller councils cannot recruit the analysts they need.\n\n"
        "Local authorities should share their tools so that others need not build them.\n\n"
        "Our survey found that 40% of councils have fewer than three analysts.\n\n"
        "Inspection should look at how well councils use their data.\n\n"
        "Without stable funding, the centre may not last beyond its first two years.\n",
        encoding="utf-8",
    )
    assert main(["import", str(paper), "--publisher", "Data Network", "--date", "2025"]) == 0
    capsys.readouterr()
    source = "data-for-children-2025"
    corpus = open_corpus(library_folders())
    before = suggestions_for(corpus, source, every=True)
    accepted = before[:3]
    records = [item_record(s, item_id_for(source, s.text, corpus.by_id)) for s in accepted]
    add_items(corpus, user_library, source, [{**r, "org": "lga"} for r in records])
    corpus = open_corpus(library_folders())
    after = {s.text: s.score for s in suggestions_for(corpus, source, every=True)}
    assert set(after) == {s.text for s in before[3:]}
    assert all(abs(after[s.text] - s.score) < 0.02 for s in before[3:])


def test_accept_names_the_line_of_a_control_character_in_the_review_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], user_library: Path
) -> None:
    review = tmp_path / "review.yaml"
    review.write_text("source: lga-2013\nitems:\n  - id: a\n    text: one\x0btwo\n", "utf-8")
    assert main(["accept", str(review)]) == 1
    assert capsys.readouterr().err == (
        f"briefgen: {review}:4: a character YAML does not allow (U+000B); "
        "delete it or retype the line\n"
    )


def test_recording_a_rejection_names_a_rejections_file_it_cannot_read(tmp_path: Path) -> None:
    path = rejected_file(tmp_path, "lga-2013")
    path.parent.mkdir(parents=True)
    path.write_bytes("rejected:\n  - id: a\n    text: caf\u00e9\n".encode("cp1252"))
    with pytest.raises(BriefgenError, match=rf"^{re.escape(str(path))}: cannot read the rejected"):
        record_rejected(tmp_path, "lga-2013", ["Councils should act."])
    assert path.read_bytes().endswith(b"caf\xe9\n")  # left as it was
