"""The names an officer sees for the ids a pack spec holds (kinds, audiences, layouts), read
from `templates/wording.yaml`, so lists and menus say what the pack itself prints."""

from __future__ import annotations

from briefgen.pack.wording import load_wording


def kind_label(kind: str, plural: bool = False) -> str:
    """ "Risk or challenge" (or "Risks and challenges") for the kind `kind`."""
    return str(load_wording()["kinds"][kind][1 if plural else 0])


def audience_label(audience: str) -> str:
    """ "Councillors" for the audience `members`."""
    return str(load_wording()["audiences"][audience])


def layout_label(layout: str) -> str:
    """ "Member briefing" for the layout `member-briefing`."""
    return str(load_wording()["layouts"][layout]["name"])
