"""Shared test fixtures: the real spaCy model and counterclaim pipeline, loaded once per session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from counterclaim.nlp import build_pipeline, load_model


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The bare spaCy model, without counterclaim's components."""
    return load_model()


@pytest.fixture(scope="session")
def pipeline() -> Language:
    """The full counterclaim pipeline as ``pipeline.yaml`` lists it."""
    return build_pipeline()


@pytest.fixture
def tmp_db(tmp_path) -> str:
    """The URL of a fresh SQLite file store (created on first open)."""
    return f"sqlite:///{tmp_path / 'store.db'}"
