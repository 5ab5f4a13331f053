"""Claims of responsibility on real-news constructions: who claimed, through what, and who never claims.

Every sentence is our own, written to keep a construction met in real
coverage: a claimant in a relative clause, a kicker before the sentence, a
group speaking through its news agency on a platform, a commander named by
apposition, placeholders a parse puts in the claimant's place.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from counterclaim.records import Statement


def claims(found: list[Statement]) -> set[tuple[str, str | None, str | None]]:
    return {(s.speaker_name, s.speaker_affiliation, s.target_name) for s in found if s.stance == "claim"}


# --- who the claimant is --------------------------------------------------------------------------------


def test_claimant_in_a_relative_clause(statements) -> None:
    found = statements(
        "Two car bombs killed 40 people near the ministry in Mogadishu. The city faces the militant group "
        "al-Shabaab, which claimed responsibility for the bombings, and a drought."
    )
    assert claims(found) == {("al-Shabaab", "al-Shabaab", "al-Shabaab")}


def test_claimant_of_a_perfect_relative_clause_is_the_group_not_the_pronoun(statements) -> None:
    found = statements(
        "Gunmen shot dead 12 pilgrims near Reasi. Police traced the ambush to the Kashmir Freedom Army, which "
        "has claimed responsibility."
    )
    assert ("Kashmir Freedom Army", None, "Kashmir Freedom Army") in claims(found)
    assert all(s.speaker_name.lower() != "which" for s in found)


def test_a_kicker_before_the_sentence_is_no_second_subject(statements) -> None:
    found = statements(
        "Jalalabad market bombing: The Islamic State group has claimed responsibility for the blast that killed "
        "nine traders on Friday."
    )
    assert claims(found) == {("Islamic State", "Islamic State", "Islamic State")}


def test_the_group_claiming_in_a_clause_before_the_main_one(statements) -> None:
    found = statements(
        "Days after the Kashmir Freedom Army (KFA), a front of the Lashkar-e-Taiba, took responsibility for the "
        "ambush on the bus, it withdrew its claim on Sunday."
    )
    assert ("Kashmir Freedom Army", None, "Kashmir Freedom Army") in {
        (n.removesuffix(" (KFA)"), a, (t or "").removesuffix(" (KFA)")) for n, a, t in claims(found)
    }


# --- outlets and platforms -------------------------------------------------------------------------------


def test_claim_via_the_groups_agency_on_a_platform_names_the_agency(statements) -> None:
    found = statements(
        "Three suicide bombers killed four people in Kampala. Islamic State claimed responsibility via the "
        "group's Amaq News Agency on a Telegram channel it runs."
    )
    assert claims(found) == {("Amaq", "Islamic State", "Islamic State")}


def test_a_platform_that_carried_the_claim_never_speaks(statements) -> None:
    found = statements(
        "Twin blasts killed 80 mourners in Kerman on Wednesday. The Islamic State claimed the bombings a day "
        "later. The militant group posted a statement on Telegram taking responsibility for the attack."
    )
    assert claims(found) == {("Islamic State", "Islamic State", "Islamic State")}
    assert all("Telegram" not in (s.speaker_name, s.target_name) for s in found)


def test_outlet_named_in_apposition_to_the_website_of_a_coordinated_verb(statements) -> None:
    found = statements(
        "Gunmen killed 25 people at a parade in Ahvaz. Afterwards IS put out a statement on its propaganda "
        "website, Amaq agency, and claimed responsibility for the attack."
    )
    assert claims(found) == {("Amaq", "Islamic State", "Islamic State")}


def test_agency_named_after_its_description_speaks(statements) -> None:
    found = statements(
        "A bomb killed 22 people at a concert in Leeds. The group's self-styled news agency Amaq separately "
        "claimed \u201ca security squad\u201d carried out the attack."
    )
    assert ("Amaq", "Islamic State", "Islamic State") in claims(found)


# --- commanders, spokesmen, groups the text names ----------------------------------------------------------


def test_commander_of_the_armed_group_named_by_apposition(statements) -> None:
    found = statements(
        "A suicide bomber killed 60 policemen at a mosque in Peshawar. The bombing was disowned by the "
        "Tehreek-e-Taliban Pakistan (TTP). On Twitter, a commander of the armed group, Abdul Wali Khan, claimed "
        "responsibility for the bombing."
    )
    assert ("Abdul Wali Khan", "Tehrik-i-Taliban Pakistan", "Tehrik-i-Taliban Pakistan") in claims(found)
    assert all(target != "Abdul Wali Khan" for _, _, target in claims(found))


def test_unknown_group_saying_it_was_behind_the_attack_claims_it(statements) -> None:
    found = statements(
        "Gunmen opened fire on a parade in Ahvaz, killing 25. The Ahvaz Popular Resistance, an Arab opposition "
        "movement, said they were behind the attack."
    )
    assert ("Ahvaz Popular Resistance", None, "Ahvaz Popular Resistance") in claims(found)
    assert not any(s.stance == "accuse" for s in found)


# --- who never claims -----------------------------------------------------------------------------------


def test_reporting_a_claim_is_no_confirmation(statements) -> None:
    found = statements(
        "Gunmen killed 50 soldiers at an army post in Djibo. JNIM has claimed responsibility for the assault, "
        "the SITE Intelligence Group said on Monday."
    )
    assert claims(found) == {
        (
            "Jama'at Nusrat al-Islam wal-Muslimin",
            "Jama'at Nusrat al-Islam wal-Muslimin",
            "Jama'at Nusrat al-Islam wal-Muslimin",
        )
    }
    assert not any(s.speaker_name.startswith("SITE") for s in found)


def test_a_wire_in_the_dateline_never_claims(statements) -> None:
    found = statements(
        "BAMAKO (Reuters) \u2013 Al Qaeda affiliate JNIM has claimed responsibility for an attack on a convoy in "
        "Mali's Gao region in which the group said 30 soldiers died."
    )
    assert all(s.speaker_name != "Reuters" and s.target_name != "Reuters" for s in found)


def test_a_place_or_a_state_never_claims(statements) -> None:
    found = statements(
        "Following the church bombings in Kenya, the Islamic State (IS) on Monday claimed responsibility for "
        "the blasts that killed 50 people."
    )
    assert all(target not in ("Kenya",) for _, _, target in claims(found))
    assert ("Islamic State", "Islamic State", "Islamic State") in claims(found)


def test_a_generic_claimant_with_no_group_named_yields_no_claim(statements) -> None:
    found = statements("A bomb killed six people at a bus stop. Two groups have claimed responsibility for it.")
    assert claims(found) == set()


def test_outlet_described_as_a_branchs_arm_speaks_for_the_branch(statements) -> None:
    found = statements(
        "A suicide bomber killed 54 people at a rally in Khar. A statement released by Amaq, the propaganda arm "
        "of ISIS-K, said a fighter of the caliphate detonated his vest among the crowd."
    )
    assert claims(found) == {
        ("Amaq", "Islamic State Khorasan Province", "Islamic State Khorasan Province"),
    }


def test_statement_carried_by_the_groups_agency_names_the_agency(statements) -> None:
    found = statements(
        "Blasts at three churches killed 200 worshippers. In a statement carried on Monday by the Islamic "
        "State's Amaq News Agency, the jihadist group said its fighters had carried out the bombings."
    )
    assert claims(found) == {("Amaq", "Islamic State", "Islamic State")}


def test_a_claim_told_apart_as_another_act_stays_beside_the_groups_claim(statements) -> None:
    found = statements(
        "A bomb tore through an arena in Leeds, killing 22 people. Islamic State claimed responsibility on "
        "Tuesday for the bombing. The group's news agency Amaq separately claimed that a unit of its soldiers "
        "had carried out the attack."
    )
    assert claims(found) == {
        ("Islamic State", "Islamic State", "Islamic State"),
        ("Amaq", "Islamic State", "Islamic State"),
    }


def test_the_same_claim_told_twice_is_one_claim(statements) -> None:
    found = statements(
        "Islamic State claimed an attack on a market in Kampala on Tuesday.\n\n"
        "Islamic State claimed responsibility via the group's Amaq News Agency on a Telegram channel."
    )
    assert claims(found) == {("Amaq", "Islamic State", "Islamic State")}


def test_a_parents_name_before_the_affiliate_does_not_take_its_claim(statements) -> None:
    found = statements(
        "The siege of the hotel ended at dawn. Al-Qaeda's Somali affiliate al-Shabaab militants claimed "
        "responsibility for the raid."
    )
    assert claims(found) == {("al-Shabaab", "al-Shabaab", "al-Shabaab")}


def test_an_indefinite_commander_is_not_the_commander_named_before(statements) -> None:
    found = statements(
        "A blast killed 80 policemen in a mosque in Peshawar. The slain TTP commander Omar Khalid Khorasani "
        "was killed last year. A TTP commander had claimed responsibility for the bombing."
    )
    assert all(s.speaker_name != "Omar Khalid Khorasani" for s in found if s.stance == "claim")


@pytest.mark.parametrize(
    "sentence",
    [
        "Two days later the Kashmir Freedom Army withdrew its claim.",
        "Two days later the Kashmir Freedom Army backtracked from its claim.",
        "Two days later the Kashmir Freedom Army distanced itself from the attack.",
    ],
)
def test_a_withdrawn_claim_stays_and_the_withdrawal_is_a_denial(statements, sentence: str) -> None:
    found = statements(
        "Gunmen killed 26 tourists near Pahalgam. The Kashmir Freedom Army claimed responsibility for the attack. "
        + sentence
    )
    stances = {(s.stance, s.target_name) for s in found}
    assert ("claim", "Kashmir Freedom Army") in stances
    assert ("deny", "Kashmir Freedom Army") in stances


def test_distancing_from_attacks_in_general_is_no_denial(statements) -> None:
    found = statements(
        "A bomb killed 20 soldiers in Dera Ismail Khan. The TTP, which has in the past distanced itself from "
        "some attacks by splinter groups, said nothing."
    )
    assert not any(s.stance == "deny" for s in found)


def test_an_apposition_set_off_by_commas_is_not_the_subject(statements) -> None:
    found = statements(
        "Gunmen attacked a police academy in Niamey. Fighters from Jama'at Nusrat al-Islam wal-Muslimin (JNIM), "
        "al-Qaeda's branch in the Sahel, have claimed responsibility for the raid."
    )
    assert {target for _, _, target in claims(found)} == {"Jama'at Nusrat al-Islam wal-Muslimin"}


def test_a_repeated_claim_is_a_claim_of_its_own(statements) -> None:
    found = statements(
        "Gunmen killed 48 men in Mpeketoni on Sunday. Al-Shabaab's spokesman, Sheikh Abdiasis Abu Musab, said "
        "the group's fighters had carried out the raid. The group repeated its claim on Tuesday in a statement."
    )
    assert claims(found) == {
        ("Abdiasis Abu Musab", "al-Shabaab", "al-Shabaab"),
        ("al-Shabaab", "al-Shabaab", "al-Shabaab"),
    }


def test_a_caller_who_names_his_group_claims_for_it(statements) -> None:
    found = statements(
        "Gunmen stormed a school in Peshawar on Tuesday. The caller was Qari Saifullah Mehsud, who identified "
        "himself as a spokesman of the TTP and said six of its fighters had been sent to the school."
    )
    assert ("Qari Saifullah Mehsud", "Tehrik-i-Taliban Pakistan", "Tehrik-i-Taliban Pakistan") in claims(found)


def test_a_group_calling_itself_a_name_says_nothing(statements) -> None:
    found = statements(
        "Jaish al-Zolm claimed the ambush on the border guards in a statement. The group, which calls itself "
        "Jaish al-Adl, has attacked the guards before."
    )
    assert [s.stance for s in found] == ["claim"]


def test_a_group_saying_its_members_carried_out_the_assault_claims_it(statements) -> None:
    found = statements(
        "Gunmen fired on a military parade in Ahvaz. A spokesman for the Arab Struggle Movement for the "
        "Liberation of Ahvaz told a television channel that its members had carried out the assault."
    )
    assert {target for _, _, target in claims(found)} == {"Arab Struggle Movement for the Liberation of Ahvaz"}


# --- the event's claimant --------------------------------------------------------------------------------


def test_an_affiliate_the_police_name_does_not_replace_the_claimant(pipeline: Language) -> None:
    doc = pipeline(
        "Two suicide bombers killed four people in Kampala on Tuesday. Islamic State claimed responsibility for "
        "the bombings. Police said the Allied Democratic Forces, which has pledged allegiance to Islamic State, "
        "were responsible."
    )
    assert doc._.event.perpetrators.claimed_by[0] == "Islamic State"


def test_a_claimed_province_is_the_claimant(pipeline: Language) -> None:
    doc = pipeline(
        "Twin blasts killed 90 people in Kerman on Wednesday. Islamic State claimed responsibility for the "
        "bombings on Thursday. In a statement, ISIS-K said two of its fighters had detonated explosive vests."
    )
    assert doc._.event.perpetrators.claimed_by[0] == "Islamic State Khorasan Province"


def test_a_withdrawn_claim_still_names_the_claimant(pipeline: Language) -> None:
    doc = pipeline(
        "Gunmen killed 26 tourists in Pahalgam on Tuesday. The Kashmir Freedom Army claimed responsibility for "
        "the attack. On Saturday the Kashmir Freedom Army withdrew its claim."
    )
    assert doc._.event.perpetrators.claimed_by == ["Kashmir Freedom Army"]


def test_a_hedged_claim_names_no_claimant(pipeline: Language) -> None:
    doc = pipeline(
        "A car bomb killed 12 people in Mogadishu on Monday. Al-Shabaab may have claimed the bombing, officials "
        "said, but no statement has been seen."
    )
    assert doc._.event.perpetrators.claimed_by == []


def test_he_is_never_a_group_the_model_takes_for_a_person(statements) -> None:
    found = statements(
        "Gunmen killed 81 villagers in Gubio. Tuesday's raid on the village was carried out by Boko Haram and "
        "ISWAP members who run sleeper cells in the area, Nigerian army spokesman Musa Danjuma he said in a "
        "statement."
    )
    assert not any(s.stance == "claim" for s in found)
    assert ("Musa Danjuma", "accuse", "Boko Haram") in {(s.speaker_name, s.stance, s.target_name) for s in found}


def test_a_group_blaming_itself_is_a_misparse_not_a_claim(statements) -> None:
    found = statements(
        "Gunmen freed 600 inmates from a prison near Abuja. The minister said all 64 Boko Haram suspects held "
        "there had escaped and put the blame squarely on that group."
    )
    assert not any(s.stance == "claim" for s in found)


# --- self-stances: a party clearing itself must be named ---------------------------------------------------


def test_a_generic_plural_clearing_itself_is_no_statement(statements) -> None:
    found = statements(
        "Kurdish militants deny Turkish claims they planted Ankara bomb\n\n"
        "A bomb killed six people on a busy street in Ankara on Sunday."
    )
    assert not any(s.stance == "deny" and s.target_name == "Kurdish militants" for s in found)


def test_the_armed_wing_of_a_group_denies_for_the_group_once(statements) -> None:
    found = statements(
        "A bomb killed six people on a shopping street in Ankara. The armed wing of the Kurdistan Workers' party "
        "(PKK) has denied any role in the attack. The PKK denied responsibility for the bombing on Monday."
    )
    denials = [(s.speaker_name, s.target_name) for s in found if s.stance == "deny"]
    assert denials == [("Kurdistan Workers' Party", "Kurdistan Workers' Party")]


def test_a_headline_claim_the_body_gives_to_a_branch_is_that_claim(statements) -> None:
    found = statements(
        "Gunmen kill 40 at church vigil in Congo; Islamic State claims responsibility\n\n"
        "BUNIA - Attackers armed with machetes killed at least 40 people during a night vigil at a church in Ituri "
        "province, officials said on Monday.\n\n"
        "On Sunday the Islamic State said on its Amaq news agency that fighters of its Central Africa Province had "
        "attacked the church."
    )
    assert {target for _, _, target in claims(found)} == {"Islamic State Central Africa Province"}


def test_it_after_a_report_is_the_report_not_a_group_it_names(statements) -> None:
    found = statements(
        "The report lists Boko Haram and Hamas among the deadliest groups of the year. It notes that the deadliest "
        "single attack was Hamas's raid on Israel in October."
    )
    assert not any(s.stance == "claim" for s in found)


def test_a_branch_named_by_its_region_claims_for_the_branch(statements) -> None:
    found = statements(
        "Gunmen stormed a beach resort in Grand-Bassam, killing 19. Al-Qaeda's North African branch claimed the "
        "assault."
    )
    assert {target for _, _, target in claims(found)} == {"al-Qaeda in the Islamic Maghreb"}


# --- knowledge-base links that need their context -----------------------------------------------------------


def test_an_agency_named_with_its_state_links_to_that_state(statements) -> None:
    found = statements(
        "A gunman killed 140 people at a concert hall near Moscow. According to the official, the spy services "
        "of Britain, as well as the Main Intelligence Directorate (GUR) of Ukraine, were involved in the attack."
    )
    targets = {s.target_name for s in found if s.stance == "accuse"}
    assert "Ukraine" in targets and "Russia" not in targets


def test_a_bulk_list_acronym_links_only_when_the_text_names_its_actor() -> None:
    from counterclaim.kb import get_kb

    kb = get_kb()
    alone = "The CDS, General Musa, said troops had repelled the raid."
    assert not any(m.actor_id.startswith("cartel") for m in kb.find_matches(alone))
    named = "The Cartel de Sinaloa (CDS) denied it. The CDS said so."
    assert [m.actor_id for m in kb.find_matches(named)].count("cartel-de-sinaloa") == 3


def test_case_keeps_words_from_becoming_groups() -> None:
    from counterclaim.kb import get_kb

    kb = get_kb()
    assert kb.find_matches("Let us be clear, the base was hit by 764 shells.") == []
    assert [m.actor_id for m in kb.find_matches("LeT fighters attacked The Base.")] == ["lashkar-e-taiba", "base"]


# --- claims told in a headline ------------------------------------------------------------------------------

_BODY = "\n\nA bomb killed 20 people at a market in the city on Friday, police said."


@pytest.mark.parametrize(
    ("headline", "group"),
    [
        ("ISIS-K claims responsibility for Jalalabad blast", "Islamic State Khorasan Province"),
        ("IS claims deadly Herat bombings", "Islamic State"),
        ("Al-Shabaab claims deadly hotel siege in Kismayo", "al-Shabaab"),
        ("JNIM claims attack that killed dozens of soldiers in Niger", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("ISIS Claims Responsibility For Deadly Attack On Mosque", "Islamic State"),
    ],
)
def test_a_claim_in_the_headline_alone_is_a_claim(statements, headline: str, group: str) -> None:
    assert (group, group, group) in claims(statements(headline + _BODY))


@pytest.mark.parametrize(
    "headline",
    ["Iran rejects IS claims on Zahedan blast", "Tehran dismisses Daesh claims of responsibility for the blast"],
)
def test_claims_someone_rejects_in_a_headline_are_no_claim(statements, headline: str) -> None:
    assert claims(statements(headline + _BODY)) == set()


# --- videos, and claims by the group and by its outlet ---------------------------------------------------------


def test_a_groups_outlet_releasing_a_video_of_the_attackers_claims_the_attack(statements) -> None:
    found = statements(
        "Gunmen fired on a parade in Ahvaz, killing 25. The Islamic State's Amaq propaganda agency released a "
        "video on Sunday of three men who say they are driving to the parade to carry out an attack."
    )
    assert claims(found) == {("Amaq", "Islamic State", "Islamic State")}


def test_police_releasing_a_video_of_the_attackers_claims_nothing(statements) -> None:
    found = statements(
        "Gunmen fired on a parade in Ahvaz, killing 25. Police released a video of the men who carried out the "
        "attack, and al-Shabaab was not involved."
    )
    assert claims(found) == set()


def test_a_video_and_a_statement_are_two_claims(statements) -> None:
    found = statements(
        "Gunmen fired on a parade in Ahvaz, killing 25. Amaq posted a statement on Saturday saying fighters of "
        "the caliphate had attacked the parade. A day later Amaq released a video of three men on their way to "
        "attack the parade."
    )
    assert [s.speaker_name for s in found if s.stance == "claim"] == ["Amaq", "Amaq"]


def test_a_count_of_rockets_claimed_in_a_war_is_no_claim_of_the_attack(statements) -> None:
    found = statements(
        "A bus bomb killed four people in Jerusalem. During the 2021 war the Qassam Brigades claimed thousands of "
        "rockets fired at Israeli cities."
    )
    assert claims(found) == set()


# --- rival claims, hedged claims -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Both the Islamic State and al-Shabaab claimed responsibility for the attack.",
        "Two rival groups, the Islamic State and al-Shabaab, each claimed the bombing.",
    ],
)
def test_rival_claimants_in_one_subject_each_claim(statements, sentence: str) -> None:
    found = statements("A suicide bomber killed 30 people at a mosque in Beledweyne. " + sentence)
    assert {target for _, _, target in claims(found)} == {"Islamic State", "al-Shabaab"}


def test_a_hedged_claim_is_no_statement_of_the_group(statements) -> None:
    found = statements(
        "A suicide bomber killed 30 people at a mosque. The Islamic State may have claimed the attack, a "
        "monitoring group said."
    )
    assert not any(s.speaker_name == "Islamic State" for s in found)


def test_a_claim_made_by_an_outlet_is_its_claim(statements) -> None:
    found = statements(
        "A suicide bomber killed 30 people at a mosque in Quetta. The claim was made on Friday night by the "
        "Islamic State-linked Amaq News Agency."
    )
    assert claims(found) == {("Amaq", "Islamic State", "Islamic State")}


def test_claims_made_about_something_else_are_no_claim(statements) -> None:
    found = statements("A bomb killed nine people in Quetta. Police made claims that the bombers were foreigners.")
    assert claims(found) == set()


def test_a_dateline_the_parse_makes_the_subject_gives_way_to_the_claimant(statements) -> None:
    found = statements(
        "MOGADISHU, May 2 (Reuters) - Al-Shabaab claimed responsibility for the bombing that killed 12 people at a "
        "hotel in Kismayo on Friday."
    )
    assert claims(found) == {("al-Shabaab", "al-Shabaab", "al-Shabaab")}


@pytest.mark.parametrize(
    "sentence",
    [
        "A White House spokesman acknowledged the Islamic State's claim of responsibility.",
        "Officials in Tehran dismissed the Islamic State claim.",
        "The claim by the Islamic State could not be verified.",
    ],
)
def test_a_claim_the_text_only_talks_about_was_made_by_its_owner(statements, sentence: str) -> None:
    found = statements("A suicide bomber killed 30 people at a shrine in Kerman. " + sentence)
    assert ("Islamic State", "Islamic State", "Islamic State") in claims(found)


@pytest.mark.parametrize(
    "sentence",
    [
        "There has been no claim of responsibility.",
        "Pakistan's claims of Indian involvement were rejected.",
        "The group has made many claims of attacks in the past.",
    ],
)
def test_talk_of_no_claim_or_of_other_claims_makes_none(statements, sentence: str) -> None:
    found = statements("A suicide bomber killed 30 people at a shrine in Kerman. " + sentence)
    assert claims(found) == set()


def test_a_curated_ambiguous_alias_needs_the_text_to_name_its_actor() -> None:
    from counterclaim.kb import get_kb

    kb = get_kb()
    assert kb.find_matches("An ISS analyst said the group was weakened.") == []
    named = "The Islamic State Somalia Province (ISS) claimed it. ISS fighters fled."
    assert {m.actor_id for m in kb.find_matches(named)} == {"islamic-state-somalia-province"}


# --- claims not made, or not of this attack ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Al-Shabaab has yet to claim the attack.",
        "Al-Shabaab is expected to claim the attack.",
        "The Islamic State rarely claims attacks in the region.",
        "Al-Shabaab has claimed several attacks in the capital in the past.",
        "Police said al-Shabaab, which has claimed similar bombings, was behind the blast.",
    ],
)
def test_claims_not_made_or_of_other_attacks_make_no_claimant(pipeline: Language, sentence: str) -> None:
    doc = pipeline("A suicide bomber killed 30 people at a mosque in Baidoa on Friday. " + sentence)
    assert not any(s.stance == "claim" for s in doc._.statements)
    assert doc._.event.perpetrators.claimed_by == []


def test_a_claim_of_the_attacks_counted_is_this_attack(statements) -> None:
    found = statements(
        "Two blasts killed 170 people outside Kabul airport. The Islamic State claimed responsibility for two "
        "suicide bombings outside the airport."
    )
    assert ("Islamic State", "Islamic State", "Islamic State") in claims(found)


# --- descriptions of the claimant ------------------------------------------------------------------------


def test_description_beside_a_name_claims_in_a_relative_clause(statements) -> None:
    found = statements(
        "Delhi urged Islamabad to hand over Abdul Rauf, who leads Jaish-e-Mohammed, the militant outfit which has "
        "claimed responsibility for the convoy bombing."
    )
    assert ("Jaish-e-Mohammed", "Jaish-e-Mohammed", "Jaish-e-Mohammed") in claims(found)


def test_description_with_the_name_inside_claims_in_a_relative_clause(statements) -> None:
    found = statements(
        "Investigators doubted the account of the Islamic State (IS) militant group, which earlier claimed "
        "responsibility for the blast in a recording posted on Monday."
    )
    assert claims(found) == {("Islamic State", "Islamic State", "Islamic State")}


def test_branch_known_by_its_name_and_based_in_a_state(statements) -> None:
    found = statements(
        "The Islamic State affiliate in the area known as Islamic State Khorasan Province and based in "
        "Afghanistan claimed responsibility for the shrine bombing."
    )
    assert {t for _, _, t in claims(found)} == {"Islamic State Khorasan Province"}


def test_described_claimant_is_the_alliance_the_next_sentence_names(statements) -> None:
    found = statements(
        "SRINAGAR: A coalition of Kashmiri militant groups on Tuesday claimed the raid on the army camp near Uri. "
        "The United Jihad Council (UJC) said in a statement that the raid showed its fighters could strike anywhere."
    )
    assert {t for _, _, t in claims(found)} == {"United Jihad Council"}


def test_group_a_claimants_relative_clause_names_is_not_the_claimant(statements) -> None:
    found = statements(
        "Gunmen killed 12 villagers in eastern Congo, officials said on Sunday. The army blamed rebels. The\n"
        "group, which has named the ADF as its Congo affiliate,\nclaimed responsibility for the raid on Sunday."
    )
    assert "Allied Democratic Forces" not in {t for _, _, t in claims(found)}


def test_branch_whose_region_the_parse_names(statements) -> None:
    found = statements(
        "The Islamic State affiliate in the region known as Islamic State Khorasan Province claimed "
        "responsibility for the shrine bombing."
    )
    assert {t for _, _, t in claims(found)} == {"Islamic State Khorasan Province"}


def test_a_pronoun_after_a_quotation_is_its_speaker_not_a_group_quoted(statements) -> None:
    found = statements(
        "Two suicide bombers struck the police headquarters in Garissa on Monday.\n\n"
        '"Al-Shabaab picked the wrong target. These criminals will be hunted down," the government said in a '
        "statement.\n\nIt said 12 people were killed and 30 wounded in the blasts outside the police headquarters."
    )
    assert not any(s.stance == "claim" for s in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "A group claiming to be the Yemeni branch of the Islamic State claimed responsibility on Twitter.",
        "A group calling itself the Yemeni branch of the Islamic State claimed responsibility on Twitter.",
    ],
)
def test_a_group_claiming_to_be_a_branch_claims_as_that_branch(statements, sentence: str) -> None:
    found = statements(f"Suicide bombers struck two mosques in Sanaa on Friday. The Houthis hold the city. {sentence}")
    claims = {(s.speaker_name, s.target_name) for s in found if s.stance == "claim"}
    assert claims and all("Islamic State" in speaker and "Houthis" not in speaker for speaker, _ in claims)
