"""The rule for each item kind, in one line, as curators apply it (docs/curation-kinds.md): read
from `templates/kind_rules.yaml` so the app and the review file show officers choosing a kind the
same words the curation guide uses."""

from __future__ import annotations

from functools import lru_cache

from briefgen.content.model import ITEM_KINDS
from briefgen.content.paths import SHIPPED_TEMPLATES
from briefgen.errors import BriefgenError

KIND_RULES = SHIPPED_TEMPLATES / "kind_rules.yaml"


@lru_cache(maxsize=1)
def kind_rules() -> dict[str, str]:
    """Each kind's one-line rule, in the order of `ITEM_KINDS` (briefgen's own file, not a
    council's: the kinds are briefgen's)."""
    import yaml

    from briefgen.yamlloaders import SafeLoader

    try:
        data = yaml.load(KIND_RULES.read_text(encoding="utf-8"), Loader=SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise BriefgenError(
            f"{KIND_RULES}: cannot read the kind rules ({error}); reinstall briefgen"
        ) from None
    if not isinstance(data, dict) or sorted(data) != sorted(ITEM_KINDS):
        raise BriefgenError(f"{KIND_RULES}: expected one rule for each kind; reinstall briefgen")
    return {kind: " ".join(str(data[kind]).split()) for kind in ITEM_KINDS}
