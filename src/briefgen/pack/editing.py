"""Editing a pack spec the way the app does: the item list's rows, ticking and moving items,
theme counts, and putting right what an old pack file names that this briefgen does not know.

Pure functions over the core's types (no Qt), so the desktop app is a thin shell over them and
they are tested without a window.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from briefgen.content.model import Corpus, Item
from briefgen.pack.builder import ordered_themes, pack_items
from briefgen.pack.labels import audience_label, layout_label
from briefgen.pack.model import LAYOUTS, MARKINGS, PURPOSES, PackSpec
from briefgen.selection import AUDIENCES, matches_search, primary_theme, select_items


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One line of the item list: the item (its `key` as the officer marked it), whether the
    pack includes it, its theme there, and whether it leads the theme (the officer marked it)."""

    item: Item
    included: bool
    theme: str
    leads: bool = False
    # A committee report's included item: True in the body, False in Appendix A; else None.
    in_body: bool | None = None
    # A member briefing's included item: True when the briefing quotes it, False when it only
    # counts it among those left to the evidence pack; else None.
    quoted: bool | None = None

    @property
    def group(self) -> tuple[str, bool]:
        """Items move only within this: their theme, the officer's key items apart."""
        return (self.theme, self.leads)


def item_rows(corpus: Corpus, spec: PackSpec) -> list[ItemRow]:
    """The pack's items in pack order, with the items the officer excluded left in their places
    (unticked), so ticking one again puts it back where it was."""
    unexcluded = replace(spec, excluded=[])
    items = pack_items(corpus, unexcluded)
    themes = ordered_themes(corpus, unexcluded, items)
    excluded, leading = set(spec.excluded), set(spec.key_items)
    body = report_body(corpus, spec)
    quoted = briefing_quoted(spec, [i for i in items if i.id not in excluded], themes)
    return [
        ItemRow(
            item,
            item.id not in excluded,
            primary_theme(item, themes),
            item.id in leading,
            None if body is None or item.id in excluded else item.id in body,
            None if quoted is None or item.id in excluded else item.id in quoted,
        )
        for item in items
    ]


def briefing_quoted(
    spec: PackSpec, included: Sequence[Item], themes: Sequence[str]
) -> set[str] | None:
    """The ids of the `included` items a member briefing quotes (the strongest few on each
    theme; it counts the others), by the builder's own rule; None for another layout."""
    if spec.layout != "member-briefing":
        return None
    from briefgen.pack.layouts.member_briefing import quoted_ids

    return quoted_ids(included, themes, AUDIENCES[spec.audience])


def report_body(corpus: Corpus, spec: PackSpec) -> set[str] | None:
    """The ids of the items a committee report quotes in its body (the others go to Appendix
    A), as the builder chooses them; None for a layout with no body and appendix."""
    if spec.layout != "committee-report":
        return None
    from briefgen.pack.builder import pack_parts
    from briefgen.pack.layouts.committee_report import body_items

    return body_items(pack_parts(corpus, spec))


def set_in_body(corpus: Corpus, spec: PackSpec, item_id: str, body: bool) -> None:
    """Quote `item_id` in the committee report's body or in Appendix A: `spec` lists the item
    in `in_body` or `in_appendix` only where that differs from the builder's own choice."""
    spec.in_body = [other for other in spec.in_body if other != item_id]
    spec.in_appendix = [other for other in spec.in_appendix if other != item_id]
    chosen = report_body(corpus, spec) or set()
    if body and item_id not in chosen:
        spec.in_body.append(item_id)
    elif not body and item_id in chosen:
        spec.in_appendix.append(item_id)


def set_included(spec: PackSpec, item_id: str, included: bool) -> None:
    """Tick or untick `item_id` in `spec`: an unticked item is listed in `excluded`."""
    if included:
        spec.excluded = [other for other in spec.excluded if other != item_id]
    elif item_id not in spec.excluded:
        spec.excluded = [*spec.excluded, item_id]


def set_key(spec: PackSpec, item: Item, key: bool) -> None:
    """Mark `item` (as the content has it) key or not in `spec`: a key item the officer marks
    leads its theme; unmarking one the content marks key lists it in `not_key`."""
    spec.key_items = [other for other in spec.key_items if other != item.id]
    spec.not_key = [other for other in spec.not_key if other != item.id]
    if key:
        spec.key_items.append(item.id)
    elif item.key:
        spec.not_key.append(item.id)


def theme_counts(corpus: Corpus, audience: str) -> dict[str, int]:
    """How many items each theme gives `audience` (the numbers shown beside the themes)."""
    counts: Counter[str] = Counter()
    for item in select_items(corpus, themes=(), audience=audience):
        counts.update(item.themes)
    return {theme: counts.get(theme, 0) for theme in corpus.themes}


