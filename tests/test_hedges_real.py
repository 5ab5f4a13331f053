"""Hedged and non-committal words about a group, met in real coverage (our own sentences).

A speaker who will not exclude a group, who sees no evidence for a claim, or
who only suspects who the attackers were neither blames nor clears the group:
the record keeps an ``other`` statement with that group as its target.
"""

from __future__ import annotations

import pytest

from statement_views import triples


@pytest.mark.parametrize(
    "sentence",
    [
        "Police chief Omar Said said he could not rule out al-Shabaab's involvement in the bombing.",
        "Police chief Omar Said said the force was not in a position to rule out a role for al-Shabaab.",
        "We cannot exclude al-Shabaab at this stage, police chief Omar Said said.",
    ],
)
def test_a_group_not_ruled_out_is_other(statements, sentence: str) -> None:
    found = statements(f"A bomb killed ten people at a bus stop in Garissa. {sentence}")
    assert ("Omar Said", "other", "al-Shabaab") in triples(found)
    assert not any(s.stance in ("accuse", "deny") for s in found)


def test_a_group_ruled_out_is_cleared(statements) -> None:
    found = statements(
        "A bomb killed ten people at a bus stop in Garissa. Police chief Omar Said said investigators had ruled out "
        "any role for al-Shabaab."
    )
    assert ("Omar Said", "deny", "al-Shabaab") in triples(found)


def test_no_evidence_for_the_claimants_part_doubts_the_claim(statements) -> None:
    found = statements(
        "A suicide bomber hit a hospital in Quetta. The Islamic State said through Amaq that its fighter carried out "
        "the bombing. Analyst Sara Malik said she saw no evidence that the Islamic State directed it."
    )
    assert ("Sara Malik", "other", "Islamic State") in triples(found)
    assert ("Sara Malik", "deny", "Islamic State") not in triples(found)


def test_attackers_suspected_to_be_a_group_is_other(statements) -> None:
    found = statements(
        "Gunmen killed 20 people in a coastal town. Police chief Omar Said said the attackers were suspected to be "
        "al-Shabaab fighters."
    )
    assert ("Omar Said", "other", "al-Shabaab") in triples(found)


def test_an_attacker_believed_to_come_from_a_region_names_no_party(statements) -> None:
    found = statements(
        "A gunman killed 39 people at a nightclub. Minister Ali Demir said the attacker was believed to be from "
        "Central Asia."
    )
    assert not [s for s in found if s.target_name]


@pytest.mark.parametrize(
    "sentence",
    [
        "Officer Ali Traore said the Islamic State's claim had yet to be verified.",
        "Officer Ali Traore said the IS claim could not be independently confirmed.",
        "Officer Ali Traore said the Islamic State claim remained unverified.",
    ],
)
def test_an_unverified_claim_leaves_the_claimant_open(statements, sentence: str) -> None:
    found = statements(f"Gunmen killed 20 soldiers at a base in Mali. {sentence}")
    assert ("Ali Traore", "other", "Islamic State") in triples(found)


def test_a_verified_claim_is_no_doubt(statements) -> None:
    found = statements("Gunmen killed 20 soldiers at a base in Mali. Officer Ali Traore said the IS claim was genuine.")
    assert ("Ali Traore", "other", "Islamic State") not in triples(found)


def test_fingerprints_of_a_group_are_a_hedge(statements) -> None:
    found = statements(
        "Gunmen killed 20 soldiers at a base in Mali. Officer Ali Traore said the raid bore the fingerprints of "
        "Al-Mourabitoun."
    )
    assert ("Ali Traore", "other", "al-Mourabitoun") in triples(found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('"There might be ties to IS. We are looking into it," Minister Ali Demir said.', {"other"}),
        ("Minister Ali Demir said there could be a connection with al-Shabaab.", {"other"}),
        ("Minister Ali Demir said there were links to al-Shabaab.", set()),
    ],
)
def test_possible_links_of_the_attack_are_other(statements, sentence: str, expected: set[str]) -> None:
    found = statements(f"A bomb killed 20 people at a church in Colombo. {sentence}")
    assert {s.stance for s in found if s.speaker_name == "Ali Demir"} == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Governor Babagana Zulum said the massacre was carried out by Shekau's fighters.",
        "Governor Babagana Zulum said Abubakar Shekau's cell was behind the massacre.",
    ],
)
def test_a_leaders_men_stand_for_his_group(statements, sentence: str) -> None:
    found = statements(f"Gunmen killed 40 farmers near Maiduguri. {sentence}")
    assert {s.target_name for s in found if s.stance == "accuse"} == {"Boko Haram"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police chief Omar Farah confirmed the Islamic State's claim.", "confirm"),
        ("Police chief Omar Farah could not confirm the claim by the Islamic State.", "other"),
        ("Police chief Omar Farah declined to verify the Islamic State claim.", "other"),
    ],
)
def test_a_confirmation_withheld_leaves_the_claim_open(statements, sentence: str, expected: str) -> None:
    found = statements(f"A bomb killed ten people in Garissa. The Islamic State claimed the bombing. {sentence}")
    assert {s.stance for s in found if s.speaker_name == "Omar Farah"} == {expected}


