"""Shaping a quote by whole words and sentences of its source: it stays a span."""

from __future__ import annotations

from briefgen.library.quotespan import (
    as_item_text,
    drag_edge,
    move_edge,
    nearer_edge,
    snap_to_words,
)

TEXT = "The council met. It agreed the plan for early help. Members asked questions."


def _moved(*args: object) -> str:
    start, end = snap_to_words(TEXT, 19, 30)  # "greed the pl" → "agreed the plan"… snapped
    start, end = move_edge(TEXT, start, end, *args)  # type: ignore[arg-type]
    return TEXT[start:end]


def test_a_ragged_selection_snaps_to_the_words_it_touches() -> None:
    start, end = snap_to_words(TEXT, 19, 30)
    assert TEXT[start:end] == "agreed the"
    assert snap_to_words(TEXT, 16, 17) == (16, 16)  # only a space: no word


def test_edges_move_by_word_and_sentence() -> None:
    assert _moved("end", "word", True) == "agreed the plan"
    assert _moved("end", "word", False) == "agreed"
    assert _moved("start", "word", True) == "It agreed the"
    assert _moved("start", "word", False) == "the"
    assert _moved("end", "sentence", True) == "agreed the plan for early help."
    assert _moved("start", "sentence", True) == "It agreed the"


def test_a_quote_keeps_its_last_word_and_stops_at_the_ends_of_the_text() -> None:
    start = TEXT.index("Members")
    assert move_edge(TEXT, start, start + 7, "end", "word", False) == (start, start + 7)
    assert move_edge(TEXT, start, start + 7, "start", "word", False) == (start, start + 7)
    assert move_edge(TEXT, 0, 3, "start", "word", True) == (0, 3)
    assert move_edge(TEXT, 0, len(TEXT), "end", "sentence", True) == (0, len(TEXT))


def test_a_dragged_edge_snaps_to_the_nearest_word_boundary() -> None:
    start, end = TEXT.index("agreed"), TEXT.index(" for")  # "agreed the plan"
    plan = TEXT.index("plan")
    assert TEXT[slice(*drag_edge(TEXT, start, end, "end", plan + 1))] == "agreed the"
    assert TEXT[slice(*drag_edge(TEXT, start, end, "end", plan + 3))] == "agreed the plan"
    help_ = TEXT.index("help")
    assert TEXT[slice(*drag_edge(TEXT, start, end, "end", help_ + 3))] == (
        "agreed the plan for early help."
    )
    assert (
        TEXT[slice(*drag_edge(TEXT, start, end, "start", 4))] == "council met. It agreed the plan"
    )
    assert TEXT[slice(*drag_edge(TEXT, start, end, "start", 0))] == (
        "The council met. It agreed the plan"
    )
    # In the space between two words the nearer word's edge is taken.
    assert TEXT[slice(*drag_edge(TEXT, start, end, "start", TEXT.index(" It") + 1))] == (
        "It agreed the plan"
    )


def test_a_dragged_edge_stops_at_the_other_ends_word() -> None:
    start, end = TEXT.index("agreed"), TEXT.index(" for")  # "agreed the plan"
    assert drag_edge(TEXT, start, end, "end", 0) == (start, start + len("agreed"))
    assert drag_edge(TEXT, start, end, "start", len(TEXT)) == (TEXT.index("plan"), end)
    assert drag_edge(TEXT, start, end, "end", len(TEXT) + 5) == (start, len(TEXT))
    assert drag_edge("", 0, 0, "end", 3) == (0, 0)


def test_a_shift_click_moves_the_nearer_edge() -> None:
    assert nearer_edge(10, 20, 2) == "start"
    assert nearer_edge(10, 20, 14) == "start"
    assert nearer_edge(10, 20, 16) == "end"
    assert nearer_edge(10, 20, 30) == "end"


def test_item_text_drops_line_breaks_and_list_bullets() -> None:
    assert as_item_text("agendas\n- end flawed\n  tick-box") == "agendas end flawed tick-box"


def test_a_sentence_stops_at_a_paragraph_break() -> None:
    # A cover page: title, publisher and date on lines of their own, with no full stops.
    text = (
        "Imagining a Centre of Excellence\n\nThe D2I Consortium\n\nOctober 2025\n\n"
        "How to use this document\n\nThis paper sets out our thinking. It invites comment."
    )
    start = text.index("Imagining")
    end = start + len("Imagining a Centre of Excellence")
    grown = move_edge(text, start, end, "end", "sentence", True)
    assert text[grown[0] : grown[1]] == "Imagining a Centre of Excellence\n\nThe D2I Consortium"
    start = text.index("It invites")
    grown = move_edge(text, start, start + 2, "start", "sentence", True)
    assert text[grown[0] : grown[1]] == "This paper sets out our thinking. It"
    grown = move_edge(text, *grown, "start", "sentence", True)
    assert text[grown[0] : grown[1]].startswith("How to use this document\n\nThis paper")
