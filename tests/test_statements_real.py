"""Statements in constructions met in real coverage that other test files do not cover (our own sentences).

Each test keeps a construction seen in real reporting — a quotation broken
by who said it, an unnamed official body, a leader named as responsible —
written in our own words.
"""

from __future__ import annotations

from statement_views import triples

# -- a quotation broken by its speaker: "A," X said. "B." ---------------------------------


def test_second_part_of_a_broken_quotation_is_the_speakers(statements) -> None:
    found = statements(
        "A car bomb killed 12 people outside a bank in Kandahar on Monday. "
        '"We heard the blast from the office," Rahim Noori, a spokesman for the governor, said. '
        '"The Haqqani network planned this attack on ordinary people."'
    )
    assert ("Rahim Noori", "accuse", "Haqqani Network") in triples(found)


def test_second_part_after_a_dated_cue_is_the_speakers(statements) -> None:
    found = statements(
        "Gunmen killed nine people at a hotel in Mogadishu. "
        '"The siege is over," police commander Abdi Warsame told reporters on Sunday. '
        '"Al-Shabaab sent these men to kill civilians."'
    )
    assert ("Abdi Warsame", "accuse", "al-Shabaab") in triples(found)


def test_name_in_the_narration_of_a_broken_quotation_is_not_blamed(statements) -> None:
    found = statements(
        "A bomb killed seven people at a market in Quetta. "
        '"It was a terrible morning," said Karim Baloch, who once fought for the Balochistan Liberation Army. '
        '"Nobody here knows who planted it."'
    )
    assert not [s for s in found if s.target_name == "Balochistan Liberation Army"]


def test_second_part_of_a_broken_quotation_only_names_the_doer(statements) -> None:
    found = statements(
        "A suicide bomber killed 30 people at a mosque in Peshawar. "
        '"We are still counting the dead," provincial official Tariq Khan said. '
        '"Whoever did this is a coward and an enemy of Islam."'
    )
    assert not [s for s in found if s.speaker_name == "Tariq Khan" and s.stance != "accuse"]


def test_quotation_reported_by_a_later_sentence_is_not_the_first_speakers(statements) -> None:
    found = statements(
        "A bomb killed 20 people at a railway station in Quetta. "
        '"The station was full of families," Governor Ali Shah said. He told officials to "find the Lashkar men '
        'who did this."'
    )
    assert ("Ali Shah", "accuse", "Lashkar-e-Taiba") not in triples(found)


# -- unnamed official speakers: "officials blamed X", "a senior security officer said" ----


def test_unnamed_officials_speak_for_the_state_the_attack_struck(statements) -> None:
    found = statements(
        "A truck bomb killed 22 people near a hotel in Mogadishu on Friday. Nobody has claimed the blast, "
        "but officials blamed al-Shabaab fighters."
    )
    assert [(s.speaker_affiliation, s.stance, s.target_name) for s in found] == [("Somalia", "accuse", "al-Shabaab")]


def test_unnamed_officer_is_a_speaker_of_the_home_state(statements) -> None:
    found = statements(
        "A car bomb killed 14 people at a checkpoint in Kabul on Sunday. "
        "A senior security officer said the Haqqani network had sent the bomber."
    )
    assert [(s.speaker_affiliation, s.stance, s.target_name) for s in found] == [
        ("Afghanistan", "accuse", "Haqqani Network")
    ]


def test_unnamed_national_bodies_listed_together_speak_each(statements) -> None:
    found = statements(
        "A bomb killed 40 pupils at a school in Kasese in Uganda. Police and army officials blamed the ADF, "
        "a rebel group based in Congo."
    )
    assert {(s.speaker_name, s.speaker_affiliation) for s in found if s.stance == "accuse"} == {
        ("Police", "Uganda"),
        ("army officials", "Uganda"),
    }


# -- a person named as responsible answers for the group the text says they lead -------------


def test_leader_named_in_apposition_answers_for_the_group(statements) -> None:
    found = statements(
        "A car bomb killed 14 people at a checkpoint in Kabul on Sunday. Officials said the bombing was the work "
        "of Sanaullah Ghafari, the leader of the Islamic State Khorasan Province."
    )
    assert [(s.stance, s.target_name) for s in found] == [("accuse", "Islamic State Khorasan Province")]


def test_leader_named_by_a_relative_clause_answers_for_the_group(statements) -> None:
    found = statements(
        "Gunmen killed 21 visitors at a museum in Tunis on Wednesday. The prime minister said on Friday that the "
        "raid had been planned by an Algerian militant, Yusuf Ammar, who heads the Okba Ibn Nafaa Brigade."
    )
    assert [(s.stance, s.target_name) for s in found] == [("accuse", "Okba Ibn Nafaa Brigade")]


