"""Each pack-spec field declared once: its kind of value, limits, pack-file key and option.

The dataclasses in `briefgen.pack.model` declare every field with `declare(kind, ...)`. Reading
and writing pack files (`briefgen.pack.packfile`), the `briefgen build` options
(`briefgen.build_cli`), the checks and their messages are derived from those declarations by
walking them (`spec_fields`), so adding a field to the spec is one line in the model. See
docs/decisions/0050.

A check raises `Invalid` with a reason that reads after the field's name, so a pack file is
told "'meeting.date' is '31/11/2026', which is not a date; ..." and the command line "--date is
'31/11/2026', which is not a date; ..." in the same words. An option's value is read as the
pack file's would be.
"""

from __future__ import annotations

import dataclasses
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, NamedTuple

# How a pack file (every value read as text) writes "nothing", true and false.
EMPTY = ("", "null", "~")
TRUE, FALSE = ("true", "yes", "on"), ("false", "no", "off", "")
# The longest a value with fixed spellings (a choice, a date) may be: more than any of them
# needs, short enough to quote in a message.
SHORT = 100
_SPEC = "briefgen.spec"  # the key of a declaration in a dataclass field's metadata


class Invalid(ValueError):
    """A value a field cannot hold; `reason` reads after the field's name. `entry` is the
    1-based list entry at fault, if it is one entry."""

    def __init__(self, reason: str, entry: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.entry = entry


class TooLong(Invalid):
    """A value over its field's limit (worth its line number: it may be hard to find)."""


def _within(text: str, limit: int, entry: int | None = None) -> str:
    if len(text) > limit:
        raise TooLong(
            f"is {len(text):,} characters long, over the limit of {limit:,}; shorten it", entry
        )
    return text


class Kind(ABC):
    """How a field's value is read from a pack file (every scalar as text, or a list or a
    mapping, or None) or an option, checked against its limits, and written back."""

    def empty(self) -> Any:
        """The value of a field the pack file leaves out (a new object each time)."""
        return ""

    @abstractmethod
    def read(self, value: object) -> Any:
        """The field's value from what the pack file holds; `Invalid` if it cannot be."""

    def add(self, text: str, current: Any) -> Any:
        """The field's value once the option is given `text` (having `current` so far)."""
        return self.read(text)

    def check(self, value: Any) -> None:
        """Raise `TooLong` if `value` (set in the app or in code) is over the limits."""
        return None  # a kind without a length: a flag, a date

    def write(self, value: Any) -> object:
        return value

    def metavar(self) -> str | None:
        """The option's placeholder in --help, if not the option's name in capitals."""
        return None

    def describe(self) -> str:
        """The limits (or spelled-out choices) for --help; "" if the metavar says it all."""
        return ""


class Text(Kind):
    """Free text of at most `limit` characters."""

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def read(self, value: object) -> Any:
        if value is None:
            return ""
        if isinstance(value, (list, dict)):
            raise Invalid("must be text")
        return _within(str(value), self.limit)

    def check(self, value: Any) -> None:
        _within(value, self.limit)

    def describe(self) -> str:
        return f"at most {self.limit:,} characters"


class Choice(Text):
    """One of `choices` (or of what a function gives when asked); left empty, `default`.
    `normalise` turns what a person typed into a choice (None if it is none); `spelled` is how
    messages list the choices, when not one by one."""

    def __init__(
        self,
        choices: Sequence[str] | Callable[[], Sequence[str]],
        default: str,
        *,
        normalise: Callable[[str], str | None] | None = None,
        spelled: str = "",
        labels: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(SHORT)
        self.choices, self.default = choices, default
        self.normalise, self.spelled = normalise, spelled
        self.labels = labels  # the name a person sees for each choice, as the app shows it

    def listed(self) -> str:
        """The choices for a message: "members (Councillors), scrutiny (...)" where they have
        names of their own."""
        if self.labels is None:
            return ", ".join(self.allowed())
        return ", ".join(f"{choice} ({self.labels(choice)})" for choice in self.allowed())

    def allowed(self) -> tuple[str, ...]:
        return tuple(self.choices() if callable(self.choices) else self.choices)

    def empty(self) -> Any:
        return self.default

    def read(self, value: object) -> Any:
        text = super().read(value)
        if not text:
            return self.default
        chosen = self.normalise(text) if self.normalise else text
        if chosen is not None and chosen in self.allowed():
            return chosen
        if self.spelled:
            raise Invalid(f"must be {self.spelled}, not '{text}'")
        raise Invalid(f"is '{text}'; use one of: {self.listed()}")

    def metavar(self) -> str | None:
        return None if self.spelled else "{" + ",".join(self.allowed()) + "}"

    def describe(self) -> str:
        return self.spelled or (self.listed() if self.labels else "")


class Date(Text):
    """A calendar date written the British way, DD/MM/YYYY, or YYYY-MM-DD (how pack files are
    written); empty for none. A date with slashes is always day first: this is for English
    councils, and "3/12/2026" is the 3rd of December (decision 0209)."""

    def __init__(self) -> None:
        super().__init__(SHORT)

    def metavar(self) -> str | None:
        return "DD/MM/YYYY"

    def empty(self) -> Any:
        return None

    def read(self, value: object) -> Any:
        text = super().read(value)
        if text in EMPTY:
            return None
        found = _parse_date(text)
        if found is None:
            raise Invalid(
                f"is '{text}', which is not a date; write it as DD/MM/YYYY, e.g. 03/12/2026"
            )
        return found

    def check(self, value: Any) -> None:
        pass

    def write(self, value: Any) -> object:
        return value.isoformat() if value else ""

    def describe(self) -> str:
        return ""


_UK_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _parse_date(text: str) -> date | None:
    """`text` as a date, day first with slashes or ISO; None when it names no real date."""
    uk = _UK_DATE.fullmatch(text.strip())
    try:
        if uk:
            day, month, year = (int(part) for part in uk.groups())
            return date(year, month, day)
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


class Flag(Kind):
    """True or false; a pack file may also write yes/no or on/off. Its option has a --no- form."""

    def empty(self) -> Any:
        return False

    def read(self, value: object) -> Any:
        text = "" if value is None else value
        if isinstance(text, str) and text.lower() in TRUE + FALSE:
            return text.lower() in TRUE
        raise Invalid("must be true or false")


class TextList(Kind):
    """At most `entries` texts of at most `limit` characters each. Its option is repeated, once
    for each entry."""

    def __init__(self, limit: int, *, entries: int) -> None:
        self.limit = limit
        self.entries = entries

    def empty(self) -> Any:
        return []

    def read(self, value: object) -> Any:
        value = value or []
        if isinstance(value, str):
            value = [] if value in EMPTY else [value]
        if not isinstance(value, list) or any(isinstance(v, (list, dict)) for v in value):
            raise Invalid("must be a list of text, like [a, b]")
        entries = [str(v) for v in value if v is not None]
        self.check(entries)
        return entries

    def add(self, text: str, current: Any) -> Any:
        entries = [*(current or ()), _within(text, self.limit)]
        self._count(len(entries))
        return entries

    def check(self, value: Any) -> None:
        self._count(len(value))
        for number, entry in enumerate(value, 1):
            _within(entry, self.limit, number)

    def _count(self, count: int) -> None:
        if count > self.entries:
            raise TooLong(
                f"has {count:,} entries, over the limit of {self.entries:,}; shorten the list"
            )

    def write(self, value: Any) -> object:
        return list(value)

    def describe(self) -> str:
        return f"repeatable, up to {self.entries:,} times; at most {self.limit:,} characters each"


class Group:
    """Another declared dataclass, whose fields sit under this field's key in a pack file and,
    if it has an option, are the options --OPTION-FIELD ("{group}" in their help is OPTION)."""

    def __init__(self, cls: type[Any]) -> None:
        self.cls = cls


class Declared(NamedTuple):
    """A field's declaration, kept in its dataclass field's metadata."""

    kind: Kind | Group
    key: str | None  # in the pack file, under its group's key; dots for a mapping of its own
    option: str | None  # the `briefgen build` option, without "--"; None for none
    help: str | None
    metavar: str | None
    extend: bool  # the option adds to a pack file's list instead of replacing it
    # The option may be given several times, for one output per value (each built as if alone).
    several: bool = False


def declare(
    kind: Kind | Group,
    *,
    key: str | None = None,
    option: str | None = None,
    help: str | None = None,
    metavar: str | None = None,
    extend: bool = False,
    several: bool = False,
) -> Any:
    """A dataclass field of `kind`: `key` is its pack-file name if not the attribute's,
    `option` its `briefgen build` option (none if not given)."""
    metadata = {_SPEC: Declared(kind, key, option, help, metavar, extend, several)}
    if isinstance(kind, Group):
        return dataclasses.field(default_factory=kind.cls, metadata=metadata)
    if isinstance(kind, TextList):
        return dataclasses.field(default_factory=list, metadata=metadata)
    return dataclasses.field(default=kind.empty(), metadata=metadata)


class SpecField(NamedTuple):
    """One field holding a value, found by walking the declarations from the spec's class."""

    attrs: tuple[str, ...]  # attribute names from the spec down: ("meeting", "author", "name")
    path: str  # where it is in a pack file: "meeting.author.name"
    option: str | None  # "author", "author-role"; None if it has no option
    help: str | None
    metavar: str | None
    kind: Kind
    extend: bool
    several: bool = False  # repeat the option for one output per value


_walked: dict[type[Any], tuple[SpecField, ...]] = {}


def spec_fields(root: type[Any]) -> tuple[SpecField, ...]:
    """Every value-holding field of the declared dataclass `root`, in pack-file order."""
    if root not in _walked:
        found: list[SpecField] = []
        _walk(root, (), "", None, found)
        _walked[root] = tuple(found)
    return _walked[root]


def _walk(
    cls: type[Any], attrs: tuple[str, ...], path: str, prefix: str | None, found: list[SpecField]
) -> None:
    for item in dataclasses.fields(cls):
        declared: Declared | None = item.metadata.get(_SPEC)
        if declared is None:
            raise TypeError(f"{cls.__name__}.{item.name} is not declared with `declare`")
        key = declared.key or item.name
        here = f"{path}.{key}" if path else key
        option = declared.option
        if prefix is not None and option is not None:
            option = f"{prefix}-{option}" if option else prefix
        if isinstance(declared.kind, Group):
            _walk(declared.kind.cls, (*attrs, item.name), here, option, found)
            continue
        help_text = declared.help.format(group=prefix) if declared.help else None
        metavar = declared.metavar or declared.kind.metavar()
        found.append(
            SpecField(
                (*attrs, item.name),
                here,
                option,
                help_text,
                metavar,
                declared.kind,
                declared.extend,
                declared.several,
            )
        )


def mapping_keys(root: type[Any]) -> dict[str, tuple[str, ...]]:
    """The keys each mapping of a pack file may hold ("" for the top), in file order."""
    keys: dict[str, dict[str, None]] = {"": {}}
    for spec_field in spec_fields(root):
        parts = spec_field.path.split(".")
        for depth, name in enumerate(parts):
            keys.setdefault(".".join(parts[:depth]), {})[name] = None
    return {path: tuple(names) for path, names in keys.items()}


def value_of(spec: object, spec_field: SpecField) -> Any:
    for name in spec_field.attrs:
        spec = getattr(spec, name)
    return spec


def set_value(spec: object, spec_field: SpecField, value: Any) -> None:
    *parents, name = spec_field.attrs
    for parent in parents:
        spec = getattr(spec, parent)
    setattr(spec, name, value)


def first_problem(spec: object) -> tuple[SpecField, Invalid] | None:
    """The first field of `spec` over its limits, with what is wrong; None if all are within."""
    for spec_field in spec_fields(type(spec)):
        try:
            spec_field.kind.check(value_of(spec, spec_field))
        except Invalid as problem:
            return spec_field, problem
    return None
