"""The actor knowledge base: lookups, relations, in-text matching, role splitting, user files."""

from __future__ import annotations

import pytest

from counterclaim.kb import KbFormatError, get_kb, link_role, split_person


@pytest.fixture(scope="session")
def kb():
    return get_kb()


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Daesh", "islamic-state"),
        ("the Islamic State's", "islamic-state"),
        ("ISIS-K", "islamic-state-khorasan-province"),
        ("IS-KP", "islamic-state-khorasan-province"),
        ("Al Shabab", "al-shabaab"),
        ("al-Shabaab", "al-shabaab"),
        ("Jama’atu Ahlis Sunna Lidda’awati wal-Jihad", "boko-haram"),
        ("Ansar Allah", "houthis"),
        ("the Zionist regime", "israel"),
        ("Zionists", "israel"),
        ("The U.S.", "united-states"),
        ("USA", "united-states"),
        ("the Great Satan", "united-states"),
        ("the Kremlin", "russia"),
        ("Tasnim News Agency", "tasnim"),
        ("Amaq", "amaq"),
        ("Qods Force", "irgc-quds-force"),
        ("MOIS", "iran-ministry-of-intelligence"),
        ("Mossad", "mossad"),
        ("Kurdistan Workers Party", "kurdistan-workers-party"),
        ("Lashkar-e-Toiba", "lashkar-e-taiba"),
        ("Burkina Faso", "burkina-faso"),
        ("Vanuatu", "vanuatu"),
    ],
)
def test_lookup_aliases_of_each_kind(kb, name, actor_id):
    actor = kb.lookup(name)
    assert actor is not None and actor.id == actor_id


def test_canonical_names_follow_the_scorer(kb):
    assert kb.actor("islamic-state-khorasan-province").name == "Islamic State Khorasan Province"
    assert kb.actor("al-shabaab").name == "al-Shabaab"
    assert kb.actor("tehrik-i-taliban-pakistan").name == "Tehrik-i-Taliban Pakistan"


def test_branch_stays_branch_and_knows_its_parent(kb):
    assert kb.lookup("ISKP").id == "islamic-state-khorasan-province"
    assert kb.parent("islamic-state-khorasan-province").id == "islamic-state"
    assert kb.is_branch_of("allied-democratic-forces", "islamic-state")
    assert kb.is_branch_of("al-shabaab", "al-qaeda")
    assert not kb.is_branch_of("islamic-state", "islamic-state-khorasan-province")
    assert not kb.is_branch_of("boko-haram", "islamic-state-west-africa-province")


def test_state_of_follows_affiliations_but_not_from_militant_groups(kb):
    assert kb.state_of("tasnim").id == "iran"
    assert kb.state_of("esmail-qaani").id == "iran"
    assert kb.state_of("mossad").id == "israel"
    assert kb.state_of("al-shabaab") is None


def test_demonyms_name_states(kb):
    assert kb.demonym_state("Iranian").id == "iran"
    assert kb.demonym_state("Afghans").id == "afghanistan"
    assert kb.demonym_state("Taliban") is None


def test_fuzzy_transliterations(kb):
    assert kb.fuzzy("Esmaeil Ghaani").id == "esmail-qaani"
    assert kb.fuzzy("Qasem Suleimani").id == "qassem-soleimani"
    assert kb.fuzzy("Ebrahim Raeesi").id == "ebrahim-raisi"
    assert kb.fuzzy("Completely Unknown Person") is None


def test_find_all_boundaries_and_case(kb):
    text = "IS said it is behind the attack on the ISLAND resort; Iran's allies disagree."
    found = [(text[s:e], a.id) for s, e, a in kb.find_all(text)]
    assert found == [("IS", "islamic-state"), ("Iran", "iran")]


def test_find_all_prefers_the_longest_name(kb):
    text = "A statement from ISIS-K reached the press; ISIS Khorasan later repeated it."
    found = [(text[s:e], a.id) for s, e, a in kb.find_all(text)]
    assert found == [
        ("ISIS-K", "islamic-state-khorasan-province"),
        ("ISIS Khorasan", "islamic-state-khorasan-province"),
    ]


def test_find_matches_says_how_the_actor_was_named(kb):
    text = "Pakistani officials in Islamabad blamed the TTP."
    vias = [(text[m.start : m.end], m.actor_id, m.via) for m in kb.find_matches(text)]
    assert vias == [
        ("Pakistani", "pakistan", "demonym"),
        ("Islamabad", "pakistan", "metonym"),
        ("TTP", "tehrik-i-taliban-pakistan", "alias"),
    ]


def test_capitalised_names_need_a_capital(kb):
    assert kb.find_all("They ate turkey in chad-coloured rooms.") == []


@pytest.mark.parametrize(
    ("text", "name", "role", "titles"),
    [
        ("Quds Force Commander Brig. Gen. Karim Doe", "Karim Doe", "Quds Force Commander", ["Brig. Gen."]),
        ("Kenyan Interior Minister Amos Example", "Amos Example", "Kenyan Interior Minister", []),
        ("Amos Example, a senior lawmaker", "Amos Example", "senior lawmaker", []),
        ("Dr. Amina Sample", "Amina Sample", None, ["Dr."]),
        ("Amina Sample", "Amina Sample", None, []),
        ("Somali officials", "", "Somali officials", []),
        ("Moroccan national Karim Sample", "Karim Sample", "Moroccan national", []),
        ("National Security Council", "National Security Council", None, []),
    ],
)
def test_split_person(text, name, role, titles):
    parts = split_person(text)
    assert (parts.name, parts.role, parts.titles) == (name, role, titles)
    assert text[parts.start : parts.end] == name


def test_link_role_prefers_the_specific_organisation(kb):
    assert link_role("IRGC Quds Force Commander", kb) == "irgc-quds-force"
    assert link_role("Nigerian Defence Minister", kb) == "nigeria"
    assert link_role("senior lawmaker", kb) is None


def test_user_file_merges_and_adds(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "version: 1\n"
        "actors:\n"
        "  - {id: islamic-state, aliases: [Dawla Test Alias]}\n"
        "  - {id: example-front, name: Example Liberation Front, kind: militant_group, aliases: [ELFX]}\n",
        encoding="utf-8",
    )
    kb = get_kb((extra,))
    assert kb.lookup("Dawla Test Alias").id == "islamic-state"
    assert kb.lookup("ELFX").name == "Example Liberation Front"
    assert get_kb((extra,)) is kb
    assert get_kb().lookup("ELFX") is None


def test_bad_user_file_is_reported(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors: []\n", encoding="utf-8")
    with pytest.raises(KbFormatError):
        get_kb((bad,))
