"""Kept editorial warnings: `briefgen check` reviews again only the items that changed, and
its warnings are always exactly those of a full review."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefgen.content import load_corpus, reviewed
from briefgen.content.review import review_corpus

QUOTE = (
    "The experience of councils and of other public sector bodies seeking to secure a strategic "
    "partner for service delivery is that the most complex and difficult tasks such as child "
    "protection do not readily attract commercial or not for profit providers."
)
SHORTER = QUOTE.removesuffix(" or not for profit providers.")
ITEMS = f"""\
source: lga-solace-2014
items:
  - id: r-one
    kind: evidence
    org: lga-solace
    locator: Response para 2
    themes: [markets-commissioning]
    headline: Complex work does not attract providers.
    text: {QUOTE}
  - id: r-two
    kind: risk
    org: lga-solace
    locator: Response para 2
    themes: [safeguarding]
    headline: Child protection does not attract providers.
    text: {SHORTER}
"""


@pytest.fixture
def added(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the items compared with the others (not taken as kept)."""
    calls: list[str] = []
    real = reviewed._add

    def counting(kept: object, item: object, current: object) -> None:
        calls.append(item.id)  # type: ignore[attr-defined]
        real(kept, item, current)  # type: ignore[arg-type]

    monkeypatch.setattr(reviewed, "_add", counting)
    return calls


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_kept_warnings_are_those_of_a_full_review_after_every_edit(
    make_content: Callable[..., Path], added: list[str]
) -> None:
    from tests.conftest import SMALL_ITEMS

    content = make_content({"small.yaml": SMALL_ITEMS, "review.yaml": ITEMS})
    items = content / "items" / "review.yaml"

    def same_as_full_review() -> list[str]:
        corpus = load_corpus(content)
        kept = reviewed.review_kept(corpus)
        assert kept == review_corpus(corpus)
        return [f"{note.item}: {note.message.split(' (')[0]}" for note in kept]

    first = same_as_full_review()
    assert "r-two: quote nearly duplicates item 'r-one'" in first
    assert "t-complex: quote duplicates item 'r-one'" in first  # the same words in small.yaml
    assert sorted(added) == ["r-one", "r-two", "t-cherry-picked", "t-complex", "t-flexibility"]
    added.clear()
    assert same_as_full_review() == first
    assert added == []
    edit(items, "headline: Complex work", "headline: All complex work")  # local warnings only
    assert (
        "r-one: headline says 'all', which the quote does not; say only what the quote says"
        in same_as_full_review()
    )
    assert added == []
    two = "Child protection does not attract providers.\n    text: "
    edit(items, two, two.replace("text: ", "restates: r-one\n    text: "))
    assert "r-two: quote nearly duplicates item 'r-one'" not in same_as_full_review()
    flexibility = (
        "The LGA and Solace support the principle of greater flexibility for councils to "
        "deliver services in the way that works best for local children and young people."
    )
    edit(items, "text: " + SHORTER + "\n", f"text: {flexibility}\n")
    assert "t-flexibility: quote duplicates item 'r-two'" in same_as_full_review()
    assert added == ["r-two"]  # only the new text is compared again
    added.clear()
    (content / "items" / "small.yaml").unlink()  # gone: its items' pairs go with it
    assert not [message for message in same_as_full_review() if "'t-" in message]
    assert added == []


def test_a_full_check_reviews_every_item_again(
    make_content: Callable[..., Path], added: list[str]
) -> None:
    corpus = load_corpus(make_content({"review.yaml": ITEMS}))
    reviewed.review_kept(corpus)
    added.clear()
    assert reviewed.review_kept(corpus, reuse=False) == review_corpus(corpus)
    assert sorted(added) == ["r-one", "r-two"]
