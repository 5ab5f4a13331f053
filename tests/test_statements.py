"""Statements about responsibility: stance, speaker, target and date from our own test sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from counterclaim.records import Statement
from statement_views import triples


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


# --- condemnation without the word "condemn" -----------------------------------------------------------------


def condemners(found: list[Statement]) -> set[str]:
    return {s.speaker_name for s in found if s.stance == "condemn" and s.target_name is None}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A mortar hit a camp near Gao. The UN peacekeeping mission firmly condemned the shelling.", "UN"),
        ("Gunmen stormed a church in Kaduna. The Italian embassy said it was appalled by the killings.", "embassy"),
        ("A car bomb hit Izmir. The EU's foreign policy chief said the bloc stands with Turkey.", "chief"),
        ("A bomb hit a bus in Gwadar. Russia's foreign ministry said it resolutely opposes terrorism.", "ministry"),
        ("Gunmen shot nine miners. The interior minister described the killings as barbaric.", "minister"),
        ('A blast tore through a bazaar. "This savage act will be punished," said Governor Musa Adamu.', "Musa Adamu"),
        ("Militants burned a village. President Ruto said Kenya would hunt down the killers.", "Ruto"),
    ],
)
def test_condemnation_read_from_what_was_said(statements, text: str, speaker: str) -> None:
    assert any(speaker in name for name in condemners(statements(text)))


def test_condemnation_noun_names_each_condemner(statements) -> None:
    found = statements("A bomb hit a mosque in Herat. The bombing drew swift condemnation from Qatar and Egypt.")
    assert condemners(found) == {"Qatar", "Egypt"}


def test_condemnation_reported_by_an_office_is_the_condemners(statements) -> None:
    found = statements("A bomb hit a school. Secretary-General Lars Holm deplored the attack, his spokesman said.")
    assert condemners(found) == {"Lars Holm"}


# --- claims ---------------------------------------------------------------------------------------------------


def test_claim_by_an_armed_wing_with_a_possessive_name(statements) -> None:
    found = statements(
        "A roadside bomb hit a convoy in Hakkari. The People's Defence Forces (HPG), the PKK's military wing, "
        "said its guerrillas carried out the attack."
    )
    assert any(s.stance == "claim" and s.target_name == "People's Defence Forces" for s in found)


def test_claim_through_a_groups_radio(statements) -> None:
    found = statements(
        "Militants overran a base in Lower Shabelle. Al-Shabaab said through its Radio Andalus that its "
        "fighters had stormed the base."
    )
    assert any(s.stance == "claim" and s.target_name == "al-Shabaab" for s in found)


# --- confirm, accuse, other -----------------------------------------------------------------------------------


def stances_of(found: list[Statement], target: str) -> set[str]:
    return {s.stance for s in found if s.target_name == target}


def test_hallmarks_of_a_group_is_a_hedge(statements) -> None:
    found = statements("A bomb exploded at a bus stop. Police said the blast bore the hallmarks of al-Shabaab.")
    assert stances_of(found, "al-Shabaab") == {"other"}


def test_suspecting_a_group_is_a_hedge(statements) -> None:
    found = statements('Gunmen raided a hotel. "We suspect the Haqqani network," the police commissioner said.')
    assert stances_of(found, "Haqqani Network") == {"other"}


def test_the_claimants_fighters_behind_it_is_a_confirmation(statements) -> None:
    found = statements(
        "Militants attacked a barracks in Borno. ISWAP claimed the attack. "
        "The state governor said ISWAP fighters were behind it."
    )
    assert stances_of(found, "Islamic State West Africa Province") == {"claim", "confirm"}


def test_identifying_the_attackers_as_members_is_an_accusation(statements) -> None:
    found = statements("Gunmen attacked a market. The army identified the gunmen as members of Boko Haram.")
    assert stances_of(found, "Boko Haram") == {"accuse"}


def test_holding_a_party_responsible_is_an_accusation(statements) -> None:
    found = statements("A rocket hit the airport. The prime minister held the Houthis responsible.")
    assert stances_of(found, "Houthis") == {"accuse"}


def test_launching_operations_to_hunt_the_attackers_blames_nobody(statements) -> None:
    found = statements("Gunmen killed 20 herders. He said the army had launched operations to hunt down the gunmen.")
    assert not [s for s in found if s.stance in ("accuse", "confirm")]


# --- denials and several targets ------------------------------------------------------------------------------


def test_de_facto_government_spokesman_clears_the_state(statements) -> None:
    found = statements("A bomb hit a convoy. Taliban government spokesman Zabihullah Mujahid denied any involvement.")
    assert {(s.stance, s.target_name) for s in found} == {("deny", "Afghanistan")}


def test_a_person_denying_never_clears_his_own_name(statements) -> None:
    found = statements("A bomb hit a rally. Opposition leader Tariq Mehmood rejected claims that his party took part.")
    assert all(s.target_name != "Tariq Mehmood" for s in found if s.stance == "deny")


def test_accusing_two_parties_is_two_statements(statements) -> None:
    found = statements("A blast hit a train. The army accused Iran and Iraq of sponsoring the bombers.")
    assert {s.target_name for s in found if s.stance == "accuse"} == {"Iran", "Iraq"}


def test_territory_the_attackers_operate_from_names_its_state(statements) -> None:
    found = statements("A blast hit a post. The governor said the bombers were backed by Iran, based on Iraqi soil.")
    assert {s.target_name for s in found if s.stance == "accuse"} == {"Iran", "Iraq"}


def test_place_the_attack_was_planned_in_when_a_state(statements) -> None:
    found = statements("A bomb hit a bus. The police chief said the attack had been planned in Syria.")
    assert stances_of(found, "Syria") == {"accuse"}


# --- speakers -------------------------------------------------------------------------------------------------


def test_rank_without_dots_is_split_off(statements) -> None:
    found = statements("A blast hit a base. Army spokesman Maj Gen Yusuf Danladi blamed Boko Haram.")
    assert {s.speaker_name for s in found if s.stance == "accuse"} == {"Yusuf Danladi"}


def test_name_in_apposition_to_a_title_with_an_organisation(statements) -> None:
    found = statements(
        "A blast hit a base. The Director General of the Border Police, Brigadier Omar Siddiq, blamed India."
    )
    assert {s.speaker_name for s in found if s.stance == "accuse"} == {"Omar Siddiq"}


# --- dates ----------------------------------------------------------------------------------------------------


def test_weekday_resolves_against_the_dateline(statements) -> None:
    found = statements(
        "NAIROBI, Kenya, Thursday, May 16, 2024 - Gunmen killed five police officers on Monday.\n\n"
        "Police spokesman Peter Kamau said on Tuesday that al-Shabaab was behind the ambush."
    )
    assert {s.date for s in found if s.stance == "accuse"} == {dt.date(2024, 5, 14)}


def test_pronoun_statement_takes_the_date_of_the_speakers_previous_sentence(statements) -> None:
    found = statements(
        "Gunmen killed five police officers on May 13, 2024.\n\n"
        "Police spokesman Peter Kamau spoke to reporters on May 14. He said al-Shabaab was behind the ambush."
    )
    assert {s.date for s in found if s.stance == "accuse"} == {dt.date(2024, 5, 14)}


def test_date_on_the_attack_noun_dates_a_later_condemnation(statements) -> None:
    found = statements(
        "An ambush killed five police officers on May 13, 2024.\n\n"
        "Governor Amina Yusuf condemned the attack on May 15 and called for calm."
    )
    assert {s.date for s in found if s.stance == "condemn"} == {dt.date(2024, 5, 15)}


#: A header date that sets the reference day (Thursday, May 16, 2024) and an attack on the Monday before it.
KENYA_LEAD = (
    "Police ambush in Lamu\n\nPublished: May 16, 2024\n\n"
    "Gunmen killed five police officers in an ambush near Lamu on Monday.\n\n"
)


@pytest.mark.parametrize(
    ("text", "stance", "day"),
    [
        # the date hangs on the verb that reports the act, not on the act's own verb
        ("The UN secretary-general condemned the ambush, his spokesman said on Wednesday.", "condemn", 15),
        ("A ministry spokesman said on Tuesday that Somalia rejects any part in the ambush.", "deny", 14),
        # a span under a day after the attack is the attack's day; "that day" is the day named last
        ("Hours after the ambush, al-Shabaab claimed responsibility on its radio station.", "claim", 13),
        ("Officials met the families on Tuesday. The governor blamed al-Shabaab for it that day.", "accuse", 14),
        # the same speaker by name, after a quote, inherits the date of the first sentence
        (
            'Police chief Paul Otieno said on Tuesday that the officers had been outnumbered. "This was the work '
            'of al-Shabaab, and we know who sent them," Otieno said.',
            "accuse",
            14,
        ),
        # a calendar day or weekday wins over a count from the attack in the same clause
        ("Two days after the ambush, al-Shabaab on Thursday claimed responsibility for it.", "claim", 16),
        # the simple present in the body is the day of publication
        ("The interior ministry says al-Shabaab fighters carried out the ambush.", "accuse", 16),
        # a paragraph's first sentence dates it; an undated summary takes the date of the detail that follows
        (
            "The Somali foreign ministry responded on Tuesday. Its spokesman Ali Omar called the charge baseless "
            "and said Somalia had no part in the ambush.",
            "deny",
            14,
        ),
        (
            "Mogadishu rejected the accusation. Foreign minister Ahmed Moallim wrote on Wednesday that Somalia "
            "had no part in the ambush.",
            "deny",
            15,
        ),
        # the document that carries the act dates it, wherever the parser hangs it (here on the attack's own day)
        (
            "Al-Shabaab spokesman Ali Dhere claimed the ambush in a message sent to journalists on the afternoon "
            "of 13 May.",
            "claim",
            13,
        ),
        # a relative clause on the speaker about the days since the attack dates the statement
        (
            "Governor Issa Timamy, who visited the wounded on Tuesday, blamed al-Shabaab for the ambush.",
            "accuse",
            14,
        ),
        # the lede's undated report takes the day a repeat further down gives
        (
            "Interior minister Kithure Kindiki has blamed al-Shabaab for the ambush.\n\n"
            "Kindiki blamed al-Shabaab on Wednesday during a visit to the wounded in hospital.",
            "accuse",
            15,
        ),
    ],
)
def test_statement_dates_in_news_constructions(statements, text: str, stance: str, day: int) -> None:
    assert {s.date for s in statements(KENYA_LEAD + text) if s.stance == stance} == {dt.date(2024, 5, day)}


@pytest.mark.parametrize(
    ("text", "stance", "day"),
    [
        # a date trailing the attack noun that the act takes as object is the act's, on the attack's own day too
        ("Opposition leaders Raila Odinga and Kalonzo Musyoka condemned the attack on Monday night.", "condemn", 13),
        ("The interior ministry condemned the ambush within hours.", "condemn", 13),
        # an act noun dated by the verb it is the subject of
        ("Condemnation came on Tuesday night from Tanzania, Uganda and the United Nations.", "condemn", 14),
        # what the act is done to keeps its own date ("the assertion of Tuesday was rejected on Wednesday by ...")
        (
            "Somalia's assertion on Tuesday that Kenyan troops had provoked the ambush was rejected on Wednesday by "
            "interior minister Kithure Kindiki.",
            "deny",
            15,
        ),
        # a clause counted in days from a dated one ("on Wednesday, a day after X claimed")
        (
            "Police raised the toll to seven on Wednesday, officials said, a day after al-Shabaab claimed the ambush.",
            "claim",
            14,
        ),
        # a title that refers back to the person the paragraph before named and dated
        (
            "Police chief Paul Otieno spoke to reporters on Tuesday about the inquiry.\n\n"
            "Asked who sent the gunmen, the police chief replied that al-Shabaab had planned the ambush.",
            "accuse",
            14,
        ),
    ],
)
def test_dates_of_acts_on_the_attack_and_back_references(statements, text: str, stance: str, day: int) -> None:
    assert {s.date for s in statements(KENYA_LEAD + text) if s.stance == stance} == {dt.date(2024, 5, day)}


@pytest.mark.parametrize(
    "text",
    [
        # a date before the attack noun names the attack alone
        "Governor Amina Yusuf condemned Monday's ambush.",
        # a date in a joined clause with its own subject tells that subject's act
        "Defence minister Aden Duale called it a cowardly act, while opposition leader Raila Odinga condemned the "
        "ambush on Monday night.",
        # a clause opened by "after" is not of the day of the clause above it
        "The toll rose to seven on Wednesday after al-Shabaab claimed the ambush.",
        # a group's name with "the" is no back reference to the official dated before it
        "Police chief Paul Otieno spoke to reporters on Tuesday about the inquiry.\n\n"
        "The al-Shabaab group claimed the ambush on its radio station.",
        # a pronoun whose name is in its own sentence does not reach back to another speaker's date
        "Kenya and Uganda condemned the ambush on Monday.\n\n"
        "UN envoy James Swan said he condemned the ambush in the strongest terms.",
    ],
)
def test_statement_left_undated_when_the_date_is_anothers(statements, text: str) -> None:
    found = statements(KENYA_LEAD + text)
    first = next(s for s in found if s.speaker_name in ("Amina Yusuf", "Aden Duale", "al-Shabaab", "James Swan"))
    assert first.told_date is None


def test_weekday_without_a_publication_date_falls_after_the_attack(statements) -> None:
    found = statements(
        "Police ambush in Lamu\n\nGunmen killed five police officers near Lamu on Monday, May 13, 2024.\n\n"
        "Al-Shabaab claimed responsibility Tuesday in an audio message."
    )
    assert {s.date for s in found if s.stance == "claim"} == {dt.date(2024, 5, 14)}


def test_page_date_glued_to_the_lede_yields_to_the_ledes_own_day(statements) -> None:
    found = statements(
        " date 2024-05-16 Al-Shabaab on Tuesday claimed the ambush that killed five police officers near Lamu.\n\n"
        "The officers were on patrol when gunmen opened fire on Monday."
    )
    assert {s.date for s in found if s.stance == "claim"} == {dt.date(2024, 5, 14)}


def test_claim_takes_the_day_another_paragraph_gives_it(statements) -> None:
    found = statements(
        KENYA_LEAD + "Al-Shabaab claimed the ambush on Tuesday, saying its fighters had killed the officers.\n\n"
        "Police reinforcements arrived from Mombasa.\n\n"
        "The group's military spokesman Abdiasis Abu Musab said in an audio message that its fighters carried "
        "out the attack."
    )
    assert {s.date for s in found if s.stance == "claim"} == {dt.date(2024, 5, 14)}


def test_a_paragraph_break_stops_an_undated_summary_from_taking_the_next_date(statements) -> None:
    found = statements(
        KENYA_LEAD + "Somalia rejected the accusation.\n\nA memorial service will be held in Lamu on Monday."
    )
    assert {s.told_date for s in found if s.stance == "deny"} == {None}


def test_a_speaker_named_again_paragraphs_later_keeps_the_date(statements) -> None:
    found = statements(
        KENYA_LEAD + "Police chief Paul Otieno said on Tuesday that the officers had been outnumbered.\n\n"
        "Survivors described a long gunfight.\n\n"
        '"Al-Shabaab fighters carried out this ambush," Otieno said.'
    )
    assert {s.date for s in found if s.stance == "accuse"} == {dt.date(2024, 5, 14)}


def test_a_headline_in_the_present_is_the_day_of_publication(statements) -> None:
    found = statements(
        "Al-Shabaab claims Lamu police ambush\n\nPublished: May 16, 2024\n\n"
        "Gunmen killed five police officers in an ambush near Lamu on Monday, officials said."
    )
    assert {s.date for s in found if s.stance == "claim"} == {dt.date(2024, 5, 16)}


def test_live_blog_entry_is_dated_by_the_blogs_day(statements) -> None:
    found = statements(
        "Ambush near Lamu: live updates\n\nThursday 16 May 2024 — this page is no longer updated\n\n"
        "17:40 EAT\nGunmen killed five police officers in an ambush near Lamu on Monday.\n\n"
        "16:05 EAT\nThe county governor condemned the ambush and asked residents to stay calm."
    )
    assert {s.date for s in found if s.stance == "condemn"} == {dt.date(2024, 5, 16)}


def test_date_in_a_relative_clause_on_the_speaker_is_not_the_statements(statements) -> None:
    found = statements(
        KENYA_LEAD + "Governor Amina Hassan, who took office three weeks ago, blamed al-Shabaab for the ambush."
    )
    assert {s.date for s in found if s.stance == "accuse"} == {None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weapon owned by a party, and a passive participle naming its agent
        (
            'A shell hit a clinic. "This was a Hamas rocket, fired from ground Hamas holds," the army spokesman said.',
            "Hamas",
        ),
        # a cleft: "it is X who planted ..."
        (
            'A device blew up a bus. "It is plainly al-Shabaab who planted the bomb," the governor told reporters.',
            "al-Shabaab",
        ),
        # the involvement of a branch named by its parent and region
        (
            "A blast hit a rally. The police chief said evidence shows the involvement of Daesh's Khorasan chapter.",
            "Islamic State Khorasan Province",
        ),
    ],
)
def test_plain_declaratives_attribute_the_attack(statements, text: str, expected: str) -> None:
    assert {s.target_name for s in statements(text) if s.stance == "accuse"} == {expected}


def test_predicate_hedge_makes_other(statements) -> None:
    found = statements("Raiders burned a market. An analyst said JNIM was probably responsible for the raid.")
    assert {s.stance for s in found} == {"other"}


def test_claim_of_other_operations_is_dropped_when_the_group_denies(statements) -> None:
    found = statements(
        "A truck bomb hit a barracks in Gao. JNIM claimed several ambushes on convoys that week "
        "but denied any role in the bombing."
    )
    assert {s.stance for s in found} == {"deny"}


def test_habitual_acts_are_no_statements(statements) -> None:
    assert statements("A bomb hit a bus in Quetta. New Delhi has repeatedly rejected such accusations.") == []


def test_disclaimers_are_denials(statements) -> None:
    own = statements("A bomb hit a bus. The TTP said it had nothing to do with the bombing.")
    assert [(s.stance, s.target_name) for s in own] == [("deny", "Tehrik-i-Taliban Pakistan")]
    other = statements(
        "A bomb hit a bus in Zahedan. Iran's foreign ministry said accusations against Pakistan were false."
    )
    assert [(s.stance, s.target_name) for s in other] == [("deny", "Pakistan")]


@pytest.mark.parametrize(
    "text",
    [
        "A bomb hit a bus. Ghana expressed outrage at the bombing.",
        "A bomb hit a bus. The envoy said the bombing was an attack on every believer.",
        '"Bombing a bus full of pupils is a violation of every law, and those responsible must be held to account," '
        "the envoy said.",
        "A bomb hit a bus. The minister said the state would spare no effort to track down those responsible.",
    ],
)
def test_condemnations_in_other_words(statements, text: str) -> None:
    assert [s.stance for s in statements(text)] == ["condemn"]


def test_feeling_reported_for_a_named_person_is_theirs(statements) -> None:
    found = statements("A bomb hit a bus. A UN spokesman said Secretary-General Antonio Guterres was horrified by it.")
    assert [(s.speaker_name, s.stance) for s in found] == [("António Guterres", "condemn")]


def test_places_and_dates_do_not_speak(statements) -> None:
    assert (
        statements("In May, a bomb hit a bus in Herat. Herat said the attack was carried out by Islamic State.") == []
    )


def test_speaker_affiliations_of_unnamed_bodies_and_embassies(statements) -> None:
    army = statements(
        "Gunmen raided a village in Niger. An army spokesman, Ali Garba, said ISWAP fighters carried out the raid."
    )
    assert army[0].speaker_affiliation == "Niger"
    embassy = statements(
        'A bomb hit a bus in Lagos. The French embassy in Abuja said it was "horrified" by the attack.'
    )
    assert [s.speaker_name for s in embassy] != ["Nigeria"] and embassy[0].speaker_affiliation == "France"


# -- round 4: parties, full names, outlets, obligations ----------------------------------------


def test_a_common_noun_that_names_no_party_is_no_target(statements) -> None:
    found = statements(
        "A bomb destroyed a clinic in Gao. Regional Governor Amadou Keita said the bombing was the work of "
        "people without conscience."
    )
    assert all(s.target_name != "people" for s in found)


def test_a_collective_noun_is_a_party(statements) -> None:
    found = statements(
        "Gunmen killed nine villagers in Tillia. Interior Minister Oumar Diallo said the killings were organised "
        "by criminal networks."
    )
    assert ("Oumar Diallo", "accuse", "criminal networks") in triples(found)


def test_first_name_speaker_takes_the_full_name_given_later(statements) -> None:
    found = statements(
        "Ruto says attack was planned by local gangs\n\n"
        "President William Ruto said on Monday the attack on the market was planned by local gangs."
    )
    assert {s.speaker_name for s in found if s.stance == "accuse"} == {"William Ruto"}


def test_a_name_after_a_verb_is_no_title_holder_and_a_place_no_title(statements) -> None:
    found = statements(
        "A mortar round killed five people in Gao. Malian officials said the shell that struck Abdoulaye Traore "
        "came from a Jama'at Nusrat al-Islam wal-Muslimin battery."
    )
    assert {s.speaker_name for s in found} == {"Malian officials"}


def test_obligation_to_take_responsibility_is_no_claim(statements) -> None:
    found = statements("A bomb killed six soldiers in Kidal. Army commanders must take responsibility for the failure.")
    assert all(s.stance != "claim" for s in found)


def test_group_claim_through_its_outlet_names_the_outlet(statements) -> None:
    found = statements(
        "Militants stormed a police post in Mandera, killing five officers. Later al-Shabaab said on its "
        "Radio Andalus station that its fighters had carried out the attack."
    )
    claims = [s for s in found if s.stance == "claim"]
    assert [(s.speaker_name, s.speaker_affiliation, s.target_name) for s in claims] == [
        ("Radio Andalus", "al-Shabaab", "al-Shabaab")
    ]


def test_attack_noun_with_an_agent_names_who_did_it(statements) -> None:
    found = statements(
        "A drone struck a fuel depot in Jizan. Energy Minister Faisal Omar said these criminal attacks by the "
        "Houthi militia would be answered."
    )
    assert ("Faisal Omar", "accuse", "Houthis") in triples(found)


def test_rejecting_attacks_on_civilians_condemns(statements) -> None:
    found = statements(
        "A rocket killed four children in a village. Prime Minister Omar Haddad said his government rejected "
        "all attacks against civilians."
    )
    assert ("Omar Haddad", "condemn", None) in triples(found)


def test_claim_of_other_operations_does_not_make_a_blame_a_confirmation(statements) -> None:
    found = statements(
        "A rocket hit a school in Kiryat Shmona. The army blamed Hezbollah for the strike. "
        "Earlier that day Hezbollah had claimed several attacks on army posts."
    )
    assert {s.stance for s in found if s.target_name == "Hezbollah" and s.speaker_name != "Hezbollah"} == {"accuse"}


def test_speaker_split_by_the_parser_snaps_to_the_whole_name(statements) -> None:
    found = statements(
        "The Security Council on Tuesday put the chief of a militant group based in Pakistan on its sanctions list. "
        "Diplomats said the listing freezes his bank accounts.\n\n"
        "New Delhi had sought the listing since a car bombing in Kashmir killed dozens of police officers.\n\n"
        "The March 3 bombing near the border post was the worst attack on the police in years. A young recruit rammed "
        "a truck filled with explosives into a convoy. Jaish-e-Mohammed claimed the attack the same evening, releasing "
        "a video in which the attacker said he had joined the group months earlier.\n\n"
        "Indian officials accused Tehreek-e-Taliban of helping the bombers."
    )
    assert ("Jaish-e-Mohammed", "claim", "Jaish-e-Mohammed") in triples(found)
    assert all("-e-" in s.target_name or "-i-" in s.target_name for s in found if s.target_name)


def test_group_denying_this_attack_while_claiming_others_is_no_claimant(statements) -> None:
    found = statements(
        "A shell struck a school yard on Monday, killing six pupils. Hezbollah, which claimed several raids on army "
        "posts on Sunday, denied any role in the shell that struck the school yard. Israeli officials said Hezbollah "
        "was responsible for the attack."
    )
    assert ("Hezbollah", "deny", "Hezbollah") in triples(found)
    assert not any(s.stance in ("claim", "confirm") for s in found)
    assert any(s.stance == "accuse" and s.target_name == "Hezbollah" for s in found)


def test_de_facto_government_denial_clears_the_state(statements) -> None:
    found = statements(
        "A bomb killed 14 people at a bus stop in Quetta. Pakistan accused Afghanistan of harbouring the bombers. "
        "Afghanistan's Taliban government rejected the accusation. Taliban spokesman Zabihullah Mujahid said Afghan "
        "territory was not used for the attack."
    )
    denials = {(s.speaker_name, s.target_name) for s in found if s.stance == "deny"}
    assert ("Zabihullah Mujahid", "Afghanistan") in denials
    assert all(target == "Afghanistan" for _, target in denials)
    assert not any(s.stance == "claim" for s in found)


def test_denial_on_behalf_of_another_clears_the_party_named(statements) -> None:
    found = statements(
        "A bomb wrecked a community centre in Montevideo. Uruguayan prosecutors blamed Hezbollah. "
        "Iran's foreign ministry spokesman said accusations against Hezbollah were baseless."
    )
    assert {s.target_name for s in found if s.stance == "deny"} == {"Hezbollah"}
    assert any(s.speaker_name == "Uruguayan prosecutors" and s.stance == "accuse" for s in found)


def test_agency_spokesman_speaks_for_its_state(statements) -> None:
    found = statements(
        "A bomb killed 30 people in Kandahar. State Department spokesman John Carter said the attack was horrific. "
        "A US State Department spokesman said Islamic State was behind the attack."
    )
    named = next(s for s in found if s.speaker_name == "John Carter")
    assert named.speaker_affiliation == "United States"
    assert any(s.speaker_name == "US State Department spokesman" and s.stance == "accuse" for s in found)


def test_state_outlet_keeps_its_name(statements) -> None:
    found = statements("A bomb killed 12 people in Tehran. Iran's state-run IRNA news agency blamed Israel for it.")
    statement = next(s for s in found if s.stance == "accuse")
    assert statement.speaker_name != "Iran" and statement.speaker_affiliation == "Iran"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "A suicide bomber struck a mosque in Kunduz. The Islamic State group's affiliate in Afghanistan "
            "claimed responsibility for the bombing.",
            "Islamic State Khorasan Province",
        ),
        (
            "Gunmen raided a police post near Kidal. Fighters from Jama'at Nusrat al-Islam wal-Muslimin "
            "claimed responsibility for the raid.",
            "Jama'at Nusrat al-Islam wal-Muslimin",
        ),
        ("A truck bomb hit a hotel in Kismayo. Al-Qaeda's affiliate in Somalia claimed the attack.", "al-Shabaab"),
    ],
)
def test_a_branch_or_its_fighters_claim_for_the_group_not_the_country(statements, text: str, claimant: str) -> None:
    assert (claimant, "claim", claimant) in triples(statements(text))


def test_officials_from_a_state_speak_for_it(statements) -> None:
    found = statements("A bomb killed six soldiers at a border post. Officials from Iran blamed Israel for the blast.")
    accusation = next(s for s in found if s.stance == "accuse")
    assert accusation.target_name == "Israel" and accusation.speaker_affiliation == "Iran"


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Militants stormed a hotel in Kismayo, killing nine people. In a statement, al-Shabaab said members "
            'of its "Saleh Nabhan Brigade" carried out the raid.',
            "al-Shabaab",
        ),
        (
            "A blast killed six police officers in Quetta. The Balochistan Liberation Army said fighters of its "
            "Majeed Brigade carried out the bombing.",
            "Balochistan Liberation Army",
        ),
    ],
)
def test_members_of_the_speakers_own_unit_make_a_claim(statements, text: str, group: str) -> None:
    assert (group, "claim", group) in triples(statements(text))


def test_a_listed_body_keeps_its_owner(statements) -> None:
    found = statements(
        "A bomb killed six people outside an embassy. Kenya's Foreign Office and the Ugandan Foreign Ministry "
        "have also condemned the attack."
    )
    condemned = {(s.speaker_name, s.speaker_affiliation) for s in found if s.stance == "condemn"}
    assert condemned == {("Kenya's Foreign Office", "Kenya"), ("Ugandan Foreign Ministry", "Uganda")}


def test_a_cleric_named_by_his_see_is_the_person_not_the_state(statements) -> None:
    found = statements(
        "Bombs killed 40 worshippers in Nairobi. The Archbishop of Nairobi, Cardinal John Njue, condemned the "
        "bombings as an act of cowardice."
    )
    assert {s.speaker_name for s in found if s.stance == "condemn"} == {"John Njue"}


def test_a_second_speaker_the_parser_hung_on_the_first_verb(statements) -> None:
    found = statements(
        "Gunmen killed 25 people at a parade in Ahvaz. Syria, Russia and the Iraqi government have condemned the "
        "terrorist attack, and UN Secretary-General Antonio Guterres in a statement condemned it as well."
    )
    condemned = {s.speaker_name for s in found if s.stance == "condemn"}
    assert {"Syria", "Russia", "Iraq"} <= condemned and any("Guterres" in name for name in condemned)


def test_described_as_a_groups_commander_and_the_mastermind_blames_the_group(statements) -> None:
    found = statements(
        "Gunmen killed 40 people at a bus depot in Mandera. The interior ministry described Ahmed Iman as a senior "
        "al-Shabaab commander and the mastermind of the attack."
    )
    assert any(s.stance in ("accuse", "confirm") and s.target_name == "al-Shabaab" for s in found)


@pytest.mark.parametrize(
    "quote",
    [
        "It is not unusual for them to claim responsibility for attacks like this.",
        "They claim responsibility for virtually every attack.",
    ],
)
def test_a_habit_of_claiming_attacks_is_no_claim_of_this_one(statements, quote: str) -> None:
    found = statements(
        "A bomb killed 22 people at a concert in Leeds. The Islamic State claimed the bombing on Tuesday. "
        f'Home Secretary Jane Doe told a Senate hearing that the claim could not yet be confirmed. "{quote}" she said.'
    )
    assert all(s.speaker_name != "Jane Doe" or s.stance not in ("accuse", "confirm", "claim") for s in found)


def test_a_statement_on_a_groups_channels_is_the_groups_claim(statements) -> None:
    found = statements(
        "A bomb killed 22 people at a concert in Leeds. A statement circulating on Islamic State channels on the "
        'Telegram messaging app says "a soldier of the Caliphate" placed explosive devices at the arena.'
    )
    assert ("Islamic State", "claim", "Islamic State") in triples(found)


def test_the_acronym_is_is_a_speaker_not_an_auxiliary(statements) -> None:
    found = statements("Two suicide bombers killed three people in Kampala. IS claimed the attack on Tuesday.")
    assert ("Islamic State", "claim", "Islamic State") in triples(found)


def test_dismissing_a_groups_claim_doubts_the_group(statements) -> None:
    found = statements(
        "Gunmen killed 25 people at a parade in Ahvaz. The Islamic State claimed the attack. Iranian officials "
        "dismissed the Daesh claim."
    )
    assert any(s.stance == "other" and s.target_name == "Islamic State" for s in found)


def test_a_group_funded_by_a_state_blames_the_state(statements) -> None:
    found = statements(
        "Gunmen killed 25 people at a parade in Ahvaz. The IRGC said in a statement that the attackers belonged "
        "to a group funded by Saudi Arabia."
    )
    assert {(s.stance, s.target_name) for s in found} == {("accuse", "Saudi Arabia")}


def test_holding_someone_accountable_blames_them_not_the_holder(statements) -> None:
    found = statements(
        "Gunmen killed 25 people at a parade in Ahvaz. Tehran holds regional sponsors of terror and their US "
        "masters accountable for such attacks, the foreign minister added."
    )
    assert ("accuse", "United States") in {(s.stance, s.target_name) for s in found}
    assert all(s.target_name != "Iran" for s in found)


def test_attackers_linked_to_a_states_agency_blame_the_state(statements) -> None:
    found = statements(
        "Gunmen killed 25 people at a parade in Ahvaz. Army spokesman Ali Karimi said the gunmen were linked to "
        "the Mossad."
    )
    assert ("Ali Karimi", "accuse", "Israel") in triples(found)
    accusation = next(s for s in found if s.stance == "accuse")
    assert accusation.target.actor_id == "mossad" or accusation.target.span.text.endswith("Mossad")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Home Minister Rashid Khan rejected any IS role.", ("Rashid Khan", "deny", "Islamic State")),
        (
            '"They have no links with the Islamic State," Home Minister Rashid Khan said.',
            ("Rashid Khan", "deny", "Islamic State"),
        ),
        (
            "Home Minister Rashid Khan said the attackers had links with Jamaat-ul-Mujahideen Bangladesh.",
            ("Rashid Khan", "accuse", "Jamaat-ul-Mujahideen Bangladesh"),
        ),
        (
            '"They are members of Jamaat-ul-Mujahideen Bangladesh," Home Minister Rashid Khan said.',
            ("Rashid Khan", "accuse", "Jamaat-ul-Mujahideen Bangladesh"),
        ),
    ],
)
def test_the_attackers_ties_blame_or_clear_a_group(statements, sentence: str, expected: tuple) -> None:
    found = statements(
        f"Gunmen killed 20 hostages at a cafe in Dhaka. The Islamic State claimed the attack on Saturday. {sentence}"
    )
    assert expected in triples(found)


def test_a_speaker_hung_on_an_opening_preposition(statements) -> None:
    found = statements(
        "Bombers killed 253 people in Colombo. On Monday the government's spokesman, Health Minister Ravi Perera, "
        "told a news conference that a local group, National Thowheeth Jama'ath, was behind the bombings."
    )
    assert ("Ravi Perera", "accuse", "National Thowheeth Jama'ath") in triples(found)


@pytest.mark.parametrize(
    ("sentence", "speaker", "affiliation"),
    [
        (
            "Muslim community leaders in Colombo also condemned the attacks.",
            "Muslim community leaders in Colombo",
            "Sri Lanka",
        ),
        ("The regime in Colombo condemned the attacks.", "Sri Lanka", "Sri Lanka"),
    ],
)
def test_people_sited_in_a_capital_are_not_its_state(statements, sentence: str, speaker: str, affiliation: str) -> None:
    found = statements(f"Bombers killed 253 people at three churches in Negombo. {sentence}")
    assert {(s.speaker_name, s.speaker_affiliation) for s in found if s.stance == "condemn"} == {(speaker, affiliation)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The United Nations mission in Somalia condemned the siege, as did the African Union Transition Mission "
            "in Somalia.",
            {
                ("United Nations mission in Somalia", "condemn", None),
                ("African Union Transition Mission in Somalia", "condemn", None),
            },
        ),
        (
            "Kenya blamed al-Shabaab, and so did the United States.",
            {("Kenya", "accuse", "al-Shabaab"), ("United States", "accuse", "al-Shabaab")},
        ),
    ],
)
def test_as_did_repeats_the_act_for_another_speaker(statements, sentence: str, expected: set) -> None:
    found = statements(f"A siege of a hotel killed 21 people in Kismayo. {sentence}")
    assert expected <= triples(found)


def test_these_are_group_fighters_blames_the_group(statements) -> None:
    found = statements(
        'Gunmen attacked a train near Kaduna, killing eight people. "These are Boko Haram terrorists who have moved '
        'into our forests," Governor Ibrahim Musa said.'
    )
    assert ("Ibrahim Musa", "accuse", "Boko Haram") in triples(found)


def test_a_person_named_at_the_end_of_a_bodys_phrase_speaks(statements) -> None:
    found = statements(
        "A bomb killed six people at an embassy in Kabul. The State Duma's Committee on International Affairs "
        'chairman Pavel Orlov said the attack was a "monstrous crime".'
    )
    assert {s.speaker_name for s in found} == {"Pavel Orlov"}


def test_rejecting_claims_by_a_group_that_it_did_it_clears_the_group(statements) -> None:
    found = statements(
        "Gunmen killed 48 people in Witu. President John Mwangi on Tuesday rejected claims by the Somali militant "
        "group al-Shabaab that it carried out the massacre."
    )
    assert ("John Mwangi", "deny", "al-Shabaab") in triples(found)  # the claim's clause is what he rejects
    assert all(s.target_name != "Somalia" for s in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('"The main sponsor is India," Lt Gen Ahmed Khan said.', ("Ahmed Khan", "accuse", "India")),
        (
            "The minister, Ali Raza, said Afghanistan was the main sponsor of the attack.",
            ("Ali Raza", "accuse", "Afghanistan"),
        ),
    ],
)
def test_naming_the_sponsor_blames_them(statements, sentence: str, expected: tuple) -> None:
    assert expected in triples(statements(f"Militants hijacked a train near Sibi, killing 26 people. {sentence}"))


def test_a_denial_naming_nobody_is_part_of_the_same_speakers_named_denial(statements) -> None:
    found = statements(
        'A bomb killed 20 people in Dhaka. "We reject these insinuations. Pakistan has nothing to do with this '
        'heinous incident," spokesman Imran Shah said at his weekly briefing.'
    )
    assert [(s.stance, s.target_name) for s in found if s.speaker_name == "Imran Shah"] == [("deny", "Pakistan")]


def test_a_surname_that_is_also_a_capital_is_a_person(statements) -> None:
    found = statements(
        "Gunmen killed 67 people at a mall in Nairobi. British Foreign Secretary William Hague also condemned the "
        "attack, calling it a brutal assault."
    )
    assert {(s.speaker_name, s.speaker_affiliation, s.stance) for s in found} == {
        ("William Hague", "United Kingdom", "condemn")
    }


def test_the_president_in_lower_case_is_the_president_named_before(statements) -> None:
    found = statements(
        "A truck bomb killed 276 people in Mogadishu. President Hassan Ali declared three days of mourning. "
        "The president said the attack was cruel and cowardly."
    )
    assert ("Hassan Ali", "condemn", None) in triples(found)


@pytest.mark.parametrize(
    ("sentence", "condemns"),
    [
        ('"These cowards will meet the justice they fear," President John Kamau said.', True),
        ("Minister Ali Wei described the assailants as violent terrorists who had no humanity.", True),
        ('"It was terrorism," Prime Minister Jane Smith said.', True),
        ("Governor Musa Bello said the attackers were not ordinary criminals.", False),
        ("Police spokesman Musa Bello said the terrorists had used two rifles.", False),
    ],
)
def test_naming_the_attackers_or_the_attack_with_contempt_condemns(statements, sentence: str, condemns: bool) -> None:
    found = statements(f"Gunmen killed 50 people at two mosques in Kaduna. {sentence}")
    assert any(s.stance == "condemn" for s in found) is condemns


def test_naming_an_attacker_blames_no_party(statements) -> None:
    found = statements(
        "Gunmen attacked a hotel in Grand-Bassam, killing 19 people. In its claim, AQIM named the attackers as Abu "
        "Adam al-Ansari and Hamza al-Fulani."
    )
    assert all(s.stance != "accuse" for s in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The United States accused Iran of being behind the strikes, dismissing a claim of responsibility by "
            "Yemen's Houthi movement.",
            ("United States", "other", "Houthis"),
        ),
        (
            "Iraq's prime minister's office denied that its territory had been used.",
            ("Iraq's prime minister's office", "deny", "Iraq"),
        ),
    ],
)
def test_owners_and_owned_bodies(statements, sentence: str, expected: tuple) -> None:
    assert expected in triples(statements(f"Drones set an oil plant ablaze in Abqaiq on Saturday. {sentence}"))


def test_a_habitual_claim_of_other_attacks_is_no_claim(statements) -> None:
    found = statements(
        "Drones set an oil plant ablaze in Abqaiq on Saturday. The Houthis have repeatedly fired drones at Saudi "
        "airports and claimed an attack on a gas facility last month."
    )
    assert all(s.stance != "claim" for s in found)


def test_an_operation_inside_a_states_territory_does_not_blame_the_state(statements) -> None:
    found = statements(
        "Drones set an oil plant ablaze in Abqaiq on Saturday. Houthi spokesman Yahya Saree said 10 drones had been "
        "launched in one of the largest operations inside Saudi territory."
    )
    assert all(s.target_name != "Saudi Arabia" for s in found)


def test_a_group_spokesmans_account_of_launching_the_strikes_is_a_claim(statements) -> None:
    found = statements(
        "Drones set an oil plant ablaze in Abqaiq on Saturday. Yahya Saree, the military spokesman of the Houthis, "
        "said on the group's television that 10 drones had been launched at the two sites."
    )
    assert any(s.stance == "claim" and s.target_name == "Houthis" for s in found)


def test_a_spokesman_described_in_apposition_claims_for_the_group_it_names(statements) -> None:
    found = statements(
        "A suicide bomber killed 70 people at a hospital in Quetta. Omar Khalid, spokesman of the Jamaat-ul-Ahrar "
        "(JuA) faction of the Pakistani Taliban, claimed the bombing in a message sent to journalists."
    )
    assert ("Omar Khalid", "claim", "Jamaat-ul-Ahrar") in triples(found)


def test_a_floating_both_is_not_part_of_a_listed_name(statements) -> None:
    found = statements(
        "A suicide bomber killed 70 people at a hospital in Quetta. Jamaat-ul-Ahrar and the Islamic State both "
        "claimed the attack."
    )
    assert {s.speaker_name for s in found} == {"Jamaat-ul-Ahrar", "Islamic State"}


def test_a_states_unnamed_agency_answers_for_the_state(statements) -> None:
    found = statements(
        "A suicide bomber killed 70 people at a hospital in Quetta, Pakistan. Chief Minister Sana Baloch blamed "
        "India's intelligence service."
    )
    assert ("Sana Baloch", "accuse", "India") in triples(found)


def test_one_quote_that_blames_and_condemns_gives_both(statements) -> None:
    found = statements(
        'A truck bomb killed 300 people in Mogadishu. "This cowardly attack was carried out by al-Shabaab," '
        "Information Minister Abdi Hassan said."
    )
    assert {("Abdi Hassan", "accuse", "al-Shabaab"), ("Abdi Hassan", "condemn", None)} <= triples(found)


def test_a_possible_hand_of_groups_such_as_x_is_a_hedge_about_x(statements) -> None:
    found = statements(
        'Knife attackers killed 31 people at a station in Kunming. "It is possible that groups such as the East '
        'Turkistan Islamic Movement had a hand in directing it from abroad," researcher Li Wei said.'
    )
    assert ("Li Wei", "other", "East Turkistan Islamic Movement") in triples(found)


def test_a_spokesperson_for_a_body_is_named_with_the_body(statements) -> None:
    found = statements(
        "Knife attackers killed 31 people at a station in Kunming. A spokesperson for the U.S. embassy in Beijing "
        "described the attack as a terrible and senseless act of violence."
    )
    assert {(s.speaker_name, s.speaker_affiliation, s.stance) for s in found} == {
        ("spokesperson for the U.S. embassy in Beijing", "United States", "condemn")
    }


def test_the_prime_suspect_is_a_hedge(statements) -> None:
    found = statements("Twin bombs killed 102 people at a rally in Ankara. Officials said the prime suspect is ISIL.")
    assert {(s.stance, s.target_name) for s in found} == {("other", "Islamic State")}


def test_a_prime_minister_named_without_a_country_speaks_for_the_home_state(statements) -> None:
    found = statements(
        "Twin bombs killed 102 people at a rally in Ankara, Turkey. Opposition leader Selim Aydin held the Turkish "
        "government responsible. Prime Minister Ahmet Kaya rejected that claim."
    )
    assert ("Ahmet Kaya", "deny", "Turkey") in triples(found)


def test_a_group_calling_itself_x_is_x(statements) -> None:
    found = statements(
        "Gunmen killed 38 tourists on a beach near Sousse. The attack was claimed by a group calling itself the "
        "Islamic State West Africa Province."
    )
    assert {(s.stance, s.target_name) for s in found} == {("claim", "Islamic State West Africa Province")}


def test_a_headline_summary_of_a_body_statement_is_the_same_act(statements) -> None:
    found = statements(
        "Mogadishu bombing toll passes 300 as government blames al-Shabaab\n\n"
        "A truck bomb killed 300 people in Mogadishu on Saturday. President Ali Hassan said the attack was carried "
        "out by al-Shabaab."
    )
    assert [(s.speaker_name, s.stance, s.target_name) for s in found if s.stance == "accuse"] == [
        ("Ali Hassan", "accuse", "al-Shabaab")
    ]


def test_a_punctuation_apposition_does_not_break_speaker_resolution(statements) -> None:
    found = statements(
        "A bomb killed nine people in Quetta. In the final days of his campaign, Sen. Ted Cruz (R-Tex.) never "
        "mentioned the attack, and Sen. Ted Cruz (R-Tex.) condemned it on Friday."
    )
    assert isinstance(found, list)


def test_a_headline_condemnation_by_someone_else_is_kept(statements) -> None:
    found = statements(
        "Pope condemns Mogadishu bombing\n\n"
        "A truck bomb killed 300 people in Mogadishu on Saturday, officials said. President Ali Hassan condemned "
        "the attack."
    )
    assert {s.speaker_name for s in found if s.stance == "condemn"} >= {"Ali Hassan"}
    assert len([s for s in found if s.stance == "condemn"]) == 2


def test_a_group_that_did_this_is_blamed(statements) -> None:
    found = statements(
        'Gunmen killed 14 farmers near Gajiram on Monday. Governor Ali Musa said: "It is Boko Haram that did this." '
        'Village head Yusuf Bello told reporters: "Boko Haram did it, as they did in Monguno."'
    )
    assert ("Ali Musa", "accuse", "Boko Haram") in triples(found)
    assert ("Yusuf Bello", "accuse", "Boko Haram") in triples(found)


def test_who_did_this_names_no_one(statements) -> None:
    found = statements('A bomb killed nine people in Quetta. Minister Ali Raza said: "We know who has done this."')
    assert not [s for s in found if s.target_name]


def test_a_quote_of_several_sentences_before_its_cue_is_read_whole(statements) -> None:
    found = statements(
        "A suicide bomber killed 40 worshippers at a mosque in Herat on Friday. "
        '"Daesh carried out this attack, as it did in Mazar. They want to divide us," elder Haji Karim said.'
    )
    assert ("Haji Karim", "accuse", "Islamic State") in triples(found)


def test_he_after_a_quote_is_not_a_name_inside_it(statements) -> None:
    found = statements(
        "Gunmen killed 14 farmers near Gajiram on Monday. Addressing mourners, Governor Ali Musa said nobody "
        'doubted who the killers were. "It is Boko Haram that did this; they have camps in the bush around Gajiram '
        'and they come whenever they like," he told reporters.'
    )
    assert ("Ali Musa", "accuse", "Boko Haram") in triples(found)
    assert not [s for s in found if s.speaker_name.lower() == "bush"]


def test_a_denied_affront_label_is_no_condemnation(statements) -> None:
    found = statements(
        "A car bomb killed 30 people in Ankara on Saturday. Party leader Leyla Kaya said the bombing was not an "
        "attack on the nation but the army turning on its own citizens."
    )
    assert not [s for s in found if s.speaker_name == "Leyla Kaya" and s.stance == "condemn"]


def test_a_reckoning_promised_to_the_perpetrators_is_a_condemnation(statements) -> None:
    found = statements(
        'A bomb killed nine people in Quetta on Monday. Minister Rana Tariq said: "Whoever is behind this will pay '
        'for it." Governor Amina Shah said: "Those who planned this must answer for it."'
    )
    assert {("Rana Tariq", "condemn", None), ("Amina Shah", "condemn", None)} <= triples(found)


def test_membership_of_a_cell_tied_to_a_group_or_said_of_a_pronoun_names_the_group(statements) -> None:
    found = statements(
        "A bomb killed 20 people in Kampala on Tuesday. Police spokesman Omar Haddad said the bombers belonged to "
        'a cell linked to the ADF. In Quetta, police chief Ali Baig said: "She belonged to the BLA suicide squad."'
    )
    assert ("Omar Haddad", "accuse", "Allied Democratic Forces") in triples(found)
    assert ("Ali Baig", "accuse", "Balochistan Liberation Army") in triples(found)


def test_a_pronoun_belonging_to_a_community_is_no_blame(statements) -> None:
    found = statements(
        'A bomb killed 20 people in Kabul. Police chief Omar Haddad said: "She belonged to the Hazara community."'
    )
    assert not [s for s in found if s.target_name]


def test_a_day_after_a_message_is_not_its_author(statements) -> None:
    found = statements(
        "A bomb killed 20 people in Ankara on Wednesday. Germany, Azerbaijan and the European Union sent messages "
        "condemning the bombing on Thursday."
    )
    assert {s.speaker_name for s in found if s.stance == "condemn"} == {"Germany", "Azerbaijan", "European Union"}


def test_a_denial_quoted_to_be_rejected_is_not_the_speakers(statements) -> None:
    found = statements(
        "A rocket killed 9 people in Haifa on Monday. "
        '"Hezbollah is lying when it says it had no part in this," the Israeli defence minister said.'
    )
    assert not [s for s in found if s.stance == "deny"]


def test_a_claim_reported_inside_a_split_quote_is_not_the_speakers_denial(statements) -> None:
    found = statements(
        "A car bomb killed 14 people in Mogadishu on Friday. "
        '"They claim that al-Shabaab had no role," governor Ahmed Nur said, "but we know al-Shabaab was behind it."'
    )
    assert not [s for s in found if s.stance == "deny"]


def test_a_denial_rejected_as_an_assertion_in_a_quote_is_not_the_speakers(statements) -> None:
    found = statements(
        "A suicide bomber killed 30 people in Peshawar on Sunday. "
        '"The TTP\'s assertion that it was not involved is a lie," police chief Ali Baig said.'
    )
    assert not [s for s in found if s.stance == "deny" and s.speaker_name == "Ali Baig"]


def test_a_speakers_own_report_in_a_quote_keeps_its_stance(statements) -> None:
    found = statements(
        "A car bomb killed 14 people in Mogadishu on Friday. "
        '"We say clearly that al-Shabaab carried out this attack," governor Ahmed Nur said.'
    )
    assert ("Ahmed Nur", "accuse", "al-Shabaab") in triples(found)


def test_he_is_the_main_clause_speaker_not_a_person_in_what_he_reported(statements) -> None:
    found = statements(
        "A bomb killed 12 worshippers at a shrine in Mashhad.\n\nCleric Mohammad Hosseini told worshippers that the "
        "Islamic State had claimed it. Hosseini also said that President Joe Biden used to meet the group's "
        "commanders.\n\nHe vowed that the blood of the victims would be avenged and condemned the cowardly attack."
    )
    assert "Mohammad Hosseini" in {s.speaker_name for s in found if s.stance == "condemn"}
    assert "Joe Biden" not in {s.speaker_name for s in found}


def test_a_list_of_titled_condemners_gives_each_person_named(statements) -> None:
    found = statements(
        "Gunmen attacked a bus of pilgrims in Reasi on Sunday, killing nine people. President Ram Nath Kovind, "
        "Prime Minister Manmohan Singh, opposition leaders Sonia Gandhi and Rahul Gandhi, and former Jammu and "
        "Kashmir chief ministers Farooq Abdullah and Ghulam Nabi Azad condemned the attack."
    )
    condemners = {s.speaker_name for s in found if s.stance == "condemn"}
    assert {"Sonia Gandhi", "Rahul Gandhi", "Farooq Abdullah", "Ghulam Nabi Azad"} <= condemners
    assert "Jammu" not in condemners


def test_two_known_states_joined_by_and_are_two_condemners(statements) -> None:
    found = statements(
        "A bomb killed 9 people in Bamako. The UN Security Council, France and the United States "
        "all condemned the siege on Friday."
    )
    assert {"France", "United States"} <= {s.speaker_name for s in found if s.stance == "condemn"}


def test_a_news_agencys_wording_of_what_it_reports_is_no_condemnation(statements) -> None:
    found = statements(
        "A court in Paris on Tuesday sentenced a Tunisian man to life in prison for the brutal murder of three "
        "worshippers in a church in Nice in 2020, AFP reported."
    )
    assert not any(s.stance == "condemn" for s in found)
