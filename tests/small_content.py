"""A small content folder the tests write for themselves (two short source documents and the
items quoted from them, word for word), and a fast fake renderer for tests about logic."""

from __future__ import annotations

import io
import shutil
import textwrap
from pathlib import Path
from typing import Any

from briefgen.content.paths import SHIPPED_CONTENT
from briefgen.render import RenderResult

CONTENT = SHIPPED_CONTENT

# Two small source documents and the items quoted from them, word for word. Ids say the theme
# and kind, so a test can reason about the order a pack gives them.
ALPHA_TEXT = """\
# Alpha review of children's services

## 1. Workforce

1.1 Councils report that recruiting experienced social workers is harder every year.
Agency staff now fill one post in five across the region.

1.2 Councils should agree a regional memorandum of understanding on agency pay rates.

1.3 Without a stable workforce, improvement plans will stall and costs will rise.

## 2. Funding

2.1 Spending on children's social care has risen faster than any other council service.

2.2 Government should give councils a multi-year funding settlement for children's services.

2.3 Short-term grants make it hard to plan early help services.

## 3. Delivery models

3.1 A children's trust can bring fresh leadership to a service that has failed.

3.2 Councils should remain accountable for children's services whatever the delivery model.

3.3 Moving services to a trust carries set-up costs that are rarely recovered.
"""

BETA_TEXT = """\
# Beta partnership paper

Partners told us that sharing information early prevents harm to children.

Schools, police and health services should sit on a single partnership board.

The board in one county cut repeat referrals by a third in two years.

Partnership working fails when budgets stay separate and targets conflict.
"""

SOURCES = """\
- id: alpha
  title: Alpha review of children's services
  publisher: Alpha Institute
  date: 12 March 2024
  short_title: Alpha review
  file: alpha.txt
- id: beta
  title: Beta partnership paper
  publisher: Beta Network
  date: "2025"
  short_title: Beta paper
  file: beta.txt
"""

ALPHA_ITEMS = """\
source: alpha
items:
  - id: wf-evidence-agency
    kind: evidence
    org: lga
    locator: para 1.1
    themes: [workforce]
    text: Agency staff now fill one post in five across the region.
  - id: wf-rec-pay
    kind: recommendation
    org: lga
    locator: para 1.2
    themes: [workforce]
    key: true
    headline: Councils should agree agency pay rates together.
    text: >-
      Councils should agree a regional memorandum of understanding on agency pay rates.
  - id: wf-risk-stall
    kind: risk
    org: solace
    locator: para 1.3
    themes: [workforce]
    key: true
    headline: Improvement stalls without a stable workforce.
    text: Without a stable workforce, improvement plans will stall and costs will rise.
  - id: fund-evidence-rise
    kind: evidence
    org: lga
    locator: para 2.1
    themes: [funding]
    text: >-
      Spending on children's social care has risen faster than any other council service.
  - id: fund-rec-settlement
    kind: recommendation
    org: lga
    locator: para 2.2
    themes: [funding]
    key: true
    headline: Councils need funding settled for several years.
    text: >-
      Government should give councils a multi-year funding settlement for children's services.
  - id: fund-risk-grants
    kind: risk
    org: solace
    locator: para 2.3
    themes: [funding, early-help]
    key: true
    headline: Short-term grants make planning hard.
    text: Short-term grants make it hard to plan early help services.
  - id: dm-option-trust
    kind: option
    org: commissioner
    locator: para 3.1
    themes: [delivery-models]
    text: A children's trust can bring fresh leadership to a service that has failed.
  - id: dm-position-accountable
    kind: position
    org: lga
    locator: para 3.2
    themes: [delivery-models, governance-accountability]
    key: true
    headline: Councils stay accountable whatever the model.
    text: >-
      Councils should remain accountable for children's services whatever the delivery model.
  - id: dm-risk-costs
    kind: risk
    org: commissioner
    locator: para 3.3
    themes: [delivery-models, funding]
    key: true
    headline: Trusts cost money to set up.
    text: Moving services to a trust carries set-up costs that are rarely recovered.
"""

BETA_ITEMS = """\
source: beta
items:
  - id: part-evidence-sharing
    kind: evidence
    org: dfe
    locator: page 1
    themes: [partnership-integration]
    text: Partners told us that sharing information early prevents harm to children.
  - id: part-rec-board
    kind: recommendation
    org: dfe
    locator: page 1
    themes: [partnership-integration, governance-accountability]
    key: true
    headline: One partnership board for schools, police and health.
    text: Schools, police and health services should sit on a single partnership board.
  - id: part-example-referrals
    kind: example
    org: dfe
    locator: page 2
    themes: [partnership-integration]
    text: The board in one county cut repeat referrals by a third in two years.
  - id: part-risk-budgets
    kind: risk
    org: dfe
    locator: page 2
    themes: [partnership-integration, funding]
    key: true
    headline: Separate budgets undermine partnerships.
    text: Partnership working fails when budgets stay separate and targets conflict.
"""


def write_content(root: Path) -> Path:
    """A small content folder: the shipped themes, organisations and glossary, our sources."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("themes.yaml", "organisations.yaml", "glossary.yaml"):
        shutil.copy(CONTENT / name, root / name)
    (root / "sources").mkdir(exist_ok=True)
    (root / "sources" / "alpha.txt").write_text(ALPHA_TEXT, encoding="utf-8")
    (root / "sources" / "beta.txt").write_text(BETA_TEXT, encoding="utf-8")
    (root / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (root / "items").mkdir(exist_ok=True)
    (root / "items" / "alpha.yaml").write_text(textwrap.dedent(ALPHA_ITEMS), encoding="utf-8")
    (root / "items" / "beta.yaml").write_text(textwrap.dedent(BETA_ITEMS), encoding="utf-8")
    return root


def blank_pdf(pages: int = 1) -> bytes:
    """A real (empty) A4 PDF, so QtPdf has something valid to show."""
    import pypdf

    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    stream = io.BytesIO()
    writer.write(stream)
    return stream.getvalue()


class FakeRenderer:
    """Stands in for `briefgen.render.render`: instant, records what it was asked, can be made
    slow or made to fail."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, str]] = []
        self.options: list[Any] = []
        self.delay = 0.0
        self.error: Exception | None = None
        self.warnings: tuple[str, ...] = ()
        self.pdf = blank_pdf(2)

    def __call__(self, pack: Any, corpus: Any, format_name: str, options: Any = None) -> Any:
        import time

        self.calls.append((pack, format_name))
        self.options.append(options)
        if self.delay:
            time.sleep(self.delay)
        if self.error is not None:
            raise self.error
        if format_name == "pdf":
            return RenderResult(self.pdf, 2, self.warnings)
        if format_name == "html":
            return RenderResult(f"<h1>{pack.title}</h1>".encode(), None, self.warnings)
        return RenderResult(b"PK fake " + format_name.encode(), None, self.warnings)
