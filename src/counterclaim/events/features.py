"""What one article contributes as evidence that it reports a given attack.

Features are read from an :class:`~counterclaim.records.ArticleRecord` only, so
clustering works the same on fresh extractions and on records loaded back from
the store.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from counterclaim.events.actors import ActorNames, normalise_name
from counterclaim.events.config import ClusterConfig
from counterclaim.kb.normalise import without_accents
from counterclaim.nlp.gazetteer import find_city, find_city_spelt
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
    sites: frozenset[str] = field(default_factory=frozenset)
    sites_in_attack_sentence: bool = False
    site_names: frozenset[str] = field(default_factory=frozenset)
    names: frozenset[str] = field(default_factory=frozenset)
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


#: Where one sentence ends and the next begins, or a line break (headlines and captions end without a stop).
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")


@lru_cache(maxsize=8)
def _site_patterns(
    sites: tuple[tuple[str, tuple[str, ...]], ...], before: tuple[str, ...], after: tuple[str, ...]
) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One pattern per kind of site: a cue after a word pointing at a target, at most four words (no comma) between,
    or a cue before an attack word."""

    def alternatives(words: Iterable[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)

    lead, tail = alternatives(before), alternatives(after)
    return tuple(
        (
            name,
            re.compile(
                rf"\b(?:{lead})\s+(?:[\w'’.()-]+\s+){{0,4}}?(?:{alternatives(cues)})"
                rf"|\b(?:{alternatives(cues)})\w*(?:\s+[\w-]+)?\s+(?:{tail})\b",
                re.IGNORECASE,
            ),
        )
        for name, cues in sites
    )


def sites_named(sentence: str, patterns: tuple[tuple[str, re.Pattern[str]], ...]) -> frozenset[str]:
    """The kinds of site ``sentence`` names as an attack's target, by ``patterns`` (:func:`_site_patterns`)."""
    return frozenset(name for name, pattern in patterns if pattern.search(sentence))


def attack_sites(record: ArticleRecord, config: ClusterConfig) -> tuple[frozenset[str], bool]:
    """The targets of the article's attack, and whether its attack sentence names them (else the first its lead
    names, which may be a background attack's).

    Place, type and group fit every attack one group made in one city; the
    target (a consulate, a stock exchange, churches) is what each report of
    one of them repeats.
    """
    patterns = _site_patterns(  # its cue tuples built once per record, not once per lead sentence
        tuple((name, tuple(cues)) for name, cues in config.sites.items()),
        tuple(config.target_words_before),
        tuple(config.target_words_after),
    )
    evidence = record.event.evidence if record.event else None
    if evidence is not None and (found := sites_named(evidence.sentence, patterns)):
        return found, True
    doc = record.document
    lead = "\n".join(t for t in (doc.title, doc.text) if t)[: config.site_lead_chars]
    for sentence in _SENTENCE_BREAK.split(lead):
        if found := sites_named(sentence, patterns):
            return found, False
    return frozenset(), False


#: A possessive ending ("Medina's"), dropped from a site's name.
_POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=8)
def _site_name_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """A proper name written next to a site noun: before it ("the Medina hotel", "Tawakal Hotel") or, when the noun
    is itself capitalised as part of the name, after it ("Hotel Sahafi"). The name's capitals are matched case by
    case; the cue is matched in any case."""
    words = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)
    name = r"(?-i:[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})"
    return re.compile(
        rf"\b(?P<before>{name})[ \t]+(?i:{words})\w*\b|(?-i:\b(?:{_capitalised(cues)})\w*)[ \t]+(?P<after>{name})"
    )


def _capitalised(cues: tuple[str, ...]) -> str:
    """The cues spelt with a capital, as a site noun reads inside a name ("Hotel Sahafi")."""
    return "|".join(re.escape(c[:1].upper() + c[1:]).replace(r"\ ", r"\s+") for c in cues)


def site_names(text: str, kinds: frozenset[str], config: ClusterConfig) -> frozenset[str]:
    """The proper names the article's lead gives the sites of the kinds its attack struck ("medina" for "the Medina
    hotel"), as casefolded words without the common words (articles, weekdays) a name can start with.

    Two hotels one group bombed in one city years apart are the same kind of target; the name each report gives its
    hotel tells them apart when neither report carries a date.
    """
    stop = {w.casefold() for w in config.site_name_stopwords}
    names: set[str] = set()
    for kind in kinds:
        for match in _site_name_pattern(tuple(config.sites[kind])).finditer(text[: config.site_name_chars]):
            words = [_POSSESSIVE.sub("", w.casefold()) for w in (match["before"] or match["after"]).split()]
            names.update(w for w in words if w not in stop and len(w) > 2)
    return frozenset(names)


#: A run of capitalised words inside a sentence (not its first word, which any sentence capitalises).
_PROPER_NAME = re.compile(
    r"(?<![.!?:\n])(?<![.!?:\n][ \t\"“‘'])(?<=[ \t(“\"‘'])([A-Z][a-z]{2,}(?:[ \t-]+[A-Z][a-z]{2,})*)"
)


def proper_names(text: str) -> frozenset[str]:
    """The proper names the text writes inside its sentences, accents dropped and casefolded ("besiktas" for
    "Beşiktaş's"): a neighbourhood, a victim, a hospital that two reports of one attack both name, spelt alike
    whether or not the outlet keeps the accents."""
    return frozenset(m.casefold() for m in _PROPER_NAME.findall(without_accents(text)))


def coordinates(place: Place, min_ratio: float | None = None) -> tuple[float, float] | None:
    """Latitude and longitude of the attack's city: the record's own, else the offline gazetteer's.

    With ``min_ratio`` (grouping compares places, it does not show them) a
    spelling that alike counts once the country is known.
    """
    if place.latitude is not None and place.longitude is not None:
        return (place.latitude, place.longitude)
    if place.city and place.country and min_ratio is not None:
        city = find_city_spelt(place.city, place.country, min_ratio)
    else:
        city = find_city(place.city, place.country) if place.city else None
    return (city.latitude, city.longitude) if city else None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _place_words(place: Place | None) -> frozenset[str]:
    """The words of the attack's city and country, which name no site ("a Kismayo hotel")."""
    if place is None:
        return frozenset()
    return frozenset(w.casefold() for p in (place.city, place.country) if p for w in p.split())


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
    sites, sites_in_attack_sentence = attack_sites(record, config) if event else (frozenset(), False)
    text = " ".join(t for t in (doc.title, doc.text) if t)
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
        coordinates=coordinates(event.place, config.city_match_ratio) if event else None,
        groups=frozenset(groups - {""}),
        actors=frozenset(actors - {""}),
        sites=sites,
        sites_in_attack_sentence=sites_in_attack_sentence,
        site_names=site_names(text, sites, config) - _place_words(event.place if event else None),
        names=proper_names(text[: config.site_name_chars]) if event else frozenset(),
        text=text,
    )
