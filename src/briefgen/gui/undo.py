"""Undo and redo for every change to the pack, as whole-spec snapshots on a `QUndoStack`.

Each change the officer makes (themes, audience, layout, items left out, moved or marked key,
the meeting details and their own text) is one command holding the spec before and after it;
typing into one field is merged into one command until the officer moves to another field, so
Ctrl+Z takes back a word-run, not a letter. A snapshot of a pack spec is a few kilobytes, so a
long session's history stays small and undo can never disagree with what the pack file saves.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from briefgen.pack.model import PackSpec

TYPING_ID = 1  # commands from typing in the same field merge


class SpecChange(QUndoCommand):
    """One change to the pack: `before` and `after` copies of its spec; `apply` puts a copy in
    the window. `field` names the field typed into (typing in one field merges)."""

    def __init__(
        self,
        apply: Callable[[PackSpec], None],
        before: PackSpec,
        after: PackSpec,
        text: str,
        field: object | None = None,
    ) -> None:
        super().__init__(text)
        self.apply = apply
        self.before = before
        self.after = after
        self.field = field
        self._done = True  # pushed after the window has made the change itself

    def id(self) -> int:
        return TYPING_ID if self.field is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SpecChange) or other.field is not self.field:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.apply(self.after)

    def undo(self) -> None:
        self.apply(self.before)
