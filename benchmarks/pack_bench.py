"""Pack build speed (issue: briefing packs).

For the all-themes evidence pack and the member briefing, measures:
- `briefgen build` as a whole process, to PDF and to Word;
- WeasyPrint alone (`HTML(string).write_pdf`) on the same HTML, in this process, warm;
- pandoc writing the same pack content as .docx from Markdown (Debian's pandoc; this script
  installs it with apt-get if it is missing).
Targets: briefgen's PDF build within 1.25x of WeasyPrint alone; the Word build no slower than
pandoc; the member briefing PDF under 3 s.

    .venv/bin/python benchmarks/pack_bench.py [--json] [--runs N]
"""

from __future__ import annotations

import argparse
import compileall
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import briefgen
from briefgen.content import load_corpus
from briefgen.pack import PackSpec, build_pack
from briefgen.pack.model import BulletList, Pack, Paragraph, Placeholder, Quote, Table

BRIEFGEN = Path(sys.executable).with_name("briefgen")
PACKS = {
    "evidence pack, all themes": ("evidence-pack", "senior-officers"),
    "member briefing, all themes": ("member-briefing", "members"),
}


def median_time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def alternate_times(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """The median wall time of each command as a whole process, the commands run in turn."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in times.items()}


def pack_markdown(pack: Pack) -> str:
    """The pack's content as Markdown, for pandoc: the same sections, quotes and citations."""
    lines = [f"# {pack.title}", "", pack.meeting_line, ""]
    for section in pack.sections:
        lines += ["#" * (section.level + 1) + f" {section.number} {section.title}".rstrip(), ""]
        for block in section.blocks:
            if isinstance(block, Quote):
                if block.headline:
                    lines += [f"**{block.headline}**", ""]
                lines += [f"> {block.text}", "", f"*{block.citation}*", ""]
            elif isinstance(block, (Paragraph, Placeholder)):
                lines += [f"{block.number} {block.text}".strip(), ""]
            elif isinstance(block, BulletList):
                lines += [f"- {entry}" for entry in block.entries] + [""]
            elif isinstance(block, Table):
                lines.append("| " + " | ".join(block.header) + " |")
                lines.append("|" + "---|" * len(block.header))
                lines += ["| " + " | ".join(row) + " |" for row in block.rows] + [""]
    return "\n".join(lines)


def ensure_pandoc() -> str | None:
    if shutil.which("pandoc"):
        return shutil.which("pandoc")
    subprocess.run(["apt-get", "install", "-y", "-qq", "pandoc"], check=False, capture_output=True)
    return shutil.which("pandoc")


WEASYPRINT_PROCESS = """
import sys
from weasyprint import HTML
from briefgen.render.fetcher import AssetFetcher
from briefgen.render.html import base_url
html = open(sys.argv[1], encoding="utf-8").read()
HTML(string=html, base_url=base_url(), url_fetcher=AssetFetcher()).write_pdf(
    sys.argv[2], pdf_variant="pdf/ua-1", pdf_tags=True)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    # Time the byte-compiled modules set-up installs, not a recompile of a module edited since.
    compileall.compile_dir(Path(briefgen.__file__).parent, quiet=1)

    from weasyprint import HTML

    from briefgen.render import render
    from briefgen.render.fetcher import AssetFetcher
    from briefgen.render.html import base_url, render_html_string

    corpus = load_corpus()
    pandoc = ensure_pandoc()
    rows = []
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        for label, (layout, audience) in PACKS.items():
            spec = PackSpec(layout=layout, audience=audience)
            pack = build_pack(corpus, spec)
            html = render_html_string(pack, corpus)
            html_file = scratch / f"{layout}.html"
            html_file.write_text(html, encoding="utf-8")
            row: dict[str, object] = {"pack": label, "items": len(pack.item_ids)}

            def weasy_alone(html: str = html) -> bytes:
                source = HTML(string=html, base_url=base_url(), url_fetcher=AssetFetcher())
                return source.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)

            def briefgen_pdf(spec: PackSpec = spec) -> bytes:
                return render(build_pack(corpus, spec), corpus, "pdf").data

            weasy_alone()  # warm both paths: fonts, templates
            row["write_pdf_s"] = round(median_time(weasy_alone, args.runs), 3)
            row["render_pdf_s"] = round(median_time(briefgen_pdf, args.runs), 3)
            row["render_vs_write_pdf"] = round(row["render_pdf_s"] / row["write_pdf_s"], 2)
            weasy_process = [sys.executable, "-c", WEASYPRINT_PROCESS, str(html_file),
                             str(scratch / "alone.pdf")]  # fmt: skip
            row["weasyprint_process_s"] = round(
                median_time(lambda c=weasy_process: subprocess.run(c, check=True), args.runs), 3
            )
            out = scratch / f"{layout}.pdf"
            build_pdf = [str(BRIEFGEN), "build", "--layout", layout, "--audience", audience,
                         "-o", str(out)]  # fmt: skip
            row["build_pdf_s"] = round(
                median_time(lambda c=build_pdf: subprocess.run(c, check=True, capture_output=True),
                            args.runs), 3)  # fmt: skip
            row["build_vs_weasyprint_process"] = round(
                row["build_pdf_s"] / row["weasyprint_process_s"], 2
            )
            # The Word build and pandoc each take about a tenth of a second on a small pack, so
            # they are timed more often and alternately: drift in the machine's speed then
            # falls on both alike.
            build_docx = [str(BRIEFGEN), "build", "--layout", layout, "--audience", audience,
                          "-o", str(scratch / f"{layout}.docx")]  # fmt: skip
            commands = {"build_docx_s": build_docx}
            if pandoc:
                markdown = scratch / f"{layout}.md"
                markdown.write_text(pack_markdown(pack), encoding="utf-8")
                commands["pandoc_docx_s"] = [
                    pandoc, str(markdown), "-o", str(scratch / f"{layout}-pandoc.docx")
                ]  # fmt: skip
            for name, seconds in alternate_times(commands, max(args.runs, 15)).items():
                row[name] = round(seconds, 3)
            if pandoc:
                row["docx_vs_pandoc"] = round(row["build_docx_s"] / row["pandoc_docx_s"], 2)
            rows.append(row)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    columns = [c for c in rows[0] if c != "pack"]
    print(f"{'measure':<30}" + "".join(f"{row['pack']:>30}" for row in rows))
    for column in columns:
        print(f"{column:<30}" + "".join(f"{row.get(column, ''):>30}" for row in rows))
    print(
        "\nTargets: render_vs_write_pdf and build_vs_weasyprint_process <= 1.25; "
        "docx_vs_pandoc <= 1.0; member briefing build_pdf_s < 3"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
