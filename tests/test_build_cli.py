"""`briefgen build`: from options or a pack file, atomic output, clear errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen import render as render_registry
from briefgen.cli import main
from briefgen.errors import RenderError


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
        build(content, "--date", "3/12/2026", "-o", str(tmp_path / "p.html"))
    assert caught.value.code == 2
    assert "write it as YYYY-MM-DD" in capsys.readouterr().err


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
