"""Every key in templates/wording.yaml is used, and every key the code asks for is there.

"Used" means some code or template names the key: `["key"]` or `.get("key"` in Python under
src/, or `labels.key` in a template (a layout's keys count only in that layout's module, or in
code shared by every layout). Sections keyed by ids (kinds, audiences, purposes, layouts,
questions per kind and theme) must hold exactly, or only, the ids briefgen knows. "Asked
for" is found by following, in each function, the subscripts of the wording as the builder,
renderers and app reach it (`load_wording()`, `wording`, `parts.wording`, `parts.words`,
`pack.wording`) through plain assignments.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefgen.audiences import AUDIENCES
from briefgen.content import ITEM_KINDS, Corpus
from briefgen.content.paths import PACKAGE_DATA, SHIPPED_TEMPLATES
from briefgen.pack.model import LAYOUTS, PURPOSES
from briefgen.pack.wording import load_wording

SRC = PACKAGE_DATA.parent
TEMPLATES = SHIPPED_TEMPLATES
LAYOUT_MODULES = SRC / "pack" / "layouts"

Path_ = tuple[str, ...]


def layout_module(layout: str) -> Path:
    return LAYOUT_MODULES / f"{layout.replace('-', '_')}.py"


def id_sections(corpus: Corpus) -> dict[Path_, tuple[set[str], bool]]:
    """Sections keyed by ids: the ids briefgen knows, and whether every one must be there."""
    return {
        ("kinds",): (set(ITEM_KINDS), True),
        ("audiences",): (set(AUDIENCES), True),
        ("purposes",): (set(PURPOSES), True),
        ("layouts",): (set(LAYOUTS), True),
        ("questions", "kinds"): (set(ITEM_KINDS), False),
        ("questions", "themes"): (set(corpus.themes), False),
        # What the cover calls a layout's document for another audience ("Partner briefing").
        ("layouts", "member-briefing", "names"): (set(AUDIENCES), False),
        ("layouts", "committee-report", "names"): (set(AUDIENCES), False),
    }


def named_keys(data: dict[str, Any], ids: dict[Path_, Any], path: Path_ = ()) -> Iterator[Path_]:
    """The path of every key that code names (not an id), sections included."""
    for key, value in data.items():
        here = (*path, key)
        yield here
        if here == ("layouts",):
            for layout, words in value.items():
                yield from named_keys(words, ids, (*here, layout))
        elif here not in ids and isinstance(value, dict):
            yield from named_keys(value, ids, here)


def python_files() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def names_key(text: str, key: str) -> bool:
    quoted = re.escape(key)
    return (
        re.search(rf"""\[\s*["']{quoted}["']\s*\]|\.get\(\s*["']{quoted}["']""", text) is not None
    )


def test_every_wording_key_is_used(shipped_corpus: Corpus) -> None:
    data = load_wording()
    ids = id_sections(shipped_corpus)
    sources = {path: path.read_text(encoding="utf-8") for path in python_files()}
    shared = [text for path, text in sources.items() if path.parent != LAYOUT_MODULES]
    templates = "\n".join(p.read_text(encoding="utf-8") for p in TEMPLATES.rglob("*.j2"))
    unused = []
    for path in named_keys(data, ids):
        key = path[-1]
        if path[0] == "layouts" and len(path) == 3:
            texts = [sources[layout_module(path[1])], *shared]
        else:
            texts = shared
        in_template = path[0] == "labels" and re.search(rf"\blabels\.{key}\b", templates)
        if not in_template and not any(names_key(text, key) for text in texts):
            unused.append(".".join(path))
    problems = [f"{'.'.join(p)} holds no ids" for p in ids if _get(data, p) is None]
    for path, (known, complete) in ids.items():
        present = set(_get(data, path) or {})
        problems += [f"{'.'.join(path)}.{key} is not a known id" for key in present - known]
        if complete:
            problems += [f"{'.'.join(path)}.{key} is missing" for key in known - present]
    assert unused == [], "wording keys nothing uses; remove them"
    assert problems == []


def test_every_wording_key_the_code_asks_for_is_there() -> None:
    data = load_wording()
    asked = set()
    for path in python_files():
        layout = path.stem.replace("_", "-") if path.parent == LAYOUT_MODULES else "*"
        asked |= {(path.name, key) for key in _asked_for(ast.parse(path.read_text()), layout)}
    templates = "\n".join(p.read_text(encoding="utf-8") for p in TEMPLATES.rglob("*.j2"))
    asked |= {("templates", ("labels", key)) for key in re.findall(r"\blabels\.(\w+)", templates)}
    missing = sorted(
        f"{where}: {'.'.join(key)}"
        for where, key in asked
        if not all(_get(data, expanded) is not None for expanded in _expand(key, data))
    )
    assert len(asked) > 60  # the resolver still finds the code's wording
    assert missing == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('def f(parts):\n    return parts.words["notes"]\n', {("layouts", "*", "notes")}),
        (
            'def f():\n    words = load_wording()["questions"]\n    return words["intro"]\n',
            {("questions",), ("questions", "intro")},
        ),
        ('def f(pack):\n    return pack.wording["contents"]\n', {("labels", "contents")}),
    ],
)
def test_the_resolver_follows_the_code_to_its_keys(source: str, expected: set[Path_]) -> None:
    assert _asked_for(ast.parse(source), "*") == expected


def _get(data: Any, path: Path_) -> Any:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def _expand(path: Path_, data: dict[str, Any]) -> list[Path_]:
    """`path` for every layout where it says "*" (a key code shared by the layouts asks for)."""
    if len(path) > 1 and path[:2] == ("layouts", "*"):
        return [("layouts", layout, *path[2:]) for layout in data["layouts"]]
    return [path]


def _asked_for(tree: ast.Module, layout: str) -> set[Path_]:
    """The wording paths `tree` subscripts with constant keys (`.get` lookups have a default,
    so they are not required)."""
    asked: set[Path_] = set()
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        aliases: dict[str, Path_] = {}
        nodes = [node for statement in function.body for node in ast.walk(statement)]
        for node in nodes:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                resolved = _resolve(node.value, aliases, layout)
                if isinstance(target, ast.Name) and resolved is not None:
                    aliases[target.id] = resolved
        for node in nodes:
            if isinstance(node, ast.Subscript):
                resolved = _resolve(node, aliases, layout)
                if resolved:
                    asked.add(resolved)
    return asked


def _resolve(node: ast.expr, aliases: dict[str, Path_], layout: str) -> Path_ | None:
    """The wording path `node` stands for, or None if it is not the wording."""
    match node:
        case ast.Call(func=ast.Name(id="load_wording")):
            return ()
        case ast.Name(id=name) if name in aliases:
            return aliases[name]
        case ast.Name(id="wording"):
            return ()
        case ast.Attribute(value=ast.Name(id="parts" | "self"), attr="wording"):
            return ()  # all of the wording, as a layout is given it
        case ast.Attribute(value=ast.Name(id="parts"), attr="words"):
            return ("layouts", layout)
        case ast.Attribute(attr="wording"):  # pack.wording: the labels a renderer is given
            return ("labels",)
        case ast.Subscript(value=value, slice=ast.Constant(value=str(key))):
            base = _resolve(value, aliases, layout)
            return None if base is None else (*base, key)
    return None
