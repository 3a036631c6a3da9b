"""Add an organisation to the user's library while curating (an item often states a second
body's view: the Government's, a regulator's), checked as the loader checks organisations.yaml,
so that the items accepted with it load."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from briefgen.content import Corpus
from briefgen.content.model import Organisation
from briefgen.content.yamlfile import SafeLoader
from briefgen.errors import BriefgenError
from briefgen.library.destinations import GONE_REMEDY, check_still_there
from briefgen.library.import_details import slug
from briefgen.library.writer import ID_PATTERN, append_organisation, inside_library
from briefgen.limits import FIELD_CHARACTERS

ID_CHARACTERS = 40  # public bodies' names run long: "office-for-standards-in-education"
SHORT_WORDS = 3  # a short name made of the name's first words keeps this many
# Capitalised words give the initials ("Care Quality Commission" -> "CQC"); "for", "of" do not.
_CAPITALISED = re.compile(r"[A-Z][\w'’-]*")


def suggested_short(name: str) -> str:
    """What citations could print for `name`: an abbreviation it gives in brackets ("Office
    for Standards in Education (Ofsted)"), the initials of three or more capitalised words, or
    else its first words."""
    name = " ".join(name.split())
    bracketed = re.search(r"\(([^()]+)\)\s*$", name)
    if bracketed:
        return bracketed.group(1).strip()
    words = _CAPITALISED.findall(name)
    if len(words) >= 3:
        return "".join(word[0] for word in words)
    return " ".join(name.split()[:SHORT_WORDS])


def suggested_id(name: str, taken: set[str] | dict[str, Organisation]) -> str:
    """An organisation id made from `name` (lower-case words joined by hyphens) that none of
    `taken` has; '' for a name with no letters or digits."""
    name = re.sub(r"\([^()]*\)", "", name)
    if not re.search(r"[^\W_]", name):
        return ""
    base = slug(name, ID_CHARACTERS)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _in_file(path: Path) -> dict[str, Organisation]:
    """The organisations already in `path` (none if it is missing or does not read: the append
    then reports why)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    found: dict[str, Organisation] = {}
    for record in data if isinstance(data, list) else []:
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            fields = (str(record.get(name) or "") for name in ("id", "name", "short"))
            organisation = Organisation(*fields)
            found[organisation.id] = organisation
    return found


def organisation_problems(
    corpus: Corpus, org_id: str, name: str, short: str
) -> list[tuple[str, str]]:
    """What is wrong with a new organisation, as (field, problem) pairs in the loader's words
    (empty if nothing): each field written out, and an id well formed and not taken by any
    library `corpus` was read from."""
    label = f"organisation '{org_id}'" if org_id else "organisation"
    problems: list[tuple[str, str]] = []
    for field, value in (("name", name), ("short", short), ("id", org_id)):
        if not value.strip():
            problems.append((field, f"{label}: '{field}' is empty; write it out"))
        elif len(value) > FIELD_CHARACTERS:
            problems.append(
                (
                    field,
                    f"{label}: '{field}' is {len(value):,} characters long, over briefgen's "
                    f"limit of {FIELD_CHARACTERS:,} for a field; shorten it",
                )
            )
    if org_id.strip() and not ID_PATTERN.match(org_id):
        problems.append(("id", f"{label}: id must be lower-case letters, digits and hyphens"))
    elif org_id in corpus.organisations:
        taken = corpus.organisations[org_id]
        problems.append(("id", f"{label}: the id is taken by '{taken.name}'; choose another id"))
    return problems


def add_organisation(
    corpus: Corpus, library: Path, org_id: str, name: str, short: str
) -> tuple[Organisation, Corpus]:
    """Write a new organisation to `library`'s organisations.yaml (atomic; comments and hand
    edits kept) and return it with `corpus` as it would load now, listing it. One already in
    that file with the same fields (written, then the item cancelled) is taken as it is."""
    organisation = Organisation(org_id.strip(), " ".join(name.split()), " ".join(short.split()))
    problems = organisation_problems(corpus, *organisation)
    if problems:
        raise BriefgenError(f"cannot add the organisation: {'; '.join(p for _, p in problems)}")
    check_still_there(library, corpus.libraries, GONE_REMEDY)
    path = inside_library(library, "organisations.yaml")
    existing = _in_file(path).get(organisation.id)
    if existing is not None and existing != organisation:
        raise BriefgenError(
            f"cannot add the organisation: organisation '{organisation.id}': the id is taken by "
            f"'{existing.name}' in {path}; choose another id"
        )
    if existing is None:
        try:
            library.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise BriefgenError(
                f"cannot make the library folder {library}: {error.strerror or error}; check "
                "the folder (nothing was written)"
            ) from None
        append_organisation(library, organisation._asdict())
    organisations = {**corpus.organisations, organisation.id: organisation}
    learnt = Corpus(
        corpus.themes,
        organisations,
        corpus.sources,
        corpus.glossary,
        corpus.items,
        corpus.root,
        corpus.libraries,
    )
    return organisation, learnt
