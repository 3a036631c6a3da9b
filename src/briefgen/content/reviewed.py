"""Editorial warnings worked out in an earlier check, kept so that after an edit only the items
that changed are reviewed again (`briefgen check` on a library of 10,000 items).

`review_kept` gives exactly what `review.review_corpus` gives. What it keeps, by item id: the
word triples of each quote (as 64-bit digests), the warnings that depend only on an item's text,
headline and locator, and which other quotes each quote nearly duplicates; and an index from
each quote's rarest triples to the quotes holding them. Whether two quotes nearly duplicate each
other depends on their two texts alone, so an item whose text is unchanged keeps its pairs and
only changed or new items are compared, through the index, with the rest. The index is built
with one order of triples (rarest first, as counted when it was made), which must stay the
order of every entry in it for the prefix rule to find every pair; triples first seen later
count as the rarest. Which item of a pair is warned about, `restates`, and the attribution
check are worked out afresh every time. Everything is dropped when the code changes.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import NamedTuple

from briefgen import diskcache
from briefgen.content.model import Corpus, Item
from briefgen.content.review import (
    ReviewNote,
    _shingles,
    attribution_messages,
    duplicate_note,
    in_order,
    is_near_duplicate,
    item_messages,
    prefix_length,
    same_words,
)
from briefgen.content.verified import code_digest

FORMAT = b"briefgen kept review 1"


def _digest(*texts: str) -> bytes:
    hasher = hashlib.blake2b(digest_size=16)
    for text in texts:
        data = text.encode("utf-8", "surrogatepass")
        hasher.update(len(data).to_bytes(8, "big") + data)
    return hasher.digest()


def _triples(text: str) -> frozenset[int]:
    """The quote's word triples, each as a 64-bit digest."""
    return frozenset(
        int.from_bytes(hashlib.blake2b("\x1f".join(t).encode(), digest_size=8).digest(), "big")
        for t in _shingles(text)
    )


class _Kept(NamedTuple):
    rank: dict[int, int]  # how many quotes held each triple when the index was made
    texts: dict[str, bytes]  # item id -> digest of its quote
    triples: dict[str, frozenset[int]]
    prefixes: dict[str, tuple[int, ...]]
    holders: dict[int, set[str]]  # triple -> ids with it among their rarest
    pairs: dict[str, dict[str, bool]]  # id -> ids of quotes it nearly duplicates: same words?
    local: dict[bytes, tuple[str, ...]]  # digest of text, headline, locator -> warnings


def _fresh(corpus: Corpus) -> _Kept:
    triples = {item.id: _triples(item.text) for item in corpus.items}
    rank = Counter(triple for held in triples.values() for triple in held)
    kept = _Kept(dict(rank), {}, {}, {}, {}, {}, {})
    kept.triples.update(triples)
    return kept


def _forget(kept: _Kept, item_id: str) -> None:
    for triple in kept.prefixes.pop(item_id, ()):
        kept.holders[triple].discard(item_id)
    for other in kept.pairs.pop(item_id, {}):
        kept.pairs[other].pop(item_id, None)
    kept.texts.pop(item_id, None)
    kept.triples.pop(item_id, None)


def _add(kept: _Kept, item: Item, current: dict[str, Item]) -> None:
    """Compare `item`'s quote with every kept quote sharing one of its rarest triples."""
    mine = kept.triples.get(item.id) or _triples(item.text)
    kept.triples[item.id] = mine
    kept.texts[item.id] = _digest(item.text)
    rarest = sorted(mine, key=lambda triple: (kept.rank.get(triple, 0), triple))
    prefix = tuple(rarest[: prefix_length(len(mine))])
    candidates = {other for triple in prefix for other in kept.holders.get(triple, ())}
    for other in candidates:
        if is_near_duplicate(mine, kept.triples[other]):
            same = same_words(item, current[other])
            kept.pairs.setdefault(item.id, {})[other] = same
            kept.pairs.setdefault(other, {})[item.id] = same
    kept.prefixes[item.id] = prefix
    for triple in prefix:
        kept.holders.setdefault(triple, set()).add(item.id)


def review_kept(corpus: Corpus, reuse: bool = True) -> list[ReviewNote]:
    """`review_corpus(corpus)`, reviewing again only the items changed since the last check."""
    path = diskcache.entry_path("review", corpus.root)
    key = FORMAT + code_digest()
    stored = diskcache.read(path, key) if reuse else diskcache.MISSING
    kept = stored if isinstance(stored, _Kept) else _fresh(corpus)
    changed = kept is not stored
    current = {item.id: item for item in corpus.items}
    for item_id in list(kept.texts):
        item = current.get(item_id)
        if item is None or kept.texts[item_id] != _digest(item.text):
            _forget(kept, item_id)
            changed = True
    for item in corpus.items:  # in order, as a full review compares them
        if item.id not in kept.texts:
            _add(kept, item, current)
            changed = True
    notes: list[ReviewNote] = []
    local: dict[bytes, tuple[str, ...]] = {}
    for item in corpus.items:
        local_key = _digest(item.text, item.headline, item.locator)
        messages = kept.local.get(local_key)
        if messages is None:
            messages = item_messages(item)
        local[local_key] = messages
        for message in (*messages, *attribution_messages(item, corpus)):
            notes.append(ReviewNote(item.content_file, item.line, item.id, message))
    position = {item.id: index for index, item in enumerate(corpus.items)}
    for item_id, others in kept.pairs.items():
        item = current[item_id]
        for other, same in others.items():
            earlier = current[other]
            if position[other] > position[item_id]:
                continue  # the later of the two is warned about
            if item.restates == earlier.id or earlier.restates == item.id:
                continue
            notes.append(duplicate_note(item, earlier, same))
    if changed or local != kept.local:
        kept.local.clear()
        kept.local.update(local)
        diskcache.write(path, key, kept)
    return in_order(notes)
