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
