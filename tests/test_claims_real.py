"""Claims of responsibility in constructions met in real coverage (our own sentences).

Each test keeps a construction outlets use — a group's name followed by what
it is, a claim told in passing, a branch named by its parent — written in our
own words.
"""

from __future__ import annotations

from statement_views import triples

# -- a group's name followed by words that describe it: "X jihadist group" --------------


def test_name_followed_by_group_words_names_the_group(statements) -> None:
    found = statements(
        "A bomb killed 14 people at a market in Gaza. "
        "The Hamas jihadist group claimed responsibility for the attack through its news agency."
    )
    assert ("Hamas", "claim", "Hamas") in triples(found)


def test_state_media_name_with_an_outfit_word_names_the_group(statements) -> None:
    found = statements(
        "Gunmen killed nine policemen in Zahedan on Friday. "
        "The Jaish al-Zolum terrorist outfit claimed responsibility for the raid on the station."
    )
    assert ("Jaish al-Adl", "claim", "Jaish al-Adl") in triples(found)


def test_name_with_group_words_is_no_description_of_an_earlier_actor(statements) -> None:
    found = statements(
        "A suicide bomber killed 40 worshippers at a mosque in Kandahar on Friday. "
        "The Taliban, who run the country since August, confirmed the blast.\n\n"
        "The Islamic State terrorist group, also known as Daesh, claimed responsibility for the attack."
    )
    assert ("Islamic State", "claim", "Islamic State") in triples(found)
    assert not [s for s in found if s.speaker_name == "Taliban" and s.stance == "claim"]


def test_a_place_before_group_words_names_no_group(statements) -> None:
    found = statements(
        "A car bomb killed 20 soldiers in Srinagar. "
        "Police said the driver had joined a Pakistan-based terror group last year."
    )
    assert not [s for s in found if s.stance == "claim"]


# -- a branch named by its parent: "an affiliate of X", "the X affiliate" ----------------


def test_affiliate_of_a_group_is_the_branch_the_article_names(statements) -> None:
    found = statements(
        "A bomb killed 30 people in Quetta. "
        "Officials vowed to find those behind the attack, claimed by an affiliate of the Islamic State group. "
        "The affiliate, known as Islamic State Khorasan Province, is based in Afghanistan."
    )
    assert ("Islamic State Khorasan Province", "claim", "Islamic State Khorasan Province") in triples(found)
    assert not [s for s in found if s.stance == "claim" and s.target_name == "Islamic State"]


def test_affiliate_with_no_branch_named_is_the_parent(statements) -> None:
    found = statements(
        "A bomb killed 30 people in Quetta. "
        "Officials vowed to find those behind the attack, claimed by an affiliate of the Islamic State group."
    )
    assert ("Islamic State", "claim", "Islamic State") in triples(found)


def test_based_affiliate_that_claimed_deadly_attacks_is_the_group_named_later(statements) -> None:
    found = statements(
        "Gunmen raided an army base in Ouagadougou. "
        "A Mali-based Al Qaeda affiliate claimed responsibility on Sunday for attacks in Burkina Faso that killed "
        "eight people, a local news agency reported. The group, JNIM, often uses such agencies."
    )
    assert ("Jama'at Nusrat al-Islam wal-Muslimin", "claim", "Jama'at Nusrat al-Islam wal-Muslimin") in triples(found)


def test_group_linked_to_a_parent_is_not_the_parent(statements) -> None:
    found = statements(
        "Gunmen killed 20 soldiers in Benin. "
        "The assault was claimed by an al-Qaeda-linked group – Jama’at Nusrat al-Islam wal Muslimeen, (Jnim), "
        "which is based in Mali."
    )
    assert not [s for s in found if s.target_name == "al-Qaeda"]


