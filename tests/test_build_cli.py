"""`briefgen build`: from options or a pack file, atomic output, clear errors."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen import render as render_registry
from briefgen.build_cli import spec_from_args
from briefgen.cli import build_parser, main
from briefgen.errors import RenderError
from briefgen.pack import PackSpec
from briefgen.pack.packfile import save_pack
from briefgen.pack.spec import Choice, Date, Flag, Text, TextList, spec_fields, value_of


@pytest.fixture
def content(make_content: Callable[..., Path]) -> Path:
    return make_content()


def build(content: Path, *args: str) -> int:
    return main(["--content", str(content), "build", *args])


def test_build_html_from_options_then_from_the_saved_pack_gives_the_same_document(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    pack_file = tmp_path / "pack.briefgen.yaml"
    options = [
        *("--layout", "committee-report", "--audience", "scrutiny"),
        *("--theme", "markets-commissioning", "--title", "Delegation", "--meeting", "Cabinet"),
        *("--date", "2026-12-03", "--marking", "official", "--author", "Jo Bloggs"),
    ]
    assert build(content, *options, "-o", str(first), "--save-pack", str(pack_file)) == 0
    out = capsys.readouterr().out
    assert f"Wrote {first} (committee report for overview and scrutiny committee" in out
    assert build(content, str(pack_file), "-o", str(second)) == 0
    assert first.read_text() == second.read_text()
    html = first.read_text()
    assert "3 December 2026" in html and "OFFICIAL" in html and "Delegation" in html


def test_options_override_the_pack_file(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack_file = tmp_path / "pack.briefgen.yaml"
    assert build(content, "--title", "Old", "-o", str(tmp_path / "a.html"),
                 "--save-pack", str(pack_file)) == 0  # fmt: skip
    assert build(content, str(pack_file), "--title", "New title", "-o",
                 str(tmp_path / "b.html")) == 0  # fmt: skip
    assert "New title" in (tmp_path / "b.html").read_text()


def test_build_pdf_reports_pages(content: Path, tmp_path: Path, capsys) -> None:
    output = tmp_path / "pack.pdf"
    assert build(content, "--layout", "member-briefing", "-o", str(output)) == 0
    pages = len(PdfReader(output).pages)
    assert f"items, {pages} pages" in capsys.readouterr().out


def test_characters_the_pdf_font_cannot_print_are_a_warning(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "pack.pdf"
    assert build(content, "--title", "Funding 😀", "-o", str(output)) == 0
    assert capsys.readouterr().err == (
        "briefgen: warning: The PDF's font (Open Sans) cannot print a character, which would "
        "come out as an empty box or in another typeface: U+1F600 (😀) in the title. Replace or "
        "remove it.\n"
    )
    assert output.exists()


def test_a_single_item_is_reported_in_the_singular(content: Path, tmp_path: Path, capsys) -> None:
    # Only one small-content item is a key item in localism-deregulation.
    output = tmp_path / "one.html"
    assert build(content, "--layout", "member-briefing", "--audience", "members", "--theme",
                 "localism-deregulation", "-o", str(output)) == 0  # fmt: skip
    assert "for councillors, 1 item, " in capsys.readouterr().out


def test_a_failed_build_leaves_the_earlier_file_untouched(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    output = tmp_path / "pack.html"
    output.write_text("the officer's earlier pack")

    def broken(*args: object, **kwargs: object) -> None:
        raise RenderError("the pack template is broken; restore briefgen's templates folder")

    monkeypatch.setattr(render_registry, "render", broken)
    assert build(content, "-o", str(output)) == 1
    assert output.read_text() == "the officer's earlier pack"
    assert "template is broken" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "pack.html"]


def test_ctrl_c_during_a_build_says_so_leaves_the_earlier_file_and_exits_130(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    output = tmp_path / "pack.html"
    output.write_text("the officer's earlier pack")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(render_registry, "render", interrupted)
    assert build(content, "-o", str(output)) == 130
    assert output.read_text() == "the officer's earlier pack"
    err = capsys.readouterr().err
    assert err == "briefgen build: stopped (Ctrl+C); no file was left half-written\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "pack.html"]


def test_unknown_output_suffix_is_a_clear_error(content: Path, tmp_path: Path, capsys) -> None:
    assert build(content, "-o", str(tmp_path / "pack.odt")) == 1
    assert "end it in .pdf, .docx or .html, or give --format" in capsys.readouterr().err


def test_output_folder_that_does_not_exist(content: Path, tmp_path: Path, capsys) -> None:
    assert build(content, "-o", str(tmp_path / "nowhere" / "pack.html")) == 1
    assert "does not exist" in capsys.readouterr().err


def test_missing_items_are_named_but_the_pack_still_builds(
    content: Path, tmp_path: Path, capsys
) -> None:
    from briefgen.pack import PackSpec
    from briefgen.pack.packfile import save_pack

    pack_file = tmp_path / "old.briefgen.yaml"
    save_pack(PackSpec(excluded=["no-such-item"]), pack_file)  # saved before it was removed
    assert build(content, str(pack_file), "-o", str(tmp_path / "p.html")) == 0
    assert "refers to item 'no-such-item', which is no longer in the content" in (
        capsys.readouterr().err
    )


def test_a_pack_file_with_a_field_given_twice_is_refused_with_its_lines(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack_file = tmp_path / "p.briefgen.yaml"
    pack_file.write_text(
        "briefgen_pack: 1\nmeeting:\n  title: Workforce\n  title: Funding\n", encoding="utf-8"
    )
    out = tmp_path / "p.html"
    assert build(content, str(pack_file), "-o", str(out)) == 1
    assert capsys.readouterr().err == (
        f"briefgen: {pack_file}:4: 'meeting.title' is given twice (first on line 3); keep one\n"
    )
    assert not out.exists()


def test_bad_date_is_a_usage_error(content: Path, tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        build(content, "--date", "12/31/2026", "-o", str(tmp_path / "p.html"))
    assert caught.value.code == 2
    assert "write it as DD/MM/YYYY" in capsys.readouterr().err


def test_an_unknown_option_is_named_in_british_english(
    content: Path, tmp_path: Path, capsys
) -> None:
    with pytest.raises(SystemExit) as caught:
        build(content, "--colour", "blue", "-o", str(tmp_path / "p.html"))
    assert caught.value.code == 2
    assert "briefgen: error: unrecognised arguments: --colour" in capsys.readouterr().err


@pytest.mark.parametrize("pack", sorted(Path(__file__).parents[1].glob("examples/*.briefgen.yaml")))
def test_the_example_packs_build_from_the_shipped_content(
    pack: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "example.docx"
    assert main(["build", str(pack), "-o", str(out)]) == 0
    assert out.stat().st_size > 0
    assert "missing" not in capsys.readouterr().err.lower()


def test_the_command_entry_point_returns_the_exit_code(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from briefgen.command import run

    monkeypatch.setattr("sys.argv", ["briefgen", "--content", str(content), "themes"])
    assert run() == 0
    assert "Markets and commissioning" in capsys.readouterr().out
    output = str(tmp_path / "pack.docx")
    argv = ["briefgen", "--content", str(content), "build", "--theme", "nope", "-o", output]
    monkeypatch.setattr("sys.argv", argv)
    assert run() == 1
    assert "unknown theme 'nope'" in capsys.readouterr().err


def test_the_console_script_prints_everything_and_exits_with_the_code(
    content: Path, tmp_path: Path
) -> None:
    """Run as a process, what the command printed and wrote is all there, and the exit code is
    the command's."""
    import subprocess
    import sys

    def command(*args: str) -> subprocess.CompletedProcess[str]:
        script = "import sys; from briefgen.command import start; sys.argv[0] = 'briefgen'; start()"
        argv = [sys.executable, "-c", script, "--content", str(content), *args]
        return subprocess.run(argv, capture_output=True, text=True, timeout=120)

    out = tmp_path / "pack.docx"
    built = command("build", "-o", str(out))
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith(f"Wrote {out} (")
    assert out.stat().st_size > 0 and not list(tmp_path.glob(".*.tmp"))
    failed = command("build", "--theme", "nope", "-o", str(out))
    assert failed.returncode == 1
    assert "unknown theme 'nope'" in failed.stderr
    listed = command("items", "--json")
    assert listed.returncode == 0 and listed.stdout.rstrip().endswith("]")


