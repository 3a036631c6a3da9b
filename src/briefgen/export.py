"""Export and preview as both shells call them: check, build, render and write a pack, or render
the quick preview of one. No Qt: the app runs these in workers, the command line directly.

Formats are chosen by name through the renderer registry (`briefgen.render.FORMATS`); nothing
here knows what a format is beyond its name there.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass
from pathlib import Path

from briefgen.content.model import Corpus
from briefgen.counts import pages_text
from briefgen.pack import PackSpec, pack_items
from briefgen.pack.wording import load_wording
from briefgen.render import FORMATS, RenderOptions, document_formats

# The preview prints at most this many quotes; beyond it, it shows the first ones and says so,
# so a pack of thousands of items still previews in a second or two.
PREVIEW_QUOTE_LIMIT = 60


@dataclass(frozen=True, slots=True)
class Check:
    """The answer of a check made before starting work: go ahead, or what to fix first."""

    ok: bool
    message: str = ""


def check_export(corpus: Corpus | None, spec: PackSpec, path: Path, format_name: str) -> Check:
    """Whether an export of `spec` to `path` can start, and if not, what the officer should do
    (`corpus` is None while the app is still loading it)."""
    if corpus is None:
        return Check(False, "The content is still loading. Wait a moment and export again.")
    if format_name not in FORMATS:
        offered = " or ".join(FORMATS[name].name for name in document_formats())
        return Check(False, f"briefgen cannot write '{path.suffix}' files. Choose {offered}.")
    folder = path.parent
    if not folder.is_dir():
        return Check(False, f"The folder {folder} does not exist. Choose another folder.")
    if not os.access(folder, os.W_OK):
        return Check(False, f"You cannot save files in {folder}. Choose a folder you can write to.")
    if path.is_dir():
        return Check(False, f"{path} is a folder. Choose a file name.")
    if not pack_items(corpus, spec):
        return Check(False, str(load_wording()["labels"]["no_items"]))
    return Check(True)


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export wrote: where, what kind of pack for whom, its length and the renderer's
    warnings, for the shell to report in its own words."""

    path: Path
    format_name: str
    page_count: int | None
    warnings: tuple[str, ...]
    item_count: int
    estimated_pages: int | None = None  # a Word file's length in print, estimated
    document_name: str = ""  # the layout's name, "Member briefing"
    audience_label: str = ""  # "Councillors"

    @property
    def pages_text(self) -> str:
        """How long the export runs: ", 3 pages", ", about 4 pages in print" or "", as the
        command line reports a build's length."""
        return pages_text(self.page_count, self.estimated_pages)


def export_pack(
    corpus: Corpus,
    spec: PackSpec,
    path: Path,
    format_name: str,
    options: RenderOptions | None = None,
) -> ExportResult:
    """Build `spec`, render it as `format_name` and write it to `path`; raise `BriefgenError`
    with a message for the officer. The file is written atomically: a failure leaves the old
    one. `options` carries a council's Word template."""
    from briefgen.atomic import write_atomic
    from briefgen.errors import RenderError
    from briefgen.pack import build_pack
    from briefgen.render import render  # looked up when called: tests replace the renderers

    pack = build_pack(corpus, spec)
    try:
        result = render(pack, corpus, format_name, options)
    except ImportError:
        raise RenderError(
            f"{FORMATS[format_name].name} export is not available in this installation of "
            "briefgen. Export to another format, or reinstall briefgen."
        ) from None
    write_atomic(path, result.data)
    return ExportResult(
        path,
        format_name,
        result.page_count,
        result.warnings,
        len(pack.item_ids),
        result.estimated_pages,
        pack.subtitle,
        pack.audience_label,
    )


def preview_spec(
    corpus: Corpus, spec: PackSpec, limit: int = PREVIEW_QUOTE_LIMIT
) -> tuple[PackSpec, int]:
    """The spec the preview prints and how many items the whole pack has: past `limit` items,
    the later ones are left out of the preview so it stays quick."""
    items = pack_items(corpus, spec)
    if len(items) <= limit:
        return spec, len(items)
    trimmed = copy.deepcopy(spec)
    trimmed.excluded = [*spec.excluded, *(item.id for item in items[limit:])]
    return trimmed, len(items)


@dataclass(frozen=True, slots=True)
class PreviewResult:
    """A rendered preview: PDF bytes (or HTML where the PDF renderer cannot run here), its page
    count, the renderer's warnings, and how many of the pack's items it shows."""

    format_name: str
    data: bytes
    page_count: int | None
    warnings: tuple[str, ...]
    shown_items: int
    total_items: int
    fallback_reason: str = ""
    partial: bool = False  # the quick render of the first pages; the full one follows

    @property
    def trimmed(self) -> bool:
        return self.shown_items < self.total_items


def render_preview(
    corpus: Corpus, spec: PackSpec, want_pdf: bool = True, limit: int = PREVIEW_QUOTE_LIMIT
) -> PreviewResult:
    """Build and render the preview of `spec` (the app runs it off the GUI thread). Prints the
    PDF the export would, unless the PDF renderer cannot be loaded here; then the HTML it prints
    from."""
    from briefgen.pack import build_pack
    from briefgen.render import render  # looked up when called: tests replace the renderers

    shown_spec, total = preview_spec(corpus, spec, limit)
    pack = build_pack(corpus, shown_spec)
    shown = len(pack.item_ids)
    reason = ""
    if want_pdf:
        try:
            result = render(pack, corpus, "pdf")
        except (ImportError, OSError) as error:  # renderer or its system libraries missing
            reason = f"the PDF renderer could not be loaded ({error})"
        else:
            warnings = result.warnings
            if shown < total:
                from briefgen.render.fontcheck import unprintable_warning

                # A preview of part of the pack says nothing of the whole one's length, but a
                # character the font cannot print is as wrong in the part as in the whole.
                warnings = tuple(filter(None, [unprintable_warning(pack)]))
            return PreviewResult("pdf", result.data, result.page_count, warnings, shown, total)
    result = render(pack, corpus, "html")
    return PreviewResult("html", result.data, None, (), shown, total, reason)


def check_audiences_export(
    corpus: Corpus | None, spec: PackSpec, path: Path, format_name: str, audiences: list[str]
) -> Check:
    """Whether an export of `spec` for each of `audiences` can start (each checked as if
    exported on its own, to its file named by `audience_outputs`)."""
    from briefgen.audience_outputs import audience_outputs, spec_for_audience

    if not audiences:
        return Check(False, "Tick at least one audience to export for.")
    for audience, target in audience_outputs(path, audiences):
        check = check_export(corpus, spec_for_audience(spec, audience), target, format_name)
        if not check.ok:
            return check
    return Check(True)


def export_for_audiences(
    corpus: Corpus,
    spec: PackSpec,
    path: Path,
    format_name: str,
    audiences: list[str],
    options: RenderOptions | None = None,
) -> list[ExportResult]:
    """Export `spec` once for each of `audiences`, each file built exactly as if it had been
    exported on its own for that audience (`briefgen.audience_outputs` names the files and
    renders them all before writing any)."""
    from briefgen.audience_outputs import audience_outputs, build_audiences, write_builds

    builds = build_audiences(corpus, spec, audience_outputs(path, audiences), format_name, options)
    write_builds(builds)
    return [
        ExportResult(
            build.path,
            format_name,
            build.result.page_count,
            build.result.warnings,
            len(build.pack.item_ids),
            build.result.estimated_pages,
            build.pack.subtitle,
            build.pack.audience_label,
        )
        for build in builds
    ]