def test_linked_rebels_claiming_are_the_rebels_named(statements) -> None:
    found = statements(
        "Ten people were killed near the coast overnight, police said, "
        "with Somalia's Al-Qaeda-linked Shebab rebels claiming responsibility."
    )
    assert ("al-Shabaab", "claim", "al-Shabaab") in triples(found)
    assert not [s for s in found if s.target_name == "al-Qaeda"]


# -- a claim told in passing: "the bombing, claimed by X, ..." ----------------------------


def test_attack_claimed_by_a_group_in_a_participle(statements) -> None:
    found = statements("The bombing, claimed by Daesh, came a week after a blast at a market in Herat.")
    assert ("Islamic State", "claim", "Islamic State") in triples(found)


def test_attacks_claimed_over_the_years_are_no_claim_of_this_one(statements) -> None:
    found = statements(
        "A bomb killed six people in Herat on Monday. Raids claimed by Daesh over the years have hit the city."
    )
    assert not [s for s in found if s.stance == "claim"]


# -- a summary line under the headline: "— X condemn attack, but ..." ---------------------


_KICKERS = (
    "Blast at Kabul mosque kills dozens\n"
    "— Police hunt suspects, minister says\n"
    "— Taliban condemn bombing, but say nothing of the bomber\n"
    "KABUL: A suicide bomber killed 40 worshippers at a mosque in Kabul on Friday, officials said.\n"
    "Officials vowed Saturday to hunt down those behind the attack.\n"
    "The death toll is likely to rise, a hospital spokesman said.\n"
)


def test_condemnation_in_a_summary_line_under_the_headline(statements) -> None:
    found = statements(_KICKERS)
    assert [s for s in found if s.speaker_name == "Taliban" and s.stance == "condemn"]


def test_headline_condemnation_needs_the_name_to_open_the_line(statements) -> None:
    found = statements("A bomb killed nine people in Quetta. Critics of the Pakistan condemn attack line were silent.")
    assert not [s for s in found if s.stance == "condemn"]


def test_a_name_never_runs_across_lines() -> None:
    from counterclaim.kb import get_kb

    found = get_kb(()).find_all("He said the bomber was Afghan\n— Taliban condemn bombing")
    assert all("\n" not in "He said the bomber was Afghan\n— Taliban condemn bombing"[s:e] for s, e, _ in found)


def test_claim_restated_by_a_member_through_an_outlet_is_the_outlets(statements) -> None:
    found = statements(
        "A gunman killed two people in a cafe in Montreal. Islamic State said one of its soldiers carried out the "
        "shooting. The claim was later repeated by a senior member of the group talking to its Amaq news agency."
    )
    assert ("Amaq", "claim", "Islamic State") in triples(found)


# -- a group's claim and its outlet's "separate statement" are two acts ----------------


def test_outlet_claim_in_a_separate_statement_keeps_the_groups_own(statements) -> None:
    found = statements(
        "The Islamic State group claimed responsibility on Wednesday for a knife attack in Lyon, "
        "the group said in a message on its channels.\n\n"
        "In a separate statement, accompanied by a picture of the attacker, the mouthpiece Amaq said "
        "a fighter of the Islamic State carried out the stabbing in the French city."
    )
    claims = [s for s in found if s.stance == "claim" and s.target_name == "Islamic State"]
    assert {s.speaker_name for s in claims} == {"Islamic State", "Amaq"}


def test_outlet_claim_without_a_separating_word_is_the_same_act(statements) -> None:
    found = statements(
        "The Islamic State group claimed responsibility on Wednesday for a knife attack in Lyon.\n\n"
        "In a statement carried by its Amaq agency, the group said one of its fighters carried out the stabbing."
    )
    claims = [s for s in found if s.stance == "claim" and s.target_name == "Islamic State"]
    assert len(claims) == 1


# -- an unnamed man who gives himself a group's role speaks for the group --------------


