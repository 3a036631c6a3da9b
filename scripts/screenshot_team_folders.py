"""Screenshot File → Team folders… with a folder of each state, for looking at the dialog before
calling the work done.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot_team_folders.py \
        OUT_DIR [--font-scale 2]

Everything is made in a temporary folder (a `libraries.yaml` listing a team library, a new
empty folder, a folder that has gone and one on a share that cannot be written to, as the
tests make one: no file can be made in it); the real settings and libraries are not touched.
Writes OUT_DIR/team-folders.png (the dialog with every state shown) and
OUT_DIR/team-folders-renaming.png (a name being edited in place).
"""

from __future__ import annotations

import argparse
import errno
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from screenshot_quote import grab, settle, start_app  # beside this script


def make_folders(base: Path) -> Path:
    """Four team folders listed in a settings file; returns the one to show read-only."""
    shared = base / "mnt" / "shared" / "childrens-services"
    folders = {
        "briefgen-library": shared / "briefgen-library",
        "planning": base / "mnt" / "shared" / "planning-policy" / "briefgen",
        "new": shared / "2026 inspection",
        "gone": base / "mnt" / "old-drive" / "library",
    }
    for folder in folders.values():
        folder.mkdir(parents=True)
    (folders["briefgen-library"] / "organisations.yaml").write_text(
        "- id: team-cs\n  name: Children's services team\n  short: CS team\n", encoding="utf-8"
    )
    (folders["planning"] / "organisations.yaml").write_text(
        "- id: team-pp\n  name: Planning policy team\n  short: PP team\n", encoding="utf-8"
    )
    (base / "config").mkdir()
    (base / "config" / "libraries.yaml").write_text(
        "# Set up by IT for the children's services directorate\n"
        "team_libraries:\n"
        f"  - folder: {folders['briefgen-library']}\n"
        "    name: Children's services\n"
        f"  - folder: {folders['planning']}\n"
        "    name: Planning policy\n"
        f"  - {folders['new']}\n"
        f"  - {folders['gone']}\n",
        encoding="utf-8",
    )
    shutil.rmtree(folders["gone"])
    os.environ["BRIEFGEN_CONFIG_DIR"] = str(base / "config")
    os.environ["BRIEFGEN_USER_LIBRARY"] = str(base / "yours")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(base / "ini"))
    return folders["planning"]


def refuse_writes_in(folder: Path) -> None:
    """No file can be made in `folder`, as on a share mounted read-only (the screenshot may be
    taken as an administrator, whom permissions do not stop)."""
    made = tempfile.mkstemp

    def refused(*args: Any, **kwargs: Any) -> Any:
        where = Path(kwargs.get("dir") or tempfile.gettempdir())
        if where == folder or folder in where.parents:
            raise PermissionError(errno.EACCES, "Permission denied", str(where))
        return made(*args, **kwargs)

    tempfile.mkstemp = refused  # type: ignore[assignment]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir")
    parser.add_argument("--font-scale", type=float, default=1.0)
    args = parser.parse_args()
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)

    _app = start_app(args.font_scale)  # kept while the script runs
    base = Path(tempfile.mkdtemp(prefix="briefgen-shot-"))
    refuse_writes_in(make_folders(base))

    from briefgen.gui.team_folders import TeamFoldersDialog

    dialog = TeamFoldersDialog()
    loop = QEventLoop()
    dialog.checked.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    dialog.open_fresh()
    loop.exec()
    settle()
    grab(dialog, out / "team-folders.png")
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(2))
    dialog.start_rename()
    settle()
    grab(dialog, out / "team-folders-renaming.png")
    print("\n".join(str(path) for path in sorted(out.glob("team-folders*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
