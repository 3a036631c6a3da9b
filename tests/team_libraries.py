"""Team folders for the tests of where imports and curated items go: two libraries listed in a
`libraries.yaml` of the test's own, and a short document to import into them."""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path
from typing import Any

import pytest

TEAMS = ("childrens-services", "planning")

NOTE = """\
# Anytown children's services review

## Workforce

Councils should agree a regional memorandum of understanding on agency pay rates.

Agency staff now fill one post in five across the children's social work teams of the county.

## Funding

Government should give councils a multi-year funding settlement for children's services.

Short-term grants make it hard to plan early help services for families in need.
"""
# A sentence of `NOTE` no shipped or small-content item quotes.
NOTE_PASSAGE = (
    "Agency staff now fill one post in five across the children's social work teams of the county."
)


def make_teams(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Two team folders, each a library holding one organisation of its own, listed in the
    settings file of a config folder of this test's own."""
    folders = []
    for number, name in enumerate(TEAMS):
        folder = tmp_path / "shared" / name
        folder.mkdir(parents=True)
        (folder / "organisations.yaml").write_text(
            f"- id: team-{number}\n  name: Team {number} of the council\n  short: Team {number}\n",
            encoding="utf-8",
        )
        folders.append(folder)
    config = tmp_path / "config"
    config.mkdir()
    listed = "".join(f"  - {folder}\n" for folder in folders)
    (config / "libraries.yaml").write_text(f"team_libraries:\n{listed}", encoding="utf-8")
    monkeypatch.setenv("BRIEFGEN_CONFIG_DIR", str(config))
    return folders[0], folders[1]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def read_only(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make `folder` answer as a share mounted read-only does, whoever asks (permissions do not
    stop an administrator, and the tests may run as one): no file can be made in it."""
    made = tempfile.mkstemp

    def refused(*args: Any, **kwargs: Any) -> Any:
        where = Path(kwargs.get("dir") or tempfile.gettempdir())
        if where == folder or folder in where.parents:
            raise PermissionError(errno.EACCES, "Permission denied", str(where))
        return made(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refused)
