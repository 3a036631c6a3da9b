"""Checking an edited Word draft: is every quotation briefgen put in it still its source's exact
words, still there, and still beside its citation?

Each quotation the draft lists is found by its bookmark (or, if an edit lost the bookmark, by a
paragraph in the Quote style that reads much like it), compared with its item's words in the
content as it is now, and its citation with the one written. What the officer added is not
briefgen's and is not checked. A draft without the list (built before briefgen marked its
quotations, or cleaned by Word's Document Inspector) is checked paragraph by paragraph against
the content, and deletions cannot be seen.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from briefgen.content.model import Corpus, Item
from briefgen.content.quotes import normalise_quote
from briefgen.draftmarks import MarkedQuote, citation_bookmark, quote_bookmark
from briefgen.verify.draft import Draft, DraftParagraph, read_draft
from briefgen.verify.worddiff import Piece, similarity, word_diff

QUOTE_STYLE, CITATION_STYLE = "Quote", "Citation"
# How alike a Quote-style paragraph must be to a quotation that lost its bookmark to be taken
# for it (an edited quotation keeps most of its words), and to an item in a draft without
# briefgen's list.
SAME_QUOTATION = 0.6

# Kinds of finding, in the words the report uses for them.
KINDS = {
    "changed": "changed",
    "deleted": "deleted",
    "not-in-content": "no longer in the content",
    "citation-missing": "citation missing",
    "citation-orphaned": "citation orphaned",
    "citation-separated": "citation separated",
    "citation-changed": "citation changed",
}


class Place(NamedTuple):
    """Where something is in the draft, as the officer finds it: its paragraph number as shown
    and the heading it is under."""

    number: str = ""
    heading: str = ""
    built: bool = False  # where it was when the draft was built (it is there no longer)

    def describe(self) -> str:
        if self.number and self.heading:
            where = f"paragraph {self.number} ({self.heading})"
        elif self.number:
            where = f"paragraph {self.number}"
        else:
            where = f"under '{self.heading}'" if self.heading else "before the first heading"
        return f"{where} as built" if self.built else where


class Finding(NamedTuple):
    """One thing about a quotation the officer must put right before the draft goes out."""

    kind: str  # a key of KINDS
    item_id: str
    place: Place  # where it is now (where it was, for a deleted quotation)
    message: str  # one sentence, without the place
    diff: tuple[Piece, ...] = ()  # source words to draft words, for a changed text
    notes: tuple[str, ...] = ()


class DraftCheck(NamedTuple):
    """The result of checking one draft: `findings` empty when every quotation matches."""

    path: Path
    quotations: int  # quotations checked (listed by briefgen, or found by style)
    matching: int  # of those, how many are their source's exact words
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = ()  # about the check as a whole

    @property
    def ok(self) -> bool:
        return not self.findings


def check_draft(path: Path, corpus: Corpus) -> DraftCheck:
    """Check the Word draft at `path` against `corpus`; `BriefgenError` if it cannot be read."""
    draft = read_draft(path)
    if draft.quotations is None:
        return _check_unlisted(path, draft, corpus)
    return _Checker(draft, corpus).run(path)


def place_of(paragraphs: Sequence[DraftParagraph], index: int) -> Place:
    """The paragraph number shown at or before paragraph `index` under its heading, and the
    heading (without its number)."""
    number = ""
    for paragraph in reversed(paragraphs[: index + 1]):
        if paragraph.style.startswith("Heading") or paragraph.style == "Title":
            return Place(number, " ".join(paragraph.text.split("\t")[-1].split()))
        number = number or paragraph.number
    return Place(number)


def _joined(paragraphs: Sequence[DraftParagraph], first: int, last: int) -> str:
    """The quotation's words as the draft has them, less the editor's marks ("[…]") briefgen
    printed where the quoted words start or stop mid-thought: they are not the source's."""
    text = "\n\n".join(paragraph.text for paragraph in paragraphs[first : last + 1])
    return _without_elisions(text)


def _without_elisions(text: str) -> str:
    from briefgen.pack.wording import load_wording

    mark = str(load_wording()["labels"]["elision"])
    stripped = text.strip()
    if stripped.startswith(mark):
        stripped = stripped[len(mark) :].lstrip()
    if stripped.endswith(mark):
        stripped = stripped[: -len(mark)].rstrip()
    return stripped


