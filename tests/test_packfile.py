"""Pack files: a versioned, human-readable format that round-trips every choice."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml

from briefgen.errors import PackFileError
from briefgen.pack import Contact, MeetingDetails, OfficerText, PackSpec, packfile
from briefgen.pack.packfile import dumps, load_pack, loads, save_pack, spec_to_data
from briefgen.pack.spec import (
    Choice,
    Date,
    Flag,
    Group,
    Text,
    TextList,
    declare,
    first_problem,
    mapping_keys,
    set_value,
    spec_fields,
)


def full_spec() -> PackSpec:
    return PackSpec(
        layout="committee-report",
        audience="scrutiny",
        themes=["workforce", "funding"],
        meeting=MeetingDetails(
            title="Children's services: workforce",
            meeting="Children's Services Scrutiny Committee",
            meeting_date=date(2026, 12, 3),
            author=Contact("Jo Bloggs", "Policy Officer", "jo@example.gov.uk", "01234 567890"),
            contact=Contact("Sam Smith", "Head of Democratic Services"),
            marking="OFFICIAL-SENSITIVE",
            large_print=True,
            purpose="decision",
            wards="All wards",
        ),
        officer=OfficerText(
            summary="A summary: with a colon.\n\nAnd a second paragraph.",
            key_messages=["First — message", "Second 'message'"],
            recommendations=["Note the report."],
            notes="Notes.",
        ),
        excluded=["a-1"],
        included=["b-2"],
        order=["c-3", "a-1"],
    )


def test_round_trip_keeps_every_choice(tmp_path: Path) -> None:
    path = tmp_path / "pack.briefgen.yaml"
    save_pack(full_spec(), path)
    assert load_pack(path) == full_spec()


def test_the_file_is_readable_and_versioned() -> None:
    text = dumps(full_spec())
    assert "briefgen_pack: 1" in text
    assert "date: '2026-12-03'" in text
    assert "First — message" in text  # UTF-8, not escaped


def test_a_newer_format_is_refused_with_advice() -> None:
    with pytest.raises(PackFileError, match="format 2 is not one this version"):
        loads("briefgen_pack: 2\n", "x.briefgen.yaml")


def test_not_a_pack_file() -> None:
    with pytest.raises(PackFileError, match=r"x\.yaml: this is not a pack saved by briefgen"):
        loads("just: text\n", "x.yaml")


@pytest.mark.parametrize(
    "written", ["31/11/2026", "12/31/2026", "3/12/26", "2026-02-30", "2026-13-01", "soon"]
)
def test_bad_date_names_the_field(written: str) -> None:
    # Impossible dates too: YAML's own date reading would fail with a bare ValueError.
    with pytest.raises(PackFileError, match=rf"'meeting\.date' is '{written}', which is not a"):
        loads(f"briefgen_pack: 1\nmeeting:\n  date: {written}\n", "p.yaml")


@pytest.mark.parametrize(
    ("written", "meant"),
    [("03/12/2026", "2026-12-03"), ("3/12/2026", "2026-12-03"), ("2026-12-03", "2026-12-03")],
)
def test_a_date_is_read_day_first_or_iso(written: str, meant: str) -> None:
    spec = loads(f"briefgen_pack: 1\nmeeting:\n  date: {written}\n", "p.yaml")
    assert spec.meeting.meeting_date is not None
    assert spec.meeting.meeting_date.isoformat() == meant
    # and a saved pack writes it back unambiguously
    assert f"date: {meant}" in dumps(spec) or f"date: '{meant}'" in dumps(spec)


def test_values_are_read_as_written_not_as_yaml_guesses() -> None:
    spec = loads(
        "briefgen_pack: 1\nmeeting:\n  title: no\n  large_print: yes\n"
        "  author: {phone: 01234567, name: 1e3}\n",
        "p.yaml",
    )
    assert spec.meeting.title == "no"
    assert spec.meeting.large_print is True
    assert spec.meeting.author.phone == "01234567" and spec.meeting.author.name == "1e3"


def test_a_misspelt_field_is_an_error_with_the_closest_name() -> None:
    with pytest.raises(PackFileError, match=r"p.yaml: 'meeting.meting' is not a pack file field; "
                       r"did you mean 'meeting'\?"):  # fmt: skip
        loads("briefgen_pack: 1\nmeeting:\n  meting: Cabinet\n", "p.yaml")
    with pytest.raises(PackFileError, match=r"'theme' is not a pack file field; did you mean "
                       r"'themes'\?"):  # fmt: skip
        loads("briefgen_pack: 1\ntheme: [funding]\n", "p.yaml")


@pytest.mark.parametrize(
    ("written", "marking"),
    [("none", ""), ("official", "OFFICIAL"), ("Official-Sensitive", "OFFICIAL-SENSITIVE")],
)
def test_markings_are_read_as_the_command_line_reads_them(written: str, marking: str) -> None:
    spec = loads(f"briefgen_pack: 1\nmeeting:\n  marking: {written}\n", "p.yaml")
    assert spec.meeting.marking == marking


def test_bad_choices_name_the_file_and_field() -> None:
    with pytest.raises(PackFileError, match=r"p.yaml: 'layout' is 'committe-report'; use one of"):
        loads("briefgen_pack: 1\nlayout: committe-report\n", "p.yaml")
    with pytest.raises(PackFileError, match=r"'meeting.marking' must be none, OFFICIAL or"):
        loads("briefgen_pack: 1\nmeeting:\n  marking: secret\n", "p.yaml")
    with pytest.raises(PackFileError, match=r"'meeting.large_print' must be true or false"):
        loads("briefgen_pack: 1\nmeeting:\n  large_print: maybe\n", "p.yaml")


def test_bad_yaml_names_the_line() -> None:
    with pytest.raises(PackFileError, match=r"p.yaml:3: not valid YAML"):
        loads("briefgen_pack: 1\nthemes: [a\nlayout: x: y\n", "p.yaml")


# Both of PyYAML's parsers: libyaml's (used when PyYAML has it) and the pure-Python one.
LOADERS = [pytest.param(yaml.BaseLoader, id="python")] + (
    [pytest.param(yaml.CBaseLoader, id="libyaml")] if hasattr(yaml, "CBaseLoader") else []
)


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "briefgen_pack: 1\nmeeting:\n  title: Workforce\n  meeting: Cabinet\n"
            "  title: Funding\n",
            "p.yaml:5: 'meeting.title' is given twice (first on line 3); keep one",
        ),
        (
            "briefgen_pack: 1\nthemes: [funding]\nlayout: committee-report\nthemes: [workforce]\n",
            "p.yaml:4: 'themes' is given twice (first on line 2); keep one",
        ),
        (
            "briefgen_pack: 1\nmeeting:\n  author: {name: Jo Bloggs, name: Sam Smith}\n",
            "p.yaml:3: 'meeting.author.name' is given twice (earlier on the same line); keep one",
        ),
        (  # quoted or not, it is the same field
            "briefgen_pack: 1\n'briefgen_pack': 1\n",
            "p.yaml:2: 'briefgen_pack' is given twice (first on line 1); keep one",
        ),
    ],
)
def test_a_field_given_twice_names_the_line_of_each(
    loader: type, text: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(packfile, "_Loader", loader)
    with pytest.raises(PackFileError) as caught:
        loads(text, "p.yaml")
    assert str(caught.value) == message


@pytest.mark.parametrize("loader", LOADERS)
def test_the_first_repeat_in_the_file_is_the_one_named(
    loader: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(packfile, "_Loader", loader)
    text = (
        "briefgen_pack: 1\n"
        "meeting:\n"
        "  contact: {name: A, name: B}\n"  # line 3: inside a field that is itself repeated
        "  wards: All wards\n"
        "meeting: {}\n"
    )
    with pytest.raises(PackFileError, match=r"^p\.yaml:3: 'meeting\.contact\.name' is given"):
        loads(text, "p.yaml")


def test_a_field_given_twice_in_a_saved_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "pack.briefgen.yaml"
    save_pack(full_spec(), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    first = lines.index("meeting:") + 1
    lines += ["meeting:", "  title: A second title"]  # pasted in from another pack
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PackFileError) as caught:
        load_pack(path)
    assert str(caught.value) == (
        f"{path}:{len(lines) - 1}: 'meeting' is given twice (first on line {first}); keep one"
    )


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PackFileError, match="pack file not found"):
        load_pack(tmp_path / "nope.briefgen.yaml")


def test_save_is_atomic_and_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    path = tmp_path / "pack.briefgen.yaml"
    save_pack(full_spec(), path)
    before = path.read_bytes()
    with pytest.raises(PackFileError, match="does not exist"):
        save_pack(PackSpec(), tmp_path / "missing-folder" / "x.briefgen.yaml")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["pack.briefgen.yaml"]  # no temp files left


ANNOTATED = """\
# Scrutiny, December: agreed with the chair on 3 November.
briefgen_pack: 1
layout: committee-report
# Members asked for the short version.
audience: members
themes: [funding]
meeting:
  # Title as on the agenda.
  title: Old title
  meeting: Children's Services Scrutiny Committee
  author:
    name: Priya Shah
