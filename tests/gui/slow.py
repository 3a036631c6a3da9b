"""A core function made as slow as a network share makes it, for the tests that check the
window keeps running while it works."""

from __future__ import annotations

import time
from typing import Any

import pytest


def slowed(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, seconds: float) -> list[float]:
    """`owner.name` made to take `seconds` longer; when each call finished is kept."""
    real = getattr(owner, name)
    finished: list[float] = []

    def slow(*args: Any, **options: Any) -> Any:
        time.sleep(seconds)
        result = real(*args, **options)
        finished.append(time.monotonic())
        return result

    monkeypatch.setattr(owner, name, slow)
    return finished
