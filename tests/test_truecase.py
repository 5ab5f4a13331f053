"""Re-casing text written in capitals (``cc_truecase``, ``nlp/casing.py``), on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from counterclaim.nlp.casing import is_shouted

WIRE = (
    "QUITO, 4 MAR 89 (XYZ) -- [TEXT] GUERRILLAS OF THE SHINING PATH SET OFF A CAR BOMB YESTERDAY OUTSIDE "
    "A BANK IN SAN MIGUEL, KILLING TWO GUARDS. POLICE SAID PRESIDENT JAIME PAZ ZAMORA WAS NOT IN THE CITY."
)


@pytest.fixture(scope="module")
def caser(pipeline: Language):
    return pipeline.get_pipe("cc_truecase")


def test_capitals_are_detected_and_mixed_case_is_not() -> None:
    assert is_shouted(WIRE)
    assert not is_shouted("Gunmen attacked a police post in the north on Monday, officials said. " * 3)
    assert not is_shouted("SHORT HEADLINE")  # too few letters to tell


def test_names_places_and_ordinary_words_get_their_case(caser) -> None:
    text = caser.model().recase(WIRE)
    assert len(text) == len(WIRE)
    assert "Quito, 4 Mar 89" in text
    assert "[Text] Guerrillas of the Shining Path set off a car bomb yesterday" in text
    assert "outside a bank in San Miguel, killing" in text
    assert "Police said president Jaime Paz Zamora was not in the city." in text


def test_acronyms_name_particles_and_spelt_out_names(caser) -> None:
    model = caser.model()
    assert "the FMLN" in model.recase("REBELS OF THE FMLN STRUCK A POWER LINE NEAR THE COAST.")
    assert "in San Luis de la Reina" in model.recase("THE RAID TOOK PLACE IN SAN LUIS DE LA REINA ON FRIDAY.")
    spelt = model.recase("A COMMANDO OF THE PATRIOTIC MORAZANIST FRONT [FPM] CLAIMED THE BLAST.")
    assert "the Patriotic Morazanist Front [FPM]" in spelt
    assert "don't" in model.recase("THEY SAID: WE DON'T NEGOTIATE WITH ANYONE AT ALL.")


def test_the_pipeline_reads_the_recased_copy_and_keeps_offsets(pipeline: Language) -> None:
    doc = pipeline(WIRE)
    assert doc._.recased is True
    assert doc.text.upper() == WIRE
    places = [ent.text for ent in doc.ents if ent.label_ == "GPE"]
    assert "San Miguel" in places
    plain = pipeline("Gunmen attacked a police post in the north on Monday, killing two officers.")
    assert plain._.recased is None