class _Output:
    """Standard output whose last flush fails as `error` does."""

    def __init__(self, error: OSError) -> None:
        self.error = error

    def flush(self) -> None:
        raise self.error


@pytest.mark.parametrize(
    ("stdout", "code", "said"),
    [
        (_Output(OSError(28, "No space left on device")), 1, "briefgen: no space left on device\n"),
        (_Output(BrokenPipeError(32, "Broken pipe")), 0, ""),  # `briefgen items | head`
        (None, 0, ""),  # started with standard output closed
    ],
)
def test_the_console_script_fails_when_what_it_printed_could_not_be_written(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdout, code, said
) -> None:
    """Output a full disk refused is a failure with one line saying why (the interpreter's
    own exit would print a traceback and give 120); a closed pipe is not a failure."""
    import briefgen.command

    monkeypatch.setattr(briefgen.command, "run", lambda: 0)
    monkeypatch.setattr(briefgen.command, "_discard_standard_output", lambda: None)
    monkeypatch.setattr("sys.stdout", stdout)
    with pytest.raises(SystemExit) as exited:
        briefgen.command.start()
    assert exited.value.code == code
    assert capsys.readouterr().err == said


def test_save_pack_never_overwrites_the_wrong_file(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pack.html"
    out.write_bytes(b"earlier pack")
    report = tmp_path / "report.docx"
    report.write_bytes(b"a Word file")
    pack_file = tmp_path / "p.briefgen.yaml"
    assert build(content, "-o", str(tmp_path / "first.html"), "--save-pack", str(pack_file)) == 0
    capsys.readouterr()
    cases = [
        (["--save-pack", str(report)], "ends in .briefgen.yaml"),
        (
            [
                "--save-pack",
                str(tmp_path / "pack.yaml"),
                "--format",
                "html",
                "-o",
                str(tmp_path / "pack.yaml"),
            ],
            "also the output file",
        ),
        (["--save-pack", str(tmp_path / "nowhere" / "p.briefgen.yaml")], "does not exist"),
    ]
    for extra, message in cases:
        args = extra if "-o" in extra else ["-o", str(out), *extra]
        assert build(content, *args) == 1
        assert message in capsys.readouterr().err
    # Building a pack file into itself is refused too.
    assert build(content, str(pack_file), "--format", "html", "-o", str(pack_file)) == 1
    assert "is the pack file being built" in capsys.readouterr().err
    assert out.read_bytes() == b"earlier pack" and report.read_bytes() == b"a Word file"
    assert pack_file.read_text(encoding="utf-8").startswith("# briefgen pack file")


def test_a_full_disk_behind_a_redirect_is_a_message_not_a_traceback(
    content: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno
    import sys

    class Full:
        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self) -> None:
            pass

    monkeypatch.setattr(sys, "stdout", Full())
    assert main(["--content", str(content), "themes"]) == 1
    assert capsys.readouterr().err == "briefgen: no space left on device\n"


def test_typing_mistakes_get_a_suggestion_and_write_nothing(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pack.html"
    assert build(content, "--theme", "fundng", "-o", str(out)) == 1
    assert "unknown theme 'fundng' (did you mean 'funding'?)" in capsys.readouterr().err
    # An item id typed on the command line must exist (a pack file's stale ids only warn).
    assert build(content, "--include", "t-flexibilty", "-o", str(out)) == 1
    assert "no item 't-flexibilty' (did you mean 't-flexibility'?)" in capsys.readouterr().err
    assert build(content, "--exclude", "nothing-like-it", "-o", str(out)) == 1
    assert "no item 'nothing-like-it'; see `briefgen items`" in capsys.readouterr().err
    assert not out.exists()


def test_a_format_that_contradicts_the_file_name_is_refused(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pack.pdf"
    assert build(content, "--format", "docx", "-o", str(out)) == 1
    assert "names a .pdf file but --format is docx; name it pack.docx" in capsys.readouterr().err
    assert not out.exists()


def test_a_build_that_cannot_write_its_output_saves_no_pack_file_either(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "final.html"
    out.write_bytes(b"signed off")
    out.chmod(0o444)
    pack_file = tmp_path / "p.briefgen.yaml"
    assert build(content, "-o", str(out), "--save-pack", str(pack_file)) == 1
    assert "read-only" in capsys.readouterr().err
    assert out.read_bytes() == b"signed off" and not pack_file.exists()


def test_a_text_option_that_is_not_utf8_is_a_usage_error(
    content: Path, tmp_path: Path, capsys
) -> None:
    # What Python makes of `--title $'Bad \xff'` typed in a terminal set to another encoding.
    with pytest.raises(SystemExit) as caught:
        build(content, "--title", "Bad \udcff", "-o", str(tmp_path / "p.html"))
    assert caught.value.code == 2
    assert "--title holds characters that are not UTF-8 text" in capsys.readouterr().err
    assert not (tmp_path / "p.html").exists()


# --- Options derived from the pack spec's declarations (briefgen.pack.spec) -----------------

OPTIONS = [field for field in spec_fields(PackSpec) if field.option is not None]


def sample(kind: object, number: int) -> tuple[list[str], object]:
    """Command-line words for a field of `kind`, and the value they should give it."""
    if isinstance(kind, Choice):
        choice = kind.allowed()[-1]
        return [choice], choice
    if isinstance(kind, Date):
        return ["2026-12-03"], date(2026, 12, 3)
    if isinstance(kind, TextList):
        return [f"first {number}", f"second {number}"], [f"first {number}", f"second {number}"]
    return [f"text {number}"], f"text {number}"


def test_every_option_sets_its_field(tmp_path: Path) -> None:
    argv = ["build", "-o", str(tmp_path / "p.html")]
    expected = {}
    for number, spec_field in enumerate(OPTIONS):
        if isinstance(spec_field.kind, Flag):
            argv.append(f"--{spec_field.option}")
            expected[spec_field.path] = True
            continue
        words, expected[spec_field.path] = sample(spec_field.kind, number)
        for word in words:
            argv += [f"--{spec_field.option}", word]
    spec = spec_from_args(build_parser().parse_args(argv))
    assert {field.path: value_of(spec, field) for field in OPTIONS} == expected
    assert {field.path for field in spec_fields(PackSpec)} - expected.keys() == {"items.order"}


@pytest.mark.parametrize(
    "spec_field",
    [
        pytest.param(field, id=field.option)
        for field in OPTIONS
        if isinstance(field.kind, (Text, TextList))
    ],
)
def test_an_option_over_its_limit_is_a_usage_error_naming_the_limit(
    spec_field, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    limit = spec_field.kind.limit
    with pytest.raises(SystemExit) as caught:
        main(["build", f"--{spec_field.option}", "x" * (limit + 1), "-o", str(tmp_path / "p.pdf")])
    assert caught.value.code == 2
    assert capsys.readouterr().err.endswith(
        f"briefgen build: error: --{spec_field.option} is {limit + 1:,} characters long, over "
        f"the limit of {limit:,}; shorten it\n"
    )


def test_a_ten_megabyte_note_on_the_command_line_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    started = time.perf_counter()
    with pytest.raises(SystemExit) as caught:
        main(["build", "--notes", "A long note. " * 800_000, "-o", str(tmp_path / "p.pdf")])
    assert time.perf_counter() - started < 5
    assert caught.value.code == 2
    assert capsys.readouterr().err.endswith(
        "briefgen build: error: --notes is 10,400,000 characters long, over the limit of 20,000; "
        "shorten it\n"
    )
    assert not (tmp_path / "p.pdf").exists()


def test_a_ten_megabyte_note_in_a_pack_file_stops_the_build_with_its_line(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack_file = tmp_path / "p.briefgen.yaml"
    note = "A long note. " * 800_000
    pack_file.write_text(f"briefgen_pack: 1\nofficer:\n  notes: >-\n    {note}\n")
    out = tmp_path / "p.pdf"
    started = time.perf_counter()
    assert build(content, str(pack_file), "-o", str(out)) == 1
    assert time.perf_counter() - started < 5
    assert capsys.readouterr().err == (
        f"briefgen: {pack_file}:3: 'officer.notes' is 10,400,000 characters long, over the limit "
        "of 20,000; shorten it\n"
    )
    assert not out.exists()


def test_too_many_repeats_of_an_option_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["build", "-o", str(tmp_path / "p.pdf")]
    for number in range(101):
        argv += ["--recommendation", f"Recommendation {number}"]
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert capsys.readouterr().err.endswith(
        "error: --recommendation has 101 entries, over the limit of 100; shorten the list\n"
    )


def test_items_added_to_a_full_pack_file_list_are_refused(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack_file = tmp_path / "p.briefgen.yaml"
    save_pack(PackSpec(excluded=[f"item-{number}" for number in range(10_000)]), pack_file)
    assert (
        build(content, str(pack_file), "--exclude", "t-complex", "-o", str(tmp_path / "p.html"))
        == 1
    )
    assert capsys.readouterr().err == (
        f"briefgen: {pack_file} and --exclude together: 'items.exclude' has 10,001 entries, over "
        "the limit of 10,000; shorten the list\n"
    )


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--layout", "poster", "--layout is 'poster'; use one of: member-briefing (Member "
         "briefing), committee-report (Committee report), evidence-pack (Evidence pack)"),
        ("--marking", "secret", "--marking must be none, OFFICIAL or OFFICIAL-SENSITIVE, not "
         "'secret'"),
        ("--date", "31/11/2026", "--date is '31/11/2026', which is not a date; write it as "
         "DD/MM/YYYY, e.g. 03/12/2026"),
    ],
)  # fmt: skip
def test_a_bad_option_value_is_named_in_the_pack_files_words(
    option: str, value: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["build", option, value, "-o", str(tmp_path / "p.html")])
    assert caught.value.code == 2
    assert capsys.readouterr().err.endswith(f"briefgen build: error: {said}\n")


def test_a_template_for_a_format_that_takes_none_is_refused(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "council.dotx"
    template.write_bytes(b"not read")
    assert build(content, "--template", str(template), "-o", str(tmp_path / "p.pdf")) == 1
    assert capsys.readouterr().err == (
        "briefgen: --template is a Word template; use it with a .docx output\n"
    )


def test_an_empty_option_means_what_an_empty_pack_file_value_means(tmp_path: Path) -> None:
    pack_file = tmp_path / "p.briefgen.yaml"
    save_pack(PackSpec(layout="evidence-pack"), pack_file)
    pack_file.write_text(
        pack_file.read_text(encoding="utf-8").replace("date: ''", "date: 2026-12-03"),
        encoding="utf-8",
    )
    argv = ["build", str(pack_file), "--date", "", "--layout", "", "-o", str(tmp_path / "p.html")]
    spec = spec_from_args(build_parser().parse_args(argv))
    assert spec.meeting.meeting_date is None and spec.layout == "member-briefing"
