"""The bundled lexicons hold words, never YAML 1.1's booleans: an unquoted "on", "no", "yes" or "off" in a list
loads as True or False and silently matches no token."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest

from counterclaim.lexicons import load_lexicon

_NAMES = sorted(
    p.name.removesuffix(".yaml") for p in resources.files("counterclaim.lexicons").iterdir() if p.name.endswith(".yaml")
)


def _booleans(value: Any, path: str) -> list[str]:
    if isinstance(value, bool):
        return [path]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _booleans(k, f"{path}.key") + _booleans(v, f"{path}.{k}")]
    if isinstance(value, list):
        return [p for v in value for p in _booleans(v, path)]
    return []


@pytest.mark.parametrize("name", _NAMES)
def test_lexicon_holds_no_yaml_booleans(name: str) -> None:
    assert _booleans(load_lexicon(name), name) == []