def test_man_claiming_to_be_a_spokesman_claims_for_the_group(statements) -> None:
    found = statements(
        "A car bomb destroyed a police station in Maiduguri on Friday. "
        "A man claiming to be a spokesman for Boko Haram claimed responsibility for the blast in a call to reporters."
    )
    assert ("Boko Haram", "claim", "Boko Haram") in triples(found)


def test_caller_who_said_he_was_a_spokesman_claims_for_the_group(statements) -> None:
    found = statements(
        "Gunmen stormed a hotel in Mogadishu on Sunday. "
        "A caller who said he was a spokesman for al-Shabaab claimed responsibility for the siege."
    )
    assert ("al-Shabaab", "claim", "al-Shabaab") in triples(found)


def test_man_claiming_to_be_a_witness_speaks_for_no_one(statements) -> None:
    found = statements(
        "Gunmen stormed a hotel in Mogadishu on Sunday. "
        "A man claiming to be a witness said the attackers shouted slogans of al-Shabaab."
    )
    assert not [s for s in found if s.stance == "claim"]


# -- a group's fighters named by a guerrilla word speak for it -------------------------


def test_guerrilla_word_after_a_groups_name_speaks_for_the_group(statements) -> None:
    found = statements(
        "A car bomb wounded 30 soldiers at a base in Cucuta on Tuesday. "
        "On Thursday the ELN guerrilla denied any responsibility for the bombing."
    )
    assert ("National Liberation Army", "deny", "National Liberation Army") in triples(found)


# -- denials told by a gerund, a shared object or a defendant's own words --------------


def test_denying_having_carried_out_the_attack_is_no_claim(statements) -> None:
    found = statements(
        "A rocket hit a school in Sderot on Monday. The Hamas movement denied carrying out the strike on the school."
    )
    assert ("Hamas", "deny", "Hamas") in triples(found)
    assert not [s for s in found if s.stance == "claim"]


def test_leader_who_denied_and_condemned_the_attack_clears_his_party(statements) -> None:
    found = statements(
        "A bomb killed six tourists in Dushanbe on Sunday. "
        "Speaking from Istanbul, the IRPT's exiled leader Muhiddin Kabiri denied and condemned the bombing."
    )
    assert ("Muhiddin Kabiri", "deny", "Islamic Renaissance Party of Tajikistan") in triples(found)
    assert ("Muhiddin Kabiri", "condemn", None) in triples(found)


def test_denying_support_for_a_group_in_general_is_no_denial_of_the_attack(statements) -> None:
    found = statements(
        "Rebels killed 40 worshippers at a church in Komanda on Sunday. Kigali denies backing the rebels."
    )
    assert not [s for s in found if s.stance == "deny"]


def test_defendant_who_denied_his_guilt_clears_himself(statements) -> None:
    found = statements(
        "A suicide bomber killed 37 people at an airport in Moscow in 2011. "
        "Two of the accused admitted their part in the plot, while the third, Timur Bekov, denied his guilt."
    )
    assert ("Timur Bekov", "deny", "Timur Bekov") in triples(found)


def test_rejecting_an_attack_still_condemns_it(statements) -> None:
    found = statements("A bomb killed nine people in Quetta. The government of Pakistan rejected the attack firmly.")
    assert not [s for s in found if s.stance == "deny"]


# -- an agency's finding and a leader's remark are two acts of one state ---------------


def test_security_agency_finding_is_not_the_prime_ministers_remark(statements) -> None:
    found = statements(
        "Two gunmen killed four people at a bus stop in Jerusalem on Thursday. Hamas claimed responsibility.\n\n"
        "Prime Minister Benjamin Netanyahu said Hamas had sent the killers.\n\n"
        "Israel's Shin Bet security agency identified the gunmen as two cousins who were affiliated with Hamas."
    )
    speakers = {s.speaker_name for s in found if s.stance == "confirm" and s.target_name == "Hamas"}
    assert "Benjamin Netanyahu" in speakers
    assert any("Shin Bet" in name for name in speakers)