def _same(one: str, other: str) -> bool:
    return normalise_quote(one) == normalise_quote(other)


def _styled_groups(paragraphs: Sequence[DraftParagraph], claimed: set[int]) -> list[list[int]]:
    """Runs of consecutive Quote-style paragraphs not already taken for a quotation."""
    groups: list[list[int]] = []
    for index, paragraph in enumerate(paragraphs):
        if paragraph.style != QUOTE_STYLE or index in claimed or not paragraph.text.strip():
            continue
        if groups and groups[-1][-1] == index - 1:
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


class _Checker:
    """Checks each quotation briefgen listed in a draft."""

    def __init__(self, draft: Draft, corpus: Corpus) -> None:
        self.draft = draft
        self.paragraphs = draft.paragraphs
        self.corpus = corpus
        self.findings: list[Finding] = []
        self.matching = 0

    def run(self, path: Path) -> DraftCheck:
        listed = self.draft.quotations or []
        found = self._find_quotations(listed)
        starts = sorted(first for first, _ in found.values())
        # A citation found by its bookmark is that quotation's, whatever another's reads.
        claimed_citations = {
            span[0]
            for quote in listed
            if (span := self.draft.bookmarks.get(citation_bookmark(quote.number))) is not None
        }
        for quote in listed:
            span = found.get(quote.number)
            citation = self._find_citation(quote, span, claimed_citations)
            if citation is not None:
                claimed_citations.add(citation)
            self._check_one(quote, span, citation, starts)
        return DraftCheck(path, len(listed), self.matching, tuple(self.findings))

    def _find_quotations(self, listed: Sequence[MarkedQuote]) -> dict[int, tuple[int, int]]:
        """Each listed quotation's first and last paragraph: by its bookmark, else the most
        alike Quote-style paragraphs no bookmark covers."""
        found: dict[int, tuple[int, int]] = {}
        for quote in listed:
            span = self.draft.bookmarks.get(quote_bookmark(quote.number))
            if span is not None:
                found[quote.number] = span
        claimed = {index for first, last in found.values() for index in range(first, last + 1)}
        groups = _styled_groups(self.paragraphs, claimed)
        lost = [quote for quote in listed if quote.number not in found]
        pairs = sorted(
            (
                (similarity(quote.text, _joined(self.paragraphs, group[0], group[-1])), n, g)
                for n, quote in enumerate(lost)
                for g, group in enumerate(groups)
            ),
            reverse=True,
        )
        used_quotes: set[int] = set()
        used_groups: set[int] = set()
        for score, n, g in pairs:
            if score < SAME_QUOTATION:
                break
            if n in used_quotes or g in used_groups:
                continue
            used_quotes.add(n)
            used_groups.add(g)
            found[lost[n].number] = (groups[g][0], groups[g][-1])
        return found

    def _find_citation(
        self, quote: MarkedQuote, span: tuple[int, int] | None, claimed: set[int]
    ) -> int | None:
        """The paragraph holding the quotation's citation: by its bookmark, else a Citation-style
        paragraph reading the same (the first after the quotation, if any is)."""
        marked = self.draft.bookmarks.get(citation_bookmark(quote.number))
        if marked is not None:
            return marked[0]
        candidates = [
            index
            for index, paragraph in enumerate(self.paragraphs)
            if paragraph.style == CITATION_STYLE
            and index not in claimed
            and _same(paragraph.text, quote.citation)
        ]
        after = [index for index in candidates if span is not None and index > span[1]]
        return next(iter(after or candidates), None)

    def _add(
        self,
        kind: str,
        quote: MarkedQuote,
        place: Place,
        message: str,
        diff: tuple[Piece, ...] = (),
        notes: tuple[str, ...] = (),
    ) -> None:
        self.findings.append(Finding(kind, quote.item_id, place, message, diff, notes))

    def _check_one(
        self,
        quote: MarkedQuote,
        span: tuple[int, int] | None,
        citation: int | None,
        starts: list[int],
    ) -> None:
        label = f"the quotation from item '{quote.item_id}'"
        if span is None:
            self._add(
                "deleted",
                quote,
                Place(quote.paragraph, quote.section, built=True),
                f"{label} has been deleted",
            )
            if citation is not None:
                self._add(
                    "citation-orphaned",
                    quote,
                    place_of(self.paragraphs, citation),
                    f"the citation of the deleted quotation from item '{quote.item_id}' is left "
                    f"without it: '{_one_line(quote.citation)}'",
                )
            return
        first, last = span
        place = place_of(self.paragraphs, first)
        self._check_words(quote, _joined(self.paragraphs, first, last), place, label, span)
        if citation is None:
            self._add(
                "citation-missing",
                quote,
                place,
                f"{label} has lost its citation ('{_one_line(quote.citation)}')",
            )
            return
        following = [start for start in starts if start > last]
        if citation <= last or (following and citation > following[0]):
            self._add(
                "citation-separated",
                quote,
                place,
                f"the citation of {label} is no longer beside it; it is now at "
                f"{place_of(self.paragraphs, citation).describe()}",
            )
        written = self.paragraphs[citation].text
        if not _same(written, quote.citation):
            self._add(
                "citation-changed",
                quote,
                place,
                f"the citation of {label} has been changed",
                diff=tuple(word_diff(quote.citation, written)),
            )

    def _check_words(
        self, quote: MarkedQuote, text: str, place: Place, label: str, span: tuple[int, int]
    ) -> None:
        item: Item | None = self.corpus.by_id.get(quote.item_id)
        tracked = any(paragraph.tracked for paragraph in self.paragraphs[span[0] : span[1] + 1])
        notes = ("read with its tracked changes accepted",) if tracked else ()
        if item is None:
            self._add(
                "not-in-content",
                quote,
                place,
                f"item '{quote.item_id}' is no longer in the content, so {label} cannot be "
                "checked against its source; find the words in the source document, or take "
                "the quotation out",
                diff=() if _same(text, quote.text) else tuple(word_diff(quote.text, text)),
                notes=notes,
            )
            return
        if _same(text, item.text):
            self.matching += 1
            return
        if _same(text, quote.text):
            notes = (
                *notes,
                "the draft still has the words it was built with; the item's words in the "
                "content have changed since (rebuild the draft, or copy the new words in)",
            )
        self._add(
            "changed",
            quote,
            place,
            f"{label} no longer matches its source",
            diff=tuple(word_diff(item.text, text)),
            notes=notes,
        )