officer:
  summary: |
    First line of the summary.
    # this line is part of the summary, not a comment
  notes: "A value with # in it"
  key_messages:
    - One
    # between the entries of a list
    - Two
items:
  exclude: []
# Ends here.
"""


def test_saving_over_an_annotated_pack_file_keeps_its_comments(tmp_path: Path) -> None:
    path = tmp_path / "pack.briefgen.yaml"
    path.write_text(ANNOTATED, encoding="utf-8")
    spec = load_pack(path)
    spec.meeting.title = "New title"
    save_pack(spec, path)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()

    def above(field_line: str) -> str:
        return lines[lines.index(field_line) - 1]

    assert lines[0] == packfile.HEADER.strip()
    assert lines[1] == "# Scrutiny, December: agreed with the chair on 3 November."
    assert above("audience: members") == "# Members asked for the short version."
    assert above("  title: New title") == "  # Title as on the agenda."
    assert above("  key_messages:") == "  # between the entries of a list"
    assert lines[-1] == "# Ends here."
    # The "#" lines inside values are text: not moved, not doubled.
    assert text.count("# this line is part of the summary") == 1
    assert load_pack(path) == spec
    assert "\n# this line is part of the summary, not a comment" in spec.officer.summary
    # Saving again changes nothing: the header and comments are not repeated.
    save_pack(spec, path)
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_keeping_comments_leaves_line_separators_in_values_as_they_are(
    tmp_path: Path, separator: str
) -> None:
    # Text pasted from the web can hold a Unicode line separator; YAML writes it as it is.
    path = tmp_path / "pack.briefgen.yaml"
    path.write_text(ANNOTATED, encoding="utf-8")
    spec = load_pack(path)
    spec.meeting.title = f"Workforce{separator}and funding"
    save_pack(spec, path)
    assert "  # Title as on the agenda.\n  title: " in path.read_text(encoding="utf-8")
    assert load_pack(path) == spec


def test_a_comment_above_the_first_entry_of_a_list_stays_with_the_list(tmp_path: Path) -> None:
    path = tmp_path / "pack.briefgen.yaml"
    path.write_text(
        "briefgen_pack: 1\nthemes:\n  # Funding first: the chair asked.\n  - funding\n"
        "  - workforce\naudience: members\n",
        encoding="utf-8",
    )
    spec = load_pack(path)
    save_pack(spec, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[lines.index("themes:") - 1] == "# Funding first: the chair asked."
    assert load_pack(path) == spec


def test_a_comment_on_the_first_line_of_a_file_with_a_byte_order_mark_is_kept(
    tmp_path: Path,
) -> None:
    path = tmp_path / "pack.briefgen.yaml"
    path.write_text("\ufeff" + ANNOTATED, encoding="utf-8")
    spec = load_pack(path)
    save_pack(spec, path)
    assert "\n# Scrutiny, December: agreed with the chair on 3 November.\n" in path.read_text(
        encoding="utf-8"
    )


def test_saving_over_a_file_that_is_not_yaml_still_saves(tmp_path: Path) -> None:
    path = tmp_path / "pack.briefgen.yaml"
    path.write_text("# notes\n: [ not yaml\n", encoding="utf-8")
    save_pack(full_spec(), path)
    assert load_pack(path) == full_spec()


# --- Every field declared once (briefgen.pack.spec) and bounded -----------------------------


def spec_at_the_limits() -> PackSpec:
    """A spec with every field as full as its declaration allows (non-ASCII, to count
    characters rather than bytes)."""
    spec = PackSpec()
    for spec_field in spec_fields(PackSpec):
        kind = spec_field.kind
        if isinstance(kind, Choice):
            value: object = kind.allowed()[-1]
        elif isinstance(kind, Date):
            value = date(2026, 12, 3)
        elif isinstance(kind, Flag):
            value = True
        elif isinstance(kind, TextList):
            value = ["a"] * (kind.entries - 1) + ["é" * kind.limit]
        else:
            assert isinstance(kind, Text), f"a new kind of field: {spec_field.path}"
            value = "é" * kind.limit
        set_value(spec, spec_field, value)
    return spec


def test_every_declared_field_at_its_limit_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "full.briefgen.yaml"
    save_pack(spec_at_the_limits(), path)
    assert load_pack(path) == spec_at_the_limits()


def test_the_file_has_a_field_for_every_declared_one_in_the_same_order() -> None:
    def paths(data: dict[str, object], prefix: str = "") -> list[str]:
        found = []
        for key, value in data.items():
            if isinstance(value, dict):
                found += paths(value, f"{prefix}{key}.")
            else:
                found.append(prefix + key)
        return found

    declared = [spec_field.path for spec_field in spec_fields(PackSpec)]
    assert paths(spec_to_data(PackSpec())) == ["briefgen_pack", *declared]


def over_the_limit(kind: Text | TextList) -> tuple[object, str]:
    """A value one over `kind`'s limit, and how the message names what is too long."""
    if isinstance(kind, TextList):
        return ["ok", "x" * (kind.limit + 1)], (
            f" entry 2 is {kind.limit + 1:,} characters long, over the limit of {kind.limit:,}"
        )
    return "x" * (kind.limit + 1), (
        f" is {kind.limit + 1:,} characters long, over the limit of {kind.limit:,}"
    )


