"""Accusations, denials, confirmations and hedges in constructions met in real coverage (our own sentences).

Each test keeps a construction seen in real reporting — a list of blamed
parties the parse splits oddly, a participle that blames, a description
standing for a named official — written in our own words.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.nlp.syntax import repaired_subject
from counterclaim.records import Statement
from statement_views import triples


def blamed(found: list[Statement], stance: str = "accuse") -> set[str | None]:
    return {s.target_name for s in found if s.stance == stance}


# -- targets ------------------------------------------------------------------------------


def test_list_hung_on_an_apposition_is_blamed_whole(statements) -> None:
    found = statements(
        "Gunmen killed 40 people at a theatre. The security chief, Ivan Petrov, stated that the United States (US), "
        "Britain and Ukraine were behind the attack at the theatre."
    )
    assert blamed(found) == {"United States", "United Kingdom", "Ukraine"}


def test_behind_read_as_an_adverb_still_blames(statements) -> None:
    found = statements(
        "A bomb hit the market. The police chief, Omar Said, said the Taliban were behind Sunday’s deadly attack."
    )
    assert ("Omar Said", "accuse", "Taliban") in triples(found)


def test_participle_after_a_reported_passive_clause_blames_for_the_reporter(statements) -> None:
    found = statements(
        "A bomb killed six people in Ankara. The Turkish interior minister, Hakan Demir, said on Monday the bombing "
        "was plotted in a town in northern Syria, blaming fighters from the PKK and the People's Protection Units."
    )
    accusations = {(s.speaker_name, s.target_name) for s in found if s.stance == "accuse"}
    assert accusations == {("Hakan Demir", "Kurdistan Workers' Party"), ("Hakan Demir", "People's Protection Units")}


def test_group_named_inside_a_militia_phrase_is_the_group(statements) -> None:
    found = statements(
        "A blast killed six people in Ankara. The interior minister said the PKK and Syrian Kurdish YPG militias "
        "were responsible for the explosion."
    )
    assert blamed(found) == {"Kurdistan Workers' Party", "People's Protection Units"}


def test_agent_of_another_attack_is_not_blamed(statements) -> None:
    found = statements(
        "A blast killed six people in Ankara. The interior minister said the PKK was responsible for the explosion, "
        "an incident that recalled a similar attack by Turkey years ago."
    )
    assert blamed(found) == {"Kurdistan Workers' Party"}


def test_listed_adjective_names_its_noun_phrase(statements) -> None:
    found = statements(
        "Gunmen stormed a theatre. Accusing Ukraine and Western countries of the attack, the president promised "
        "revenge."
    )
    assert blamed(found) == {"Ukraine", "Western countries"}


def test_agency_name_of_another_state_is_not_the_namesake(statements) -> None:
    found = statements(
        "Gunmen attacked a theatre. According to the director, the Main Intelligence Directorate (GUR) of Ukraine "
        "was involved in organising the crime."
    )
    assert blamed(found) == {"Ukraine"}


def test_bodies_of_several_states_blame_each_state(statements) -> None:
    found = statements(
        "Gunmen attacked a theatre. The minister, Ivan Petrov, said intelligence services of the United States and "
        "Britain were involved in the attack."
    )
    assert blamed(found) == {"United States", "United Kingdom"}


# -- speakers -----------------------------------------------------------------------------


def test_relayed_report_belongs_to_the_official_not_the_agency(statements) -> None:
    found = statements(
        "Gunmen attacked a theatre. Ukraine is involved in the attack at the theatre, security director Ivan Petrov "
        "said, TASS reports."
    )
    assert {(s.speaker_name, s.target_name) for s in found if s.stance == "accuse"} == {("Ivan Petrov", "Ukraine")}


def test_bare_title_of_the_same_kind_is_the_person_named_before(statements) -> None:
    found = statements(
        "Gunmen attacked a theatre. The head of the security service, Ivan Petrov, spoke to reporters on Tuesday. "
        "The security chief said Ukraine was behind the attack."
    )
    assert ("Ivan Petrov", "accuse", "Ukraine") in triples(found)


def test_the_official_is_the_unnamed_one_mentioned_in_between(statements) -> None:
    found = statements(
        "Gunmen attacked a theatre. Interior Minister Ivan Petrov visited the site. A police official said dozens "
        "were hurt. The official said Ukraine was behind the attack."
    )
    assert "Ivan Petrov" not in {s.speaker_name for s in found if s.stance == "accuse"}


def test_plural_officials_are_not_one_person_named_before(statements) -> None:
    found = statements(
        "Gunmen attacked a theatre. Interior Minister Ivan Petrov visited the site. "
        "Russian officials said Ukraine was behind the attack."
    )
    assert "Ivan Petrov" not in {s.speaker_name for s in found if s.stance == "accuse"}


def test_dateline_read_as_a_second_subject_is_no_speaker(statements) -> None:
    found = statements(
        "Gunmen attacked a theatre.\n\nMOSCOW – Head of the Security Service (FSB) Ivan Petrov stated that Ukraine "
        "was behind the attack."
    )
    assert {s.speaker_name for s in found if s.stance == "accuse"} == {"Ivan Petrov"}


# -- stance -------------------------------------------------------------------------------


def test_active_belief_is_a_conviction_not_a_hedge(statements) -> None:
    found = statements("Gunmen attacked a parade. Foreign Minister Ali Karimi said he believed Qatar carried it out.")
    assert ("Ali Karimi", "accuse", "Qatar") in triples(found)


def test_passive_belief_still_hedges(statements) -> None:
    found = statements("Gunmen attacked a parade. The minister said Qatar is believed to have carried out the attack.")
    assert blamed(found) == set()


def test_apposition_read_as_a_second_subject_does_not_speak(statements) -> None:
    found = statements(
        "Fighters from the Boko Haram group (JAS), al-Qaeda's old ally in the region, have claimed responsibility "
        "for a dawn assault on an army base."
    )
    assert {s.speaker_name for s in found if s.stance == "claim"} == {"Boko Haram"}


def test_coordinated_adjectives_of_one_noun_stay_modifiers(statements) -> None:
    found = statements(
        "Drones struck an oil plant. An analyst, Karen Lind, said the attack was launched from Iraqi or Iranian "
        "soil, adding that nobody could be sure."
    )
    assert "Iranian soil" not in {s.target_name for s in found}


def test_a_persons_report_naming_a_group_is_no_statement(statements) -> None:
    found = statements(
        "Gunmen hijacked a train in the south. The army said on Friday that all 20 BLA militants involved in the "
        "hijacking had been killed."
    )
    assert found == []


def test_an_issued_statement_naming_a_group_is_other(statements) -> None:
    found = statements(
        "A double bombing killed 90 people. Police have detained 30 people in connection with the bombings and "
        "the second NIA statement on the attack published on May 3 claimed that several ISIS commanders had been "
        "arrested."
    )
    assert ("other", "Islamic State") in {(s.stance, s.target_name) for s in found}


def test_subject_listed_with_a_noun_of_the_first_clause_is_repaired(pipeline: Language) -> None:
    """The small model's reading of "police arrested 30 people over the attacks and the NIA statement claimed ..."."""
    words = ["police", "arrested", "people", "over", "the", "attacks", "and", "the", "NIA", "statement", "claimed"]
    heads = [1, 1, 1, 1, 5, 3, 5, 9, 9, 5, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "cc", "det", "compound", "conj", "conj"]
    pos = ["NOUN", "VERB", "NOUN", "ADP", "DET", "NOUN", "CCONJ", "DET", "PROPN", "NOUN", "VERB"]
    doc = Doc(pipeline.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert repaired_subject(doc[10]).text == "statement"


# -- denials ------------------------------------------------------------------------------


def test_rejecting_anothers_claims_clears_oneself_and_reports_the_accusation(statements) -> None:
    found = statements(
        "Rebels hijacked a train. India firmly rejected Pakistan's claims pointing to its involvement in the "
        "hijacking of the train."
    )
    assert {("India", "deny", "India"), ("Pakistan", "accuse", "India")} <= triples(found)


def test_accusation_made_by_a_named_body_names_the_accused(statements) -> None:
    found = statements(
        "Rebels hijacked a train. India rejected claims made by Pakistan's Foreign Office suggesting Indian "
        "involvement in the train attack."
    )
    stances = {(s.stance, s.target_name) for s in found}
    assert ("deny", "India") in stances and ("accuse", "India") in stances
    assert {s.speaker_affiliation for s in found if s.stance == "accuse"} == {"Pakistan"}


def test_dismissing_a_groups_claim_doubts_it(statements) -> None:
    found = statements("A bomb killed 20 people. The Taliban dismissed the Daesh claim as a lie.")
    assert ("Taliban", "other", "Islamic State") in triples(found)  # rejecting a claim clears no one


def test_distancing_oneself_from_the_attack_is_a_denial(statements) -> None:
    found = statements(
        "Gunmen killed 26 tourists. Pakistan, which has distanced itself from the massacre, called for calm."
    )
    assert ("Pakistan", "deny", "Pakistan") in triples(found)


def test_spokesman_distancing_the_group_clears_the_group(statements) -> None:
    found = statements(
        "A bomb killed 80 worshippers in a mosque. Hours later TTP spokesman Ali Khan distanced the group from "
        "the bombing."
    )
    assert ("Ali Khan", "deny", "Tehrik-i-Taliban Pakistan") in triples(found)


def test_a_states_denial_its_minister_repeats_is_one_statement(statements) -> None:
    found = statements(
        "Gunmen killed 26 tourists in Kashmir. Pakistan denied any involvement in the attack. "
        '"Pakistan has nothing to do with this massacre," Defence Minister Khawaja Ali told reporters.'
    )
    denials = {(s.speaker_name, s.target_name) for s in found if s.stance == "deny"}
    assert denials == {("Khawaja Ali", "Pakistan")}


def test_relative_clause_in_someone_elses_words_is_no_claim(statements) -> None:
    found = statements(
        "Drones struck an oil depot. The coalition spokesman, Turki Saleh, said the drones were supplied by the "
        "Iranian regime, which bears direct responsibility for this aggression."
    )
    assert all(s.stance != "claim" for s in found)
    assert ("Turki Saleh", "accuse", "Iran") in triples(found)


def test_an_indefinite_title_is_the_person_the_next_quote_names(statements) -> None:
    found = statements(
        "Gunmen attacked a parade in Ahvaz. An Iranian military spokesman said the gunmen were trained by two Gulf "
        "Arab states and had ties to the United States.\n\n"
        '"These terrorists were trained by two Gulf countries," Brigadier General Hassan Karimi told the news agency.'
    )
    accusations = {(s.speaker_name, s.target_name) for s in found if s.stance == "accuse"}
    assert accusations == {("Hassan Karimi", "Gulf states"), ("Hassan Karimi", "United States")}


def test_an_indefinite_title_is_no_victim_named_next(statements) -> None:
    found = statements(
        "Gunmen attacked a parade. A police spokesman said the Taliban were behind the attack, which killed "
        "Ahmad Rahimi, a shopkeeper."
    )
    assert "Ahmad Rahimi" not in {s.speaker_name for s in found}


def test_attackers_not_from_a_group_clears_the_group(statements) -> None:
    found = statements(
        'Gunmen attacked a parade. "They are not from Daesh or other groups, they are linked to America," '
        "General Hassan Karimi said."
    )
    assert {("Hassan Karimi", "deny", "Islamic State"), ("Hassan Karimi", "accuse", "United States")} <= triples(found)


# -- confirmations --------------------------------------------------------------------------


def test_acknowledging_a_groups_claim_confirms_it(statements) -> None:
    found = statements(
        "Islamic State has claimed responsibility for two blasts in Kerman that killed 90 people. A White House "
        "spokesman, John Kirby, acknowledged Islamic State's claim of responsibility, saying there was no reason "
        "to doubt it."
    )
    assert {("Islamic State", "claim", "Islamic State"), ("John Kirby", "confirm", "Islamic State")} <= triples(found)


def test_linking_the_attack_to_a_group_named_after_a_comma(statements) -> None:
    found = statements(
        "Gunmen killed 26 tourists. Intelligence officials are linking the attack to the Pakistan-based "
        "Lashkar-e-Taiba (LeT) proxy outfit, The Resistance Front (TRF), which has claimed responsibility."
    )
    assert ("Intelligence officials", "confirm", "The Resistance Front") in triples(found)


# -- precision: who may be a speaker or a target --------------------------------------------------


def test_a_day_is_never_a_target(statements) -> None:
    found = statements(
        'Bombs hit three churches and hotels. "It is possible (that Sunday’s bombings) could have been revenge for '
        'the killings in New Zealand," Prime Minister Ranil Perera told reporters.'
    )
    assert "Sunday" not in {s.target_name for s in found}


def test_a_dead_mans_former_agents_blame_nobody_living(statements) -> None:
    found = statements(
        'Gunmen attacked a parade. "Those who did this were Saddam\'s mercenaries," President Hassan Karimi said.'
    )
    assert not [s for s in found if s.stance in ("accuse", "confirm")]


def test_militants_named_by_their_origin_only_are_nobody(statements) -> None:
    found = statements(
        "A blast killed six people in Istanbul. Turkish officials blamed Kurdish militants for the blast.\n\n"
        "Kurdish militants deny Turkish claims they carried out the attack."
    )
    assert found == []


def test_the_armed_wing_of_a_group_speaks_for_the_group(statements) -> None:
    found = statements(
        "A bomb killed six people in Istanbul. The armed wing of the Kurdistan Workers’ party (PKK) has denied any "
        "role in an attack on a busy street."
    )
    assert ("Kurdistan Workers' Party", "deny", "Kurdistan Workers' Party") in triples(found)


def test_dismissing_an_accusation_against_another_is_a_doubt(statements) -> None:
    found = statements(
        "Gunmen killed 40 worshippers in Owo, Nigeria. The claim by the Federal Government that the Islamic State "
        "West Africa Province (ISWAP) was behind the massacre was dismissed on Friday by the state governor, "
        "Ade Akin."
    )
    assert {
        ("Ade Akin", "other", "Islamic State West Africa Province"),
        ("Nigeria", "accuse", "Islamic State West Africa Province"),
    } <= triples(found)


def test_a_groups_name_written_with_its_branch_after_a_comma_is_the_branch(statements) -> None:
    found = statements(
        "Gunmen killed 40 worshippers in Owo, Nigeria. The army said the terror group, the Islamic State, West "
        "African Province (ISWAP), was responsible for the massacre."
    )
    assert blamed(found) == {"Islamic State West Africa Province"}


def test_a_national_council_is_not_the_un_security_council(statements) -> None:
    found = statements(
        "Gunmen killed 40 worshippers in Owo. The National Security Council says ISWAP is responsible for the attack."
    )
    assert {s.speaker_name for s in found} == {"National Security Council"}
    assert {s.speaker_affiliation for s in found} == {None}


def test_a_states_headline_summary_of_its_presidents_words_is_one_statement(statements) -> None:
    found = statements(
        "Somali government blames al-Shabaab for truck bombing\n\n"
        "A truck bomb killed 300 people in Mogadishu on Saturday. President Mohamed Farmaajo said the cowardly "
        "attack was carried out by al-Shabaab."
    )
    assert {(s.speaker_name, s.target_name) for s in found if s.stance == "accuse"} == {
        ("Mohamed Farmaajo", "al-Shabaab")
    }


def test_a_role_phrase_read_as_a_second_subject_is_the_speakers_role(statements) -> None:
    found = statements(
        'Rebels hijacked a train. MEA spokesperson of India, Arun Mehta stated, "We firmly reject the baseless '
        'allegations made by Pakistan."'
    )
    denial = next(s for s in found if s.stance == "deny")
    assert (denial.speaker_name, denial.target_name) == ("Arun Mehta", "India")


def test_handlers_abroad_blame_their_state_and_alleging_is_no_hedge(statements) -> None:
    found = statements(
        "Rebels hijacked a train. Foreign Office spokesperson Ali Khan alleged that the rebels behind the attack "
        "were in contact with ringleaders based in Afghanistan."
    )
    assert ("Ali Khan", "accuse", "Afghanistan") in triples(found)


def test_a_named_office_repeating_its_spokesmans_accusation_is_one_statement(statements) -> None:
    found = statements(
        "Rebels hijacked a train in Pakistan. India rejected claims made by Pakistan's Foreign Office suggesting "
        'Indian involvement. Pakistan Foreign Office spokesperson Ali Khan said: "India is behind the attack."'
    )
    assert {s.speaker_name for s in found if s.stance == "accuse"} == {"Ali Khan"}


def test_accusing_a_group_of_attacks_in_general_is_not_about_this_attack(statements) -> None:
    found = statements(
        "A bomb killed 20 people in Quetta. Relations remain tense, with Islamabad accusing the TTP of using "
        "Afghan territory to launch attacks inside Pakistan."
    )
    assert blamed(found) == set()


def test_a_charge_of_another_deed_is_no_blame_for_the_attack(statements) -> None:
    found = statements(
        "Gunmen killed 26 tourists in the valley. Minister Tariq Aziz accused India of trying to turn attention away "
        "from its own unrest. The Kurdish group's message accused President Erdogan of blaming Kurds for the bombing."
    )
    assert blamed(found) == set()


def test_a_charge_of_a_part_in_the_attack_stays_blame(statements) -> None:
    found = statements(
        "A bomb killed 30 people at the market. General Musa accused Boko Haram of planting the explosives, and "
        "Governor Ali Umar accused the Islamic State of being behind it."
    )
    assert blamed(found) == {"Boko Haram", "Islamic State"}


def test_the_accused_is_not_the_one_who_accuses(statements) -> None:
    found = statements(
        "Mohamed Ould Sidibe was arrested near the capital. Sidibe was also accused of planning the attack."
    )
    assert blamed(found) == set()


def test_a_common_noun_opening_a_quote_is_no_party(statements) -> None:
    found = statements(
        'The State Department listed the BLA as a terrorist group. "Sanctions lists play a key role in our fight '
        'against terror," Secretary Mark Stone said.'
    )
    assert blamed(found) == set()


def test_a_groups_branch_named_by_its_peoples_word(statements) -> None:
    found = statements(
        "Gunmen killed 24 people at a clinic. Envoy Tom Hale said the Islamic State's Afghan affiliate carried out "
        "the attack."
    )
    assert ("Tom Hale", "accuse", "Islamic State Khorasan Province") in triples(found)


def test_a_groups_branch_named_by_where_it_is_based(statements) -> None:
    found = statements(
        "Two bombs killed 90 people in Kerman. Analysts suggest that the Islamic State branch based in "
        "neighbouring Afghanistan could be involved."
    )
    assert ("Analysts", "other", "Islamic State Khorasan Province") in triples(found)


def test_a_question_answered_yes_is_the_speakers_accusation(statements) -> None:
    found = statements(
        "Gunmen killed 140 people at a concert hall. The head of the security service, Ivan Petrov, stated that "
        "Ukraine may have been behind the attack. Asked whether Ukraine might have been behind it, the security "
        'chief replied: "We think that is the case."'
    )
    assert {(s.stance, s.target_name) for s in found if s.speaker_name == "Ivan Petrov"} == {("accuse", "Ukraine")}


def test_a_question_left_unanswered_stays_a_hedge(statements) -> None:
    found = statements(
        "Gunmen killed 140 people at a concert hall. Asked whether Ukraine might have been behind the attack, "
        'the security chief, Ivan Petrov, replied: "We are looking at every lead."'
    )
    assert {s.stance for s in found if s.target_name == "Ukraine"} <= {"other"}


def test_a_pronoun_repeating_the_name_before_it_is_that_person(statements) -> None:
    found = statements(
        "Gunmen killed 80 villagers. The attack was carried out by Boko Haram and ISWAP, or the Islamic State West "
        "Africa Province, members who hide in the area, army spokesman Sagir Musa he said in a statement."
    )
    assert {(s.speaker_name, s.target_name) for s in found if s.stance == "accuse"} == {
        ("Sagir Musa", "Boko Haram"),
        ("Sagir Musa", "Islamic State West Africa Province"),
    }


def test_the_allies_of_a_state_are_not_the_state(statements) -> None:
    found = statements(
        "Gunmen attacked a parade. Foreign Minister Ali Karimi said he believed US allies in the region carried "
        "out the attack."
    )
    assert "United States" not in blamed(found)


def test_a_claim_reported_by_an_observer_is_no_confirmation(statements) -> None:
    found = statements(
        "Gunmen killed 100 soldiers in Burkina Faso. JNIM has claimed responsibility for the attack, the SITE "
        "Intelligence Group said."
    )
    assert all(s.stance not in ("confirm", "accuse") for s in found)


def test_the_government_of_the_attacked_state_not_of_the_dateline(statements) -> None:
    found = statements(
        "NAIROBI, March 4 (Reuters) - Al-Shabaab claimed responsibility for the bombing that killed 9 people at a "
        "market in Mogadishu on Sunday. The government blamed the group's commanders."
    )
    assert ("Somalia", "confirm", "al-Shabaab") in triples(found)


def test_our_soil_said_for_a_group_is_the_groups_country(statements) -> None:
    found = statements(
        "A suicide bomber struck a police post in Pakistan. In Kabul, Taliban spokesman Abdul Rahim condemned the "
        'bombing. "Islamabad should not blame us for its own failures. Our soil is not used against any nation," '
        "he said."
    )
    assert ("Abdul Rahim", "deny", "Afghanistan") in triples(found)


def test_a_possessive_government_word_speaks_for_the_state(statements) -> None:
    found = statements(
        "A suicide bomber struck a police post in Pakistan. The Taliban administration's spokesman, Abdul Rahim, "
        "said the group had nothing to do with the bombing."
    )
    assert {s.speaker_affiliation for s in found if s.speaker_name == "Abdul Rahim"} == {"Afghanistan"}


def test_an_attack_prepared_by_a_group_blames_it(statements) -> None:
    found = statements(
        "A car bomb tore through a market. The bombing had been prepared by al-Shabaab, regional police chief "
        "Omar Haddad told reporters."
    )
    assert ("Omar Haddad", "accuse", "al-Shabaab") in triples(found)


def test_an_owned_move_to_blame_is_the_owners_accusation(statements) -> None:
    found = statements(
        "Gunmen killed tourists in Kashmir. Speaking to reporters, Defence Minister Ali Shah criticised India's "
        "hasty decision to blame Pakistan without any proof."
    )
    assert ("India", "accuse", "Pakistan") in triples(found)


def test_a_person_introduced_with_a_national_title_speaks_for_the_home_state(statements) -> None:
    found = statements(
        "A bomb killed six people at a checkpoint in Kampala. The toll was six, police spokesperson Fred Enanga "
        "said. Enanga later said the Allied Democratic Forces were responsible."
    )
    assert {s.speaker_affiliation for s in found if s.speaker_name == "Fred Enanga"} == {"Uganda"}


def test_a_title_naming_another_state_keeps_the_home_state_away(statements) -> None:
    found = statements(
        "Gunmen killed tourists in Kashmir. Pakistan's Defence Minister Ali Shah denied any role in the attack. "
        "Ali Shah also said India was blaming Pakistan without proof."
    )
    assert "India" not in {s.speaker_affiliation for s in found if s.speaker_name == "Ali Shah"}


def test_a_while_clause_with_its_own_speaker_is_not_the_labellers(statements) -> None:
    found = statements(
        'Gunmen attacked a concert hall near Moscow. The city mayor Ivan Sokolov called the attack a "terrible '
        'crime," while former president Pavel Orlov wrote on Telegram that if the attackers were linked to Kyiv, '
        "they would all be destroyed."
    )
    targeted = {(s.speaker_name, s.target_name) for s in found if s.target_name}
    assert ("Pavel Orlov", "Ukraine") in targeted
    assert ("Ivan Sokolov", "Ukraine") not in targeted


def test_a_quote_standing_alone_after_a_report_is_the_reporters(statements) -> None:
    found = statements(
        "Gunmen attacked a parade in Ahvaz.\n\n"
        '"These gunmen were trained by a foreign country," General Ali Rezaei told the state news agency.\n\n'
        '"They are not from Daesh or any other group but they are linked to America."'
    )
    assert {("Ali Rezaei", "deny", "Islamic State"), ("Ali Rezaei", "accuse", "United States")} <= triples(found)


def test_unnamed_investigators_speak_for_the_home_state(statements) -> None:
    found = statements(
        "A suicide bomber struck a rally in Bajaur, Pakistan. Investigators said the bombing was backed by Daesh."
    )
    assert {(s.speaker_affiliation, s.target_name) for s in found if s.stance == "accuse"} == {
        ("Pakistan", "Islamic State")
    }


def test_no_evidence_of_involvement_clears_the_party(statements) -> None:
    found = statements(
        "Gunmen attacked a concert hall near Moscow. US officials said there was no evidence that Ukraine was "
        "involved in the attack."
    )
    assert ("US officials", "deny", "Ukraine") in triples(found)
    assert blamed(found) == set()


def test_a_named_groups_links_reported_in_a_relative_clause_blame_no_one(statements) -> None:
    found = statements(
        "A bomb killed six people in Kampala. Police blamed the Allied Democratic Forces, an armed group active in "
        "Congo. The group, which Washington says has links to ISIS, is also blamed for earlier attacks."
    )
    assert "Islamic State" not in {s.target_name for s in found}


def test_the_attackers_links_in_a_relative_clause_still_blame(statements) -> None:
    found = statements("Gunmen killed six people in Kampala. Police said the gunmen, who had links to ISIS, fled.")
    assert "Islamic State" in blamed(found)


def test_an_attack_staged_by_a_state_blames_it(statements) -> None:
    found = statements("Gunmen killed tourists in Kashmir. Analyst John Smith said the attack was staged by India.")
    assert ("John Smith", "accuse", "India") in triples(found)


def test_an_attack_that_only_sets_the_time_is_the_writers_framing(statements) -> None:
    found = statements(
        "Insurgents overran the town of Palma. The United States on Monday vowed to assist Mozambique after a "
        "prolonged onslaught on the town by Islamic State-linked fighters."
    )
    assert "Islamic State" not in {s.target_name for s in found if s.speaker_name == "United States"}


def test_an_attack_by_a_group_in_a_speakers_words_still_blames_it(statements) -> None:
    found = statements("Gunmen stormed a hotel. The minister said the assault by al-Shabaab had killed 20 people.")
    assert "al-Shabaab" in blamed(found)


def test_people_from_a_named_group_blame_the_group(statements) -> None:
    found = statements(
        "A bomb killed nine people at a hotel in Garowe. A regional minister had first blamed Islamists from "
        "al-Shabaab for the blast. The police chief blamed militants from Boko Haram for a second blast."
    )
    assert blamed(found) == {"al-Shabaab", "Boko Haram"}


def test_bare_people_noun_is_blamed_as_written(statements) -> None:
    found = statements("A bomb killed nine people at a hotel in Garowe. A regional minister blamed Islamists for it.")
    assert blamed(found) == {"Islamists"}


def test_group_claims_dismissed_as_overstated_are_doubted_not_denied(statements) -> None:
    found = statements(
        "Al Shabab said it killed 20 soldiers at the base. However, the US Africa Command dismissed the Al Shabab "
        "claims as overstated and said its forces drove the attackers off."
    )
    assert ("U.S. Africa Command", "other", "al-Shabaab") in triples(found)
    assert not [s for s in found if s.stance in ("deny", "accuse")]


def test_people_who_work_for_a_body_are_not_its_proxies(statements) -> None:
    found = statements(
        "Gunmen from al-Shabaab attacked a base in Lamu on Sunday. The Africa Command also said two Americans who "
        "work for the US Department of Defense were wounded in the attack on the base."
    )
    assert not [s for s in found if s.stance == "accuse"]


def test_people_identified_as_affiliated_with_a_group_blame_the_group(statements) -> None:
    found = statements(
        "Gunmen killed three people at a bus stop in Jerusalem. The Shin Bet identified the attackers as two cousins "
        "who were affiliated with Hamas. In Hebron the police identified the gunmen as men loyal to Islamic Jihad."
    )
    assert blamed(found) | blamed(found, "confirm") == {"Hamas", "Palestinian Islamic Jihad"}


def test_parties_among_the_suspects_are_a_hedge(statements) -> None:
    found = statements(
        "Gunmen stormed a bank in Lahore on Monday. The police chief, Ali Raza, alleged that hostile spy agencies "
        "and India's Research and Analysis Wing were among the main suspects. Two local men were among the suspects "
        "too, the police said."
    )
    assert ("Ali Raza", "other", "India") in triples(found)
    assert not [s for s in found if s.stance == "accuse"]


def test_spokesman_for_the_group_named_by_its_country_denies_for_the_group(statements) -> None:
    found = statements(
        "A bomb killed nine people at a hotel in Garowe. The minister had earlier blamed fighters from al-Shabaab, "
        "but a spokesman for the Somali group denied this."
    )
    denials = [(s.speaker_affiliation, s.target_name) for s in found if s.stance == "deny"]
    assert denials == [("al-Shabaab", "al-Shabaab")]


def test_denying_this_after_no_accusation_is_no_denial(statements) -> None:
    found = statements(
        "A bomb killed nine people at a hotel in Garowe. Local radio said 30 people died, but the ministry denied this."
    )
    assert not [s for s in found if s.stance == "deny"]


def test_a_states_label_for_a_militant_current_is_blamed_as_written(statements) -> None:
    found = statements(
        'A gunman killed 13 people at a shrine in Shiraz. State TV blamed the attack on "takfiris," a word Tehran '
        "uses for radical Sunni fighters."
    )
    assert blamed(found) == {"takfiris"}


def test_a_spokesmans_undated_denial_takes_the_day_its_state_denied_on(statements) -> None:
    found = statements(
        "KABUL, 12 March 2024 - Gunmen stormed a border post on Saturday.\n\nAfghanistan on Monday dismissed the "
        "accusations made by Tajikistan.\n\nForeign ministry spokesman Abdul Qahar Balkhi said in an interview "
        'that the claims against Afghanistan were "groundless".'
    )
    denials = [s for s in found if s.stance == "deny"]
    assert [(s.speaker_name, str(s.date)) for s in denials] == [("Abdul Qahar Balkhi", "2024-03-11")]


def test_members_of_a_group_named_with_the_word_group_are_the_group(statements) -> None:
    found = statements(
        "A bomb killed 9 people at a shrine. Officials said the bombing was carried out by members of the "
        "Islamic State group."
    )
    assert ("Officials", "accuse", "Islamic State") in triples(found)


def test_a_negated_conjunct_names_no_one(statements) -> None:
    found = statements(
        "Gunmen killed 20 hostages at a cafe. The attackers were members of a local militant outfit and not "
        "followers of the Islamic State group, the home minister said on Sunday."
    )
    assert not any(s.target_name == "Islamic State" and s.stance in ("accuse", "confirm") for s in found)


def test_a_fronted_report_the_parser_cuts_from_its_closing_speaker_still_counts(statements) -> None:
    found = statements(
        "Militants kill at least 30 police cadets in Somalia\n\n\nA pair of suicide bombings carried out by "
        "al-Shabaab militants killed at least 30 people in Somalia's southern port of Kismayo on Friday, security "
        "officials said. They said the bombers targeted cadets queuing outside a training camp.\n\nThe group "
        "claimed responsibility in a statement posted online."
    )
    assert ("security officials", "confirm", "al-Shabaab") in triples(found)


def test_a_fronted_report_closing_its_paragraph_counts(statements) -> None:
    found = statements(
        "Two suicide bombings carried out by al-Shabaab militants killed at least 45 people in Baidoa on Monday, "
        "security officials said.\n\nThe group claimed responsibility for both attacks in a statement posted online."
    )
    assert ("security officials", "confirm", "al-Shabaab") in triples(found)


def test_a_relative_pronoun_subject_of_a_copula_is_its_noun_not_an_attacker(statements) -> None:
    found = statements(
        "A bomb hit a convoy near Karachi airport. Chinese staff working at the plant, a venture that is a joint "
        "China-Pakistan project, were targeted, the embassy said."
    )
    assert not any(s.stance in ("accuse", "confirm") for s in found)


def test_where_the_bomber_came_from_blames_no_state(statements) -> None:
    found = statements(
        "A suicide bomber killed 30 worshippers at a mosque in Peshawar. Police said the bomber was from "
        "neighbouring Afghanistan."
    )
    assert not any(s.target_name == "Afghanistan" for s in found)


# -- verdicts -----------------------------------------------------------------------------


def test_a_court_finding_people_guilty_of_the_bombing_blames_each(statements) -> None:
    found = statements(
        "A bomb destroyed a tour bus at the airport in 2012. The Special Criminal Court found Rami Aziz, 41, a "
        "Swede of Syrian origin, and Karim Haddad, 35, guilty of complicity in the bombing at the airport."
    )
    assert ("Special Criminal Court", "accuse", "Rami Aziz") in triples(found)
    assert ("Special Criminal Court", "accuse", "Karim Haddad") in triples(found)


def test_the_judges_stand_for_the_court_named_before(statements) -> None:
    found = statements(
        "A gunman attacked a synagogue in 2019, killing two people. The State Court of Lindau sentenced the gunman "
        "on Tuesday. The judges found Erik Brandt guilty of two counts of murder."
    )
    assert ("State Court of Lindau", "accuse", "Erik Brandt") in triples(found)


def test_a_sentence_for_financing_the_attack_blames_the_convict(statements) -> None:
    found = statements(
        "A bomb exploded on a metro train in 2017. A military court in the city sentenced Timur Nazarov to life in "
        "prison for financing the metro bombing."
    )
    assert {(s.stance, s.target_name) for s in found} >= {("accuse", "Timur Nazarov")}


def test_a_verdict_on_other_charges_blames_no_one(statements) -> None:
    found = statements(
        "A bomb exploded on a metro train in 2017. A court sentenced Timur Nazarov to ten years for membership of a "
        "banned group, and found Lev Orlov guilty of fraud."
    )
    assert not [s for s in found if s.stance in ("accuse", "confirm")]


def test_a_charge_hung_on_the_last_noun_of_the_sentence_still_counts(statements) -> None:
    found = statements(
        "A man stabbed worshippers in a mosque in Liege in 2019. A Belgian court on Friday sentenced Moroccan "
        "citizen Karim Benali to life in prison without the chance of release for the killing of four worshippers."
    )
    assert ("Belgian court", "accuse", "Karim Benali") in triples(found)


def test_a_passive_verdict_speaks_for_the_court_of_its_ruling(statements) -> None:
    found = statements(
        "A bomb exploded on a metro train in 2017. Later that day, Omar Dzhabarov was found guilty of financing the "
        "metro bombing and was sentenced to life, according to a ruling by the Northern Regional Military Court. "
        "Rustam Aliev was sentenced to life for his part in the bombing, the Northern Regional Military Court ruled."
    )
    assert {
        ("Northern Regional Military Court", "accuse", "Omar Dzhabarov"),
        ("Northern Regional Military Court", "accuse", "Rustam Aliev"),
    } <= triples(found)


def test_bare_descriptions_stacked_before_a_name_are_the_named_convict(statements) -> None:
    found = statements(
        "A bomb exploded at a concert hall in 2017, killing 22 people. The Oslo District Court sentenced Islamic "
        "State (IS) supporter and Kazakh national Rakhim Omarov to life on Monday for carrying out the bombing."
    )
    assert blamed(found) == {"Rakhim Omarov"}


def test_a_passive_verdict_sourced_to_no_court_has_no_speaker(statements) -> None:
    found = statements(
        "A bomb exploded on a metro train in 2017. Omar Dzhabarov was found guilty of financing the metro bombing, "
        "according to police, and Rustam Aliev was sentenced to life for his part in it, according to a ruling "
        "reported by the TASS agency."
    )
    assert not [s for s in found if s.stance == "accuse"]


def test_an_attack_that_was_the_responsibility_of_a_group_blames_it(statements) -> None:
    found = statements(
        "A bomb destroyed the cultural centre in 1994. Chile's Supreme Appeals Court affirmed on Monday that the "
        "deadly bombings of the embassy and the cultural centre were the responsibility of the group Hezbollah."
    )
    assert [s.speaker_name for s in found if (s.stance, s.target_name) == ("accuse", "Hezbollah")] == [
        "Chile's Supreme Appeals Court"
    ]


def test_a_duty_that_is_someone_s_responsibility_blames_no_one(statements) -> None:
    found = statements(
        "A bomb destroyed the cultural centre in 1994. The minister said security at the centre was the "
        "responsibility of the police."
    )
    assert not blamed(found)


def test_a_court_that_frees_a_defendant_for_lack_of_evidence_clears_him(statements) -> None:
    found = statements(
        "A bomb tore through the mall in 2013. Chief magistrate Ruth Wanjiru ruled that Ali Hassan conspired with "
        "the attackers. The court, however, freed Omar Farah for lack of evidence."
    )
    assert ("Ruth Wanjiru", "deny", "Omar Farah") in triples(found)


def test_an_acquittal_by_a_named_court_clears_the_defendant(statements) -> None:
    found = statements("A bomb tore through the mall in 2013. The Nairobi High Court acquitted Omar Farah on Tuesday.")
    assert ("Nairobi High Court", "deny", "Omar Farah") in triples(found)


def test_a_release_on_no_grounds_or_of_no_one_named_clears_no_one(statements) -> None:
    found = statements(
        "A bomb tore through the mall in 2013. The gunmen freed the hostages for lack of food. The court sentenced "
        "six men to death and acquitted one of all charges. The court released Omar Farah on bail."
    )
    assert not [s for s in found if s.stance == "deny"]


def test_a_capitalised_court_in_a_headline_is_no_court_named(statements) -> None:
    found = statements(
        "Court convicts two over mall attack\n\nA bomb tore through the mall in 2013. Chief magistrate Ruth Wanjiru "
        "ruled that Ali Hassan conspired with the attackers. The court freed Omar Farah for lack of evidence."
    )
    assert ("Ruth Wanjiru", "deny", "Omar Farah") in triples(found)


def test_a_person_named_as_the_attacker_by_police_stays_no_target(statements) -> None:
    found = statements("A bomb exploded at the market. Police said the attack was carried out by Rami Aziz.")
    assert "Rami Aziz" not in blamed(found)


# -- proxies ------------------------------------------------------------------------------


def test_a_state_named_by_its_proxies_is_blamed(statements) -> None:
    found = statements(
        "A bomb hit a school bus in the town, killing six children. The interior secretary, Tariq Aslam, said "
        "Indian proxies were behind the attack on the bus."
    )
    assert ("Tariq Aslam", "accuse", "India") in triples(found)


def test_terrorists_acting_at_a_state_s_behest_blame_the_state(statements) -> None:
    found = statements(
        "A bomb hit a school bus in the town. Army spokesman Adnan Malik said the attack was carried out by "
        "terrorists at the behest of India."
    )
    assert ("Adnan Malik", "accuse", "India") in triples(found)


def test_blaming_a_state_s_terror_proxies_blames_the_state(statements) -> None:
    found = statements('A bomb hit a school bus. Prime Minister Omar Farooq blamed "Indian terror proxies" for it.')
    assert blamed(found) == {"India"}


def test_on_behalf_of_a_government_blames_no_one(statements) -> None:
    found = statements("A bomb hit a school bus. On behalf of the government, the minister visited the wounded.")
    assert not blamed(found)


# -- accusations hidden by other verbs ----------------------------------------------------


def test_a_group_that_assisted_with_the_attack_is_blamed(statements) -> None:
    found = statements(
        "A car bomb hit an army convoy in the capital, killing 20 people. The outlawed Kurdistan Workers' Party "
        "(PKK) assisted with the attack, the prime minister said."
    )
    assert ("accuse", "Kurdistan Workers' Party") in {(s.stance, s.target_name) for s in found}


def test_a_judge_ruling_that_men_conspired_with_the_attackers_blames_each(statements) -> None:
    found = statements(
        "Gunmen stormed a shopping centre in 2013. Chief magistrate Peter Otieno ruled on Monday that the prosecution "
        "had proved that Yusuf Abdi and Hassan Warsame conspired with the attackers."
    )
    assert blamed(found) >= {"Yusuf Abdi", "Hassan Warsame"}


def test_helping_the_wounded_blames_no_one(statements) -> None:
    found = statements("A bomb hit the market. Officials said volunteers helped the wounded after the attack.")
    assert not blamed(found)


def test_a_leader_pointing_to_a_group_blames_it(statements) -> None:
    found = statements(
        "A car bomb exploded near the air base, killing six people. No group claimed the attack, but President "
        "Luis Mendoza has pointed to the Northern Front, a rebel faction."
    )
    assert ("Luis Mendoza", "accuse", "Northern Front") in triples(found)


def test_pointing_to_something_else_blames_no_one(statements) -> None:
    found = statements("A bomb hit the market. The minister pointed to Brazil as a model for the economy.")
    assert not blamed(found)


def test_a_government_named_by_its_seat_speaks_for_its_state(statements) -> None:
    found = statements(
        "A truck bomb killed 500 people in the capital. The federal government in Mogadishu accused al-Shabaab of "
        "carrying out the bombing."
    )
    assert ("Somalia", "accuse", "al-Shabaab") in triples(found)


def test_a_convict_named_by_surname_keeps_the_full_name_given_before(statements) -> None:
    found = statements(
        "A gunman killed two people near a synagogue. Stefan Example went on trial in May. On Monday the judges "
        "found Example guilty of two counts of murder."
    )
    assert "Stefan Example" in blamed(found)


# -- a group blamed by description, a second party "along with", a part of a named cell, blame between two sides ----


def test_described_group_blamed_in_a_headline_is_the_group_named_below(statements) -> None:
    found = statements(
        "Nigeria blames local jihadist group for market bombings\n\n"
        "Two bombs killed 14 people at a market in Kaduna on Friday, police said. "
        "Investigators said members of Ansaru had stored the explosives in a house nearby."
    )
    targets = {s.target_name for s in found if s.stance == "accuse"}
    assert "local jihadist group" not in targets
    assert ("Nigeria", "accuse", "Ansaru") in triples(found)


def test_described_group_with_no_group_named_blames_no_one(statements) -> None:
    found = statements(
        "Officials blame local Islamist group for hotel siege\n\n"
        "Gunmen held guests at a hotel in Bamako for six hours on Friday before troops stormed it."
    )
    assert not [s for s in found if s.stance == "accuse"]


def test_second_party_accused_along_with_the_first(statements) -> None:
    found = statements(
        "A car bomb killed nine people at a bus stop in Qamishli on Monday. "
        "Turkey's interior minister accused the YPG along with the PKK over the bombing."
    )
    named = triples(found)
    assert ("Turkey's interior minister", "accuse", "People's Protection Units") in named
    assert ("Turkey's interior minister", "accuse", "Kurdistan Workers' Party") in named


def test_attacker_who_was_part_of_a_named_cell_is_the_cells(statements) -> None:
    found = statements(
        "A suicide bomber struck a church in Makassar on Sunday. "
        '"The bomber was part of the JAD cell that attacked a cathedral last year," the police chief said.'
    )
    targets = {s.target_name for s in found if s.stance == "accuse"}
    assert "part" not in targets
    assert "Jamaah Ansharut Daulah" in targets


def test_sides_that_blame_each_other_blame_no_party(statements) -> None:
    found = statements(
        "Market Bombing Blast kills 9 People in Western Syria, Turkey and Kurdish Forces Blame Each Other\n\n"
        "A bomb killed nine people at a market in Afrin on Saturday. Turkey and the Kurdish militia blamed each other."
    )
    assert not [s for s in found if s.target_name and s.target_name.lower() in ("other", "each other")]
