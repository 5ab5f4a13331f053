"""CAMEO codes and PLOVER categories of statements, from ``data/cameo.yaml``.

Codes follow from a statement's stance alone, so they are computed when a
statement is exported rather than stored: a store written before the mapping
existed, or before it changed, exports the current codes.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from counterclaim.records import Statement, StatementCodes


@cache
def load_data(name: str) -> dict[str, Any]:
    """The parsed ``export/data/NAME.yaml`` (read once per process)."""
    text = resources.files("counterclaim.export").joinpath("data").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


def statement_codes(statement: Statement, statement_id: str) -> StatementCodes:
    """The id and codes of a statement (codes empty for a stance the mapping does not cover)."""
    code = load_data("cameo")["stances"].get(statement.stance)
    if code is None:
        return StatementCodes(statement_id=statement_id)
    return StatementCodes(
        statement_id=statement_id, cameo=code["cameo"], cameo_name=code["name"], plover=code["plover"]
    )