def test_leader_who_speaks_speaks_for_the_group(statements) -> None:
    found = statements(
        "A suicide bomber killed 30 soldiers at a base in Borno. Abu Musab, who leads ISWAP, said its fighters "
        "carried out the attack."
    )
    assert ("Abu Musab", "claim", "Islamic State West Africa Province") in triples(found)


# -- a party named inside what the reporter negates or rejects -------------------------------


def test_negated_identification_by_an_official_clears_the_group(statements) -> None:
    found = statements(
        "Gunmen killed 48 villagers in Lamu county on Sunday. "
        '"Make no mistake, the raid on the village was not an al-Shabaab attack," the interior minister said.'
    )
    assert [(s.stance, s.target_name) for s in found] == [("deny", "al-Shabaab")]


def test_accusation_inside_a_rejection_is_not_the_reporters(statements) -> None:
    found = statements(
        "A bomb killed 40 people at a mosque in Peshawar. A foreign ministry spokeswoman said Islamabad "
        "firmly rejects the insinuation that it played any part in the bombing."
    )
    assert not [s for s in found if s.stance in ("accuse", "confirm")]


def test_party_in_the_subject_of_a_negated_verb_is_still_blamed(statements) -> None:
    found = statements(
        "Drones struck an oil depot in Abu Dhabi, killing three workers. The foreign minister said the crimes of "
        "the Houthi militia would not go unpunished."
    )
    assert not [s for s in found if s.stance == "deny"]


# -- an official's word on who did it that names no party: other, no target ------------------


def test_attack_done_by_one_unnamed_person_is_an_other_statement(statements) -> None:
    found = statements(
        "A gunman killed four people in a bar district on Monday night. The police chief, Anna Huber, said on "
        "Tuesday that the shooting had been carried out by a lone gunman."
    )
    assert [(s.speaker_name, s.stance, s.target_name) for s in found] == [("Anna Huber", "other", None)]


def test_attack_done_by_unnamed_gunmen_is_no_statement(statements) -> None:
    found = statements(
        "Gunmen killed four people in a bar district on Monday night. The police chief, Anna Huber, said on "
        "Tuesday that the shooting had been carried out by several gunmen."
    )
    assert found == []


def test_state_agencies_cleared_are_the_state(statements) -> None:
    found = statements(
        "A car bomb killed 14 people at a market in Kabul on Sunday. Islamabad rejected the accusation by Kabul "
        "that Pakistani agencies planned the attack."
    )
    assert ("Pakistan", "deny", "Pakistan") in triples(found)


# -- a person's title is the words right before the name, not a clause before them ----------


def test_group_in_a_clause_before_a_title_is_not_the_persons(statements) -> None:
    found = statements(
        "A family of five carried out bombings at two churches in Surabaya on Sunday. The bombers included the "
        "local cell leader of Jemaah Ansharut Daulah, or JAD, in the city, National Police chief Gen. Budi Santoso "
        'said.\n\n"The family is linked to the JAD cell in the city," Gen. Budi said.'
    )
    assert not [s for s in found if s.stance == "claim" or s.speaker_affiliation == "Jamaah Ansharut Daulah"]


# -- judging words that judge nobody: a named doer, a denied label, a supposed haven ------------------


def test_naming_the_group_behind_pejorative_is_no_condemnation(statements) -> None:
    found = statements(
        "Gunmen killed 14 villagers near Beni on Sunday. "
        '"These are ADF terrorists who crossed the river at night," army spokesman Jean Mbuyi said.'
    )
    assert not [s for s in found if s.speaker_name == "Jean Mbuyi" and s.stance == "condemn"]


def test_a_terrorist_attack_denied_is_no_condemnation(statements) -> None:
    found = statements(
        "Gunmen killed 20 people in Lamu on Monday. "
        '"This was not a terrorist attack but a land dispute," President Daniel Moi said.'
    )
    assert not [s for s in found if s.speaker_name == "Daniel Moi" and s.stance == "condemn"]


def test_a_haven_in_a_supposition_blames_no_state(statements) -> None:
    found = statements(
        "Drones struck an oil plant in Abqaiq on Saturday. "
        '"If the drones came from Yemeni soil, the risk is lower," analyst Mark Olsen said.'
    )
    assert not [s for s in found if s.target_name == "Yemen"]


