"""Statements in constructions met in a later batch of real coverage (our own sentences).

Each test keeps a construction seen in real reporting — an unknown group
saying it did the attack, a statement that attributes the attack, a
reduced passive "attributed to X", an acronym the article defines, a report
closing the sentence, a claim rejected — written in our own words.
"""

from __future__ import annotations

from statement_views import triples


def test_unknown_group_saying_it_carried_out_the_attack_claims_it(statements) -> None:
    found = statements(
        "The Sheikh Mansur Brigade, an armed faction tied to al-Qaeda, said it carried out the bombing of the metro "
        "in Moscow."
    )
    assert ("Sheikh Mansur Brigade", "claim", "Sheikh Mansur Brigade") in triples(found)


def test_unknown_group_name_without_its_own_deed_claims_nothing(statements) -> None:
    found = statements("A bomb hit a convoy. The Northern Army said it had repelled the attack.")
    assert not [s for s in found if s.stance == "claim"]


def test_known_battalion_claims(statements) -> None:
    found = statements("The Imam Shamil Battalion said it was behind the blast on the metro in St Petersburg.")
    assert ("Imam Shamil Battalion", "claim", "Imam Shamil Battalion") in triples(found)


def test_statement_attributing_the_attack_is_its_issuers(statements) -> None:
    found = statements(
        "Gunmen stormed a hotel in Kabul on Monday. The Afghan interior ministry issued a statement blaming the "
        "assault on the Haqqani network."
    )
    assert [(s.speaker_name, s.stance, s.target_name) for s in found if s.stance == "accuse"] == [
        ("Afghan interior ministry", "accuse", "Haqqani Network")
    ]


def test_statement_attributing_the_attack_does_not_make_the_blamed_party_speak(statements) -> None:
    found = statements(
        "Four tourists were killed in Khatlon. The ministry put out a statement attributing Sunday's killings to "
        "the Islamic Renaissance Party of Tajikistan."
    )
    assert ("Islamic Renaissance Party of Tajikistan", "accuse", "Islamic Renaissance Party of Tajikistan") not in (
        triples(found)
    )
    assert any(s.stance == "accuse" and s.target_name == "Islamic Renaissance Party of Tajikistan" for s in found)


def test_blaming_it_on_a_rival_group_accuses_the_rival(statements) -> None:
    found = statements(
        "Gunmen killed 100 villagers on Friday. The Taliban, the other suspect, chose to blame it on the Islamic State."
    )
    assert ("Taliban", "accuse", "Islamic State") in triples(found)


def test_reduced_passive_attribution_is_the_reporters(statements) -> None:
    found = statements(
        "A car bomb hit an army base in Arauca on Tuesday. Investigators believe that the bombing, attributed to "
        "the National Liberation Army, was meant to hit the intelligence unit."
    )
    assert ("Investigators", "accuse", "National Liberation Army") in triples(found)


def test_reduced_passive_attribution_of_the_narrator_is_no_statement(statements) -> None:
    found = statements(
        "A car bomb hit an army base in Arauca on Tuesday. The bombing, attributed to the National Liberation "
        "Army, wounded 30 soldiers."
    )
    assert not found


def test_group_condemning_the_attacks_cruelty_condemns_and_claims_nothing(statements) -> None:
    found = statements(
        "Gunmen killed 100 villagers in Solhan. Al-Qaeda's Sahel affiliate JNIM, one possible culprit, condemned "
        "the attack's cruelty."
    )
    assert [s.stance for s in found] == ["condemn"]


def test_acronym_the_article_defines_wins_over_the_knowledge_base(statements) -> None:
    found = statements(
        "A bomb killed four people in a gym in Marawi on Sunday. The Armed Forces of the Philippines (AFP) said "
        "the Islamic State was behind the blast. The AFP said the bomb was made of mortar rounds."
    )
    assert not [s for s in found if s.speaker_affiliation == "France"]


def test_report_closing_a_sentence_about_the_attack_attributes_it(statements) -> None:
    found = statements(
        "Two suicide attacks carried out by Islamic State militants killed at least 30 people in Mosul on Sunday, "
        "police officials said."
    )
    assert any(s.speaker_name == "police officials" and s.target_name == "Islamic State" for s in found)


def test_rejecting_a_groups_claim_doubts_it_and_clears_no_one(statements) -> None:
    found = statements(
        "Gunmen killed four cyclists. The Islamic State claimed the attack. Tajikistan on Friday rejected the "
        "claims by the Islamic State group about the attack."
    )
    assert ("Tajikistan", "other", "Islamic State") in triples(found)
    assert not [s for s in found if s.stance == "deny"]


def test_not_yet_verified_attribution_is_a_hedge(statements) -> None:
    found = statements(
        "A bomb killed 20 people at a mall in Nairobi. Washington had not yet confirmed that the assault was "
        "carried out by al-Shabaab, an American official said."
    )
    assert ("American official", "other", "al-Shabaab") in triples(found)
    assert not [s for s in found if s.stance == "deny"]
