"""What the desktop app decides without Qt: the rows of the item list, reordering and
including items in a `PackSpec`, theme counts, checks before an export, the preview's spec.

Everything here is a pure function over the core's types, so it is tested without a window and
the widgets stay a thin shell over the same functions the command line uses.
"""

from __future__ import annotations

import copy
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from briefgen.content.model import Corpus, Item
from briefgen.counts import pages_text
from briefgen.pack import LAYOUTS, MARKINGS, PURPOSES, PackSpec, pack_items
from briefgen.pack.builder import ordered_themes
from briefgen.pack.wording import load_wording
from briefgen.render import FORMATS
from briefgen.selection import AUDIENCES, matches_search, primary_theme, select_items

# The preview prints at most this many quotes; beyond it, it shows the first ones and says so,
# so a pack of thousands of items still previews in a second or two.
PREVIEW_QUOTE_LIMIT = 60


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One line of the item list: the item, whether the pack includes it, its theme there."""

    item: Item
    included: bool
    theme: str


def item_rows(corpus: Corpus, spec: PackSpec) -> list[ItemRow]:
    """The pack's items in pack order, with the items the officer excluded left in their places
    (unticked), so ticking one again puts it back where it was."""
    unexcluded = replace(spec, excluded=[])
    items = pack_items(corpus, unexcluded)
    themes = ordered_themes(corpus, unexcluded, items)
    excluded = set(spec.excluded)
    return [ItemRow(item, item.id not in excluded, primary_theme(item, themes)) for item in items]


def included_count(rows: Sequence[ItemRow]) -> int:
    return sum(row.included for row in rows)


def count_text(included: int, total: int, shown: int | None = None) -> str:
    """ "24 of 31 items included", plus how many the filters show when they hide some."""
    noun = "item" if total == 1 else "items"
    text = f"{included} of {total} {noun} included"
    if shown is not None and shown != total:
        text += f" ({shown} shown)"
    return text


def set_included(spec: PackSpec, item_id: str, included: bool) -> None:
    """Tick or untick `item_id` in `spec`: an unticked item is listed in `excluded`."""
    if included:
        spec.excluded = [other for other in spec.excluded if other != item_id]
    elif item_id not in spec.excluded:
        spec.excluded = [*spec.excluded, item_id]


def theme_counts(corpus: Corpus, audience: str) -> dict[str, int]:
    """How many items each theme gives `audience` (the numbers shown beside the themes)."""
    counts: Counter[str] = Counter()
    for item in select_items(corpus, themes=(), audience=audience):
        counts.update(item.themes)
    return {theme: counts.get(theme, 0) for theme in corpus.themes}


def matching_rows(
    corpus: Corpus,
    rows: Sequence[ItemRow],
    kinds: Iterable[str] = (),
    orgs: Iterable[str] = (),
    sources: Iterable[str] = (),
    search: str = "",
) -> list[int]:
    """Indexes of the `rows` the filters keep (the core's `matches_search` for the search)."""
    wanted_kinds, wanted_orgs, wanted_sources = set(kinds), set(orgs), set(sources)
    words = search.strip()
    keep = []
    for index, row in enumerate(rows):
        item = row.item
        if wanted_kinds and item.kind not in wanted_kinds:
            continue
        if wanted_orgs and item.org not in wanted_orgs:
            continue
        if wanted_sources and item.source not in wanted_sources:
            continue
        if words and not matches_search(item, words, corpus):
            continue
        keep.append(index)
    return keep


def _order_with(spec: PackSpec, rows: Sequence[ItemRow], theme: str, ids: list[str]) -> None:
    """Record `ids` (every listed item of `theme`, in their new order) in `spec.order`, keeping
    the order already recorded for other themes."""
    in_theme = {row.item.id for row in rows if row.theme == theme}
    spec.order = [item_id for item_id in spec.order if item_id not in in_theme] + ids


def move_item(
    spec: PackSpec,
    rows: Sequence[ItemRow],
    item_id: str,
    step: int,
    visible: Sequence[int] | None = None,
) -> bool:
    """Move `item_id` `step` places (-1 up, +1 down) among the `visible` rows of its own theme;
    False if it is already first or last there. Items keep to their theme: a pack is grouped
    by theme, so that is the only order `PackSpec.order` can express."""
    shown = list(range(len(rows))) if visible is None else list(visible)
    position = next((n for n, i in enumerate(shown) if rows[i].item.id == item_id), None)
    if position is None:
        return False
    theme = rows[shown[position]].theme
    neighbour = position + step
    if not 0 <= neighbour < len(shown) or rows[shown[neighbour]].theme != theme:
        return False
    ids = [row.item.id for row in rows if row.theme == theme]
    target_id = rows[shown[neighbour]].item.id
    ids.remove(item_id)
    at = ids.index(target_id) + (1 if step > 0 else 0)
    ids.insert(at, item_id)
    _order_with(spec, rows, theme, ids)
    return True


def move_item_to(spec: PackSpec, rows: Sequence[ItemRow], item_id: str, before: int) -> bool:
    """Move `item_id` to just before row `before` (len(rows) for the end), as a drag and drop
    does. A drop in another theme puts it at the nearest end of its own theme."""
    index = next((n for n, row in enumerate(rows) if row.item.id == item_id), None)
    if index is None:
        return False
    theme = rows[index].theme
    theme_rows = [n for n, row in enumerate(rows) if row.theme == theme]
    first, last = theme_rows[0], theme_rows[-1]
    before = min(max(before, first), last + 1)
    if before in (index, index + 1):
        return False
    ids = [rows[n].item.id for n in theme_rows]
    target = rows[before].item.id if before <= last else None
    ids.remove(item_id)
    ids.insert(ids.index(target) if target else len(ids), item_id)
    _order_with(spec, rows, theme, ids)
    return True


def citation_lines(corpus: Corpus, item: Item) -> list[tuple[str, str]]:
    """The full citation of `item` as label/value pairs, for checking against the source."""
    source = corpus.sources[item.source]
    organisation = corpus.organisations[item.org]
    return [
        ("Organisation", f"{organisation.name} ({organisation.short})"),
        ("Document", source.title),
        ("Publisher", source.publisher),
        ("Date", source.date),
        ("Where", item.locator),
    ]


def kind_label(kind: str) -> str:
    return str(load_wording()["kinds"][kind][0])


def audience_label(audience: str) -> str:
    return str(load_wording()["audiences"][audience])


def layout_label(layout: str) -> str:
    return str(load_wording()["layouts"][layout]["name"])


def safe_file_stem(title: str, fallback: str = "Briefing pack") -> str:
    """A file name from a pack title that every file system accepts: no slashes, colons or
    control characters, at most 80 characters."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title)
    stem = " ".join(stem.split()).strip(". ")
    return stem[:80].rstrip(". ") or fallback


def default_export_name(spec: PackSpec, format_name: str) -> str:
    """The suggested export file name: the title, else the layout's name."""
    suffix = FORMATS[format_name][1]
    return safe_file_stem(spec.meeting.title, layout_label(spec.layout)) + suffix


def default_pack_name(spec: PackSpec) -> str:
    from briefgen.pack.packfile import SUFFIX

    return safe_file_stem(spec.meeting.title, "Untitled pack") + SUFFIX


def with_suffix(path: Path, suffix: str) -> Path:
    """`path` ending in `suffix` (".pdf", ".briefgen.yaml"), added if the officer left it off."""
    return path if path.name.lower().endswith(suffix) else path.with_name(path.name + suffix)


@dataclass(frozen=True, slots=True)
class Check:
    """The answer of a check made before starting work: go ahead, or what to fix first."""

    ok: bool
    message: str = ""


def check_export(corpus: Corpus | None, spec: PackSpec, path: Path, format_name: str) -> Check:
    """Whether an export of `spec` to `path` can start, and if not, what the officer should do."""
    if corpus is None:
        return Check(False, "The content is still loading. Wait a moment and export again.")
    if format_name not in FORMATS:
        return Check(False, f"briefgen cannot write '{path.suffix}' files. Choose PDF or Word.")
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


def tidy_spec(corpus: Corpus, spec: PackSpec) -> list[str]:
    """Put right what a pack file names that this briefgen does not know (an unknown theme,
    layout, audience, marking or purpose), so the pack opens; return what was changed."""
    notes = []
    unknown = [theme for theme in spec.themes if theme not in corpus.themes]
    if unknown:
        spec.themes = [theme for theme in spec.themes if theme in corpus.themes]
        notes.append("unknown themes left out: " + ", ".join(unknown))
    if spec.layout not in LAYOUTS:
        notes.append(f"unknown layout '{spec.layout}' replaced by member briefing")
        spec.layout = LAYOUTS[0]
    if spec.audience not in AUDIENCES:
        notes.append(f"unknown audience '{spec.audience}' replaced by councillors")
        spec.audience = "members"
    if spec.meeting.marking not in MARKINGS:
        notes.append(f"unknown protective marking '{spec.meeting.marking}' removed")
        spec.meeting.marking = ""
    if spec.meeting.purpose not in PURPOSES:
        notes.append(f"unknown purpose '{spec.meeting.purpose}' replaced by discussion")
        spec.meeting.purpose = "discussion"
    return notes


def missing_notice(missing: Sequence[str]) -> str:
    """What to tell the officer when a pack names items the content no longer has."""
    count = len(missing)
    listed = ", ".join(missing[:12]) + (f" and {count - 12} more" if count > 12 else "")
    which = "an item that is" if count == 1 else f"{count} items that are"
    return (
        f"This pack refers to {which} no longer in the content: {listed}. "
        "They are left out of the pack; everything else is as it was saved. "
        "Saving keeps the references, in case the items come back."
    )


def word_count(text: str) -> int:
    return len(text.split())


def lines_of(text: str) -> list[str]:
    """One entry per non-empty line (key messages, recommendations)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


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

    @property
    def trimmed(self) -> bool:
        return self.shown_items < self.total_items


def render_preview(
    corpus: Corpus, spec: PackSpec, want_pdf: bool = True, limit: int = PREVIEW_QUOTE_LIMIT
) -> PreviewResult:
    """Build and render the preview of `spec` (run off the GUI thread). Prints the PDF the
    export would, unless the PDF renderer cannot be loaded here; then the HTML it prints from."""
    from briefgen.pack import build_pack
    from briefgen.render import render

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


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export wrote: where, how many pages, and the renderer's warnings."""

    path: Path
    format_name: str
    page_count: int | None
    warnings: tuple[str, ...]
    item_count: int
    estimated_pages: int | None = None  # a Word file's length in print, estimated

    @property
    def pages_text(self) -> str:
        """How long the export runs, for the status bar and the notice."""
        return pages_text(self.page_count, self.estimated_pages)


def export_pack(corpus: Corpus, spec: PackSpec, path: Path, format_name: str) -> ExportResult:
    """Build, render and write the pack (run off the GUI thread); raise `BriefgenError` with a
    message for the officer. The file is written atomically: a failure leaves the old one."""
    from briefgen.atomic import write_atomic
    from briefgen.errors import RenderError
    from briefgen.pack import build_pack
    from briefgen.render import render

    pack = build_pack(corpus, spec)
    try:
        result = render(pack, corpus, format_name)
    except ImportError:
        name = "Word" if format_name == "docx" else format_name.upper()
        raise RenderError(
            f"{name} export is not available in this installation of briefgen. Export to "
            "another format, or reinstall briefgen."
        ) from None
    write_atomic(path, result.data)
    return ExportResult(
        path,
        format_name,
        result.page_count,
        result.warnings,
        len(pack.item_ids),
        result.estimated_pages,
    )
