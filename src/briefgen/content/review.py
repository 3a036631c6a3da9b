"""Editorial checks on a verified corpus: faults a reader checking items against their sources
would catch although every quote is exact (a headline claiming more than its quote, a quote cut
mid-sentence, the wrong speaker, the same words twice). `briefgen check` prints them as warnings.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any, NamedTuple

from briefgen.content.model import Corpus, Item, Source
from briefgen.content.quotes import normalise_quote

# Number words a headline may use for a figure its quote gives in digits, or the other way round
# ("one" is left out: it is as often a pronoun or "a single" as a count).
_NUMBER_WORDS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
}  # fmt: skip

# Quantifiers a headline must not introduce: each group lists the words that say the same thing,
# so "every council" in a headline is borne out by "all councils" in its quote.
_QUANTIFIER_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"all", "every", "everyone", "everybody", "everything", "each", "any", "universal"}),
    frozenset({"only", "sole", "solely"}),
    frozenset({"always"}),
    frozenset({"never"}),
    frozenset({"none", "nobody", "nothing"}),
    frozenset({"most", "majority"}),
    frozenset({"half", "halved", "halve", "50"}),
    frozenset({"third", "thirds"}),
    frozenset({"quarter", "quarters"}),
    frozenset({"twice", "double", "doubled", "doubling"}),
    frozenset({"many"}),
)
_QUANTIFIER_OF = {word: group for group in _QUANTIFIER_GROUPS for word in group}
# Words that bear a claim out but do not make one in a headline ("help each other").
_NOT_CLAIMS = frozenset({"each", "any", "universal", "sole"})
_WORD = re.compile(r"[a-z]+|\d+(?:[.,]\d+)*")
# "Three in four" says what "75%" says.
_FRACTIONS = {
    "one in two": "50", "one in three": "33", "two in three": "67", "one in four": "25",
    "three in four": "75", "one in five": "20", "four in five": "80", "one in ten": "10",
    "nine in ten": "90",
}  # fmt: skip
_FRACTION = re.compile(r"\b(?:" + "|".join(_FRACTIONS) + r")\b")

# A footnote mark left in a quote: a superscript digit, a <sup> marker, or digits glued to the
# end of a word ("achievable81", "care1.") as PDF conversion leaves them.
_FOOTNOTE = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]|<sup>|\b[a-z]{3,}\d{1,3}(?=[\s.,;:]|$)")

# Two quotes say the same thing when the shorter one's word triples are nearly all in the longer
# and the longer adds little: a summary repeating a body paragraph, not Option Two extending
# Option One.
NEAR_DUPLICATE = 0.8
LITTLE_ADDED = 0.5  # shared triples over all triples of the two
_SHINGLE = 3


class ReviewNote(NamedTuple):
    """One warning about an item: where it is written and what a reader would object to."""

    file: str
    line: int
    item: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: item '{self.item}': {self.message}"


def review_corpus(corpus: Corpus) -> list[ReviewNote]:
    """Every editorial warning for `corpus`, in file and line order."""
    notes: list[ReviewNote] = []
    for item in corpus.items:
        for message in (*item_messages(item), *attribution_messages(item, corpus)):
            notes.append(ReviewNote(item.content_file, item.line, item.id, message))
    notes.extend(_duplicates(corpus.items))
    return in_order(notes)


def in_order(notes: list[ReviewNote]) -> list[ReviewNote]:
    return sorted(notes, key=lambda note: (note.file, note.line, note.message))


def item_messages(item: Item) -> tuple[str, ...]:
    """The warnings about `item` that depend on nothing but its text, headline and locator."""
    return (*_headline_claims(item), *_quote_shape(item))


def attribution_messages(item: Item, corpus: Corpus) -> tuple[str, ...]:
    return tuple(_attribution(item, corpus.sources[item.source], corpus))


def _words(text: str) -> list[str]:
    """Lower-case words and numbers (thousands separators dropped), number words as digits."""
    text = _FRACTION.sub(lambda match: _FRACTIONS[match.group()], text.lower())
    words = [word.replace(",", "") for word in _WORD.findall(text)]
    return [_NUMBER_WORDS.get(word, word) for word in words]


def _headline_claims(item: Item) -> Iterator[str]:
    """A number or quantifier in the headline that its quote does not give (a number in the
    locator, such as "Option 2", is a reference, not a claim)."""
    if not item.headline:
        yield "no headline; write a plain-English one that claims no more than the quote"
        return
    quote = {*_words(normalise_quote(item.text)), *_words(item.locator)}
    missing: list[str] = []
    # A capitalised word after the first is part of a name ("Every Child Matters"), not a claim.
    first, *rest = item.headline.split(maxsplit=1) or [""]
    claims = " ".join([first, *(w for w in "".join(rest).split() if not w[:1].isupper())])
    for word in _words(claims):
        if word[0].isdigit():
            if word not in quote:
                missing.append(word)
        elif (
            word in _QUANTIFIER_OF
            and word not in _NOT_CLAIMS
            and not (_QUANTIFIER_OF[word] & quote)
        ):
            missing.append(word)
    if missing:
        listed = ", ".join(f"'{word}'" for word in dict.fromkeys(missing))
        yield (f"headline says {listed}, which the quote does not; say only what the quote says")


def _quote_shape(item: Item) -> Iterator[str]:
    """A quote cut where a reader cannot follow it: mid-sentence, before its list, or carrying
    a footnote mark."""
    text = item.text.strip()
    opening = text.lstrip("'\"‘“([")
    if opening[:1].islower():
        yield (
            f"quote starts mid-sentence ('{' '.join(opening.split()[:4])} …'); start it where "
            "the sentence starts, or include the words that introduce the list it comes from"
        )
    if text.endswith(":"):
        yield (
            "quote ends with ':' and leaves out what it introduces; end it at a full stop or "
            "include the list"
        )
    mark = _FOOTNOTE.search(text)
    if mark:
        yield (
            f"quote carries a footnote mark or page furniture ('{mark.group()}'); end the quote "
            "before it or leave the mark out"
        )


def _attribution(item: Item, source: Source, corpus: Corpus) -> Iterator[str]:
    """An organisation the source neither lists as a voice it reports nor names as publisher."""
    if item.org in source.organisations:
        return
    if not source.organisations:
        org = corpus.organisations.get(item.org)
        publisher = source.publisher.casefold()
        if org is not None and (
            org.name.casefold() in publisher or org.short.casefold() in publisher
        ):
            return
    yield (
        f"organisation '{item.org}' is not among the views source '{source.id}' reports; "
        "attribute the item to the body whose view it is, or add the organisation to the "
        "source's `organisations` in sources.yaml"
    )


def _shingles(text: str) -> frozenset[tuple[str, ...]]:
    words = _words(normalise_quote(text))
    if len(words) < _SHINGLE:
        return frozenset({tuple(words)})
    return frozenset(tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1))


def _duplicates(items: tuple[Item, ...]) -> Iterator[ReviewNote]:
    """Items whose quotes are the same words, or mostly the same words, as an earlier item's;
    an item marked as restating the other (`restates`) is left alone."""
    # Two quotes are compared only if they share a triple among the rarer part of each
    # ("prefix filtering", as set-similarity joins do): quotes sharing at least LITTLE_ADDED of
    # their triples always do, so the warnings are those of comparing every pair, while common
    # wording ("of the council") no longer makes every quote a candidate for every other.
    triples = [_shingles(item.text) for item in items]
    frequency = Counter(triple for shingles in triples for triple in shingles)
    holders: dict[tuple[str, ...], list[int]] = {}
    for index, item in enumerate(items):
        shingles = triples[index]
        rarest = sorted(shingles, key=lambda triple: (frequency[triple], triple))
        # Rounded down, so the prefix is never shorter than the rule needs.
        prefix = rarest[: prefix_length(len(shingles))]
        candidates = sorted({earlier for triple in prefix for earlier in holders.get(triple, ())})
        for earlier_index in candidates:
            earlier = items[earlier_index]
            if item.restates == earlier.id or earlier.restates == item.id:
                continue
            if not is_near_duplicate(shingles, triples[earlier_index]):
                continue
            yield duplicate_note(item, earlier)
        for triple in prefix:
            holders.setdefault(triple, []).append(index)


def same_words(first: Item, second: Item) -> bool:
    return normalise_quote(first.text).casefold() == normalise_quote(second.text).casefold()


def duplicate_note(item: Item, earlier: Item, same: bool | None = None) -> ReviewNote:
    """The warning that `item` repeats (or nearly repeats, unless `same`) `earlier`'s words."""
    same = same_words(item, earlier) if same is None else same
    what = "duplicates" if same else "nearly duplicates"
    return ReviewNote(
        item.content_file,
        item.line,
        item.id,
        f"quote {what} item '{earlier.id}' ({earlier.content_file}:{earlier.line}); "
        f"keep one, or mark this one `restates: {earlier.id}` so a pack never prints both",
    )


def is_near_duplicate(first: frozenset[Any], second: frozenset[Any]) -> bool:
    """Whether quotes with the word triples `first` and `second` say nearly the same thing."""
    shared = len(first & second)
    smaller = min(len(first), len(second))
    union = len(first) + len(second) - shared
    return shared / smaller >= NEAR_DUPLICATE and shared / union >= LITTLE_ADDED


def prefix_length(size: int) -> int:
    """How many of a quote's rarest triples must be indexed for every near duplicate of it to
    share one of them (rounded so the prefix is never shorter than the rule needs)."""
    return size - math.floor(LITTLE_ADDED * size) + 1