def _check_unlisted(path: Path, draft: Draft, corpus: Corpus) -> DraftCheck:
    """A draft without briefgen's list: each Quote-style passage compared with the item it reads
    most like."""
    paragraphs = draft.paragraphs
    exact = {normalise_quote(item.text): item for item in corpus.items}
    vocabularies = [(item, set(text.lower().split())) for text, item in exact.items()]
    findings: list[Finding] = []
    unknown: list[str] = []
    groups = _styled_groups(paragraphs, set())
    matching = 0
    for group in groups:
        text = _joined(paragraphs, group[0], group[-1])
        place = place_of(paragraphs, group[0])
        if normalise_quote(text) in exact:
            matching += 1
            continue
        best = _most_alike(text, vocabularies)
        if best is None:
            unknown.append(place.describe())
            continue
        findings.append(
            Finding(
                "changed",
                best.id,
                place,
                f"the quotation from item '{best.id}' no longer matches its source",
                tuple(word_diff(best.text, text)),
            )
        )
    notes = [
        "the draft carries no list of the quotations briefgen put in it (built by an earlier "
        "briefgen, or removed by Word's Document Inspector): each paragraph in the Quote style "
        "was compared with the item it reads most like, and deleted quotations cannot be found"
    ]
    if unknown:
        notes.append(
            f"not checked, as they read like no item in the content: the Quote-style "
            f"paragraphs at {', '.join(unknown)}"
        )
    return DraftCheck(path, len(groups), matching, tuple(findings), tuple(notes))


def _most_alike(text: str, vocabularies: Sequence[tuple[Item, set[str]]]) -> Item | None:
    """The item whose words `text` is most like, if alike enough to be an edit of it
    (`vocabularies`: each item with its set of words, made once per check)."""
    wanted = set(normalise_quote(text).lower().split())
    if not wanted:
        return None
    shortlist = sorted(
        vocabularies,
        key=lambda entry: len(wanted & entry[1]) / len(wanted | entry[1]),
        reverse=True,
    )[:5]
    scored = [(similarity(item.text, text), item) for item, _ in shortlist]
    score, best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    return best if score >= SAME_QUOTATION else None


def _one_line(text: str) -> str:
    return " ".join(text.split())
