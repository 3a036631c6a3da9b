"""What the app renders after a click, and in what order, so the first page shows within a
second: a quick render of the pack's first items, then the full preview that replaces it, with
the previews of recent choices kept (an undo, or ticking a theme back, shows at once).

No Qt: the app's preview controller runs these steps in a worker and drops stale ones.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from briefgen.content.model import Corpus
from briefgen.export import PREVIEW_QUOTE_LIMIT, PreviewResult
from briefgen.pack.model import PackSpec

# The quick render prints this many items: enough for the first page or two, in about a third
# of a full preview's time (docs/decisions/0131).
QUICK_PREVIEW_ITEMS = 3
CACHED_PREVIEWS = 12


@dataclass(frozen=True, slots=True)
class PreviewStep:
    """One render of a preview: how many items it prints, and whether it is the whole preview
    (the quick one is replaced by the whole one as soon as that is ready)."""

    limit: int
    final: bool


def preview_steps(
    corpus: Corpus, spec: PackSpec, limit: int = PREVIEW_QUOTE_LIMIT
) -> list[PreviewStep]:
    """The renders a preview of `spec` takes: the quick one first when the pack has more items
    than it prints, then the full preview."""
    from briefgen.pack import pack_items

    full = PreviewStep(limit, final=True)
    if len(pack_items(corpus, spec)) <= QUICK_PREVIEW_ITEMS:
        return [full]
    return [PreviewStep(QUICK_PREVIEW_ITEMS, final=False), full]


def spec_key(spec: PackSpec) -> str:
    """A key that is equal for equal specs (the dataclasses' repr lists every field)."""
    return repr(spec)


class PreviewCache:
    """The full previews of the last few specs, for one corpus."""

    def __init__(self, size: int = CACHED_PREVIEWS) -> None:
        self.size = size
        self._corpus: Corpus | None = None
        self._results: OrderedDict[tuple[str, bool], PreviewResult] = OrderedDict()

    def get(self, corpus: Corpus, spec: PackSpec, want_pdf: bool) -> PreviewResult | None:
        if corpus is not self._corpus:
            return None
        key = (spec_key(spec), want_pdf)
        result = self._results.get(key)
        if result is not None:
            self._results.move_to_end(key)
        return result

    def put(self, corpus: Corpus, spec: PackSpec, want_pdf: bool, result: PreviewResult) -> None:
        if corpus is not self._corpus:  # reloaded content: every kept preview may be wrong
            self._corpus = corpus
            self._results.clear()
        self._results[(spec_key(spec), want_pdf)] = result
        while len(self._results) > self.size:
            self._results.popitem(last=False)
