"""Import adds a document's publisher as an organisation exactly when the suggestion engine
would attribute the document to no known organisation: the two share one test."""

from __future__ import annotations

from briefgen.content.model import Organisation
from briefgen.library.importer import new_publisher_organisation
from briefgen.library.organisations import organisation_names, publisher_org

KNOWN = {
    "ltf": Organisation("ltf", "Lab Trust Fund", "LTF"),
    "lga": Organisation("lga", "Local Government Association", "LGA"),
}


def _engine_knows(publisher: str) -> bool:
    names = organisation_names((o.id, o.name, o.short) for o in KNOWN.values())
    return bool(publisher_org(publisher, names))


def test_a_publisher_the_engine_attributes_to_nobody_is_added() -> None:
    assert not _engine_knows("The Lab")
    assert new_publisher_organisation("The Lab", KNOWN) == {
        "id": "the-lab",
        "name": "The Lab",
        "short": "The Lab",
    }


def test_a_publisher_the_engine_knows_is_not_added_again() -> None:
    for publisher in ("Local Government Association", "LGA", "Lab Trust Fund (LTF)"):
        assert _engine_knows(publisher)
        assert new_publisher_organisation(publisher, KNOWN) is None


def test_no_publisher_or_no_organisations_adds_nothing() -> None:
    assert new_publisher_organisation("  ", KNOWN) is None
    assert new_publisher_organisation("The Lab", None) is None
