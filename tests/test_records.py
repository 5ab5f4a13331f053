"""The JSON Schemas in ``docs/schema`` are the records' own: regenerate with ``make schema`` when a record changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counterclaim.records import SCHEMA_MODELS, document_id, normalise_text, unix_newlines

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "docs" / "schema"


@pytest.mark.parametrize("model", SCHEMA_MODELS, ids=lambda m: m.__name__)
def test_published_schema_matches_the_record(model) -> None:
    published = json.loads((SCHEMA_DIR / f"{model.__name__}.schema.json").read_text(encoding="utf-8"))
    assert published == model.model_json_schema(), "run `make schema` and commit docs/schema"


def test_document_id_ignores_line_endings_and_trailing_blanks() -> None:
    unix = "Headline\n\nA bomb exploded in the market on Monday."
    windows = "Headline  \r\n\r\nA bomb exploded in the market on Monday.\r\n"
    assert normalise_text(windows) == unix
    assert document_id(windows) == document_id(unix)
    assert document_id(unix) != document_id(unix.replace("Monday", "Tuesday"))


def test_stored_text_keeps_offsets_of_the_text_as_read() -> None:
    """Evidence offsets index the text a reader sees, so only newlines change, never lengths of lines."""
    raw = "  Headline  \r\n\r\nText with trailing blanks   \r\n"
    assert unix_newlines(raw) == "  Headline  \n\nText with trailing blanks   \n"
