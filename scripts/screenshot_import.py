"""Screenshot File → Import document… for an officer with two team folders, and the review view
of a document in a team folder, for looking at the "Add to" choice and the "added to" line.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot_import.py \
        OUT_DIR [--font-scale 2]

Everything is made in a temporary folder (two team folders listed in a `libraries.yaml`, the
user's own library, a short document); the real settings and libraries are not touched. Writes
OUT_DIR/import.png (the dialog, a team folder chosen), OUT_DIR/import-choices.png (the screen
with the Add to list open), OUT_DIR/review-team.png, and OUT_DIR/document-filter.png: the Items
tab once the document is in your library too, the team folder's copy chosen under Document
(its name then says which library it is in).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from screenshot_quote import grab, settle, shoot_review, start_app  # beside this script

NOTE = """\
# Children's services improvement plan 2026

## Workforce

Councils should agree a regional memorandum of understanding on agency pay rates.

Agency staff now fill one post in five across the children's social work teams of the county.

## Funding

Government should give councils a multi-year funding settlement for children's services.
"""


def make_folders(base: Path) -> Path:
    """Two team folders listed in a settings file, the user's library; returns the document."""
    listed = []
    for name in ("Childrens-Services", "Planning-Policy"):
        folder = base / "shared" / name
        folder.mkdir(parents=True)
        (folder / "organisations.yaml").write_text(
            f"- id: {name.lower()}\n  name: {name} team\n  short: {name}\n", encoding="utf-8"
        )
        listed.append(f"  - {folder}\n")
    (base / "config").mkdir()
    (base / "config" / "libraries.yaml").write_text(
        "team_libraries:\n" + "".join(listed), encoding="utf-8"
    )
    os.environ["BRIEFGEN_CONFIG_DIR"] = str(base / "config")
    os.environ["BRIEFGEN_USER_LIBRARY"] = str(base / "yours")
    os.environ["BRIEFGEN_CACHE_DIR"] = str(base / "cache")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(base / "ini"))
    note = base / "Children's services improvement plan 2026.md"
    note.write_text(NOTE, encoding="utf-8")
    return note


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir")
    parser.add_argument("--font-scale", type=float, default=1.0)
    args = parser.parse_args()
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)

    _app = start_app(args.font_scale)  # kept while the script runs
    base = Path(tempfile.mkdtemp(prefix="briefgen-shot-"))
    note = make_folders(base)

    from briefgen.content import load_corpus
    from briefgen.gui.import_dialog import ImportDialog
    from briefgen.gui.review_view import ReviewView
    from briefgen.library.destinations import items_library
    from briefgen.library.folders import library_folders

    dialog = ImportDialog(note, None, library_folders())
    dialog.show()
    while not dialog.import_button.isEnabled():
        settle(100)
    dialog.fields["publisher"].setText("Anytown Council")
    dialog.fields["date"].setText("2026")
    dialog.targets.setCurrentIndex(1)
    settle()
    grab(dialog, out / "import.png")
    dialog.targets.showPopup()
    settle()
    screen = QGuiApplication.primaryScreen()
    screen.grabWindow(0).save(str(out / "import-choices.png"))
    dialog.targets.hidePopup()
    loop = QEventLoop()
    dialog.imported.connect(loop.quit)
    dialog.import_button.click()
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    result = dialog.import_result
    dialog.deleteLater()
    if result is None:
        print(f"the import failed: {dialog.error.text()}", file=sys.stderr)
        return 1

    corpus = load_corpus(library_folders())
    review = ReviewView(corpus, result.source_id, items_library(corpus, result.source_id))
    shoot_review(review, out / "review-team.png")
    shoot_document_filter(note, out / "document-filter.png")
    print("\n".join(str(path) for path in sorted(out.glob("*.png"))))
    return 0


def shoot_document_filter(note: Path, path: Path) -> None:
    """Import `note` into your library as well, open the window and choose the team folder's
    copy under Document; save the window to `path`."""
    from briefgen.cli import main as cli
    from briefgen.gui.app import create_window

    copy = note.with_name(f"{note.stem} (copy).md")
    copy.write_text(NOTE + "\n", encoding="utf-8")  # another file, so imported again
    if cli(["import", str(copy), "--publisher", "Anytown Council", "--date", "2026"]) != 0:
        return
    _, window, _ = create_window([])
    window.show()
    while window.corpus is None:
        settle(100)
    documents = window.items_panel.source_filter
    team = [
        documents.itemText(i)
        for i in range(documents.count())
        if "team library" in documents.itemText(i)
    ]
    if team:
        documents.setCurrentIndex(documents.findText(team[0]))
    settle()
    grab(window, path)
    window.setWindowModified(False)
    window.close()
    window.deleteLater()
    settle(50)


if __name__ == "__main__":
    sys.exit(main())
