"""The preview's quick first render and its cache, and exporting for several audiences: each
file exactly what exporting for that audience alone writes."""

from __future__ import annotations

from pathlib import Path

from briefgen.content import Corpus
from briefgen.export import (
    PREVIEW_QUOTE_LIMIT,
    check_audiences_export,
    export_for_audiences,
    export_pack,
    render_preview,
)
from briefgen.pack import PackSpec
from briefgen.preview_plan import QUICK_PREVIEW_ITEMS, PreviewCache, PreviewStep, preview_steps


def test_a_pack_longer_than_the_quick_render_previews_its_first_items_first(
    app_corpus: Corpus,
) -> None:
    spec = PackSpec(audience="scrutiny")
    steps = preview_steps(app_corpus, spec)
    assert steps == [
        PreviewStep(QUICK_PREVIEW_ITEMS, final=False),
        PreviewStep(PREVIEW_QUOTE_LIMIT, final=True),
    ]
    quick = render_preview(app_corpus, spec, want_pdf=False, limit=steps[0].limit)
    assert quick.shown_items == QUICK_PREVIEW_ITEMS < quick.total_items
    full = render_preview(app_corpus, spec, want_pdf=False, limit=steps[1].limit)
    assert full.shown_items == full.total_items == 12


def test_a_short_pack_is_rendered_once(app_corpus: Corpus) -> None:
    spec = PackSpec(audience="members", themes=["workforce"])
    assert preview_steps(app_corpus, spec) == [PreviewStep(PREVIEW_QUOTE_LIMIT, final=True)]


def test_the_cache_keeps_recent_previews_for_equal_specs_of_one_corpus(
    app_corpus: Corpus, small_corpus: Corpus
) -> None:
    cache = PreviewCache(size=2)
    first = render_preview(app_corpus, PackSpec(themes=["funding"]), want_pdf=False)
    cache.put(app_corpus, PackSpec(themes=["funding"]), False, first)
    assert cache.get(app_corpus, PackSpec(themes=["funding"]), False) is first
    assert cache.get(app_corpus, PackSpec(themes=["funding"]), True) is None
    assert cache.get(app_corpus, PackSpec(themes=["workforce"]), False) is None
    assert cache.get(small_corpus, PackSpec(themes=["funding"]), False) is None
    for theme in ("workforce", "early-help"):  # the oldest goes first
        cache.put(app_corpus, PackSpec(themes=[theme]), False, first)
    assert cache.get(app_corpus, PackSpec(themes=["funding"]), False) is None
    cache.put(small_corpus, PackSpec(), False, first)  # other content: the rest is dropped
    assert cache.get(app_corpus, PackSpec(themes=["workforce"]), False) is None


def test_several_audiences_give_one_file_each_as_if_exported_alone(
    app_corpus: Corpus, tmp_path: Path
) -> None:
    spec = PackSpec(themes=["funding"], audience="members")
    spec.meeting.title = "Funding review"
    path = tmp_path / "Funding review.html"
    results = export_for_audiences(app_corpus, spec, path, "html", ["scrutiny", "partners"])
    assert [result.path.name for result in results] == [
        "Funding review-scrutiny.html",
        "Funding review-partners.html",
    ]
    assert [result.audience_label for result in results] == [
        "Overview and scrutiny committee",
        "Partners",
    ]
    assert spec.audience == "members", "the officer's pack is left as it was"
    for audience, result in zip(("scrutiny", "partners"), results, strict=True):
        alone = tmp_path / f"alone-{audience}.html"
        spec_alone = PackSpec(themes=["funding"], audience=audience)
        spec_alone.meeting.title = "Funding review"
        export_pack(app_corpus, spec_alone, alone, "html")
        assert result.path.read_bytes() == alone.read_bytes()


def test_exporting_for_no_audience_or_a_missing_folder_says_what_to_do(
    app_corpus: Corpus, tmp_path: Path
) -> None:
    spec = PackSpec(themes=["funding"])
    check = check_audiences_export(app_corpus, spec, tmp_path / "p.pdf", "pdf", [])
    assert check.message == "Tick at least one audience to export for."
    missing = tmp_path / "nowhere" / "p.pdf"
    check = check_audiences_export(app_corpus, spec, missing, "pdf", ["members"])
    assert not check.ok and "does not exist" in check.message
