"""Statements about responsibility: stance, speaker, target and date from our own test sentences."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from counterclaim.records import Statement


@pytest.fixture(scope="module")
def statements(pipeline: Language):
    """Statements of a text run through the full pipeline."""

    def run(text: str) -> list[Statement]:
        return list(pipeline(text)._.statements)

    return run


def triples(found: list[Statement]) -> set[tuple[str, str, str | None]]:
    return {(s.speaker_name, s.stance, s.target_name) for s in found}


def test_claim_of_responsibility_targets_the_claimant(statements) -> None:
    found = statements("A car bomb killed 12 people in Mogadishu. Al-Shabaab claimed responsibility for the blast.")
    assert ("al-Shabaab", "claim", "al-Shabaab") in triples(found)


def test_attribution_to_the_claimant_is_a_confirmation(statements) -> None:
    found = statements(
        "Gunmen killed 30 worshippers in a mosque. The Islamic State claimed responsibility for the massacre. "
        "Officials of the interior ministry confirmed that the Islamic State was responsible for the massacre."
    )
    stances = {(s.stance, s.target_name) for s in found}
    assert ("claim", "Islamic State") in stances
    assert ("confirm", "Islamic State") in stances


def test_blaming_a_party_that_did_not_claim_is_an_accusation(statements) -> None:
    found = statements("A bomb exploded at a market. Provincial Governor Ahmed Karimi blamed the attack on India.")
    statement = next(s for s in found if s.stance == "accuse")
    assert statement.target_name == "India"
    assert statement.speaker_name == "Ahmed Karimi"
    assert statement.evidence.producer.startswith("statements.narrated.accuse")
    assert statement.evidence.sentence in found[0].evidence.sentence or statement.evidence.start >= 0


def test_hedged_attribution_is_other(statements) -> None:
    found = statements("A blast hit a checkpoint. The army chief said the Taliban may have been behind the attack.")
    assert {s.stance for s in found if s.target_name == "Taliban"} == {"other"}


def test_negated_claim_is_no_statement(statements) -> None:
    assert statements("A bomb killed nine people. No group has claimed responsibility for the attack.") == []


def test_denial_clears_the_speakers_side(statements) -> None:
    found = statements("Rockets hit the city. Pakistan denied any involvement in the attack.")
    assert ("Pakistan", "deny", "Pakistan") in triples(found)


def test_several_named_parties_condemning_are_one_statement_each(statements) -> None:
    found = statements("A suicide bomber struck a wedding. Kenya, Ethiopia and Uganda condemned the attack.")
    condemners = {s.speaker_name for s in found if s.stance == "condemn"}
    assert condemners == {"Kenya", "Ethiopia", "Uganda"}
    assert all(s.target_name is None for s in found if s.stance == "condemn")


def test_collective_speaker_is_kept_whole(statements) -> None:
    found = statements(
        "A blast hit a shrine. Iraqi lawmakers and security officials accused Turkey of funding the attack."
    )
    statement = next(s for s in found if s.stance == "accuse")
    assert statement.speaker_name == "Iraqi lawmakers and security officials"
    assert statement.speaker_affiliation == "Iraq"
    assert statement.target_name == "Turkey"


def test_title_and_role_are_split_off_the_speaker(statements) -> None:
    found = statements(
        "A bomb hit a bus. Army Commander Maj. Gen. Tunde Bakare accused Boko Haram of planning the bombing."
    )
    statement = next(s for s in found if s.stance == "accuse")
    assert statement.speaker_name == "Tunde Bakare"
    assert statement.speaker.role and "Commander" in statement.speaker.role


def test_pronoun_speaker_resolves_to_the_person_named_before(statements) -> None:
    found = statements(
        "Gunmen attacked a hotel in Kabul. Police spokesman Khalid Zadran visited the site on Monday. "
        "He accused the Haqqani network of orchestrating the assault."
    )
    statement = next(s for s in found if s.stance == "accuse")
    assert statement.speaker_name == "Khalid Zadran"


def test_description_speaker_resolves_to_the_group(statements) -> None:
    found = statements("ISWAP fighters raided a town in Borno. The group later claimed responsibility for the raid.")
    assert any(s.stance == "claim" and s.target_name == "Islamic State West Africa Province" for s in found)


def test_target_alias_is_canonical(statements) -> None:
    found = statements("A bomb killed ten. The commander accused the Zionist regime of orchestrating the bombing.")
    assert any(s.stance == "accuse" and s.target_name == "Israel" for s in found)


def test_passive_blame_names_the_agent_as_speaker(statements) -> None:
    found = statements("A car bomb exploded in Ankara. The bombing was blamed on the PKK by Turkish officials.")
    statement = next(s for s in found if s.stance == "accuse")
    assert statement.target_name == "Kurdistan Workers' Party"
    assert statement.speaker_name == "Turkish officials"


def test_principal_of_proxies_is_the_party_blamed(statements) -> None:
    found = statements(
        'A blast hit a parade. "These attackers are only agents of the Zionist regime," the army chief said.'
    )
    assert any(s.target_name == "Israel" for s in found)


def test_relative_statement_date_resolves_against_the_attack(statements) -> None:
    found = statements(
        "Two bombs exploded at a stadium on March 2, 2024, killing 20 people. "
        "The following day, the Islamic State claimed responsibility for the bombings."
    )
    statement = next(s for s in found if s.stance == "claim")
    assert statement.date == dt.date(2024, 3, 3)


def test_opening_date_carries_to_the_next_sentence_of_the_paragraph(statements) -> None:
    found = statements(
        "Gunmen killed six soldiers on May 4, 2023.\n\n"
        "On May 6, the defence minister accused Jaish al-Adl of planning the ambush. "
        "Similarly, Governor Ali Rahimi blamed the ambush on Jaish al-Adl."
    )
    assert {s.date for s in found if s.stance == "accuse"} == {dt.date(2023, 5, 6)}


def test_claim_through_the_groups_outlet(statements) -> None:
    found = statements(
        "A suicide bomber struck a church in Kinshasa. "
        "The Amaq news agency said fighters of the caliphate carried out the attack."
    )
    assert any(s.stance == "claim" and s.target_name == "Islamic State" for s in found)


def test_saying_ones_own_side_played_no_part_is_a_denial(statements) -> None:
    found = statements(
        "Rockets struck the port. Iran's foreign ministry said on Friday that Tehran had played no part in the attack."
    )
    assert {(s.stance, s.target_name) for s in found} == {("deny", "Iran")}


def test_quote_attributes_blame_to_the_quoted_speaker(statements) -> None:
    found = statements(
        'A drone hit a tower. "The regime in Tehran bears responsibility for this attack," '
        "Defence Minister Avi Cohen said."
    )
    assert ("Avi Cohen", "accuse", "Iran") in triples(found)
