"""Packs: the spec an officer saves, the typed document built from it, and the pack file."""

from briefgen.pack.builder import build_pack, missing_items, pack_items
from briefgen.pack.model import (
    LAYOUTS,
    MARKINGS,
    PURPOSES,
    Contact,
    MeetingDetails,
    OfficerText,
    Pack,
    PackSpec,
)

__all__ = [
    "LAYOUTS",
    "MARKINGS",
    "PURPOSES",
    "Contact",
    "MeetingDetails",
    "OfficerText",
    "Pack",
    "PackSpec",
    "build_pack",
    "missing_items",
    "pack_items",
]
