"""Accusations, denials, confirmations and hedges in constructions met in real coverage (our own sentences).

Each test keeps a construction seen in real reporting — a list of blamed
parties the parse splits oddly, a participle that blames, a description
standing for a named official — written in our own words.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from counterclaim.records import Statement


@pytest.fixture(scope="module")
def statements(pipeline: Language):
    """Statements of a text run through the full pipeline."""

    def run(text: str) -> list[Statement]:
        return list(pipeline(text)._.statements)

    return run


def triples(found: list[Statement]) -> set[tuple[str, str, str | None]]:
    return {(s.speaker_name, s.stance, s.target_name) for s in found}


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
