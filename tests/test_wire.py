"""Wire and radio-monitoring copy: datelines, dates, places, perpetrators and relevance.

Every text here is written for these tests in the manner of 1980s wire copy
(capitals, two-digit years, bracketed headers); none is taken from a corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from counterclaim.nlp.components.dateline import parse_dateline


@pytest.mark.parametrize(
    ("text", "place", "country", "day"),
    [
        ("QUITO, 20 AUG 88 (XYZ) -- [TEXT] THE POLICE SAID", "Quito", "Ecuador", dt.date(1988, 8, 20)),
        ("Quito, 20 Aug 88 (XYZ) -- [Text] The police said", "Quito", "Ecuador", dt.date(1988, 8, 20)),
        ("BOGOTA, 3 JAN 90 -- [REPORT] [A REPORTER] [TEXT] TROOPS", "Bogota", "Colombia", dt.date(1990, 1, 3)),
        ("MANAGUA (NICARAGUA), 9 FEB 1990 (RADIO) -- [TEXT] THE", "Managua", "Nicaragua", dt.date(1990, 2, 9)),
        ("MANAGUA, 14 NOV (XYZ) -- [TEXT] A LEADER", "Managua", "Nicaragua", None),
        ("CLANDESTINE, 2 MAR 89 (RADIO XYZ) -- [COMMUNIQUE] [TEXT] WE", None, None, dt.date(1989, 3, 2)),
    ],
)
def test_wire_datelines(text: str, place: str | None, country: str | None, day: dt.date | None) -> None:
    found = parse_dateline(text)
    assert found is not None
    assert (found["place"], found["country"], found["date"]) == (place, country, day)
    assert text[found["end"] - 1] == "]" or text[found["end"] - 2 : found["end"]] == "--"


def test_relative_days_count_from_the_wire_dateline(pipeline: Language) -> None:
    doc = pipeline(
        "QUITO, 20 AUG 88 (XYZ) -- [TEXT] A BOMB EXPLODED YESTERDAY AT A POWER STATION IN THE OUTSKIRTS OF "
        "GUAYAQUIL, KILLING TWO WATCHMEN, THE POLICE REPORTED TODAY."
    )
    assert doc._.published == dt.date(1988, 8, 20)
    assert doc._.event is not None
    assert doc._.event.date == dt.date(1988, 8, 19)


def _responsible(pipeline: Language, text: str) -> list[tuple[str, str]]:
    event = pipeline(text)._.event
    assert event is not None, text
    return [(r.name, r.confidence) for r in event.perpetrators.responsible]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Urban commandos of the FMLN attacked a police post in Soyapango on Sunday night, wounding two agents.",
            ("Farabundo Marti National Liberation Front", "reported"),
        ),
        (
            "Shining Path rebels killed six farmers in a village of Ayacucho department on 4 May 1989.",
            ("Shining Path", "reported"),
        ),
        (
            "The judge was kidnapped on Thursday in Bucaramanga, apparently by ELN guerrillas, his family said.",
            ("National Liberation Army", "suspected"),
        ),
        (
            "A car bomb went off outside a newspaper office in Medellin on Friday, killing three guards. "
            "Police blamed the Medellin cartel for the blast.",
            ("Medellin Cartel", "accused"),
        ),
    ],
)
def test_perpetrators_beyond_claims(pipeline: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in _responsible(pipeline, text)


def test_eval_format_lists_perpetrators_as_written(pipeline: Language) -> None:
    from counterclaim.evalformat import event_to_eval

    doc = pipeline("A bomb placed by ELN guerrillas destroyed a stretch of the oil pipeline near Saravena on Monday.")
    assert event_to_eval(doc._.event)["perpetrators"] == ["ELN guerrillas"]
    assert event_to_eval(None)["perpetrators"] == []


@pytest.mark.parametrize(
    ("text", "attack_type"),
    [
        ("Unidentified armed men murdered a union leader in Santa Ana on Saturday morning.", "armed assault"),
        ("Rebels of the ELN killed four soldiers near Arauca on Tuesday.", "armed assault"),
        ("Masked men robbed a bank in Cochabamba on Monday and fled with the cash.", "robbery"),
        ("Guerrillas set a bus on fire in Huancayo on Wednesday after ordering the passengers off.", "arson"),
        ("Three engineers were kidnapped near Barrancabermeja on Friday by armed men.", "hostage taking"),
    ],
)
def test_murder_kidnapping_arson_and_robbery_are_attacks(pipeline: Language, text: str, attack_type: str) -> None:
    event = pipeline(text)._.event
    assert event is not None
    assert attack_type in (event.attack_type, event.attack_type_text)


def test_a_killing_without_an_attacker_is_no_attack(pipeline: Language) -> None:
    assert pipeline("Two miners were killed on Monday when a tunnel collapsed near Potosi.")._.event is None
