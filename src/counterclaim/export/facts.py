"""The facts of one event across its articles, for the formats with one row or object per event (GTD, STIX).

Date, city, country and attack class are the event's as clustering decided
them; the rest comes from the member articles' attack records: the place
details of an article naming the event's city, the most common wording and
weapon, a suicide attack if any article says so, and the casualty figures of
the latest article giving them (tolls rise as bodies are counted, and later
reports revise earlier ones). Who claimed, confirmed and was accused is the
narrative's (statements reported by several outlets counted once).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from counterclaim.events.cluster import arrival_order
from counterclaim.events.features import coordinates
from counterclaim.export.source import ExportUnit
from counterclaim.records import Event, Place
from counterclaim.report.narrative import PartyLine


@dataclass(frozen=True)
class EventFacts:
    """One event's facts as an event table gives them."""

    date: dt.date | None
    city: str | None
    region: str | None
    country: str | None
    landmark: str | None
    latitude: float | None
    longitude: float | None
    attack_type: str | None
    attack_type_text: str | None
    suicide: bool
    weapon: str | None
    killed: int | None
    killed_source: str | None
    injured: int | None
    injured_source: str | None
    claimed_by: list[PartyLine]
    confirmed: list[PartyLine]
    accused: list[PartyLine]


def event_facts(unit: ExportUnit) -> EventFacts:
    """The facts of ``unit``'s event, from its summary, its records and its narrative."""
    narrative = unit.narrative
    attacks = [r.event for r in arrival_order(unit.records) if r.event is not None]
    city, country = narrative.city, narrative.country
    place = next((a.place for a in attacks if city and a.place.city == city), None)
    place = place or next((a.place for a in attacks if country and a.place.country == country), None)
    place = place or Place(city=city, country=country)
    where = coordinates(place if place.city == city else Place(city=city, country=country))
    killed, killed_source = _latest(attacks, "killed")
    injured, injured_source = _latest(attacks, "injured")
    return EventFacts(
        date=narrative.date,
        city=city,
        region=place.region,
        country=country,
        landmark=place.landmark,
        latitude=where[0] if where else None,
        longitude=where[1] if where else None,
        attack_type=unit.event.attack_type if unit.event else _most_common(a.attack_type for a in attacks),
        attack_type_text=_most_common(a.attack_type_text for a in attacks),
        suicide=any(a.suicide for a in attacks),
        weapon=_most_common(a.weapon for a in attacks),
        killed=killed,
        killed_source=killed_source,
        injured=injured,
        injured_source=injured_source,
        claimed_by=narrative.claimed_by,
        confirmed=narrative.confirmed,
        accused=narrative.accused,
    )


def _latest(attacks: list[Event], kind: str) -> tuple[int | None, str | None]:
    """The figure of ``kind`` ('killed', 'injured') the latest article gives, and its source."""
    given = [(getattr(a, kind), getattr(a, f"{kind}_source")) for a in attacks]
    return next(((n, source) for n, source in reversed(given) if n is not None), (None, None))


def _most_common(values: Iterable[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None
