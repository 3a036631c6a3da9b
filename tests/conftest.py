"""Shared fixtures: the shipped corpus (loaded once) and small editable copies of the content."""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from briefgen.content import Corpus, load_corpus
from briefgen.content.paths import SHIPPED_CONTENT
from briefgen.pack import MeetingDetails, OfficerText, PackSpec

CONTENT = SHIPPED_CONTENT


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The verified-corpus cache in a folder of the test run's own, never the user's."""
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(autouse=True)
def private_libraries(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The user's own library and the library settings in folders of the test run's own (both
    empty), and no `$BRIEFGEN_LIBRARY`: a test never reads the real user's libraries."""
    base = tmp_path_factory.getbasetemp()
    monkeypatch.setenv("BRIEFGEN_USER_LIBRARY", str(base / "no-user-library"))
    monkeypatch.setenv("BRIEFGEN_CONFIG_DIR", str(base / "no-config"))
    monkeypatch.delenv("BRIEFGEN_LIBRARY", raising=False)


@pytest.fixture
def user_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's own library in a folder of this test's own, not yet made (an import or an
    accepted item makes it)."""
    library = tmp_path / "yours"
    monkeypatch.setenv("BRIEFGEN_USER_LIBRARY", str(library))
    return library


# A small items file whose quotes are verbatim from the joint LGA/Solace response; the second
# quote runs across the page furniture line "Submission" in the source text.
SMALL_ITEMS = """\
source: lga-solace-2014
items:
  - id: t-flexibility
    kind: position
    org: lga-solace
    locator: Response para 1
    themes: [localism-deregulation, delivery-models]
    key: true
    headline: Councils should have more freedom.
    text: >-
      The LGA and Solace support the principle of greater flexibility for councils to deliver
      services in the way that works best for local children and young people.
  - id: t-complex
    kind: evidence
    org: lga-solace
    locator: Response para 2
    themes: [markets-commissioning, safeguarding]
    text: >-
      The experience of councils and of other public sector bodies seeking to secure a strategic
      partner for service delivery is that the most complex and difficult tasks such as child
      protection do not readily attract commercial or not for profit providers.
  - id: t-cherry-picked
    kind: risk
    org: lga-solace
    locator: Response para 2
    themes: [markets-commissioning]
    key: true
    headline: Providers could pick the easy, profitable services.
    text: >-
      It is, however, crucial that we do not create a situation where the easy or profitable
      aspects of children's services are cherry picked, leaving councils with an unmanageable
      portfolio of disjointed and risky services.
"""


@pytest.fixture(scope="session")
def shipped_corpus() -> Corpus:
    return load_corpus(CONTENT)


def write_content(root: Path, items: dict[str, str] | None = None) -> Path:
    """Copy the shipped themes, organisations, glossary and sources to `root`, with `items`
    (file name -> YAML text; default `SMALL_ITEMS`) as the only item files. Returns `root`."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for name in ("themes.yaml", "organisations.yaml", "glossary.yaml", "sources.yaml"):
        shutil.copy(CONTENT / name, root / name)
    shutil.copytree(CONTENT / "sources", root / "sources")
    (root / "items").mkdir()
    for name, text in (items if items is not None else {"small.yaml": SMALL_ITEMS}).items():
        (root / "items" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The three `SMALL_ITEMS` over the shipped themes and sources, loaded once: for tests that
    only read a corpus."""
    return load_corpus(write_content(tmp_path_factory.mktemp("small") / "content"))


@pytest.fixture
def make_content(tmp_path: Path) -> Callable[..., Path]:
    """A fresh, editable content folder at `tmp_path/content` (see `write_content`)."""

    def make(items: dict[str, str] | None = None) -> Path:
        return write_content(tmp_path / "content", items)

    return make


# Paths opened or listed while a `files_touched` fixture is active, from Python's audit events
# (builtins.open, io.open, os.open, pathlib and os.scandir all raise them): a hook cannot be
# removed, so one is installed for the session and records only while a test asks it to.
_RECORDERS: list[list[str]] = []
_TOUCHING_EVENTS = frozenset({"open", "os.listdir", "os.scandir"})


def _record_touch(event: str, args: tuple[object, ...]) -> None:
    if _RECORDERS and event in _TOUCHING_EVENTS and args:
        path = args[0]
        if isinstance(path, (str, bytes, os.PathLike)):
            _RECORDERS[-1].append(os.path.abspath(os.fsdecode(path)))


sys.addaudithook(_record_touch)


@pytest.fixture
def files_touched() -> Iterator[list[str]]:
    """Every path the code under test opens or lists, as absolute paths (links not resolved)."""
    touched: list[str] = []
    _RECORDERS.append(touched)
    yield touched
    _RECORDERS.remove(touched)


def make_spec(layout: str, audience: str = "members", **meeting: object) -> PackSpec:
    """A spec with meeting details (`meeting` overrides them) and some of the officer's text."""
    details: dict[str, object] = {
        "title": "Children's services: delivery options",
        "meeting": "Children's Services Scrutiny Committee",
        "meeting_date": date(2026, 11, 22),
        "marking": "OFFICIAL-SENSITIVE",
    }
    details.update(meeting)
    officer = OfficerText(
        key_messages=["Councils want more freedom."],
        recommendations=["Note the report.", "Ask for a further report in March 2027."],
        notes="The committee asked for this briefing.",
    )
    return PackSpec(
        layout=layout,
        audience=audience,
        meeting=MeetingDetails(**details),  # type: ignore[arg-type]
        officer=officer,
    )


@pytest.fixture(scope="session")
def app_content_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small content folder of `tests/small_content.py`, written once per run."""
    from tests.small_content import write_content

    return write_content(tmp_path_factory.mktemp("small-content") / "content")


@pytest.fixture(scope="session")
def app_corpus(app_content_dir: Path) -> Corpus:
    return load_corpus(app_content_dir)
