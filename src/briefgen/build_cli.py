"""The `briefgen build` subcommand (added once the pack renderers exist)."""

from __future__ import annotations

import argparse
from typing import Any


def add_build_command(commands: Any) -> argparse.ArgumentParser | None:
    return None
