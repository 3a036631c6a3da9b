"""The Word and HTML files of every layout and audience, large print, each marking and a house
template stay exactly as they were: canonical XML of every Word part, and the HTML the PDF is
printed from, compared with files kept in `tests/golden/`. A guard for refactoring the Word
writer and the builder; when the output is meant to change (new wording, new content), look at
the new files and regenerate them with
`BRIEFGEN_UPDATE_GOLDEN=1 pytest tests/test_output_golden.py`."""

from __future__ import annotations

import difflib
import gzip
import io
import json
import os
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from lxml import etree
from tests.test_render_docx import make_template

from briefgen.content import Corpus
from briefgen.pack import LAYOUTS, MeetingDetails, OfficerText, PackSpec, build_pack
from briefgen.pack.model import Contact
from briefgen.render import RenderOptions, render
from briefgen.selection import AUDIENCES

GOLDEN = Path(__file__).parent / "golden" / "docx"
UPDATE = os.environ.get("BRIEFGEN_UPDATE_GOLDEN") == "1"
THEMES = ["workforce", "inspection-improvement"]
TODAY = date(2026, 12, 1)

# (name, layout, audience, large print, marking, house template)
CASES = [
    (f"{layout}-{audience}", layout, audience, False, "OFFICIAL", False)
    for layout in LAYOUTS
    for audience in AUDIENCES
]
CASES += [(f"{layout}-large-print", layout, "members", True, "", False) for layout in LAYOUTS]
CASES += [
    ("committee-report-unmarked", "committee-report", "scrutiny", False, "", False),
    ("member-briefing-sensitive", "member-briefing", "members", False, "OFFICIAL-SENSITIVE", False),
    ("committee-report-house-template", "committee-report", "scrutiny", False, "OFFICIAL", True),
]


def spec(layout: str, audience: str, large_print: bool, marking: str) -> PackSpec:
    return PackSpec(
        layout=layout,
        audience=audience,
        themes=list(THEMES),
        meeting=MeetingDetails(
            title="Children's services workforce & inspection <review>",
            meeting="Children's Services Scrutiny Committee",
            meeting_date=date(2027, 1, 14),
            author=Contact(name="Jo Bloggs", role="Policy Officer", email="jo@example.gov.uk"),
            contact=Contact(name="Sam Smith", role="Head of Policy", phone="01234 567890"),
            marking=marking,
            large_print=large_print,
            purpose="decision",
            wards="All wards",
        ),
        officer=OfficerText(
            summary="This report sets out what the sources say about the workforce.",
            key_messages=["Recruitment is the main risk.", "Inspection drives improvement."],
            recommendations=["Note the report.", "Ask for a further report in March 2027."],
            notes="The committee asked for this briefing in October.\n\nA second paragraph.",
        ),
    )


def canonical_parts(data: bytes) -> dict[str, str]:
    """Every XML part of the package in canonical form (C14N), pretty-printed for diffs, with
    the creation and modification times (the only parts that change from run to run) removed."""
    parts: dict[str, str] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in sorted(package.namelist()):
            raw = package.read(name)
            if not (name.endswith(".xml") or name.endswith(".rels")):
                parts[name] = f"<binary {len(raw)} bytes>"
                continue
            root = etree.fromstring(raw, etree.XMLParser(remove_blank_text=True))
            text = etree.tostring(root, method="c14n").decode("utf-8")
            if name == "docProps/core.xml":
                text = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*", r"\1", text)
            pretty = etree.tostring(
                etree.fromstring(text.encode("utf-8")), pretty_print=True, encoding="unicode"
            )
            parts[name] = pretty
    return parts


@pytest.mark.parametrize(
    ("name", "layout", "audience", "large_print", "marking", "house"),
    CASES,
    ids=[case[0] for case in CASES],
)
def test_word_file_is_unchanged(
    shipped_corpus: Corpus,
    tmp_path: Path,
    name: str,
    layout: str,
    audience: str,
    large_print: bool,
    marking: str,
    house: bool,
) -> None:
    pack = build_pack(shipped_corpus, spec(layout, audience, large_print, marking), today=TODAY)
    options = RenderOptions(template=make_template(tmp_path / "council.docx") if house else None)
    parts = canonical_parts(render(pack, shipped_corpus, "docx", options).data)
    golden = GOLDEN / f"{name}.json.gz"
    if UPDATE:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(parts, indent=0, sort_keys=True).encode("utf-8")
        golden.write_bytes(gzip.compress(payload, mtime=0))
        return
    assert golden.exists(), f"no golden file {golden}; run with BRIEFGEN_UPDATE_GOLDEN=1"
    expected: dict[str, str] = json.loads(gzip.decompress(golden.read_bytes()))
    assert sorted(parts) == sorted(expected), "the package's parts differ"
    for part in sorted(expected):
        if parts[part] != expected[part]:
            diff = "\n".join(
                list(
                    difflib.unified_diff(
                        expected[part].splitlines(), parts[part].splitlines(), lineterm="", n=2
                    )
                )[:80]
            )
            pytest.fail(f"{name}: {part} differs from the golden file:\n{diff}")


@pytest.mark.parametrize(
    ("name", "layout", "audience", "large_print", "marking"),
    [case[:5] for case in CASES if not case[5]],
    ids=[case[0] for case in CASES if not case[5]],
)
def test_html_is_unchanged(
    shipped_corpus: Corpus, name: str, layout: str, audience: str, large_print: bool, marking: str
) -> None:
    pack = build_pack(shipped_corpus, spec(layout, audience, large_print, marking), today=TODAY)
    html = render(pack, shipped_corpus, "html").data.decode("utf-8")
    golden = GOLDEN.parent / "html" / f"{name}.html.gz"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(gzip.compress(html.encode("utf-8"), mtime=0))
        return
    assert golden.exists(), f"no golden file {golden}; run with BRIEFGEN_UPDATE_GOLDEN=1"
    expected = gzip.decompress(golden.read_bytes()).decode("utf-8")
    if html != expected:
        diff = "\n".join(
            list(difflib.unified_diff(expected.splitlines(), html.splitlines(), lineterm="", n=2))[
                :80
            ]
        )
        pytest.fail(f"{name}: the HTML differs from the golden file:\n{diff}")
