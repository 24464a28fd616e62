"""Reading the YAML rule and data files: one loader, the C one when PyYAML has it.

Why: PyYAML's pure-Python SafeLoader took 3.5 s of a profiled 29 s load to read the rule files
(skills.yaml alone is thousands of nodes), once in every process of a load. ``CSafeLoader`` is
the same safe loader over libyaml (shipped in PyYAML's wheels) and builds the same objects
about ten times faster; the pure-Python loader remains where libyaml is missing.
"""

from __future__ import annotations

from typing import IO, Any

import yaml

_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(stream: str | bytes | IO[str] | IO[bytes]) -> Any:
    """``yaml.safe_load``, through libyaml when available."""
    return yaml.load(stream, Loader=_LOADER)
