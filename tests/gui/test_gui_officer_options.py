"""The committee report's options and background papers in "Your text": one per line, shown
for committee reports only, saved in the pack file, undone like any typing, and in the pack."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefgen.gui import dialogs
from briefgen.pack import build_pack
from briefgen.pack.packfile import load_pack
from briefgen.render.html import render_html_string


def choose_layout(window: Any, layout: str) -> None:
    window.layout_combo.setCurrentIndex(window.layout_combo.findData(layout))


def test_options_and_papers_show_for_committee_reports_only(window: Any) -> None:
    form = window.officer_form
    window.tabs.setCurrentWidget(form)
    choose_layout(window, "member-briefing")
    assert not form.options.isVisible() and not form.background_papers.isVisible()
    choose_layout(window, "committee-report")
    assert form.options.isVisible() and form.background_papers.isVisible()
    assert form.form.labelForField(form.options).text().startswith("&Options")
    assert form.form.labelForField(form.background_papers).text().startswith("&Background")


def test_options_and_papers_are_kept_saved_and_undone(
    make_window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: Any
) -> None:
    window = make_window()
    choose_layout(window, "committee-report")
    window.set_themes(["workforce"])
    form = window.officer_form
    window.tabs.setCurrentWidget(form)
    form.options.setFocus()
    qtbot.keyClicks(form.options, "Do nothing")
    form.options.appendPlainText("\n  Pool agency spending  \nA regional pay framework")
    form.background_papers.setFocus()
    qtbot.keyClicks(form.background_papers, "Workforce survey 2026 (internal)")
    officer = window.commit_forms().officer
    assert officer.options == ["Do nothing", "Pool agency spending", "A regional pay framework"]
    assert officer.background_papers == ["Workforce survey 2026 (internal)"]
    html = render_html_string(build_pack(corpus, window.spec), corpus)
    assert "Pool agency spending" in html and "Workforce survey 2026 (internal)" in html

    target = tmp_path / "options"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, suggested: target)
    assert window.files.save()
    window.files.finish()  # written on a worker
    saved = load_pack(tmp_path / "options.briefgen.yaml")
    assert saved.officer.options == officer.options
    assert saved.officer.background_papers == officer.background_papers
    other = make_window()
    other.files.open_path(tmp_path / "options.briefgen.yaml")
    other.files.finish()  # read on a worker
    assert other.officer_form.options.toPlainText() == (
        "Do nothing\nPool agency spending\nA regional pay framework"
    )
    assert other.officer_form.background_papers.toPlainText() == "Workforce survey 2026 (internal)"

    # Typing in the papers box is one step, the options another.
    window.undo_stack.undo()
    assert window.spec.officer.background_papers == []
    assert form.background_papers.toPlainText() == ""
    assert window.spec.officer.options == officer.options
    window.undo_stack.undo()
    assert window.spec.officer.options == [] and form.options.toPlainText() == ""
    window.undo_stack.redo()
    assert form.options.toPlainText().splitlines()[0] == "Do nothing"