def test_a_source_cited_with_according_to_passes_the_words_to_the_inner_speaker(statements) -> None:
    found = statements(
        "Gunmen stormed a border post in Saravan on Sunday. "
        "According to Mehr news, the spokesman of the border guards reported the cowardly attack of the "
        "gunmen on the post in Saravan late on Saturday - local time."
    )
    condemners = {s.speaker_name for s in found if s.stance == "condemn"}
    assert condemners and all("Mehr" not in name for name in condemners)


# -- the deed told outright inside reported speech: "X militants killed 40 soldiers, Y said" ----------


def test_deed_told_with_its_doer_in_reported_speech_accuses_the_group(statements) -> None:
    found = statements(
        "An army base near Diffa was overrun on Sunday. "
        "Boko Haram fighters killed 31 Nigerien troops and burned their trucks, President Mahamadou Issoufou said."
    )
    assert ("Mahamadou Issoufou", "accuse", "Boko Haram") in triples(found)


def test_group_that_struck_back_in_reported_speech_is_accused(statements) -> None:
    found = statements(
        "A bomb tore through a night market in Cotabato on Friday. "
        "Army chief Rolando Bautista said the Abu Sayyaf had hit back after losing fighters in a week of raids."
    )
    assert ("Rolando Bautista", "accuse", "Abu Sayyaf") in triples(found)


def test_a_condemners_quotation_naming_the_doer_accuses_it(statements) -> None:
    found = statements(
        "Insurgents struck a garrison on the lake shore on Monday. "
        'In a message on Tuesday, President Mahamat Deby lamented: "While our nation mourns, the zealots of '
        'Boko Haram attacked our soldiers on the islands."'
    )
    assert ("Mahamat Deby", "accuse", "Boko Haram") in triples(found)


def test_an_army_that_killed_militants_is_not_accused(statements) -> None:
    found = statements(
        "A suicide bomber hit a mosque in Maiduguri on Friday. "
        "The army said its soldiers killed 20 Boko Haram fighters near the border on Saturday."
    )
    assert not [s for s in found if s.stance == "accuse" and s.target_name != "Boko Haram"]


def test_deed_in_the_writers_framing_after_a_time_word_is_no_accusation(statements) -> None:
    found = statements(
        "President Ali Hassan announced a curfew following two bombings by the Islamic State group that killed "
        "dozens in Tanta."
    )
    assert ("Ali Hassan", "accuse", "Islamic State") not in triples(found)


# -- "identified X as the suicide bomber": a name given the doer's part ----------------------------


def test_name_identified_as_the_bomber_is_accused(statements) -> None:
    found = statements(
        "A blast ripped through a chapel in Cairo on Sunday. "
        "President Hosni Farouk identified 24-year-old Tarek Samir Aboul Fotouh as the suicide bomber."
    )
    assert ("Hosni Farouk", "accuse", "Tarek Samir Aboul Fotouh") in triples(found)


def test_name_identified_as_a_member_is_no_accusation_of_him(statements) -> None:
    found = statements(
        "A blast ripped through a chapel in Cairo on Sunday. "
        "President Hosni Farouk identified Tarek Samir Aboul Fotouh as a member of the cell."
    )
    assert not [s for s in found if s.target_name == "Tarek Samir Aboul Fotouh"]


# -- sourcing hedges, disagreement, relative clauses ----------------------------------------------


def test_a_claim_reported_by_hearsay_is_still_a_claim(statements) -> None:
    found = statements(
        "A roadside bomb killed 11 border guards near Saravan on Wednesday. "
        "The so-called Jaish ul-Adl group has reportedly claimed responsibility for the bombing."
    )
    assert ("Jaish al-Adl", "claim", "Jaish al-Adl") in triples(found)


def test_a_claim_that_may_have_been_made_stays_hedged(statements) -> None:
    found = statements(
        "A roadside bomb killed 11 border guards near Saravan on Wednesday. "
        "Jaish ul-Adl may have claimed responsibility for the bombing."
    )
    assert ("Jaish al-Adl", "claim", "Jaish al-Adl") not in triples(found)


def test_disagreeing_with_an_assessment_clears_the_group_it_names(statements) -> None:
    found = statements(
        "Gunmen stormed a clinic in Kabul on Tuesday. "
        "The Afghan government said it disagreed with the British finding that Islamic State fighters were "
        "behind the raid on the clinic."
    )
    assert ("Afghanistan", "deny", "Islamic State") in triples(found)
    assert ("Afghanistan", "accuse", "Islamic State") not in triples(found)


def test_subject_of_a_relative_clause_is_not_the_noun_it_describes(statements) -> None:
    found = statements(
        "Gunmen stormed a clinic in Kabul on Tuesday. "
        "The Afghan government blamed the Taliban, which it claims was behind the raid on the clinic."
    )
    assert ("Taliban", "claim", "Taliban") not in triples(found)
    assert ("Afghanistan", "accuse", "Taliban") in triples(found)


