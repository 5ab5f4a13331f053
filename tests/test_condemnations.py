"""Condemnations in the constructions real coverage uses, from our own sentences (issue 15).

Each sentence keeps a construction seen in real reporting — a vow of
retribution, an absolute "with" phrase naming the condemners, a list the
parser splits, one act reported at two levels — in words of our own.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from counterclaim.records import Statement

LEDE = "A suicide bomber struck a crowded bus station in Quetta on Monday, killing 31 people. "


@pytest.fixture(scope="module")
def condemners(pipeline: Language):
    """The speakers of the condemnations of a text that follows the lede, as (name, affiliation)."""

    def run(text: str) -> set[tuple[str, str | None]]:
        found: list[Statement] = list(pipeline(LEDE + text)._.statements)
        return {(s.speaker_name, s.speaker_affiliation) for s in found if s.stance == "condemn"}

    return run


def names(found: set[tuple[str, str | None]]) -> set[str]:
    return {name for name, _ in found}


# -- vows of retribution --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Prime Minister Tariq Lodhi vowed revenge for the bombing.",
        "Prime Minister Tariq Lodhi on Tuesday vowed a heavy blow and a just retribution against those behind it.",
        "Prime Minister Tariq Lodhi pledged firm action against the killers.",
        'Prime Minister Tariq Lodhi said the town was calm. He vowed that the bombers "will be crushed".',
        "Prime Minister Tariq Lodhi said that vengeance would be taken on the terrorists.",
        "Prime Minister Tariq Lodhi said the planners of the bombing would face harsh punishment.",
        '"This crime will not go unanswered," Prime Minister Tariq Lodhi said.',
    ],
)
def test_a_vow_of_retribution_condemns(condemners, sentence: str) -> None:
    assert names(condemners(sentence)) == {"Tariq Lodhi"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Prime Minister Tariq Lodhi vowed action to rebuild the station.",
        "Prime Minister Tariq Lodhi vowed that the station would reopen within a week.",
        "Officials had warned a day earlier that militants might strike the station.",
        "The Islamic State vowed revenge for the death of its commander.",
        "Police said the bomber had sought revenge for the arrest of his brother.",
        "The foreign office said it had asked that Kabul take firm action against the perpetrators.",
    ],
)
def test_promises_that_are_no_retribution_for_the_attack_do_not_condemn(condemners, sentence: str) -> None:
    assert condemners(sentence) == set()


# -- who condemned: "with" phrases, lists, levels ---------------------------------------------------------------


def test_a_passive_condemnation_names_its_condemners_in_a_with_phrase(condemners) -> None:
    found = condemners(
        "The bombing was quickly condemned abroad, with governments including Oman, Jordan and the Netherlands"
    )
    assert names(found) == {"Oman", "Jordan", "Netherlands"}


def test_a_with_phrase_reaction_after_drawn_condemnation_names_its_speaker(condemners) -> None:
    found = condemners("The bombing drew broad condemnation, with the European Union calling it an act of cowardice.")
    assert names(found) == {"European Union"}


def test_a_with_phrase_that_denies_is_no_condemnation(condemners) -> None:
    assert condemners("The bombing was condemned at home and abroad, with Afghanistan denying any role.") == set()


def test_a_list_of_condemners_the_parse_hangs_on_an_apposition_is_split(condemners) -> None:
    found = condemners("Condemnation came from Canada, the OSCE, the Arab League and Brazil.")
    assert names(found) == {"Canada", "OSCE", "Arab League", "Brazil"}


def test_a_states_condemnation_and_its_leaders_are_one_statement(condemners) -> None:
    found = condemners(
        "Iran vowed revenge for the bombing. Iranian Supreme Leader Ali Khamenei vowed a harsh response to the "
        "attackers."
    )
    assert found == {("Ali Khamenei", "Iran")}


def test_a_spokeswoman_declaring_her_states_shock_is_the_speaker(condemners) -> None:
    found = condemners(
        'Foreign ministry spokeswoman Mao Ning said: "China is deeply shocked and firmly condemns this attack."'
    )
    assert names(found) == {"Mao Ning"}


def test_a_criminal_probe_is_no_condemnation(condemners) -> None:
    assert condemners("The provincial prosecutor said it had opened a criminal inquiry into the blast.") == set()


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        ("Peru was among the governments that condemned the bombing.", {"Peru"}),
        ("Among the states that denounced the bombing were Chile and Ghana.", {"Chile", "Ghana"}),
        (
            "The blast was also condemned by the Arab League, which called it a crime against civilians.",
            {"Arab League"},
        ),
    ],
)
def test_a_relative_clause_condemns_for_the_noun_it_describes(condemners, sentence: str, speakers: set[str]) -> None:
    assert names(condemners(sentence)) == speakers


def test_the_named_members_of_a_list_condemn_and_its_common_noun_does_not(condemners) -> None:
    found = condemners("The United States, Chile and other countries of the region condemned the bombing.")
    assert names(found) == {"United States", "Chile"}


@pytest.mark.parametrize(
    "sentence",
    [
        "People across the province condemned the bombing.",
        "World leaders condemned the bombing.",
    ],
)
def test_a_bare_common_noun_is_no_condemner(condemners, sentence: str) -> None:
    assert condemners(sentence) == set()


def test_an_organisation_named_with_of_is_no_description_of_a_group_named_before(condemners) -> None:
    found = condemners(
        "The Islamic State claimed the bombing. The Organisation of Islamic Cooperation voiced its firm "
        "condemnation of the bombing."
    )
    assert names(found) == {"Organisation of Islamic Cooperation"}


def test_shock_voiced_at_the_attack_condemns(condemners) -> None:
    assert names(condemners("The Gulf Cooperation Council voiced shock at the bombing.")) == {
        "Gulf Cooperation Council"
    }


# -- posts embedded in a page -----------------------------------------------------------------------------------


def test_an_embedded_post_is_its_signers(pipeline: Language) -> None:
    doc = pipeline(
        LEDE + "\n\nI strongly condemn the cowardly bombing in Quetta. We stand with the families.\n"
        "— Maryam Aziz (@maryam_aziz) March 3, 2025\n\nPolice sealed off the station."
    )
    signed = [a for a in doc._.attributions if a.producer == "attribution.signed"]
    assert [(a.source.text, a.cue.text) for a in signed] == [("Maryam Aziz", "—")]
    assert signed[0].content.text.startswith("I strongly condemn") and "Police" not in signed[0].content.text
    assert {s.speaker_name for s in doc._.statements if s.stance == "condemn"} == {"Maryam Aziz"}


def test_a_post_without_the_word_condemn_is_read_for_condemnation(condemners) -> None:
    found = condemners(
        "\n\nAppalled by the barbaric attack on travellers in Quetta. — Omar Farooq (@omarfarooq) 3 March 2025\n"
    )
    assert names(found) == {"Omar Farooq"}


def test_a_post_of_sympathy_alone_does_not_condemn(condemners) -> None:
    assert (
        condemners("\n\nOur prayers are with the families in Quetta. — Omar Farooq (@omarfarooq) 3 March 2025\n")
        == set()
    )


# -- more ways of naming who condemned ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        (
            "Chile's President Ana Rojas and Foreign Minister Luis Vera firmly condemned the blast.",
            {"Ana Rojas", "Luis Vera"},
        ),
        ("Oman joined other Gulf states in condemning the bombing.", {"Oman"}),
        ("Foreign ministry spokesman Omar Nasser restated the kingdom's condemnation of the bombing.", {"Omar Nasser"}),
        (
            "Kuwait's emir sent a message of sympathy to the Pakistani president, condemning the bombing.",
            {"Kuwait's emir"},
        ),
        ("The Arab League called the bombing a crime against all humanity.", {"Arab League"}),
    ],
)
def test_more_condemners_are_found(condemners, sentence: str, speakers: set[str]) -> None:
    assert names(condemners(sentence)) == speakers


def test_a_claim_described_as_an_insult_is_no_condemnation(condemners) -> None:
    found = condemners(
        "The Islamic State claimed the bombing. The governor rejected that claim, calling it an insult to us."
    )
    assert found == set()


# -- what is no condemnation of the attack ----------------------------------------------------------------------


def test_a_call_for_justice_is_no_condemnation(condemners) -> None:
    found = condemners(
        "At a memorial mass, Cardinal Paul Okoro urged that those responsible for the 2019 church bombings be "
        "brought to justice."
    )
    assert found == set()


def test_rejecting_terrorism_as_the_reason_for_a_denial_is_part_of_the_denial(pipeline: Language) -> None:
    found = pipeline(
        LEDE + "Afghanistan has denied any role in the bombing, stating it rejects terrorism in all forms."
    )
    assert {(s.speaker_name, s.stance) for s in found._.statements if s.speaker_name == "Afghanistan"} == {
        ("Afghanistan", "deny")
    }


def test_a_denial_and_a_condemnation_of_the_attack_are_both_kept(pipeline: Language) -> None:
    found = pipeline(LEDE + "Afghanistan denied any role in the bombing and condemned it.")
    assert {(s.speaker_name, s.stance) for s in found._.statements if s.speaker_name == "Afghanistan"} == {
        ("Afghanistan", "deny"),
        ("Afghanistan", "condemn"),
    }


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        ("The foreign ministries of Peru, Chile and Ghana condemned the bombing.", {"Peru", "Chile", "Ghana"}),
        ("The bombing was condemned by the governments of Peru and Ghana.", {"Peru", "Ghana"}),
        ("Several states, including Peru and Ghana, condemned the bombing.", {"Peru", "Ghana"}),
        ("Statements of condemnation came from Peru, Chile and Ghana.", {"Peru", "Chile", "Ghana"}),
        (
            "The UN Security Council and Secretary-General Antonio Guterres condemned the bombing.",
            {"United Nations", "António Guterres"},
        ),
    ],
)
def test_each_named_member_of_a_group_of_condemners_condemns(condemners, sentence: str, speakers: set[str]) -> None:
    assert names(condemners(sentence)) == speakers


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            'Interior Minister Salman Qureshi on X: "The cowards who did this will not escape justice."',
            "Salman Qureshi",
        ),
        (
            'Uzbek President Shavkat Mirziyoyev in a post: "Shocked by the barbaric bombing in Quetta."',
            "Shavkat Mirziyoyev",
        ),
        (
            'The Turkish foreign ministry\'s statement read: "We firmly condemn this heinous attack."',
            "Turkish foreign ministry",
        ),
    ],
)
def test_a_quotation_headed_by_its_speaker_and_a_colon_is_theirs(condemners, sentence: str, speaker: str) -> None:
    assert names(condemners(sentence)) == {speaker}


def test_a_headed_quotation_is_not_credited_to_the_speaker_before_it(pipeline: Language) -> None:
    doc = pipeline(
        LEDE + "The Pakistani Taliban denied any role in the bombing. "
        'The Kenyan foreign ministry\'s statement read: "We condemn this attack on innocent travellers."'
    )
    condemning = {s.speaker_name for s in doc._.statements if s.stance == "condemn"}
    assert condemning == {"Kenyan foreign ministry"}


# -- the attack labelled as terrorism, and other words of condemnation ---------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Interior Minister Salman Qureshi termed it a terrorist act.",
        "Interior Minister Salman Qureshi described the bombing as a terror attack.",
        "Interior Minister Salman Qureshi called it an act of terrorism.",
        '"This was a terrorist attack on travellers," Interior Minister Salman Qureshi said.',
        "Interior Minister Salman Qureshi said the bombing was condemnable.",
        "Interior Minister Salman Qureshi said he was deeply disturbed by the bombing.",
    ],
)
def test_the_attack_labelled_terrorism_or_condemnable_is_condemned(condemners, sentence: str) -> None:
    assert names(condemners(sentence)) == {"Salman Qureshi"}


def test_a_terrorist_attack_organised_by_a_named_party_is_the_blame_alone(pipeline: Language) -> None:
    doc = pipeline(LEDE + 'Police chief Omar Baig said: "This was a terrorist attack organised by the BLA."')
    assert {s.stance for s in doc._.statements if s.speaker_name == "Omar Baig"} == {"accuse"}


@pytest.mark.parametrize(
    ("sentence", "condemns"),
    [
        ("Interior Minister Salman Qureshi said nothing could justify this attack.", True),
        ('"There is no justification for this crime," Interior Minister Salman Qureshi said.', True),
        ("Interior Minister Salman Qureshi said acts like this can never be justified.", True),
        ("Interior Minister Salman Qureshi said the army had justified the raid on the camp.", False),
    ],
)
def test_denying_the_attack_any_justification_condemns(condemners, sentence: str, condemns: bool) -> None:
    assert bool(condemners(sentence)) is condemns


def test_the_council_said_is_the_council_named_before(condemners) -> None:
    found = condemners(
        "The ruling military council led by General Issa Bako declared three days of mourning. "
        '"This crime will not go unpunished," the council said in a statement.'
    )
    assert names(found) == {"ruling military council"}


@pytest.mark.parametrize(
    ("sentence", "condemns"),
    [
        ("Senator Rafiq Anwar condemned the government's failure to prevent the bombing.", False),
        ("Senator Rafiq Anwar condemned this episode of violence.", True),
        ("Senator Rafiq Anwar condemned those behind the bombing.", True),
    ],
)
def test_what_is_condemned_is_the_attack_or_its_perpetrators(condemners, sentence: str, condemns: bool) -> None:
    assert bool(condemners(sentence)) is condemns


def test_a_group_that_claims_the_attack_does_not_condemn_it(condemners) -> None:
    found = condemners(
        "The Balochistan Liberation Army claimed the bombing. The BLA also condemned the army's raids that "
        "followed the bombing."
    )
    assert found == set()


# -- lists of condemners, titles -------------------------------------------------------------------------------


def test_a_with_list_before_among_others_condemns_name_by_name(condemners) -> None:
    found = condemners(
        "The bombing stirred the whole capital, with President Kamal Idris, Prime Minister Nadia Farouk and "
        "interior minister Salim Qadri, among others condemning the bombing."
    )
    assert {"Kamal Idris", "Nadia Farouk", "Salim Qadri"} <= names(found)


def test_a_surname_that_is_also_a_title_names_its_own_person(condemners) -> None:
    found = condemners(
        "Former governors Aslam Raisani, Zubeida Mufti and Farooq Baig condemned the bombing and sent their "
        "condolences."
    )
    assert {"Aslam Raisani", "Zubeida Mufti", "Farooq Baig"} <= names(found)


def test_a_headline_title_condemning_is_the_holder_the_body_names(pipeline: Language) -> None:
    text = (
        f"{LEDE}\nPolice said the bomber was a teenager.\n\n"
        "Emir condemns terror attack\n\nHis Highness the Emir Sheikh Hamad bin Khalid al-Mansour sent a cable of "
        "condolence to the Pakistani president yesterday over the bombing of the Quetta bus station.\n"
    )
    found = {(s.speaker_name, s.stance) for s in pipeline(text)._.statements}
    assert ("Hamad bin Khalid al-Mansour", "condemn") in found
    assert ("Emir", "condemn") not in found


def test_offices_in_a_row_before_an_apposed_name_are_that_persons(condemners) -> None:
    found = names(
        condemners(
            "Chairman of the Southern States Governors’ Forum (SSGF) and Governor of Kogi State, Abubakar Danjuma "
            "Bello, also condemned the act and expressed condolences to the victims."
        )
    )
    assert found == {"Abubakar Danjuma Bello"}


# -- in the speaker's own words ---------------------------------------------------------------------------------


def test_a_deed_told_as_a_gerund_subject_is_judged_by_the_words_after_it(condemners) -> None:
    found = condemners(
        '"Attacking travellers shows the enemy\'s savage cruelty and its contempt for life," said Imran Qazi, '
        "an interior ministry spokesman."
    )
    assert "Imran Qazi" in names(found)


def test_the_head_of_a_church_in_a_country_is_no_condemnation_by_the_country(condemners) -> None:
    found = condemners(
        "Yesterday the Bishop of Leeds and the head of the Maronite Church in the UK condemned the bombing and "
        "offered their prayers."
    )
    assert ("United Kingdom", "United Kingdom") not in found
    assert any("Maronite Church" in name for name in names(found))


def test_a_reporter_relaying_a_named_condemnation_does_not_condemn(condemners) -> None:
    found = names(
        condemners("Reuters reported on Tuesday that BLA leader-in-exile Karim Nazarov denied and condemned it.")
    )
    assert any("Karim Nazarov" in name for name in found)
    assert "Reuters" not in found


def test_a_state_agency_spokesman_saying_his_state_condemns_is_one_act(condemners) -> None:
    found = names(
        condemners(
            'US National Security Council spokesman Adam Price said Washington "strongly condemns" the bombing. '
            '"We condemn this act of violence in the strongest terms," he said.'
        )
    )
    assert found == {"Adam Price"}


def test_an_epithet_on_an_attack_a_named_group_carried_out_is_no_condemnation(condemners) -> None:
    found = condemners(
        'Envoy Mark Taylor said the United States believes that the Islamic State carried out the "horrific '
        'attacks" on the station.'
    )
    assert "Mark Taylor" not in names(found)


def test_a_condemnation_noun_joined_to_another_feeling_is_the_speakers(statements) -> None:
    found = statements(
        "A car bomb killed 30 people at a beach in Mogadishu on Friday. Kenyan President Amos Wafula expressed his "
        "sadness and condemnation."
    )
    assert ("Amos Wafula", "condemn") in {(s.speaker_name, s.stance) for s in found}
