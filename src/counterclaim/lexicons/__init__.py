"""Word lists and patterns the rule-based components read, kept as YAML data.

Rules stay general by keeping their vocabulary here rather than in code: a new
term is a data change, not a code change.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """The parsed ``NAME.yaml`` bundled in this package (read once per process)."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


@cache
def lexicon_words(name: str, key: str) -> frozenset[str]:
    """The word list under ``key`` in ``NAME.yaml``, lower-cased, as a set built once: rules test token after token
    against the same few lists."""
    return frozenset(str(w).lower() for w in load_lexicon(name)[key])
