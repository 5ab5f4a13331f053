"""The clustering settings of ``config.yaml`` as a typed record (config over code)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict


class DateWindows(BaseModel):
    """Day windows for comparing attack dates and publication dates."""

    model_config = ConfigDict(extra="forbid")

    window_days: int
    far_days: int
    followup_days: int


class Weights(BaseModel):
    """Score added by each piece of evidence for or against "same attack"."""

    model_config = ConfigDict(extra="forbid")

    date_close: float
    date_apart: float
    date_far: float
    published_followup: float
    published_before: float
    same_city: float
    other_city: float
    nearby_city: float
    city_not_named: float
    same_country: float
    other_country: float
    same_attack_class: float
    other_attack_class: float
    close_casualties: float
    shared_group: float
    shared_actor: float
    shared_actor_max: float
    text: float
    near_duplicate: float
    place_named_in_text: float
    other_country_named: float
    undated_unlike: float
    same_site: float
    other_site: float
    same_site_name: float
    other_site_name: float


class ClusterConfig(BaseModel):
    """Everything the event clustering reads from its config file."""

    model_config = ConfigDict(extra="forbid")

    threshold: float
    no_attack_min_similarity: float
    similarity_backend: Literal["tfidf", "embeddings", "auto"] = "tfidf"
    date: DateWindows
    weights: Weights
    near_duplicate_similarity: float
    undated_min_similarity: float
    same_toll_min: int
    same_toll_margin: int
    rare_name_share: float
    rare_names_tie: int
    casualty_tolerance: float
    city_match_ratio: float
    near_km: float
    attack_classes: dict[str, list[str]]
    sites: dict[str, list[str]]
    site_lead_chars: int
    site_name_chars: int
    site_name_stopwords: list[str]
    target_words_before: list[str]
    target_words_after: list[str]


def load_config(path: str | Path | None = None) -> ClusterConfig:
    """The settings from ``path``, or the bundled ``config.yaml``."""
    if path is None:
        text = resources.files(__package__).joinpath("config.yaml").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return ClusterConfig.model_validate(yaml.safe_load(text))
