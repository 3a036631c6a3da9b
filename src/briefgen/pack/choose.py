"""Which items a short pack quotes when it cannot quote them all: one stated rule, used by the
member briefing (per theme) and the committee report's body (per theme, the main risks, the
sources' options).

The rule, in order: items flagged `key` before the others; then one item from each
organisation before a second from any; then the audience's order of kinds; then pack order.
So a theme with six key items from one organisation and one from another leads with one of
each, and a second organisation's voice is never crowded out by the first's volume.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.content.model import ITEM_KINDS, Item


def ranked(items: Sequence[Item], kinds: Sequence[str]) -> list[Item]:
    """`items` (in pack order) strongest first, by the rule above; `kinds`: the audience's
    order of kinds (kinds it does not list rank after them, in the content's order)."""

    def kind_rank(item: Item) -> tuple[int, int]:
        listed = kinds.index(item.kind) if item.kind in kinds else len(kinds)
        return (listed, ITEM_KINDS.index(item.kind))

    by_kind = sorted(enumerate(items), key=lambda pair: (kind_rank(pair[1]), pair[0]))
    rounds: dict[tuple[bool, str], int] = {}
    keyed = []
    for position, item in by_kind:
        group = (item.key, item.org)
        turn = rounds.get(group, 0)  # how many of this organisation's items rank before it
        rounds[group] = turn + 1
        keyed.append(((not item.key, turn, kind_rank(item), position), item))
    keyed.sort(key=lambda pair: pair[0])
    return [item for _, item in keyed]


def strongest(items: Sequence[Item], kinds: Sequence[str], count: int) -> list[Item]:
    """The `count` strongest of `items` by the rule, in their pack order."""
    chosen = {item.id for item in ranked(items, kinds)[: max(count, 0)]}
    return [item for item in items if item.id in chosen]
