"""The built wheel carries the shipped content, templates and assets, and briefgen installed from
it works from any working directory (it finds nothing through the source checkout)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("briefgen-*.whl")
    return built


def test_the_wheel_carries_content_templates_and_assets(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "briefgen/data/content/sources.yaml",
        "briefgen/data/content/items/solace-2014.yaml",
        "briefgen/data/templates/wording.yaml",
        "briefgen/data/templates/audiences.yaml",
        "briefgen/data/templates/pdf/pack.html.j2",
        "briefgen/data/assets/reference.docx",
        "briefgen/data/assets/fonts/OpenSans-Regular.ttf",
    ):
        assert needed in names, needed


def test_briefgen_installed_from_the_wheel_builds_from_another_folder(
    wheel: Path, tmp_path: Path
) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # The installed copy first on the path; the checkout's own copy must not be what runs.
    env = dict(os.environ, PYTHONPATH=str(target))
    env.pop("BRIEFGEN_CONTENT", None)
    script = (
        "import briefgen, sys; from briefgen.cli import main; "
        f"assert briefgen.__file__.startswith({str(target)!r}), briefgen.__file__; "
        "sys.exit(main(sys.argv[1:]))"
    )
    for args in (["check"], ["build", "--theme", "workforce", "-o", "pack.docx"]):
        run = subprocess.run(
            [sys.executable, "-c", script, *args],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert run.returncode == 0, run.stderr
    assert (elsewhere / "pack.docx").stat().st_size > 0
