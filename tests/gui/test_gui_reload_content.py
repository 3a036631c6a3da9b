"""Reloading the window onto different content while an item that no longer exists is chosen:
the source check is cleared, not a KeyError."""

from __future__ import annotations

from typing import Any

from briefgen.content import Corpus


def test_reload_onto_other_content_clears_the_source_of_a_vanished_item(
    window: Any, shipped_corpus: Corpus
) -> None:
    window.set_themes(["workforce"])
    assert window.items_panel.select_item("wf-rec-pay")
    assert window.source_view.item is not None
    assert window.source_view.item.source == "alpha"
    assert "alpha" not in shipped_corpus.sources
    window._corpus_ready(shipped_corpus)  # as a reload onto another content folder does
    shown = window.source_view.item
    assert shown is None or shown.id in {item.id for item in shipped_corpus.items}
    if shown is None:
        assert window.source_view.text.toPlainText() == ""
