"""Tables that fit the page: a table too wide for the text frame is turned round or split, and
its columns take widths from their content, the same way in the PDF and in Word.

A column narrower than about eight ems of its text breaks words or runs past the margin (the
comparison of eight organisations did both), so each print size allows as many columns as the
frame holds at that width. Beyond it, a table that says what its columns are
(`Table.column_label`, e.g. "Organisation") is turned round (organisations as rows) when its
rows are few enough to be columns, or else becomes one two-column table per row (one per
theme) if its cells hold text; any other table, and one of counts or other short values, is
split into groups of columns, each repeating the first.
"""

from __future__ import annotations

from typing import NamedTuple

from briefgen.pack.model import Table
from briefgen.render.references import keep_labels_with_numbers, unbroken_words

MIN_COLUMN_EMS = 8.0  # the narrowest column, in ems of the table's text
# Advances in ems. A column's longest word is measured generously (wide letters, a wider font
# a council's template or a viewer may substitute: DejaVu Sans for Arial), running text at an
# average; a word must never break, a line may.
WORD_EMS = 0.64
BOLD_WORD_EMS = 0.72  # a word of the bold header row
CHAR_EMS = 0.52
WANT_CHARS = 60  # a column's text longer than this wraps anyway: it asks for no more room
# A table whose cells (after the first column) hold no more than this many characters (counts,
# totals) reads across its rows: split into groups of columns, never one small table per row.
SHORT_VALUE_CHARS = 6
# A table of short values with no more rows than this stays on one page, moved whole to the
# next if need be (a line a row: at most a third of a page); a longer one may break between
# rows. The evidence pack's counts over all fourteen themes, with their total, is 15.
MAX_WHOLE_ROWS = 16


class FittedTable(NamedTuple):
    """One table as printed: its text, and each column's share of the width (summing to 1)."""

    table: Table
    shares: tuple[float, ...]


def max_columns(width: float, size: float) -> int:
    """How many columns a frame `width` points wide holds at a `size`-point table text."""
    return max(2, int(width // (size * MIN_COLUMN_EMS)))


def fit_table(table: Table, width: float, size: float, padding: float) -> list[FittedTable]:
    """`table` as one or more tables that fit `width` points at `size`-point text, with each
    column's share of the width; `padding` is a cell's left and right padding together. Fewer
    columns are tried while a part's longest words would not fit side by side."""
    parts: list[Table] = []
    for columns in range(max_columns(width, size), 1, -1):
        parts = reshape(table, columns)
        if all(sum(_room(part, size, padding)[0]) <= width for part in parts):
            break
    return [FittedTable(part, column_shares(part, width, size, padding)) for part in parts]


def reshape(table: Table, columns: int) -> list[Table]:
    """`table` with at most `columns` columns: as it is, turned round, one table per row, or
    split into groups of columns (see the module's docstring)."""
    if len(table.header) <= columns:
        return [table]
    if table.column_label and len(table.rows) + 1 <= columns:
        return [transposed(table)]
    if table.column_label and not short_values(table):
        return [
            Table(
                table.caption if index == 0 else "",
                (table.column_label, row[0]),
                tuple(
                    (name, value) for name, value in zip(table.header[1:], row[1:], strict=False)
                ),
                table.number if index == 0 else "",
                table.column_label,
            )
            for index, row in enumerate(table.rows)
        ]
    per_group = columns - 1
    groups = [
        range(start, min(start + per_group, len(table.header)))
        for start in range(1, len(table.header), per_group)
    ]
    return [
        Table(
            table.caption if index == 0 else "",
            (table.header[0], *(table.header[j] for j in group)),
            tuple((row[0], *(row[j] for j in group if j < len(row))) for row in table.rows),
            table.number if index == 0 else "",
        )
        for index, group in enumerate(groups)
    ]


def short_values(table: Table) -> bool:
    """Whether every cell after the first column is a count or another short value."""
    return all(len(cell) <= SHORT_VALUE_CHARS for row in table.rows for cell in row[1:])


def stays_whole(table: Table) -> bool:
    """Whether `table` is kept on one page: a table of counts read across and down, which a
    page break after its first row or two leaves as a header and a row at a page foot."""
    return short_values(table) and len(table.rows) <= MAX_WHOLE_ROWS


def transposed(table: Table) -> Table:
    """`table` turned round: its columns (named by `column_label`) become the rows."""
    header = (table.column_label, *(row[0] for row in table.rows))
    rows = tuple(
        (name, *(row[index] if index < len(row) else "" for row in table.rows))
        for index, name in enumerate(table.header[1:], start=1)
    )
    return Table(table.caption, header, rows, table.number, table.header[0])


def kept_together(fitted: FittedTable, width: float, size: float, padding: float) -> Table:
    """`fitted`'s table as printed in a frame `width` points wide at `size`-point text: each
    reference kept together (label and number always, a range or list as far as its column
    has room, so a joined run is never wider than the column; decision 0208)."""

    def room(share: float, ems: float) -> int:
        return max(0, int((share * width - padding) / (size * ems)))

    def joined(cells: tuple[str, ...], ems: float) -> tuple[str, ...]:
        return tuple(
            keep_labels_with_numbers(cell, room(share, ems))
            for cell, share in zip(cells, fitted.shares, strict=False)
        )

    table = fitted.table
    return table._replace(
        header=joined(table.header, BOLD_WORD_EMS),
        rows=tuple(joined(row, WORD_EMS) for row in table.rows),
    )


def column_shares(table: Table, width: float, size: float, padding: float) -> tuple[float, ...]:
    """Each column's share of `width`: first room for its longest word (so no word breaks),
    then what is left in proportion to how much more its longest cell would use."""
    least, wanted = _room(table, size, padding)
    count = len(least)
    if sum(least) >= width:
        return tuple(each / sum(least) for each in least)
    spare = width - sum(least)
    more = [want - low for want, low in zip(wanted, least, strict=True)]
    if sum(more) <= spare:
        # Everything fits on one line: the columns keep their natural widths, the rest shared.
        extra = (spare - sum(more)) / count
        sizes = [want + extra for want in wanted]
    else:
        sizes = [low + spare * each / sum(more) for low, each in zip(least, more, strict=True)]
    return tuple(each / width for each in sizes)


def _room(table: Table, size: float, padding: float) -> tuple[list[float], list[float]]:
    """Each column's least width (its longest word) and the width its longest cell would
    take on one line (capped), in points."""
    count = max([len(table.header), *(len(row) for row in table.rows), 1])
    least, wanted = [], []
    for index in range(count):
        header = table.header[index] if index < len(table.header) else ""
        cells = [row[index] for row in table.rows if index < len(row)]
        words = [len(word) for cell in cells for word in unbroken_words(cell)]
        header_words = [len(word) for word in unbroken_words(header)]
        longest = max(
            max(words, default=0) * WORD_EMS, max(header_words, default=0) * BOLD_WORD_EMS
        )
        longest_cell = max(
            min(max((len(cell) for cell in cells), default=0), WANT_CHARS) * CHAR_EMS,
            len(header) * BOLD_WORD_EMS,
        )
        least.append(longest * size + padding)
        wanted.append(max(longest_cell * size + padding, least[-1]))
    return least, wanted
