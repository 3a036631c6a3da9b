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
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    import weasyprint  # noqa: F401  (imported up front so WeasyPrint-alone is measured warm)

    from briefgen.render.html import render_html_string
    from briefgen.render.pdf import url_fetcher_for_render

    corpus = load_corpus()
    pandoc = ensure_pandoc()
    rows = []
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        for label, (layout, audience) in PACKS.items():
            spec = PackSpec(layout=layout, audience=audience)
            pack = build_pack(corpus, spec)
            html, base_url = render_html_string(pack, corpus)
            row: dict[str, object] = {"pack": label, "items": len(pack.item_ids)}

            def weasy_alone(html: str = html, base_url: str = base_url) -> bytes:
                from weasyprint import HTML

                return HTML(
                    string=html, base_url=base_url, url_fetcher=url_fetcher_for_render()
                ).write_pdf(pdf_variant="pdf/ua-1")

            row["weasyprint_write_pdf_s"] = round(median_time(weasy_alone, args.runs), 3)
            for fmt in ("pdf", "docx"):
                out = scratch / f"{layout}.{fmt}"
                command = [str(BRIEFGEN), "build", "--layout", layout, "--audience", audience,
                           "-o", str(out)]  # fmt: skip
                row[f"briefgen_build_{fmt}_s"] = round(
                    median_time(lambda c=command: subprocess.run(c, check=True, capture_output=True),
                                args.runs), 3)  # fmt: skip
            if pandoc:
                markdown = scratch / f"{layout}.md"
                markdown.write_text(pack_markdown(pack), encoding="utf-8")
                command = [pandoc, str(markdown), "-o", str(scratch / f"{layout}-pandoc.docx")]
                row["pandoc_docx_s"] = round(
                    median_time(lambda c=command: subprocess.run(c, check=True), args.runs), 3
                )
            pdf_ratio = row["briefgen_build_pdf_s"] / row["weasyprint_write_pdf_s"]  # type: ignore[operator]
            row["pdf_vs_weasyprint"] = round(pdf_ratio, 2)
            if "pandoc_docx_s" in row:
                row["docx_vs_pandoc"] = round(
                    row["briefgen_build_docx_s"] / row["pandoc_docx_s"],
                    2,  # type: ignore[operator]
                )
            rows.append(row)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    columns = ["pack", "items", "briefgen_build_pdf_s", "weasyprint_write_pdf_s",
               "pdf_vs_weasyprint", "briefgen_build_docx_s", "pandoc_docx_s", "docx_vs_pandoc"]  # fmt: skip
    print("  ".join(f"{c:>22}" if c != "pack" else f"{c:<28}" for c in columns))
    for row in rows:
        print("  ".join(
            f"{row.get(c, ''):>22}" if c != "pack" else f"{row[c]:<28}" for c in columns))  # fmt: skip
    print("\nTargets: pdf_vs_weasyprint <= 1.25; docx_vs_pandoc <= 1.0; member briefing PDF < 3 s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
