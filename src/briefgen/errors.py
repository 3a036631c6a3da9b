"""The exceptions whose text is written for users: the CLI and the GUI show them as they are."""

from __future__ import annotations


class BriefgenError(Exception):
    """A problem the user can fix; its message says what and how. Never a bug."""


class ContentError(BriefgenError):
    """The content under `content/` is invalid; carries every problem found, not just the first."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the content:"
        super().__init__("\n".join([head, *self.problems]))


class PackFileError(BriefgenError):
    """A saved pack file cannot be read or written."""


class RenderError(BriefgenError):
    """A pack cannot be rendered or written to its output file."""
