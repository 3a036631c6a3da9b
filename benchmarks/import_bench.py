"""Import speed (issue 15): a generated 100-page PDF and a 100-page Word file, extracted in process
and imported by the whole `briefgen import` command (a fresh process into a fresh library).

Targets: the import under 3 s each, and the PDF import (start-up included) within 6x
`pdftotext` (poppler) on the same PDF in the same run. The generated
documents are built from the shipped sources' sentences, with headings, numbered paragraphs,
a running header and printed page numbers; the script checks that sampled sentences verify.

    .venv/bin/python benchmarks/import_bench.py [--json] [--runs N]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
from pack_bench import median_time  # the same timing as the build benchmark (this folder)

from briefgen.content.paths import SHIPPED_CONTENT
from briefgen.content.quotes import locate, normalise_source
from briefgen.library.extract import ExtractedDocument, extract

PAGES = 100


def real_sentences() -> list[str]:
    """Sentences of the shipped sources, without their conversion marks."""
    sentences: list[str] = []
    for path in sorted((SHIPPED_CONTENT / "sources").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or "<sup>" in line or len(line) < 80:
                continue
            line = line.replace("**", "")
            sentences += [
                s
                for s in re.split(r"(?<=[.!?])\s+", line)
                if len(s.split()) >= 8 and s[0].isupper() and s.endswith(".")
            ]
    return sentences


def chapters(sentences: list[str], paragraphs: int) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) in order: twelve paragraphs of four sentences per chapter."""
    rng = random.Random(15)
    out: list[tuple[str, list[str]]] = []
    for number in range(1, paragraphs // 12 + 2):
        title = " ".join(rng.choice(sentences).split()[:4]).rstrip(".,;:")
        body = [" ".join(rng.choice(sentences) for _ in range(4)) for _ in range(12)]
        out.append((f"{number} {title}", body))
    return out


def write_pdf(path: Path, content: list[tuple[str, list[str]]]) -> int:
    import weasyprint

    parts = []
    for heading, paragraphs in content:
        number = heading.split()[0]
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        parts += [
            f"<p>{number}.{i} {html.escape(text)}</p>" for i, text in enumerate(paragraphs, 1)
        ]
    document = f"""<!doctype html><html lang="en-GB"><head><style>
    @page {{ size: A4; margin: 25mm 20mm;
      @top-center {{ content: "Generated council report"; font-size: 8pt }}
      @bottom-center {{ content: counter(page); font-size: 9pt }} }}
    body {{ font-family: DejaVu Serif; font-size: 10.5pt; line-height: 1.35 }}
    h2 {{ font-size: 14pt }}
    </style></head><body>{"".join(parts)}</body></html>"""
    rendered = weasyprint.HTML(string=document).render()
    rendered.copy(rendered.pages[:PAGES]).write_pdf(path)
    return min(PAGES, len(rendered.pages))


def write_docx(path: Path, content: list[tuple[str, list[str]]]) -> None:
    document = docx.Document()
    for heading, paragraphs in content:
        document.add_heading(heading, level=1)
        number = heading.split()[0]
        for i, text in enumerate(paragraphs, 1):
            document.add_paragraph(f"{number}.{i} {text}")
        table = document.add_table(rows=2, cols=3)
        for cell, text in zip(table._cells, ("Measure", "Target", "Actual"), strict=False):
            cell.text = text
    document.save(str(path))


def python_environment(scratch: Path) -> dict[str, str]:
    """The environment for timed Python processes: compiled modules cached (in `scratch`, not
    the source tree), as an installed briefgen has them, even where the shell sets
    PYTHONDONTWRITEBYTECODE; no user library or team folders of the machine's own."""
    environment = {
        key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"
    }
    environment |= {
        "PYTHONPYCACHEPREFIX": str(scratch / "pycache"),
        "BRIEFGEN_USER_LIBRARY": str(scratch / "user"),
        "BRIEFGEN_CONFIG_DIR": str(scratch / "config"),
        "BRIEFGEN_LIBRARY": "",
    }
    return environment


def import_command(path: Path, scratch: Path) -> Callable[[], object]:
    """Run `briefgen import` on `path` into a new library each time (the same file twice would
    be refused); one untimed run first fills the compiled-module cache."""
    folders: Iterator[int] = iter(range(10**6))
    environment = python_environment(scratch)

    def run() -> object:
        library = scratch / f"library-{path.suffix[1:]}-{next(folders)}"
        command = [
            sys.executable,
            "-m",
            "briefgen.cli",
            "import",
            str(path),
            "--into",
            str(library),
        ]
        command += ["--publisher", "Benchmark Council", "--date", "2026"]
        return subprocess.run(command, check=True, env=environment, stdout=subprocess.DEVNULL)

    run()
    return run


def verified_share(document: ExtractedDocument, content: list[tuple[str, list[str]]]) -> str:
    normalised = normalise_source(document.text)
    sample = [p.split(". ")[0] + "." for _, paragraphs in content[:8] for p in paragraphs[:3]]
    found = sum(locate(sentence, normalised) is not None for sentence in sample)
    return f"{found}/{len(sample)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sentences = real_sentences()
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        pdf, word = Path(scratch) / "report.pdf", Path(scratch) / "report.docx"
        # ~9 numbered paragraphs a page in A4 at 10.5 pt: enough chapters for 100 pages.
        content = chapters(sentences, PAGES * 10)
        pages = write_pdf(pdf, content)
        pdf_document = extract(pdf)
        # The Word file holds the chapters the 100 PDF pages hold (Word has no fixed pages).
        write_docx(word, [c for c in content if f"\n{c[0]}\n" in pdf_document.text])
        word_document = extract(word)
        seconds = median_time(lambda: extract(pdf), args.runs)
        labels = sum(p.label_source == "printed" for p in pdf_document.pages)
        rows.append(
            {"measure": f"PDF extract, {pages} pages (in process)", "seconds": round(seconds, 3),
             "target": 3.0, "detail": f"{labels} printed labels, "
             f"{len(pdf_document.paragraphs)} para numbers, "
             f"verified {verified_share(pdf_document, content)}"}
        )  # fmt: skip
        script = f"from briefgen.library.extract import extract; extract({str(pdf)!r})"
        environment = python_environment(Path(scratch))
        subprocess.run([sys.executable, "-c", script], check=True, env=environment)  # compile
        process = median_time(
            lambda: subprocess.run([sys.executable, "-c", script], check=True, env=environment),
            args.runs,
        )
        rows.append(
            {"measure": "PDF extract, whole Python process", "seconds": round(process, 3),
             "target": None, "detail": ""}
        )  # fmt: skip
        pdf_import = median_time(import_command(pdf, Path(scratch)), args.runs)
        rows.append(
            {"measure": "briefgen import, PDF (whole command)", "seconds": round(pdf_import, 3),
             "target": 3.0, "detail": ""}
        )  # fmt: skip
        if shutil.which("pdftotext"):
            reference = median_time(
                lambda: subprocess.run(["pdftotext", str(pdf), "/dev/null"], check=True),
                args.runs,
            )
            rows.append(
                {"measure": "pdftotext, same PDF (reference)", "seconds": round(reference, 3),
                 "target": None, "detail": f"process / pdftotext = {process / reference:.1f}x; "
                 f"import / pdftotext = {pdf_import / reference:.1f}x (target 6x)"}
            )  # fmt: skip
        seconds = median_time(lambda: extract(word), args.runs)
        rows.append(
            {"measure": "Word extract, same text (in process)", "seconds": round(seconds, 3),
             "target": 3.0, "detail": f"{len(word_document.text):,} characters, "
             f"{len(word_document.headings)} headings, "
             f"verified {verified_share(word_document, content)}"}
        )  # fmt: skip
        word_import = median_time(import_command(word, Path(scratch)), args.runs)
        rows.append(
            {"measure": "briefgen import, Word (whole command)", "seconds": round(word_import, 3),
             "target": 3.0, "detail": ""}
        )  # fmt: skip
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'measure':<40} {'seconds':>8} {'target':>7}  detail")
    for row in rows:
        target = f"{row['target']:.1f}" if row["target"] else ""
        print(f"{row['measure']:<40} {row['seconds']:>8.3f} {target:>7}  {row['detail']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
