"""The passes over a source's blocks as first read, before they are linked to their headings:
quotations of other authors and footnotes printed as text left out, and the items of a list
whose bullets the extractor did not keep marked as list items.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from briefgen.library.suggest import furniture
from briefgen.library.suggest.heading_lines import ends_lead_in

# A block as first read, before it is linked to its heading and lead-in.
RawBlock = tuple[int, int, str, bool, str]  # start, end, label, listed, marker


def _parted(heading_starts: Sequence[int], end: int, start: int) -> bool:
    """True when a heading starts between offsets `end` and `start`."""
    return bisect_right(heading_starts, start) > bisect_right(heading_starts, end)


def without_quotations(
    text: str, blocks: list[RawBlock], heading_starts: Sequence[int]
) -> list[RawBlock]:
    """Leave out quotations of other authors and their attribution lines: the paragraphs
    just above a line such as "-- John Gall, Systemantics", back to one in which the
    document speaks for itself ("we", "our") or introduces the quotation (a colon), a list
    item or a heading (decision 0188)."""
    skipped: set[int] = set()
    for index, (start, end, _, _, marker) in enumerate(blocks):
        if not furniture.is_attribution(marker + text[start:end]):
            continue
        skipped.add(index)
        before = index - 1
        while (
            before >= 0
            and index - before <= furniture.MAX_QUOTED_PARAGRAPHS
            and not blocks[before][3]
            and not _parted(heading_starts, blocks[before][1], blocks[before + 1][0])
            and not furniture.own_voice(text[blocks[before][0] : blocks[before][1]])
        ):
            skipped.add(before)
            before -= 1
    return [block for index, block in enumerate(blocks) if index not in skipped]


_BARE_NUMBER = re.compile(r"[ \t]*(\d{1,3})[ \t]+")


def without_footnotes(
    text: str, blocks: list[RawBlock], heading_starts: Sequence[int]
) -> list[RawBlock]:
    """Leave out footnotes printed as text: a run of lines numbered without a stop ("3 Our
    favourite introduction…", "4 Internal metrics are…") that ends its section, follows a
    paragraph rather than introducing a list, and whose numbers start past 1 without
    continuing a list above it (footnote numbers run on through the document)."""
    skipped: set[int] = set()
    listed_numbers: set[tuple[int, int]] = set()  # (section, number) of list items kept
    index = 0
    while index < len(blocks):
        number = _BARE_NUMBER.fullmatch(blocks[index][4])
        if number is None:
            index += 1
            continue
        last = index
        while (
            last + 1 < len(blocks)
            and (following := _BARE_NUMBER.fullmatch(blocks[last + 1][4])) is not None
            and int(following.group(1)) == int(number.group(1)) + last + 1 - index
            and not _parted(heading_starts, blocks[last][1], blocks[last + 1][0])
        ):
            last += 1
        section = bisect_right(heading_starts, blocks[index][0])
        first = int(number.group(1))
        ends_section = last + 1 == len(blocks) or _parted(
            heading_starts, blocks[last][1], blocks[last + 1][0]
        )
        previous = blocks[index - 1] if index else None
        after_paragraph = (
            previous is not None
            and not _parted(heading_starts, previous[1], blocks[index][0])
            and not previous[3]
            and not ends_lead_in(text[previous[0] : previous[1]])
        )
        if (
            ends_section
            and after_paragraph
            and first > 1
            and (section, first - 1) not in (listed_numbers)
        ):
            skipped.update(range(index, last + 1))
        else:
            listed_numbers.update((section, first + k) for k in range(last + 1 - index))
        index = last + 1
    return [block for index, block in enumerate(blocks) if index not in skipped]


def unmarked_items(
    text: str, blocks: list[RawBlock], heading_starts: Sequence[int]
) -> list[RawBlock]:
    """Mark as list items the paragraphs of a list whose bullets the extractor did not keep (a
    Word list): after a paragraph ending in a colon, one-line paragraphs without a closing
    stop, each a single sentence (or lines that go on the lead-in's sentence in lower case),
    and the one that closes a list whose items end in a comma, "and" or "or"."""
    marked = list(blocks)
    open_list = False  # the block before is a lead-in or an item of an unmarked list
    runs_on = False  # and that item ends as if the sentence went on
    for index, (start, end, label, listed, marker) in enumerate(blocks):
        body = text[start:end].rstrip(" *")
        if not body:  # a line of marks alone ("*", a note's symbol set apart): no item
            open_list = runs_on = False
            continue
        parted = index > 0 and _parted(heading_starts, blocks[index - 1][1], start)
        one_sentence = "\n" not in body and not re.search(r"[.!?]\s+[A-Z]", body)
        lower = body[0].islower()  # goes on the lead-in's sentence, however many lines
        item = (one_sentence or lower) and (body[-1] not in ".!?:" or runs_on or lower)
        if open_list and not parted and not label and not listed and item:
            marked[index] = (start, end, label, True, marker)
            runs_on = bool(re.search(r"(?:[,;]|\b(?:and|or))$", body))
            open_list = body[-1] not in ".!?:"
            continue
        open_list = not listed and body.endswith(":")
        runs_on = False
    return marked
