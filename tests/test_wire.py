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