def matching_rows(
    corpus: Corpus,
    rows: Sequence[ItemRow],
    kinds: Iterable[str] = (),
    orgs: Iterable[str] = (),
    sources: Iterable[str] = (),
    search: str = "",
) -> list[int]:
    """Indexes of the `rows` the filters keep (the core's `matches_search` for the search)."""
    wanted_kinds, wanted_orgs, wanted_sources = set(kinds), set(orgs), set(sources)
    words = search.strip()
    keep = []
    for index, row in enumerate(rows):
        item = row.item
        if wanted_kinds and item.kind not in wanted_kinds:
            continue
        if wanted_orgs and item.org not in wanted_orgs:
            continue
        if wanted_sources and item.source not in wanted_sources:
            continue
        if words and not matches_search(item, words, corpus):
            continue
        keep.append(index)
    return keep


def _order_with(
    spec: PackSpec, rows: Sequence[ItemRow], group: tuple[str, bool], ids: list[str]
) -> None:
    """Record `ids` (every listed item of `group`, in their new order) in `spec.order`, keeping
    the order already recorded for other themes."""
    in_theme = {row.item.id for row in rows if row.group == group}
    spec.order = [item_id for item_id in spec.order if item_id not in in_theme] + ids


def move_item(
    spec: PackSpec,
    rows: Sequence[ItemRow],
    item_id: str,
    step: int,
    visible: Sequence[int] | None = None,
) -> bool:
    """Move `item_id` `step` places (-1 up, +1 down) among the `visible` rows of its own theme;
    False if it is already first or last there. Items keep to their theme (and the officer's key
    items lead it): a pack is grouped by theme, so that is the only order `PackSpec.order` can
    express."""
    shown = list(range(len(rows))) if visible is None else list(visible)
    position = next((n for n, i in enumerate(shown) if rows[i].item.id == item_id), None)
    if position is None:
        return False
    group = rows[shown[position]].group
    neighbour = position + step
    if not 0 <= neighbour < len(shown) or rows[shown[neighbour]].group != group:
        return False
    ids = [row.item.id for row in rows if row.group == group]
    target_id = rows[shown[neighbour]].item.id
    ids.remove(item_id)
    at = ids.index(target_id) + (1 if step > 0 else 0)
    ids.insert(at, item_id)
    _order_with(spec, rows, group, ids)
    return True


def move_item_to(spec: PackSpec, rows: Sequence[ItemRow], item_id: str, before: int) -> bool:
    """Move `item_id` to just before row `before` (len(rows) for the end), as a drag and drop
    does. A drop in another theme puts it at the nearest end of its own theme."""
    index = next((n for n, row in enumerate(rows) if row.item.id == item_id), None)
    if index is None:
        return False
    group = rows[index].group
    theme_rows = [n for n, row in enumerate(rows) if row.group == group]
    first, last = theme_rows[0], theme_rows[-1]
    before = min(max(before, first), last + 1)
    if before in (index, index + 1):
        return False
    ids = [rows[n].item.id for n in theme_rows]
    target = rows[before].item.id if before <= last else None
    ids.remove(item_id)
    ids.insert(ids.index(target) if target else len(ids), item_id)
    _order_with(spec, rows, group, ids)
    return True


def tidy_spec(corpus: Corpus, spec: PackSpec) -> list[str]:
    """Put right what a pack file names that this briefgen does not know (an unknown theme,
    layout, audience, marking or purpose), so the pack opens; return what was changed."""
    default = PackSpec()
    notes = []
    unknown = [theme for theme in spec.themes if theme not in corpus.themes]
    if unknown:
        spec.themes = [theme for theme in spec.themes if theme in corpus.themes]
        notes.append("unknown themes left out: " + ", ".join(unknown))
    if spec.layout not in LAYOUTS:
        replacement = layout_label(default.layout).lower()
        notes.append(f"unknown layout '{spec.layout}' replaced by {replacement}")
        spec.layout = default.layout
    if spec.audience not in AUDIENCES:
        replacement = audience_label(default.audience).lower()
        notes.append(f"unknown audience '{spec.audience}' replaced by {replacement}")
        spec.audience = default.audience
    if spec.meeting.marking not in MARKINGS:
        notes.append(f"unknown protective marking '{spec.meeting.marking}' removed")
        spec.meeting.marking = default.meeting.marking
    if spec.meeting.purpose not in PURPOSES:
        replacement = default.meeting.purpose
        notes.append(f"unknown purpose '{spec.meeting.purpose}' replaced by {replacement}")
        spec.meeting.purpose = replacement
    return notes


def missing_notice(missing: Sequence[str]) -> str:
    """What to tell the officer when a pack names items the content no longer has."""
    count = len(missing)
    listed = ", ".join(missing[:12]) + (f" and {count - 12} more" if count > 12 else "")
    which = "an item that is" if count == 1 else f"{count} items that are"
    return (
        f"This pack refers to {which} no longer in the content: {listed}. "
        "They are left out of the pack; everything else is as it was saved. "
        "Saving keeps the references, in case the items come back."
    )