# -- "the findings point at X", a defendant's plea -------------------------------------------------


def test_findings_that_point_at_a_named_organisation_accuse_it(statements) -> None:
    found = statements(
        "Three bombers struck the arrivals hall of Ankara airport on Tuesday. "
        '"The results of our inquiry point at the Daesh organisation as the culprits of this atrocity," Interior '
        "Minister Suleyman Kaya said."
    )
    assert ("Suleyman Kaya", "accuse", "Islamic State") in triples(found)


def test_a_defendant_maintaining_her_innocence_clears_herself(statements) -> None:
    found = statements(
        "A court in Moscow jailed Anna Petrova for 20 years over the cafe bombing. "
        "Petrova admitted only to forging papers. She protested her innocence, saying she had been framed."
    )
    assert ("Anna Petrova", "deny", "Anna Petrova") in triples(found)


def test_insisting_on_a_plan_is_no_plea(statements) -> None:
    found = statements(
        "A court in Moscow jailed Anna Petrova for 20 years over the cafe bombing. "
        "Prosecutor Oleg Titov insisted the bombing was planned for months."
    )
    assert not [s for s in found if s.stance == "deny"]


def test_speaker_the_parse_hung_on_the_agent_as_its_apposition_speaks(statements) -> None:
    found = statements(
        "The explosion at the Minsk bakery that killed reporter Ivan Orlov was organised by Ukraine, Belarus's "
        "State Security Committee (KGB) said on Tuesday."
    )
    speakers = {s.speaker_name for s in found if s.stance == "accuse" and s.target_name == "Ukraine"}
    assert speakers and all("State Security Committee" in name for name in speakers)


def test_responsibility_in_a_second_verb_takes_the_shared_subject(statements) -> None:
    found = statements(
        "A parcel bomb killed a radio host in a Moscow bar on Sunday. "
        "Georgia applauds terror and may be responsible for the bombing of the bar, Kremlin aide Igor Sorokin said."
    )
    assert ("Igor Sorokin", "other", "Georgia") in triples(found)


def test_deed_in_a_clause_that_only_sets_the_time_is_no_accusation(statements) -> None:
    found = statements(
        "Troops retook a beach hotel in Kismayo on Sunday after al-Shabaab fighters raided it with grenades and "
        "rifles, police officials said."
    )
    assert not [s for s in found if s.target_name == "al-Shabaab" and s.stance in ("accuse", "confirm")]


def test_guards_who_shot_the_attacker_are_not_accused(statements) -> None:
    found = statements(
        "A suicide bomber blew himself up near the Pakistani consulate in Kabul on Monday. "
        "Police spokesman Ahmad Rahimi said the bomber had been seen and shot by the consulate's Taliban guards "
        "before reaching the door."
    )
    assert not [s for s in found if s.target_name == "Taliban" and s.stance == "accuse"]


# -- accusations missed outright: rebukes, "X to blame", pointing at a group, a price to pay, shared nouns -------


def test_rebuke_for_being_behind_the_attack_accuses(statements) -> None:
    found = statements(
        "A bomb killed 11 worshippers at a shrine in Isfahan. The city's senior cleric assailed Saudi Arabia and "
        "Israel for being behind the bombing."
    )
    assert {(s.stance, s.target_name) for s in found} >= {("accuse", "Saudi Arabia"), ("accuse", "Israel")}


def test_rebuke_for_a_failing_is_no_accusation(statements) -> None:
    found = statements(
        "A bomb killed 11 people at a market in Kano. The senator slammed the governor for his handling of the attack."
    )
    assert not [s for s in found if s.stance == "accuse"]


def test_lashing_out_at_a_state_after_the_attack_accuses_it(statements) -> None:
    found = statements(
        "Afghanistan lashed out at Pakistan on Monday as the toll of the suicide attack on the Kabul academy "
        "rose to 30."
    )
    assert ("Afghanistan", "accuse", "Pakistan") in triples(found)


def test_lashing_out_with_no_attack_in_the_sentence_is_no_accusation(statements) -> None:
    found = statements(
        "A bomb killed eight people in Kabul. Separately, Afghanistan lashed out at Pakistan over a trade dispute."
    )
    assert not [s for s in found if s.target_name == "Pakistan"]


def test_party_said_to_be_to_blame_is_accused(statements) -> None:
    found = statements("Kenya police chief says al-Shabaab to blame for bus ambush near Mandera")
    assert [(s.stance, s.target_name) for s in found] == [("accuse", "al-Shabaab")]