BOUNDED = [
    pytest.param(field, id=field.path)
    for field in spec_fields(PackSpec)
    if isinstance(field.kind, (Text, TextList))
]


@pytest.mark.parametrize("spec_field", BOUNDED)
def test_a_value_over_its_limit_is_named_with_its_file_line_and_limit(spec_field) -> None:
    # Choices and dates too: they are bounded before they are looked up or parsed.
    value, said = over_the_limit(spec_field.kind)
    data = spec_to_data(PackSpec())
    *mappings, key = spec_field.path.split(".")
    part = data
    for name in mappings:
        part = part[name]
    part[key] = value
    text = yaml.safe_dump(data, sort_keys=False)  # as any editor could have left the file
    long_line = next(i for i, line in enumerate(text.splitlines(), 1) if "x" * 50 in line)
    with pytest.raises(PackFileError) as caught:
        loads(text, "p.yaml")
    assert str(caught.value) == f"p.yaml:{long_line}: '{spec_field.path}'{said}; shorten it"


def test_too_many_entries_names_the_list_and_its_limit() -> None:
    text = "briefgen_pack: 1\nofficer:\n  recommendations:\n" + "  - Note it.\n" * 101
    with pytest.raises(PackFileError) as caught:
        loads(text, "p.yaml")
    assert str(caught.value) == (
        "p.yaml:3: 'officer.recommendations' has 101 entries, over the limit of 100; "
        "shorten the list"
    )


