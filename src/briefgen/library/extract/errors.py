"""The import's user-facing failures: what is wrong with the file and what to do about it."""

from __future__ import annotations

from pathlib import Path

from briefgen.errors import BriefgenError


class ExtractError(BriefgenError):
    """A file cannot be imported; the message names it and says what to do."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ExtractCancelled(BriefgenError):
    """The user cancelled the import; nothing was kept."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        super().__init__(f"{self.path}: import cancelled; nothing was added")
