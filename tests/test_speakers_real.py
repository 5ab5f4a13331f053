"""Who speaks, for whom, and with what stance, in constructions met in real coverage (our own sentences).

Agencies that pass on someone's words, passive condemnations with a "by"
agent, the recipients of condolences, a speaker's own side in the first
person, an envoy posted to another body, an inquiry that reports its findings.
"""

from __future__ import annotations

from statement_views import triples

# -- an agency passes on someone's words: the person speaks, not the agency ------------------


def test_an_agency_that_quotes_someone_as_condemning_is_no_speaker(statements) -> None:
    found = statements(
        "A car bomb killed nine soldiers in Ankara on Monday. The Ankara bureau of Reuters quoted NATO Secretary "
        "General Mark Rutte as condemning the bombing and saying the alliance would stand with its member."
    )
    assert [(s.speaker_name, s.stance) for s in found] == [("Mark Rutte", "condemn")]


def test_a_trailing_agency_report_citing_a_release_passes_the_words_on(statements) -> None:
    found = statements(
        "A suicide bomber killed 30 people at a rally in Karachi on Sunday. Pakistan's Prime Minister Shehbaz "
        "Sharif voiced sorrow over the bombing and said that terrorists were enemies of the country, PTI "
        "reported, citing a statement from his office."
    )
    assert [(s.speaker_name, s.speaker_affiliation, s.stance) for s in found] == [
        ("Shehbaz Sharif", "Pakistan", "condemn")
    ]


# -- a passive condemnation: the "by" agent condemns, not the noun the participle describes ----


def test_a_participle_condemnation_is_its_agents(statements) -> None:
    found = statements(
        "A jihadist group claimed a raid on the embassy in Ouagadougou and on the army headquarters, condemned "
        'by the prime minister as a "cowardly" terrorist attack.'
    )
    condemners = [(s.speaker_name, s.speaker_affiliation) for s in found if s.stance == "condemn"]
    assert condemners == [("prime minister", "Burkina Faso")]


# -- the state offered condolences receives the statement; it does not make it ---------------


def test_the_state_offered_condolences_is_not_the_condemner(statements) -> None:
    found = statements(
        "A bomb killed 40 people in a market in Kampala on Sunday. Egypt's Ministry of Foreign Affairs has "
        "issued a statement condemning the bombing and offering condolences to the government and people of Uganda."
    )
    assert [(s.speaker_affiliation, s.stance) for s in found] == [("Egypt", "condemn")]
    assert "Uganda" not in {s.speaker_name for s in found}


# -- a speaker speaking for her own side in the first person ---------------------------------


def test_my_government_deplores_is_the_speakers_condemnation(statements) -> None:
    found = statements(
        "A car bomb hit the UN office in Abuja on Friday, killing 18 people. Joy Ogwu, Nigeria's envoy to the "
        'UN, urged new efforts against terrorism, saying "My government deplores this vicious attack on civilians."'
    )
    assert [(s.speaker_name, s.speaker_affiliation, s.stance) for s in found] == [("Joy Ogwu", "Nigeria", "condemn")]


# -- an inquiry reports who did it ------------------------------------------------------------


def test_an_investigation_team_that_reveals_the_backer_accuses_it(statements) -> None:
    found = statements(
        "A bomb killed 50 people at a mosque in Bajaur in Pakistan on Sunday. The inquiry team looking into the "
        "bombing revealed that the attack was backed by Daesh."
    )
    assert ("inquiry team", "accuse", "Islamic State") in triples(found)


def test_a_team_not_named_for_an_inquiry_is_no_speaker(statements) -> None:
    found = statements(
        "A bomb killed 50 people at a mosque in Bajaur in Pakistan on Sunday. The rescue team said that the "
        "attack was backed by Daesh."
    )
    assert found == []


# -- a denial through "nothing to indicate", with a manner phrase the parse misreads ----------


def test_nothing_to_indicate_a_state_was_in_any_way_involved_clears_it(statements) -> None:
    found = statements(
        "Gunmen killed 20 people at a theatre in Moscow on Friday. Soon after the shooting began, American "
        "officials stated that there was nothing to indicate that Ukraine was in any way involved in the attack."
    )
    assert ("American officials", "deny", "Ukraine") in triples(found)


# -- police naming an attack "terrorist" classify it; they do not condemn it ------------------


def test_police_calling_it_a_terrorist_incident_is_no_condemnation(statements) -> None:
    found = statements(
        "Gunmen attacked a hotel in Nairobi on Tuesday, killing 14 people. Police sealed off the area after what "
        "they called a terrorist incident."
    )
    assert [s for s in found if s.stance == "condemn"] == []


def test_a_leader_calling_it_a_terrorist_attack_still_condemns(statements) -> None:
    found = statements(
        "A bomb killed 14 people at a market in Kabul on Tuesday. President Ashraf Ghani called the bombing a "
        "terrorist attack on innocent civilians."
    )
    assert ("Ashraf Ghani", "condemn", None) in triples(found)


# -- an unnamed security body speaks for the state the attack struck -------------------------


def test_a_national_security_council_speaks_for_the_home_state(statements) -> None:
    found = statements(
        "Gunmen killed 40 worshippers at a church in Owo in Nigeria on Sunday. The National Security Council "
        "says the Islamic State West Africa Province is responsible for the attack."
    )
    assert [(s.speaker_name, s.speaker_affiliation, s.stance) for s in found] == [
        ("National Security Council", "Nigeria", "accuse")
    ]