def test_a_ten_megabyte_note_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "p.briefgen.yaml"
    note = "A long note. " * 800_000  # 10.4 MB
    path.write_text(f"briefgen_pack: 1\nofficer:\n  summary: Short.\n  notes: {note}\n")
    started = time.perf_counter()
    with pytest.raises(PackFileError) as caught:
        load_pack(path)
    assert time.perf_counter() - started < 5  # the PDF build it would have started took minutes
    assert str(caught.value) == (
        f"{path}:4: 'officer.notes' is 10,399,999 characters long, over the limit of 20,000; "
        "shorten it"
    )


def test_a_file_far_bigger_than_any_pack_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "p.briefgen.yaml"
    with path.open("wb") as file:
        file.truncate(packfile.MAX_FILE_BYTES + 1)  # sparse: no time to write
    with pytest.raises(PackFileError) as caught:
        load_pack(path)
    assert str(caught.value) == (
        f"{path}: over 32 MB, far more than any pack file holds; is it really a briefgen pack?"
    )


def test_a_long_misspelt_field_name_is_cut_short_in_the_message() -> None:
    name = "meting" * 10_000
    with pytest.raises(PackFileError) as caught:
        loads(f"briefgen_pack: 1\nmeeting:\n  ? {name}\n  : Cabinet\n", "p.yaml")
    assert str(caught.value) == (
        f"p.yaml: 'meeting.{name[:51]}…' is not a pack file field; fields here: title, meeting, "
        "date, marking, large_print, purpose, wards, author, contact"
    )


