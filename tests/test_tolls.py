"""Casualty tolls in constructions met in real web copy (issue 16), on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language


def toll(pipeline: Language, text: str) -> tuple[int | None, int | None]:
    doc = pipeline.make_doc(text)
    doc._.document_id = "test"
    doc._.published = dt.date(2024, 4, 12)
    event = pipeline(doc)._.event
    assert event is not None
    return event.killed, event.injured


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a noun of quantity between the verb and its people ("a minimum of N") is passed through
        (
            "Jihadists killed a minimum of 37 soldiers at an army post in northern Togo last week, the government "
            "said on Wednesday.",
            37,
            None,
        ),
        # a round word in the headline ("over a dozen") gives way to the plain figure of the report
        (
            "Gunmen raid Herat mosque, leaving over a dozen dead\n\nGunmen stormed a mosque in Herat on Thursday, "
            "killing at least 17 worshippers and wounding 30 others, police said.",
            17,
            30,
        ),
        # "and wounded N" hung by the parser on the claim belongs to the attack's clause, not to a boast
        (
            "Al-Shabaab on Tuesday evening claimed responsibility for Monday's truck bombing in Baidoa "
            "that killed some 45 people, including three aid workers, and wounded over 90 others. A field hospital "
            "run by Qatar treated 25 people.",
            45,
            90,
        ),
        # "a third" after a count is one more person
        (
            "A gunman shot dead three tourists and wounded a fourth on Tuesday night in Antwerp.",
            3,
            1,
        ),
        # ... but "a second blast" is no person
        (
            "Two people were killed in Kano on Friday when a second blast hit the market.",
            2,
            None,
        ),
        # "another" counts one in a conjoined count
        (
            "Gunmen stormed a mosque in Kazan on Saturday; two guards were killed, and three other guards and "
            "another worshipper were wounded.",
            2,
            4,
        ),
        # "N others sustained injuries" counts the injured
        (
            "Raiders attacked a village near Beni on Sunday, killing 14 people, officials said, adding that seven "
            "others sustained serious injuries.",
            14,
            7,
        ),
        # "another N" in the same sentence adds to the figure before it
        (
            "Bandits raided the village of Dogo in Zamfara on Monday. The imam said 22 bodies were buried in the "
            "village graveyard, while another 9 bodies went home with relatives.",
            31,
            None,
        ),
        # the toll of two separate attacks together is no one attack's toll; an age is no toll
        (
            "Rebels were blamed for two separate attacks in Peru that killed at least 21 people. Seven people were "
            "killed when a truck bomb exploded on Thursday outside a police base in Lima.",
            7,
            None,
        ),
        # a list the parser hangs as an apposition ("two soldiers, a driver and a nurse") counts every item
        (
            "A car bomb in Kirkuk on Tuesday killed two Italian engineers, a local interpreter and a security "
            "guard, the embassy said.",
            4,
            None,
        ),
        # a possessive counts one person in a list ("three guards and his driver")
        (
            "Gunmen ambushed the governor's convoy near Gao on Sunday, killing three guards and his driver.",
            4,
            None,
        ),
        # "fatally stabbed a nurse": one dead without a number
        (
            "A man armed with a knife fatally stabbed a nurse and wounded two patients at a clinic in Lille on "
            "Thursday.",
            1,
            2,
        ),
        # an ordinal that qualifies a noun on the way up ("his first speech since ...") is no early figure
        (
            "In his first speech since Tuesday's bombing that left 19 people dead in Quetta, the minister blamed "
            "a separatist group.",
            19,
            None,
        ),
    ],
)
def test_tolls(pipeline, text: str, killed: int | None, injured: int | None) -> None:
    assert toll(pipeline, text) == (killed, injured)


def test_an_age_after_a_name_is_no_toll_and_a_named_victim_is_one_dead(pipeline) -> None:
    text = "A car bomb in Lyon on Sunday killed Marie Laurent, 34, a magistrate, and wounded two passers-by."
    assert toll(pipeline, text) == (1, 2)


def test_a_named_victim_gives_way_to_a_number_and_an_attacker_shot_by_police_is_none(pipeline) -> None:
    text = (
        "A gunman opened fire at a cafe in Lyon on Sunday, killing the owner, Marc Petit. Police shot dead Paul "
        "Girard after a chase. Four people were killed in all, prosecutors said."
    )
    assert toll(pipeline, text)[0] == 4
    text = "A gunman opened fire at a cafe in Lyon on Sunday. Police shot dead Paul Girard after a chase."
    assert toll(pipeline, text)[0] is None


def test_when_only_the_attackers_died_their_dead_are_the_toll(pipeline) -> None:
    text = (
        "A suicide bomber blew himself up at the gate of a church in Medan on Sunday. One of the suspects killed in "
        "the blast had trained abroad, police said. Two people suspected to be the bombers died and 14 worshippers "
        "were hurt, the police chief said."
    )
    assert toll(pipeline, text) == (2, 14)


def test_the_attackers_dead_are_not_the_toll_when_others_died(pipeline) -> None:
    text = "Gunmen stormed a hotel in Bamako on Friday, killing 12 guests. Two of the gunmen were shot dead by troops."
    assert toll(pipeline, text) == (12, None)
