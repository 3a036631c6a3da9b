"""What every layout is given (`PackParts`) and what it gives back (`Draft` sections).

A layout is a function from explicit data to drafts: nothing it calls keeps state between
calls. Anchors, paragraph numbers and acronym explanations depend on a section's place in the
whole pack, so they are worked out afterwards, over the finished list (`finish`,
`number_chapters`, `briefgen.pack.acronyms`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from briefgen.audiences import Audience
from briefgen.content.model import Corpus, GlossaryEntry, Item
from briefgen.pack.elision import elisions
from briefgen.pack.model import (
    Block,
    BulletList,
    PackSpec,
    Paragraph,
    Placeholder,
    Quote,
    Section,
)
from briefgen.selection import primary_theme


class PackParts(NamedTuple):
    """Everything a layout lays out, worked out once per pack and passed to each part of it."""

    corpus: Corpus
    spec: PackSpec
    wording: dict[str, Any]  # all of templates/wording.yaml
    words: dict[str, Any]  # the layout's own section of it
    audience: Audience
    items: tuple[Item, ...]  # in pack order
    themes: tuple[str, ...]  # in pack order
    acronyms: tuple[GlossaryEntry, ...]  # the terms this pack explains; () for none

    def kind_label(self, kind: str, plural: bool = False) -> str:
        return str(self.wording["kinds"][kind][1 if plural else 0])

    def theme_label(self, theme: str) -> str:
        return self.corpus.themes[theme].label

    def items_in(self, theme: str, kinds: Iterable[str] | None = None) -> list[Item]:
        """The pack's items shown under `theme` (of `kinds` only, if given), in pack order."""
        wanted = set(kinds) if kinds is not None else None
        themes = list(self.themes)
        return [
            item
            for item in self.items
            if primary_theme(item, themes) == theme and (wanted is None or item.kind in wanted)
        ]


class Explained(NamedTuple):
    """A block in which the pack explains each acronym it uses for the first time (quotes,
    briefgen's own paragraphs, the key messages), when it explains acronyms at all."""

    block: Paragraph | Quote | BulletList


DraftBlock = Block | Explained


class Draft(NamedTuple):
    """A section as a layout writes it; `finish` turns it into the pack's `Section`."""

    title: str
    blocks: tuple[DraftBlock, ...] = ()
    level: int = 1
    number: str = ""
    numbered: bool = True  # in a numbered layout, whether its paragraphs are numbered
    appendix: bool = False  # after a report's body, not counted against its length norm


def paragraph(text: str, role: str = "briefgen", label: str = "") -> Paragraph:
    """A paragraph of `text` with its line breaks and runs of spaces folded."""
    return Paragraph(" ".join(text.split()), role, label=label)


def explained(text: str) -> Explained:
    """A paragraph of briefgen's own wording, its acronyms explained."""
    return Explained(paragraph(text))


def placeholder(text: str) -> Placeholder:
    return Placeholder(" ".join(text.split()))


def quote(parts: PackParts, item: Item) -> Explained:
    """`item`'s exact words with its kind, citation and briefgen's headline, and where an
    editor's ellipsis marks that it begins or ends mid-thought."""
    elided_start, elided_end = elisions(item, parts.corpus.sources.get(item.source))
    return Explained(
        Quote(
            item_id=item.id,
            kind=item.kind,
            kind_label=parts.kind_label(item.kind),
            text=item.text,
            citation=parts.corpus.citation(item),
            headline=item.headline,
            elided_start=elided_start,
            elided_end=elided_end,
        )
    )


def officer_paragraphs(text: str) -> list[Paragraph]:
    """The officer's `text` as paragraphs, split where they left a blank line."""
    return [paragraph(chunk, "officer") for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]


# --- After the layout: numbers and anchors -----------------------------------------------------

_NUMBERED_BLOCKS = (Paragraph, Placeholder, Quote)


def _with_number(block: DraftBlock, number: str) -> DraftBlock:
    if isinstance(block, Explained):
        return Explained(block.block._replace(number=number))
    return block._replace(number=number)


def number_chapters(
    chapters: Sequence[Sequence[Draft]], labels: Sequence[str] | None = None
) -> list[Draft]:
    """A committee report's numbering: each chapter (a section and the subsections under it)
    numbered 1, 2, ... (or by `labels`: "A", "B" for appendices), and each paragraph,
    placeholder and quote in it 3.1, 3.2, ... (lists and tables follow the paragraph that
    introduces them). Empty chapters are left out."""
    numbered: list[Draft] = []
    present = [chapter for chapter in chapters if chapter]
    names = list(labels) if labels is not None else [str(n) for n in range(1, len(present) + 1)]
    for chapter_number, chapter in zip(names, present, strict=False):
        count = 0
        for index, draft in enumerate(chapter):
            blocks = []
            for block in draft.blocks:
                inner = block.block if isinstance(block, Explained) else block
                if draft.numbered and isinstance(inner, _NUMBERED_BLOCKS):
                    count += 1
                    block = _with_number(block, f"{chapter_number}.{count}")
                blocks.append(block)
            number = chapter_number if index == 0 else draft.number
            numbered.append(draft._replace(blocks=tuple(blocks), number=number))
    return numbered


def anchors(titles: Iterable[str]) -> list[str]:
    """A unique anchor for each title, in order: "key-messages", then "key-messages-2"."""
    taken: set[str] = set()
    result = []
    for title in titles:
        base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "section"
        anchor, counter = base, 2
        while anchor in taken:
            anchor, counter = f"{base}-{counter}", counter + 1
        taken.add(anchor)
        result.append(anchor)
    return result


def finish(drafts: Sequence[Draft], explained_blocks: Sequence[tuple[Block, ...]]) -> list[Section]:
    """The pack's sections: each draft with its anchor and its finished blocks."""
    return [
        Section(
            draft.title,
            anchor,
            draft.level,
            draft.number,
            blocks,
            appendix=draft.appendix,
        )
        for draft, anchor, blocks in zip(
            drafts, anchors(d.title for d in drafts), explained_blocks, strict=True
        )
    ]
