"""Where the content lives (kept apart from the loader, so finding it imports nothing heavy)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[3]


def default_content_dir() -> Path:
    """The content directory: `$BRIEFGEN_CONTENT` if set, else the project's own `content/`."""
    configured = os.environ.get("BRIEFGEN_CONTENT")
    return Path(configured) if configured else PROJECT_ROOT / "content"