def test_saving_a_field_over_its_limit_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    # The app lets an officer paste anything; a file briefgen could not open again is not saved.
    path = tmp_path / "pack.briefgen.yaml"
    spec = PackSpec()
    spec.officer.key_messages = ["Fine.", "x" * 2001]
    with pytest.raises(PackFileError) as caught:
        save_pack(spec, path)
    assert str(caught.value) == (
        f"{path}: 'officer.key_messages' entry 2 is 2,001 characters long, over the limit of "
        "2,000; shorten it"
    )
    assert not path.exists()


def test_a_field_is_added_by_declaring_it_and_nothing_else() -> None:
    # What adding `officer.risks` to the model would give (docs/decisions/0050 shows the trial).
    @dataclass
    class Officer(OfficerText):
        risks: list[str] = declare(TextList(500, entries=20), option="risk", help="a risk")

    @dataclass
    class Spec(PackSpec):
        officer: Officer = declare(Group(Officer))

    added = {field.path: field for field in spec_fields(Spec)}["officer.risks"]
    assert (added.attrs, added.option, added.help) == (("officer", "risks"), "risk", "a risk")
    assert mapping_keys(Spec)["officer"] == (*mapping_keys(PackSpec)["officer"], "risks")
    spec = Spec()
    spec.officer.risks = ["x" * 501]
    problem = first_problem(spec)
    assert problem is not None and problem[0] == added
    assert problem[1].reason == "is 501 characters long, over the limit of 500; shorten it"


def test_a_field_not_declared_is_refused_when_the_spec_is_walked() -> None:
    @dataclass
    class Spec(PackSpec):
        colour: str = ""

    with pytest.raises(TypeError, match=r"Spec\.colour is not declared with `declare`"):
        spec_fields(Spec)


def nested_aliases(levels: int = 7) -> str:
    """YAML whose aliases, followed, hold 10**levels values (a "billion laughs" file, smaller:
    walking each alias again took 17 s for ten million, rather than for ever)."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def test_nested_aliases_in_a_pack_file_are_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "p.briefgen.yaml"
    path.write_text(nested_aliases() + "briefgen_pack: 1\nthemes: *a6\n", encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(PackFileError, match=r"'a0' is not a pack file field"):
        load_pack(path)
    assert time.perf_counter() - started < 5


def test_saving_over_a_file_of_nested_aliases_keeps_its_comment_at_once(tmp_path: Path) -> None:
    path = tmp_path / "p.briefgen.yaml"
    path.write_text("# Kept.\n" + nested_aliases(), encoding="utf-8")
    started = time.perf_counter()
    save_pack(full_spec(), path)
    assert time.perf_counter() - started < 5  # each alias was walked again: for ever
    assert load_pack(path) == full_spec()
    assert path.read_text(encoding="utf-8").endswith("# Kept.\n")


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path: Path) -> None:

    lines = ["briefgen_pack: 1", "title: \"Children's services", "layout: member-briefing"]
    lines += [f"# note {n}" for n in range(40)] + ["audience: members"]
    path = tmp_path / "open.briefgen.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PackFileError) as raised:
        load_pack(path)
    assert f"{path}:2: not valid YAML (this quote mark is" in str(raised.value)
