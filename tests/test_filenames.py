"""The file names briefgen suggests: from the title, safe everywhere, with the right suffix."""

from __future__ import annotations

from pathlib import Path

from briefgen.filenames import (
    default_export_name,
    default_pack_name,
    safe_file_stem,
    untitled_pack,
    with_suffix,
)
from briefgen.pack import PackSpec


def test_file_names_come_from_the_title() -> None:
    spec = PackSpec()
    spec.meeting.title = 'Cabinet: "delivery" options / 2026'
    assert default_export_name(spec, "pdf") == "Cabinet delivery options 2026.pdf"
    assert default_pack_name(spec) == "Cabinet delivery options 2026.briefgen.yaml"


def test_without_a_title_the_names_say_what_the_pack_is() -> None:
    assert default_export_name(PackSpec(), "docx") == "Member briefing.docx"
    assert default_export_name(PackSpec(layout="evidence-pack"), "pdf") == "Evidence pack.pdf"
    assert (
        default_pack_name(PackSpec())
        == "Untitled pack.briefgen.yaml"
        == (untitled_pack() + ".briefgen.yaml")
    )
    assert safe_file_stem("...") == "Briefing pack"
    assert safe_file_stem("x" * 100 + ".") == "x" * 80


def test_a_missing_suffix_is_added() -> None:
    assert with_suffix(Path("a/report"), ".briefgen.yaml") == Path("a/report.briefgen.yaml")
    assert with_suffix(Path("a/r.briefgen.yaml"), ".briefgen.yaml") == Path("a/r.briefgen.yaml")
    assert with_suffix(Path("a/R.PDF"), ".pdf") == Path("a/R.PDF")