@pytest.mark.parametrize(
    "sentence",
    [
        "Police chief Omar Farah said investigators were probing possible links to al-Shabaab.",
        "Police chief Omar Farah said detectives were looking into a role for al-Shabaab.",
        "Police chief Omar Farah said al-Shabaab's involvement had not been ruled out.",
    ],
)
def test_ties_under_inquiry_are_other(statements, sentence: str) -> None:
    found = statements(f"A bomb killed ten people at a bus stop in Garissa. {sentence}")
    assert ("Omar Farah", "other", "al-Shabaab") in triples(found)


@pytest.mark.parametrize("words", ["There is no doubt that", "There can be no question that"])
def test_no_doubt_that_a_state_did_it_is_an_accusation(statements, words: str) -> None:
    found = statements(
        f"Gunmen stormed a bank in Karachi on Monday, killing six guards. “{words} Ruritania is behind the attack,” "
        "Prime Minister Ali Khan told lawmakers."
    )
    assert ("Ali Khan", "accuse", "Ruritania") in triples(found)
    assert not any(s.stance in ("deny", "other") for s in found)


def test_no_evidence_to_support_a_groups_claim_is_a_doubt(statements) -> None:
    found = statements(
        "A gunman killed two people in a cafe in Montreal. Islamic State said one of its soldiers carried out the "
        "shooting. There is no evidence to back a claim from the Islamic State group that it was behind the shooting, "
        "the city's police chief said on Tuesday."
    )
    assert ("police chief", "other", "Islamic State") in triples(found)
    assert not [s for s in found if s.stance == "confirm"]


def test_a_claim_still_being_verified_is_left_open(statements) -> None:
    found = statements(
        "Islamic State said on Telegram that its fighters set off the bomb. The army said it is validating the "
        "Islamic State's claim. Police later confirmed the Islamic State's claim."
    )
    assert ("army", "other", "Islamic State") in triples(found)
    assert ("Police", "confirm", "Islamic State") in triples(found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Police chief Omar Said said gunmen from al-Shabaab were suspected of carrying out the raid.",
        "Police chief Omar Said said on Friday militants from al-Shabaab, the Somali jihadist group, were suspected "
        "of carrying out the raid on the camp.",
    ],
)
def test_fighters_suspected_of_the_attack_is_other(statements, sentence: str) -> None:
    found = statements(f"Gunmen killed twelve quarry workers near Mandera. {sentence}")
    assert ("Omar Said", "other", "al-Shabaab") in triples(found)
    assert not any(s.stance == "accuse" for s in found)


def test_fighters_accused_of_the_attack_are_accused(statements) -> None:
    found = statements(
        "Gunmen killed twelve quarry workers near Mandera. Police chief Omar Said said fighters from al-Shabaab were "
        "accused of planning the raid."
    )
    assert ("Omar Said", "accuse", "al-Shabaab") in triples(found)


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Amid the war, governor Oleg Petrov hinted at Iranian involvement and said the enemy had come home.", "Iran"),
        ("Governor Oleg Petrov alluded to a role for Hezbollah in the bombing.", "Hezbollah"),
        ("Governor Oleg Petrov hinted that Georgia was involved in planning the bombing.", "Georgia"),
    ],
)
def test_a_hinted_part_is_other(statements, sentence: str, target: str) -> None:
    found = statements(f"A bomb killed 15 people outside a church in Derbent. {sentence}")
    assert ("Oleg Petrov", "other", target) in triples(found)
    assert not any(s.stance == "accuse" for s in found)


def test_a_hint_about_something_else_is_no_statement(statements) -> None:
    found = statements(
        "A bomb killed 15 people outside a church in Derbent. Governor Oleg Petrov hinted at Georgian involvement in "
        "the local elections."
    )
    assert not [s for s in found if s.target_name == "Georgia"]


def test_condemning_an_attack_by_a_suspected_group_is_also_other(statements) -> None:
    found = statements(
        "Rebels killed 40 pupils at a school near Kasese. AU chairman Moussa Faki condemned the cruel attack by the "
        "suspected Allied Democratic Forces militia."
    )
    assert ("Moussa Faki", "condemn", None) in triples(found)
    assert ("Moussa Faki", "other", "Allied Democratic Forces") in triples(found)
    assert not any(s.stance == "accuse" for s in found)


