"""Claims, condemnations and denials in constructions met in real coverage (our own sentences).

Each test keeps a construction seen in real reporting of attacks: a claimant
quoted naming its enemies, a group described before it is named, a
condemnation that names the doer, a denial followed by a relative clause,
written in our own words.
"""

from __future__ import annotations

from statement_views import triples

# -- a claimant's own words: its enemies are not accused ------------------------------------


def test_claimants_quoted_words_accuse_no_one(statements) -> None:
    found = statements(
        "Al-Shabaab claimed responsibility for the truck bombing in Mogadishu that killed 40 people. "
        "The group's spokesman, Ali Dhere, spoke on the group's radio station. "
        '"The mujahedeen struck a convoy of the Kenyan crusaders," he said. '
        "Ali Dhere has accused Kenya of sending troops into Somalia."
    )
    assert [s.stance for s in found if s.speaker_name == "Ali Mohamud Rage"] == ["claim"]


# -- a claimant described before it is named --------------------------------------------------


def test_described_claimant_is_the_one_group_the_article_names(statements) -> None:
    found = statements(
        "A separatist group has claimed responsibility for a bombing near the airport in Quetta that killed "
        "four people, officials said.\n\n"
        "Police said the attack by the Balochistan Liberation Army targeted a convoy of engineers.\n\n"
        "A spokesman for the group said one of its fighters set off the bomb."
    )
    assert ("Balochistan Liberation Army", "claim", "Balochistan Liberation Army") in triples(found)


def test_described_claimant_stays_unnamed_when_the_article_names_two_groups(statements) -> None:
    found = statements(
        "An armed group has claimed responsibility for a bombing at a market in Quetta that killed four people.\n\n"
        "Police suspect either the Balochistan Liberation Army or the Pakistani Taliban."
    )
    assert not [s for s in found if s.stance == "claim"]


def test_branch_named_by_its_region_is_the_province(statements) -> None:
    found = statements(
        "The Somali branch of the Islamic State has claimed responsibility for a suicide attack on a "
        "checkpoint in Bosaso that killed six soldiers on Tuesday."
    )
    assert ("Islamic State Somalia Province", "claim", "Islamic State Somalia Province") in triples(found)


# -- denials ------------------------------------------------------------------------------------


def test_relative_clause_on_the_denied_attack_names_no_one(statements) -> None:
    found = statements(
        "A rocket hit a football pitch in the Golan Heights, killing ten children. "
        "Hezbollah denied responsibility for the strike, which was the deadliest in the area since the war began."
    )
    assert ("Hezbollah", "deny", "Hezbollah") in triples(found)
    assert not [s for s in found if s.stance == "deny" and s.target_name != "Hezbollah"]


# -- condemnations ------------------------------------------------------------------------------


def test_vow_beside_a_blame_is_part_of_the_blame(statements) -> None:
    found = statements(
        "A rocket killed nine teenagers at a sports ground in the north. "
        "The Israeli government blamed Hezbollah for the strike and vowed to retaliate against the Lebanese militia."
    )
    assert [s.target_name for s in found if s.stance == "accuse"] == ["Hezbollah"]
    assert not [s for s in found if s.stance == "condemn"]


def test_vow_without_a_blame_is_a_condemnation(statements) -> None:
    found = statements(
        "A bomb killed 14 worshippers at a mosque in Kano. "
        "President Muhammadu Buhari vowed to hunt down those behind the attack."
    )
    assert ("Muhammadu Buhari", "condemn", None) in triples(found)


def test_condemning_the_attack_by_a_named_group_blames_it(statements) -> None:
    found = statements(
        "Gunmen killed 30 villagers near Beni on Sunday. "
        "Belgium's foreign ministry condemned the massacre by the Allied Democratic Forces in North Kivu."
    )
    assert {s.stance for s in found if s.target_name == "Allied Democratic Forces"} == {"accuse"}
    assert [s for s in found if s.stance == "condemn"]


def test_condemning_an_attack_by_unnamed_gunmen_blames_no_one(statements) -> None:
    found = statements(
        "Gunmen killed 30 villagers near Beni on Sunday. The United Nations condemned the attack by armed men."
    )
    assert not [s for s in found if s.stance == "accuse"]


def test_lede_claimant_is_the_group_the_next_paragraph_names(statements) -> None:
    found = statements(
        "ISTANBUL, March 5, 2015 — A leftist militant group on Tuesday claimed responsibility for a bombing "
        "outside a courthouse in Istanbul that wounded six people.\n\n"
        "In a message on its website, the Revolutionary People's Liberation Party-Front said the bombing "
        "avenged its members in prison.\n\n"
        "Police also detained suspected members of the Kurdistan Workers' Party (PKK) in a separate raid."
    )
    claims = [s for s in found if s.stance == "claim"]
    assert [s.target_name for s in claims] == ["Revolutionary People's Liberation Party-Front"]
    assert str(claims[0].date) == "2015-03-03"  # the lede's day: the lede's claim is the body's


def test_calling_the_city_the_victim_of_a_terrorist_attack_condemns(statements) -> None:
    found = statements(
        "A truck bomb killed six people near the air base in Medellin on Thursday. "
        '"Our city has once more been the victim of a terrorist attack," the governor, Jorge Ruiz, said.'
    )
    assert ("Jorge Ruiz", "condemn", None) in triples(found)


def test_police_calling_people_victims_of_a_terrorist_attack_do_not_condemn(statements) -> None:
    found = statements(
        "A truck bomb killed six people near the air base in Medellin on Thursday. "
        "Police said the six were victims of a terrorist attack."
    )
    assert not [s for s in found if s.stance == "condemn"]


def test_counting_the_victims_of_a_terrorist_attack_is_no_condemnation(statements) -> None:
    found = statements(
        "Two bombs killed 90 people at a memorial in Kerman on Wednesday. "
        "The agency Fars reported that ten of the victims of the terrorist attack were foreign pilgrims."
    )
    assert not [s for s in found if s.stance == "condemn"]
