"""Generate a large synthetic content directory for benchmarks: N source documents with the same
conversion marks as the real ones (headings, bold, footnote markers, typographic quotes, page
furniture mid-sentence) and M items quoting whole sentences from them."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from briefgen.content.paths import SHIPPED_CONTENT

KINDS = (
    "recommendation", "position", "proposition", "principle", "risk", "driver",
    "success-criterion", "option", "question", "evidence", "example",
)  # fmt: skip
ORGS = ("sesl-seec", "lga-solace", "lga", "solace", "commissioner", "dfe")
WORDS = """
councils children services families funding early help social care partners schools
inspection improvement workforce demand pressure accountability governance leadership
commissioning providers market safeguarding outcomes prevention integration health
wellbeing skills employment young people local national government reform delivery
""".split()


def _sentence(rng: random.Random, number: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 28))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.2:
        words[3] = f"\u2018{words[3]}\u2019"
    if rng.random() < 0.1:
        words[5] = f"**{words[5]}**"
    if rng.random() < 0.1:
        words[-1] += f"<sup>{number % 30 + 1}</sup>"
    return " ".join(words) + f" {number}."


def generate(target: Path, documents: int, items: int, seed: int = 7) -> Path:
    """Write a content directory at `target` and return it."""
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    (target / "sources").mkdir(parents=True)
    (target / "items").mkdir()
    for name in ("themes.yaml", "organisations.yaml", "glossary.yaml"):
        shutil.copy(SHIPPED_CONTENT / name, target / name)
    themes = [
        line.split(":", 1)[1].strip()
        for line in (SHIPPED_CONTENT / "themes.yaml").read_text().splitlines()
        if line.startswith("- id:")
    ]
    per_doc = items // documents
    source_entries = []
    for doc in range(documents):
        sentences = [_sentence(rng, doc * 1000 + n) for n in range(per_doc * 2)]
        lines = [f"# **Synthetic document {doc}**", ""]
        for n in range(0, len(sentences), 4):
            lines.append(" ".join(sentences[n : n + 4]))
            lines.append("")
            if n % 40 == 36:  # a page boundary inside the next paragraph
                lines[-2] = lines[-2].rsplit(" ", 3)[0]
                lines += ["", f"synthetic{doc}.example.org", "", str(n // 40 + 1), ""]
                lines.append(" ".join(sentences[n + 3].rsplit(" ", 3)[1:]))
                lines.append("")
        file_name = f"doc{doc:04d}.txt"
        (target / "sources" / file_name).write_text("\n".join(lines), encoding="utf-8")
        source_entries.append(
            f"- id: doc-{doc}\n  title: Synthetic document {doc}\n  publisher: Benchmark\n"
            f"  date: '2026'\n  short_title: Synthetic {doc}\n  file: {file_name}\n"
            f"  furniture: ['synthetic{doc}\\.example\\.org']\n"
        )
        entries = []
        for n in range(per_doc):
            sentence = sentences[n * 2]
            text = sentence.replace("**", "").replace("\u2018", "'").replace("\u2019", "'")
            text = text.split("<sup>")[0] + (text.split("</sup>")[1] if "</sup>" in text else "")
            entries.append(
                f"  - id: d{doc}-i{n}\n    kind: {rng.choice(KINDS)}\n    org: {rng.choice(ORGS)}\n"
                f"    locator: para {n + 1}\n    themes: [{', '.join(rng.sample(themes, 2))}]\n"
                f"    key: {str(rng.random() < 0.15).lower()}\n    text: >-\n      {text}\n"
            )
        (target / "items" / f"doc{doc:04d}.yaml").write_text(
            f"source: doc-{doc}\nitems:\n" + "".join(entries), encoding="utf-8"
        )
    (target / "sources.yaml").write_text("".join(source_entries), encoding="utf-8")
    return target


def generate_library(
    target: Path, documents: int = 50, items: int = 10_000, seed: int = 11
) -> Path:
    """Write a content library at `target` (to read beside the shipped content, which defines
    its themes and organisations), written through the library writer: `documents` sources
    made of the shipped sources' real sentences, each in its own order, in paragraphs with a
    running header between some of them; and `items` quotes, each two sentences that stand
    together in one document (so no two quotes are the same), attributed to an organisation
    its source reports, with the quote's opening words as headline. Returns `target`."""
    import re

    import yaml

    from briefgen.content.quotes import normalise_source
    from briefgen.library.writer import append_items, append_source

    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    (target / "sources").mkdir(parents=True)
    content = SHIPPED_CONTENT
    shipped = yaml.safe_load((content / "sources.yaml").read_text(encoding="utf-8"))
    themes = [t["id"] for t in yaml.safe_load((content / "themes.yaml").read_text("utf-8"))]
    sentences = []
    for model in shipped:
        text = (content / "sources" / model["file"]).read_text("utf-8")
        normalised = normalise_source(text, model.get("furniture", [])).text
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", normalised):
            if 6 <= len(sentence.split()) <= 40 and sentence[-1] in ".!?" and "*" not in sentence:
                sentences.append(sentence)
    per_doc = items // documents
    for doc in range(documents):
        model = shipped[doc % len(shipped)]
        chosen = rng.sample(sentences, per_doc * 2)
        header = f"Synthetic report {doc}"
        paragraphs = []
        for n in range(0, len(chosen), 4):
            paragraphs.append(" ".join(chosen[n : n + 4]))
            if n % 40 == 36:
                paragraphs.append(header)  # a running header between pages
        source_id = f"lib-{doc:02d}"
        (target / "sources" / f"{source_id}.txt").write_text("\n\n".join(paragraphs), "utf-8")
        voices = model.get("organisations") or ["lga"]
        append_source(
            target,
            {
                "id": source_id,
                "title": f"{model['title']} (copy {doc})",
                "publisher": model["publisher"],
                "date": str(model["date"]),
                "short_title": f"{model['short_title']} ({doc})",
                "file": f"{source_id}.txt",
                "organisations": voices,
                "furniture": [re.escape(header)],
            },
        )
        records = []
        for n in range(per_doc):
            quote = " ".join(chosen[n * 2 : n * 2 + 2])
            records.append(
                {
                    "id": f"{source_id}-{n:03d}",
                    "kind": rng.choice(KINDS),
                    "org": rng.choice(voices),
                    "locator": f"para {n // 2 + 1}",
                    "themes": rng.sample(themes, rng.randint(1, 3)),
                    "key": rng.random() < 0.15,
                    "headline": " ".join(quote.split()[:6]).rstrip(",;:") + ".",
                    "text": quote,
                }
            )
        append_items(target, source_id, model["title"], records)
    return target