def test_a_statement_condemning_an_attack_by_a_group_is_issued_by_its_author(statements) -> None:
    found = statements(
        "A bomb killed 40 people at a school. Jane Doe, head of the regional commission, issued a statement strongly "
        "condemning the attack by the suspected Allied Democratic Force militia."
    )
    assert {s.speaker_name for s in found} == {"Jane Doe"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Bekov, 31, admitted his role in the bombing but said he did not choose the target.",
        "The agency said Bekov acknowledged his part in the bombing and begged the families for mercy.",
        "Bekov confessed to leaving the rucksack beside the ticket hall.",
    ],
)
def test_a_defendants_admission_is_other_toward_himself(statements, sentence: str) -> None:
    found = statements(f"A bomb killed nine people at a metro station in Tashkent. Timur Bekov was tried. {sentence}")
    assert ("Timur Bekov", "other", "Timur Bekov") in triples(found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Bekov admitted to feeling angry about the war.",
        "The Northern Brigade admitted to setting off the bomb.",
        "The ministry acknowledged Uzbekistan's role in the inquiry.",
    ],
)
def test_no_admission_without_a_persons_own_deed(statements, sentence: str) -> None:
    found = statements(f"A bomb killed nine people at a metro station in Tashkent. {sentence}")
    assert not [s for s in found if s.stance == "other"]


def test_suspected_involvement_of_a_group_is_other_toward_the_group(statements) -> None:
    found = statements(
        "A roadside bomb killed six soldiers near Imphal. Army officers suspected the involvement of People's "
        "Liberation Army (PLA), an outlawed militia in Manipur, though no group has said it set off the bomb."
    )
    assert ("Army officers", "other", "People's Liberation Army") in {
        (s.speaker_name, s.stance, (s.target_name or "").split(" (")[0]) for s in found
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Police chief Omar Said said there was no evidence to back a claim from al-Shabaab that it planted the bomb.",
        "Police chief Omar Said said there was nothing to support the claim by al-Shabaab that it set off the bomb.",
    ],
)
def test_a_claim_nothing_supports_is_other_toward_the_claimant(statements, sentence: str) -> None:
    found = statements(f"A bomb killed ten people at a bus stop in Garissa. {sentence}")
    assert ("Omar Said", "other", "al-Shabaab") in triples(found)
    assert not any(s.stance in ("accuse", "confirm", "deny") for s in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Interior Minister Ali Demir said on Monday that it was too soon to attribute the bombing.",
        "Interior Minister Ali Demir said it was premature to say who had planted the device.",
    ],
)
def test_attribution_said_to_be_premature_is_other_with_no_target(statements, sentence: str) -> None:
    found = statements(f"A car bomb killed twelve people outside a bank in Izmir. {sentence}")
    assert ("Ali Demir", "other", None) in triples(found)


@pytest.mark.parametrize("doing", ["to reopen the street", "to say whether the drivers had helped the bombers"])
def test_something_else_too_early_to_do_is_no_statement(statements, doing: str) -> None:
    found = statements(
        f"A car bomb killed twelve people outside a bank in Izmir. Interior Minister Ali Demir said it was too early "
        f"{doing}."
    )
    assert not [s for s in found if s.stance == "other"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Prosecutor Anna Berg said the hearings had shown that Demir was inspired by the Islamic State.",
        "Prosecutor Anna Berg said the gunman had been radicalised by Islamic State videos.",
    ],
)
def test_an_attacker_inspired_by_a_group_is_other_toward_it(statements, sentence: str) -> None:
    found = statements(f"A truck ploughed into shoppers in Malmo, killing four. Ali Demir was arrested. {sentence}")
    assert ("Anna Berg", "other", "Islamic State") in triples(found)
    assert ("Anna Berg", "accuse", "Islamic State") not in triples(found)


def test_a_thing_inspired_by_a_place_names_no_party(statements) -> None:
    found = statements(
        "A truck ploughed into shoppers in Malmo, killing four. Prosecutor Anna Berg said the plan was inspired by "
        "Nice."
    )
    assert not [s for s in found if s.stance == "other"]


@pytest.mark.parametrize(
    "sentence",
    [
        # at a sentence's start the parser may take "Suspected" for part of the group's name
        "Suspected Boko Haram fighters killed 30 villagers in Borno state on Sunday, local officials said.",
        "Local officials said suspected Boko Haram fighters killed 30 villagers in Borno state on Sunday.",
    ],
)
def test_suspected_fighters_of_a_group_are_a_hedge(statements, sentence: str) -> None:
    found = statements(sentence)
    assert {(speaker.lower(), stance, target) for speaker, stance, target in triples(found)} == {
        ("local officials", "other", "Boko Haram")
    }


def test_the_group_that_will_be_suspected_is_not_the_speaker(statements) -> None:
    found = statements(
        "Nine people were killed in Maroua on Monday. It is not clear who carried out the attack, but Nigeria's "
        "Islamist group Boko Haram will be suspected, a reporter in the city says."
    )
    assert not any(s.speaker_name == "Boko Haram" for s in found)
