"""Which name is the attack's town when a text names several, or names one in several forms: sentences written for
these tests, in the constructions of real web copy."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language


def city_of(pipeline: Language, text: str) -> str | None:
    doc = pipeline.make_doc(text)
    doc._.document_id = "test"
    doc._.published = dt.date(2023, 5, 10)
    event = pipeline(doc)._.event
    assert event is not None
    return event.place.city


CITIES = [
    # the gazetteer's "X City" goes by the bare name the text mostly writes ...
    (
        "A grenade thrown from a motorcycle exploded at a night market in Bacolod City on Friday, wounding nine "
        "people. Police in Bacolod said the attackers fled north. Bacolod officials closed the market.",
        "Bacolod",
    ),
    # ... but never by a country's name
    (
        "A car bomb exploded outside a bank in Guatemala City on Monday, killing two guards. Guatemala has seen "
        "several such attacks this year.",
        "Guatemala City",
    ),
    # a town's name joined by "de" is one name, not the known town its first words spell
    (
        "Guerrillas set fire to the town hall in Santa Rosa de Pampas on Sunday, killing two guards, the army said.",
        "Santa Rosa de Pampas",
    ),
    # a city named as what a noun is of ("since the capture of Herat") gives way to the one the attack was in
    (
        "The militants who have held the valley since the capture of Herat claimed the attack. The attack on a "
        "wedding hall in Shindand killed 12 people on Friday.",
        "Shindand",  # the gazetteer's Shīnḏanḏ, spelt as the text writes it
    ),
    # a town the text calls one keeps its name though the word is also a common one
    (
        "Fighters raided an army post in the town of Sole on Sunday, killing 20 soldiers. The sole survivor said "
        "the attackers came on motorbikes.",
        "Sole",
    ),
    # a headline's compound of a country and a common word is the country, the body's town the place
    (
        "Eight Dead in Somalia Terror Attack\n\nGunmen stormed a hotel in Kismayo on Friday, killing eight guests.",
        "Kismayo",
    ),
    # a rank is no town, though a small town abroad bears the name
    (
        "Four soldiers, among them a Junior Commissioned Officer, were killed on Tuesday when militants ambushed "
        "an army convoy in Jammu and Kashmir's Rajouri district, officials said.",
        None,
    ),
    # a town named in apposition to "village" is in a place's role
    (
        "Chadian soldiers were attacked on Sunday on the island village Tchoukoutalia in the west of the country, "
        "the army said.",
        "Tchoukoutalia",
    ),
]


@pytest.mark.parametrize(("text", "city"), CITIES)
def test_the_attack_town(pipeline: Language, text: str, city: str | None) -> None:
    assert city_of(pipeline, text) == city


def test_a_metropolis_known_by_a_shortened_name_is_meant_over_a_smaller_namesake(pipeline: Language) -> None:
    event = pipeline(
        "A bomb exploded on a metro train in St. Petersburg on Monday, killing 15 people, officials said."
    )._.event
    assert event is not None
    assert (event.place.city, event.place.country) == ("St. Petersburg", "Russia")
