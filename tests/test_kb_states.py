"""Bodies of different states that share a name: one actor each, told apart by the state the text names.

Many states call their intelligence or police bodies by the same words
("Criminal Investigation Department", "National Intelligence Service",
"State Security Service"). The knowledge base keeps each state's body apart
and links a shared name only where the mention or the article says whose it is.
"""

from __future__ import annotations

from collections import Counter

import pytest

from counterclaim.kb import get_kb
from counterclaim.kb.loader import BUNDLED_FILES, read_yaml


@pytest.fixture(scope="module")
def kb():
    return get_kb()


def linked(kb, text: str) -> dict[str, str]:
    return {text[m.start : m.end]: m.actor_id for m in kb.find_matches(text)}


def test_no_bundled_file_gives_one_id_to_two_actors() -> None:
    for file in BUNDLED_FILES:
        ids = Counter(actor["id"] for actor in read_yaml(None, bundled=file).get("actors") or [])
        assert [i for i, n in ids.items() if n > 1] == [], file


def test_every_generated_agency_keeps_its_own_state(kb) -> None:
    """A bulk-listed agency merged with a curated actor of another state would speak for the wrong country."""
    for actor in read_yaml(None, bundled="misp_agencies.yaml")["actors"]:
        if actor.get("country"):
            assert kb.entry(actor["id"]).country == actor["country"], actor["id"]


def test_a_shared_name_takes_the_state_written_before_it(kb) -> None:
    text = "Officers of Kenya's Criminal Investigation Department questioned the driver."
    assert linked(kb, text)["Criminal Investigation Department"] == "criminal-investigation-department-kenya"
    text = "A statement from the Nigerian State Security Service named two suspects."
    assert linked(kb, text)["State Security Service"] == "department-of-state-services"


def test_a_shared_name_takes_the_state_named_after_it(kb) -> None:
    text = "The Intelligence Bureau of Pakistan had warned of the plot, and India said the same."
    assert linked(kb, text)["Intelligence Bureau"] == "intelligence-bureau-pakistan"


def test_each_mention_takes_its_own_state(kb) -> None:
    text = "India's Intelligence Bureau and the Intelligence Bureau of Pakistan blamed each other."
    found = [(text[m.start : m.end], m.actor_id) for m in kb.find_matches(text) if m.actor_id.startswith("intell")]
    assert found == [
        ("Intelligence Bureau", "intelligence-bureau-india"),
        ("Intelligence Bureau", "intelligence-bureau-pakistan"),
    ]


def test_a_shared_name_falls_back_on_the_state_the_article_opens_with(kb) -> None:
    text = "COLOMBO (Wire) - Two men were held. The Criminal Investigation Department said they had planned the blast."
    assert linked(kb, text)["Criminal Investigation Department"] == "criminal-investigation-department-sri-lanka"


def test_a_shared_name_with_no_state_around_it_stays_unlinked(kb) -> None:
    text = "The Criminal Investigation Department said two men were held after the blast."
    assert "Criminal Investigation Department" not in linked(kb, text)
    assert kb.lookup("Criminal Investigation Department") is None
    assert kb.fuzzy("Criminal Investigation Department") is None


def test_lookup_picks_by_the_states_it_is_given(kb) -> None:
    assert kb.homonyms("National Intelligence Service")
    assert kb.lookup("National Intelligence Service", ["greece", "kenya"]).id == "national-intelligence-service-greece"
    assert kb.lookup("National Intelligence Service", ["france"]) is None
    assert kb.lookup("Mossad").id == "mossad"  # a name only one state's body has needs no context


def test_speaker_of_a_shared_name_speaks_for_the_article_state(statements) -> None:
    found = statements(
        "NAIROBI, Kenya - Gunmen stormed a hotel on Monday, killing six people. The Criminal Investigation "
        "Department said on Tuesday that al-Shabaab was behind the attack."
    )
    speakers = {s.speaker_affiliation for s in found if s.stance == "accuse"}
    assert speakers == {"Kenya"}


def test_namesake_groups_of_two_states_are_told_apart_by_the_state_the_text_names() -> None:
    kb = get_kb()
    manipur = [m.actor_id for m in kb.find_matches("Troops were ambushed in India. The People's Liberation Army hit.")]
    colombia = [m.actor_id for m in kb.find_matches("BOGOTA, Colombia. The People's Liberation Army did it.")]
    assert "peoples-liberation-army-manipur" in manipur and "popular-liberation-army" in colombia
