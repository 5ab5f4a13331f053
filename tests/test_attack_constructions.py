"""Attack-record constructions met in real web copy (issue 16), on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language


def event_of(pipeline: Language, text: str, published: dt.date = dt.date(2023, 5, 10)):
    doc = pipeline.make_doc(text)
    doc._.document_id = "test"
    doc._.published = published
    event = pipeline(doc)._.event
    assert event is not None
    return event


PLACES = [
    # a headline's run of names before the attack word is one name, though the parser splits its first word off
    (
        "Shabaab admits role in Nairobi Westgate Kenya Attack\n\nA senior figure in the group told reporters it "
        "carried out the raid on a mall in neighbouring Kenya.\n\nBodies lie in the mall after a shooting spree "
        "at the Westgate centre in Nairobi, September 21, 2013.",
        "Nairobi",
        "Kenya",
    ),
    # a direction is no town ("resurfacing in the North-east"); nor does "Niger State" name the country Niger
    (
        "The governor condemned last weekend's suicide bomb attacks in Gwoza Local Government Area of Borno State "
        "and warned that the killers would face justice. A senator said it was sad that suicide bombing was "
        "resurfacing in the North-east. Bombers killed 18 people on Saturday in Gwoza. Troops killed bandits in "
        "Niger State.",
        "Gwoza",
        "Nigeria",
    ),
    # the victims' nationality ("two Americans") is no frame for the attack's country
    (
        "Tajikistan blames group for attack that killed 2 Americans\n\nThe Tajikistan government on Tuesday "
        "blamed an attack that killed four foreign hikers, including two Americans, on a banned party. Hikers from "
        "the United States, Canada and France were struck by a car. Two Americans and a Canadian were killed in "
        "the attack. Two Americans survived.",
        None,
        "Tajikistan",
    ),
    # foreign troops or staff ("US military personnel") say whose people were there, not where the attack was
    (
        "A car bomb exploded on Tuesday at an army base in Cúcuta, wounding 30 soldiers. Reports first said US "
        "military personnel were hurt.",
        "Cúcuta",
        "Colombia",
    ),
    # "the Central Asian country" describes a country: no town called "Central"
    (
        "Tajikistan rejected claims by the group about an attack on a group of hikers in the Central Asian country "
        "last week. Militants stabbed and shot the hikers who survived. Two Americans were among the dead.",
        None,
        "Tajikistan",
    ),
    # the place of an attack the attacker says he avenged is not his attack's place
    (
        "A gunman shot dead two fans in France on Monday night. He said he was avenging the stabbing of a boy who "
        "was knifed to death in Joliet, Illinois, on Saturday.",
        None,
        "France",
    ),
]


PLACES += [
    # a headline's capitalised adjective before a town is no part of its name ("Deadly Toronto Shooting")
    (
        "Police See No Link Between Group And Deadly Leeds Shooting\n\nA gunman killed three people in a crowded "
        "street on Saturday, and a group later said one of its fighters did it. Officers found nothing to support "
        "the claim.",
        "Leeds",
        "United Kingdom",
    ),
    # "the UAE" names a country; the victims' nationality ("a Pakistani") does not frame the attack
    (
        "The UAE said drones struck fuel trucks at a depot on UAE soil, killing three workers. Two of the dead "
        "were Indians and the third a Pakistani, police said.",
        None,
        "United Arab Emirates",
    ),
]


PLACES += [
    # the place of the attack one "followed" is that attack's, though the parser hangs it on "followed"
    (
        "The bombing, claimed by the group, followed a blast last Monday near a market in Herat.\n\nA bombing at a "
        "mosque in Kunduz on Friday killed 40 people.",
        "Kunduz",
        "Afghanistan",
    ),
]


@pytest.mark.parametrize(("text", "city", "country"), PLACES)
def test_attack_place_constructions(pipeline, text: str, city: str | None, country: str) -> None:
    place = event_of(pipeline, text).place
    assert (place.city, place.country) == (city, country)


def test_blasting_a_party_is_criticism_not_a_bombing(pipeline) -> None:
    text = (
        "The cleric blasted Washington for the terrorist attack on the shrine in Shiraz. Two gunmen opened fire on "
        "pilgrims on Sunday, killing two."
    )
    assert event_of(pipeline, text).attack_type == "armed assault"


def test_an_assault_whose_dead_outnumber_its_hostages_is_no_hostage_taking(pipeline) -> None:
    text = (
        "Rebels kill at least 40 villagers in eastern Congo\n\nRebels killed at least 40 villagers near Beni on "
        "Tuesday and Friday, local officials said. Several residents were also abducted by the rebels."
    )
    assert event_of(pipeline, text).attack_type == "armed assault"
    text = "Gunmen kidnapped 20 pupils from a school in Kaduna on Monday and killed a guard, police said."
    assert event_of(pipeline, text).attack_type == "hostage taking"


def test_the_nationals_among_the_dead_are_no_toll(pipeline) -> None:
    text = (
        "Tajikistan blames attack that killed 2 Americans on opposition group\n\nThe government on Tuesday blamed an "
        "attack that killed four foreign hikers in Tajikistan, including two Americans, on a banned party."
    )
    assert event_of(pipeline, text).killed == 4


def test_a_headline_city_the_report_never_repeats_gives_way(pipeline) -> None:
    text = (
        "Shrine Attack Leaves Four Dead in Tehran\n\nAt least four pilgrims were killed in a shooting at the shrine "
        "in Shiraz, Iran. Police said the shooting in Shiraz was carried out by two gunmen."
    )
    assert event_of(pipeline, text).place.city == "Shiraz"


def test_a_groups_attacks_in_general_are_no_new_attack(pipeline) -> None:
    text = (
        "The ministry has listed two branches of the movement in Mozambique as terrorist organisations. The branch "
        "is blamed for the deaths of 600 villagers in 2021 alone. Its attacks have driven nearly 200,000 villagers "
        "from their homes in Mozambique. The listing tells the public that these groups have committed violent "
        "terrorist attacks."
    )
    doc = pipeline.make_doc(text)
    doc._.document_id = "test"
    assert pipeline(doc)._.event is None
