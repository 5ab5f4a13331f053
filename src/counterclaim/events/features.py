"""What one article contributes as evidence that it reports a given attack.

Features are read from an :class:`~counterclaim.records.ArticleRecord` only, so
clustering works the same on fresh extractions and on records loaded back from
the store.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from counterclaim.events.actors import ActorNames, normalise_name
from counterclaim.events.config import ClusterConfig
from counterclaim.nlp.gazetteer import find_city
from counterclaim.records import ArticleRecord, Place

#: Stances whose target is the party said to be behind the attack.
RESPONSIBILITY_STANCES = frozenset({"claim", "confirm", "accuse"})


@dataclass(frozen=True)
class ArticleFeatures:
    """The comparable facts of one article: attack date, place, type, toll, parties, text."""

    document_id: str
    document_name: str
    published: dt.date | None
    has_attack: bool
    date: dt.date | None
    city: str | None
    country: str | None
    city_key: str | None
    country_key: str | None
    attack_class: str | None
    killed: int | None
    coordinates: tuple[float, float] | None = None
    groups: frozenset[str] = field(default_factory=frozenset)
    actors: frozenset[str] = field(default_factory=frozenset)
    text: str = ""


def attack_class(type_text: str | None, type_class: str | None, config: ClusterConfig) -> str | None:
    """The GTD class of an attack from the extractor's class or wording (first listed class that matches)."""
    words = " ".join(t for t in (type_class, type_text) if t).casefold()
    if not words:
        return None
    for name, cues in config.attack_classes.items():
        if name in words or any(cue in words for cue in cues):
            return name
    return None


def coordinates(place: Place) -> tuple[float, float] | None:
    """Latitude and longitude of the attack's city: the record's own, else the offline gazetteer's."""
    if place.latitude is not None and place.longitude is not None:
        return (place.latitude, place.longitude)
    city = find_city(place.city, place.country) if place.city else None
    return (city.latitude, city.longitude) if city else None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _is_group(name: str, names: ActorNames) -> bool:
    """Whether a party held responsible is a key for grouping: states are not, being blamed for many attacks at
    once ("India accused"), so a state named by two articles says nothing about their being one attack."""
    return names.kind(name) != "state"


def article_features(record: ArticleRecord, config: ClusterConfig, names: ActorNames) -> ArticleFeatures:
    """Collect the features of one article record."""
    event = record.event
    groups: set[str] = set()
    actors: set[str] = set()
    for statement in record.statements:
        target = statement.target_name
        if statement.stance in RESPONSIBILITY_STANCES and target and _is_group(target, names):
            groups.add(names.key(target))
        actors.add(names.key(statement.speaker_name))
    if event is not None:
        perpetrators = event.perpetrators
        for name in [*perpetrators.claimed_by, *perpetrators.accused, *perpetrators.confirmed, *event.groups_involved]:
            if _is_group(name, names):
                groups.add(names.key(name))
    doc = record.document
    return ArticleFeatures(
        document_id=doc.id,
        document_name=doc.name,
        published=doc.published,
        has_attack=event is not None
        and any((event.date, event.place.city, event.place.country, event.attack_type, event.attack_type_text)),
        date=event.date if event else None,
        city=event.place.city if event else None,
        country=event.place.country if event else None,
        city_key=normalise_name(event.place.city) if event and event.place.city else None,
        country_key=names.key(event.place.country) if event and event.place.country else None,
        attack_class=attack_class(event.attack_type_text, event.attack_type, config) if event else None,
        killed=event.killed if event else None,
        coordinates=coordinates(event.place) if event else None,
        groups=frozenset(groups - {""}),
        actors=frozenset(actors - {""}),
        text=" ".join(t for t in (doc.title, doc.text) if t),
    )