def test_party_that_is_to_blame_in_reported_speech_is_accused(statements) -> None:
    found = statements(
        "A car bomb killed 9 people in Mogadishu. The interior minister said al-Shabaab was to blame for the carnage."
    )
    assert ("accuse", "al-Shabaab") in {(s.stance, s.target_name) for s in found}


def test_pointing_to_a_group_named_before_its_noun_accuses_it(statements) -> None:
    found = statements(
        "Gunmen killed 15 people at a church in Damascus. Security officials pointed to the Islamic State "
        "group as the force behind the massacre."
    )
    assert ("accuse", "Islamic State") in {(s.stance, s.target_name) for s in found}


def test_a_party_vowed_to_pay_a_heavy_price_is_accused(statements) -> None:
    found = statements(
        "A rocket killed 12 children in the Golan. The defence minister promised a harsh answer, declaring that "
        '"Hezbollah will pay a heavy price".'
    )
    assert ("accuse", "Hezbollah") in {(s.stance, s.target_name) for s in found}


def test_a_that_clause_under_another_speakers_verb_is_not_the_first_speakers(statements) -> None:
    found = statements(
        "A rocket killed 12 children in the Golan. Army spokesman Avi Cohen confirmed the toll, and the defence "
        'minister promised a harsh answer, declaring that "Hezbollah will pay a heavy price".'
    )
    assert not [s for s in found if s.speaker_name == "Avi Cohen" and s.target_name == "Hezbollah"]


def test_attackers_from_a_named_group_in_reported_speech_accuse_it(statements) -> None:
    found = statements(
        "Rebels killed 20 villagers near Beni in Congo. The army said it was hunting the assailants from the "
        "Allied Democratic Forces."
    )
    assert ("accuse", "Allied Democratic Forces") in {(s.stance, s.target_name) for s in found}


def test_attackers_from_a_place_name_no_one(statements) -> None:
    found = statements("Gunmen killed 20 villagers in Zamfara. Police said the gunmen from Katsina had fled.")
    assert not [s for s in found if s.stance == "accuse"]


def test_bodies_sharing_one_noun_speak_each(statements) -> None:
    found = statements(
        "A bomb killed 40 pupils at a school in Kasese in Uganda. Police and army officials blamed the ADF for "
        "the massacre."
    )
    assert {s.speaker_name for s in found if s.stance == "accuse"} == {"Police", "army officials"}


def test_demonym_of_the_site_struck_gives_the_home_state(statements) -> None:
    found = statements(
        "Bomb Blast Hits Kenyan Market\n"
        "The army said it was hunting the assailants from al-Shabaab, who fled towards Somalia after the raid."
    )
    assert [(s.speaker_affiliation, s.target_name) for s in found if s.stance == "accuse"] == [("Kenya", "al-Shabaab")]


def test_perpetrators_named_as_foreigners_are_blamed_as_written(statements) -> None:
    found = statements(
        "Gunmen killed 19 people at a synagogue in Makhachkala. The regional governor claimed outside forces "
        "had a hand in organising the attack, without giving evidence."
    )
    assert ("accuse", "outside forces") in {(s.stance, s.target_name) for s in found}


def test_unnamed_gunmen_are_still_no_target(statements) -> None:
    found = statements("Gunmen killed 19 people in Makhachkala. The governor said local gunmen had planned the attack.")
    assert not [s for s in found if s.stance == "accuse"]


def test_a_bodys_investigation_pointing_to_a_group_is_the_bodys_accusation(statements) -> None:
    found = statements(
        "A suicide bomber killed 25 worshippers at a church in Damascus. The interior ministry's early probe "
        "pointed to the Islamic State group as the force behind the massacre."
    )
    assert ("interior ministry", "accuse", "Islamic State") in triples(found)


def test_the_leadership_of_a_group_stands_for_the_group(statements) -> None:
    found = statements(
        "A suicide bomber killed six engineers near Besham. The interior minister said the leadership of the "
        "Pakistani Taliban was behind the bombing."
    )
    assert ("accuse", "Tehrik-i-Taliban Pakistan") in {(s.stance, s.target_name) for s in found}


def test_a_vow_in_the_confirmers_own_relative_clause_is_theirs(statements) -> None:
    found = statements(
        "Gunmen ambushed a patrol in the hills, killing six. The attack was confirmed by chief minister Tom Example "
        "on Twitter, who said that the perpetrators would be brought to justice."
    )
    assert ("Tom Example", "condemn") in {(s.speaker_name, s.stance) for s in found}
