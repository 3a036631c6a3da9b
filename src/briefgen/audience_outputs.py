"""One selection, several audiences: the files a build or an export writes when the officer asks
for more than one audience, each pack built as if it had been exported on its own.

`briefgen build --audience members --audience partners -o pack.pdf` writes pack-members.pdf
and pack-partners.pdf; the app's export can tick several audiences and call the same functions.
One audience keeps the file name as given.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from briefgen.content.model import Corpus
from briefgen.errors import BriefgenError
from briefgen.pack.model import Pack, PackSpec
from briefgen.render import RenderOptions, RenderResult


class AudienceOutput(NamedTuple):
    """One audience's file: its path, and once built, its pack and rendered bytes."""

    audience: str
    path: Path


class AudienceBuild(NamedTuple):
    audience: str
    path: Path
    pack: Pack
    result: RenderResult


def audience_outputs(output: Path, audiences: Sequence[str]) -> list[AudienceOutput]:
    """Where each audience's file goes: `output` itself for one audience; for several, the
    audience's id after the name (pack.pdf -> pack-members.pdf, pack-partners.pdf). An
    audience given twice is built once."""
    chosen = list(dict.fromkeys(audiences))
    if len(chosen) <= 1:
        return [AudienceOutput(audience, output) for audience in chosen]
    suffix = "".join(output.suffixes[-1:])
    stem = output.name[: len(output.name) - len(suffix)] if suffix else output.name
    return [
        AudienceOutput(audience, output.with_name(f"{stem}-{audience}{suffix}"))
        for audience in chosen
    ]


def spec_for_audience(spec: PackSpec, audience: str) -> PackSpec:
    """A copy of `spec` for `audience`: the same selection, meeting and officer's text."""
    copied = copy.deepcopy(spec)
    copied.audience = audience
    return copied


def build_audiences(
    corpus: Corpus,
    spec: PackSpec,
    outputs: Sequence[AudienceOutput],
    format_name: str,
    options: RenderOptions | None = None,
) -> list[AudienceBuild]:
    """Build and render `spec` once per output's audience, writing nothing: every file is
    rendered before any is written, so a failure leaves no half-set of files. A failure names
    the audience it happened for."""
    from briefgen.pack import build_pack
    from briefgen.render import render

    builds = []
    for audience, path in outputs:
        try:
            pack = build_pack(corpus, spec_for_audience(spec, audience))
            result = render(pack, corpus, format_name, options)
        except BriefgenError as error:
            if len(outputs) == 1:
                raise
            raise BriefgenError(f"for the {audience} audience: {error}") from None
        builds.append(AudienceBuild(audience, path, pack, result))
    return builds


def write_builds(builds: Sequence[AudienceBuild]) -> None:
    """Write each built file atomically (a file that fails leaves the old one)."""
    from briefgen.atomic import write_atomic

    for build in builds:
        write_atomic(build.path, build.result.data)
