"""PyYAML's loaders, as LibYAML's faster versions where PyYAML was built with LibYAML: the same
documents and nodes, about ten times faster. Every YAML reader in briefgen takes them from here."""

from __future__ import annotations

import yaml

# Every value as it is written (the pack file reader checks and converts each field itself).
BaseLoader: type[yaml.BaseLoader] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
# The safe subset: plain data, no Python objects.
SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
